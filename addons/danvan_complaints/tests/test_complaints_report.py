import io
from datetime import date

import openpyxl
from freezegun import freeze_time
from PyPDF2 import PdfReader

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import CaseCommon

# The CI database holds demo data: every record here falls in 2031.
HALF_YEAR_2031 = (date(2030, 12, 15), date(2031, 6, 14))


class ReportCommon(CaseCommon):
    """Petitions, visits and cases of known dates around the 6-month period of
    2031 (15/12/2030 to 14/06/2031, BC-1)."""

    # The records lie in 2031, which has not come: they are created as on the
    # last day of 2031, when a petition received in it is past.
    freeze_time = "2031-12-31"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The figures are looked up by their English names: an agency that
        # writes in English (the language of the stored names is tested below).
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env.company.write({"danvan_agency_code": "SKHCN", "danvan_lang": "en_US"})
        cls.Report = cls.env["danvan.complaints.report"].with_context(lang="en_US")

    def _petition(self, received, **vals):
        return (
            self.env["danvan.petition"]
            .with_user(self.officer)
            .create(
                {
                    "summary": "Phản ánh chậm cấp giấy chứng nhận",
                    "date_received": received,
                    "petition_type": "petition",
                    "sender_ids": [(0, 0, {"name": self.DENOUNCER})],
                    **vals,
                }
            )
        )

    def _answer(self, petition, when):
        with freeze_time(when):
            petition.write({"qualified": "yes", "outcome": "answer"})
            petition.action_classify()
            petition.action_process()

    def _visit(self, day, **vals):
        return (
            self.env["danvan.reception.visit"]
            .with_user(self.officer)
            .create(
                {
                    "date": day,
                    "summary": "Hỏi về thủ tục",
                    "petition_type": "petition",
                    "path": "answer",
                    **vals,
                }
            )
        )

    def _report(self, period_kind="half_year", year=2031, user=None):
        return self.Report.with_user(user or self.officer).create(
            {"period_kind": period_kind, "year": year}
        )

    def _figures(self, report):
        return {
            (line.section, line.name): line.value
            for line in report.line_ids
            if not line.is_title
        }

    def _submitted(self, **kwargs):
        report = self._report(**kwargs)
        report.action_submit()
        return report


