import base64
import io

from .common import DemocracyCommon


class EvaluationCommon(DemocracyCommon):
    """The test agency's staff, with codes and e-mails as the evaluation
    software exports them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.emp_staff = Employee.search([("user_id", "=", cls.users["staff"].id)])
        cls.emp_head = Employee.search([("user_id", "=", cls.users["unit_head"].id)])
        cls.emp_union = Employee.search([("user_id", "=", cls.users["union"].id)])
        cls.emp_staff.identification_id = "CB001"
        cls.emp_head.work_email = "truongphong@test.example.vn"
        cls.emp_a, cls.emp_b = Employee.create(
            [
                {"name": "Trần Thị Mai", "department_id": cls.unit_science.id},
                {"name": "Lê Văn Nam", "department_id": cls.unit_office.id},
            ]
        )
        cls.Batch = cls.env["danvan.evaluation.batch"]
        cls.Result = cls.env["danvan.evaluation.result"]

    @staticmethod
    def _csv(lines, delimiter=";"):
        return "\n".join(delimiter.join(cells) for cells in lines).encode("utf-8")

    @staticmethod
    def _xlsx(lines):
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        for cells in lines:
            sheet.append(list(cells))
        stream = io.BytesIO()
        book.save(stream)
        return stream.getvalue()

    GOOD_FILE = [
        ("STT", "Mã cán bộ", "Email", "Họ và tên", "Năm", "Xếp loại", "Điểm"),
        ("1", "CB001", "", "", "2026", "Hoàn thành xuất sắc nhiệm vụ", "92,5"),
        (
            "2",
            "",
            "truongphong@test.example.vn",
            "",
            "2026",
            "Hoàn thành tốt nhiệm vụ",
            "85",
        ),
        ("3", "", "", "Trần Thị Mai", "2026", "Hoàn thành nhiệm vụ", "60"),
        ("4", "", "", "Lê Văn Nam", "2026", "Chưa xếp loại", ""),
    ]

    def _wizard(
        self, content, filename="ket_qua_2026.csv", year=2026, user=None, **values
    ):
        return (
            self.env["danvan.evaluation.import"]
            .with_user(user or self.users["office"])
            .create(
                dict(
                    {
                        "year": year,
                        "file": base64.b64encode(content),
                        "filename": filename,
                        "decision_ref": "95/QĐ-SKHCN",
                        "decision_date": "2026-12-03",
                    },
                    **values,
                )
            )
        )

    def _import(self, lines=None, **kwargs):
        wizard = self._wizard(self._csv(lines or self.GOOD_FILE), **kwargs)
        wizard.action_preview()
        action = wizard.action_confirm()
        return self.Batch.browse(action["res_id"])
