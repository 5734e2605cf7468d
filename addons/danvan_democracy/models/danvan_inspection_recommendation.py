"""A recommendation of the people's inspection board to the head (DC-16,
Article 63 of Luật 10/2022/QH15): the head answers within 15 days of
receiving it, a row of the table of legal time limits counted through the
calendar; leadership is warned before and alerted once it is missed."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.danvan_base.tools import decree30

BOARD_GROUP = "danvan_democracy.group_danvan_inspection_board"
LEADERSHIP_GROUP = "danvan_base.group_danvan_leadership"

TRANSITIONS = {
    "action_send": (("draft",), "sent", BOARD_GROUP),
    "action_answer": (("sent",), "answered", LEADERSHIP_GROUP),
}
# Decree 30/2020: the board's recommendation is issued as a document of its
# own type, numbered in the agency's yearly series of recommendations; the
# type joins the table of danvan_base's documents (tools/decree30.py).
decree30.DOC_TYPES.setdefault(
    "recommendation",
    decree30.DocType("KIẾN NGHỊ", "KN", "danvan.document.recommendation"),
)
# What leadership writes on a recommendation it received.
ANSWER_FIELDS = {"answer"}


class DanvanInspectionRecommendation(models.Model):
    _name = "danvan.inspection.recommendation"
    _description = "Recommendation of the People's Inspection Board"
    _check_company_auto = True
    _inherit = [
        "danvan.workflow.mixin",
        "danvan.deadline.mixin",
        "danvan.attachment.mixin",
        "danvan.document.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "state, date_deadline, id desc"
    _danvan_doc_type = "recommendation"
    _danvan_body_template = "danvan_democracy.danvan_inspection_recommendation_body"
    _danvan_docx_route = "/danvan_democracy/inspection_recommendation/%s/docx"
    _transitions = TRANSITIONS
    _locked_states = ("answered",)
    _deletable_states = ("draft",)
    # The printed copy of the sent document is kept with it (Decree 30/2020):
    # files are still added to it, never changed nor deleted.
    _danvan_locked_attach = True
    _danvan_deadline_field = "date_deadline"
    _danvan_deadline_fields = {"date_deadline": "date_sent"}

    name = fields.Char(string="Subject", required=True, tracking=True)
    board_id = fields.Many2one(
        "danvan.inspection.board",
        string="Board",
        required=True,
        index=True,
        default=lambda self: self.env["danvan.inspection"]._default_board(),
        domain="[('state', '=', 'recognised'), ('company_id', '=', company_id)]",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    inspection_id = fields.Many2one(
        "danvan.inspection",
        string="Inspection",
        index="btree_not_null",
        domain="[('board_id', '=', board_id)]",
        check_company=True,
    )
    content = fields.Html(string="Recommendation")
    date_sent = fields.Date(string="Sent on", readonly=True, copy=False)
    date_deadline = fields.Date(
        string="Answer Due by",
        compute="_compute_date_deadline",
        store=True,
        index=True,
        help="The head answers within 15 days of receiving the recommendation "
        "(Article 63 of the Law on Grassroots Democracy).",
    )
    answer = fields.Html(tracking=True)
    date_answer = fields.Date(string="Answered on", readonly=True, copy=False)
    answered_by_id = fields.Many2one(
        "res.users",
        string="Answered by",
        readonly=True,
        copy=False,
        check_company=True,
    )
    answered_late = fields.Boolean(compute="_compute_answered_late", store=True)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Waiting for the Answer"),
            ("answered", "Answered"),
        ],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_inspection_recommendation_attachment_rel",
        "recommendation_id",
        "attachment_id",
        string="Documents",
    )

    @api.depends("date_sent")
    def _compute_date_deadline(self):
        Limit = self.env["danvan.time.limit"]
        for recommendation in self:
            recommendation.date_deadline = recommendation.date_sent and (
                Limit.compute_deadline(
                    "dc_recommendation_answer", recommendation.date_sent
                )
            )

    @api.depends("date_answer", "date_deadline")
    def _compute_answered_late(self):
        for recommendation in self:
            recommendation.answered_late = bool(
                recommendation.date_answer
                and recommendation.date_deadline
                and recommendation.date_answer > recommendation.date_deadline
            )

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for recommendation in self:
            recommendation.is_overdue = bool(
                recommendation.state == "sent"
                and recommendation.date_deadline
                and recommendation.date_deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("This search is not supported."))
        today = fields.Date.context_today(self)
        domain = [("state", "=", "sent"), ("date_deadline", "<", today)]
        if (operator == "=") != bool(value):
            return ["!", "&", *domain]
        return domain

    @api.model_create_multi
    def create(self, vals_list):
        self.env["danvan.inspection.board"]._danvan_signer_defaults(self, vals_list)
        records = super().create(vals_list)
        records.board_id._danvan_check_active_board()
        return records

    def _document_values(self):
        """The recommendation, to the head, copied to the union (DC-16)."""
        values = super()._document_values()
        env = self._agency_env()
        values["recipients"] = [
            env._("- The head of the agency;"),
            env._("- The union executive committee;"),
        ]
        return values

    def write(self, vals):
        self.env["danvan.inspection.board"]._danvan_check_document_write(self, vals)
        # DC-16: the answer is the head's; once sent, the board's text stays.
        if not self.env.su and vals.keys() & ANSWER_FIELDS:
            if not self.env.user.has_group(LEADERSHIP_GROUP):
                raise AccessError(
                    self.env._(
                        "Only leadership answers the recommendations of the "
                        "people's inspection board."
                    )
                )
        board_fields = vals.keys() - ANSWER_FIELDS - self._danvan_free_fields()
        if (
            not self.env.su
            and not self._danvan_gate_open()
            and board_fields
            and not self.env.user.has_group(BOARD_GROUP)
        ):
            raise AccessError(
                self.env._(
                    "Only the people's inspection board writes its recommendations."
                )
            )
        if (
            not self.env.su
            and not self._danvan_gate_open()
            and board_fields
            and any(r.state == "sent" for r in self.sudo())
        ):
            raise UserError(
                self.env._(
                    "%(names)s was sent to the head: it can no longer be changed.",
                    names=", ".join(self.mapped("display_name")),
                )
            )
        return super().write(vals)

    def action_send(self):
        """The board sends the recommendation to the head: the 15 days start
        (DC-16) and leadership gets a to-do."""
        for recommendation in self:
            if (
                not recommendation.content
                or not recommendation.content.striptags().strip()
            ):
                raise UserError(
                    self.env._(
                        "Write the recommendation %(name)s before sending it.",
                        name=recommendation.name,
                    )
                )
        today = fields.Date.context_today(self)
        for recommendation in self:
            # Decree 30/2020: it takes its number when it is sent.
            recommendation._transition(
                "action_send",
                dict(recommendation.sudo()._issue_values(today), date_sent=today),
            )
        self._schedule_answer_todo()
        return True

    def _schedule_answer_todo(self):
        """A to-do for leadership: answer by the deadline (DC-16)."""
        for recommendation in self.sudo():
            env = recommendation._agency_env()
            for user in recommendation._danvan_approvers():
                recommendation.with_env(env).activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=recommendation.date_deadline,
                    summary=env._("Answer the recommendation of the inspection board"),
                    user_id=user.id,
                )

    def action_answer(self):
        """Leadership answers; the board is informed in the chatter."""
        if not self.env.su and not self.env.user.has_group(LEADERSHIP_GROUP):
            raise AccessError(
                self.env._(
                    "Only leadership answers the recommendations of the "
                    "people's inspection board."
                )
            )
        for recommendation in self:
            if (
                not recommendation.answer
                or not recommendation.answer.striptags().strip()
            ):
                raise UserError(
                    self.env._(
                        "Write the answer to %(name)s before sending it.",
                        name=recommendation.name,
                    )
                )
        self._transition(
            "action_answer",
            {
                "date_answer": fields.Date.context_today(self),
                "answered_by_id": self.env.uid,
            },
        )
        for recommendation in self:
            partners = recommendation.sudo().board_id.member_ids.user_id.partner_id
            recommendation.message_post(
                body=recommendation.answer,
                subject=self.env._("Answer to %s", recommendation.name),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=partners.ids,
            )
        self._danvan_activities_done("mail.mail_activity_data_todo")
        return True

    # DC-16: the answer is due within 15 days; leadership is warned.
    def _deadline_open_domain(self):
        return [("state", "=", "sent")]

    def _deadline_warned_users(self):
        return self._danvan_approvers()

    def _deadline_escalation_users(self):
        return self._danvan_approvers() | self.board_id._danvan_office_users()

    # ------------------------------------------------------------------
    # "My Work" (DC-16): the blocks danvan.my.work shows
    # ------------------------------------------------------------------

    @api.model
    def _my_work_board_blocks(self):
        """Leadership: the board's recommendations to answer, the first due
        first; a board member: the board's recommendations still waiting
        for the answer. Blocks in the shape of danvan.my.work's, searched
        as the user (an agency without a board has none)."""
        MyWork = self.env["danvan.my.work"]
        domain = [
            ("state", "=", "sent"),
            ("company_id.danvan_inspection_board", "=", True),
        ]
        blocks = []
        if self.env.user.has_group(LEADERSHIP_GROUP):
            blocks.append(
                MyWork._my_work_block(
                    "board_recommendations_to_answer",
                    self._name,
                    domain,
                    sequence=60,
                    title=self.env._(
                        "Recommendations of the inspection board to answer"
                    ),
                    empty=self.env._(
                        "No recommendation of the board waits for your answer."
                    ),
                    date_field="date_deadline",
                    order="date_deadline, id",
                )
            )
        if self.env.user.has_group(BOARD_GROUP):
            blocks.append(
                MyWork._my_work_block(
                    "board_recommendations_waiting",
                    self._name,
                    domain,
                    sequence=61,
                    title=self.env._(
                        "Recommendations of the board waiting for the answer"
                    ),
                    empty=self.env._(
                        "No recommendation of the board waits for the answer."
                    ),
                    date_field="date_deadline",
                    order="date_deadline, id",
                )
            )
        return [block for block in blocks if block]

    def action_print_document(self):
        """The document in the Decree 30/2020 layout (PDF)."""
        return self.env.ref(
            "danvan_democracy.action_report_danvan_inspection_recommendation"
        ).report_action(self)
