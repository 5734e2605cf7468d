from . import danvan_model_field
from . import danvan_model_criterion
from . import danvan_model_round
from . import danvan_model_registration
from . import danvan_model_score
from . import danvan_model_update
from . import danvan_model_emulation
from . import res_config_settings
