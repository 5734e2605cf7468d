from . import main
from . import portal
from . import identity_access
from . import rec
from . import reception_allowance
