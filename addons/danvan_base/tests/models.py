"""Test-only models of the workflow gate, loaded by FakeModelLoader."""

from odoo import fields, models


class DanvanGateTest(models.Model):
    _name = "danvan.gate.test"
    _description = "Workflow Gate Test"
    _inherit = ["mail.thread", "mail.activity.mixin", "danvan.workflow.mixin"]
    _transitions = {
        "action_submit": ({"draft"}, "submitted", False),
        "action_issue": (
            {"submitted"},
            "issued",
            "danvan_base.group_danvan_leadership",
        ),
        "action_reopen": ({"issued"}, "draft", "danvan_base.group_danvan_admin"),
    }
    _locked_states = ("issued",)
    _deletable_states = ("draft",)

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    number = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("issued", "Issued")],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
    )
    line_ids = fields.One2many("danvan.gate.test.line", "gate_id")

    def action_submit(self):
        return self._transition("action_submit")

    def action_issue(self):
        return self._transition("action_issue", {"number": "1/BC"})

    def action_reopen(self):
        return self._transition("action_reopen", {"number": False})


class DanvanGateTestLine(models.Model):
    _name = "danvan.gate.test.line"
    _description = "Workflow Gate Test Line"
    _inherit = ["danvan.kept.line.mixin"]
    _danvan_kept_parent = "gate_id"

    gate_id = fields.Many2one("danvan.gate.test", required=True, ondelete="cascade")
    name = fields.Char()


class DanvanDeadlineTest(models.Model):
    _name = "danvan.deadline.test"
    _description = "Deadline Test"
    _inherit = ["mail.thread", "mail.activity.mixin", "danvan.deadline.mixin"]
    _danvan_deadline_fields = {"date_deadline": None}

    name = fields.Char(required=True)
    state = fields.Selection([("open", "Open"), ("done", "Done")], default="open")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_deadline = fields.Date()
    user_id = fields.Many2one("res.users")
    head_id = fields.Many2one("res.users")

    def _deadline_open_domain(self):
        return [("state", "=", "open")]

    def _deadline_warned_users(self):
        return self.user_id

    def _deadline_escalation_users(self):
        return self.head_id | self.user_id
