from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.danvan_plan.tools.date_checks import check_dates


class DanvanCaseEvent(models.Model):
    """A dated step of a case that the law asks to record or notify: acceptance,
    extension, suspension, resumption, withdrawal, termination, decision,
    sending and publication (TC-11)."""

    _name = "danvan.case.event"
    _description = "Case Event"
    _order = "date desc, id desc"

    res_model = fields.Char(string="Case Model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Case", model_field="res_model", required=True, index=True
    )
    kind = fields.Selection(
        [
            ("acceptance", "Acceptance"),
            ("refusal", "Refusal to accept"),
            ("extension", "Extension"),
            ("suspension", "Suspension"),
            ("resumption", "Resumption"),
            ("withdrawal", "Partial withdrawal"),
            ("termination", "Termination"),
            ("team", "Verification team"),
            ("decision", "Decision or conclusion"),
            ("sending", "Sent to the parties"),
            ("publication", "Publication"),
        ],
        required=True,
    )
    date = fields.Date(required=True)
    reference = fields.Char(string="Document", help="Number of the document, if any.")
    note = fields.Text()
    user_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user
    )

    @api.constrains("date")
    def _check_date(self):
        check_dates(self, ["date"])

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The events of a case are kept."))
