"""The officers on citizen reception duty each day (TCD-22): the days the
allowance pays, at the rate in force on each of them."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates

from .danvan_reception_allowance_rate import DUTY_KINDS

# TCD-22: Circular 320/2016/TT-BTC (as amended by Circular 65/2026/TT-BTC)
# pays per day ("đồng/ngày/người"); a half day counts half a day (practice of
# the agencies, UNVERIFIED in the circular's text).
PORTION_DAYS = {"full": 1.0, "half": 0.5}


class DanvanReceptionDuty(models.Model):
    _name = "danvan.reception.duty"
    _description = "Citizen Reception Duty"
    _inherit = ["mail.thread"]
    _order = "date desc, user_id, id desc"
    _rec_names_search = ["user_id"]

    date = fields.Date(required=True, index=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Officer",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    kind = fields.Selection(
        DUTY_KINDS,
        string="Kind of Duty",
        required=True,
        default="reception",
        tracking=True,
        help="The kind of duty decides the rate of the allowance (Article 38 of "
        "Decree 154/2026/ND-CP, Circular 320/2016/TT-BTC as amended).",
    )
    professional_allowance = fields.Boolean(
        string="Already Receives a Professional Allowance",
        compute="_compute_professional_allowance",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="The officer already receives the professional responsibility "
        "allowance: the lower rate applies. Taken from the officer's earlier duties.",
    )
    session_id = fields.Many2one(
        "danvan.reception.session",
        string="Reception Session",
        index="btree_not_null",
        ondelete="set null",
    )
    portion = fields.Selection(
        [("full", "Full day"), ("half", "Half day")],
        string="Time on Duty",
        required=True,
        default="full",
        tracking=True,
        help="The allowance is paid per day of duty; a half day counts half a day.",
    )
    days = fields.Float(compute="_compute_days", store=True, digits=(4, 1))
    rate_id = fields.Many2one(
        "danvan.reception.allowance.rate",
        string="Rate",
        compute="_compute_rate_id",
        store=True,
        ondelete="restrict",
        help="The rate in force on the day of the duty.",
    )
    currency_id = fields.Many2one(related="rate_id.currency_id")
    amount = fields.Monetary(
        compute="_compute_amount", store=True, currency_field="currency_id"
    )
    sheet_id = fields.Many2one(
        "danvan.reception.allowance.sheet",
        string="Allowance Sheet",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    is_locked = fields.Boolean(
        compute="_compute_is_locked",
        string="Locked",
        help="The allowance sheet of its month is issued: the duty is kept as paid.",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "officer_day_unique",
            "UNIQUE (user_id, date, company_id)",
            "This officer is already on duty on this day.",
        ),
    ]

    @api.depends("user_id", "date", "session_id")
    def _compute_display_name(self):
        for duty in self:
            day = duty.date.strftime("%d/%m/%Y") if duty.date else ""
            duty.display_name = f"{duty.user_id.name or ''} - {day}"

    @api.depends("user_id")
    def _compute_professional_allowance(self):
        """As on the officer's earlier duties: a person's allowance rarely
        changes."""
        users = self.user_id
        last = {}
        if users:
            for user, flag in self.sudo()._read_group(
                [("user_id", "in", users.ids)],
                ["user_id"],
                ["professional_allowance:bool_or"],
            ):
                last[user.id] = flag
        for duty in self:
            if duty.user_id and not duty._origin.id:
                duty.professional_allowance = last.get(duty.user_id.id, False)
            else:
                duty.professional_allowance = duty.professional_allowance

    @api.depends("portion")
    def _compute_days(self):
        for duty in self:
            duty.days = PORTION_DAYS.get(duty.portion, 0.0)

    @api.depends("date", "kind", "professional_allowance")
    def _compute_rate_id(self):
        """The rate in force on the duty's day (TCD-22): data, not code."""
        rates = self.env["danvan.reception.allowance.rate"]._rates_on(
            (duty.kind, duty.professional_allowance, duty.date) for duty in self
        )
        for duty in self:
            key = (duty.kind, duty.professional_allowance, duty.date)
            duty.rate_id = rates.get(key, False)

    @api.depends("rate_id", "days")
    def _compute_amount(self):
        # Not on rate_id.amount: a duty already paid keeps its amount.
        for duty in self:
            duty.amount = duty.rate_id.sudo().amount * duty.days

    @api.depends("sheet_id.state")
    def _compute_is_locked(self):
        # An officer reads his duty, not the sheet of every officer's amounts.
        for duty in self:
            duty.is_locked = duty.sudo().sheet_id.state == "issued"

    @api.constrains("date", "session_id", "company_id")
    def _check_date(self):
        """A day of duty is a working day (CAL-5), that of its session."""
        check_dates(self, ["date"])
        calendar = self.env["danvan.holiday"]
        for duty in self:
            if not calendar.is_working_day(duty.date):
                raise ValidationError(
                    self.env._(
                        "%s is not a working day: the reception allowance is paid "
                        "for working days on duty.",
                        duty.date.strftime("%d/%m/%Y"),
                    )
                )
            session = duty.session_id.sudo()
            if session and (
                session.date != duty.date or session.company_id != duty.company_id
            ):
                raise ValidationError(
                    self.env._(
                        "The duty of %(officer)s is on %(day)s, the reception "
                        "session on another day or of another agency.",
                        officer=duty.user_id.name,
                        day=duty.date.strftime("%d/%m/%Y"),
                    )
                )

    # The lock of the issued month --------------------------------------------

    def _issued_months(self, company_days):
        """The sheets issued for the months of ``company_days``, an iterable of
        (company, day)."""
        Sheet = self.env["danvan.reception.allowance.sheet"].sudo()
        months = {(company.id, day.year, day.month) for company, day in company_days}
        if not months:
            return Sheet
        domain = [("state", "=", "issued")]
        domain += ["|"] * (len(months) - 1)
        for company_id, year, month in months:
            domain += [
                "&",
                "&",
                ("company_id", "=", company_id),
                ("year", "=", year),
                ("month", "=", month),
            ]
        return Sheet.search(domain)

    def _refuse_issued(self, sheets):
        raise UserError(
            self.env._(
                "The allowance sheet of %s is issued: the duties of its month "
                "are kept as paid and can no longer be added, changed or deleted.",
                ", ".join(sheets.mapped("name")),
            )
        )

    def _check_open(self):
        """The duties of a month whose sheet is issued are locked (TCD-22)."""
        if self.env.su:
            return
        sheets = self._issued_months(
            (duty.company_id, duty.date) for duty in self.sudo()
        )
        if sheets:
            self._refuse_issued(sheets)

    @api.model_create_multi
    def create(self, vals_list):
        duties = super().create(vals_list)
        duties._check_open()
        return duties

    def write(self, vals):
        if not self.env.su and set(vals) - self._free_fields():
            self._check_open()
        result = super().write(vals)
        if not self.env.su and {"date", "company_id"} & set(vals):
            self._check_open()
        return result

    @api.model
    def _free_fields(self):
        return {
            name
            for name, field in self.env["mail.thread"]._fields.items()
            if not field.automatic and name in self._fields
        }

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        self._check_open()

    # Duties from the reception records ---------------------------------------

    @api.model
    def _from_reception(self, date_from, date_to, company=None):
        """The duties of the sessions held and of the visits received between
        the two days that are not recorded yet (TCD-22): the presider and the
        participants of each session, the officer of each visit."""
        company = company or self.env.company
        sessions = (
            self.env["danvan.reception.session"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "held"),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                order="date, id",
            )
        )
        wanted = {}
        for session in sessions:
            for user in session.presider_id | session.participant_ids:
                wanted.setdefault((user.id, session.date), session.id)
        visits = (
            self.env["danvan.reception.visit"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                    ("officer_id", "!=", False),
                ],
                ["officer_id", "date:day"],
            )
        )
        for officer, day in visits:
            wanted.setdefault((officer.id, fields.Date.to_date(day)), False)
        return self._create_missing(wanted, company)

    def _create_missing(self, wanted, company):
        """Create the duties of ``wanted`` ({(user id, day): session id}) that
        the agency has not recorded yet, on working days."""
        if not wanted:
            return self.browse()
        existing = self.sudo().search_fetch(
            [
                ("company_id", "=", company.id),
                ("user_id", "in", list({user_id for user_id, _day in wanted})),
                ("date", ">=", min(day for _user, day in wanted)),
                ("date", "<=", max(day for _user, day in wanted)),
            ],
            ["user_id", "date"],
        )
        done = {(duty.user_id.id, duty.date) for duty in existing}
        calendar = self.env["danvan.holiday"]
        return self.create(
            [
                {
                    "user_id": user_id,
                    "date": day,
                    "session_id": session_id,
                    "company_id": company.id,
                }
                for (user_id, day), session_id in sorted(
                    wanted.items(), key=lambda item: (item[0][1], item[0][0])
                )
                if (user_id, day) not in done and calendar.is_working_day(day)
            ]
        )
