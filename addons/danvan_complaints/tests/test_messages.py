import re

from odoo.tests import tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import PoFileReader, TranslationModuleReader

from odoo.addons.base.tests.common import BaseCommon

# The ids of docs/domain-vn.md (KN-7, TC-13, TCD-5, XLD-8, BC-1, ...) are for
# the code and its comments; the user reads the law in words.
RULE_ID = re.compile(r"\b(?:KN|TCD|TC|XLD|BC|CAL|VB|DC|DVK)-\d{1,2}\b")


@tagged("post_install", "-at_install")
class TestMessages(BaseCommon):
    """What the addon says cites the law, not the project's rule ids."""

    def _own_term(self, name, xmlid):
        """Not a field that a mixin of another addon defines (it is translated,
        and checked, with that addon)."""
        if not name.startswith("ir.model.fields,"):
            return True
        field = self.env.ref(xmlid)
        return "danvan_complaints" in self.env[field.model]._fields[field.name]._modules

    def test_no_rule_id_in_translatable_terms(self):
        """Every term Odoo exports for the addon: Python messages, field
        labels and help, selections, views, reports and data."""
        reader = TranslationModuleReader(self.env.cr, modules=["danvan_complaints"])
        found = sorted(
            f"{name}: {source}"
            for _module, _kind, name, res_id, source, _value, _comments in reader
            if RULE_ID.search(source) and self._own_term(name, res_id)
        )
        self.assertEqual(found, [])

    def test_no_rule_id_in_the_vietnamese_translation(self):
        with open(file_path("danvan_complaints/i18n/vi.po"), "rb") as po:
            found = sorted(
                entry["value"]
                for entry in PoFileReader(po)
                if RULE_ID.search(entry["value"] or "")
            )
        self.assertEqual(found, [])
