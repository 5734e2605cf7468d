from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .test_my_work import MyWorkCommon


@tagged("post_install", "-at_install")
class TestMyWorkTour(VietnameseBrowserCase, MyWorkCommon):
    """In Chromium, each role starts on its work (issue 10)."""

    def setUp(self):
        super().setUp()
        self._open_rounds()
        self._add_my_work()

    def test_staff_lands_on_their_work_and_opens_it(self):
        self.start_tour("/odoo", "danvan_my_work_tour", login="dv_staff")

    def test_numbers_use_the_decimal_comma_in_vietnamese(self):
        """The done task weighs 5 of 11: the plan stands at 45.5%."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.users["office"].lang = "vi_VN"
        self.task_done.weight = 5
        self.assertEqual(self.plan.progress, 45.5)
        self.start_tour("/odoo", "danvan_my_work_vi_tour", login="dv_office")
