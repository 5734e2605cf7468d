from . import danvan_model_field
