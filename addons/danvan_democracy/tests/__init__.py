from . import test_publication
