from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestTimeLimit(BaseCommon):
    """Legal time limits as data with effective dates (§0.1, CAL-6)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Limit = cls.env["danvan.time.limit"]
        cls.reception = new_test_user(
            cls.env,
            login="dvc_reception",
            groups="danvan_complaints.group_danvan_reception",
        )

    def test_kn7_first_resolution_limits(self):
        """KN-7: 30 / 45 days, remote 45 / 60, in calendar days."""
        expected = {"normal": 30, "complex": 45, "remote": 45, "remote_complex": 60}
        for variant, duration in expected.items():
            limit = self.Limit._get_limit(
                "complaint_resolution_1", date(2026, 8, 1), variant
            )
            self.assertEqual((limit.duration, limit.unit), (duration, "days"), variant)

    def test_kn7_deadline_goes_through_the_calendar(self):
        """KN-7 + CAL-4: accepted Saturday 1/8/2026, due Thursday 3/9/2026."""
        deadline = self.Limit.compute_deadline(
            "complaint_resolution_1", date(2026, 8, 1)
        )
        self.assertEqual(deadline, date(2026, 9, 3))

    def test_xld8_petition_deadline_in_working_days(self):
        """XLD-8: 10 working days from 10/2/2026, across Tết, end on 3/3/2026."""
        deadline = self.Limit.compute_deadline("petition_processing", date(2026, 2, 10))
        self.assertEqual(deadline, date(2026, 3, 3))

    def test_tc3_preliminary_processing(self):
        """TC-3: 7 working days, extendable to 10."""
        self.assertEqual(
            self.Limit._get_limit(
                "denunciation_preliminary", date(2026, 3, 1)
            ).duration,
            7,
        )
        self.assertEqual(
            self.Limit._get_limit(
                "denunciation_preliminary", date(2026, 3, 1), "complex"
            ).duration,
            10,
        )

    def test_amendment_is_a_data_change(self):
        """§0.1: a new limit in force from 1/7/2026 applies from that day only."""
        old = self.Limit._get_limit("complaint_resolution_1", date(2026, 6, 30))
        old.date_to = date(2026, 6, 30)
        self.Limit.create(
            {
                "name": "First-time complaint resolution",
                "code": "complaint_resolution_1",
                "variant": "normal",
                "duration": 20,
                "unit": "days",
                "date_from": date(2026, 7, 1),
            }
        )
        self.assertEqual(
            self.Limit._get_limit("complaint_resolution_1", date(2026, 6, 30)).duration,
            30,
        )
        self.assertEqual(
            self.Limit._get_limit("complaint_resolution_1", date(2026, 7, 1)).duration,
            20,
        )

    def test_overlapping_limits_are_refused(self):
        """Two limits of one kind in force on the same day are refused."""
        with self.assertRaises(ValidationError):
            self.Limit.create(
                {
                    "name": "Duplicate",
                    "code": "complaint_resolution_1",
                    "duration": 20,
                    "date_from": date(2026, 7, 1),
                }
            )

    def test_missing_limit_is_a_clear_error(self):
        """A deadline with no limit in force names what is missing."""
        with self.assertRaises(UserError):
            self.Limit.compute_deadline("complaint_resolution_1", date(2000, 1, 1))

    def test_zero_length_is_refused(self):
        """A limit of zero days is refused."""
        with self.assertRaises(ValidationError):
            self.Limit.create(
                {
                    "name": "Zero",
                    "code": "x",
                    "duration": 0,
                    "date_from": date(2026, 1, 1),
                }
            )

    def test_reception_reads_but_does_not_edit(self):
        """Reception officers read the limits; only the administrator changes them."""
        limit = self.Limit.with_user(self.reception).search([], limit=1)
        self.assertTrue(limit)
        with self.assertRaises(AccessError):
            limit.write({"duration": 99})
