from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestIntranet(TransactionCase):
    def test_partner_autocomplete_is_not_installed(self):
        """No company data of the intranet goes to Odoo's autocomplete service:
        the addon removes the module that its dependencies bring in (issue 10)."""
        module = self.env["ir.module.module"].search(
            [("name", "=", "partner_autocomplete")]
        )
        self.assertNotEqual(module.state, "installed")
