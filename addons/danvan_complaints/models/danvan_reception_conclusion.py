"""The notice of the conclusions of the head's reception (Thông báo kết luận
việc tiếp công dân, TCD-7, TCD-21: Article 25 of Decree 154/2026/NĐ-CP).

The head answers on the spot what is clear and within competence, else states
the time limit and the person to contact; the instructions are issued in
writing and sent to the units concerned, each of which gets a to-do.
"""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools import decree30
from odoo.addons.danvan_base.tools.date_checks import check_dates

# Decree 30/2020: a notice (thông báo), numbered in the agency's yearly series.
NOTICE_TYPE = decree30.DocType("THÔNG BÁO", "TB", "danvan.document.notice")


class DanvanReceptionConclusion(models.Model):
    _name = "danvan.reception.conclusion"
    _description = "Notice of the Conclusions of Citizen Reception"
    # Its units, people and linked records are of its agency (issue 15, item 4).
    _check_company_auto = True
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.document.mixin",
    ]
    _transitions = {
        "action_issue": ({"draft"}, "issued", "danvan_base.group_danvan_leadership"),
        "action_send": ({"issued"}, "sent", False),
    }
    _locked_states = ("issued", "sent")
    _deletable_states = ("draft",)
    _order = "date desc, id desc"
    _danvan_body_template = "danvan_complaints.danvan_reception_conclusion_body"
    _danvan_docx_route = "/danvan_complaints/conclusion/%s/docx"

    name = fields.Char(compute="_compute_name", store=True)
    session_id = fields.Many2one(
        "danvan.reception.session",
        string="Reception Session",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    date = fields.Date(
        related="session_id.date", store=True, string="Reception Date", index=True
    )
    presider_id = fields.Many2one(related="session_id.presider_id")
    line_ids = fields.One2many(
        "danvan.reception.conclusion.line", "conclusion_id", string="Conclusions"
    )
    unit_ids = fields.Many2many(
        "hr.department",
        "danvan_reception_conclusion_unit_rel",
        "conclusion_id",
        "unit_id",
        string="Units Concerned",
        compute="_compute_unit_ids",
        store=True,
        readonly=False,
        tracking=True,
    )
    general_conclusion = fields.Html(help="The head's instructions for all the cases.")
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("sent", "Sent")],
        required=True,
        default="draft",
        tracking=True,
    )
    date_sent = fields.Date(string="Sent On", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.depends("session_id.date")
    def _compute_name(self):
        for conclusion in self:
            env = conclusion._agency_env()
            day = conclusion.session_id.date
            conclusion.name = env._(
                "Conclusions of the citizen reception of %s",
                day.strftime("%d/%m/%Y") if day else "",
            )

    @api.depends("line_ids.unit_ids")
    def _compute_unit_ids(self):
        for conclusion in self:
            conclusion.unit_ids = conclusion.line_ids.unit_ids | conclusion.unit_ids

    @api.constrains("session_id")
    def _check_session(self):
        """TCD-21: the notice of a session presided by the head, on the form
        of the regime of its date."""
        for conclusion in self:
            conclusion.session_id._danvan_form("reception_conclusion")

    @api.model_create_multi
    def create(self, vals_list):
        """The head, who presided, signs the notice: a to-do for him."""
        conclusions = super().create(vals_list)
        for conclusion in conclusions:
            head = conclusion.session_id.presider_id
            if head:
                conclusion.sudo().activity_schedule(
                    act_type_xmlid="mail.mail_activity_data_todo",
                    date_deadline=fields.Date.context_today(conclusion),
                    summary=conclusion._agency_env()._(
                        "Sign the notice of the conclusions of the reception"
                    ),
                    user_id=head.id,
                )
        return conclusions

    # Decree 30/2020 numbering, a notice and not a report or a plan.
    def _issue_values(self, day):
        self.ensure_one()
        sequence = self.company_id._danvan_document_sequence(
            NOTICE_TYPE.sequence_code
        ).next_by_id(sequence_date=day)
        return {
            "number": decree30.document_number(
                sequence, NOTICE_TYPE.code, self.company_id.danvan_agency_code
            ),
            "date_issued": day,
        }

    def _document_values(self):
        self.ensure_one()
        return {
            "doc_number": self.number,
            "doc_type_code": NOTICE_TYPE.code,
            "doc_date": self.date_issued or fields.Date.context_today(self),
            "doc_type": NOTICE_TYPE.name,
            "doc_summary": self._agency_env()._(
                "Conclusions of the citizen reception of %s",
                self.session_id.date.strftime("%d/%m/%Y"),
            ),
            "recipients": self.unit_ids.mapped("name"),
            "signer_authority": self.signer_authority,
            "signer_title": self.signer_title,
            "signer_name": self.signer_name,
            "is_draft": not self.number,
        }

    def action_issue(self):
        """The head signs: the notice takes its number and date (TCD-21)."""
        for conclusion in self:
            if conclusion.session_id.state != "held":
                raise UserError(
                    self.env._(
                        "The reception session of %s is not held yet: its "
                        "conclusions are issued after it.",
                        conclusion.session_id.date.strftime("%d/%m/%Y"),
                    )
                )
            if not conclusion.line_ids or any(
                not (line.conclusion or "").strip() for line in conclusion.line_ids
            ):
                raise UserError(
                    self.env._(
                        "Write the head's conclusion on every case received before "
                        "issuing the notice."
                    )
                )
            pending = conclusion.line_ids.filtered(
                lambda line: not line.answered_on_spot
                and not (line.date_deadline and line.contact)
            )
            if pending:
                raise UserError(
                    self.env._(
                        "%s: a case not answered at the session has its time limit "
                        "and the person to contact (Article 25 of Decree "
                        "154/2026/NĐ-CP).",
                        ", ".join(pending.mapped("subject")),
                    )
                )
            if not conclusion.unit_ids:
                raise UserError(
                    self.env._("Choose the units concerned by the conclusions.")
                )
        for conclusion in self:
            day = conclusion.company_id._danvan_today()
            conclusion._transition(
                "action_issue",
                dict(
                    conclusion._issue_values(day),
                    signer_name=conclusion.signer_name
                    or conclusion.session_id.presider_id.name,
                ),
            )
            # Signed: the one who wrote it sends it to the units.
            conclusion.sudo().activity_feedback(["mail.mail_activity_data_todo"])
            conclusion.sudo().activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                date_deadline=day,
                summary=conclusion._agency_env()._(
                    "Send notice %s to the units concerned", conclusion.number
                ),
                user_id=conclusion.create_uid.id,
            )
        return True

    def action_send(self):
        """Sent to the units concerned: a to-do for each unit head, the notice
        by mail to them (TCD-7: Article 25 of Decree 154/2026/NĐ-CP)."""
        user = self.env.user
        if not self.env.su and not (
            user.has_group("danvan_complaints.group_danvan_reception")
            or user.has_group("danvan_base.group_danvan_office")
        ):
            raise UserError(
                self.env._("Only the Office or the reception officers send notices.")
            )
        for conclusion in self:
            day = conclusion.company_id._danvan_today()
            conclusion._transition("action_send", {"date_sent": day})
            conclusion.sudo().activity_feedback(["mail.mail_activity_data_todo"])
            conclusion._notify_units()
        return True

    def _notify_units(self):
        self.ensure_one()
        agency = self._agency_env()
        heads = self.env["res.users"]
        for unit in self.unit_ids:
            unit_heads = unit._danvan_unit_heads()
            heads |= unit_heads
            lines = self.line_ids.filtered(
                lambda line, unit=unit: unit in line.unit_ids
            )
            deadline = min(
                filter(None, lines.mapped("date_deadline")),
                default=False,
            )
            for head in unit_heads:
                self.sudo().activity_schedule(
                    act_type_xmlid="mail.mail_activity_data_todo",
                    date_deadline=deadline or fields.Date.context_today(self),
                    summary=agency._(
                        "Carry out the conclusions of notice %s", self.number
                    ),
                    note=agency._("For the unit %s.", unit.name),
                    user_id=head.id,
                )
        if heads:
            self.sudo().message_post(
                body=Markup(self._document_body()),
                subject=" - ".join((self.number, self.name)),
                partner_ids=heads.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )

    def action_print(self):
        return self.env.ref(
            "danvan_complaints.action_report_danvan_reception_conclusion"
        ).report_action(self)


