"""A staff member's request for information (DC-4, Article 48.4 of Luật
10/2022/QH15).

Staff may ask the head for information that was not made public, whose
posting has ended, or that did not reach them. The Office answers within the
time the agency sets (working days, through the calendar), and the request,
its answer, who answered and when are kept with their history. A staff
member sees only their own requests.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.danvan_base.tools.date_checks import check_dates

TRANSITIONS = {
    "action_answer": (("submitted",), "answered", "danvan_base.group_danvan_office"),
}


class DanvanInformationRequest(models.Model):
    _name = "danvan.information.request"
    _description = "Request for Information by Staff"
    _check_company_auto = True
    _inherit = [
        "danvan.workflow.mixin",
        "danvan.deadline.mixin",
        "danvan.attachment.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "state desc, date_due, id desc"
    _transitions = TRANSITIONS
    _locked_states = ("answered",)
    _deletable_states = ()
    _danvan_deadline_field = "date_due"
    # Counted from the request by the agency's own time (a setting), through
    # the calendar only.
    _danvan_deadline_fields = {"date_due": None}

    name = fields.Char(string="Subject", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    requester_id = fields.Many2one(
        "res.users",
        string="Requested by",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
        ondelete="cascade",
        check_company=True,
    )
    date_request = fields.Date(
        string="Requested on",
        required=True,
        readonly=True,
        default=fields.Date.context_today,
    )
    reason = fields.Selection(
        [
            ("not_published", "Not made public"),
            ("expired", "Posting has ended"),
            ("not_reached", "Did not reach me"),
        ],
        required=True,
        default="not_published",
        help="Staff may ask for information that was not made public, whose "
        "posting has ended, or that did not reach them (Article 48 of the Law on "
        "Grassroots Democracy).",
    )
    question = fields.Text(string="Information Asked For", required=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_information_request_attachment_rel",
        "request_id",
        "attachment_id",
        string="Files",
    )
    state = fields.Selection(
        [("submitted", "Waiting for the Answer"), ("answered", "Answered")],
        string="Status",
        required=True,
        default="submitted",
        tracking=True,
        index=True,
    )
    date_due = fields.Date(
        string="Answer Due by",
        compute="_compute_date_due",
        store=True,
        index=True,
        help="The time the agency gives itself to answer, in working days.",
    )
    answer = fields.Text(tracking=True)
    publication_id = fields.Many2one(
        "danvan.publication",
        string="Publication",
        tracking=True,
        help="The publication the request is about, or that answers it.",
        check_company=True,
    )
    date_answer = fields.Date(
        string="Answered on", readonly=True, copy=False, tracking=True
    )
    answer_user_id = fields.Many2one(
        "res.users",
        string="Answered by",
        readonly=True,
        copy=False,
        tracking=True,
        check_company=True,
    )

    # The agency's setting applies to the requests made after it changes: a
    # request keeps the time it was given (and follows the calendar).
    @api.depends("date_request")
    def _compute_date_due(self):
        calendar = self.env["danvan.holiday"]
        for request in self:
            days = request.company_id.danvan_information_answer_days
            request.date_due = request.date_request and calendar.add_working_days(
                request.date_request, max(days, 1)
            )

    @api.constrains("date_request", "date_answer")
    def _check_dates(self):
        check_dates(self, ["date_request", "date_answer"])

    @api.model_create_multi
    def create(self, vals_list):
        office = self.env.user.has_group("danvan_base.group_danvan_office")
        if not self.env.su and not office:
            for vals in vals_list:
                # Staff ask for themselves, today, and only ask.
                if set(vals) & {"answer", "date_answer", "answer_user_id"}:
                    raise UserError(
                        self.env._("Only the Office answers a request for information.")
                    )
                for fname in ("requester_id", "company_id", "date_request"):
                    vals.pop(fname, None)
        requests = super().create(vals_list)
        if not self.env.su:
            # A request names only a publication its author may read.
            requests.publication_id.check_access("read")
        requests._notify_office()
        return requests

    def _notify_office(self):
        """A to-do for the Office: a request waits for its answer."""
        for request in self.sudo().filtered(lambda r: r.state == "submitted"):
            summary = request._agency_env()._(
                "Answer the request for information by %s",
                request.date_due.strftime("%d/%m/%Y"),
            )
            for user in request._danvan_office_users():
                request.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=request.date_due,
                    summary=summary,
                    user_id=user.id,
                )

    def action_answer(self):
        """Send the answer to the requester; a second click changes nothing."""
        office = self.env.user.has_group("danvan_base.group_danvan_office")
        if not self.env.su and not office:
            raise AccessError(
                self.env._("Only the Office answers a request for information.")
            )
        for request in self:
            if not (request.answer or "").strip() and not request.publication_id:
                raise UserError(
                    self.env._(
                        "Write the answer to %s, or choose the publication that "
                        "answers it, before sending it.",
                        request.name,
                    )
                )
        self._transition(
            "action_answer",
            {
                "date_answer": fields.Date.context_today(self),
                "answer_user_id": self.env.uid,
            },
        )
        for request in self.sudo():
            request.activity_unlink(["mail.mail_activity_data_todo"])
            env = request._agency_env()
            request.message_post(
                body=env._(
                    "Your request for information has been answered: %s",
                    request.answer or request.publication_id.display_name,
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=request.requester_id.partner_id.ids,
            )
        return True

    def action_answer_by_publication(self):
        """The answer is information all staff should have: a draft
        publication of it, linked to the request, for the Office to finish
        and publish (DC-3, DC-4)."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group(
            "danvan_base.group_danvan_office"
        ):
            raise AccessError(
                self.env._("Only the Office answers a request for information.")
            )
        if self.state != "submitted":
            raise UserError(
                self.env._(
                    "This action is not possible in the current status of %s. "
                    "Reload the page: someone may have changed it.",
                    self.display_name,
                )
            )
        if not self.publication_id:
            self.publication_id = self.env["danvan.publication"]._create_for(
                self,
                "danvan_democracy.danvan_publication_category_art46_12",
                {"name": self.name},
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "danvan.publication",
            "res_id": self.publication_id.id,
            "view_mode": "form",
        }

    # The answer's deadline, watched by the daily cron.
    def _deadline_open_domain(self):
        return [("state", "=", "submitted")]

    def _deadline_warned_users(self):
        return self._danvan_office_users()

    def _deadline_escalation_users(self):
        return self._danvan_office_users() | self._danvan_approvers()
