"""The reception allowance (TCD-22): duties, dated rates, the monthly sheet."""

import io
from contextlib import contextmanager
from datetime import date

import openpyxl
from psycopg2 import IntegrityError
from PyPDF2 import PdfReader

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .common import DanvanCommon

# July 2026: Circular 65/2026/TT-BTC comes into force on Monday 27/7; the
# demo data lies in the last two months, never in July.
BEFORE = date(2026, 7, 20)  # Monday
AFTER = date(2026, 7, 28)  # Tuesday
AFTER_2 = date(2026, 7, 29)  # Wednesday
SATURDAY = date(2026, 7, 25)


class AllowanceCommon(DanvanCommon):
    @contextmanager
    def assertRaisesRegex(self, exception, pattern):
        """Odoo's assertRaises, with its savepoint: what follows sees what a
        refused request leaves."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.office = cls.users["office"]
        cls.leader = cls.users["leader"]
        cls.staff = cls.users["staff"]
        cls.officer = cls.users["reception"]
        cls.env.company.danvan_agency_code = "SKHCN"
        cls.Duty = cls.env["danvan.reception.duty"]
        cls.Sheet = cls.env["danvan.reception.allowance.sheet"]

    def _duty(self, user, day, **vals):
        return self.Duty.with_user(self.office).create(
            {"user_id": user.id, "date": day, **vals}
        )

    def _july_duties(self):
        """The officer: one day before the new rates, one full and one half
        day after; the staff member: a day of support after."""
        return (
            self._duty(self.officer, BEFORE)
            | self._duty(self.officer, AFTER)
            | self._duty(self.officer, AFTER_2, portion="half")
            | self._duty(self.staff, AFTER, kind="support")
        )

    def _july_sheet(self):
        return self.Sheet.with_user(self.office).create({"year": 2026, "month": "7"})


class TestReceptionDuty(AllowanceCommon):
    def test_tcd22_amount_is_the_rate_in_force_on_the_day(self):
        before, after, half, support = self._july_duties()
        self.assertEqual(before.amount, 100000)
        self.assertEqual(after.amount, 200000)
        self.assertEqual(half.amount, 100000)
        self.assertEqual(half.days, 0.5)
        self.assertEqual(support.amount, 100000)
        self.assertIn("65/2026", after.rate_id.legal_basis)
        self.assertIn("UNVERIFIED", before.rate_id.note)

    def test_tcd22_professional_allowance_lowers_the_rate_and_is_remembered(self):
        first = self._duty(self.officer, AFTER, professional_allowance=True)
        self.assertEqual(first.amount, 150000)
        second = self._duty(self.officer, AFTER_2)
        self.assertTrue(second.professional_allowance)
        self.assertEqual(second.amount, 150000)

    def test_tcd22_a_new_rate_is_data_and_applies_to_unpaid_duties(self):
        duty = self._duty(self.officer, date(2027, 3, 2))
        self.assertEqual(duty.amount, 200000)
        Rate = self.env["danvan.reception.allowance.rate"]
        with self.assertRaises(AccessError):
            Rate.with_user(self.office).create(
                {
                    "kind": "reception",
                    "amount": 1,
                    "date_from": date(2027, 1, 1),
                    "legal_basis": "x",
                }
            )
        admin = self.users["dv_admin"]
        with self.assertRaisesRegex(ValidationError, "same kind is in force"):
            Rate.with_user(admin).create(
                {
                    "kind": "reception",
                    "amount": 300000,
                    "date_from": date(2027, 1, 1),
                    "legal_basis": "Thông tư mới",
                }
            )
        self.env.ref("danvan_complaints.allowance_rate_65_reception").with_user(
            admin
        ).date_to = date(2026, 12, 31)
        Rate.with_user(admin).create(
            {
                "kind": "reception",
                "amount": 300000,
                "date_from": date(2027, 1, 1),
                "legal_basis": "Thông tư mới",
            }
        )
        self.assertEqual(duty.amount, 300000)
        self.assertEqual(self._duty(self.officer, AFTER).amount, 200000)

    def test_tcd22_rate_of_recorded_duties_is_kept(self):
        duty = self._duty(self.officer, AFTER)
        with self.assertRaisesRegex(UserError, "archive it instead"):
            duty.rate_id.with_user(self.users["dv_admin"]).unlink()
        self.assertTrue(duty.rate_id.exists())

    def test_tcd22_rate_cannot_end_before_it_starts(self):
        with self.assertRaisesRegex(ValidationError, "cannot end before"):
            self.env["danvan.reception.allowance.rate"].with_user(
                self.users["dv_admin"]
            ).create(
                {
                    "kind": "support",
                    "amount": 1,
                    "date_from": date(2040, 1, 2),
                    "date_to": date(2040, 1, 1),
                    "legal_basis": "x",
                }
            )

    def test_tcd22_one_duty_per_officer_and_day(self):
        self._duty(self.officer, AFTER)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._duty(self.officer, AFTER, kind="support")

    def test_tcd22_cal5_duty_on_a_working_day_of_a_sensible_year(self):
        with self.assertRaisesRegex(ValidationError, "not a working day"):
            self._duty(self.officer, SATURDAY)
        with self.assertRefused():
            self._duty(self.officer, date(1900, 7, 20))

    def test_tcd22_officer_sees_only_own_duties_and_cannot_edit(self):
        mine = self._duty(self.staff, AFTER)
        other = self._duty(self.officer, AFTER)
        Duty = self.Duty.with_user(self.staff)
        self.assertEqual(Duty.search([("date", "=", AFTER)]), mine)
        with self.assertRaises(AccessError):
            other.with_user(self.staff).read(["amount"])
        with self.assertRaises(AccessError):
            mine.with_user(self.staff).write({"portion": "half"})
        with self.assertRaises(AccessError):
            Duty.create({"user_id": self.staff.id, "date": AFTER_2})
        self.assertEqual(
            self.Duty.with_user(self.office).search([("date", "=", AFTER)]),
            mine | other,
        )

    def test_tcd22_session_officers_on_duty(self):
        place = self.env["danvan.reception.place"].create({"name": "Trụ sở"})
        session = self.env["danvan.reception.session"].create(
            {
                "kind": "unscheduled",
                "date": AFTER,
                "place_id": place.id,
                "presider_id": self.leader.id,
                "participant_ids": [(6, 0, self.officer.ids)],
            }
        )
        action = session.with_user(self.office).action_duty_officers()
        duties = self.Duty.search([("session_id", "=", session.id)])
        self.assertEqual(duties.user_id, self.leader | self.officer)
        self.assertEqual(set(duties.mapped("date")), {AFTER})
        self.assertEqual(
            self.Duty.with_user(self.office).search(action["domain"]), duties
        )
        # Again: nobody twice.
        session.with_user(self.office).action_duty_officers()
        self.assertEqual(self.Duty.search_count([("session_id", "=", session.id)]), 2)
        self.assertEqual(session.duty_count, 2)
        with self.assertRaises(AccessError):
            session.with_user(self.staff).action_duty_officers()

    def test_tcd22_another_agency_duties_are_not_shown(self):
        other = self.env["res.company"].create({"name": "Sở Tư pháp"})
        self.office.company_ids |= other
        theirs = self._duty(self.officer, AFTER, company_id=other.id)
        ours = self._duty(self.officer, AFTER)
        Duty = self.Duty.with_user(self.office).with_context(
            allowed_company_ids=self.env.company.ids
        )
        self.assertEqual(Duty.search([("date", "=", AFTER)]), ours)
        self.assertNotEqual(theirs, ours)

    def test_tcd22_nobody_on_duty_at_a_cancelled_session(self):
        place = self.env["danvan.reception.place"].create({"name": "Trụ sở"})
        session = self.env["danvan.reception.session"].create(
            {"kind": "unscheduled", "date": AFTER, "place_id": place.id}
        )
        session.action_cancel()
        with self.assertRaisesRegex(UserError, "cancelled"):
            session.with_user(self.office).action_duty_officers()

    def test_tcd22_duties_from_sessions_held_and_visits(self):
        place = self.env["danvan.reception.place"].create({"name": "Trụ sở"})
        held = self.env["danvan.reception.session"].create(
            {
                "kind": "unscheduled",
                "date": BEFORE,
                "place_id": place.id,
                "presider_id": self.leader.id,
            }
        )
        held.action_held()
        self.env["danvan.reception.session"].create(
            {
                "kind": "unscheduled",
                "date": AFTER_2,
                "place_id": place.id,
                "presider_id": self.staff.id,
            }
        )
        self.env["danvan.reception.visit"].create(
            {
                "date": AFTER,
                "officer_id": self.officer.id,
                "summary": "Hỏi về thủ tục",
            }
        )
        wizard = (
            self.env["danvan.reception.duty.generate"]
            .with_user(self.office)
            .create({"date_from": date(2026, 7, 1), "date_to": date(2026, 7, 31)})
        )
        wizard.action_generate()
        july = [("date", ">=", date(2026, 7, 1)), ("date", "<=", date(2026, 7, 31))]
        ours = [("user_id", "in", (self.leader | self.officer | self.staff).ids)]
        duties = self.Duty.search(july + ours)
        self.assertEqual(
            {(duty.user_id, duty.date, duty.session_id) for duty in duties},
            {(self.leader, BEFORE, held), (self.officer, AFTER, self.env[held._name])},
            "the planned session gives no duty",
        )
        wizard.action_generate()
        self.assertEqual(self.Duty.search_count(july + ours), 2)
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.env["danvan.reception.duty.generate"].with_user(self.office).create(
                {"date_from": date(2026, 7, 31), "date_to": date(2026, 7, 1)}
            )


class TestAllowanceSheet(AllowanceCommon):
    def test_tcd22_sheet_counts_each_officer_of_the_month(self):
        self._july_duties()
        self._duty(self.officer, date(2026, 8, 3))  # another month
        sheet = self._july_sheet()
        self.assertEqual(sheet.name, "Bồi dưỡng tiếp công dân tháng 07/2026")
        lines = {line.user_id: line for line in sheet.line_ids}
        self.assertEqual(set(lines), {self.officer, self.staff})
        self.assertEqual(lines[self.officer].days, 2.5)
        self.assertEqual(lines[self.officer].amount, 400000)
        self.assertEqual(lines[self.officer].dates, "20, 28, 29½")
        self.assertEqual(lines[self.staff].amount, 100000)
        self.assertEqual(sheet.amount_total, 500000)
        self.assertEqual(sheet.days_total, 3.5)
        # A duty recorded later joins the draft when it takes the duties again.
        self._duty(self.staff, AFTER_2)
        sheet.with_user(self.office).action_build()
        self.assertEqual(sheet.amount_total, 700000)

    def test_tcd22_office_submits_the_head_issues_and_the_month_is_locked(self):
        before, after, half, support = self._july_duties()
        sheet = self._july_sheet()
        with self.assertRaises(AccessError):
            sheet.with_user(self.office).action_issue()
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            sheet.with_user(self.office).write({"state": "issued"})
        sheet.with_user(self.office).action_submit()
        self.assertEqual(sheet.state, "submitted")
        self.assertIn(self.leader, sheet.activity_ids.user_id)
        sheet.with_user(self.leader).action_issue()
        self.assertEqual(sheet.state, "issued")
        self.assertRegex(sheet.number, r"^\d{2}/SKHCN$")
        self.assertFalse(sheet.activity_ids)
        self.assertTrue(before.is_locked)
        with self.assertRaisesRegex(UserError, "is issued"):
            after.with_user(self.office).write({"portion": "half"})
        with self.assertRaisesRegex(UserError, "is issued"):
            half.with_user(self.office).unlink()
        with self.assertRaisesRegex(UserError, "is issued"):
            self._duty(self.staff, date(2026, 7, 30))
        with self.assertRaisesRegex(UserError, "is issued"):
            self._duty(self.staff, date(2026, 8, 3)).write({"date": AFTER_2})
        with self.assertRaisesRegex(UserError, "locked"):
            sheet.with_user(self.leader).write({"signer_name": "Người khác"})
        with self.assertRaisesRegex(UserError, "kept by law"):
            sheet.with_user(self.users["dv_admin"]).unlink()
        with self.assertRaises(AccessError):
            sheet.line_ids[:1].with_user(self.office).write({"amount": 1})
        with self.assertRaises(AccessError):
            sheet.line_ids[:1].with_user(self.leader).unlink()
        # A rate corrected later does not change what was paid.
        self.env.ref("danvan_complaints.allowance_rate_65_support").with_user(
            self.users["dv_admin"]
        ).amount = 120000
        self.assertEqual(support.amount, 100000)
        self.assertEqual(sheet.amount_total, 500000)

    def test_tcd22_head_sends_back_and_empty_month_is_refused(self):
        empty = self.Sheet.with_user(self.office).create({"year": 2026, "month": "6"})
        with self.assertRaisesRegex(UserError, "no officer on duty"):
            empty.with_user(self.office).action_submit()
        self._july_duties()
        sheet = self._july_sheet()
        sheet.with_user(self.office).action_submit()
        with self.assertRaisesRegex(UserError, "month of a submitted"):
            sheet.with_user(self.office).write({"month": "8"})
        sheet.with_user(self.leader).action_back_to_draft()
        self.assertEqual(sheet.state, "draft")
        self.assertEqual(sheet.activity_ids.user_id, self.office)
        self.assertIn("07/2026", sheet.activity_ids.summary)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._july_sheet()

    def test_tcd22_staff_cannot_read_sheets(self):
        duties = self._july_duties()
        sheet = self._july_sheet()
        sheet.with_user(self.office).action_submit()
        sheet.with_user(self.leader).action_issue()
        # The officer still reads his own duty, as its form shows it.
        mine = duties.filtered(lambda duty: duty.user_id == self.staff)
        Duty = self.Duty.with_user(self.staff)
        view = Duty.get_views([(False, "form"), (False, "list")])
        for arch in (view["views"]["form"]["arch"], view["views"]["list"]["arch"]):
            self.assertNotIn('name="sheet_id"', arch)
        fields = view["models"]["danvan.reception.duty"]["fields"]
        spec = {
            name: {}
            for name in fields
            if name not in ("user_id", "session_id", "sheet_id")
        }
        values = mine.with_user(self.staff).web_read(spec)[0]
        self.assertEqual((values["amount"], values["is_locked"]), (100000, True))
        with self.assertRaises(AccessError):
            sheet.with_user(self.staff).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.Sheet.with_user(self.officer).create({"year": 2026, "month": "7"})

    def test_tcd22_absurd_year_refused(self):
        with self.assertRefused():
            self.Sheet.with_user(self.office).create({"year": 3026, "month": "7"})


@tagged("post_install", "-at_install")
class TestAllowanceDocuments(HttpCase, AllowanceCommon):
    def test_tcd22_pdf_in_the_decree30_layout_with_amount_in_words(self):
        self._july_duties()
        sheet = self._july_sheet()
        sheet.with_user(self.office).action_submit()
        sheet.with_user(self.leader).action_issue()
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        # wkhtmltopdf warns of its unpatched Qt: the machine's, not ours.
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, kind = (
                self.env["ir.actions.report"]
                .with_user(self.leader)
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(
                    "danvan_complaints.action_report_danvan_reception_allowance_sheet",
                    sheet.ids,
                )
            )
        self.assertEqual(kind, "pdf")
        reader = PdfReader(io.BytesIO(pdf))
        text = "".join("".join(page.extract_text() for page in reader.pages).split())
        for expected in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            f"Số: {sheet.number}",
            "BẢNG THANH TOÁN",
            "tháng 07/2026",
            self.officer.name,
            "400.000",
            "500.000",
            "Năm trăm nghìn đồng",
            "NGƯỜI LẬP BẢNG",
        ):
            self.assertIn("".join(expected.split()), text)
        self.assertNotIn("DỰTHẢO", text)

    def test_tcd22_xlsx_of_the_sheet(self):
        self._july_duties()
        sheet = self._july_sheet()
        self.authenticate("dv_staff", "dv_staff")
        with mute_logger("odoo.http"):
            response = self.url_open(f"/danvan_complaints/allowance/{sheet.id}/xlsx")
        self.assertEqual(response.status_code, 403)
        self.authenticate("dv_office", "dv_office")
        response = self.url_open(f"/danvan_complaints/allowance/{sheet.id}/xlsx")
        self.assertEqual(response.status_code, 200)
        book = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = {row[1]: row for row in book.iter_rows(min_row=4, values_only=True)}
        self.assertEqual(rows[self.officer.name][4:6], (2.5, 400000))
        self.assertEqual(rows[self.staff.name][5], 100000)
        self.assertEqual(list(rows.values())[-1][5], 500000)


@tagged("post_install", "-at_install")
class TestAllowanceTour(VietnameseBrowserCase, AllowanceCommon):
    """In Chromium, in Vietnamese: the Office records a duty, builds and submits
    the sheet of the month; the head issues it (TCD-22)."""

    def test_tcd22_office_records_builds_and_the_head_issues(self):
        officer = new_test_user(
            self.env,
            login="dv_alw_duty",
            name="Cán bộ Trực",
            groups="danvan_base.group_danvan_staff",
        )
        self.start_tour(
            "/odoo/action-danvan_complaints.danvan_reception_duty_action",
            "danvan_allowance_office_tour",
            login=self.office.login,
        )
        duty = self.Duty.search([("user_id", "=", officer.id)])
        self.assertEqual(
            (duty.date, duty.portion, duty.amount), (date(2026, 8, 4), "half", 100000)
        )
        sheet = self.Sheet.search([("year", "=", 2026), ("month", "=", "8")])
        self.assertEqual(sheet.state, "submitted")
        self.start_tour(
            "/odoo/action-danvan_complaints.danvan_reception_allowance_sheet_action",
            "danvan_allowance_head_tour",
            login=self.leader.login,
        )
        self.assertEqual(sheet.state, "issued")
        self.assertEqual(sheet.issued_by_id, self.leader)
        self.assertEqual(sheet.line_ids.user_id, officer)
        self.assertTrue(duty.is_locked)
