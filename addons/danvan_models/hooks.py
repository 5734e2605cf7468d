from odoo.modules.db import has_trigram


def pre_init_hook(env):
    """The duplicate check of registrations compares names with pg_trgm, which
    a database created outside Odoo may lack. The registry looks for it once
    when it starts: tell it the news so that the name's trigram index is built
    with the table."""
    env.cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    env.registry.has_trigram = has_trigram(env.cr)
