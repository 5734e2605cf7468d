def logs_identity(registry, model_name):
    """Whether reading a record of ``model_name`` may write a line of the
    access log of citizens' identity (TC-13): the models marked
    ``_danvan_logs_identity``, those of ``danvan.identity.log.mixin``."""
    return bool(getattr(registry.get(model_name), "_danvan_logs_identity", False))
