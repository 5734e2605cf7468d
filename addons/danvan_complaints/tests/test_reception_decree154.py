import base64
import io
import zipfile
from datetime import date, timedelta

from PyPDF2 import PdfReader

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules.migration import load_script
from odoo.tests import HttpCase, tagged
from odoo.tools.sql import column_exists

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .common import ReceptionCommon

# A Monday of the 2026 regime, and the third working day after it.
NEW_DAY = date(2026, 10, 5)
NEW_DUE = date(2026, 10, 8)
OLD_DAY = date(2026, 6, 29)


def action_ids(wizard):
    """The ids of the lines the register's spreadsheet of ``wizard`` holds."""
    return wizard.action_export_xlsx()["url"].split("ids=")[1].split(",")


class Decree154Common(ReceptionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Visit = cls.env["danvan.reception.visit"]
        cls.old = cls.env.ref("danvan_complaints.danvan_legal_regime_2014")
        cls.new = cls.env.ref("danvan_complaints.danvan_legal_regime_2026")
        cls.leader = cls.users["leader"]
        cls.env.company.danvan_head_user_id = cls.leader
        cls.env.company.danvan_agency_code = "SKHCN"
        cls._setup_sessions()

    SESSION_DAY = date(2026, 11, 2)

    @classmethod
    def _setup_sessions(cls):
        cls.place = cls.env["danvan.reception.place"].create(
            {"name": "Trụ sở tiếp công dân tỉnh", "channel": "direct"}
        )
        cls.unit_head = cls.users["unit_head"]
        cls.other_unit = cls.env["hr.department"].create({"name": "Phòng Khác"})
        cls.other_staff = cls._team_member("dv_other_unit_staff")
        cls.env["hr.employee"].create(
            {
                "name": "Nhân viên phòng khác",
                "user_id": cls.other_staff.id,
                "department_id": cls.other_unit.id,
            }
        )

    def _held_session(self, day=None):
        session = (
            self.env["danvan.reception.session"]
            .with_user(self.officer)
            .create(
                {
                    "kind": "unscheduled",
                    "date": day or self.SESSION_DAY,
                    "place_id": self.place.id,
                    "presider_id": self.leader.id,
                }
            )
        )
        session.action_held()
        return session

    def _conclusion(self):
        session = self._held_session()
        self._visit(
            day=session.date, session_id=session.id, summary="Đo lường xăng dầu"
        )
        self._visit(
            day=session.date,
            session_id=session.id,
            refused=True,
            path=False,
            refusal_ground_id=self._ground("2026_b").id,
        )
        action = session.with_user(self.officer).action_create_conclusion()
        return self.env["danvan.reception.conclusion"].browse(action["res_id"])

    def _write_lines(self, conclusion):
        conclusion.line_ids.with_user(self.officer).write(
            {
                "conclusion": "Giao Phòng Quản lý chuyên ngành kiểm tra lại.",
                "date_deadline": date(2026, 11, 30),
                "contact": "Ông Nguyễn Văn Liên, Chánh Văn phòng",
                "unit_ids": [Command.set(self.unit_science.ids)],
            }
        )

    def _recent_day(self):
        """The last working day up to today: a notice issued today is in
        time."""
        calendar = self.env["danvan.holiday"]
        day = self.env.company._danvan_today()
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def _ground(self, suffix):
        return self.env.ref(f"danvan_complaints.danvan_refusal_ground_{suffix}")

    def _visit(self, day=NEW_DAY, visitors=None, **vals):
        visitors = visitors or [
            {
                "name": "Lê Thị Cúc",
                "address": "Thôn 5",
                "identity_number": "051234567890",
                "identity_kind": "citizen_id",
                "identity_issue_date": date(2021, 4, 12),
                "identity_issue_place": "Cục Cảnh sát QLHC về TTXH",
            }
        ]
        values = {
            "date": day,
            "summary": "Khiếu nại quyết định xử phạt về đo lường",
            "petition_type": "complaint",
            "path": "accept",
            "visitor_ids": [Command.create(visitor) for visitor in visitors],
            **vals,
        }
        return self.Visit.with_user(self.officer).create(values)

    def _html(self, report, records, user=None):
        return (
            self.env["ir.actions.report"]
            .with_user(user or self.officer)
            ._render_qweb_html(report, records.ids)[0]
            .decode()
        )


@tagged("post_install", "-at_install")
class TestReceptionRefusal(Decree154Common):
    """Refusal of reception under the regime of the visit's date (TCD-10)."""

    def test_tcd10_grounds_are_data_of_each_regime(self):
        Ground = self.env["danvan.reception.refusal.ground"].with_user(
            self.users["staff"]
        )
        old = Ground.search([("regime_id", "=", self.old.id)])
        new = Ground.search([("regime_id", "=", self.new.id)])
        self.assertEqual(len(old), 4)
        # The law's grounds 1 to 3 and the ten of Decree 154 Art. 4(1) a-k.
        self.assertEqual(len(new), 13)
        self.assertEqual(
            new.filtered("needs_written_notice").mapped("code"), ["9.3", "4.1.h"]
        )
        self.assertEqual(old.filtered("needs_written_notice").mapped("code"), ["9.3"])
        with self.assertRaises(AccessError):
            new[:1].with_user(self.officer).write({"name": "Khác"})

    def test_tcd10_the_ground_belongs_to_the_regime_of_the_visit(self):
        with self.assertRaises(ValidationError):
            self._visit(
                refused=True, path=False, refusal_ground_id=self._ground("2014_1").id
            )
        visit = self._visit(
            refused=True, path=False, refusal_ground_id=self._ground("2026_a").id
        )
        self.assertEqual(visit.regime_id, self.new)
        # Moving the visit back before 01/7/2026 leaves its ground behind.
        with self.assertRaises(ValidationError):
            visit.date = OLD_DAY
        self.assertEqual(visit.date, NEW_DAY)

    def test_tcd10_oral_ground_records_without_notice(self):
        visit = self._visit(
            refused=True, path=False, refusal_ground_id=self._ground("2026_b").id
        )
        self.assertFalse(visit.refusal_notice_due)
        visit.action_record()
        self.assertEqual(visit.state, "recorded")
        self.assertFalse(visit.activity_ids)
        with self.assertRaises(UserError):
            visit.refusal_notice = "01/TB-SKHCN"

    def test_tcd10_notice_due_in_3_working_days_with_a_todo_for_the_head(self):
        visit = self._visit(
            day=self._recent_day(),
            refused=True,
            path=False,
            refusal_ground_id=self._ground("2026_h").id,
        )
        due = self.env["danvan.holiday"].add_working_days(visit.date, 3)
        self.assertEqual(visit.refusal_notice_due, due)
        visit.action_record()
        activity = visit.sudo().activity_ids
        self.assertEqual(activity.user_id, self.leader)
        self.assertEqual(activity.date_deadline, due)
        visit.with_user(self.leader).action_issue_refusal_notice()
        self.assertRegex(visit.refusal_notice, r"^\d+/TB-SKHCN$")
        self.assertEqual(visit.refusal_signer_id, self.leader)
        self.assertFalse(visit.sudo().activity_ids)
        # Issued, it is kept as issued.
        with self.assertRaises(UserError):
            visit.with_user(self.leader).refusal_notice = "99/TB-SKHCN"
        with self.assertRaises(UserError):
            visit.with_user(self.leader).action_issue_refusal_notice()

    def test_tcd10_only_the_head_issues_the_notice(self):
        visit = self._visit(
            refused=True, path=False, refusal_ground_id=self._ground("2026_3").id
        )
        visit.action_record()
        with self.assertRaises(AccessError):
            visit.action_issue_refusal_notice()
        self.assertFalse(visit.refusal_notice)

    def test_tcd10_notice_before_the_visit_or_late_without_reason_refused(self):
        visit = self._visit(
            refused=True, path=False, refusal_ground_id=self._ground("2026_h").id
        )
        # Monday 05/10/2026 + 03 working days (CAL-5).
        self.assertEqual(visit.refusal_notice_due, NEW_DUE)
        visit.action_record()
        with self.assertRaises(ValidationError):
            visit.write(
                {
                    "refusal_notice": "05/TB-SKHCN",
                    "refusal_notice_date": date(2026, 10, 2),
                }
            )
        with self.assertRaises(ValidationError) as caught:
            visit.write(
                {
                    "refusal_notice": "05/TB-SKHCN",
                    "refusal_notice_date": date(2026, 10, 9),
                }
            )
        self.assertIn("08/10/2026", str(caught.exception))
        self.assertFalse(visit.refusal_notice_date)
        visit.write(
            {
                "refusal_notice": "05/TB-SKHCN",
                "refusal_notice_date": date(2026, 10, 9),
                "refusal_late_reason": "Chờ văn bản trả lời của cơ quan có thẩm quyền",
            }
        )
        self.assertEqual(visit.refusal_notice_date, date(2026, 10, 9))

    def test_tcd10_old_regime_needs_the_notice_before_recording(self):
        """The texts before 01/7/2026 set no period: no due date, the notice
        comes first."""
        visit = self._visit(
            day=OLD_DAY,
            refused=True,
            path=False,
            refusal_ground_id=self._ground("2014_3").id,
        )
        self.assertFalse(visit.refusal_notice_due)
        with self.assertRaises(ValidationError):
            visit.action_record()
        visit.write({"refusal_notice": "07/TB-SKHCN", "refusal_notice_date": OLD_DAY})
        visit.action_record()
        self.assertEqual(visit.state, "recorded")

    def test_tcd10_notice_prints_on_form_01_tcd(self):
        visit = self._visit(
            day=self._recent_day(),
            refused=True,
            path=False,
            refusal_ground_id=self._ground("2026_h").id,
        )
        visit.action_record()
        visit.with_user(self.leader).action_issue_refusal_notice()
        self.assertEqual(
            visit.action_print_refusal_notice()["report_name"],
            "danvan_complaints.report_danvan_refusal_notice",
        )
        html = self._html(
            "danvan_complaints.action_report_danvan_refusal_notice", visit
        )
        for expected in (
            "THÔNG BÁO",
            "Về việc từ chối tiếp công dân",
            "Mẫu số 01/TCD",
            visit.refusal_notice,
            "Lê Thị Cúc",
            "051234567890",
            "12/04/2021",
            "Cục Cảnh sát QLHC về TTXH",
            "Nghị định 154/2026/NĐ-CP, điểm h khoản 1 Điều 4",
            self.leader.name,
        ):
            self.assertIn(expected, html)
        self.assertNotIn("DỰ THẢO", html)

    def test_tcd10_each_notice_names_its_own_citizen_only(self):
        day = self._recent_day()
        visits = self.Visit
        for name in ("Phạm Văn Một", "Hoàng Thị Hai"):
            visits |= self._visit(
                day=day,
                visitors=[{"name": name, "identity_number": "0511"}],
                refused=True,
                path=False,
                refusal_ground_id=self._ground("2026_3").id,
            )
        visits.action_record()
        visits.with_user(self.leader).action_issue_refusal_notice()
        for visit, other in ((visits[0], visits[1]), (visits[1], visits[0])):
            html = self._html(
                "danvan_complaints.action_report_danvan_refusal_notice", visit
            )
            self.assertIn(visit.visitor_ids.name, html)
            self.assertIn(visit.refusal_notice, html)
            self.assertNotIn(other.visitor_ids.name, html)
            self.assertNotIn(other.refusal_notice, html)

    def test_tcd10_no_notice_for_an_oral_ground(self):
        visit = self._visit(
            refused=True, path=False, refusal_ground_id=self._ground("2026_d").id
        )
        with self.assertRaises(UserError):
            visit.action_print_refusal_notice()
        with self.assertRaises(UserError):
            visit.with_user(self.leader).action_issue_refusal_notice()

    def test_tcd10_ground_in_use_is_archived_not_deleted(self):
        self._visit(
            refused=True, path=False, refusal_ground_id=self._ground("2026_k").id
        )
        with self.assertRaises(UserError):
            self._ground("2026_k").with_user(self.users["dv_admin"]).unlink()


@tagged("post_install", "-at_install")
class TestReceptionIdentity(Decree154Common):
    """Who the visitor is, and for whom he speaks (TCD-11: Articles 12 and 13
    of Decree 154/2026/NĐ-CP)."""

    def _proof(self):
        return self.env["ir.attachment"].create(
            {"name": "the-luat-su.pdf", "datas": base64.b64encode(b"%PDF-1.4 proof")}
        )

    def test_tcd11_identity_paper_kinds_of_article_12(self):
        kinds = dict(
            self.env["danvan.reception.visitor"]._fields["identity_kind"].selection
        )
        for kind in ("citizen_id", "electronic_id", "passport", "other"):
            self.assertIn(kind, kinds)
        visit = self._visit(
            visitors=[
                {
                    "name": "John Smith",
                    "identity_kind": "passport",
                    "identity_number": "C1234567",
                    "identity_issue_place": "London",
                }
            ]
        )
        line = visit.visitor_ids._identity_line()
        self.assertIn("Passport", line)
        self.assertIn("C1234567", line)
        self.assertIn("London", line)
        visit.action_record()
        self.assertEqual(visit.state, "recorded")

    def test_tcd11_a_representative_shows_the_proof_of_it(self):
        visit = self._visit(
            visitors=[
                {
                    "name": "Luật sư Trần Văn Bào",
                    "identity_number": "051199000111",
                    "representative_kind": "lawyer",
                }
            ]
        )
        with self.assertRaises(ValidationError) as caught:
            visit.action_record()
        self.assertIn("Luật sư Trần Văn Bào", str(caught.exception))
        visit.visitor_ids.proof_kind = "lawyer_card"
        with self.assertRaises(ValidationError):
            visit.action_record()
        visit.visitor_ids.proof_attachment_ids = self._proof()
        visit.action_record()
        self.assertEqual(visit.state, "recorded")

    def test_tcd14_a_group_representative_counts_as_one(self):
        people = [
            {
                "name": f"Người {n}",
                "identity_number": f"0512{n:08d}",
                "representative_kind": "group" if n < 2 else False,
            }
            for n in range(3)
        ]
        visit = self._visit(visitors=people, people_count=8)
        self.assertEqual(
            visit.visitor_ids.mapped("is_representative"), [True, True, False]
        )
        # The written appointment of the group is their proof.
        with self.assertRaises(ValidationError):
            visit.action_record()
        visit.visitor_ids.filtered("representative_kind").write(
            {"proof_kind": "appointment", "proof_attachment_ids": self._proof().ids}
        )
        visit.action_record()
        self.assertEqual(visit.state, "recorded")

    def test_tcd11_old_lines_without_identity_kind_still_print(self):
        visit = self._visit(
            day=OLD_DAY,
            visitors=[{"name": "Hà Văn Cũ", "identity_number": "0511"}],
        )
        visit.visitor_ids.identity_kind = False
        visit.action_record()
        self.assertIn("0511", visit.visitor_ids._identity_line())
        html = self._html(
            "danvan_complaints.action_report_danvan_reception_register", visit
        )
        self.assertIn("Hà Văn Cũ", html)

    def test_tcd11_another_officer_sees_no_proof_nor_identity(self):
        visit = self._visit()
        Visitor = self.env["danvan.reception.visitor"]
        domain = [("visit_id", "=", visit.id)]
        self.assertFalse(Visitor.with_user(self.other_officer).search(domain))
        self.assertTrue(Visitor.with_user(self.leader).search(domain))


@tagged("post_install", "-at_install")
class TestReceptionReceiptRegister(Decree154Common):
    """The receipt (Mẫu 02/TCD) and the register (Mẫu 03/TCD) of the 2026
    regime; the old forms for the lines before 01/7/2026 (TCD-12, TCD-13)."""

    def _documents(self):
        return [
            Command.create(
                {"name": "Quyết định số 45/QĐ-XPHC", "pages": 3, "condition": "copy"}
            ),
            Command.create(
                {
                    "name": "Biên bản vi phạm hành chính",
                    "pages": 2,
                    "condition": "certified_copy",
                }
            ),
        ]

    def test_tcd12_receipt_on_form_02_tcd_with_its_document_lines(self):
        visit = self._visit(document_ids=self._documents(), time_received=9.5)
        action = visit.action_print_receipt()
        self.assertEqual(
            action["report_name"],
            "danvan_complaints.report_danvan_reception_receipt_02tcd",
        )
        html = self._html(
            "danvan_complaints.action_report_danvan_reception_receipt_02tcd", visit
        )
        for expected in (
            "GIẤY BIÊN NHẬN",
            "Mẫu số 02/TCD",
            "09 giờ 30",
            "Quyết định số 45/QĐ-XPHC",
            "Biên bản vi phạm hành chính",
            "Certified copy",
            "NGƯỜI CUNG CẤP",
            "051234567890",
            "Cục Cảnh sát QLHC về TTXH",
            "02 bản",
        ):
            self.assertIn(expected, html)

    def test_tcd12_old_regime_keeps_its_receipt(self):
        visit = self._visit(day=OLD_DAY, documents_received="Bản sao quyết định")
        self.assertEqual(
            visit.action_print_receipt()["report_name"],
            "danvan_complaints.report_danvan_reception_receipt",
        )
        both = visit | self._visit(document_ids=self._documents())
        with self.assertRaises(UserError):
            both.action_print_receipt()

    def test_tcd12_documents_are_kept_with_the_recorded_line(self):
        visit = self._visit(document_ids=self._documents())
        with self.assertRaises(ValidationError):
            visit.document_ids[0].pages = 0
        visit.action_record()
        with self.assertRaises(UserError):
            visit.document_ids[0].with_user(self.officer).unlink()
        with self.assertRaises(UserError):
            visit.document_ids[0].with_user(self.officer).name = "Khác"
        self.assertFalse(
            self.env["danvan.reception.document"]
            .with_user(self.other_officer)
            .search([("visit_id", "=", visit.id)])
        )

    def test_tc13_reading_the_documents_handed_over_is_logged(self):
        visit = self._visit(document_ids=self._documents())
        Log = self.env["danvan.identity.access"]
        self.env.invalidate_all()
        last = Log.search([], order="id desc", limit=1).id or 0
        documents = self.env["danvan.reception.document"].with_user(self.leader)
        names = documents.search([("visit_id", "=", visit.id)]).mapped("name")
        self.assertIn("Quyết định số 45/QĐ-XPHC", names)
        lines = Log.search([("id", ">", last)])
        self.assertEqual(set(lines.mapped("res_model")), {"danvan.reception.document"})
        self.assertEqual(lines.user_id, self.leader)
        self.assertEqual(set(lines.mapped("record_name")), {visit.number})

    def test_tcd13_register_spanning_1_july_2026_prints_both_forms(self):
        old = self._visit(day=OLD_DAY, summary="Nội dung tháng sáu")
        new = self._visit(
            summary="Nội dung tháng mười",
            path="transfer",
            competent_body="Sở Tài chính",
            path_document="12/SKHCN-VP",
            people_count=3,
        )
        html = self._html(
            "danvan_complaints.action_report_danvan_reception_register", old | new
        )
        # The old form first (its 12 columns), then Mẫu 03/TCD and its 13.
        old_at = html.index("Phân loại đơn/Số người")
        new_at = html.index("Mẫu số 03/TCD")
        self.assertLess(old_at, new_at)
        self.assertLess(html.index("Nội dung tháng sáu"), new_at)
        self.assertGreater(html.index("Nội dung tháng mười"), new_at)
        columns = [
            "Ngày tiếp",
            "Họ tên, địa chỉ",
            "CCCD/Hộ chiếu",
            "Tóm tắt nội dung vụ việc",
            "Phân loại đơn",
            "Số công dân có đơn cùng một nội dung",
            "Cơ quan đã giải quyết hết thẩm quyền",
            "Thuộc thẩm quyền",
            "Hướng dẫn đến cơ quan nào, số văn bản hướng dẫn",
            "Cơ quan có thẩm quyền thụ lý, số văn bản chuyển đơn",
            "Theo dõi quá trình, kết quả giải quyết",
            "Ghi chú",
            "(13)",
        ]
        positions = [html.index(column, new_at) for column in columns]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Sở Tài chính - 12/SKHCN-VP", html)
        headers, rows = new._register_table_03tcd()
        self.assertEqual(len(headers), 13)
        self.assertEqual(rows[0][6], 3)
        self.assertEqual(rows[0][8], "")  # transferred: not within competence
        self.assertEqual(rows[0][10], "Sở Tài chính - 12/SKHCN-VP")

    def test_tcd13_only_the_lines_of_the_regime_on_each_form(self):
        new = self._visit(summary="Chỉ mẫu mới")
        html = self._html(
            "danvan_complaints.action_report_danvan_reception_register", new
        )
        self.assertIn("Mẫu số 03/TCD", html)
        self.assertNotIn("Phân loại đơn/Số người", html)

    def test_tcd13_register_of_a_period_as_the_officer_may_read_it(self):
        mine = self._visit(day=OLD_DAY) | self._visit(day=NEW_DAY)
        mine.action_record()
        others = self.Visit.with_user(self.other_officer).create(
            {
                "date": NEW_DAY,
                "summary": "Của cán bộ khác",
                "petition_type": "petition",
                "path": "answer",
                "visitor_ids": [
                    Command.create({"name": "Ai Đó", "identity_number": "0519"})
                ],
            }
        )
        others.with_user(self.other_officer).action_record()
        Wizard = self.env["danvan.reception.register.print"].with_user(self.officer)
        with self.assertRaises(ValidationError):
            Wizard.create({"date_from": NEW_DAY, "date_to": OLD_DAY})
        wizard = Wizard.create({"date_from": OLD_DAY, "date_to": NEW_DAY})
        action = wizard.action_print_pdf()
        self.assertEqual(
            action["report_name"], "danvan_complaints.report_danvan_reception_register"
        )
        self.assertEqual(sorted(action["context"]["active_ids"]), sorted(mine.ids))
        self.assertIn(
            ",".join(map(str, sorted(mine.ids))),
            ",".join(map(str, sorted(int(i) for i in action_ids(wizard)))),
        )
        empty = Wizard.create(
            {"date_from": date(2026, 1, 5), "date_to": date(2026, 1, 6)}
        )
        with self.assertRaises(UserError):
            empty.action_print_pdf()


@tagged("post_install", "-at_install")
class TestReceptionRegisterFile(HttpCase, Decree154Common):
    """The register as a file: a workbook with a sheet for each form, a PDF
    with both forms (TCD-13)."""

    def test_tcd13_register_pdf_holds_both_forms(self):
        old = self._visit(day=OLD_DAY, summary="PDFTHANGSAU")
        new = self._visit(summary="PDFTHANGMUOI")
        # wkhtmltopdf reads the assets from the test's own server.
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "danvan_complaints.action_report_danvan_reception_register",
                (old | new).ids,
            )
        )
        self.assertEqual(kind, "pdf")
        reader = PdfReader(io.BytesIO(pdf))
        text = "".join("".join(page.extract_text() for page in reader.pages).split())
        self.assertIn("PDFTHANGSAU", text)
        self.assertIn("PDFTHANGMUOI", text)
        self.assertIn("03/TCD", text)
        # The old form, then the new one on a page of its own.
        self.assertLess(text.index("PDFTHANGSAU"), text.index("PDFTHANGMUOI"))
        self.assertGreaterEqual(len(reader.pages), 2)

    def test_tcd13_workbook_has_a_sheet_per_form(self):
        visits = self._visit(day=OLD_DAY, summary="Tháng sáu") | self._visit(
            summary="Tháng mười"
        )
        self.authenticate(self.officer.login, self.officer.login)
        response = self.url_open(
            "/danvan_complaints/register.xlsx?ids="
            + ",".join(str(i) for i in visits.ids)
        )
        self.assertEqual(response.status_code, 200)
        with zipfile.ZipFile(io.BytesIO(response.content)) as book:
            workbook = book.read("xl/workbook.xml").decode()
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn('name="03"', workbook)
        self.assertIn('name="03-TCD"', workbook)
        for expected in (
            "Tháng sáu",
            "Tháng mười",
            "Phân loại đơn/Số người",
            "Số công dân có đơn cùng một nội dung",
        ):
            self.assertIn(expected, strings)

    def test_tcd21_conclusion_as_word_for_its_units_only(self):
        conclusion = self._conclusion()
        self._write_lines(conclusion)
        conclusion.with_user(self.leader).action_issue()
        url = conclusion.action_download_docx()["url"]
        self.authenticate(self.other_staff.login, self.other_staff.login)
        self.assertEqual(self.url_open(url).status_code, 403)
        self.authenticate(self.users["staff"].login, self.users["staff"].login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        with zipfile.ZipFile(io.BytesIO(response.content)) as docx:
            text = docx.read("word/document.xml").decode()
        self.assertIn(conclusion.number, text)


@tagged("post_install", "-at_install")
class TestReceptionConclusion(Decree154Common):
    """The head's session: its register lines and the notice of its
    conclusions, sent to the units concerned (TCD-7, TCD-21)."""

    def test_tcd21_the_session_gives_its_conclusions_a_line_per_case(self):
        conclusion = self._conclusion()
        self.assertEqual(conclusion.state, "draft")
        # The head who presided signs it.
        self.assertEqual(conclusion.sudo().activity_ids.user_id, self.leader)
        self.assertEqual(conclusion.line_ids.subject, "Đo lường xăng dầu")
        self.assertEqual(conclusion.line_ids.visit_id.session_id, conclusion.session_id)
        self.assertEqual(conclusion.session_id.conclusion_count, 1)
        lines = self.env["danvan.reception.visit"].search(
            conclusion.session_id.action_view_visits()["domain"]
        )
        self.assertEqual(len(lines), 2)

    def test_tcd7_a_case_not_answered_has_its_time_limit_and_contact(self):
        conclusion = self._conclusion()
        with self.assertRaises(UserError):
            conclusion.with_user(self.leader).action_issue()
        conclusion.line_ids.with_user(self.officer).write(
            {"conclusion": "Sẽ trả lời bằng văn bản."}
        )
        with self.assertRaises(UserError) as caught:
            conclusion.with_user(self.leader).action_issue()
        self.assertIn("Đo lường xăng dầu", str(caught.exception))
        with self.assertRaises(ValidationError):
            conclusion.line_ids.with_user(self.officer).date_deadline = date(
                2026, 10, 30
            )
        self._write_lines(conclusion)
        self.assertEqual(conclusion.unit_ids, self.unit_science)
        with self.assertRaises(AccessError):
            conclusion.with_user(self.officer).action_issue()
        conclusion.with_user(self.leader).action_issue()
        self.assertEqual(conclusion.state, "issued")
        self.assertRegex(conclusion.number, r"^\d+/TB-SKHCN$")
        self.assertEqual(conclusion.signer_name, self.leader.name)
        with self.assertRaises(UserError):
            conclusion.with_user(self.leader).general_conclusion = "<p>Sửa</p>"
        with self.assertRaises(UserError):
            conclusion.line_ids.with_user(self.officer).contact = "Khác"
        with self.assertRaises(UserError):
            conclusion.with_user(self.users["dv_admin"]).unlink()

    def test_tcd21_sent_to_the_units_with_a_todo_for_each_head(self):
        conclusion = self._conclusion()
        self._write_lines(conclusion)
        conclusion.with_user(self.leader).action_issue()
        # Signed: the officer who wrote it sends it.
        self.assertEqual(conclusion.sudo().activity_ids.user_id, self.officer)
        with self.assertRaises(UserError):
            conclusion.with_user(self.users["staff"]).action_send()
        conclusion.with_user(self.officer).action_send()
        self.assertEqual(conclusion.state, "sent")
        activity = conclusion.sudo().activity_ids
        self.assertEqual(activity.user_id, self.unit_head)
        self.assertEqual(activity.date_deadline, date(2026, 11, 30))
        message = conclusion.sudo().message_ids.filtered(
            lambda m: self.unit_head.partner_id in m.partner_ids
        )
        self.assertTrue(message)
        self.assertIn("Giao Phòng Quản lý chuyên ngành", message.body)
        # The unit reads it; another unit does not.
        Conclusion = self.env["danvan.reception.conclusion"]
        self.assertEqual(
            Conclusion.with_user(self.users["staff"]).search(
                [("id", "=", conclusion.id)]
            ),
            conclusion,
        )
        self.assertFalse(
            Conclusion.with_user(self.other_staff).search([("id", "=", conclusion.id)])
        )

    def test_tcd21_notice_prints_in_the_decree_30_layout_pdf_and_word(self):
        conclusion = self._conclusion()
        self._write_lines(conclusion)
        conclusion.with_user(self.leader).action_issue()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.unit_head)
            .with_context(force_report_rendering=True)
            ._render_qweb_html(
                "danvan_complaints.action_report_danvan_reception_conclusion",
                conclusion.ids,
            )[0]
            .decode()
        )
        for expected in (
            "THÔNG BÁO",
            "Kết luận|Conclusions",
            conclusion.number,
            "Đo lường xăng dầu",
            "Giao Phòng Quản lý chuyên ngành kiểm tra lại.",
            "30/11/2026",
            "Ông Nguyễn Văn Liên",
            self.unit_science.name,
        ):
            if "|" in expected:
                self.assertRegex(html, expected)
            else:
                self.assertIn(expected, html)
        # No citizen is named to the units (TCD-11).
        self.assertNotIn("Lê Thị Cúc", html)
        self.assertNotIn("DỰ THẢO", html)
        name, content = conclusion.with_user(self.unit_head)._render_docx()
        self.assertTrue(name.endswith(".docx"))
        with zipfile.ZipFile(io.BytesIO(content)) as docx:
            text = docx.read("word/document.xml").decode()
        self.assertIn("Giao Phòng Quản lý chuyên ngành kiểm tra lại.", text)
        self.assertIn(conclusion.number, text)

    def test_tcd21_a_session_before_1_july_2026_has_no_such_notice(self):
        session = self._held_session(day=OLD_DAY)
        with self.assertRaises(UserError):
            session.with_user(self.officer).action_create_conclusion()
        self.assertFalse(session.conclusion_ids)

    def test_tcd21_conclusions_after_the_session_only(self):
        session = (
            self.env["danvan.reception.session"]
            .with_user(self.officer)
            .create(
                {
                    "kind": "unscheduled",
                    "date": self.SESSION_DAY,
                    "place_id": self.place.id,
                }
            )
        )
        with self.assertRaises(UserError):
            session.action_create_conclusion()


