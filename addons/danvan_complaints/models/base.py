from odoo import models


class Base(models.AbstractModel):
    _inherit = "base"

    def export_data(self, fields_to_export):
        """An identity exported, from any model, is logged as an export (TC-13)."""
        with self.env["danvan.identity.access"]._channel("export"):
            return super().export_data(fields_to_export)
