"""A version of the draft under consultation (DC-12): each new draft is a new
version, the last one is the current one; a version given to staff is kept."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class DanvanConsultationVersion(models.Model):
    _name = "danvan.consultation.version"
    _description = "Version of a Draft under Consultation"
    _order = "consultation_id, number desc"

    consultation_id = fields.Many2one(
        "danvan.consultation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="consultation_id.company_id", store=True)
    number = fields.Integer(string="Version", readonly=True, copy=False)
    file = fields.Binary(string="Draft", attachment=True, required=True)
    file_name = fields.Char()
    note = fields.Char(help="What changed in this version.")
    date = fields.Date(default=fields.Date.context_today, readonly=True)
    is_current = fields.Boolean(string="Current", compute="_compute_is_current")

    _sql_constraints = [
        (
            "number_unique",
            "UNIQUE(consultation_id, number)",
            "Each version of a draft has its own number.",
        )
    ]

    @api.depends("consultation_id.current_version_id")
    def _compute_display_name(self):
        for version in self:
            version.display_name = self.env._(
                "Version %(number)s of %(draft)s",
                number=version.number,
                draft=version.consultation_id.name,
            )

    def _compute_is_current(self):
        for version in self:
            version.is_current = version == version.consultation_id.current_version_id

    @api.model_create_multi
    def create(self, vals_list):
        Consultation = self.env["danvan.consultation"]
        for vals in vals_list:
            consultation = Consultation.browse(vals.get("consultation_id"))
            consultation._check_draft_editable(("draft", "open"))
            # Lock the consultation: two uploads at once get two numbers.
            self.env.cr.execute(
                "SELECT id FROM danvan_consultation WHERE id = %s FOR UPDATE",
                [consultation.id],
            )
            self.env.cr.execute(
                "SELECT COALESCE(MAX(number), 0) FROM danvan_consultation_version "
                "WHERE consultation_id = %s",
                [consultation.id],
            )
            vals["number"] = self.env.cr.fetchone()[0] + 1
        versions = super().create(vals_list)
        versions.consultation_id.invalidate_recordset(["current_version_id"])
        return versions

    def write(self, vals):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "A version of a draft is kept as it was given to staff: add a "
                    "new version instead."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_given(self):
        if self.consultation_id.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "A version of a draft given to staff is kept: it cannot be deleted."
                )
            )
