from . import test_time_limit
from . import test_reception
from . import test_petition
from . import test_reception_visit
from . import test_complaints_queries
from . import test_complaint
from . import test_denunciation
from . import test_portal
