from . import test_publication
from . import test_information_request
from . import test_publication_my_work
from . import test_publication_tour
