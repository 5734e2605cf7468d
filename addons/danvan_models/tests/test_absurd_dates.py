from datetime import date

from odoo.tests import tagged

from .common import ModelsCommon

# No year, the first ones, the last ones Python and PostgreSQL hold, and the
# years just outside 1990-2100.
ABSURD_YEARS = (0, 1, 1989, 2101, 9999, 10000)
ABSURD_DATES = (date(1, 1, 1), date(1989, 12, 31), date(2101, 1, 1), date.max)


@tagged("post_install", "-at_install")
class TestAbsurdDates(ModelsCommon):
    """Issue 11, item 8: the years and dates of the Dân vận khéo rounds,
    updates and commendations lie in 1990-2100; a refusal changes nothing."""

    freeze_time = "2025-03-10"

    def test_dvk6_round_year_and_deadline_in_range(self):
        Round = self.Round.with_user(self.users["office"])
        before = Round.search_count([])
        for year in ABSURD_YEARS:
            with self.assertRefused():
                Round.create({"year": year, "date_deadline": date(2026, 3, 31)})
        for day in ABSURD_DATES:
            with self.assertRefused():
                Round.create({"year": 2026, "date_deadline": day})
        self.assertEqual(Round.search_count([]), before)
        round_ = self.model_round.with_user(self.users["office"])
        for year in ABSURD_YEARS:
            with self.assertRefused():
                round_.year = year
        for day in ABSURD_DATES:
            with self.assertRefused():
                round_.date_deadline = day
        self.assertEqual((round_.year, round_.date_deadline), (2025, date(2025, 3, 31)))
        # Refused twice, the round still opens and takes registrations.
        self._open_round()
        self.assertEqual(self._submitted().state, "submitted")

    def test_dvk6_update_and_commendation_dates_in_range(self):
        self._open_round()
        registration = self._implementing()
        Update = self.env["danvan.model.update"].with_user(self.users["unit_head"])
        for day in ABSURD_DATES:
            with self.assertRefused():
                Update.create(
                    {"registration_id": registration.id, "content": "x", "date": day}
                )
        self.assertFalse(registration.update_ids)
        office = registration.with_user(self.users["office"])
        office.evaluation_score = 93
        office.action_evaluate()
        office.write(
            {"commendation_type": "certificate_of_merit", "decision_number": "125/QĐ"}
        )
        for day in ABSURD_DATES:
            with self.assertRefused():
                office.decision_date = day
        self.assertFalse(registration.decision_date)
        # Refused, the model is still recognized with a true date.
        office.decision_date = date(2025, 12, 20)
        office.action_recognize()
        self.assertEqual(registration.state, "recognized")
