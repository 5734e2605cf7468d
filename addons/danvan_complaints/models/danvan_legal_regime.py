"""The legal regimes of reception, complaints and denunciations, by date.

The amending law 136/2025/QH15 and Decrees 154, 155 and 156 of 2026 changed
the procedure and the forms from 01/7/2026 (domain-vn.md §0.3). A record
follows the regime in force on its own date: a register line of June 2026
prints on the old form, one of July on the new. A regime is data with its
dates and its rules; code asks the regime, never compares with a date.
"""

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates


class DanvanLegalRegime(models.Model):
    _name = "danvan.legal.regime"
    _description = "Legal Regime of Reception, Complaints and Denunciations"
    _inherit = ["mail.thread"]
    _order = "date_from desc"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    legal_basis = fields.Text(
        tracking=True, help="The laws and decrees of the regime, as they are cited."
    )
    date_from = fields.Date(string="In Force From", required=True, tracking=True)
    date_to = fields.Date(string="In Force Until", tracking=True)
    form_ids = fields.One2many("danvan.legal.form", "regime_id", string="Forms")
    # KN-4, TC-8: a group may withdraw in part since Decrees 155 and 156.
    allows_partial_withdrawal = fields.Boolean(
        string="Partial Withdrawal",
        tracking=True,
        help="Some complainants or denouncers of a group may withdraw while the "
        "case goes on for the others.",
    )
    # KN-8, KN-14: an absence without a valid reason no longer stops the case.
    dialogue_absence_proceeds = fields.Boolean(
        string="Decision After an Unexcused Absence",
        tracking=True,
        help="A complainant absent from the dialogue without a valid reason does not "
        "stop the decision.",
    )
    # TCD-2: online reception exists since the amending law.
    allows_online_reception = fields.Boolean(string="Online Reception", tracking=True)
    note = fields.Text()
    active = fields.Boolean(default=True, tracking=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a legal regime is unique.")
    ]

    @api.constrains("date_from", "date_to", "active")
    def _check_dates(self):
        """One regime is in force on any day."""
        check_dates(self, ["date_from", "date_to"])
        for regime in self.filtered("active"):
            if regime.date_to and regime.date_to < regime.date_from:
                raise ValidationError(
                    self.env._(
                        "%s: the end of validity is before its start.", regime.name
                    )
                )
            domain = [
                ("id", "!=", regime.id),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", regime.date_from),
            ]
            if regime.date_to:
                domain.append(("date_from", "<=", regime.date_to))
            if self.search_count(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "%s: another legal regime is in force on the same days.",
                        regime.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        regimes = super().create(vals_list)
        self._regimes_changed()
        return regimes

    def write(self, vals):
        result = super().write(vals)
        if {"date_from", "date_to", "active"} & set(vals):
            self._regimes_changed()
        return result

    def unlink(self):
        result = super().unlink()
        self._regimes_changed()
        return result

    @api.model
    def _regimes_changed(self):
        """Drop the cached table; every record follows its regime again."""
        self.env.registry.clear_cache()
        for name in self.env.registry.descendants(["danvan.regime.mixin"], "_inherit"):
            model = self.env[name]
            if model._abstract:
                continue
            records = model.sudo().with_context(active_test=False).search([])
            self.env.add_to_compute(model._fields["regime_id"], records)

    @api.model
    @tools.ormcache()
    def _get_regime_table(self):
        """The active regimes as (date_from, date_to, id), latest first."""
        regimes = (
            self.sudo().with_context(active_test=False).search([("active", "=", True)])
        )
        return tuple(
            (regime.date_from, regime.date_to, regime.id)
            for regime in regimes.sorted("date_from", reverse=True)
        )

    @api.model
    def _regime_on(self, day):
        """The regime in force on ``day``, or an empty recordset."""
        for date_from, date_to, regime_id in self._get_regime_table():
            if date_from <= day and (not date_to or date_to >= day):
                return self.browse(regime_id)
        return self.browse()

    @api.model
    def _get_regime(self, day):
        """The regime in force on ``day``; a clear error if none."""
        regime = self._regime_on(day)
        if not regime:
            raise UserError(
                self.env._(
                    "No legal regime of reception, complaints and denunciations "
                    "is in force on %s. Add it under Configuration > Legal "
                    "Regimes.",
                    day.strftime("%d/%m/%Y"),
                )
            )
        return regime

    def _form(self, code):
        """The regime's form for ``code``; a clear error if it has none."""
        self.ensure_one()
        form = self.form_ids.filtered(lambda form: form.code == code)[:1]
        if not form:
            raise UserError(
                self.env._(
                    "The legal regime %(regime)s has no form '%(code)s'. Add it "
                    "under Configuration > Legal Regimes.",
                    regime=self.name,
                    code=code,
                )
            )
        return form

    # The rules of Decree 155/2026/NĐ-CP on complaints that are flags or dates
    # of a regime (KN-8, KN-15).
    # KN-8: a head who resolves a second-time complaint holds its dialogue in
    # person (new Article 28 of Decree 124/2020/NĐ-CP).
    dialogue_head_in_person = fields.Boolean(
        string="Second-time Dialogue by the Head in Person",
        tracking=True,
        help="The head who resolves a complaint for the second time holds the "
        "dialogue in person.",
    )
    # KN-15: an individual's authorisation needs no notarisation from this day.
    notarisation_end = fields.Date(
        string="Notarisation of Individuals Ends On",
        tracking=True,
        help="From this day an individual's authorisation to complain needs no "
        "certification or notarisation; empty, it always needs one.",
    )
    complexity_criterion_ids = fields.One2many(
        "danvan.complaint.complexity", "regime_id", string="Criteria of Complexity"
    )

    # TCD-17: the connections are up at least one hour before the start; a
    # duration in minutes, as the time-limit table counts only days.
    online_connection_minutes = fields.Integer(
        string="Connections Ready Before (minutes)",
        tracking=True,
        help="How long before the start of an online reception session all "
        "connections must be up (Article 23 of Decree 154/2026/NĐ-CP: at least one "
        "hour).",
    )
    online_case_ids = fields.One2many(
        "danvan.reception.online.case",
        "regime_id",
        string="Cases Eligible for Online Reception",
    )
