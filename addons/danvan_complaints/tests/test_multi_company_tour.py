from datetime import date

from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .common import ComplaintsTwoAgenciesCommon

# static/tests/tours/danvan_multi_company_tour.js looks for the same values.
AGENCY_A = "Sở Khoa học và Công nghệ thử"
OF_AGENCY_A = "Đơn riêng của Sở Khoa học, không của Sở Nội vụ"
NEW_PETITION = "Kiến nghị sửa đường liên thôn số 5"


@tagged("post_install", "-at_install")
class TestComplaintsMultiCompanyTour(
    VietnameseBrowserCase, ComplaintsTwoAgenciesCommon
):
    """In Chromium, one install for a province (issue 15, item 4; TC-13,
    TCD-11): an officer of the second agency registers a petition in his
    agency and never sees those of the first; the provincial overseer reads
    the statistics of both."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a.name = AGENCY_A
        # He worked for agency A before he moved to agency B: the petition he
        # handled there stays with agency A, its company alone keeps it out
        # of his list.
        cls.officer_b.company_ids |= cls.company_a
        cls.petition_a_left = (
            cls.env["danvan.petition"]
            .with_company(cls.company_a)
            .create(
                {
                    "summary": OF_AGENCY_A,
                    "date_received": date.today(),
                    "petition_type": "petition",
                    "handler_id": cls.officer_b.id,
                }
            )
        )
        cls.officer_b.company_ids -= cls.company_a

    def test_officer_of_agency_b_registers_in_his_agency_only(self):
        self.assertEqual(self.officer_b.company_ids, self.company_b)
        self.assertFalse(self.officer_b.has_group("base.group_multi_company"))
        self.assertEqual(self.petition_a_left.company_id, self.company_a)
        self.start_tour(
            "/odoo", "danvan_petition_second_agency_tour", login=self.officer_b.login
        )
        Petition = self.env["danvan.petition"]
        petition = Petition.search([("summary", "=", NEW_PETITION)])
        self.assertEqual(len(petition), 1)
        self.assertEqual(petition.company_id, self.company_b)
        self.assertEqual(petition.handler_id, self.officer_b)
        self.assertEqual(petition.sender_ids.company_id, self.company_b)
        # The second of agency B's own register, after petition_b; the
        # register of agency A is past its two.
        self.assertRegex(petition.number, r"^\d{4}/0002$")
        # What his list searched, without its filters: none of agency A.
        seen = Petition.with_user(self.officer_b).search([])
        self.assertEqual(seen, petition | self.petition_b)
        self.assertFalse(seen & (self.petition_a | self.petition_a_left))

    def test_overseer_reads_the_statistics_of_both_agencies(self):
        self.start_tour(
            "/odoo", "danvan_statistics_province_tour", login=self.user_province.login
        )
