from datetime import date

from odoo.tests import new_test_user

from odoo.addons.danvan_base.tests.common import DanvanCommon

FULL_REGISTRATION = {
    "situation": "<p>Doanh nghiệp nhỏ chưa biết đến chính sách hỗ trợ.</p>",
    "objectives": "<p>30 doanh nghiệp tiếp cận chính sách.</p>",
    "measurable_criteria": "<p>Số doanh nghiệp được hỗ trợ; số hồ sơ.</p>",
    "content_methods": "<p>Tổ công tác đến từng doanh nghiệp.</p>",
    "scope_targets": "<p>Doanh nghiệp nhỏ và vừa trong tỉnh.</p>",
    "implementing_forces": "<p>Phòng Quản lý Khoa học, Hội doanh nghiệp.</p>",
    "timeline": "<p>Tháng 3 đến tháng 11/2025.</p>",
    "outputs": "<p>Danh sách doanh nghiệp, biên bản làm việc.</p>",
}


class ModelsCommon(DanvanCommon):
    """A 2025 round open until 31/3/2025, two units, two reviewers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_smq = cls.env["hr.department"].create({"name": "Chi cục TĐC thử"})
        cls.head_smq = new_test_user(
            cls.env, login="dvm_head_smq", groups="danvan_base.group_danvan_unit_head"
        )
        cls.env["hr.employee"].create(
            {
                "name": cls.head_smq.name,
                "user_id": cls.head_smq.id,
                "department_id": cls.unit_smq.id,
            }
        )
        cls.reviewers = [
            new_test_user(
                cls.env,
                login=f"dvm_reviewer_{n}",
                groups="danvan_base.group_danvan_staff",
            )
            for n in (1, 2)
        ]
        cls.leader_employee = cls.env["hr.employee"].search(
            [("user_id", "=", cls.users["unit_head"].id)]
        )
        cls.Round = cls.env["danvan.model.round"]
        # A year holds one round: the demo's (this year's and last year's) are
        # moved out of the years the tests use.
        for offset, other in enumerate(cls.Round.search([])):
            other.year = 1990 + offset
        cls.env.flush_all()
        cls.Registration = cls.env["danvan.model.registration"]
        cls.field_digital = cls.env.ref("danvan_models.danvan_model_field_digital")
        cls.model_round = cls.Round.create(
            {
                "year": 2025,
                "date_deadline": date(2025, 3, 31),
                "department_ids": [(6, 0, (cls.unit_science | cls.unit_smq).ids)],
            }
        )

    def _open_round(self):
        self.model_round.with_user(self.users["office"]).action_open()

    def _registration(self, user=None, **vals):
        values = dict(
            FULL_REGISTRATION,
            name="Doanh nghiệp đồng hành đổi mới công nghệ",
            round_id=self.model_round.id,
            department_id=self.unit_science.id,
            field_id=self.field_digital.id,
            leader_id=self.leader_employee.id,
        )
        values.update(vals)
        return self.Registration.with_user(user or self.users["unit_head"]).create(
            values
        )

    def _submitted(self, **vals):
        registration = self._registration(**vals)
        registration.action_submit()
        return registration

    def _in_appraisal(self):
        registration = self._submitted()
        office = registration.with_user(self.users["office"])
        office.action_accept()
        office.reviewer_ids = [(6, 0, [r.id for r in self.reviewers])]
        office.action_start_appraisal()
        return registration

    def _implementing(self):
        """Appraised by both reviewers and approved: being implemented."""
        registration = self._in_appraisal()
        for reviewer in self.reviewers:
            self._score(registration, reviewer, 0.9)
        registration.with_user(self.users["office"]).action_close_appraisal()
        registration.with_user(self.users["leader"]).action_approve()
        return registration

    def _score(self, registration, reviewer, value):
        """The reviewer's whole sheet, every criterion at ``value`` of its max."""
        sheet = (
            self.env["danvan.model.score.sheet"]
            .with_user(reviewer)
            .with_context(active_id=registration.id)
            .create({})
        )
        for line in sheet.line_ids:
            line.score = value * line.criterion_id.max_score
        sheet.action_save()
