"""An inspection of the people's inspection board (DC-16, Articles 61 and 62
of Luật 10/2022/QH15, Article 22 of Nghị định 59/2023/NĐ-CP).

The board plans it, sends the plan to the union, notifies the person or
unit inspected at least 5 working days before (a row of the table of legal
time limits, counted through the calendar), writes the result and sends it
to whoever raised the matter.
"""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools import decree30

BOARD_GROUP = "danvan_democracy.group_danvan_inspection_board"

# Decree 30/2020: the result of an inspection is notified in writing (THÔNG
# BÁO), numbered in the agency's yearly series of notices; the type joins the
# table of danvan_base's documents (tools/decree30.py).
decree30.DOC_TYPES.setdefault(
    "notice", decree30.DocType("THÔNG BÁO", "TB", "danvan.document.notice")
)

TRANSITIONS = {
    "action_send_union": (("draft",), "sent", BOARD_GROUP),
    "action_notify": (("sent",), "notified", BOARD_GROUP),
    "action_send_result": (("notified",), "done", BOARD_GROUP),
}


class DanvanInspection(models.Model):
    _name = "danvan.inspection"
    _description = "Inspection of the People's Inspection Board"
    _check_company_auto = True
    _inherit = [
        "danvan.workflow.mixin",
        "danvan.attachment.mixin",
        "danvan.document.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_planned desc, id desc"
    _danvan_doc_type = "notice"
    _danvan_body_template = "danvan_democracy.danvan_inspection_result_body"
    _danvan_docx_route = "/danvan_democracy/inspection/%s/docx"
    _transitions = TRANSITIONS
    _locked_states = ("done",)
    _deletable_states = ("draft",)
    # The printed copy of the sent document is kept with it (Decree 30/2020):
    # files are still added to it, never changed nor deleted.
    _danvan_locked_attach = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    board_id = fields.Many2one(
        "danvan.inspection.board",
        string="Board",
        required=True,
        index=True,
        default=lambda self: self._default_board(),
        domain="[('state', '=', 'recognised'), ('company_id', '=', company_id)]",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    inspected_employee_id = fields.Many2one(
        "hr.employee",
        string="Person Inspected",
        tracking=True,
        check_company=True,
    )
    inspected_department_id = fields.Many2one(
        "hr.department",
        string="Unit Inspected",
        tracking=True,
        check_company=True,
    )
    raised_by_id = fields.Many2one(
        "res.users",
        string="Raised by",
        tracking=True,
        help="Whoever raised the matter: the result is sent to them.",
        check_company=True,
    )
    description = fields.Html(string="Content and Plan")
    date_planned = fields.Date(string="Inspection Date", required=True, tracking=True)
    date_sent_union = fields.Date(
        string="Sent to the Union on", readonly=True, copy=False
    )
    date_notice = fields.Date(
        string="Notice Date",
        copy=False,
        tracking=True,
        help="The day the person or unit inspected is notified: at least 5 "
        "working days before the inspection (Article 22 of Decree 59/2023). "
        "Empty: today, when the notice is sent.",
    )
    date_notice_latest = fields.Date(
        string="Notify by",
        compute="_compute_date_notice_latest",
        help="The last day the notice may be given, 5 working days before the "
        "inspection.",
    )
    result = fields.Html(tracking=True)
    date_result = fields.Date(string="Result Sent on", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Planned"),
            ("sent", "Sent to the Union"),
            ("notified", "Notified"),
            ("done", "Result Sent"),
        ],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_inspection_attachment_rel",
        "inspection_id",
        "attachment_id",
        string="Documents",
    )
    recommendation_ids = fields.One2many(
        "danvan.inspection.recommendation", "inspection_id"
    )

    def _default_board(self, company=None):
        """The recognised board of ``company``, by default the current one."""
        company = company or self.env.company
        return self.env["danvan.inspection.board"].search(
            [("state", "=", "recognised"), ("company_id", "=", company.id)],
            limit=1,
        )

    @api.depends("date_planned")
    def _compute_date_notice_latest(self):
        Limit = self.env["danvan.time.limit"]
        for inspection in self:
            day = planned = inspection.date_planned
            # The latest day from which the notice period still ends on or
            # before the inspection: a few days back, past weekends and Tết.
            for _step in range(60 if planned else 0):
                if Limit.compute_deadline("dc_inspection_notice", day) <= planned:
                    break
                day -= timedelta(days=1)
            inspection.date_notice_latest = day

    @api.constrains("inspected_employee_id", "inspected_department_id")
    def _check_inspected(self):
        for inspection in self:
            if not inspection.inspected_employee_id and not (
                inspection.inspected_department_id
            ):
                raise ValidationError(
                    self.env._(
                        "Name the person or the unit that %(name)s inspects.",
                        name=inspection.name,
                    )
                )

    @api.constrains("date_notice", "date_planned")
    def _check_notice(self):
        """DC-16: notified at least 5 working days before the inspection."""
        Limit = self.env["danvan.time.limit"]
        for inspection in self:
            self.env["danvan.holiday"]._check_date(inspection.date_planned)
            if not inspection.date_notice or not inspection.date_planned:
                continue
            earliest = Limit.compute_deadline(
                "dc_inspection_notice", inspection.date_notice
            )
            if inspection.date_planned < earliest:
                raise ValidationError(
                    self.env._(
                        "%(name)s is on %(day)s: the person or unit inspected must "
                        "be notified at least 5 working days before, by "
                        "%(latest)s (Article 22 of Decree 59/2023). Move the "
                        "inspection to %(earliest)s or later.",
                        name=inspection.name,
                        day=inspection.date_planned.strftime("%d/%m/%Y"),
                        latest=inspection.date_notice_latest
                        and inspection.date_notice_latest.strftime("%d/%m/%Y")
                        or "-",
                        earliest=earliest.strftime("%d/%m/%Y"),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self.env["danvan.inspection.board"]._danvan_signer_defaults(self, vals_list)
        records = super().create(vals_list)
        records.board_id._danvan_check_active_board()
        return records

    def write(self, vals):
        self.env["danvan.inspection.board"]._danvan_check_document_write(self, vals)
        return super().write(vals)

    def action_send_union(self):
        """The board sends its plan to the union, which directs it (DC-16)."""
        self._transition(
            "action_send_union", {"date_sent_union": fields.Date.context_today(self)}
        )
        for inspection in self.sudo():
            env = inspection._agency_env()
            for user in inspection.board_id._danvan_union_users():
                inspection.with_env(env).activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=env._("Inspection plan of the board to follow"),
                    user_id=user.id,
                )
        return True

    def action_notify(self):
        """Notify the person or unit inspected (DC-16): at least 5 working
        days before the inspection."""
        today = fields.Date.context_today(self)
        for inspection in self:
            notice = inspection.date_notice or today
            if notice < today:
                raise UserError(
                    self.env._(
                        "The notice of %(name)s cannot be dated %(day)s, before today.",
                        name=inspection.name,
                        day=notice.strftime("%d/%m/%Y"),
                    )
                )
        for inspection in self:
            inspection._transition(
                "action_notify", {"date_notice": inspection.date_notice or today}
            )
            inspection._notify_inspected()
        return True

    def _notify_inspected(self):
        """The notice, in the chatter, to the person inspected or the head
        of the unit inspected."""
        self.ensure_one()
        employees = self.sudo().inspected_employee_id | (
            self.sudo().inspected_department_id.manager_id
        )
        partners = employees.user_id.partner_id
        self.message_post(
            body=self.env._(
                "The people's inspection board will inspect %(name)s on %(day)s.",
                name=self.name,
                day=self.date_planned.strftime("%d/%m/%Y"),
            ),
            message_type="comment",
            subtype_xmlid="mail.mt_comment" if partners else "mail.mt_note",
            partner_ids=partners.ids,
        )

    def action_send_result(self):
        """Write the result and send it to whoever raised the matter."""
        for inspection in self:
            if not inspection.result or not inspection.result.striptags().strip():
                raise UserError(
                    self.env._(
                        "Write the result of %(name)s before sending it.",
                        name=inspection.name,
                    )
                )
        today = fields.Date.context_today(self)
        for inspection in self:
            # Decree 30/2020: the notice of the result is numbered when sent.
            inspection._transition(
                "action_send_result",
                dict(inspection.sudo()._issue_values(today), date_result=today),
            )
        for inspection in self:
            partners = inspection.raised_by_id.partner_id
            inspection.message_post(
                body=inspection.result,
                subject=self.env._("Result of the inspection %s", inspection.name),
                message_type="comment",
                subtype_xmlid="mail.mt_comment" if partners else "mail.mt_note",
                partner_ids=partners.ids,
            )
            inspection.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def _document_values(self):
        """The notice of the result: its summary, and whoever receives it."""
        values = super()._document_values()
        env = self._agency_env()
        values["doc_summary"] = env._(
            "Result of the inspection: %(name)s", name=self.name
        )
        inspected = self.sudo().inspected_employee_id.name or (
            self.sudo().inspected_department_id.name
        )
        lines = [f"- {inspected};"] if inspected else []
        if self.sudo().raised_by_id:
            lines.append(f"- {self.sudo().raised_by_id.name};")
        lines += [
            env._("- The head of the agency;"),
            env._("- The union executive committee;"),
        ]
        values["recipients"] = lines
        return values

    def action_print_document(self):
        """The document in the Decree 30/2020 layout (PDF)."""
        return self.env.ref(
            "danvan_democracy.action_report_danvan_inspection"
        ).report_action(self)
