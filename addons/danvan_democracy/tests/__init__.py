from . import test_publication
from . import test_inspection_board
from . import test_inspection
from . import test_briefing
from . import test_briefing_tour
from . import test_inspection_programme
from . import test_inspection_document
from . import test_inspection_my_work