@tagged("post_install", "-at_install")
class TestComplaintsReport(ReportCommon):
    """The periodic report on citizen reception and complaints (BC-1, BC-2)."""

    def test_bc1_default_cutoff_dates_by_kind(self):
        expected = {
            "q1": (date(2025, 12, 15), date(2026, 3, 14)),
            "q2": (date(2026, 3, 15), date(2026, 6, 14)),
            "q3": (date(2026, 6, 15), date(2026, 9, 14)),
            "q4": (date(2026, 9, 15), date(2026, 12, 14)),
            "half_year": (date(2025, 12, 15), date(2026, 6, 14)),
            "nine_month": (date(2025, 12, 15), date(2026, 9, 14)),
            "annual": (date(2025, 12, 15), date(2026, 12, 14)),
        }
        for kind, dates in expected.items():
            report = self._report(kind, 2026)
            self.assertEqual((report.date_from, report.date_to), dates, kind)
            self.assertIn("2026", report.name)
        report = self._report("annual", 2027)
        self.assertEqual(report.date_from, date(2026, 12, 15))
        # An ad hoc report keeps the dates it is given.
        ad_hoc = self.Report.with_user(self.officer).create(
            {
                "period_kind": "ad_hoc",
                "year": 2026,
                "date_from": date(2026, 4, 1),
                "date_to": date(2026, 4, 30),
            }
        )
        self.assertEqual(ad_hoc.date_to, date(2026, 4, 30))

    def test_bc2_default_report_is_the_6_month_one(self):
        report = self.Report.with_user(self.officer).create({"year": 2031})
        self.assertEqual(report.period_kind, "half_year")
        self.assertEqual((report.date_from, report.date_to), HALF_YEAR_2031)

    def test_vb12_recipients_from_the_settings(self):
        """VB-12: a new report goes where the agency's settings say; a new
        agency starts with the inspectorate and its board, in its language."""
        recipients = "Thanh tra tỉnh\nỦy ban nhân dân tỉnh"
        self.env["res.config.settings"].create(
            {"danvan_complaints_report_recipients": recipients}
        ).execute()
        self.assertEqual(self._report().recipients, recipients)
        self.env["res.lang"]._activate_lang("vi_VN")
        agency = self.env["res.company"].create({"name": "Sở Tư pháp"})
        self.assertEqual(
            agency.danvan_complaints_report_recipients,
            "Thanh tra tỉnh\nBan Giám đốc Sở",
        )

    def test_bc1_figures_count_only_the_records_of_the_period(self):
        for day, source, kind in (
            (date(2030, 12, 14), "post", "petition"),
            (date(2030, 12, 15), "post", "petition"),
            (date(2031, 3, 2), "electronic", "complaint"),
            (date(2031, 6, 14), "direct", "denunciation"),
            (date(2031, 6, 15), "direct", "petition"),
        ):
            self._petition(day, source=source, petition_type=kind)
        self._visit(date(2030, 12, 14))
        self._visit(date(2031, 1, 6), kind="periodic", people_count=6)
        self._visit(date(2031, 6, 14))
        figures = self._figures(self._report())
        self.assertEqual(figures["petition", "Petitions received"], 3)
        self.assertEqual(figures["petition", "By post"], 1)
        self.assertEqual(figures["petition", "Electronic or portal"], 1)
        self.assertEqual(figures["petition", "In person"], 1)
        self.assertEqual(figures["petition", "Complaint (khiếu nại)"], 1)
        self.assertEqual(figures["petition", "Denunciation (tố cáo)"], 1)
        self.assertEqual(figures["reception", "Visits received"], 2)
        self.assertEqual(
            figures["reception", "of which: Periodic (head of the agency)"], 1
        )
        self.assertEqual(figures["reception", "Citizens who came"], 7)
        self.assertEqual(figures["reception", "Groups of 5 people or more"], 1)

    def test_xld8_petitions_processed_on_time_late_or_still_open(self):
        # Monday 06/01/2031: 10 working days -> 20/01/2031 (XLD-8).
        on_time = self._petition(date(2031, 1, 6))
        self.assertEqual(on_time.date_deadline, date(2031, 1, 20))
        self._answer(on_time, "2031-01-20")
        self._answer(self._petition(date(2031, 1, 6)), "2031-01-21")
        self._petition(date(2031, 1, 6))  # overdue at the cut-off
        self._petition(date(2031, 6, 10))  # due after the cut-off
        figures = self._figures(self._report())
        self.assertEqual(figures["petition", "Processed on time"], 1)
        self.assertEqual(figures["petition", "Processed late"], 1)
        self.assertEqual(figures["petition", "Not processed at the cut-off"], 2)
        self.assertEqual(figures["petition", "of which: past their deadline"], 1)
        self.assertEqual(figures["petition", "Answered"], 2)

    def test_kn7_tc6_cases_accepted_decided_on_time_or_late(self):
        # Cases of earlier years still open at the cut-off (the demo's) count
        # too: measure from what is there before.
        before = self._figures(self._report())
        for decided, conclusion in (
            (date(2031, 1, 20), "right"),
            (date(2031, 5, 20), "partly"),
            (False, False),
        ):
            case = self._case("complaint", received=date(2031, 1, 6)).with_user(
                self.officer
            )
            case.write(
                {
                    "date_known": date(2031, 1, 2),
                    "date_accepted": date(2031, 1, 10),
                    "acceptance_reference": "12/TB-SKHCN",
                    "respondent": "Phòng Quản lý Khoa học",
                }
            )
            case.action_accept()
            if decided:
                case = case.with_user(self.users["leader"])
                case.write(
                    {
                        "settlement_number": "45/QĐ-SKHCN",
                        "date_settled": decided,
                        "verification_result": "<p>Có căn cứ.</p>",
                        "legal_basis": "Điều 28 Luật Khiếu nại",
                        "conclusion": conclusion,
                        "measure": "keep",
                    }
                )
                case.action_settle()
        denunciation = self._case("denunciation", received=date(2031, 2, 3))
        denunciation.with_user(self.officer).write(
            {
                "denounced": "Ông Lê Văn B",
                "accepted_content": "Thu tiền sai quy định",
                "acceptance_reference": "08/QĐ-SKHCN",
                "date_accepted": date(2031, 2, 5),
            }
        )
        denunciation.with_user(self.officer).action_accept()
        figures = self._figures(self._report())
        self.assertEqual(figures["complaint", "Complaint cases accepted"], 3)
        self.assertEqual(figures["complaint", "Complaint cases decided"], 2)
        self.assertEqual(figures["complaint", "of which: Right"], 1)
        self.assertEqual(figures["complaint", "of which: Partly right"], 1)
        self.assertEqual(figures["complaint", "of which: Wrong"], 0)
        self.assertEqual(figures["complaint", "Settled on time"], 1)
        self.assertEqual(figures["complaint", "Settled late"], 1)
        self.assertEqual(
            figures["complaint", "Being settled at the cut-off"]
            - before["complaint", "Being settled at the cut-off"],
            1,
        )
        self.assertEqual(figures["denunciation", "Denunciation cases accepted"], 1)
        self.assertEqual(figures["denunciation", "Denunciation cases concluded"], 0)
        self.assertEqual(
            figures["denunciation", "Being settled at the cut-off"]
            - before["denunciation", "Being settled at the cut-off"],
            1,
        )
        # Petitions received in the period that became cases (XLD-9).
        self.assertEqual(figures["petition", "Proposed for acceptance"], 4)

    def test_names_and_figures_in_the_agency_language(self):
        """Drafted by an officer who reads English, stored as the agency
        writes: the title and the figures of the report."""
        self.env.company.danvan_lang = "vi_VN"
        report = self._report(year=2031)
        self.assertEqual(
            report.name,
            "Kết quả công tác tiếp công dân, xử lý đơn và giải quyết khiếu nại, "
            "tố cáo 6 tháng đầu năm 2031",
        )
        self.assertIn("Đơn đã tiếp nhận", report.line_ids.mapped("name"))

    def test_submitted_report_waits_in_leadership_to_dos(self):
        report = self._submitted()
        approval = self.env.ref("danvan_base.mail_activity_danvan_approval")
        todos = report.activity_ids.filtered(lambda a: a.activity_type_id == approval)
        self.assertIn(self.users["leader"], todos.user_id)
        self.assertNotIn(self.officer, todos.user_id)
        report.with_user(self.users["leader"]).action_issue()
        self.assertFalse(
            report.activity_ids.filtered(lambda a: a.activity_type_id == approval)
        )

    def test_only_leadership_issues_and_only_once(self):
        report = self._submitted()
        with self.assertRaises(AccessError):
            report.with_user(self.officer).action_issue()
        self.assertEqual(report.state, "submitted")
        with freeze_time("2031-07-01"):
            report.with_user(self.users["leader"]).action_issue()
            with self.assertRaises(UserError):
                report.with_user(self.users["leader"]).action_issue()
        self.assertEqual(report.state, "issued")
        self.assertEqual(report.date_issued, date(2031, 7, 1))

    def test_vb7_number_from_the_yearly_sequence_without_gaps(self):
        first, second = self._submitted(), self._submitted(period_kind="q2")
        with freeze_time("2031-07-01"):
            with self.assertRaises(AccessError):
                second.with_user(self.officer).action_issue()
            first.with_user(self.users["leader"]).action_issue()
            second.with_user(self.users["leader"]).action_issue()
        self.assertEqual(first.number, "01/BC-SKHCN")
        self.assertEqual(second.number, "02/BC-SKHCN")

    def test_issued_report_is_locked_and_its_figures_frozen(self):
        self._petition(date(2031, 2, 2))
        report = self._submitted()
        report.with_user(self.users["leader"]).action_issue()
        kept = self._figures(report)
        self.assertEqual(kept["petition", "Petitions received"], 1)
        # Records added or changed afterwards do not change the issued report.
        self._petition(date(2031, 3, 3))
        self._visit(date(2031, 3, 3))
        report.invalidate_recordset()
        self.assertEqual(self._figures(report), kept)
        self.assertEqual(
            {
                (line["section"], line["name"]): line["value"]
                for line in report._count_figures()
                if not line["is_title"]
            }["petition", "Petitions received"],
            2,
        )
        with self.assertRaisesRegex(UserError, "locked"):
            report.with_user(self.officer).assessment = "<p>Sửa</p>"
        with self.assertRaisesRegex(UserError, "locked"):
            report.line_ids[0].with_user(self.officer).value = 99
        with self.assertRaises(UserError):
            report.with_user(self.officer).action_update_figures()
        # The chatter stays open; the report is archived, never deleted.
        report.with_user(self.users["leader"]).message_post(body="Đã gửi Thanh tra")
        with self.assertRaisesRegex(UserError, "kept by law"):
            report.with_user(self.users["dv_admin"]).unlink()
        report.with_user(self.users["leader"]).action_archive()
        self.assertFalse(report.active)

    def test_a_submitted_report_keeps_its_figures_until_back_to_draft(self):
        report = self._submitted()
        self._petition(date(2031, 2, 2))
        with self.assertRaises(UserError):
            report.action_update_figures()
        with self.assertRaisesRegex(UserError, "kept by law"):
            report.with_user(self.users["dv_admin"]).unlink()
        report.with_user(self.users["leader"]).action_back_to_draft()
        report.with_user(self.officer).action_update_figures()
        self.assertEqual(self._figures(report)["petition", "Petitions received"], 1)
        report.with_user(self.users["dv_admin"]).unlink()
        self.assertFalse(report.exists())

    def test_staff_cannot_read_the_statistics(self):
        with self.assertRaises(AccessError):
            self.env["danvan.complaints.statistic"].with_user(
                self.users["staff"]
            ).search([])
        with self.assertRaises(AccessError):
            self._report(user=self.users["staff"])

    def test_bc1_case_states_are_those_of_the_cases(self):
        """Both kinds are settled into one state; the statistics list each
        state of the cases once, as the cases name it, never a copied list."""
        env = self.env(context={"lang": "en_US"})
        field = env["danvan.complaints.statistic"]._fields["case_state"]
        labels = dict(field._description_selection(env))
        for model in ("danvan.complaint", "danvan.denunciation"):
            for value, label in env[model]._fields["state"]._description_selection(env):
                with self.subTest(model=model, state=value):
                    self.assertIn(label, labels[value].split(" / "))
        self.assertEqual(labels["settled"], "Decided / Concluded")

    def test_bc1_pivot_counts_and_on_time_rate(self):
        answered_on_time, answered_late, complaint = (
            self._petition(date(2031, 1, 6), petition_type=kind)
            for kind in ("petition", "petition", "complaint")
        )
        self._answer(answered_on_time, "2031-01-08")
        self._answer(answered_late, "2031-02-10")
        groups = (
            self.env["danvan.complaints.statistic"]
            .with_user(self.users["leader"])
            ._read_group(
                [
                    ("company_id", "=", self.env.company.id),
                    ("date_received", ">=", HALF_YEAR_2031[0]),
                    ("date_received", "<=", HALF_YEAR_2031[1]),
                ],
                ["petition_type"],
                ["__count", "on_time:avg"],
            )
        )
        by_type = {kind: (count, rate) for kind, count, rate in groups}
        self.assertEqual(by_type["petition"], (2, 50.0))
        # The complaint is neither processed nor past its deadline: no rate.
        self.assertEqual(by_type["complaint"], (1, False))
        self.assertEqual(complaint.date_deadline, date(2031, 1, 20))


