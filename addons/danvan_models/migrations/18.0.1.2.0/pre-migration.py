"""The registration name's trigram index is Odoo's own (index="trigram" on the
field) since 18.0.1.2.0: the one made by hand before goes, so that the database
does not keep two."""

from odoo.tools.sql import drop_index


def migrate(cr, version):
    drop_index(cr, "danvan_model_registration_name_trgm", "danvan_model_registration")
