from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestModelField(BaseCommon):
    """The configurable fields of 'Dân vận khéo' models (issue 4, item 2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(
            cls.env, login="dvm_staff", groups="danvan_base.group_danvan_staff"
        )
        cls.office = new_test_user(
            cls.env, login="dvm_office", groups="danvan_base.group_danvan_office"
        )
        cls.Field = cls.env["danvan.model.field"]

    def test_default_fields_ship(self):
        """The seven default fields of a Sở KH&CN are installed, 'Other' last."""
        fields = self.Field.search([])
        self.assertGreaterEqual(len(fields), 7)
        self.assertEqual(
            fields[-1], self.env.ref("danvan_models.danvan_model_field_other")
        )

    def test_staff_read_office_edits(self):
        """Staff read the fields; the Office adds and renames them; staff cannot."""
        self.assertTrue(self.Field.with_user(self.staff).search([]))
        with self.assertRaises(AccessError):
            self.Field.with_user(self.staff).create(
                {"name": "Năng lượng", "code": "NL"}
            )
        field = self.Field.with_user(self.office).create(
            {"name": "Năng lượng", "code": "NL"}
        )
        field.write({"name": "Năng lượng nguyên tử"})
        with self.assertRaises(AccessError):
            field.unlink()

    def test_code_is_unique(self):
        """Two fields cannot share a code."""
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.Field.create({"name": "Trùng", "code": "CDS"})
            self.Field.flush_model()

    def test_menu_under_danvan_configuration(self):
        """The fields are configured under Dân vận > Configuration."""
        menu = self.env.ref("danvan_models.danvan_model_field_menu")
        self.assertEqual(
            menu.parent_id, self.env.ref("danvan_base.menu_danvan_configuration")
        )