class DanvanReceptionConclusionLine(models.Model):
    """The head's conclusion on one case of the session: the answer, or the
    time limit and the person to contact, and the units that act on it."""

    _name = "danvan.reception.conclusion.line"
    _description = "Conclusion on a Case Received"
    _inherit = ["danvan.kept.line.mixin"]
    _danvan_kept_parent = "conclusion_id"
    _order = "conclusion_id, sequence, id"

    conclusion_id = fields.Many2one(
        "danvan.reception.conclusion", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="conclusion_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    visit_id = fields.Many2one(
        "danvan.reception.visit", string="Visit", index=True, ondelete="restrict"
    )
    visit_number = fields.Char(
        related="visit_id.number", string="Register Number", store=True
    )
    subject = fields.Char(
        required=True, help="The case, as the units concerned need to know it."
    )
    conclusion = fields.Text(string="Head's Conclusion")
    answered_on_spot = fields.Boolean(
        string="Answered at the Session",
        help="Clear and within competence: the head answered on the spot.",
    )
    date_deadline = fields.Date(
        string="Time Limit", help="When the case is to be settled, if not answered."
    )
    contact = fields.Char(string="Person to Contact")
    unit_ids = fields.Many2many(
        "hr.department",
        "danvan_reception_conclusion_line_unit_rel",
        "line_id",
        "unit_id",
        string="Units",
    )

    @api.constrains("date_deadline", "answered_on_spot", "contact")
    def _check_deadline(self):
        """TCD-7: a case not answered at the session has its time limit and
        the person to contact."""
        check_dates(self, ["date_deadline"])
        for line in self:
            if line.date_deadline and line.date_deadline < line.conclusion_id.date:
                raise ValidationError(
                    self.env._(
                        "The time limit of %s is before the reception session.",
                        line.subject,
                    )
                )

    @api.constrains("visit_id", "conclusion_id")
    def _check_session_visit(self):
        for line in self.filtered("visit_id"):
            if line.visit_id.sudo().session_id != line.conclusion_id.session_id:
                raise ValidationError(
                    self.env._(
                        "Visit %s was not received at this session.",
                        line.visit_id.sudo().number,
                    )
                )
