from . import test_model_field
