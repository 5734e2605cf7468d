from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DemocracyCommon


@tagged("post_install", "-at_install")
class TestPublication(DemocracyCommon):
    def test_dc3_due_five_working_days_after_the_decision(self):
        # Tue 01/12/2026 + 5 working days: Tue 08/12/2026.
        publication = self._publication()
        self.assertEqual(publication.date_due, date(2026, 12, 8))
        # Fri 04/12 + 5 working days skips the weekend: Fri 11/12.
        publication.decision_date = date(2026, 12, 4)
        self.assertEqual(publication.date_due, date(2026, 12, 11))

    @freeze_time("2026-12-03")
    def test_dc4_posted_twenty_days_and_not_withdrawn_early(self):
        publication = self._publication()
        publication.with_user(self.users["office"]).action_publish()
        self.assertEqual(publication.state, "posted")
        self.assertEqual(publication.date_start, date(2026, 12, 3))
        self.assertEqual(publication.date_end_min, date(2026, 12, 23))
        self.assertEqual(publication.date_end, date(2026, 12, 23))
        with self.assertRaisesRegex(UserError, "cannot be withdrawn"):
            publication.with_user(self.users["office"]).action_archive()
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            publication.with_user(self.users["office"]).state = "archived"
        self.Publication._cron_archive_expired()
        self.assertEqual(publication.state, "posted")
        with freeze_time("2026-12-24"):
            self.Publication._cron_archive_expired()
        self.assertEqual(publication.state, "archived")
        self.assertFalse(publication.published_late)

    def test_dc2_a_secret_item_is_not_published(self):
        publication = self._publication(confidential=True)
        with self.assertRaisesRegex(UserError, "cannot be made public"):
            publication.with_user(self.users["office"]).action_publish()
        self.assertEqual(publication.state, "draft")

    def test_dc3_staff_read_what_is_posted_for_them(self):
        publication = self._publication()
        staff = self.users["staff"]
        Publication = self.Publication.with_user(staff)
        self.assertFalse(Publication.search([("id", "=", publication.id)]))
        with self.assertRaises(AccessError):
            publication.with_user(staff).action_publish()
        publication.with_user(self.users["office"]).action_publish()
        mine = Publication.search([("id", "=", publication.id)])
        self.assertEqual(mine, publication)
        self.assertFalse(mine.is_read)
        mine.action_mark_read()
        mine.action_mark_read()
        self.assertTrue(mine.is_read)
        self.assertEqual(publication.read_count, 1)
        self.assertEqual(Publication.search([("is_read", "=", True)]), publication)
        self.assertNotIn(publication, Publication.search([("is_read", "=", False)]))
