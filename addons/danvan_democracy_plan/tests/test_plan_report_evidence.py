from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.danvan_democracy.tests.common import DemocracyCommon
from odoo.addons.danvan_plan.tests.common import DanvanCommon as PlanCommon


@tagged("post_install", "-at_install")
class TestPlanReportEvidence(DemocracyCommon, PlanCommon):
    """A democracy record as evidence of the plan task it fulfils (issue 14,
    item 8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_plan_2025()
        item = cls.env["danvan.plan.item"].create(
            {
                "plan_id": cls.plan.id,
                "parent_id": cls.section.id,
                "mark": "1",
                "name": "A",
            }
        )
        cls.task = cls.env["danvan.plan.task"].create(
            {
                "name": "Thực hiện Quy chế dân chủ ở cơ sở",
                "item_id": item.id,
                "lead_department_id": cls.unit_science.id,
                "recurrence": "quarterly",
            }
        )
        cls.report = cls.env["danvan.plan.report"].create(
            {
                "task_id": cls.task.id,
                "period_id": cls.task.period_ids[0].id,
                "department_id": cls.unit_science.id,
                "content": "<p>Công khai nâng bậc lương.</p>",
                "progress": 50,
            }
        )

    def _attach(self, record, user):
        wizard = (
            self.env["danvan.plan.report.evidence.attach"]
            .with_user(user)
            .with_context(active_model=record._name, active_id=record.id)
            .create({"report_id": self.report.id, "note": "Đã công khai"})
        )
        return wizard.action_attach()

    def test_the_evidence_models_are_those_installed(self):
        selection = dict(
            self.env["danvan.plan.report.evidence"]._selection_record_ref()
        )
        self.assertIn("danvan.publication", selection)
        self.assertIn("danvan.conference", selection)
        for model in ("danvan.consultation", "danvan.briefing"):
            self.assertEqual(model in selection, model in self.env)
        # Each of them has the action in its Action menu, once.
        Attach = self.env["danvan.plan.report.evidence.attach"]
        Attach._danvan_bind_evidence_models()
        actions = self.env["ir.actions.act_window"].search(
            [("res_model", "=", Attach._name), ("binding_model_id", "!=", False)]
        )
        self.assertEqual(
            sorted(actions.binding_model_id.mapped("model")), sorted(selection)
        )
        self.assertEqual(len(actions), len(selection))

    def test_unit_head_attaches_a_posted_publication_once(self):
        publication = self._publication()
        publication.with_user(self.users["office"]).action_publish()
        head = self.users["unit_head"]
        action = self._attach(publication, head)
        self._attach(publication, head)
        self.assertEqual(action["res_id"], self.report.id)
        evidence = self.report.democracy_evidence_ids
        self.assertEqual(len(evidence), 1)
        self.assertEqual(evidence.record_ref, publication)
        self.assertEqual(evidence.name, publication.display_name)
        self.assertEqual(
            self.report.with_user(self.users["staff"]).democracy_evidence_ids, evidence
        )
        with self.assertRaisesRegex(UserError, "attach the right record"):
            evidence.with_user(head).record_ref = f"danvan.publication,{publication.id}"

    def test_a_record_the_user_cannot_read_is_not_evidence(self):
        draft = self._publication()
        with self.assertRaises(AccessError):
            self._attach(draft, self.users["unit_head"])
        self.assertFalse(self.report.democracy_evidence_ids)

    def test_a_record_of_another_agency_is_not_evidence(self):
        """Even for a user who may read both: a report of agency A takes the
        records of A only."""
        agency_b = self.env["res.company"].create({"name": "Sở Nội vụ thử"})
        publication = self.Publication.create(
            {
                "name": "Nâng bậc lương Sở Nội vụ",
                "category_id": self.category_salary.id,
                "decision_date": date(2026, 12, 1),
                "content": "<p>Danh sách.</p>",
                "company_id": agency_b.id,
            }
        )
        with self.assertRaisesRegex(UserError, "another agency"):
            self.env["danvan.plan.report.evidence"].create(
                {
                    "report_id": self.report.id,
                    "record_ref": f"{publication._name},{publication.id}",
                }
            )

    def test_the_evidence_of_an_accepted_report_is_kept(self):
        conference = self.env["danvan.conference"].create({"work_year": 2025})
        self._attach(conference, self.users["office"])
        evidence = self.report.democracy_evidence_ids
        self.report.with_user(self.users["unit_head"]).action_submit()
        self.report.with_user(self.users["office"]).action_accept()
        with self.assertRaisesRegex(UserError, "is accepted"):
            evidence.with_user(self.users["office"]).unlink()
        with self.assertRaisesRegex(UserError, "is accepted"):
            evidence.with_user(self.users["office"]).note = "Sửa"
        with self.assertRaisesRegex(UserError, "is accepted"):
            self._attach(self._posted(), self.users["office"])
        self.assertEqual(self.report.democracy_evidence_ids, evidence)

    def _posted(self):
        publication = self._publication()
        publication.with_user(self.users["office"]).action_publish()
        return publication

    def test_another_unit_and_outsiders_see_no_evidence(self):
        self._attach(self._posted(), self.users["unit_head"])
        Evidence = self.env["danvan.plan.report.evidence"]
        office_staff = self.users["union"]  # a member of the Office's unit
        self.assertFalse(Evidence.with_user(office_staff).search([]))
        with self.assertRaises(AccessError):
            Evidence.with_user(self.user_outsider).search([])

    def test_a_unit_adds_evidence_from_its_report(self):
        publication = self._posted()
        report = self.report.with_user(self.users["unit_head"])
        report.write(
            {
                "democracy_evidence_ids": [
                    (0, 0, {"record_ref": f"danvan.publication,{publication.id}"})
                ]
            }
        )
        self.assertEqual(report.democracy_evidence_ids.name, publication.display_name)
        with self.assertRaisesRegex(UserError, "Choose a publication"):
            self.env["danvan.plan.report.evidence"].create(
                {
                    "report_id": self.report.id,
                    "record_ref": f"res.partner,{self.env.user.partner_id.id}",
                }
            )

    def test_the_provincial_overseer_reads_the_evidence_and_attaches_none(self):
        """Issue 15, item 4: the overseer opens a report with its evidence,
        read-only."""
        publication = self._publication()
        publication.with_user(self.users["office"]).action_publish()
        self._attach(publication, self.users["unit_head"])
        overseer = self.env["res.users"].create(
            {
                "name": "Ban Dân vận Tỉnh ủy",
                "login": "dv_province_evidence",
                "groups_id": [
                    (6, 0, self.env.ref("danvan_base.group_danvan_provincial").ids)
                ],
            }
        )
        report = self.report.with_user(overseer)
        self.assertEqual(
            report.democracy_evidence_ids.read(["name"])[0]["name"],
            self.report.democracy_evidence_ids.name,
        )
        with self.assertRaises(AccessError):
            report.democracy_evidence_ids.check_access("write")
