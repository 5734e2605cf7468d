from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .common import PlanTwoAgenciesCommon

# static/tests/tours/danvan_multi_company_tour.js looks for the same names.
AGENCY_B = "Sở Nội vụ thử"
UNIT_A = "Phòng Khoa học thử"
UNIT_B = "Phòng Xây dựng chính quyền"


@tagged("post_install", "-at_install")
class TestPlanMultiCompanyTour(VietnameseBrowserCase, PlanTwoAgenciesCommon):
    """In Chromium, the provincial overseer follows the task progress of both
    agencies of the install (issue 15, item 4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A name of its own: the demo data has a unit named as unit_science.
        cls.unit_science.name = UNIT_A

    def test_overseer_reads_the_progress_of_both_agencies(self):
        self.assertEqual(self.company_b.name, AGENCY_B)
        self.assertEqual(self.task_a.lead_department_id.name, UNIT_A)
        self.assertEqual(self.task_b.lead_department_id.name, UNIT_B)
        self.start_tour(
            "/odoo",
            "danvan_plan_progress_province_tour",
            login=self.user_province.login,
        )
