from odoo.tests import new_test_user

from odoo.addons.danvan_plan.tests.common import DanvanCommon


class ReceptionCommon(DanvanCommon):
    """Two reception officers: the one handling the case, and another."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = cls.users["reception"]
        cls.other_officer = new_test_user(
            cls.env,
            login="dvc_officer_2",
            groups="danvan_plan.group_danvan_reception",
        )
