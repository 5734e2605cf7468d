from datetime import date

from odoo.tests import new_test_user, tagged

from .browser import VietnameseBrowserCase


@tagged("post_install", "-at_install")
class TestHolidayTour(VietnameseBrowserCase):
    """In Chromium, the Office generates a year and confirms its Tết."""

    def test_office_generates_and_confirms_a_year(self):
        """The tour ends with the 2031 Tết confirmed and the other days proposed."""
        new_test_user(
            self.env, login="dv_tour_office", groups="danvan_base.group_danvan_office"
        )
        self.start_tour("/odoo", "danvan_holiday_generate_tour", login="dv_tour_office")
        entries = self.env["danvan.holiday"].search([("year", "=", 2031)])
        tet = entries.filtered(lambda h: h.day_type == "tet")
        self.assertEqual(tet.state, "confirmed")
        self.assertEqual(tet.date_from, date(2031, 1, 21))
        self.assertIn("proposed", entries.mapped("state"))
