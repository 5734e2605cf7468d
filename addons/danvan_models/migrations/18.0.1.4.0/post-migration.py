"""The criteria of the rounds done before 18.0.1.4.0 keep the texts their
default had then: rewording a default no longer changes them (issue 12)."""

from openupgradelib import openupgrade


def freeze_done_rounds(env):
    criteria = env["danvan.model.criterion"].with_context(active_test=False)
    criteria.search([("round_id.state", "=", "done")])._freeze_texts()


@openupgrade.migrate()
def migrate(env, version):
    freeze_done_rounds(env)
