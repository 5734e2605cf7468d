from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .danvan_conference_agenda_step import PRESENTERS


class DanvanConferenceAgendaItem(models.Model):
    """A step of one conference's agenda, copied from the template (DC-9):
    its order, presenter and notes are prepared before the session, and it
    is marked done during it."""

    _name = "danvan.conference.agenda.item"
    _description = "Staff Conference Agenda Item"
    _order = "conference_id, sequence, id"

    conference_id = fields.Many2one(
        "danvan.conference", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="conference_id.company_id", store=True)
    step_id = fields.Many2one(
        "danvan.conference.agenda.step", string="Template Step", readonly=True
    )
    sequence = fields.Integer(default=10)
    # The step of the template, in the reader's language, unless the Office
    # wrote its own wording for this conference.
    name = fields.Char(
        string="Step", compute="_compute_name", inverse="_inverse_name", readonly=False
    )
    custom_name = fields.Char(string="Own Wording")
    presenter = fields.Selection(PRESENTERS, string="Presented by")
    presenter_name = fields.Char(string="Presenter")
    notes = fields.Text()
    done = fields.Boolean()
    date_done = fields.Datetime(string="Done at", readonly=True)
    conference_state = fields.Selection(related="conference_id.state")

    # Prepared before the session; the session only marks steps done.
    _PREPARED_FIELDS = frozenset(
        {"sequence", "name", "presenter", "presenter_name", "notes", "step_id"}
    )

    @api.depends("custom_name", "step_id.name")
    @api.depends_context("lang")
    def _compute_name(self):
        for item in self:
            item.name = item.custom_name or item.step_id.name

    def _inverse_name(self):
        for item in self:
            if item.name != item.step_id.name:
                item.custom_name = item.name

    @api.constrains("custom_name", "step_id")
    def _check_name(self):
        for item in self:
            if not item.custom_name and not item.step_id:
                raise ValidationError(self.env._("Name the step of the agenda."))

    def _check_conference_state(self, conferences, fnames):
        if self.env.su:
            return
        conferences = conferences.sudo()
        fnames = fnames - {"custom_name"} | (
            {"name"} if "custom_name" in fnames else set()
        )
        if fnames & {"done", "date_done"}:
            wrong = conferences.filtered(lambda c: c.state != "in_session")
            if wrong:
                raise UserError(
                    self.env._(
                        "The steps of the agenda of %s are marked done during the "
                        "conference.",
                        ", ".join(wrong.mapped("display_name")),
                    )
                )
        if fnames - {"done", "date_done"}:
            wrong = conferences.filtered(lambda c: c.state not in ("draft", "convened"))
            if wrong:
                raise UserError(
                    self.env._(
                        "The agenda of %s is prepared before the conference opens: "
                        "it can no longer be changed.",
                        ", ".join(wrong.mapped("display_name")),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        conferences = self.env["danvan.conference"].browse(
            {vals.get("conference_id") for vals in vals_list} - {None, False}
        )
        self._check_conference_state(conferences, {"name"})
        return super().create(vals_list)

    def write(self, vals):
        self._check_conference_state(self.conference_id, set(vals))
        if "done" in vals and not self.env.su:
            vals = dict(
                vals, date_done=fields.Datetime.now() if vals["done"] else False
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_opened(self):
        self._check_conference_state(self.conference_id, {"name"})

    def action_mark_done(self):
        """The step is done, during the session; a second click changes
        nothing."""
        todo = self.filtered(lambda item: not item.done)
        if todo:
            todo.write({"done": True})
        return True
