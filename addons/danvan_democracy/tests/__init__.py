from . import test_publication
from . import test_conference_motion
from . import test_conference_vote
from . import test_conference_ballot
from . import test_conference_review
from . import test_conference_motion_queries
from . import test_conference_vote_tour
from . import test_conference_motion_demo