@tagged("post_install", "-at_install")
class TestReceptionRefusalMigration(Decree154Common):
    """The upgrade to 18.0.1.2.0 turns the case of refusal of the visits
    into a ground of their regime (TCD-10)."""

    def test_tcd10_upgrade_maps_the_old_cases_to_grounds(self):
        old = self._visit(day=OLD_DAY, refused=True, path=False)
        new = self._visit(refused=True, path=False)
        settled = self._visit(refused=True, path=False)
        self.env.flush_all()
        cr = self.env.cr
        if not column_exists(cr, "danvan_reception_visit", "refusal_case"):
            cr.execute(
                "ALTER TABLE danvan_reception_visit ADD COLUMN refusal_case varchar"
            )
        cr.execute(
            "UPDATE danvan_reception_visit SET refusal_case = 'settled' WHERE id = %s",
            [old.id],
        )
        cr.execute(
            "UPDATE danvan_reception_visit SET refusal_case = 'other' WHERE id = %s",
            [new.id],
        )
        cr.execute(
            "UPDATE danvan_reception_visit SET refusal_case = 'settled' WHERE id = %s",
            [settled.id],
        )
        migration = load_script(
            "danvan_complaints/migrations/18.0.1.2.0/post-refusal-ground.py",
            "danvan_complaints_post_refusal_ground",
        )
        migration.migrate(cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual(old.refusal_ground_id, self._ground("2014_3"))
        self.assertFalse(old.refusal_notice_due)  # no period before 01/7/2026
        # The 2026 regime has no "other case": the note keeps it.
        self.assertFalse(new.refusal_ground_id)
        self.assertIn("other", new.note)
        # Since 01/7/2026 the head's notice is due 03 working days after.
        self.assertEqual(settled.refusal_ground_id, self._ground("2026_3"))
        self.assertEqual(settled.refusal_notice_due, NEW_DUE)


@tagged("post_install", "-at_install")
class TestReceptionRefusalTour(VietnameseBrowserCase, Decree154Common):
    """In Chromium, in Vietnamese: a refusal on a ground that needs the head's
    notice (TCD-10)."""

    def test_tcd10_officer_refuses_and_the_head_gets_the_notice_to_sign(self):
        self.start_tour(
            "/odoo/action-danvan_complaints.danvan_reception_visit_action",
            "danvan_reception_refusal_tour",
            login=self.officer.login,
        )
        visit = self.Visit.search(
            [("summary", "=", "Kiến nghị lại việc cấp kinh phí đề tài đã được trả lời")]
        )
        self.assertEqual(visit.state, "recorded")
        self.assertEqual(visit.refusal_ground_id, self._ground("2026_h"))
        self.assertEqual(
            visit.refusal_notice_due,
            self.env["danvan.holiday"].add_working_days(visit.date, 3),
        )
        self.assertEqual(visit.sudo().activity_ids.user_id, self.leader)
