"""The six-month review of the conference's resolution (DC-10, Article 52 of
Luật 10/2022/QH15).

The head and the union name a focal person, and every six months check how
the resolution is carried out and tell all staff the results. One review is
due six months after the conference, the next six months later, and so on
until a newer conference is held; each one, once done, is published to
staff (Article 46).
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.danvan_base.tools.date_checks import check_dates

TRANSITIONS = {
    "action_done": (("draft",), "done", "danvan_base.group_danvan_office"),
}


class DanvanConferenceReview(models.Model):
    _name = "danvan.conference.review"
    _description = "Six-Month Review of the Conference Resolution"
    _check_company_auto = True
    _inherit = ["danvan.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_due desc, id desc"
    _transitions = TRANSITIONS
    _locked_states = ("done",)
    _deletable_states = ("draft",)

    name = fields.Char(compute="_compute_name", store=True)
    conference_id = fields.Many2one(
        "danvan.conference", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="conference_id.company_id", store=True, index=True
    )
    period = fields.Integer(
        required=True,
        default=1,
        help="1 for the review six months after the conference, 2 for the one "
        "twelve months after, and so on.",
    )
    date_due = fields.Date(string="Due by", required=True, tracking=True)
    focal_employee_id = fields.Many2one(
        "hr.employee",
        string="Focal Person",
        tracking=True,
        help="The person the head and the union name to follow the resolution "
        "(Article 52 of the Law on Grassroots Democracy).",
        check_company=True,
    )
    assessment = fields.Html(
        string="Head's Assessment",
        help="How the resolution has been carried out: what is done, what is "
        "late, what comes next.",
    )
    state = fields.Selection(
        [("draft", "To Review"), ("done", "Reviewed")],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    date_done = fields.Date(string="Reviewed on", readonly=True)
    publication_id = fields.Many2one(
        "danvan.publication",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )

    _sql_constraints = [
        (
            "period_unique",
            "unique(conference_id, period)",
            "The resolution is reviewed once per six-month period.",
        ),
    ]

    @api.constrains("date_due")
    def _check_date_due(self):
        check_dates(self, ["date_due"])

    @api.depends("period", "conference_id.name")
    def _compute_name(self):
        for review in self:
            env = review._agency_env()
            review.name = env._(
                "Review %(period)s of the resolution: %(conference)s",
                period=review.period,
                conference=review.conference_id.name or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews._danvan_schedule_office()
        return reviews

    def _danvan_schedule_office(self):
        """A to-do for the Office at the due date (DC-10)."""
        office = self.env.ref("danvan_base.group_danvan_office").sudo().users
        admins = self.env.ref("danvan_base.group_danvan_admin").sudo().users
        office = office.filtered(lambda user: user.active and not user.share)
        office = (office - admins) or office
        for review in self.sudo():
            env = review._agency_env()
            for user in office.filtered(
                lambda u, r=review: r.company_id in u.company_ids
            ):
                review.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=review.date_due,
                    summary=env._("Review the resolution and tell the staff"),
                    user_id=user.id,
                )

    def action_done(self):
        """Done: published to staff, and the next review is due six months
        later (DC-10)."""
        for review in self:
            if not review.assessment or not review.assessment.striptags().strip():
                raise UserError(
                    self.env._(
                        "Write the head's assessment of %(review)s before it is "
                        "published to staff.",
                        review=review.name,
                    )
                )
        self._transition("action_done", {"date_done": fields.Date.context_today(self)})
        Publication = self.env["danvan.publication"].sudo()
        for review in self.sudo():
            env = review._agency_env()
            review.publication_id = Publication._create_for(
                review,
                "danvan_democracy.danvan_publication_category_art46_12",
                {
                    "name": review.name,
                    "decision_date": review.date_done,
                    "content": review.assessment,
                    "document_ref": env._("Six-month review of the resolution"),
                },
            )
            review._danvan_activities_done("mail.mail_activity_data_todo")
        self.sudo()._danvan_next_review()
        return True

    def _danvan_next_review(self):
        for review in self:
            conference = review.conference_id
            later = conference.search_count(
                [
                    ("company_id", "=", conference.company_id.id),
                    ("state", "=", "done"),
                    ("work_year", ">", conference.work_year),
                ]
            )
            if later or self.search_count(
                [("conference_id", "=", conference.id), ("period", ">", review.period)]
            ):
                continue
            self.create(
                {
                    "conference_id": conference.id,
                    "period": review.period + 1,
                    "date_due": review.date_due + relativedelta(months=6),
                    "focal_employee_id": review.focal_employee_id.id,
                }
            )

    @api.model
    def _cron_schedule_reviews(self):
        """The first review of each conference held: six months after it."""
        conferences = self.env["danvan.conference"].search(
            [("state", "=", "done"), ("danvan_review_ids", "=", False)]
        )
        latest = {}
        for conference in self.env["danvan.conference"].search(
            [("state", "=", "done")]
        ):
            if conference.work_year > latest.get(conference.company_id, 0):
                latest[conference.company_id] = conference.work_year
        conferences = conferences.filtered(
            lambda c: c.work_year == latest.get(c.company_id)
        )
        self.create(
            [
                {
                    "conference_id": conference.id,
                    "period": 1,
                    "date_due": conference._danvan_review_start()
                    + relativedelta(months=6),
                }
                for conference in conferences
            ]
        )
