from . import main
from . import portal
from . import identity_access
from . import reception_conclusion
from . import reception_allowance
