"""An authorisation to complain (KN-15), on the Mẫu 02 of the regime of its
date: who authorises whom for which content. One content goes to one person
only; an individual's authorisation is certified or notarised until the
regime's ``notarisation_end``; an organisation's is signed and sealed."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates, check_past_dates


class DanvanComplaintAuthorisation(models.Model):
    _name = "danvan.complaint.authorisation"
    _description = "Authorisation to Complain"
    _order = "date desc, id desc"
    _rec_name = "scope"

    complaint_id = fields.Many2one(
        "danvan.complaint",
        string="Complaint Case",
        required=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="complaint_id.company_id", store=True, index=True
    )
    grantor_id = fields.Many2one(
        "danvan.petition.sender",
        string="Authorised By",
        required=True,
        ondelete="restrict",
        domain="[('petition_id', '=', petition_id)]",
    )
    petition_id = fields.Many2one(related="complaint_id.petition_id")
    grantor_kind = fields.Selection(
        [("individual", "Individual"), ("organisation", "Agency or organisation")],
        string="Authorised By an",
        required=True,
        default="individual",
    )
    attorney_name = fields.Char(string="Authorised Person", required=True)
    attorney_identity = fields.Char(
        string="Identity Number",
        help="Số căn cước, định danh cá nhân, giấy chứng nhận căn cước hoặc hộ chiếu.",
    )
    attorney_address = fields.Char(string="Address")
    scope = fields.Char(
        string="Content Authorised",
        required=True,
        help="One content is authorised to one person only.",
    )
    date = fields.Date(string="Authorised On", required=True)
    notarised = fields.Boolean(string="Certified or Notarised")
    sealed = fields.Boolean(string="Signed and Sealed")
    notarisation_required = fields.Boolean(
        compute="_compute_notarisation_required",
        help="Under the regime of its date, an individual's authorisation is "
        "certified or notarised.",
    )
    form_number = fields.Char(string="Form", compute="_compute_notarisation_required")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_complaint_authorisation_attachment_rel",
        "authorisation_id",
        "attachment_id",
        string="Signed Authorisation",
    )

    @api.depends("date", "grantor_kind")
    def _compute_notarisation_required(self):
        Regime = self.env["danvan.legal.regime"].sudo()
        for auth in self:
            regime = auth.date and Regime._regime_on(auth.date)
            form = (
                regime.form_ids.filtered(lambda f: f.code == "complaint_authorisation")[
                    :1
                ]
                if regime
                else False
            )
            auth.form_number = form.number if form else False
            auth.notarisation_required = bool(
                regime
                and auth.grantor_kind == "individual"
                and not (
                    regime.notarisation_end and auth.date >= regime.notarisation_end
                )
            )

    @api.constrains(
        "date", "grantor_kind", "notarised", "sealed", "scope", "grantor_id"
    )
    def _check_authorisation(self):
        check_dates(self, ["date"])
        for auth in self:
            check_past_dates(auth, ["date"], auth.company_id._danvan_today())
            if auth.grantor_id.petition_id != auth.complaint_id.petition_id:
                raise ValidationError(
                    self.env._("Only a complainant of the case authorises someone.")
                )
            if auth.notarisation_required and not auth.notarised:
                raise ValidationError(
                    self.env._(
                        "The authorisation of %(person)s of %(date)s is certified or "
                        "notarised (Article 5 of Decree 124/2020/NĐ-CP).",
                        person=auth.grantor_id.name,
                        date=auth.date.strftime("%d/%m/%Y"),
                    )
                )
            if auth.grantor_kind == "organisation" and not auth.sealed:
                raise ValidationError(
                    self.env._(
                        "An organisation's authorisation is signed by its head and "
                        "sealed (Decree 155/2026/NĐ-CP)."
                    )
                )
            scope = " ".join(auth.scope.lower().split())
            others = self.search(
                [
                    ("id", "!=", auth.id),
                    ("complaint_id", "=", auth.complaint_id.id),
                    ("grantor_id", "=", auth.grantor_id.id),
                ]
            )
            clash = [
                other
                for other in others
                if " ".join(other.scope.lower().split()) == scope
                and other.attorney_name != auth.attorney_name
            ]
            if clash:
                raise ValidationError(
                    self.env._(
                        "%(person)s already authorised %(other)s for this content: "
                        "one content is authorised to one person only (Decree "
                        "155/2026/NĐ-CP).",
                        person=auth.grantor_id.name,
                        other=clash[0].attorney_name,
                    )
                )
