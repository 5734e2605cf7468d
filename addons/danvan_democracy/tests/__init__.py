from . import test_publication
from . import test_conference
from . import test_conference_attendee
from . import test_conference_agenda_item
from . import test_conference_documents
from . import test_conference_queries
from . import test_conference_tour
from . import test_conference_confidentiality
