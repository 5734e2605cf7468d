from datetime import date, datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .motion_common import MotionCommon


@tagged("post_install", "-at_install")
class TestConferenceReview(MotionCommon):
    """DC-10: every six months the head reviews the resolution and tells the
    staff."""

    def _held(self, work_year=2025):
        conference, _extra = self._conference(work_year=work_year)
        conference.sudo().write(
            {
                "state": "done",
                "date_conference": datetime(work_year + 1, 3, 10, 8, 0),
            }
        )
        return conference

    def test_dc10_first_review_due_six_months_after_the_conference(self):
        conference = self._held()
        self.env["danvan.conference.review"]._cron_schedule_reviews()
        review = conference.danvan_review_ids
        self.assertEqual((review.period, review.date_due), (1, date(2026, 9, 10)))
        self.assertIn(self.users["office"], review.activity_ids.user_id)
        # Twice is once.
        self.env["danvan.conference.review"]._cron_schedule_reviews()
        self.assertEqual(len(conference.danvan_review_ids), 1)

    def test_dc10_a_done_review_is_published_and_the_next_one_due(self):
        conference = self._held()
        Review = self.env["danvan.conference.review"]
        Review._cron_schedule_reviews()
        review = conference.danvan_review_ids.with_user(self.users["office"])
        review.write(
            {
                "assessment": "<p>Đã hoàn thành 55% chỉ tiêu nghị quyết.</p>",
                "focal_employee_id": self.employee["union"].id,
            }
        )
        review.action_done()
        publication = review.publication_id
        self.assertEqual(
            publication.category_id,
            self.env.ref("danvan_democracy.danvan_publication_category_art46_12"),
        )
        self.assertEqual(publication.state, "draft")
        self.assertIn("55%", publication.content)
        following = conference.danvan_review_ids - review
        self.assertEqual((following.period, following.date_due), (2, date(2027, 3, 10)))
        self.assertEqual(following.focal_employee_id, self.employee["union"])
        self.assertFalse(review.activity_ids)
        # Done twice is refused; the review is kept as published.
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            review.action_done()
        with self.assertRaisesRegex(UserError, "locked"):
            review.write({"assessment": "<p>Sửa lại.</p>"})
        with self.assertRaisesRegex(UserError, "kept by law"):
            review.unlink()

    def test_dc10_no_review_without_the_heads_assessment(self):
        conference = self._held()
        self.env["danvan.conference.review"]._cron_schedule_reviews()
        review = conference.danvan_review_ids.with_user(self.users["office"])
        with self.assertRaisesRegex(UserError, "assessment"):
            review.action_done()
        self.assertEqual(review.state, "draft")

    def test_dc10_staff_read_reviews_but_only_the_office_closes_them(self):
        conference = self._held()
        self.env["danvan.conference.review"]._cron_schedule_reviews()
        review = conference.danvan_review_ids
        review.assessment = "<p>Tốt.</p>"
        for login in ("staff", "union"):
            self.assertTrue(review.with_user(self.users[login]).read(["name"]))
            with self.assertRaises(AccessError):
                review.with_user(self.users[login]).action_done()
        with self.assertRaises(AccessError):
            review.with_user(self.user_outsider).read(["name"])

    def test_dc10_a_newer_conference_takes_over(self):
        conference = self._held(work_year=2024)
        newer = self._held()
        self.env["danvan.conference.review"]._cron_schedule_reviews()
        self.assertFalse(conference.danvan_review_ids)
        self.assertEqual(len(newer.danvan_review_ids), 1)

    def test_dc10_an_absurd_due_date_is_refused(self):
        conference = self._held()
        self.env["danvan.conference.review"]._cron_schedule_reviews()
        review = conference.danvan_review_ids.with_user(self.users["office"])
        with self.assertRefused():
            review.write({"date_due": "3026-09-10"})
        self.assertEqual(review.date_due, date(2026, 9, 10))
