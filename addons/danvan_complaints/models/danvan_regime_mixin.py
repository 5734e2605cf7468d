from odoo import api, fields, models


class DanvanRegimeMixin(models.AbstractModel):
    """A record that follows the legal regime in force on its date.

    ``_danvan_regime_date`` names the date field that decides it: the day of
    the visit, of the receipt of the petition, of the acceptance of the case.
    A step taken later asks the regime of its own day (``_danvan_regime_at``):
    the new rules of withdrawal, suspension and dialogue apply to open cases
    accepted before 01/7/2026 (KN-18, TC-16).
    """

    _name = "danvan.regime.mixin"
    _description = "Follows the Legal Regime of Its Date"
    _danvan_regime_date = "date"

    regime_id = fields.Many2one(
        "danvan.legal.regime",
        string="Legal Regime",
        compute="_compute_regime_id",
        store=True,
        index=True,
    )

    @api.depends(lambda self: [self._danvan_regime_date])
    def _compute_regime_id(self):
        Regime = self.env["danvan.legal.regime"]
        for record in self:
            day = record[record._danvan_regime_date]
            record.regime_id = Regime._regime_on(day) if day else Regime

    def _danvan_regime_at(self, day=None):
        """The regime of ``day``, or of the record's own date; an error if none."""
        self.ensure_one()
        if day is None:
            day = self[self._danvan_regime_date] or fields.Date.context_today(self)
        return self.env["danvan.legal.regime"].sudo()._get_regime(day)

    def _danvan_form(self, code, day=None):
        """The form ``code`` of the regime of ``day`` or of the record."""
        return self._danvan_regime_at(day)._form(code)
