from . import models
from . import tools
from . import wizard
from .hooks import pre_init_hook
