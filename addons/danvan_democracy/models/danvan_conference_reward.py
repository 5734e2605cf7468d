"""A reward proposed to the staff conference from the evaluation results
(DC-20: the conference uses the year's classification for its rewards, it
does not classify anyone)."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

TITLES = [
    ("advanced_worker", "Advanced Worker"),
    ("emulation_soldier", "Grassroots Emulation Soldier"),
    ("certificate", "Certificate of Merit"),
]


class DanvanConferenceReward(models.Model):
    _name = "danvan.conference.reward"
    _description = "Reward Proposed to the Staff Conference"
    _check_company_auto = True
    _order = "conference_id desc, employee_name, id"

    conference_id = fields.Many2one(
        "danvan.conference", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="conference_id.company_id", store=True, index=True, precompute=True
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Staff Member",
        required=True,
        ondelete="cascade",
        check_company=True,
    )
    employee_name = fields.Char(related="employee_id.name", store=True)
    result_id = fields.Many2one(
        "danvan.evaluation.result",
        string="Evaluation Result",
        domain="[('employee_id', '=', employee_id)]",
        ondelete="cascade",
        check_company=True,
    )
    level = fields.Selection(related="result_id.level", string="Classification")
    title = fields.Selection(
        TITLES,
        string="Proposed Title",
        required=True,
        default="advanced_worker",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "conference_employee_unique",
            "UNIQUE(conference_id, employee_id, title)",
            "This title is already proposed for this staff member.",
        ),
    ]

    @api.constrains("result_id", "employee_id")
    def _check_result(self):
        for reward in self:
            if reward.result_id and reward.result_id.employee_id != reward.employee_id:
                raise ValidationError(
                    self.env._(
                        "The evaluation result is not the one of %s.",
                        reward.employee_id.name,
                    )
                )

    def _check_conference_open(self):
        held = self.filtered(lambda r: r.conference_id.state == "done")
        if held and not self.env.su:
            raise UserError(
                self.env._(
                    "%s has been held: its rewards can no longer be changed.",
                    ", ".join(held.conference_id.mapped("display_name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        rewards = super().create(vals_list)
        rewards._check_conference_open()
        return rewards

    def write(self, vals):
        self._check_conference_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        self._check_conference_open()
