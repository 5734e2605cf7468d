from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .evaluation_common import EvaluationCommon


@tagged("post_install", "-at_install")
class TestEvaluationImport(EvaluationCommon):
    def test_dc19_csv_preview_then_confirm(self):
        wizard = self._wizard(self._csv(self.GOOD_FILE))
        wizard.action_preview()
        self.assertEqual(wizard.state, "preview")
        self.assertEqual(wizard.line_count, 4)
        self.assertFalse(self.Result.search([("year", "=", 2026)]))
        batch = self.Batch.browse(wizard.action_confirm()["res_id"])
        self.assertEqual(
            (batch.year, batch.state, batch.result_count), (2026, "draft", 4)
        )
        levels = {r.employee_id: (r.level, r.score, r.source) for r in batch.result_ids}
        self.assertEqual(levels[self.emp_staff], ("excellent", 92.5, "import"))
        self.assertEqual(levels[self.emp_head], ("good", 85.0, "import"))
        self.assertEqual(levels[self.emp_a][0], "completed")
        # DC-20: less than six months of work: not classified.
        self.assertEqual(levels[self.emp_b][0], "not_classified")
        self.assertEqual(set(batch.result_ids.mapped("decision_ref")), {"95/QĐ-SKHCN"})

    def test_dc19_xlsx_with_english_headers_and_levels(self):
        lines = [
            ("Code", "Name", "Year", "Level", "Score"),
            ("CB001", "", 2026, "Good", 80),
            ("", "Trần Thị Mai", 2026, "Not completed", 40.0),
            (None, None, None, None, None),
        ]
        wizard = self._wizard(self._xlsx(lines), filename="export.xlsx")
        wizard.action_preview()
        batch = self.Batch.browse(wizard.action_confirm()["res_id"])
        self.assertEqual(
            sorted(batch.result_ids.mapped("level")), ["good", "not_completed"]
        )

    def test_dc19_comma_csv(self):
        lines = [("Họ và tên", "Xếp loại"), ("Trần Thị Mai", "Hoàn thành tốt")]
        wizard = self._wizard(self._csv(lines, delimiter=","))
        wizard.action_preview()
        self.assertEqual(wizard.line_ids.level, "good")

    def test_dc19_every_bad_row_is_named_and_nothing_imported(self):
        lines = [
            ("Mã cán bộ", "Họ và tên", "Năm", "Xếp loại", "Điểm"),
            ("CB001", "", "2026", "Hoàn thành tốt nhiệm vụ", "80"),
            ("", "Người Không Có", "2026", "Hoàn thành nhiệm vụ", "60"),
            ("", "Trần Thị Mai", "2026", "Giỏi", "70"),
            ("", "Lê Văn Nam", "hai nghìn", "Hoàn thành nhiệm vụ", "60"),
            ("", "Lê Văn Nam", "2025", "Hoàn thành nhiệm vụ", "60"),
            ("CB001", "", "2026", "Hoàn thành nhiệm vụ", "60"),
            ("", "Trần Thị Mai", "2026", "", "70"),
            ("", "", "2026", "Hoàn thành nhiệm vụ", "50"),
            ("", "Trần Thị Mai", "2026", "Hoàn thành tốt", "120"),
        ]
        wizard = self._wizard(self._csv(lines))
        with self.assertRaises(UserError) as caught:
            wizard.action_preview()
        message = str(caught.exception)
        self.assertIn("Nothing was imported: 8 rows", message)
        self.assertNotIn("Row 2:", message)
        for expected in (
            "Row 3: no staff member is named Người Không Có",
            "Row 4: the classification Giỏi is not one of the four levels",
            "Row 5: the year hai nghìn is not a year",
            "Row 6: the year 2025 is not the year imported, 2026",
            "Row 7: ",
            "is already in row 2",
            "Row 8: the classification is missing",
            "Row 9: the staff member is missing",
            "Row 10: the score 120 is not a number from 0 to 100",
        ):
            self.assertIn(expected, message)
        self.assertEqual(wizard.state, "upload")
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertFalse(self.Result.search([("year", "=", 2026)]))
        self.assertFalse(self.Batch.search([("year", "=", 2026)]))

    def test_dc19_unknown_code_and_email(self):
        lines = [
            ("Mã cán bộ", "Email", "Xếp loại"),
            ("CB999", "", "Hoàn thành nhiệm vụ"),
            ("", "ai@khong.vn", "Hoàn thành nhiệm vụ"),
        ]
        with self.assertRaisesRegex(UserError, "Row 2: no staff member has the code"):
            self._wizard(self._csv(lines)).action_preview()
        with self.assertRaisesRegex(UserError, "Row 3: no staff member has the e-mail"):
            self._wizard(self._csv(lines)).action_preview()

    def test_dc19_empty_and_unreadable_files(self):
        with self.assertRaisesRegex(UserError, "The file is empty"):
            self._wizard(b"\n;;\n\n").action_preview()
        with self.assertRaisesRegex(UserError, "no results under its header"):
            self._wizard(self._csv([("Họ và tên", "Xếp loại")])).action_preview()
        with self.assertRaisesRegex(UserError, "no column of the classification"):
            self._wizard(
                self._csv([("Họ và tên", "Điểm"), ("A", "1")])
            ).action_preview()
        with self.assertRaisesRegex(UserError, "identifies the staff member"):
            self._wizard(
                self._csv([("Năm", "Xếp loại"), ("2026", "Tốt")])
            ).action_preview()
        with self.assertRaisesRegex(UserError, "not encoded in UTF-8"):
            self._wizard("Họ và tên;Xếp loại".encode("utf-16")).action_preview()
        with self.assertRaisesRegex(UserError, "not a readable Excel"):
            self._wizard(b"PK garbage", filename="x.xlsx").action_preview()
        with self.assertRaisesRegex(UserError, r"\.xlsx\) or a CSV"):
            self._wizard(b"abc", filename="x.pdf").action_preview()
        self.assertFalse(self.Batch.search([("year", "=", 2026)]))

    def test_dc19_absurd_year_is_refused(self):
        with self.assertRaisesRegex(UserError, "between 1990 and 2100"):
            self._wizard(self._csv(self.GOOD_FILE), year=20026).action_preview()

    def test_dc19_reimport_updates_unpublished_results(self):
        batch = self._import()
        result = batch.result_ids.filtered(lambda r: r.employee_id == self.emp_a)
        lines = [
            self.GOOD_FILE[0],
            ("3", "", "", "Trần Thị Mai", "2026", "Hoàn thành tốt", "75"),
        ]
        again = self._import(lines)
        self.assertEqual(again, batch)
        self.assertEqual(batch.result_count, 4)
        self.assertEqual((result.level, result.score), ("good", 75.0))
        batch.with_user(self.users["office"]).action_publish()
        with self.assertRaisesRegex(UserError, "is published: its results are locked"):
            self._import(lines)
        self.assertEqual(result.level, "good")

    def test_dc19_quota_is_a_warning_not_a_block(self):
        # 1 Excellent for 1 Good: more than 20% of the Good.
        wizard = self._wizard(self._csv(self.GOOD_FILE))
        wizard.action_preview()
        self.assertIn("should not exceed 20%", wizard.quota_warning)
        batch = self.Batch.browse(wizard.action_confirm()["res_id"])
        self.assertIn("should not exceed 20%", batch.quota_warning)
        self.assertEqual(batch.result_count, 4)
        # 1 Excellent for 5 Good: exactly 20%, no warning.
        self.assertFalse(batch._quota_warning(1, 5))
        self.assertTrue(batch._quota_warning(2, 9))
        # DC-20: a unit rated excellent goes up to 25%.
        self.assertTrue(batch._quota_warning(2, 7))
        self.assertFalse(batch._quota_warning(2, 8, outstanding=True))
        self.assertTrue(batch._quota_warning(3, 11, outstanding=True))
        batch.with_user(self.users["office"]).outstanding_unit = True
        self.assertIn("should not exceed 25%", batch.quota_warning)
        # A file of Good only brings the year under the quota.
        lines = [self.GOOD_FILE[0]] + [
            ("", "", "", "Trần Thị Mai", "2026", "Hoàn thành tốt", "75"),
            ("", "", "", "Lê Văn Nam", "2026", "Hoàn thành tốt", "75"),
            ("", "", "", self.emp_union.name, "2026", "Hoàn thành tốt", "75"),
        ]
        wizard = self._wizard(self._csv(lines))
        wizard.action_preview()
        self.assertFalse(wizard.quota_warning)

    def test_dc19_staff_and_outsider_cannot_import(self):
        for user in (self.users["staff"], self.users["unit_head"], self.user_outsider):
            with self.assertRaises(AccessError):
                self._wizard(self._csv(self.GOOD_FILE), user=user)
        self.assertFalse(self.Batch.search([("year", "=", 2026)]))

    def test_dc19_double_confirm_adds_nobody_twice(self):
        wizard = self._wizard(self._csv(self.GOOD_FILE))
        wizard.action_preview()
        wizard.action_confirm()
        wizard.action_confirm()
        self.assertEqual(self.Result.search_count([("year", "=", 2026)]), 4)

    def test_dc19_query_count_flat_in_the_number_of_rows(self):
        Employee = self.env["hr.employee"]
        staff = Employee.create(
            [
                {"name": f"Cán bộ {n:02d}", "department_id": self.unit_science.id}
                for n in range(50)
            ]
        )
        header = ("Họ và tên", "Xếp loại", "Điểm")

        def queries(employees, year):
            lines = [header] + [(e.name, "Hoàn thành tốt", "80") for e in employees]
            wizard = self._wizard(
                self._csv(lines), year=year, decision_date=f"{year}-12-10"
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            wizard.action_preview()
            wizard.action_confirm()
            self.env.flush_all()
            return self.cr.sql_log_count - before

        few = queries(staff[:5], 2030)
        many = queries(staff, 2031)
        self.assertEqual(self.Result.search_count([("year", "=", 2031)]), 50)
        self.assertLessEqual(many, few + 3, f"{few} queries for 5 rows, {many} for 50")
