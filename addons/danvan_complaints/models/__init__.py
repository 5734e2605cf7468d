from . import danvan_time_limit
from . import danvan_deadline_mixin
from . import danvan_reception_place
from . import danvan_reception_session
from . import danvan_petition
from . import danvan_petition_sender
from . import res_company
from . import res_config_settings
