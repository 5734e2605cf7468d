import io
import zipfile
from datetime import date

import docx
from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import FULL_REGISTRATION, ModelsCommon


class OutputsCommon(ModelsCommon):
    """Two models in the list (one evaluated 'excellent'), one still a draft."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        office = cls.users["office"]
        with freeze_time("2025-03-10"):
            cls.model_round.with_user(office).action_open()
            cls.listed = cls.Registration.with_user(cls.users["unit_head"]).create(
                cls._values("Doanh nghiệp đồng hành đổi mới công nghệ")
            )
            cls.listed.action_submit()
            cls.evaluated = cls.Registration.with_user(cls.head_smq).create(
                cls._values("Cân đúng, đo chuẩn vì người tiêu dùng", cls.unit_smq)
            )
            cls.evaluated.action_submit()
            cls.draft = cls.Registration.with_user(cls.users["unit_head"]).create(
                cls._values("Bản nháp chưa gửi")
            )
        (cls.listed | cls.evaluated).with_user(office).action_accept()
        # The evaluated model skips the appraisal steps, set here directly:
        # only the superuser writes a state.
        cls.evaluated.sudo().write({"state": "implementing", "evaluation_score": 95})
        cls.evaluated.with_user(office).action_evaluate()

    @classmethod
    def _values(cls, name, unit=None):
        return dict(
            FULL_REGISTRATION,
            name=name,
            round_id=cls.model_round.id,
            department_id=(unit or cls.unit_science).id,
            field_id=cls.field_digital.id,
            leader_id=cls.leader_employee.id,
        )


@tagged("post_install", "-at_install")
class TestModelOutputs(OutputsCommon):
    """The consolidated list, the results, the emulation score (items 5, 6)."""

    def test_consolidated_list_holds_the_accepted_models(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "danvan_models.action_report_danvan_model_round_list",
                self.model_round.ids,
            )[0]
            .decode()
        )
        self.assertIn("Doanh nghiệp đồng hành đổi mới công nghệ", html)
        self.assertIn("Cân đúng, đo chuẩn vì người tiêu dùng", html)
        self.assertNotIn("Bản nháp chưa gửi", html)
        self.assertIn("BÁO CÁO", html)

    def test_vb12_recipients_of_the_lists_from_the_settings(self):
        """VB-12: the round's documents go where the agency's settings say; a
        new agency starts with its board, in its language (issue 12, item 7)."""
        self.env["res.config.settings"].create(
            {"danvan_model_round_recipients": "Ban Dân vận Tỉnh ủy\n\nCác phòng"}
        ).execute()
        values, _body, _registrations = self.model_round._output_values("list")
        self.assertEqual(values["recipients"], ["Ban Dân vận Tỉnh ủy", "Các phòng"])
        self.env["res.lang"]._activate_lang("vi_VN")
        agency = self.env["res.company"].create({"name": "Sở Tư pháp"})
        self.assertEqual(agency.danvan_model_round_recipients, "Ban Giám đốc Sở")

    def test_results_list_only_the_evaluated_with_their_classification(self):
        _values, body, registrations = self.model_round._output_values("results")
        self.assertEqual(registrations, self.evaluated)
        self.assertIn("Excellent", str(body))

    def test_emulation_score_from_models_and_plan(self):
        self.env["ir.config_parameter"].set_param("danvan_models.points_excellent", 12)
        self.env.flush_all()
        row = self.env["danvan.model.emulation"].search(
            [("department_id", "=", self.unit_smq.id), ("year", "=", 2025)]
        )
        self.assertEqual((row.model_count, row.model_points), (1, 12))
        self.assertEqual(row.score, 12, "the unit has no plan task")

    def test_emulation_counts_the_plan_progress(self):
        plan = self.env["danvan.plan"].create(
            {"name": "Kế hoạch 2025", "year": 2025, "plan_type": "other"}
        )
        section = self.env["danvan.plan.item"].create(
            {"plan_id": plan.id, "mark": "I", "name": "NỘI DUNG"}
        )
        task = self.env["danvan.plan.task"].create(
            {
                "name": "Nhiệm vụ của Chi cục",
                "item_id": section.id,
                "lead_department_id": self.unit_smq.id,
                "date_deadline": date(2025, 6, 30),
            }
        )
        task.write({"state": "reported"})
        task.action_done()
        self.env.flush_all()
        row = self.env["danvan.model.emulation"].search(
            [("department_id", "=", self.unit_smq.id), ("year", "=", 2025)]
        )
        self.assertEqual(row.task_progress, 100)
        self.assertEqual(row.score, 10 + 20)


@tagged("post_install", "-at_install")
class TestModelOutputFiles(HttpCase, OutputsCommon):
    """The list as Word and as a spreadsheet, for users who may read the round."""

    def _download(self, path, filename):
        """The file's bytes; it is named in Vietnamese (issue 10)."""
        self.authenticate("dv_office", "dv_office")
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200)
        self.assertIn(filename, response.headers["Content-Disposition"])
        return response.content

    def test_list_as_word(self):
        content = self._download(
            f"/danvan_models/round/{self.model_round.id}/list.docx",
            "danh-sach-mo-hinh-2025.docx",
        )
        document = docx.Document(io.BytesIO(content))
        cells = [
            cell.text
            for table in document.tables
            for row in table.rows
            for cell in row.cells
        ]
        self.assertIn("Doanh nghiệp đồng hành đổi mới công nghệ", cells)
        self.assertNotIn("Bản nháp chưa gửi", cells)

    def test_results_as_spreadsheet(self):
        content = self._download(
            f"/danvan_models/round/{self.model_round.id}/results.xlsx",
            "ket-qua-mo-hinh-2025.xlsx",
        )
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn("Cân đúng, đo chuẩn vì người tiêu dùng", strings)
        self.assertNotIn("Doanh nghiệp đồng hành", strings)
