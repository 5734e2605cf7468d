from . import test_publication
from . import test_consultation
from . import test_consultation_opinion
from . import test_consultation_confidentiality
from . import test_consultation_queries
from . import test_consultation_tour
from . import test_consultation_confidentiality_http
