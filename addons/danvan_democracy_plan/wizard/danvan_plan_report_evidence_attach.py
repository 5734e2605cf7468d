from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.danvan_plan_report_evidence import EVIDENCE_MODELS


class DanvanPlanReportEvidenceAttach(models.TransientModel):
    """Attach the current democracy record to the progress report of the plan
    task it fulfils (issue 14, item 8)."""

    _name = "danvan.plan.report.evidence.attach"
    _description = "Attach to a Plan Progress Report"

    res_model = fields.Char(required=True, readonly=True)
    res_id = fields.Integer(required=True, readonly=True)
    record_name = fields.Char(string="Record", compute="_compute_record_name")
    report_id = fields.Many2one(
        "danvan.plan.report",
        string="Progress Report",
        required=True,
        domain="[('state', 'in', ('draft', 'returned'))]",
        help="A report still in preparation, of a task of your unit.",
    )
    note = fields.Char(help="What the record shows of the task's progress.")

    @api.model
    def _danvan_bind_evidence_models(self):
        """The "Attach to a Plan Report" action in the Action menu of every
        democracy model of the database (the consultation and the briefing
        once their models exist): run at install and at each update."""
        for model in EVIDENCE_MODELS:
            if model not in self.env:
                continue
            name = "danvan_plan_report_evidence_attach_action_" + model.split(".")[-1]
            if self.env.ref(f"danvan_democracy_plan.{name}", raise_if_not_found=False):
                continue
            action = self.env["ir.actions.act_window"].create(
                {
                    "name": "Attach to a Plan Report",
                    "res_model": self._name,
                    "view_mode": "form",
                    "target": "new",
                    "binding_model_id": self.env["ir.model"]._get_id(model),
                    "binding_view_types": "form",
                }
            )
            self.env["ir.model.data"].create(
                {
                    "module": "danvan_democracy_plan",
                    "name": name,
                    "model": action._name,
                    "res_id": action.id,
                    "noupdate": True,
                }
            )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model = self.env.context.get("active_model")
        if model in EVIDENCE_MODELS and self.env.context.get("active_id"):
            values.setdefault("res_model", model)
            values.setdefault("res_id", self.env.context["active_id"])
        return values

    @api.depends("res_model", "res_id")
    def _compute_record_name(self):
        for wizard in self:
            record = wizard._record()
            wizard.record_name = record.display_name if record else False

    def _record(self):
        if self.res_model not in EVIDENCE_MODELS or self.res_model not in self.env:
            return None
        return self.env[self.res_model].browse(self.res_id).exists()

    def action_attach(self):
        self.ensure_one()
        record = self._record()
        if not record:
            raise UserError(self.env._("The record to attach no longer exists."))
        Evidence = self.env["danvan.plan.report.evidence"]
        already = Evidence.search(
            [
                ("report_id", "=", self.report_id.id),
                ("record_ref", "=", f"{record._name},{record.id}"),
            ]
        )
        if not already:
            Evidence.create(
                {
                    "report_id": self.report_id.id,
                    "record_ref": f"{record._name},{record.id}",
                    "note": self.note,
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "danvan.plan.report",
            "res_id": self.report_id.id,
            "view_mode": "form",
        }