@tagged("post_install", "-at_install")
class TestComplaintsReportQueries(ReportCommon):
    """Counting the figures takes a fixed number of queries (BC-1)."""

    def _count_queries(self, report):
        """Queries of the second count: the first fills the caches of labels,
        translations and record rules."""
        for _run in range(2):
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            figures = report._count_figures()
        return self.cr.sql_log_count - start, figures

    def test_the_figures_take_the_same_queries_for_5_and_50_petitions(self):
        report = self._report()
        for day in range(5):
            self._petition(date(2031, 1, 6 + day), source="post")
        few, _figures = self._count_queries(report)
        self.env["danvan.petition"].with_user(self.officer).create(
            [
                {
                    "summary": f"Đơn {n}",
                    "date_received": date(2031, 2, 3),
                    "petition_type": ("petition", "complaint")[n % 2],
                    "source": ("post", "box", "electronic")[n % 3],
                }
                for n in range(45)
            ]
        )
        many, figures = self._count_queries(report)
        self.assertEqual(many, few)
        received = next(f for f in figures if f["name"] == "Petitions received")
        self.assertEqual(received["value"], 50)


@tagged("post_install", "-at_install")
class TestComplaintsReportFiles(HttpCase, ReportCommon):
    """The issued report as PDF in the official layout and as XLSX (BC-1,
    VB-2 to VB-12); counts only, never the sender (TC-13)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {
                "danvan_agency_name": "Sở Khoa học và Công nghệ",
                "danvan_parent_agency": "Ủy ban nhân dân tỉnh Quảng Ngãi",
                "danvan_place": "Quảng Ngãi",
            }
        )

    def _issued(self):
        for day in (date(2031, 1, 6), date(2031, 2, 3), date(2031, 3, 3)):
            self._petition(day, petition_type="denunciation")
        self._case("denunciation", received=date(2031, 4, 1))
        report = self._submitted()
        report.assessment = "<p>Công tác tiếp công dân được duy trì.</p>"
        with freeze_time("2031-07-01"):
            report.with_user(self.users["leader"]).action_issue()
        return report

    def test_pdf_of_the_issued_report_is_kept_without_the_sender(self):
        report = self._issued()
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.users["leader"])
            .with_context(force_report_rendering=True, lang="en_US")
            ._render_qweb_pdf(
                "danvan_complaints.action_report_danvan_complaints_report", report.ids
            )
        )
        self.assertEqual(kind, "pdf")
        reader = PdfReader(io.BytesIO(pdf))
        text = "".join("".join(page.extract_text() for page in reader.pages).split())
        for expected in (
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            "Số: 01/BC-SKHCN",
            "BÁO CÁO",
            "Số liệu từ ngày 15/12/2030 đến ngày 14/06/2031",
            "Petitions received4",
            "Denunciation cases accepted0",
            "Công tác tiếp công dân được duy trì.",
        ):
            self.assertIn("".join(expected.split()), text)
        self.assertNotIn("".join(self.DENOUNCER.split()), text)
        self.assertNotIn("DỰTHẢO", text)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", report._name), ("res_id", "=", report.id)]
        )
        self.assertEqual(attachment.name, "01-BC-SKHCN.pdf")

    def test_report_printed_before_it_is_issued_is_marked_draft(self):
        """Leadership reads the submitted report marked 'DỰ THẢO' (issue 10)."""
        report = self._submitted()
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        pdf, __ = (
            self.env["ir.actions.report"]
            .with_user(self.users["leader"])
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "danvan_complaints.action_report_danvan_complaints_report", report.ids
            )
        )
        reader = PdfReader(io.BytesIO(pdf))
        text = "".join("".join(page.extract_text() for page in reader.pages).split())
        self.assertIn("DỰTHẢO", text)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", report._name), ("res_id", "=", report.id)]
            ),
            "a draft is not kept as the issued copy",
        )

    def test_xlsx_of_the_figures(self):
        report = self._issued()
        self.authenticate("dv_staff", "dv_staff")
        with mute_logger("odoo.http"):
            response = self.url_open(f"/danvan_complaints/report/{report.id}/xlsx")
        self.assertEqual(response.status_code, 403)
        self.authenticate("dv_leader", "dv_leader")
        response = self.url_open(f"/danvan_complaints/report/{report.id}/xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("01-BC-SKHCN", response.headers["Content-Disposition"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = {row[1]: row[2] for row in sheet.iter_rows(min_row=4, values_only=True)}
        self.assertEqual(rows["Petitions received"], 4)
        self.assertEqual(rows["Denunciation (tố cáo)"], 4)
        self.assertNotIn(self.DENOUNCER, str(list(sheet.values)))
