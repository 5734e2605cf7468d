from . import plan_outline
