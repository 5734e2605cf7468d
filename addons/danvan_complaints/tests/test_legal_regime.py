from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CaseCommon


@tagged("post_install", "-at_install")
class TestLegalRegime(CaseCommon):
    """Records follow the regime in force on their date (domain-vn.md §0.3,
    KN-18, TC-16): the texts of 2013-2021 until 30/6/2026, the amending law and
    Decrees 154-156 of 2026 from 01/7/2026."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Regime = cls.env["danvan.legal.regime"]
        cls.old = cls.env.ref("danvan_complaints.danvan_legal_regime_2014")
        cls.new = cls.env.ref("danvan_complaints.danvan_legal_regime_2026")

    def _visit(self, day):
        return (
            self.env["danvan.reception.visit"]
            .with_user(self.officer)
            .create(
                {
                    "date": day,
                    "summary": "Hỏi về thủ tục",
                    "visitor_ids": [
                        Command.create(
                            {"name": "Lê Văn Chế Độ", "identity_number": "051190000999"}
                        )
                    ],
                }
            )
        )

    def test_regime_changes_on_1_july_2026(self):
        """§0.3: 30/6/2026 is under the old texts, 01/7/2026 under the new."""
        self.assertEqual(self.Regime._regime_on(date(2026, 6, 30)), self.old)
        self.assertEqual(self.Regime._regime_on(date(2026, 7, 1)), self.new)
        self.assertEqual(self._visit(date(2026, 6, 30)).regime_id, self.old)
        self.assertEqual(self._visit(date(2026, 7, 1)).regime_id, self.new)

    def test_case_follows_the_petition_and_its_steps_their_day(self):
        """KN-18: a case received before 01/7/2026 keeps the old regime as its
        own, and a step taken after it asks the new one."""
        case = self._case("complaint", received=date(2026, 6, 1))
        self.assertEqual(case.regime_id, self.old)
        self.assertEqual(case._danvan_regime_at(), self.old)
        self.assertEqual(case._danvan_regime_at(date(2026, 7, 2)), self.new)
        self.assertTrue(
            case._danvan_regime_at(date(2026, 7, 2)).allows_partial_withdrawal
        )
        self.assertFalse(case._danvan_regime_at().allows_partial_withdrawal)

    def test_amended_regime_dates_move_the_records(self):
        """An amendment entered later (its date moved) moves the stored regime
        of the records of the days that change."""
        visit = self._visit(date(2026, 7, 1))
        self.new.date_from = date(2026, 7, 2)
        self.old.date_to = date(2026, 7, 1)
        self.env.flush_all()
        self.assertEqual(visit.regime_id, self.old)

    def test_overlapping_regimes_refused(self):
        with self.assertRaises(ValidationError):
            self.Regime.create(
                {"name": "Trùng", "code": "overlap", "date_from": date(2026, 12, 1)}
            )
        with self.assertRaises(ValidationError):
            self.new.date_to = date(2026, 6, 1)

    def test_forms_by_regime(self):
        """TCD-13: the register of the old regime prints on TT04 Mẫu 03; a form
        a regime lacks is a clear error, not a wrong print."""
        form = self.old._form("reception_register")
        self.assertEqual(
            form.template, "danvan_complaints.report_danvan_reception_register"
        )
        with self.assertRaises(UserError):
            self.old._form("no_such_form")

    def test_no_regime_is_a_clear_error(self):
        with self.assertRaises(UserError):
            self.Regime._get_regime(date(2010, 1, 1))
        self.assertFalse(self._visit(date(2014, 6, 1)).regime_id)

    def test_staff_read_regimes_only_the_admin_edits(self):
        staff = self.users["staff"]
        self.assertEqual(self.Regime.with_user(staff).search([]), self.old | self.new)
        with self.assertRaises(AccessError):
            self.new.with_user(self.officer).write({"allows_online_reception": False})
        self.new.with_user(self.users["dv_admin"]).write({"note": "Đã đối chiếu"})
