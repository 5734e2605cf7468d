import io
import zipfile
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.base.models.ir_qweb import QWebException

from .common import ReceptionCommon


@tagged("post_install", "-at_install")
class TestReceptionVisit(ReceptionCommon):
    """The reception register, one line per visit (TCD-10 to TCD-15)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Visit = cls.env["danvan.reception.visit"]

    def _visit(self, visitors=None, **vals):
        visitors = visitors or [("Lê Thị Cúc", "Thôn 5", "051234567890", False)]
        values = {
            "date": date(2026, 3, 2),
            "summary": "Khiếu nại quyết định xử phạt về đo lường",
            "petition_type": "complaint",
            "path": "accept",
            "visitor_ids": [
                (
                    0,
                    0,
                    {
                        "name": name,
                        "address": address,
                        "identity_number": identity,
                        "is_representative": representative,
                    },
                )
                for name, address, identity, representative in visitors
            ],
        }
        values.update(vals)
        return self.Visit.with_user(self.officer).create(values)

    def test_tcd13_a_visit_is_numbered_and_recorded(self):
        visit = self._visit()
        self.assertRegex(visit.number, r"^\d{4}/\d{4}$")
        visit.action_record()
        self.assertEqual(visit.state, "recorded")
        with self.assertRaises(UserError):
            visit.with_user(self.users["dv_admin"]).unlink()

    def test_tcd11_an_identity_document_is_required(self):
        visit = self._visit(visitors=[("Lê Thị Cúc", "Thôn 5", False, False)])
        with self.assertRaises(ValidationError):
            visit.action_record()
        self.assertEqual(visit.state, "draft")

    def test_tcd14_a_group_appoints_representatives(self):
        people = [(f"Người {n}", "Thôn 1", f"0512{n:08d}", False) for n in range(3)]
        visit = self._visit(visitors=people, people_count=8)
        with self.assertRaises(ValidationError):
            visit.action_record()
        visit.visitor_ids.write({"is_representative": True})
        with self.assertRaises(ValidationError) as caught:
            visit.action_record()
        self.assertIn("1 to 2", str(caught.exception))
        visit.visitor_ids[2].is_representative = False
        visit.action_record()
        self.assertEqual(visit.state, "recorded")

    def test_tcd10_refusing_a_settled_case_needs_the_heads_notice(self):
        visit = self._visit(refused=True, path=False)
        with self.assertRaises(UserError):
            visit.action_record()
        visit.refusal_ground_id = self.env.ref(
            "danvan_complaints.danvan_refusal_ground_2014_3"
        )
        with self.assertRaises(ValidationError):
            visit.action_record()
        visit.refusal_notice = "12/TB-SKHCN ngày 01/3/2026"
        visit.action_record()
        self.assertEqual(visit.state, "recorded")

    def test_tcd15_a_path_is_chosen(self):
        visit = self._visit(path=False)
        with self.assertRaises(UserError):
            visit.action_record()

    def test_the_petition_handed_over_is_registered_once(self):
        visit = self._visit()
        visit.action_record()
        visit.action_create_petition()
        petition = visit.petition_id
        self.assertEqual(petition.source, "direct")
        self.assertEqual(petition.sender_ids.identity_number, "051234567890")
        with self.assertRaises(UserError):
            visit.action_create_petition()

    def test_tcd11_a_citizen_received_is_kept_confidential(self):
        visit = self._visit(petition_type="petition")
        Visitor = self.env["danvan.reception.visitor"]
        domain = [("visit_id", "=", visit.id)]
        self.assertTrue(Visitor.with_user(self.officer).search(domain))
        self.assertTrue(Visitor.with_user(self.users["leader"]).search(domain))
        self.assertFalse(Visitor.with_user(self.other_officer).search(domain))

    def test_tcd13_register_prints_in_the_columns_of_form_03(self):
        visits = self._visit() | self._visit(summary="Phản ánh giá dịch vụ")
        visits.action_record()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            ._render_qweb_html(
                "danvan_complaints.action_report_danvan_reception_register", visits.ids
            )[0]
            .decode()
        )
        # First header row, then the three paths under "Hướng xử lý".
        columns = [
            "Ngày tiếp",
            "Họ tên - Địa chỉ",
            "CMND/Hộ chiếu",
            "Nội dung vụ việc",
            "Phân loại đơn/Số người",
            "Cơ quan đã giải quyết",
            "Hướng xử lý",
            "Theo dõi kết quả giải quyết",
            "Ghi chú",
            "Thụ lý để giải quyết",
            "Trả lại đơn và hướng dẫn",
            "Chuyển đơn đến cơ quan có thẩm quyền",
        ]
        positions = [html.index(column) for column in columns]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Lê Thị Cúc - Thôn 5", html)
        self.assertIn("Phản ánh giá dịch vụ", html)

    def test_tcd11_another_officer_prints_no_register_line_of_mine(self):
        visit = self._visit(petition_type="complaint")
        visit.action_record()
        self.env.invalidate_all()  # as a request of another user would be
        with self.assertRaises(QWebException) as caught:
            self.env["ir.actions.report"].with_user(
                self.other_officer
            )._render_qweb_html(
                "danvan_complaints.action_report_danvan_reception_register", visit.ids
            )
        self.assertIsInstance(caught.exception.__cause__, AccessError)

    def _receipt(self, visit, user):
        return (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(
                "danvan_complaints.action_report_danvan_reception_receipt", visit.ids
            )[0]
            .decode()
        )

    def test_tcd12_receipt_of_the_documents_handed_over(self):
        """TT04 Mẫu 02: what was received, from whom, signed by both."""
        visit = self._visit()
        with self.assertRaises(UserError):
            visit.action_print_receipt()
        visit.documents_received = "Bản sao Quyết định số 45/QĐ-XPHC"
        self.assertEqual(
            visit.action_print_receipt()["report_name"],
            "danvan_complaints.report_danvan_reception_receipt",
        )
        html = self._receipt(visit, self.officer)
        for expected in (
            "GIẤY BIÊN NHẬN",
            "Bản sao Quyết định số 45/QĐ-XPHC",
            "Lê Thị Cúc",
            "051234567890",
            "NGƯỜI NỘP",
            "NGƯỜI NHẬN",
            self.officer.name,
            "02 bản",
        ):
            self.assertIn(expected, html)
        self.assertNotIn("Nơi nhận", html)

    def test_tcd11_another_officer_prints_no_receipt_of_mine(self):
        visit = self._visit(
            petition_type="denunciation", documents_received="Ảnh chụp hóa đơn"
        )
        self.env.invalidate_all()  # as a request of another user would be
        with self.assertRaises(QWebException) as caught:
            self._receipt(visit, self.other_officer)
        self.assertIsInstance(caught.exception.__cause__, AccessError)


@tagged("post_install", "-at_install")
class TestReceptionRegisterFile(HttpCase, ReceptionCommon):
    """The register as a spreadsheet, as the officer may read it (TCD-13)."""

    def test_tcd11_register_as_spreadsheet_for_the_receiving_officer_only(self):
        visits = (
            self.env["danvan.reception.visit"]
            .with_user(self.officer)
            .create(
                [
                    {
                        "summary": summary,
                        "petition_type": kind,
                        "path": "accept",
                        "visitor_ids": [
                            (0, 0, {"name": name, "identity_number": "0511"})
                        ],
                    }
                    for summary, kind, name in (
                        ("Phản ánh giá dịch vụ", "petition", "Phan Văn Dũng"),
                        ("Tố cáo cán bộ", "denunciation", "Hồ Thị Em"),
                    )
                ]
            )
        )
        url = "/danvan_complaints/register.xlsx?ids=" + ",".join(
            str(i) for i in visits.ids
        )
        self.authenticate("dvc_officer_2", "dvc_officer_2")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 403)
        for secret in ("Phan Văn Dũng", "Hồ Thị Em", "Tố cáo cán bộ"):
            self.assertNotIn(secret.encode(), response.content)
        self.authenticate(self.officer.login, self.officer.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        with zipfile.ZipFile(io.BytesIO(response.content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        for expected in (
            "Phan Văn Dũng",
            "Hồ Thị Em",
            "Tố cáo cán bộ",
            # Lines of today: on Mẫu 03/TCD of Decree 154/2026 (TCD-13).
            "Theo dõi quá trình, kết quả giải quyết",
        ):
            self.assertIn(expected, strings)
