from odoo import models


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _danvan_load_translations(self):
        """Load these modules' translations now, for their demo data.

        Odoo loads a module's translations after its demo data, so the records
        the demo creates would be named, and their chatter would say "Plan Task
        được tạo", with the English model names. A Dân vận addon calls this
        first in its demo data. The translations are written in SQL: the cache
        of the transaction is dropped so the demo reads them.
        """
        self._update_translations()
        self.env.invalidate_all()
