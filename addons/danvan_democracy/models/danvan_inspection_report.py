"""The report of the people's inspection board (DC-16, Article 62 of Luật
10/2022/QH15, Article 22 of Nghị định 59/2023/NĐ-CP).

The board reports on its work each quarter, six months and year, and at the
end of its term to the staff conference. Board members write the report; it
is sent to the union and to the head, takes its number in the agency's
yearly series of reports (BÁO CÁO, Decree 30/2020) and is kept as sent. The
union and leadership read it.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .danvan_inspection_programme import period_bounds, period_label

BOARD_GROUP = "danvan_democracy.group_danvan_inspection_board"

TRANSITIONS = {
    "action_send": (("draft",), "sent", BOARD_GROUP),
}


class DanvanInspectionReport(models.Model):
    _name = "danvan.inspection.report"
    _description = "Report of the People's Inspection Board"
    _check_company_auto = True
    _inherit = [
        "danvan.workflow.mixin",
        "danvan.report.document.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_to desc, id desc"
    _transitions = TRANSITIONS
    _locked_states = ("sent",)
    _deletable_states = ("draft",)
    # The printed copy of the sent document is kept with it (Decree 30/2020):
    # files are still added to it, never changed nor deleted.
    _danvan_locked_attach = True
    _danvan_body_template = "danvan_democracy.danvan_inspection_report_body"
    _danvan_docx_route = "/danvan_democracy/inspection_report/%s/docx"

    board_id = fields.Many2one(
        "danvan.inspection.board",
        string="Board",
        required=True,
        index=True,
        default=lambda self: self.env["danvan.inspection"]._default_board(),
        domain="[('state', '=', 'recognised'), ('company_id', '=', company_id)]",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    period_type = fields.Selection(
        [
            ("quarter", "Quarter"),
            ("half", "Six Months"),
            ("year", "Year"),
            ("term", "End of Term"),
        ],
        string="Period",
        required=True,
        default="quarter",
        help="The report at the end of the term is presented to the staff conference.",
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    period_number = fields.Integer(
        string="Quarter or Half",
        default=1,
        help="1 to 4 for a quarter, 1 or 2 for six months; 1 for a year.",
    )
    date_from = fields.Date(
        string="From", compute="_compute_dates", store=True, index=True
    )
    date_to = fields.Date(string="To", compute="_compute_dates", store=True)
    conference_id = fields.Many2one(
        "danvan.conference",
        string="Presented at",
        index="btree_not_null",
        help="The staff conference the report is presented to.",
        check_company=True,
    )
    content = fields.Html(string="Report Text")
    date_sent = fields.Date(string="Sent on", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )

    @api.depends("period_type", "year", "period_number", "board_id")
    def _compute_dates(self):
        for report in self:
            if report.period_type == "term":
                board = report.board_id.sudo()
                report.date_from = board.date_election
                report.date_to = board.date_term_end
            else:
                report.date_from, report.date_to = period_bounds(
                    report.period_type, report.year, report.period_number
                )

    @api.depends("period_type", "year", "period_number", "board_id")
    def _compute_name(self):
        for report in self:
            env = report._agency_env()
            report.name = env._(
                "Results of the work of the people's inspection board in %(period)s",
                period=period_label(
                    env,
                    report.period_type,
                    report.year,
                    report.period_number,
                    report.board_id,
                ),
            )

    def _default_recipients(self):
        """The union and the head; the staff conference for the report of
        the term."""
        env = self.with_context(lang=self.env.company._danvan_lang()).env
        return "\n".join(
            (
                env._("- The union executive committee;"),
                env._("- The head of the agency;"),
            )
        )

    @api.constrains("period_type", "year", "period_number", "board_id")
    def _check_period(self):
        for report in self:
            if report.year < 2000 or report.year > 2100 or not report.date_from:
                raise ValidationError(
                    self.env._(
                        "%(number)s is not a quarter (1 to 4) nor a half (1 or 2) "
                        "of the year %(year)s: choose the period again.",
                        number=report.period_number,
                        year=report.year,
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

    def action_send(self):
        """The board sends its report to the union and the head (DC-16): it
        takes its number and date, and both get a to-do to read it."""
        today = fields.Date.context_today(self)
        for report in self:
            if not report.content or not report.content.striptags().strip():
                raise UserError(
                    self.env._(
                        "Write the report %(name)s before sending it.",
                        name=report.name,
                    )
                )
        for report in self:
            report._transition(
                "action_send",
                dict(report.sudo()._issue_values(today), date_sent=today),
            )
        for report in self.sudo():
            env = report._agency_env()
            users = report.board_id._danvan_union_users() | (
                report._danvan_approvers().filtered(
                    lambda user, report=report: report.company_id in user.company_ids
                )
            )
            for user in users:
                report.with_env(env).activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=env._("Read the report of the inspection board"),
                    user_id=user.id,
                )
        return True

    @api.model
    def _latest_for_conference(self, company, conference=None):
        """The board's report the staff conference of ``company`` hears (the
        agenda of Article 51 of the Law on Grassroots Democracy): the sent
        report presented at ``conference``, else the report of the board's
        term, else its latest yearly report. Searched as the user."""
        domain = [("company_id", "=", company.id), ("state", "=", "sent")]
        order = "date_to desc, id desc"
        for extra in (
            [("conference_id", "=", conference.id)] if conference else None,
            [("period_type", "=", "term")],
            [("period_type", "=", "year")],
        ):
            if extra is None:
                continue
            report = self.search([*domain, *extra], order=order, limit=1)
            if report:
                return report
        return self.browse()

    def action_print_document(self):
        """The document in the Decree 30/2020 layout (PDF)."""
        return self.env.ref(
            "danvan_democracy.action_report_danvan_inspection_report"
        ).report_action(self)
