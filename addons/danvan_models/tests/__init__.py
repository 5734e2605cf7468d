from . import test_model_field
from . import test_model_registration
from . import test_model_outputs
from . import test_model_queries
from . import test_model_first_contact
from . import test_models_tour
from . import test_my_work
from . import test_absurd_dates
