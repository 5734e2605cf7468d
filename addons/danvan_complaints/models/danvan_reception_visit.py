"""One line of the citizen reception register (Sổ tiếp công dân, TCD-13)."""

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates, check_past_dates

from .danvan_identity_log_mixin import LOGGED_PREFETCH

# TCD-14: the most representatives a group may appoint, by its size.
GROUP_SIZE = 5
REPRESENTATIVES = ((10, 2), (None, 5))


class DanvanReceptionVisit(models.Model):
    _name = "danvan.reception.visit"
    _description = "Citizen Reception Record"
    _inherit = [
        # First: its chatter goes to its readers only.
        "danvan.confidential.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "danvan.identity.log.mixin",
        "danvan.workflow.mixin",
        "danvan.regime.mixin",
    ]
    _transitions = {
        "action_record": (
            {"draft"},
            "recorded",
            "danvan_complaints.group_danvan_reception",
        )
    }
    # TCD-13: a recorded line of the register, and its citizens, are kept as
    # recorded (archive it).
    _locked_states = ("recorded",)
    _deletable_states = ("draft",)
    _order = "date desc, id desc"
    _danvan_assignment_fields = ("officer_id",)
    # TC-13: what the citizen said and handed over names him.
    _danvan_logged_fields = frozenset({"summary", "documents_received"})
    _rec_name = "number"

    number = fields.Char(
        string="Register Number",
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    kind = fields.Selection(
        [
            ("regular", "Regular"),
            ("periodic", "Periodic (head of the agency)"),
            ("unscheduled", "Unscheduled"),
        ],
        required=True,
        default="regular",
        help="Article 2 of the Law on Citizen Reception 2013.",
    )
    session_id = fields.Many2one(
        "danvan.reception.session", string="Session", index=True
    )
    officer_id = fields.Many2one(
        "res.users",
        string="Receiving Officer",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    visitor_ids = fields.One2many("danvan.reception.visitor", "visit_id")
    people_count = fields.Integer(
        string="Number of People",
        default=1,
        help="Those who came; five or more with the same content appoint "
        "representatives (Decree 124/2020/NĐ-CP).",
    )
    summary = fields.Text(string="Content", required=True, prefetch=LOGGED_PREFETCH)
    petition_type = fields.Selection(
        [
            ("complaint", "Complaint (khiếu nại)"),
            ("denunciation", "Denunciation (tố cáo)"),
            ("petition", "Petition or feedback (kiến nghị, phản ánh)"),
            ("mixed", "Several contents"),
        ],
        string="Classification",
        tracking=True,
    )
    was_denunciation = fields.Boolean(
        string="Received as a Denunciation",
        readonly=True,
        copy=False,
        help="Once classified as a denunciation, its citizens stay denouncers, "
        "whatever its later classification (Article 47 of the Law on "
        "Denunciations 2018).",
    )
    handled_before_by = fields.Char(
        string="Already Handled By", help="Bodies that have already dealt with it."
    )
    path = fields.Selection(
        [
            ("accept", "Accepted for resolution"),
            ("guide", "Returned and guided"),
            ("transfer", "Transferred to the competent body"),
            ("answer", "Answered"),
        ],
        tracking=True,
        help="Article 8 of Circular 04/2021/TT-TTCP.",
    )
    competent_body = fields.Char()
    documents_received = fields.Text(
        help="Information, documents and evidence handed over (Article 8 of Circular "
        "04/2021/TT-TTCP).",
        prefetch=LOGGED_PREFETCH,
    )
    result_followup = fields.Text(string="Follow-up of the Result")
    note = fields.Text()
    refused = fields.Boolean(tracking=True)
    refusal_case = fields.Selection(
        [
            ("incapable", "Intoxicated or unable to control their acts"),
            ("disorder", "Threats, insults or breach of the rules"),
            ("settled", "Case settled and answered, still pursued"),
            ("other", "Other case provided by law"),
        ],
        tracking=True,
        help="Article 9 of the Law on Citizen Reception 2013.",
    )
    refusal_notice = fields.Char(
        help="Number and date of the head's written notice of refusal, required "
        "for a case already settled (Article 9 of the Law on Citizen Reception 2013, "
        "case 3)."
    )
    petition_id = fields.Many2one("danvan.petition", string="Petition", copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("recorded", "Recorded")],
        required=True,
        default="draft",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("number", self.env._("New")) == self.env._("New"):
                vals["number"] = self.env["ir.sequence"].next_by_code(
                    "danvan.reception.visit"
                )
        return super().create(vals_list)

    @api.constrains("date")
    def _check_date(self):
        """A line of the register records a visit that took place (TCD-13)."""
        check_dates(self, ["date"])
        for visit in self:
            check_past_dates(visit, ["date"], visit.company_id._danvan_today())

    @api.constrains("people_count")
    def _check_people_count(self):
        if any(visit.people_count < 1 for visit in self):
            raise ValidationError(self.env._("At least one person was received."))

    def _classification_label(self):
        self.ensure_one()
        return self._fields["petition_type"].convert_to_export(self.petition_type, self)

    def _visible_visitors(self):
        """{visit: visitors} as the user may read them: searched, so that the
        record rules hide a denouncer whatever the cache holds (TC-12)."""
        visitors = self.env["danvan.reception.visitor"].search(
            [("visit_id", "in", self.ids)]
        )
        return {
            visit: visitors.filtered(lambda v, visit=visit: v.visit_id == visit)
            for visit in self
        }

    def _identity_persons(self):
        """The persons whose identity the visit's attachments carry, for the
        access log (TC-13)."""
        return self.sudo().visitor_ids

    def _register_table(self):
        """(headers, rows) of the register in the column order of Mẫu 03."""
        # The column names of the legal form, kept as Mẫu 03 writes them.
        headers = [
            self.env._("STT"),
            self.env._("Ngày tiếp"),
            self.env._("Họ tên - Địa chỉ"),
            self.env._("CMND/Hộ chiếu"),
            self.env._("Nội dung vụ việc"),
            self.env._("Phân loại đơn/Số người"),
            self.env._("Cơ quan đã giải quyết"),
            self.env._("Thụ lý để giải quyết"),
            self.env._("Trả lại đơn và hướng dẫn"),
            self.env._("Chuyển đơn đến cơ quan có thẩm quyền"),
            self.env._("Theo dõi kết quả giải quyết"),
            self.env._("Ghi chú"),
        ]
        rows = []
        visible = self._visible_visitors()
        for index, visit in enumerate(self.sorted(lambda v: (v.date, v.id)), 1):
            visitors = visible[visit]
            rows.append(
                [
                    index,
                    visit.date.strftime("%d/%m/%Y"),
                    "\n".join(
                        " - ".join(filter(None, (v.name, v.address))) for v in visitors
                    ),
                    "\n".join(filter(None, visitors.mapped("identity_number"))),
                    visit.summary,
                    f"{visit._classification_label()} / {visit.people_count}",
                    visit.handled_before_by or "",
                    "x" if visit.path == "accept" else "",
                    "x" if visit.path == "guide" else "",
                    (visit.competent_body or "x") if visit.path == "transfer" else "",
                    visit.result_followup or "",
                    visit.note or "",
                ]
            )
        return headers, rows

    def action_export_register(self):
        """The selected lines of the register as a spreadsheet."""
        return {
            "type": "ir.actions.act_url",
            "url": "/danvan_complaints/register.xlsx?ids="
            + ",".join(str(visit_id) for visit_id in self.ids),
            "target": "download",
        }

    def action_record(self):
        """Close the line: who came, what for, and what was done (TCD-13)."""
        for visit in self:
            visit._check_recordable()
        return self._transition("action_record")

    def _check_recordable(self):
        self.ensure_one()
        visitors = self.visitor_ids.sudo()
        if not visitors:
            raise UserError(self.env._("Enter the citizen received."))
        if any(not visitor.identity_number for visitor in visitors):
            raise ValidationError(
                self.env._(
                    "A citizen received gives an identity document (the Law "
                    "amending the Law on Citizen Reception, in force since "
                    "01/7/2026)."
                )
            )
        if self.people_count >= GROUP_SIZE:
            representatives = len(visitors.filtered("is_representative"))
            most = next(
                most
                for size, most in REPRESENTATIVES
                if size is None or self.people_count <= size
            )
            if not 1 <= representatives <= most:
                raise ValidationError(
                    self.env._(
                        "A group of %(people)s appoints from 1 to %(most)s "
                        "representatives (Decree 124/2020/NĐ-CP).",
                        people=self.people_count,
                        most=most,
                    )
                )
        if self.refused:
            if not self.refusal_case:
                raise UserError(
                    self.env._(
                        "Give the case of refusal (Article 9 of the Law on Citizen "
                        "Reception 2013)."
                    )
                )
            if self.refusal_case == "settled" and not self.refusal_notice:
                raise ValidationError(
                    self.env._(
                        "Refusing a citizen whose case is settled needs the head's "
                        "written notice (Article 9 of the Law on Citizen Reception "
                        "2013, case 3)."
                    )
                )
        elif not self.petition_type or not self.path:
            raise UserError(
                self.env._(
                    "Classify the content and choose what was done (Article 8 of "
                    "Circular 04/2021/TT-TTCP)."
                )
            )

    def action_print_receipt(self):
        """The receipt of the documents handed over (TCD-12, TT04 Mẫu 02)."""
        if any(not visit.documents_received for visit in self):
            raise UserError(
                self.env._("List the documents received before printing the receipt.")
            )
        return self.env.ref(
            "danvan_complaints.action_report_danvan_reception_receipt"
        ).report_action(self)

    def action_create_petition(self):
        """Register the petition handed over at reception, senders included."""
        self.ensure_one()
        if self.petition_id:
            raise UserError(self.env._("The petition is already registered."))
        # Registered from a recorded line too: the link is the register's
        # own, written once here for one who may write the line.
        self.check_access("write")
        self.sudo().petition_id = self.env["danvan.petition"].create(
            {
                "source": "direct",
                "date_received": self.date,
                "summary": self.summary.splitlines()[0][:200],
                "petition_type": self.petition_type,
                "sender_ids": [
                    Command.create(
                        {
                            "name": visitor.name,
                            "address": visitor.address,
                            "identity_number": visitor.identity_number,
                        }
                    )
                    for visitor in self.visitor_ids
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "danvan.petition",
            "res_id": self.petition_id.id,
            "view_mode": "form",
        }
