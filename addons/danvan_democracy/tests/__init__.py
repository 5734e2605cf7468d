from . import test_publication
from . import test_evaluation_import
from . import test_evaluation_result
from . import test_evaluation_demo
from . import test_evaluation_tour
