"""The working programme of the people's inspection board (DC-16, Article
62 of Luật 10/2022/QH15, Article 22 of Nghị định 59/2023/NĐ-CP).

The board sets its programme for a quarter, six months or a year and sends
it to the union, which directs its work. Board members write it; the union
and leadership read it; once sent it is kept as sent.
"""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

BOARD_GROUP = "danvan_democracy.group_danvan_inspection_board"

TRANSITIONS = {
    "action_send": (("draft",), "sent", BOARD_GROUP),
}

# The periods of the board's programmes and reports: how many months each
# lasts, and how many of them a year holds (the term, in the report, spans
# the board's 2 years).
PERIOD_MONTHS = {"quarter": 3, "half": 6, "year": 12}


def period_bounds(kind, year, number):
    """(first day, last day) of the ``number``-th quarter, half or year of
    ``year``; (False, False) when it is not a period of ``kind``."""
    months = PERIOD_MONTHS.get(kind)
    if not months or not year or not number or number > 12 // months:
        return False, False
    start = date(year, 1 + months * (number - 1), 1)
    return start, start + relativedelta(months=months, days=-1)


def period_label(env, kind, year, number, board=None):
    """'quarter 2 of 2026', 'the first six months of 2026', 'the year 2026',
    in the language of ``env``."""
    if kind == "quarter":
        return env._("quarter %(number)s of %(year)s", number=number, year=year)
    if kind == "half":
        if number == 2:
            return env._("the last six months of %(year)s", year=year)
        return env._("the first six months of %(year)s", year=year)
    if kind == "term":
        return env._("the term of %(board)s", board=board and board.sudo().name or "")
    return env._("the year %(year)s", year=year)


class DanvanInspectionProgramme(models.Model):
    _name = "danvan.inspection.programme"
    _description = "Working Programme of the People's Inspection Board"
    _check_company_auto = True
    _inherit = ["danvan.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, id desc"
    _transitions = TRANSITIONS
    _locked_states = ("sent",)
    _deletable_states = ("draft",)

    name = fields.Char(compute="_compute_name", store=True)
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
        [("quarter", "Quarter"), ("half", "Six Months"), ("year", "Year")],
        string="Period",
        required=True,
        default="quarter",
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
    content = fields.Html(string="Programme")
    date_sent = fields.Date(string="Sent to the Union on", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent to the Union")],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )

    @api.depends("period_type", "year", "period_number")
    def _compute_dates(self):
        for programme in self:
            programme.date_from, programme.date_to = period_bounds(
                programme.period_type, programme.year, programme.period_number
            )

    @api.depends("period_type", "year", "period_number")
    def _compute_name(self):
        for programme in self:
            env = programme._agency_env()
            programme.name = env._(
                "Programme of the people's inspection board, %(period)s",
                period=period_label(
                    env, programme.period_type, programme.year, programme.period_number
                ),
            )

    @api.constrains("period_type", "year", "period_number")
    def _check_period(self):
        for programme in self:
            if (
                programme.year < 2000
                or programme.year > 2100
                or not (programme.date_from)
            ):
                raise ValidationError(
                    self.env._(
                        "%(number)s is not a quarter (1 to 4) nor a half (1 or 2) "
                        "of the year %(year)s: choose the period again.",
                        number=programme.period_number,
                        year=programme.year,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self.env["danvan.inspection.board"]._danvan_board_company_defaults(vals_list)
        records = super().create(vals_list)
        records.board_id._danvan_check_active_board()
        return records

    def action_send(self):
        """The board sends its programme to the union, which directs its
        work (DC-16); the union gets a to-do to read it."""
        for programme in self:
            if not programme.content or not programme.content.striptags().strip():
                raise UserError(
                    self.env._(
                        "Write the programme %(name)s before sending it.",
                        name=programme.name,
                    )
                )
        self._transition("action_send", {"date_sent": fields.Date.context_today(self)})
        for programme in self.sudo():
            env = programme._agency_env()
            for user in programme.board_id._danvan_union_users():
                programme.with_env(env).activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=env._("Read the programme of the inspection board"),
                    user_id=user.id,
                )
        return True

    @api.model
    def _next_for_conference(self, company, work_year):
        """The board's programme of the year after ``work_year``, that the
        staff conference of ``company`` hears after the board's report (the
        order of Article 51 of the Law on Grassroots Democracy): the one sent
        to the union first, else the draft. Searched as the user."""
        return self.search(
            [
                ("company_id", "=", company.id),
                ("period_type", "=", "year"),
                ("year", "=", work_year + 1),
            ],
            order="state desc, id desc",
            limit=1,
        )
