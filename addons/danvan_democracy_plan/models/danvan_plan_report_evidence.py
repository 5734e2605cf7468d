"""A record of grassroots democracy given as evidence of a plan task's
progress report (issue 14, item 8): the publication, consultation, staff
conference or briefing that fulfils the task."""

from odoo import api, fields, models
from odoo.exceptions import UserError

# The democracy records that may be evidence, when their addon is installed.
EVIDENCE_MODELS = (
    "danvan.publication",
    "danvan.consultation",
    "danvan.conference",
    "danvan.briefing",
)


class DanvanPlanReportEvidence(models.Model):
    _name = "danvan.plan.report.evidence"
    _description = "Democracy Record as Evidence of a Progress Report"
    _order = "report_id, id"
    _check_company_auto = True

    report_id = fields.Many2one(
        "danvan.plan.report",
        string="Progress Report",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        precompute=True,
        index=True,
    )
    record_ref = fields.Reference(
        selection="_selection_record_ref",
        string="Record",
        required=True,
    )
    name = fields.Char(
        string="Evidence",
        readonly=True,
        help="The record's name when it was attached.",
    )
    note = fields.Char(help="What the record shows of the task's progress.")

    @api.model
    def _selection_record_ref(self):
        """The democracy models of this database among EVIDENCE_MODELS."""
        return [
            (model, self.env["ir.model"]._get(model).name)
            for model in EVIDENCE_MODELS
            if model in self.env
        ]

    @api.depends("report_id")
    def _compute_company_id(self):
        for evidence in self:
            evidence.company_id = (
                evidence.report_id.sudo().task_id.company_id or self.env.company
            )

    @api.model_create_multi
    def create(self, vals_list):
        self.env["danvan.plan.report"].browse(
            {vals["report_id"] for vals in vals_list if vals.get("report_id")}
        ).sudo()._danvan_check_evidence_open()
        for vals in vals_list:
            record = self._evidence_record(vals.get("record_ref"))
            # Only what the user may read is given as evidence.
            record.check_access("read")
            report = self.env["danvan.plan.report"].browse(vals.get("report_id"))
            company = report.sudo().company_id
            if company and record.sudo().company_id != company:
                raise UserError(
                    self.env._(
                        "%(record)s is of another agency than the progress "
                        "report: attach a record of the report's agency.",
                        record=record.display_name,
                    )
                )
            vals["name"] = record.display_name
        return super().create(vals_list)

    def _evidence_record(self, ref):
        """The democracy record of a Reference value ("model,id" or a record)."""
        if isinstance(ref, str) and "," in ref:
            model, _sep, res_id = ref.partition(",")
            ref = (
                self.env[model].browse(int(res_id))
                if model in EVIDENCE_MODELS and model in self.env and res_id.isdigit()
                else None
            )
        if not isinstance(ref, models.BaseModel) or ref._name not in EVIDENCE_MODELS:
            raise UserError(
                self.env._(
                    "Choose a publication, consultation, conference or briefing."
                )
            )
        if not ref.exists():
            raise UserError(self.env._("The record to attach no longer exists."))
        return ref

    def write(self, vals):
        self._check_report_open()
        if "record_ref" in vals or "report_id" in vals:
            raise UserError(
                self.env._("Remove the evidence and attach the right record instead.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_accepted(self):
        self._check_report_open()

    def _check_report_open(self):
        if not self.env.su:
            self.report_id._danvan_check_evidence_open()

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.record_ref._name,
            "res_id": self.record_ref.id,
            "view_mode": "form",
        }
