from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .test_inspection import InspectionCommon

SECRET = "BIMAT-CHUONGTRINH-5K2W"


class ProgrammeCommon(InspectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Programme = cls.env["danvan.inspection.programme"]
        cls.Report = cls.env["danvan.inspection.report"]

    def _programme(self, user=None, **values):
        vals = {
            "period_type": "quarter",
            "year": 2026,
            "period_number": 3,
            "content": "<p>Kiểm tra việc sử dụng quỹ phúc lợi.</p>",
        }
        vals.update(values)
        return self.Programme.with_user(user or self.board_user).create(vals)

    def _report(self, user=None, **values):
        vals = {
            "period_type": "half",
            "year": 2026,
            "period_number": 1,
            "content": "<p>Ban đã kiểm tra 2 việc.</p>",
        }
        vals.update(values)
        return self.Report.with_user(user or self.board_user).create(vals)


@tagged("post_install", "-at_install")
class TestInspectionProgramme(ProgrammeCommon):
    """DC-16: the board's quarterly, six-month and annual programmes, sent
    to the union."""

    def test_dc16_periods_of_the_programme(self):
        quarter = self._programme()
        self.assertEqual(
            (quarter.date_from, quarter.date_to), (date(2026, 7, 1), date(2026, 9, 30))
        )
        half = self._programme(period_type="half", period_number=2)
        self.assertEqual(
            (half.date_from, half.date_to), (date(2026, 7, 1), date(2026, 12, 31))
        )
        year = self._programme(period_type="year", period_number=1)
        self.assertEqual(
            (year.date_from, year.date_to), (date(2026, 1, 1), date(2026, 12, 31))
        )
        self.assertIn("2026", year.name)

    def test_dc16_absurd_periods_refused(self):
        with self.assertRaisesRegex(ValidationError, "is not a quarter"):
            self._programme(period_number=5)
        with self.assertRaisesRegex(ValidationError, "is not a quarter"):
            self._programme(period_type="half", period_number=3)
        with self.assertRaisesRegex(ValidationError, "is not a quarter"):
            self._programme(year=1900)
        with self.assertRaisesRegex(ValidationError, "is not a quarter"):
            self._programme(period_number=0)
        self.assertFalse(self.Programme.search([("board_id", "=", self.board.id)]))

    def test_dc16_sent_to_the_union_then_locked(self):
        programme = self._programme()
        programme.action_send()
        self.assertEqual(programme.state, "sent")
        self.assertTrue(programme.date_sent)
        self.assertIn(self.users["union"], programme.activity_ids.user_id)
        with self.assertRaisesRegex(UserError, "locked"):
            programme.content = "<p>Khác.</p>"
        with self.assertRaisesRegex(UserError, "kept by law"):
            programme.unlink()
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            programme.action_send()

    def test_dc16_empty_programme_is_not_sent(self):
        programme = self._programme(content="<p> </p>")
        with self.assertRaisesRegex(UserError, "Write the programme"):
            programme.action_send()
        self.assertEqual(programme.state, "draft")

    def test_dc16_plain_write_of_state_refused(self):
        programme = self._programme()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            programme.write({"state": "sent"})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self._programme(state="sent")
        self.assertEqual(programme.state, "draft")

    def test_dc16_only_the_board_writes_and_sends(self):
        programme = self._programme()
        for role in ("staff", "unit_head", "office", "leader", "union"):
            user = self.users[role]
            with self.assertRaises(AccessError):
                self._programme(user=user)
            with self.assertRaises(AccessError):
                programme.with_user(user).write({"content": "<p>x</p>"})
            with self.assertRaises(AccessError):
                programme.with_user(user).action_send()
        self.assertEqual(programme.state, "draft")

    def test_dc16_union_and_leadership_read_staff_do_not(self):
        programme = self._programme(content=f"<p>{SECRET}</p>")
        for role in ("union", "leader"):
            found = self.Programme.with_user(self.users[role]).search(
                [("content", "ilike", SECRET)]
            )
            self.assertEqual(found, programme)
        for user in (self.users["staff"], self.users["office"], self.user_outsider):
            with self.assertRaises(AccessError):
                self.Programme.with_user(user).search([("content", "ilike", SECRET)])
            with self.assertRaises(AccessError):
                programme.with_user(user).read(["content"])

    def test_dc16_an_ended_board_has_no_programme(self):
        self.board.action_expire()
        with self.assertRaisesRegex(UserError, "not a recognised board"):
            self.Programme.create(
                {"board_id": self.board.id, "year": 2026, "period_number": 1}
            )

    def test_dc16_board_member_writes_the_programme_in_the_form(self):
        form = Form(self.Programme.with_user(self.board_user))
        self.assertEqual(form.board_id, self.board)
        form.period_type = "year"
        form.year = 2027
        form.content = "<p>Chương trình năm 2027.</p>"
        programme = form.save()
        self.assertEqual(programme.date_from, date(2027, 1, 1))
        programme.action_send()
        self.assertEqual(programme.state, "sent")


@tagged("post_install", "-at_install")
class TestInspectionReport(ProgrammeCommon):
    """DC-16: the board's reports, sent to the union and the head, numbered
    as the agency's reports and kept as sent."""

    def test_dc16_sent_to_the_union_and_the_head_with_a_number(self):
        report = self._report()
        self.assertFalse(report.number)
        self.assertIn("6", report.name)
        report.action_send()
        self.assertEqual(report.state, "sent")
        self.assertRegex(report.number, r"^\d+/BC")
        self.assertEqual(report.date_issued, report.date_sent)
        self.assertIn(self.users["union"], report.activity_ids.user_id)
        self.assertIn(self.users["leader"], report.activity_ids.user_id)
        # The board's chair signs on behalf of the board.
        chair = self.board.member_ids.filtered(lambda m: m.role == "chair")
        self.assertEqual(report.signer_name, chair.employee_id.name)

    def test_dc16_numbers_follow_each_other(self):
        first, second = self._report(), self._report(period_number=2)
        first.action_send()
        second.action_send()
        one = int(first.number.split("/")[0])
        self.assertEqual(second.number, f"{one + 1:02d}/{first.number.split('/')[1]}")

    def test_dc16_sent_report_is_locked_and_kept(self):
        report = self._report()
        report.action_send()
        number = report.number
        for values in ({"content": "<p>Khác.</p>"}, {"name": "Khác"}):
            with self.assertRaisesRegex(UserError, "locked"):
                report.write(values)
        with self.assertRaisesRegex(UserError, "kept by law"):
            report.unlink()
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            report.action_send()
        self.assertEqual(report.number, number)

    def test_dc16_number_cannot_be_written(self):
        report = self._report()
        for values in ({"number": "99/BC-X"}, {"date_issued": date(2026, 1, 1)}):
            with self.assertRaisesRegex(UserError, "not written by hand"):
                report.write(values)
        report.action_send()
        with self.assertRaisesRegex(UserError, "not written by hand"):
            report.write({"number": "99/BC-X"})
        self.assertRegex(report.number, r"^\d+/BC")

    def test_dc16_empty_report_is_not_sent(self):
        report = self._report(content=False)
        with self.assertRaisesRegex(UserError, "Write the report"):
            report.action_send()
        self.assertFalse(report.number)

    def test_dc16_report_of_the_term_spans_the_term(self):
        report = self._report(period_type="term")
        self.assertEqual(report.date_from, self.board.date_election)
        self.assertEqual(report.date_to, self.board.date_term_end)

    def test_dc16_only_the_board_writes_and_sends(self):
        report = self._report()
        for role in ("staff", "office", "leader", "union"):
            with self.assertRaises(AccessError):
                self._report(user=self.users[role])
            with self.assertRaises(AccessError):
                report.with_user(self.users[role]).action_send()
        self.assertEqual(report.state, "draft")

    def test_dc16_union_and_leadership_read_staff_do_not(self):
        report = self._report(content=f"<p>{SECRET}</p>")
        report.action_send()
        for role in ("union", "leader"):
            Report = self.Report.with_user(self.users[role])
            self.assertEqual(Report.search([("content", "ilike", SECRET)]), report)
        for user in (self.users["staff"], self.users["unit_head"], self.user_outsider):
            Report = self.Report.with_user(user)
            with self.assertRaises(AccessError):
                Report.search([("content", "ilike", SECRET)])
            with self.assertRaises(AccessError):
                Report.read_group([], ["state"], ["state"])
            with self.assertRaises(UserError):
                report.with_user(user).export_data(["content"])
            messages = (
                self.env["mail.message"]
                .with_user(user)
                .search([("body", "ilike", SECRET)])
            )
            self.assertFalse(messages)

    def test_dc9_latest_report_for_the_conference(self):
        """The board's report to the staff conference: the report of its
        term, else the latest yearly one (Article 51 of the Law)."""
        Report = self.Report.with_user(self.users["leader"])
        yearly = self._report(period_type="year", year=2090, period_number=1)
        yearly.action_send()
        self._report(period_type="term")  # a draft is not presented
        self.assertEqual(Report._latest_for_conference(self.company), yearly)
        term = self._report(period_type="term")
        term.action_send()
        self.assertEqual(Report._latest_for_conference(self.company), term)
        other = self.env["res.company"].create({"name": "Sở khác"})
        self.assertFalse(self.Report._latest_for_conference(other))
        # The report presented at the conference comes first.
        conference = self.env["danvan.conference"].create({"work_year": 2026})
        presented = self._report(period_number=2, conference_id=conference.id)
        presented.action_send()
        self.assertEqual(
            Report._latest_for_conference(self.company, conference), presented
        )
        self.assertEqual(Report._latest_for_conference(self.company), term)

    def test_dc16_print_and_word_buttons(self):
        report = self._report()
        action = report.action_print_document()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(
            action["report_name"], "danvan_democracy.report_danvan_inspection_report"
        )
        self.assertEqual(
            report.action_download_docx()["url"],
            f"/danvan_democracy/inspection_report/{report.id}/docx",
        )
        recommendation = self._recommendation()
        self.assertEqual(
            recommendation.action_print_document()["type"], "ir.actions.report"
        )
        inspection = self._inspection()
        self.assertEqual(
            inspection.action_download_docx()["url"],
            f"/danvan_democracy/inspection/{inspection.id}/docx",
        )

    def test_dc9_next_programme_for_the_conference(self):
        """The conference of the work year 2040 hears the board's programme
        of 2041: the one sent to the union rather than a draft."""
        Programme = self.Programme.with_user(self.users["union"])
        self.assertFalse(Programme._next_for_conference(self.company, 2040))
        self._programme(period_type="year", year=2040, period_number=1).action_send()
        self._programme(year=2041, period_number=1).action_send()  # a quarter
        draft = self._programme(period_type="year", year=2041, period_number=1)
        self.assertEqual(Programme._next_for_conference(self.company, 2040), draft)
        sent = self._programme(period_type="year", year=2041, period_number=1)
        sent.action_send()
        self.assertEqual(Programme._next_for_conference(self.company, 2040), sent)
        other = self.env["res.company"].create({"name": "Sở khác"})
        self.assertFalse(self.Programme._next_for_conference(other, 2040))

    def test_dc16_report_absurd_period_refused(self):
        for values in (
            {"year": 1900},
            {"period_type": "quarter", "period_number": 7},
            {"period_type": "half", "period_number": 0},
        ):
            with self.assertRaisesRegex(ValidationError, "is not a quarter"):
                self._report(**values)
        self.assertFalse(self.Report.search([("board_id", "=", self.board.id)]))
