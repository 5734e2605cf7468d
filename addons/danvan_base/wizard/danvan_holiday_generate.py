from odoo import api, fields, models

from ..tools.date_checks import check_dates


class DanvanHolidayGenerate(models.TransientModel):
    _name = "danvan.holiday.generate"
    _description = "Generate the Days Off of a Year"

    year = fields.Integer(required=True, default=lambda self: self._default_year())

    @api.model
    def _default_year(self):
        return fields.Date.context_today(self).year + 1

    @api.constrains("year")
    def _check_year(self):
        check_dates(self, ["year"])

    def action_generate(self):
        """Propose the year's days off and show them for confirmation."""
        self.ensure_one()
        self.env["danvan.holiday"]._generate_year(self.year)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "danvan_base.danvan_holiday_action"
        )
        action["domain"] = [("year", "=", self.year)]
        action["context"] = {"search_default_filter_proposed": 1}
        return action
