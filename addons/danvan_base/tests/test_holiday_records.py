from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import DanvanCommon


@tagged("post_install", "-at_install")
class TestHolidayRecords(DanvanCommon):
    """The calendar as data: shipped years, edits, generation (CAL-7, CAL-8)."""

    def test_official_2025_and_2026_ship_with_sources(self):
        """The official 2025 and 2026 schedules ship confirmed, with a source."""
        for year in (2025, 2026):
            entries = self.Holiday.search([("year", "=", year)])
            self.assertTrue(entries, year)
            self.assertEqual(set(entries.mapped("state")), {"confirmed"}, year)
            self.assertTrue(all(entries.mapped("source")), year)
        tet = self.env.ref("danvan_base.danvan_holiday_2026_tet")
        self.assertEqual(
            (tet.date_from, tet.date_to, tet.day_count),
            (date(2026, 2, 14), date(2026, 2, 22), 9),
        )
        self.assertIn("9441/TB-BNV", tet.source)

    def test_cache_follows_create_write_unlink(self):
        """CAL-8: an added, moved or deleted day off changes the answers at once."""
        day = date(2030, 6, 5)
        self.assertTrue(self.Holiday.is_working_day(day))
        extra = self.Holiday.create({"name": "Nghỉ đột xuất", "date_from": day})
        self.assertEqual(extra.date_to, day)
        self.assertFalse(self.Holiday.is_working_day(day))
        extra.date_from = extra.date_to = date(2030, 6, 6)
        self.assertTrue(self.Holiday.is_working_day(day))
        self.assertFalse(self.Holiday.is_working_day(date(2030, 6, 6)))
        extra.active = False
        self.assertTrue(self.Holiday.is_working_day(date(2030, 6, 6)))
        extra.active = True
        extra.unlink()
        self.assertTrue(self.Holiday.is_working_day(date(2030, 6, 6)))

    def test_archived_days_never_count_whatever_the_context(self):
        """An archived day off is ignored even when the table is built without
        active_test (the cache key ignores the context)."""
        day = date(2030, 6, 12)
        self.Holiday.create({"name": "Nghỉ đã hủy", "date_from": day}).active = False
        self.env.registry.clear_cache()
        self.assertTrue(
            self.Holiday.with_context(active_test=False).is_working_day(day)
        )
        self.assertTrue(self.Holiday.is_working_day(day))

    def test_cache_follows_a_change_signalled_by_another_worker(self):
        """A change made elsewhere shows once Odoo clears the registry cache."""
        day = date(2026, 2, 16)
        self.assertFalse(self.Holiday.is_working_day(day))
        tet = self.env.ref("danvan_base.danvan_holiday_2026_tet")
        self.env.cr.execute(
            "UPDATE danvan_holiday SET date_from = '2026-02-21' WHERE id = %s", [tet.id]
        )
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.assertTrue(self.Holiday.is_working_day(day))

    def test_swapped_working_day_must_be_a_weekend(self):
        """CAL-2: a swapped working day on a weekday is refused, nothing stored."""
        count = self.Holiday.search_count([])
        with self.assertRaises(ValidationError):
            self.Holiday.create(
                {
                    "name": "Làm bù",
                    "day_type": "swapped_work",
                    "date_from": date(2030, 6, 5),
                }
            )
        self.assertEqual(self.Holiday.search_count([]), count)

    def test_day_cannot_be_off_and_worked(self):
        """A working Saturday may not overlap a day off."""
        with self.assertRaises(ValidationError):
            self.Holiday.create(
                {
                    "name": "Làm bù",
                    "day_type": "swapped_work",
                    "date_from": date(2026, 2, 14),
                }
            )

    def test_dates_are_checked(self):
        """An end before the start, or an entry longer than a month, is refused."""
        with self.assertRaises(ValidationError):
            self.Holiday.create(
                {
                    "name": "Sai",
                    "date_from": date(2030, 6, 5),
                    "date_to": date(2030, 6, 1),
                }
            )
        with self.assertRaises(ValidationError):
            self.Holiday.create(
                {
                    "name": "Quá dài",
                    "date_from": date(2030, 6, 1),
                    "date_to": date(2030, 8, 1),
                }
            )

    def test_cal7_generate_a_year_from_the_library(self):
        """CAL-7: 2027 gets Tết as one entry, Giỗ Tổ and 2/9, all proposed."""
        entries = self.Holiday._generate_year(2027)
        self.assertTrue(entries)
        self.assertEqual(set(entries.mapped("state")), {"proposed"})
        tet = entries.filtered(lambda h: h.day_type == "tet")
        self.assertEqual(len(tet), 1)
        self.assertEqual(tet.date_from, date(2027, 2, 4))
        self.assertEqual(tet.date_to, date(2027, 2, 10))
        self.assertFalse(self.Holiday.is_working_day(date(2027, 2, 8)))
        self.assertFalse(self.Holiday.is_working_day(date(2027, 4, 16)))
        self.assertIn(date(2027, 9, 2), entries.mapped("date_from"))
        self.assertTrue(
            all("holidays" in source for source in entries.mapped("source"))
        )

    def test_generate_twice_adds_nothing(self):
        """Generating a year again, or a year already shipped, adds no duplicate."""
        self.Holiday._generate_year(2028)
        self.assertFalse(self.Holiday._generate_year(2028))
        before = self.Holiday.search_count([("year", "=", 2025)])
        self.Holiday._generate_year(2025)
        self.assertEqual(self.Holiday.search_count([("year", "=", 2025)]), before)

    def test_generate_absurd_year_is_refused(self):
        """A year far outside the calendar is a clear error."""
        with self.assertRaises(UserError):
            self.Holiday._generate_year(99999)

    def test_library_names_are_classified(self):
        """Names of the holidays library map to the types of the calendar."""
        classify = self.Holiday._classify_library_name
        self.assertEqual(classify("Mùng hai Tết Nguyên Đán"), "tet")
        self.assertEqual(classify("Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"), "compensatory")
        self.assertEqual(
            classify("Ngày nghỉ (thay cho ngày 22/08/2026)"), "swapped_off"
        )
        self.assertEqual(classify("Quốc khánh"), "public_holiday")

    def test_wizard_generates_and_opens_the_year(self):
        """The Office's wizard generates the year and shows the proposed days."""
        wizard_form = Form(
            self.env["danvan.holiday.generate"].with_user(self.users["office"])
        )
        wizard_form.year = 2029
        action = wizard_form.save().action_generate()
        self.assertEqual(action["res_model"], "danvan.holiday")
        self.assertEqual(action["domain"], [("year", "=", 2029)])
        self.assertTrue(
            self.Holiday.search_count([("year", "=", 2029), ("state", "=", "proposed")])
        )

    @freeze_time("2031-10-01")
    def test_cron_proposes_next_year_once(self):
        """The cron proposes next year when it is missing, and only once."""
        self.Holiday._cron_generate_next_year()
        count = self.Holiday.search_count([("year", "=", 2032)])
        self.assertGreater(count, 5)
        with patch.object(type(self.Holiday), "_generate_year") as generate:
            self.Holiday._cron_generate_next_year()
            generate.assert_not_called()

    def test_state_changes_are_tracked(self):
        """Sending a day back and confirming it again are logged with the user."""
        office = self.users["office"]
        entry = self.env.ref("danvan_base.danvan_holiday_2026_tet").with_user(office)
        entry = entry.with_context(tracking_disable=False, mail_notrack=False)
        for action, old, new in (
            (entry.action_reset_proposed, "confirmed", "proposed"),
            (entry.action_confirm, "proposed", "confirmed"),
        ):
            action()
            self.assertEqual(entry.state, new)
            # Tracking values are written when the transaction is about to commit.
            self.env.flush_all()
            self.env.cr.precommit.run()
            message = entry.sudo().message_ids[:1]
            self.assertEqual(message.author_id, office.partner_id)
            tracking = message.tracking_value_ids
            self.assertEqual(tracking.field_id.name, "state")
            self.assertEqual(
                (tracking.old_value_char, tracking.new_value_char),
                (
                    dict(entry._fields["state"].selection)[old],
                    dict(entry._fields["state"].selection)[new],
                ),
            )
