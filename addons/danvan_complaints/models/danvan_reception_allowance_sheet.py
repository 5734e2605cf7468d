"""The monthly sheet of the reception allowance (TCD-22): the days on duty of
each officer in the month and what they are paid, prepared by the Office,
issued by the head; once issued, it and the duties it pays are kept as paid."""

import calendar as month_calendar
from datetime import date

try:
    from num2words import num2words
except ImportError:  # Odoo's amount_to_text logs that it is missing
    num2words = None

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_value

OFFICE = "danvan_base.group_danvan_office"
LEADERSHIP = "danvan_base.group_danvan_leadership"


class DanvanReceptionAllowanceSheet(models.Model):
    _name = "danvan.reception.allowance.sheet"
    _description = "Citizen Reception Allowance Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin", "danvan.workflow.mixin"]
    # TCD-22: the Office prepares and submits the sheet, the head issues it or
    # sends it back.
    _transitions = {
        "action_submit": ({"draft"}, "submitted", OFFICE),
        "action_issue": ({"submitted"}, "issued", LEADERSHIP),
        "action_back_to_draft": ({"submitted"}, "draft", LEADERSHIP),
    }
    _locked_states = ("issued",)
    _deletable_states = ("draft",)
    _danvan_locked_attach = True
    _order = "year desc, month desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(
        required=True,
        default=lambda self: self._default_month().year,
        tracking=True,
    )
    month = fields.Selection(
        [(str(number), str(number)) for number in range(1, 13)],
        required=True,
        default=lambda self: str(self._default_month().month),
        tracking=True,
    )
    date_from = fields.Date(compute="_compute_dates", store=True, string="From")
    date_to = fields.Date(compute="_compute_dates", store=True, string="To")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Awaiting Issue"), ("issued", "Issued")],
        string="Status",
        required=True,
        default="draft",
        index=True,
        copy=False,
        tracking=True,
    )
    line_ids = fields.One2many(
        "danvan.reception.allowance.line",
        "sheet_id",
        string="Officers",
        copy=False,
        readonly=True,
    )
    duty_ids = fields.One2many(
        "danvan.reception.duty", "sheet_id", string="Duties", readonly=True
    )
    currency_id = fields.Many2one(
        "res.currency", compute="_compute_currency_id", string="Currency"
    )
    amount_total = fields.Monetary(
        string="Total", compute="_compute_totals", store=True, tracking=True
    )
    days_total = fields.Float(
        string="Days on Duty", compute="_compute_totals", store=True, digits=(6, 1)
    )
    number = fields.Char(readonly=True, copy=False, tracking=True)
    date_issued = fields.Date(string="Date", readonly=True, copy=False, tracking=True)
    issued_by_id = fields.Many2one(
        "res.users", string="Issued by", readonly=True, copy=False
    )
    signer_authority = fields.Char(
        string="Signing Authority",
        default=lambda self: self.env.company.danvan_signer_authority,
    )
    signer_title = fields.Char(
        default=lambda self: self.env.company.danvan_signer_title
    )
    signer_name = fields.Char(
        default=lambda self: self.env.company.danvan_signer_name, tracking=True
    )
    prepared_by_id = fields.Many2one(
        "res.users",
        string="Prepared by",
        default=lambda self: self.env.user,
        help="The officer of the Office who prepares the sheet and signs it as "
        "its maker.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "month_unique",
            "UNIQUE (company_id, year, month)",
            "There is already an allowance sheet for this month.",
        ),
    ]

    @api.model
    def _default_month(self):
        """The first day of last month: the sheet pays a month past."""
        today = fields.Date.context_today(self)
        return date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)

    def _compute_currency_id(self):
        # TCD-22: the circular sets the allowance in đồng.
        self.currency_id = self.env.ref("base.VND")

    @api.depends("year", "month")
    def _compute_name(self):
        for sheet in self:
            env = sheet._agency_env()
            sheet.name = env._(
                "Reception allowance of %(month)s/%(year)s",
                month=str(sheet.month or "").zfill(2),
                year=sheet.year or "",
            )

    @api.depends("year", "month")
    def _compute_dates(self):
        for sheet in self:
            if sheet.month and 1990 <= (sheet.year or 0) <= 2100:
                month = int(sheet.month)
                last = month_calendar.monthrange(sheet.year, month)[1]
                sheet.date_from = date(sheet.year, month, 1)
                sheet.date_to = date(sheet.year, month, last)
            else:
                sheet.date_from = sheet.date_to = False

    @api.depends("line_ids.amount", "line_ids.days")
    def _compute_totals(self):
        for sheet in self:
            sheet.amount_total = sum(sheet.line_ids.mapped("amount"))
            sheet.days_total = sum(sheet.line_ids.mapped("days"))

    @api.constrains("year")
    def _check_year(self):
        for sheet in self:
            check_value(sheet, "year", sheet.year)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "year" in vals:
                check_value(self, "year", vals["year"])
        sheets = super().create(vals_list)
        sheets._build_lines()
        return sheets

    def write(self, vals):
        if "year" in vals:
            check_value(self, "year", vals["year"])
        if {"year", "month"} & set(vals) and any(
            sheet.state != "draft" for sheet in self
        ):
            raise UserError(
                self.env._(
                    "The month of a submitted allowance sheet is kept: the head "
                    "sends it back to draft first."
                )
            )
        result = super().write(vals)
        if {"year", "month"} & set(vals):
            self._build_lines()
        return result

    # Lines ---------------------------------------------------------------

    def action_build(self):
        """Take again the duties of the month (TCD-22)."""
        if any(sheet.state != "draft" for sheet in self):
            raise UserError(
                self.env._("Only a draft allowance sheet takes the duties again.")
            )
        self._build_lines()
        return True

    def _build_lines(self):
        """One line per officer on duty in the month: days, dates, amount. The
        duties join the sheet, which locks them once issued."""
        Duty = self.env["danvan.reception.duty"].sudo()
        Line = self.env["danvan.reception.allowance.line"].sudo()
        for sheet in self:
            sheet.sudo().line_ids.unlink()
            sheet.sudo().duty_ids.write({"sheet_id": False})
            duties = Duty.search(
                [
                    ("company_id", "=", sheet.company_id.id),
                    ("date", ">=", sheet.date_from),
                    ("date", "<=", sheet.date_to),
                ],
                order="user_id, date",
            )
            missing = duties.filtered(lambda duty: not duty.rate_id)
            if missing:
                raise ValidationError(
                    self.env._(
                        "No allowance rate is in force for the duties of %s: add "
                        "the rate of that day in the configuration first.",
                        ", ".join(missing.mapped("display_name")),
                    )
                )
            duties.write({"sheet_id": sheet.id})
            Line.create(
                [
                    {
                        "sheet_id": sheet.id,
                        "user_id": user.id,
                        "sequence": index,
                        "days": sum(officer_duties.mapped("days")),
                        "amount": sum(officer_duties.mapped("amount")),
                        "dates": ", ".join(
                            duty.date.strftime("%d")
                            + ("½" if duty.portion == "half" else "")
                            for duty in officer_duties
                        ),
                    }
                    for index, (user, officer_duties) in enumerate(
                        duties.grouped("user_id").items(), start=1
                    )
                ]
            )

    # Workflow --------------------------------------------------------------

    def action_submit(self):
        """The Office submits the sheet, counted one last time; the head finds
        it among the to-dos."""
        self.action_build()
        for sheet in self:
            if not sheet.line_ids:
                raise UserError(
                    self.env._(
                        "%s has no officer on duty: record the duties of the month "
                        "first.",
                        sheet.name,
                    )
                )
        self._transition("action_submit")
        for sheet in self:
            sheet._danvan_ask_approval(
                sheet._agency_env()._("Allowance sheet to issue: %s", sheet.name)
            )
        return True

    def action_issue(self):
        """The head issues the sheet with its number: it and its duties are
        kept as paid from now on (TCD-22)."""
        today = fields.Date.context_today(self)
        for sheet in self:
            sequence = sheet.company_id._danvan_document_sequence(
                "danvan.reception.allowance.sheet"
            ).next_by_id(sequence_date=today)
            agency = sheet.company_id.danvan_agency_code
            sheet._transition(
                "action_issue",
                {
                    "number": f"{sequence}/{agency}" if agency else sequence,
                    "date_issued": today,
                    "issued_by_id": self.env.user.id,
                },
            )
        self._danvan_approval_done()
        return True

    def action_back_to_draft(self):
        """The head sends the sheet back: its maker finds it among the to-dos."""
        self._transition("action_back_to_draft")
        self._danvan_approval_cancel()
        for sheet in self.sudo():
            if sheet.prepared_by_id:
                sheet.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=sheet._agency_env()._(
                        "Allowance sheet sent back: %s", sheet.name
                    ),
                    user_id=sheet.prepared_by_id.id,
                )
        return True

    # Documents --------------------------------------------------------------

    def _amount_words(self):
        """The total in words, as a payment sheet states it: 'Năm trăm nghìn
        đồng'."""
        self.ensure_one()
        lang = self.company_id._danvan_lang()
        amount = round(self.amount_total)
        if num2words and lang.startswith("vi"):
            words = f"{num2words(amount, lang='vi')} đồng"
        else:
            words = self.currency_id.with_context(lang=lang).amount_to_text(amount)
        return words[:1].upper() + words[1:] if words else ""

    def _sheet_table(self):
        """(headers, rows) of the sheet, for the spreadsheet."""
        self.ensure_one()
        headers = [
            self.env._("No."),
            self.env._("Officer"),
            self.env._("Unit"),
            self.env._("Days of the Month on Duty"),
            self.env._("Days on Duty"),
            self.env._("Amount (VND)"),
        ]
        rows = [
            [
                line.sequence,
                line.user_id.name,
                line.unit_name or "",
                line.dates or "",
                line.days,
                line.amount,
            ]
            for line in self.line_ids
        ]
        rows.append(
            ["", self.env._("Total"), "", "", self.days_total, self.amount_total]
        )
        return headers, rows

    def action_print(self):
        return self.env.ref(
            "danvan_complaints.action_report_danvan_reception_allowance_sheet"
        ).report_action(self)

    def action_download_xlsx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/danvan_complaints/allowance/{self.id}/xlsx",
            "target": "download",
        }

    # Demo ------------------------------------------------------------------

    @api.model
    def _danvan_demo_allowance(self, officer, support, office, leader):
        """Demo data (TCD-22): the duties of the last two months on their
        working days, whatever today is, and the sheet of last month issued.
        Run again on an update, it adds nothing."""
        Users = self.env["res.users"]
        officer, support, office, leader = (
            Users.browse(officer),
            Users.browse(support),
            Users.browse(office),
            Users.browse(leader),
        )
        calendar = self.env["danvan.holiday"]
        Duty = self.env["danvan.reception.duty"]
        company = self.env.company
        last = self._default_month()
        months = [
            date(last.year - (last.month == 1), (last.month - 2) % 12 + 1, 1),
            last,
        ]
        wanted = []
        for first in months:
            length = month_calendar.monthrange(first.year, first.month)[1]
            days = [
                date(first.year, first.month, day)
                for day in range(1, length + 1)
                if calendar.is_working_day(date(first.year, first.month, day))
            ]
            # The officer on every fourth working day, a half day among them;
            # the support on the days of the head's session.
            for index, day in enumerate(days[::4]):
                wanted.append(
                    {
                        "user_id": officer.id,
                        "date": day,
                        "portion": "half" if index == 1 else "full",
                    }
                )
            for day in days[6:8]:
                wanted.append({"user_id": support.id, "date": day, "kind": "support"})
        existing = Duty.search_fetch(
            [
                ("company_id", "=", company.id),
                ("user_id", "in", (officer | support).ids),
                ("date", ">=", months[0]),
            ],
            ["user_id", "date"],
        )
        done = {(duty.user_id.id, duty.date) for duty in existing}
        Duty.create(
            [vals for vals in wanted if (vals["user_id"], vals["date"]) not in done]
        )
        domain = [
            ("company_id", "=", company.id),
            ("year", "=", last.year),
            ("month", "=", str(last.month)),
        ]
        if self.with_context(active_test=False).search_count(domain):
            return
        sheet = self.with_user(office).create(
            {"year": last.year, "month": str(last.month)}
        )
        sheet.with_user(office).action_submit()
        sheet.with_user(leader).action_issue()
