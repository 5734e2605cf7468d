from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TwoAgenciesCommon


@tagged("post_install", "-at_install")
class TestMultiCompany(TwoAgenciesCommon):
    """One install for a province (issue 15, item 4): what the agencies share
    and what each keeps for itself."""

    def test_provincial_overseer_is_a_role_of_the_category_that_changes_nothing(self):
        """The overseer's role hangs on the 'Dân vận' category and implies no
        role of an agency: it neither edits the calendar nor the limits."""
        group = self.env.ref("danvan_base.group_danvan_provincial")
        self.assertEqual(
            group.category_id, self.env.ref("danvan_base.module_category_danvan")
        )
        province = self.user_province
        self.assertFalse(province.has_group("danvan_base.group_danvan_staff"))
        entry = self.env.ref("danvan_base.danvan_holiday_2026_tet")
        with self.assertRaises(AccessError):
            entry.with_user(province).write({"name": "Đổi"})
        limits = self._as_province(self.env["danvan.time.limit"])
        self.assertTrue(limits.has_access("read"))
        self.assertFalse(limits.has_access("write"))

    def test_cal1_every_agency_reads_the_one_national_calendar(self):
        """CAL-1, CAL-8: the days off are the nation's, kept once for every
        agency of the install; agency B counts the same working days."""
        for user in (self.users["staff"], self.users_b["staff"], self.user_province):
            Holiday = self.Holiday.with_user(user)
            self.assertTrue(Holiday.search([("year", "=", 2026)]), user.login)
            self.assertFalse(Holiday.is_working_day(date(2026, 2, 16)), user.login)
        self.assertFalse(self.Holiday._fields.get("company_id"))

    def test_vb7_each_agency_numbers_its_documents_from_one(self):
        """VB-7: agency B's reports take numbers of its own sequence, from 01,
        while the main company keeps the sequence it has numbered with."""
        code = "danvan.document.report"
        shared = self.company_a._danvan_document_sequence(code)
        self.assertIn(shared.company_id, (self.company_a, self.env["res.company"]))
        own = self.company_b._danvan_document_sequence(code)
        self.assertEqual(own.company_id, self.company_b)
        self.assertNotEqual(own, shared)
        self.assertEqual(own, self.company_b._danvan_document_sequence(code))
        day = date(2026, 3, 2)
        before = shared.next_by_id(sequence_date=day)
        self.assertEqual(own.next_by_id(sequence_date=day), "01")
        self.assertEqual(own.next_by_id(sequence_date=day), "02")
        self.assertEqual(int(shared.next_by_id(sequence_date=day)), int(before) + 1)
