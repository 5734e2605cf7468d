from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates


class DanvanReceptionRegisterPrint(models.TransientModel):
    """The reception register of a period, as the user may read it: each line
    on the form of its regime, a period across 01/7/2026 on both (TCD-13)."""

    _name = "danvan.reception.register.print"
    _description = "Print the Reception Register of a Period"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        check_dates(self, ["date_from", "date_to"])
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(
                    self.env._("The end of the period is before its start.")
                )

    def _visits(self):
        self.ensure_one()
        visits = self.env["danvan.reception.visit"].search(
            [
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
                ("state", "=", "recorded"),
            ],
            order="date, id",
        )
        if not visits:
            raise UserError(
                self.env._(
                    "No line of the register from %(start)s to %(end)s.",
                    start=self.date_from.strftime("%d/%m/%Y"),
                    end=self.date_to.strftime("%d/%m/%Y"),
                )
            )
        return visits

    def action_print_pdf(self):
        return self.env.ref(
            "danvan_complaints.action_report_danvan_reception_register"
        ).report_action(self._visits())

    def action_export_xlsx(self):
        return self._visits().action_export_register()
