from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates


class DanvanModelUpdate(models.Model):
    """A periodic progress update of a model being implemented, with evidence.

    The model's unit and the Office report while the model is implemented;
    once it is evaluated, its updates stay as they were.
    """

    _name = "danvan.model.update"
    _description = "Progress Update of a Dân vận khéo Model"
    _inherit = ["danvan.attachment.mixin"]
    _order = "date desc, id desc"

    registration_id = fields.Many2one(
        "danvan.model.registration", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="registration_id.company_id", store=True, index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    content = fields.Html(string="Results", required=True)
    progress = fields.Integer(string="Progress (%)")
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")

    @api.constrains("date")
    def _check_date(self):
        check_dates(self, ["date"])

    @api.constrains("progress")
    def _check_progress(self):
        if any(not 0 <= update.progress <= 100 for update in self):
            raise ValidationError(self.env._("Progress is a percentage from 0 to 100."))

    @api.constrains("registration_id")
    def _check_implementing(self):
        for update in self:
            if update.registration_id.state != "implementing":
                raise ValidationError(
                    self.env._(
                        "Progress is reported on a model being implemented; the "
                        "updates of %s can no longer change.",
                        update.registration_id.name,
                    )
                )

    def write(self, vals):
        self._check_implementing()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_while_implementing(self):
        self._check_implementing()
