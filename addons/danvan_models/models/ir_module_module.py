from odoo import models


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(
        self, modules, langs, overwrite=False, imported_module=False
    ):
        """Criteria copied into a round before a language was loaded (the demo
        round, a round created before Vietnamese was installed) take the
        translations of their default."""
        result = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        if "danvan_models" in modules:
            self.env["danvan.model.criterion"]._translate_copies(langs)
        return result
