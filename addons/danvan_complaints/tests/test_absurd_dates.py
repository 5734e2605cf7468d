from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CaseCommon

# No year, the first ones, the last ones Python and PostgreSQL hold, and the
# years just outside 1990-2100.
ABSURD_YEARS = (0, 1, 1989, 2101, 9999, 10000)
ABSURD_DATES = (date(1, 1, 1), date(1989, 12, 31), date(2101, 1, 1), date.max)
# The tests run on 30/06/2026: this day has not come.
TOMORROW = date(2026, 7, 1)


@tagged("post_install", "-at_install")
class TestAbsurdDates(CaseCommon):
    """Issue 11, item 8: the dates of petitions, visits, sessions, cases and
    reports lie in 1990-2100, follow the order of the procedure, and what was
    done is not dated after today. A refused step changes nothing, and the
    case can still be taken through its procedure."""

    freeze_time = "2026-06-30"

    def _acceptance(self, kind):
        """What the acceptance states, for a complaint or a denunciation."""
        if kind == "denunciation":
            return {
                "acceptance_reference": "08/QĐ-SKHCN",
                "denounced": "Ông Lê Văn B",
                "accepted_content": "Thu tiền sai quy định",
            }
        return {
            "acceptance_reference": "12/TB-SKHCN",
            "date_known": date(2026, 2, 20),
            "respondent": "Phòng Quản lý Khoa học",
        }

    def _accepted(self, kind, **vals):
        """A case received on Monday 02/03/2026 and accepted on 04/03."""
        case = self._case(kind).with_user(self.officer)
        case.write(
            {**self._acceptance(kind), "date_accepted": date(2026, 3, 4), **vals}
        )
        case.action_accept()
        return case

    def _refused_step(self, case, action, when, **vals):
        """The step is refused and leaves the case as it was."""
        before = (
            case.state,
            case.date_suspended,
            case.suspended_days,
            case.date_deadline,
            case.event_ids,
        )
        with self.assertRaises(ValidationError):
            self._case_step(case, action, when, **vals)
        case.invalidate_recordset()
        self.assertEqual(
            (
                case.state,
                case.date_suspended,
                case.suspended_days,
                case.date_deadline,
                case.event_ids,
            ),
            before,
            f"{action} on {when}",
        )

    # Petitions and the reception register -------------------------------

    def test_xld3_received_in_range_and_not_after_today(self):
        Petition = self.env["danvan.petition"].with_user(self.officer)
        before = Petition.search_count([])
        for day in (*ABSURD_DATES, TOMORROW):
            with self.assertRaises(ValidationError):
                Petition.create({"summary": "Đơn thử", "date_received": day})
        self.assertEqual(Petition.search_count([]), before)
        petition = Petition.create(
            {"summary": "Đơn thử", "date_received": date(2026, 6, 29)}
        )
        for day in (*ABSURD_DATES, TOMORROW):
            with self.assertRaises(ValidationError):
                petition.date_received = day
        self.assertEqual(petition.date_received, date(2026, 6, 29))
        # A letter received years before the agency used the product is fine.
        petition.date_received = date(2022, 5, 3)
        petition.write(
            {"petition_type": "petition", "qualified": "yes", "outcome": "answer"}
        )
        petition.action_classify()
        petition.action_process()
        self.assertEqual(petition.state, "processed")

    def test_xld3_receipt_not_moved_after_the_acceptance(self):
        case = self._accepted("complaint")
        with self.assertRefused("Accepted On"):
            case.petition_id.sudo().date_received = date(2026, 3, 5)
        self.assertEqual(case.petition_id.date_received, date(2026, 3, 2))

    def test_tcd13_visit_in_range_and_not_after_today(self):
        Visit = self.env["danvan.reception.visit"].with_user(self.officer)
        before = Visit.search_count([])
        for day in (*ABSURD_DATES, TOMORROW):
            with self.assertRaises(ValidationError):
                Visit.create({"summary": "Hỏi thủ tục", "date": day})
        self.assertEqual(Visit.search_count([]), before)

    def test_tcd5_reception_schedule_refuses_absurd_years(self):
        place = self.env["danvan.reception.place"].create({"name": "Phòng tiếp dân"})
        self.env.company.write(
            {
                "danvan_head_user_id": self.users["leader"].id,
                "danvan_reception_place_id": place.id,
            }
        )
        Session = self.env["danvan.reception.session"].with_user(self.officer)
        Wizard = self.env["danvan.reception.generate"].with_user(self.officer)
        before = Session.search_count([])
        for year in ABSURD_YEARS:
            with self.assertRefused():
                Wizard.create({"year": year})
            with self.assertRefused():
                Session._generate_periodic(year)
        for day in ABSURD_DATES:
            with self.assertRefused():
                Session.create({"date": day})
        self.assertEqual(Session.search_count([]), before)
        # Refused, the schedule of a true year is still planned.
        Wizard.create({"year": 2031}).action_generate()
        self.assertEqual(Session.search_count([]), before + 12)

    # Acceptance ----------------------------------------------------------

    def test_kn6_tc5_accepted_after_receipt_and_not_after_today(self):
        for kind in ("complaint", "denunciation"):
            case = self._case(kind).with_user(self.officer)
            for day in (*ABSURD_DATES, date(2026, 3, 1), TOMORROW):
                with self.assertRaises(ValidationError):
                    case.date_accepted = day
            self.assertEqual((case.state, case.date_accepted), ("draft", False))
            self.assertFalse(case.event_ids)
            case.write({**self._acceptance(kind), "date_accepted": date(2026, 3, 2)})
            case.action_accept()
            self.assertEqual(case.state, "accepted", kind)

    def test_kn3_known_before_the_complaint_was_received(self):
        case = self._case("complaint").with_user(self.officer)
        for day in (*ABSURD_DATES, date(2026, 3, 3)):
            with self.assertRaises(ValidationError):
                case.date_known = day
        self.assertFalse(case.date_known)

    # Suspension, resumption, extension, termination ------------------------

    def test_kn14_suspension_and_resumption_dates_and_the_case_goes_on(self):
        case = self._accepted("complaint")
        # Before the acceptance, after today, or in no plausible year.
        for day in (*ABSURD_DATES, date(2026, 3, 3), TOMORROW):
            self._refused_step(case, "suspend", day)
        self._case_step(case, "suspend", date(2026, 3, 10))
        self.assertEqual(case.state, "suspended")
        # A resumption before the suspension, or ahead, is refused.
        for day in (*ABSURD_DATES, date(2026, 3, 9), TOMORROW):
            self._refused_step(case, "resume", day)
        self._case_step(case, "resume", date(2026, 3, 20))
        self.assertEqual((case.state, case.suspended_days), ("accepted", 10))
        # 30 days from 04/03 are 03/04; ten suspended: Monday 13/04.
        self.assertEqual(case.date_deadline, date(2026, 4, 13))
        # And it is decided and closed as any other case.
        case.write(
            {
                "settlement_number": "45/QĐ-SKHCN",
                "date_settled": date(2026, 4, 10),
                "verification_result": "<p>Có căn cứ.</p>",
                "legal_basis": "Điều 28 Luật Khiếu nại",
                "conclusion": "wrong",
                "measure": "keep",
            }
        )
        case.with_user(self.users["leader"]).action_settle()
        case.write(
            {
                "date_sent": date(2026, 4, 13),
                "publication_method": "posting",
                "date_published": date(2026, 4, 14),
            }
        )
        case.action_close()
        self.assertEqual(case.state, "closed")

    def test_tc9_tc6_denunciation_steps_not_before_the_acceptance(self):
        case = self._accepted("denunciation", complexity="complex")
        for day in (*ABSURD_DATES, date(2026, 3, 3), TOMORROW):
            self._refused_step(case, "extend", day)
            self._refused_step(case, "suspend", day)
            self._refused_step(case, "terminate", day, termination_reason="judged")
            self._refused_step(case, "withdraw_all", day)
        self.assertEqual(case.extension_count, 0)
        self._case_step(case, "suspend", date(2026, 3, 10))
        for day in (date(2026, 3, 9), TOMORROW):
            self._refused_step(case, "resume", day)
            self._refused_step(case, "terminate", day, termination_reason="judged")
        self._case_step(case, "resume", date(2026, 3, 17))
        self._case_step(case, "extend", date(2026, 3, 30))
        self.assertEqual((case.state, case.extension_count), ("accepted", 1))
        self.assertEqual(case.suspended_days, 7)

    def test_tc8_a_draft_case_is_not_withdrawn_before_its_receipt(self):
        case = self._case("denunciation").with_user(self.officer)
        self._refused_step(case, "withdraw_all", date(2026, 3, 1))
        self._case_step(case, "withdraw_all", date(2026, 3, 5))
        self.assertEqual(case.state, "terminated")

    # Decision and conclusion ----------------------------------------------

    def test_kn9_kn13_decision_sending_and_publication_in_order(self):
        case = self._accepted("complaint")
        for name, day in (
            ("date_settled", date(2026, 3, 3)),
            ("date_settled", TOMORROW),
            ("dialogue_date", date(2026, 3, 3)),
            ("date_sent", date(2026, 3, 3)),
            ("date_published", date(2026, 3, 3)),
            ("date_published", TOMORROW),
        ):
            with self.assertRaises(ValidationError, msg=name):
                case[name] = day
        case.date_settled = date(2026, 3, 25)
        for name in ("date_sent", "date_published"):
            with self.assertRaises(ValidationError, msg=name):
                case[name] = date(2026, 3, 24)
        self.assertFalse(case.date_sent or case.date_published)
        self.assertEqual(case.state, "accepted")
        # A dialogue may be planned ahead.
        case.dialogue_date = TOMORROW
        self.assertEqual(case.dialogue_date, TOMORROW)

    def test_tc10_conclusion_notice_and_publication_in_order(self):
        case = self._accepted("denunciation")
        for name, day in (
            ("date_notified", date(2026, 3, 3)),
            ("team_decision_date", date(2026, 3, 3)),
            ("date_settled", date(2026, 3, 3)),
            ("date_settled", TOMORROW),
            ("date_conclusion_notified", TOMORROW),
        ):
            with self.assertRaises(ValidationError, msg=name):
                case[name] = day
        self._write_conclusion(case)
        for name in ("date_conclusion_notified", "date_published"):
            with self.assertRaises(ValidationError, msg=name):
                case[name] = date(2026, 3, 30)
        case.action_settle()
        self._close_concluded(case)
        self.assertEqual(case.state, "closed")

    # Reports and time limits ------------------------------------------------

    def test_bc1_report_year_and_dates_in_range(self):
        Report = self.env["danvan.complaints.report"].with_user(self.officer)
        before = Report.search_count([])
        for year in ABSURD_YEARS:
            for kind in ("half_year", "ad_hoc"):
                with self.assertRefused():
                    Report.create({"year": year, "period_kind": kind})
        self.assertEqual(Report.search_count([]), before)
        report = Report.create({"year": 2026, "period_kind": "ad_hoc"})
        dates = (report.date_from, report.date_to)
        for year in ABSURD_YEARS:
            with self.assertRefused():
                report.year = year
        for day in ABSURD_DATES:
            with self.assertRefused():
                report.date_to = day
        self.assertEqual(
            (report.year, report.date_from, report.date_to), (2026, *dates)
        )
        report.action_submit()
        self.assertEqual(report.state, "submitted")

    def test_time_limit_in_force_from_a_plausible_date(self):
        Limit = self.env["danvan.time.limit"].with_user(self.users["dv_admin"])
        for day in ABSURD_DATES:
            with self.assertRefused():
                Limit.create(
                    {"name": "Thử", "code": "test", "duration": 5, "date_from": day}
                )
        self.assertFalse(Limit.search([("code", "=", "test")]))

    def test_a_deadline_from_a_date_out_of_the_calendar_says_so(self):
        """Not "no time limit is in force": the date is out of the calendar."""
        with self.assertRaisesRegex(UserError, "calendar"):
            self.env["danvan.time.limit"].compute_deadline(
                "petition_processing", date(1, 1, 1)
            )

    def test_the_error_is_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        case = self._accepted("complaint")
        wizard = (
            self.env["danvan.case.stop"]
            .with_user(self.officer)
            .with_context(
                lang="vi_VN", default_res_model=case._name, default_res_id=case.id
            )
        )
        order = wizard.create(
            {"action": "suspend", "date": date(2026, 3, 3), "reason": "Chờ kết quả"}
        )
        with self.assertRefused(r"\(03/03/2026\) không thể trước .* \(04/03/2026\)"):
            order.action_confirm()
        with self.assertRefused("phải trong khoảng các năm 1990–2100: không chấp nhận"):
            wizard.create({"action": "suspend", "date": date(9999, 12, 31)})
        self.assertEqual(case.state, "accepted")
