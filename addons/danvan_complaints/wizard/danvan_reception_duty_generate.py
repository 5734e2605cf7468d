"""Record the officers on duty from the reception records of a period
(TCD-22): those who presided or took part in a session held, and those who
received a visit."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates


class DanvanReceptionDutyGenerate(models.TransientModel):
    _name = "danvan.reception.duty.generate"
    _description = "Record the Officers on Reception Duty"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: self._default_dates()[0],
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: self._default_dates()[1],
    )

    @api.model
    def _default_dates(self):
        """Last month, the one whose sheet the Office prepares."""
        Sheet = self.env["danvan.reception.allowance.sheet"]
        first = Sheet._default_month()
        sheet = Sheet.new({"year": first.year, "month": str(first.month)})
        return sheet.date_from, sheet.date_to

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        check_dates(self, ["date_from", "date_to"])
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))

    def action_generate(self):
        self.ensure_one()
        duties = self.env["danvan.reception.duty"]._from_reception(
            self.date_from, self.date_to
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "danvan_complaints.danvan_reception_duty_action"
        )
        action["domain"] = [
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        action["context"] = {"danvan_new_duty_ids": duties.ids}
        return action
