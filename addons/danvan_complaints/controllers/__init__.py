from . import main
from . import portal
from . import identity_access
from . import rec
from . import danvan_alw_allowance
