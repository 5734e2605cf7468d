"""The allowance (bồi dưỡng) paid per day to those on citizen reception duty
(TCD-22): its rates as dated data, one per kind of duty and period, so that a
new circular is a new record and no date lives in the code."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates

# TCD-22: who is paid what. ND154 Art. 38(1)-(2): the officers assigned to
# receive citizens and handle petitions at the reception office or place;
# Art. 38(3)-(4): those called to support them (order, security, health).
DUTY_KINDS = [
    ("reception", "Reception and petition handling"),
    ("support", "Support to the reception"),
]


class DanvanReceptionAllowanceRate(models.Model):
    _name = "danvan.reception.allowance.rate"
    _description = "Citizen Reception Allowance Rate"
    _order = "kind, professional_allowance, date_from desc, id desc"

    kind = fields.Selection(
        DUTY_KINDS,
        string="Kind of Duty",
        required=True,
        help="Reception and petition handling: the officers assigned to receive "
        "citizens or handle petitions at the reception office or place; support: "
        "those called to keep order, security or provide health care there "
        "(Article 38 of Decree 154/2026/ND-CP).",
    )
    professional_allowance = fields.Boolean(
        string="Already Receives a Professional Allowance",
        help="The rate of a person who already receives the professional "
        "responsibility allowance (phụ cấp trách nhiệm theo nghề).",
    )
    amount = fields.Monetary(
        string="Amount per Day", required=True, currency_field="currency_id"
    )
    currency_id = fields.Many2one(
        "res.currency", compute="_compute_currency_id", string="Currency"
    )
    date_from = fields.Date(string="In Force From", required=True)
    date_to = fields.Date(
        string="In Force Until", help="Empty: in force until a new rate replaces it."
    )
    legal_basis = fields.Char(required=True)
    note = fields.Text()
    active = fields.Boolean(default=True)

    def _compute_currency_id(self):
        # The law sets the rates in đồng, whatever the company's currency.
        self.currency_id = self.env.ref("base.VND")

    @api.depends("kind", "amount", "date_from")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for rate in self:
            day = rate.date_from.strftime("%d/%m/%Y") if rate.date_from else ""
            rate.display_name = self.env._(
                "%(kind)s from %(day)s", kind=kinds.get(rate.kind, ""), day=day
            )

    @api.constrains("kind", "professional_allowance", "date_from", "date_to", "active")
    def _check_periods(self):
        """One rate in force a day for a kind of duty (TCD-22)."""
        check_dates(self, ["date_from", "date_to"])
        for rate in self:
            if rate.date_to and rate.date_to < rate.date_from:
                raise ValidationError(
                    self.env._(
                        "The allowance rate cannot end before it comes into force."
                    )
                )
            domain = [
                ("id", "!=", rate.id),
                ("kind", "=", rate.kind),
                ("professional_allowance", "=", rate.professional_allowance),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", rate.date_from),
            ]
            if rate.date_to:
                domain.append(("date_from", "<=", rate.date_to))
            other = rate.active and self.search(domain, limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "Another allowance rate of the same kind is in force during "
                        "this period (%s): end it before the new one comes into "
                        "force.",
                        other.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        rates = super().create(vals_list)
        rates._recompute_duties()
        return rates

    def write(self, vals):
        result = super().write(vals)
        self._recompute_duties()
        return result

    def _recompute_duties(self):
        """A new or corrected rate applies to the duties of its period not yet
        paid: those of an issued sheet keep their amount (TCD-22)."""
        Duty = self.env["danvan.reception.duty"].sudo()
        for rate in self:
            domain = [
                ("date", ">=", rate.date_from),
                "|",
                ("sheet_id", "=", False),
                ("sheet_id.state", "!=", "issued"),
            ]
            if rate.date_to:
                domain.append(("date", "<=", rate.date_to))
            # Also those it applied to before its period was corrected.
            duties = Duty.search(domain) | Duty.search(
                [("rate_id", "=", rate.id)] + domain[1:4]
            )
            self.env.add_to_compute(Duty._fields["rate_id"], duties)
            self.env.add_to_compute(Duty._fields["amount"], duties)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        """A rate that paid a duty is kept with it: archive it instead."""
        used = (
            self.env["danvan.reception.duty"]
            .sudo()
            .search_count([("rate_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "This allowance rate applies to recorded duties and is kept with "
                    "them: end it or archive it instead."
                )
            )

    @api.model
    def _rates_on(self, keys):
        """{(kind, professional_allowance, day): rate} of the rates in force on
        each day of ``keys``, in one query (TCD-22)."""
        keys = {key for key in keys if key[0] and key[2]}
        if not keys:
            return {}
        days = [day for _kind, _flag, day in keys]
        rates = self.sudo().search(
            [
                ("date_from", "<=", max(days)),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", min(days)),
            ]
        )
        result = {}
        for kind, flag, day in keys:
            result[kind, flag, day] = rates.filtered(
                lambda rate, kind=kind, flag=flag, day=day: rate.kind == kind
                and rate.professional_allowance == bool(flag)
                and rate.date_from <= day
                and (not rate.date_to or rate.date_to >= day)
            )[:1]
        return result
