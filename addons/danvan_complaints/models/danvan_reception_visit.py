"""One line of the citizen reception register (Sổ tiếp công dân, TCD-13)."""

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.danvan_base.tools import decree30
from odoo.addons.danvan_base.tools.date_checks import check_dates, check_past_dates

from ..tools.register_xlsx import build_xlsx_sheets
from .danvan_identity_log_mixin import LOGGED_PREFETCH

# TCD-13: the register's report prints the old form itself; the new forms
# have their own templates (danvan.legal.form).
REGISTER_TEMPLATE = "danvan_complaints.report_danvan_reception_register"
REGISTER_TEMPLATE_TT04 = "danvan_complaints.report_danvan_reception_register_tt04"
# Decree 30/2020: the abbreviation of a notice (thông báo) in its number.
NOTICE_TYPE_CODE = "TB"
# TCD-10: the time limit of the head's written notice of refusal.
REFUSAL_NOTICE_LIMIT = "reception_refusal_notice"
# What the head's notice adds to a line already recorded, until it is issued.
REFUSAL_NOTICE_FIELDS = frozenset(
    {
        "refusal_notice",
        "refusal_notice_date",
        "refusal_late_reason",
        "refusal_signer_id",
    }
)

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
        "danvan.calendar.dates.mixin",
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
    # Its units, people and linked records are of its agency (issue 15, item 4).
    _check_company_auto = True
    # TCD-10: the notice of refusal is due 03 working days from the visit.
    _danvan_deadline_fields = {"refusal_notice_due": "date"}

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
        "danvan.reception.session", string="Session", index=True, check_company=True
    )
    officer_id = fields.Many2one(
        "res.users",
        string="Receiving Officer",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
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
    # TCD-12: the documents handed over, line by line (Mẫu 02/TCD).
    document_ids = fields.One2many(
        "danvan.reception.document", "visit_id", string="Documents Handed Over"
    )
    time_received = fields.Float(
        string="Hour Received", help="The hour the documents were handed over."
    )
    # TCD-13: columns 9 to 11 of Mẫu 03/TCD.
    within_competence = fields.Boolean(
        compute="_compute_within_competence",
        store=True,
        readonly=False,
        help="The matter is within the agency's competence (Mẫu 03/TCD, column 9).",
    )
    path_document = fields.Char(
        string="Guidance or Transfer Document",
        help="Number of the guidance letter or of the letter transferring the "
        "petition (Mẫu 03/TCD, columns 10 and 11).",
    )
    result_followup = fields.Text(string="Follow-up of the Result")
    note = fields.Text()
    refused = fields.Boolean(tracking=True)
    # TCD-10: a ground of the regime of the visit's date.
    refusal_ground_id = fields.Many2one(
        "danvan.reception.refusal.ground",
        string="Ground of Refusal",
        tracking=True,
        ondelete="restrict",
        domain="[('regime_id', '=', regime_id)]",
        help="Article 9 of the Law on Citizen Reception and, since 01/7/2026, "
        "Article 4 of Decree 154/2026/NĐ-CP.",
    )
    refusal_needs_notice = fields.Boolean(
        related="refusal_ground_id.needs_written_notice",
        string="Written Notice Required",
    )
    refusal_notice = fields.Char(
        string="Notice Number",
        copy=False,
        tracking=True,
        help="Number of the head's written notice of refusal, for the grounds that "
        "require it.",
    )
    refusal_notice_date = fields.Date(string="Notice Date", copy=False, tracking=True)
    refusal_notice_due = fields.Date(
        string="Notice Due",
        compute="_compute_refusal_notice_due",
        store=True,
        help="The written notice of refusal is issued within 03 working days "
        "(Article 4 of Decree 154/2026/NĐ-CP); the texts before 01/7/2026 set "
        "no period.",
    )
    refusal_late_reason = fields.Text(
        string="Reason for the Late Notice",
        copy=False,
        help="Why the notice was issued after its due date.",
    )
    refusal_signer_id = fields.Many2one(
        "res.users",
        string="Notice Signed By",
        copy=False,
        help="The head of the agency, who signs the notice of refusal.",
    )
    petition_id = fields.Many2one(
        "danvan.petition", string="Petition", copy=False, check_company=True
    )
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
                company = self.env["res.company"].browse(vals.get("company_id"))
                # Each agency numbers from 1 (issue 15, item 4).
                sequence = (company or self.env.company)._danvan_document_sequence(
                    "danvan.reception.visit"
                )
                vals["number"] = sequence.next_by_id()
        visits = super().create(vals_list)
        visits.filtered(lambda v: v.state == "recorded")._national_report()
        return visits

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

    @api.depends("path")
    def _compute_within_competence(self):
        for visit in self:
            visit.within_competence = visit.path in ("accept", "answer")

    @api.depends("date", "refused", "refusal_ground_id.needs_written_notice")
    def _compute_refusal_notice_due(self):
        """TCD-10: 03 working days from the visit, where the time-limit table
        of the visit's date has the period (since 01/7/2026)."""
        TimeLimit = self.env["danvan.time.limit"]
        for visit in self:
            due = False
            if (
                visit.refused
                and visit.refusal_ground_id.needs_written_notice
                and visit.date
                and TimeLimit._find_limit(REFUSAL_NOTICE_LIMIT, visit.date)
            ):
                due = TimeLimit.compute_deadline(REFUSAL_NOTICE_LIMIT, visit.date)
            visit.refusal_notice_due = due

    def _deadline_recompute_domain(self, fname=None):
        """Only the notices still to issue follow a calendar edit."""
        return [("refusal_notice_date", "=", False)]

    @api.onchange("refused", "regime_id")
    def _onchange_refused(self):
        """A ground belongs to a refusal, and to the regime of the visit."""
        for visit in self:
            if not visit.refused or (
                visit.refusal_ground_id
                and visit.refusal_ground_id.regime_id != visit.regime_id
            ):
                visit.refusal_ground_id = False

    @api.constrains("refusal_ground_id", "date", "refused")
    def _check_refusal_ground(self):
        """TCD-10: the ground is one of the regime of the visit's date."""
        for visit in self.filtered("refusal_ground_id"):
            if not visit.refused:
                raise ValidationError(
                    self.env._("A ground of refusal is given only for a refusal.")
                )
            if visit.refusal_ground_id.regime_id != visit.regime_id:
                raise ValidationError(
                    self.env._(
                        "The ground of refusal “%(ground)s” belongs to the legal "
                        "regime %(ground_regime)s; the visit of %(date)s follows "
                        "%(regime)s.",
                        ground=visit.refusal_ground_id.display_name,
                        ground_regime=visit.refusal_ground_id.regime_id.name,
                        date=visit.date.strftime("%d/%m/%Y"),
                        regime=visit.regime_id.name or "-",
                    )
                )

    @api.constrains("refusal_notice_date", "refusal_notice_due", "date")
    def _check_refusal_notice_date(self):
        """TCD-10: the notice follows the visit, within its period or with the
        reason of its delay."""
        check_dates(self, ["refusal_notice_date"])
        for visit in self.filtered("refusal_notice_date"):
            check_past_dates(
                visit, ["refusal_notice_date"], visit.company_id._danvan_today()
            )
            if visit.refusal_notice_date < visit.date:
                raise ValidationError(
                    self.env._(
                        "The notice of refusal is dated %(notice)s, before the "
                        "visit of %(visit)s.",
                        notice=visit.refusal_notice_date.strftime("%d/%m/%Y"),
                        visit=visit.date.strftime("%d/%m/%Y"),
                    )
                )
            if (
                visit.refusal_notice_due
                and visit.refusal_notice_date > visit.refusal_notice_due
                and not (visit.refusal_late_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "The notice of refusal was due by %(due)s (03 working days, "
                        "Article 4 of Decree 154/2026/NĐ-CP): give the reason of "
                        "its delay.",
                        due=visit.refusal_notice_due.strftime("%d/%m/%Y"),
                    )
                )

    @api.model
    def _danvan_free_fields(self):
        """A recorded refusal still takes the head's notice, until it is issued."""
        return super()._danvan_free_fields() | REFUSAL_NOTICE_FIELDS

    def write(self, vals):
        if REFUSAL_NOTICE_FIELDS & set(vals) and not self.env.su:
            issued = self.sudo().filtered(
                lambda visit: visit.state in self._locked_states
                and visit.refusal_notice
                and visit.refusal_notice_date
            )
            if issued:
                raise UserError(
                    self.env._(
                        "The notice of refusal of %s is issued: it is kept as issued.",
                        ", ".join(issued.mapped("number")),
                    )
                )
            if "refusal_notice" in vals or "refusal_notice_date" in vals:
                not_due = self.sudo().filtered(
                    lambda visit: not visit.refused
                    or not visit.refusal_ground_id.needs_written_notice
                )
                if not_due and not ("refused" in vals or "refusal_ground_id" in vals):
                    raise UserError(
                        self.env._(
                            "%s: only a refusal on a ground that requires it has a "
                            "written notice.",
                            ", ".join(not_due.mapped("number")),
                        )
                    )
        recording = self.browse()
        if vals.get("state") == "recorded":
            recording = self.filtered(lambda v: v.state != "recorded")
        result = super().write(vals)
        if "refusal_notice" in vals or "refusal_notice_date" in vals:
            self.filtered(
                lambda visit: visit.refusal_notice and visit.refusal_notice_date
            )._refusal_notice_done()
        recording._national_report()
        return result

    def _refusal_notice_signer(self):
        """Who signs the notice: the one chosen, else the head of the agency,
        else the receiving officer."""
        self.ensure_one()
        return (
            self.refusal_signer_id
            or self.company_id.danvan_head_user_id
            or self.officer_id
        )

    def _schedule_refusal_notice(self):
        """TCD-10: a to-do for the signer of the notice, due with it."""
        for visit in self:
            if not (
                visit.refused
                and visit.refusal_needs_notice
                and not (visit.refusal_notice and visit.refusal_notice_date)
            ):
                continue
            agency = visit._agency_env()
            visit.sudo().activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                date_deadline=visit.refusal_notice_due
                or fields.Date.context_today(visit),
                summary=agency._("Sign the notice of refusal of %s", visit.number),
                note=agency._(
                    "Refused on the ground: %(ground)s (%(basis)s).",
                    ground=visit.refusal_ground_id.name,
                    basis=visit.refusal_ground_id.legal_basis,
                ),
                user_id=visit._refusal_notice_signer().id,
            )

    def _refusal_notice_done(self):
        """The notice is issued: its to-do is done."""
        self.sudo().activity_feedback(
            ["mail.mail_activity_data_todo"],
            feedback=self.env._("Notice of refusal issued."),
        )

    def action_issue_refusal_notice(self):
        """The head issues the notice of refusal: its number in the agency's
        yearly series of notices, today's date (TCD-10, Decree 30/2020)."""
        if not self.env.user.has_group("danvan_base.group_danvan_leadership"):
            raise AccessError(
                self.env._("Only the head of the agency issues a notice of refusal.")
            )
        for visit in self:
            if not (visit.refused and visit.refusal_needs_notice):
                raise UserError(
                    self.env._(
                        "%s: only a refusal on a ground that requires it has a "
                        "written notice.",
                        visit.number,
                    )
                )
            if visit.refusal_notice and visit.refusal_notice_date:
                raise UserError(
                    self.env._(
                        "The notice of refusal of %s is issued: it is kept as issued.",
                        visit.number,
                    )
                )
            day = visit.company_id._danvan_today()
            visit.write(
                {
                    "refusal_notice": visit.refusal_notice
                    or visit._next_notice_number(day),
                    "refusal_notice_date": day,
                    "refusal_signer_id": self.env.user.id,
                }
            )
        return True

    def _next_notice_number(self, day):
        """'05/TB-SKHCN': the next notice of the agency in the year (VB-7)."""
        self.ensure_one()
        sequence = self.company_id._danvan_document_sequence(
            "danvan.document.notice"
        ).next_by_id(sequence_date=day)
        return decree30.document_number(
            sequence, NOTICE_TYPE_CODE, self.company_id.danvan_agency_code
        )

    def action_print_refusal_notice(self):
        """The notice of refusal on the form of the visit's regime (Mẫu 01/TCD
        since 01/7/2026)."""
        for visit in self:
            if not (visit.refused and visit.refusal_needs_notice):
                raise UserError(
                    self.env._(
                        "%s: only a refusal on a ground that requires it has a "
                        "written notice.",
                        visit.number,
                    )
                )
        return self.env.ref(
            "danvan_complaints.action_report_danvan_refusal_notice"
        ).report_action(self)

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
        result = self._transition("action_record")
        self._schedule_refusal_notice()
        return result

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
        # TCD-11: one who speaks for another shows the proof of it.
        unproven = visitors.filtered(
            lambda v: v.representative_kind
            and (not v.proof_kind or not v.proof_attachment_ids)
        )
        if unproven:
            raise ValidationError(
                self.env._(
                    "%s speaks for another: give the kind of proof of the "
                    "representation and attach it (Article 13 of Decree "
                    "154/2026/NĐ-CP).",
                    ", ".join(unproven.mapped("name")),
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
            if not self.refusal_ground_id:
                raise UserError(
                    self.env._(
                        "Give the ground of refusal (Article 9 of the Law on Citizen "
                        "Reception, Article 4 of Decree 154/2026/NĐ-CP)."
                    )
                )
            # TCD-10: where the regime gives the head a period for the notice,
            # the line is recorded now and the notice follows within it;
            # otherwise the notice comes first.
            if (
                self.refusal_needs_notice
                and not self.refusal_notice
                and not self.refusal_notice_due
            ):
                raise ValidationError(
                    self.env._(
                        "This ground of refusal needs the head's written notice "
                        "(%(basis)s): enter its number first.",
                        basis=self.refusal_ground_id.legal_basis,
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
        """The receipt of the documents handed over, on the form of the
        regime of the visit's date (TCD-12: TT04 Mẫu 02, then Mẫu 02/TCD)."""
        if any(not (visit.documents_received or visit.document_ids) for visit in self):
            raise UserError(
                self.env._("List the documents received before printing the receipt.")
            )
        return self._report_of_form("reception_receipt").report_action(self)

    def _report_of_form(self, code):
        """The report printing the form ``code`` of the visits' regime; one
        regime at a time."""
        templates = {visit._danvan_form(code).template for visit in self}
        if len(templates) > 1:
            raise UserError(
                self.env._(
                    "These visits follow different legal regimes, each with its "
                    "own form: print them separately."
                )
            )
        # Found under sudo: printed as the user, who may configure no layout.
        return self.env["ir.actions.report"]._get_report(templates.pop()).sudo(False)

    def _register_sections(self):
        """The register by form: the lines of each regime on its own form
        (TT04 Mẫu 03 until 30/6/2026, Mẫu 03/TCD since), oldest first, as
        [{'form', 'template', 'visits'}]."""
        sections = {}
        for visit in self.sorted(lambda v: (v.date, v.id)):
            form = visit._danvan_form("reception_register")
            sections.setdefault(form, self.browse())
            sections[form] |= visit
        return [
            {
                "form": form,
                # The old form is printed by the register's own template.
                "template": form.template
                if form.template != REGISTER_TEMPLATE
                else REGISTER_TEMPLATE_TT04,
                "visits": visits,
            }
            for form, visits in sections.items()
        ]

    def _register_table_03tcd(self):
        """(headers, rows) of the register in the 13 columns of Mẫu 03/TCD
        (TCD-13)."""
        # The column names of the legal form, kept as Mẫu 03/TCD writes them.
        headers = [
            self.env._("STT"),
            self.env._("Ngày tiếp"),
            self.env._("Họ tên, địa chỉ"),
            self.env._("CCCD/Hộ chiếu"),
            self.env._("Tóm tắt nội dung vụ việc"),
            self.env._("Phân loại đơn"),
            self.env._("Số công dân có đơn cùng một nội dung"),
            self.env._("Cơ quan đã giải quyết hết thẩm quyền"),
            self.env._("Thuộc thẩm quyền"),
            self.env._("Hướng dẫn đến cơ quan nào, số văn bản hướng dẫn"),
            self.env._("Cơ quan có thẩm quyền thụ lý, số văn bản chuyển đơn"),
            self.env._("Theo dõi quá trình, kết quả giải quyết"),
            self.env._("Ghi chú"),
        ]
        rows = []
        visible = self._visible_visitors()
        for index, visit in enumerate(self.sorted(lambda v: (v.date, v.id)), 1):
            rows.append(visit._register_row_03tcd(index, visible[visit]))
        return headers, rows

    def _register_row_03tcd(self, index, visitors):
        """One line of Mẫu 03/TCD, as text, for the PDF and the spreadsheet."""
        self.ensure_one()
        path_text = " - ".join(filter(None, (self.competent_body, self.path_document)))
        note = self.note or ""
        if self.refused:
            note = "\n".join(
                filter(
                    None,
                    (
                        self.env._(
                            "Refused: %s", self.refusal_ground_id.legal_basis or ""
                        ),
                        self.refusal_notice,
                        note,
                    ),
                )
            )
        return [
            index,
            self.date.strftime("%d/%m/%Y"),
            "\n".join(", ".join(filter(None, (v.name, v.address))) for v in visitors),
            "\n".join(filter(None, (v._identity_line() for v in visitors))),
            self.summary,
            self._classification_label() or "",
            self.people_count,
            self.handled_before_by or "",
            "x" if self.within_competence else "",
            (path_text or "x") if self.path == "guide" else "",
            (path_text or "x") if self.path == "transfer" else "",
            self.result_followup or "",
            note,
        ]

    def _register_workbook(self):
        """The register as a workbook, a sheet per form (TCD-13)."""
        sheets = []
        for section in self._register_sections():
            visits, form = section["visits"], section["form"]
            if section["template"] == REGISTER_TEMPLATE_TT04:
                headers, rows = visits._register_table()
            else:
                headers, rows = visits._register_table_03tcd()
            title = self.env._("SỔ TIẾP CÔNG DÂN (Mẫu số %s)", form.number)
            sheets.append((form.number, title, headers, rows))
        return build_xlsx_sheets(sheets)

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
                "company_id": self.company_id.id,
                "department_id": self.company_id.danvan_handling_unit_id.id,
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

    @api.constrains("session_id", "petition_id", "petition_type")
    def _check_online_protection_constraint(self):
        self._check_online_protection()

    def _check_online_protection(self):
        """TCD-16: a denunciation is received online only when the denouncer
        does not ask for protection of their identity."""
        for visit in self.sudo():
            if visit.session_id.reception_form != "online":
                continue
            denunciation = visit.was_denunciation or visit.petition_type in (
                "denunciation",
                "mixed",
            )
            if denunciation and visit.petition_id.protection_requested:
                raise ValidationError(
                    self.env._(
                        "%(visit)s: the denouncer asked for the protection of their "
                        "identity; such a denunciation is not received online "
                        "(Article 20 of Decree 154/2026/NĐ-CP). Receive the "
                        "denouncer in person.",
                        visit=visit.number,
                    )
                )

    # NDB-1: a visit recorded in the register goes to the national database
    # (ND154 Art. 27(1), domain-vn.md §0.3.4) with a snapshot of its data,
    # in the agency's language.
    def _national_protected(self):
        """A visitor who denounces and asked for protection (TC-12), when the
        register records that request."""
        self.ensure_one()
        if "protection_requested" in self._fields and self.protection_requested:
            return True
        return bool(self.sudo().petition_id.protection_requested)

    def _national_report(self):
        """NDB-1: a reception recorded in the register (ND154 Art. 27(1))."""
        Entry = self.env["danvan.national.entry"]
        vals_list = []
        for visit in self.sudo():
            agency = visit.with_env(visit._agency_env())
            protected = visit._national_protected()
            visitors = visit.visitor_ids
            if visit.refused:
                result_code = "refused"
                result = agency.env._(
                    "Refused: %s", agency.refusal_ground_id.name or ""
                )
            else:
                result_code = visit.path or ""
                result = Entry._label(agency, "path")
            vals_list.append(
                {
                    "company_id": visit.company_id.id,
                    "kind": "reception",
                    "step_code": "reception",
                    "step": agency.env._("Citizen received"),
                    "event_date": visit.date,
                    "res_model": visit._name,
                    "res_id": visit.id,
                    "source_number": visit.number,
                    "petition_number": visit.petition_id.number or False,
                    **Entry._national_identity(visitors),
                    "people_count": visit.people_count,
                    "content": Entry.with_env(agency.env)._national_content(
                        visit.summary, visitors, protected
                    ),
                    "petition_type": visit.petition_type,
                    "within_competence": "no"
                    if visit.path in ("guide", "transfer")
                    else "yes",
                    "result_code": result_code,
                    "result": result,
                    "competent_body": visit.competent_body or False,
                    "document_numbers": visit.refusal_notice or False,
                    "protection_requested": protected,
                }
            )
        return Entry._national_record(vals_list)
