"""A round's criteria point to their default since 18.0.1.3.0: the stored,
translated texts of a criterion become its own wording (``own_name``,
``own_guidance``); ``name`` and ``guidance`` are read from the default unless
the round rewords them."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    openupgrade.rename_fields(
        env,
        [
            ("danvan.model.criterion", "danvan_model_criterion", old, f"own_{old}")
            for old in ("name", "guidance")
        ],
    )
