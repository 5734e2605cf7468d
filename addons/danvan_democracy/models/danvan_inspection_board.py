"""The people's inspection board (Ban Thanh tra nhân dân; DC-15, Article 60
of Luật 10/2022/QH15, Article 21 of Nghị định 59/2023/NĐ-CP).

The staff conference elects it for a term of 2 years: 3 to 9 members (more
only in a special case), one chair, with 9 members or more at most 2 deputy
chairs; none where the agency has 7 staff or fewer; the head, the deputies
and the chief accountant may not sit on it. The union recognises the result
within 5 working days of the election (a row of the table of legal time
limits, counted through the calendar). Its members hold the role of the
board while it is recognised, and lose it when it ends.
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

BOARD_GROUP = "danvan_democracy.group_danvan_inspection_board"
UNION_GROUP = "danvan_democracy.group_danvan_union"

TRANSITIONS = {
    # DC-15: the union recognises the result of the election.
    "action_recognise": (("elected",), "recognised", UNION_GROUP),
    "action_expire": (("recognised",), "expired", "danvan_base.group_danvan_office"),
    # A newly recognised board replaces the one before (see action_recognise).
    "_replace": (("recognised",), "replaced", False),
    # The daily cron ends the boards whose term is over.
    "_expire": (("recognised",), "expired", False),
}

# DC-15: the size of a board, the staff below which none is formed.
MIN_MEMBERS, MAX_MEMBERS, MAX_DEPUTIES_LARGE = 3, 9, 2
MIN_HEADCOUNT = 8
TERM_YEARS = 2
# The Office and the union are warned this long before the term ends.
TERM_WARNING_WEEKS = 6


class DanvanInspectionBoard(models.Model):
    _name = "danvan.inspection.board"
    _description = "People's Inspection Board"
    _check_company_auto = True
    _inherit = [
        "danvan.workflow.mixin",
        "danvan.deadline.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_election desc, id desc"
    _transitions = TRANSITIONS
    _locked_states = ("recognised", "expired", "replaced")
    _deletable_states = ("elected",)
    _danvan_deadline_field = "date_recognition_due"
    _danvan_deadline_fields = {"date_recognition_due": "date_election"}

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    conference_id = fields.Many2one(
        "danvan.conference",
        string="Elected at",
        index="btree_not_null",
        tracking=True,
        help="The staff conference that elected the board.",
        check_company=True,
    )
    date_election = fields.Date(
        string="Election Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_term_end = fields.Date(
        string="Term Ends",
        compute="_compute_date_term_end",
        store=True,
        help="The term of the board is 2 years (Article 60 of the Law on "
        "Grassroots Democracy).",
    )
    date_recognition_due = fields.Date(
        string="Recognition Due by",
        compute="_compute_date_recognition_due",
        store=True,
        help="The union recognises the result of the election within 5 working "
        "days of it (Article 21 of Decree 59/2023).",
    )
    date_recognition = fields.Date(
        string="Recognised on", readonly=True, copy=False, tracking=True
    )
    recognised_by_id = fields.Many2one(
        "res.users",
        string="Recognised by",
        readonly=True,
        copy=False,
        check_company=True,
    )
    recognised_late = fields.Boolean(
        compute="_compute_recognised_late",
        store=True,
        help="Recognised after the 5 working days of Article 21 of Decree 59/2023.",
    )
    term_reminded = fields.Boolean(copy=False, readonly=True)
    term_ending = fields.Boolean(
        compute="_compute_term_ending",
        help="The term of the recognised board ends within 6 weeks, or is over.",
    )
    member_ids = fields.One2many(
        "danvan.inspection.board.member", "board_id", string="Members"
    )
    member_count = fields.Integer(compute="_compute_member_count")
    special_reason = fields.Text(
        string="Reason for More Members",
        tracking=True,
        help="The conference may elect more than 9 members in a special case: "
        "state it.",
    )
    state = fields.Selection(
        [
            ("elected", "Elected"),
            ("recognised", "Recognised"),
            ("expired", "Term Over"),
            ("replaced", "Replaced"),
        ],
        string="Status",
        required=True,
        default="elected",
        tracking=True,
        index=True,
    )
    inspection_ids = fields.One2many("danvan.inspection", "board_id")
    recommendation_ids = fields.One2many("danvan.inspection.recommendation", "board_id")

    @api.depends("date_election")
    def _compute_name(self):
        for board in self:
            env = board._agency_env()
            board.name = env._(
                "People's Inspection Board %(start)s-%(end)s",
                start=board.date_election and board.date_election.year,
                end=board.date_election and board.date_election.year + TERM_YEARS,
            )

    @api.depends("date_election")
    def _compute_date_term_end(self):
        for board in self:
            board.date_term_end = board.date_election and (
                board.date_election + relativedelta(years=TERM_YEARS)
            )

    @api.depends("date_election")
    def _compute_date_recognition_due(self):
        Limit = self.env["danvan.time.limit"]
        for board in self:
            board.date_recognition_due = board.date_election and (
                Limit.compute_deadline("dc_board_recognition", board.date_election)
            )

    @api.depends("state", "date_term_end")
    def _compute_term_ending(self):
        """DC-15: the term of 2 years; the form warns 6 weeks before its end,
        as the reminder of the daily job."""
        soon = fields.Date.context_today(self) + relativedelta(weeks=TERM_WARNING_WEEKS)
        for board in self:
            board.term_ending = bool(
                board.state == "recognised"
                and board.date_term_end
                and board.date_term_end <= soon
            )

    @api.depends("date_recognition", "date_recognition_due")
    def _compute_recognised_late(self):
        for board in self:
            board.recognised_late = bool(
                board.date_recognition
                and board.date_recognition_due
                and board.date_recognition > board.date_recognition_due
            )

    def _compute_member_count(self):
        for board in self:
            board.member_count = len(board.member_ids)

    # ------------------------------------------------------------------
    # DC-15: who may be on the board, and how many
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        companies = self.env["res.company"].browse(
            {vals.get("company_id") or self.env.company.id for vals in vals_list}
        )
        for company in companies:
            company._danvan_check_inspection_board()
        boards = super().create(vals_list)
        boards.filtered(lambda b: b.state == "elected")._schedule_recognition_todo()
        return boards

    def _schedule_recognition_todo(self):
        """A to-do for the union: recognise the election in time (DC-15)."""
        for board in self.sudo():
            env = board._agency_env()
            for user in board._danvan_union_users():
                board.with_env(env).activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=board.date_recognition_due,
                    summary=env._("Recognise the election of the inspection board"),
                    user_id=user.id,
                )

    @api.constrains("date_election")
    def _check_date_election(self):
        calendar = self.env["danvan.holiday"]
        for board in self:
            calendar._check_date(board.date_election)

    @api.constrains("member_ids", "special_reason", "company_id")
    def _check_composition(self):
        for board in self:
            env = board.env
            members = board.member_ids
            count = len(members)
            if count < MIN_MEMBERS or (
                count > MAX_MEMBERS and not (board.special_reason or "").strip()
            ):
                raise ValidationError(
                    env._(
                        "The people's inspection board has 3 to 9 members; it has "
                        "%(count)s. More are elected only in a special case whose "
                        "reason is stated (Article 60 of the Law on Grassroots "
                        "Democracy).",
                        count=count,
                    )
                )
            chairs = members.filtered(lambda m: m.role == "chair")
            if len(chairs) != 1:
                raise ValidationError(
                    env._(
                        "The people's inspection board has exactly one chair; it "
                        "has %(count)s.",
                        count=len(chairs),
                    )
                )
            deputies = members.filtered(lambda m: m.role == "deputy")
            if count >= MAX_MEMBERS and len(deputies) > MAX_DEPUTIES_LARGE:
                raise ValidationError(
                    env._(
                        "A people's inspection board of %(count)s members has at "
                        "most 2 deputy chairs (Article 21 of Decree 59/2023); it "
                        "has %(deputies)s.",
                        count=count,
                        deputies=len(deputies),
                    )
                )
            employees = members.employee_id
            if len(employees) != count:
                raise ValidationError(
                    env._("A staff member is elected once to the board.")
                )
            board.company_id._danvan_check_inspection_board()

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------

    def action_recognise(self):
        """The union recognises the result of the election (DC-15); the
        board it replaces ends, and its members take the role of the
        board."""
        today = fields.Date.context_today(self)
        for board in self:
            if board.date_election and board.date_election > today:
                raise UserError(
                    self.env._(
                        "%(board)s is elected on %(day)s: it is recognised after "
                        "its election.",
                        board=board.display_name,
                        day=board.date_election.strftime("%d/%m/%Y"),
                    )
                )
        self._transition(
            "action_recognise",
            {"date_recognition": today, "recognised_by_id": self.env.uid},
        )
        previous = (
            self.sudo()
            .search(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("state", "=", "recognised"),
                    ("id", "not in", self.ids),
                ]
            )
            .filtered(lambda b: any(b.date_election < n.date_election for n in self))
        )
        previous._replace()
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        self._danvan_sync_board_group()
        return True

    def action_expire(self):
        """The Office ends the term of the board (a new conference elected
        another, or the term is over)."""
        self._transition("action_expire")
        self._danvan_sync_board_group()
        return True

    def _replace(self):
        self._transition("_replace")
        self._danvan_sync_board_group()
        return True

    def _expire(self):
        self._transition("_expire")
        self._danvan_sync_board_group()
        return True

    def _danvan_sync_board_group(self):
        """The members of a recognised board hold the role of the board; the
        members of these boards that sit on no recognised board lose it."""
        users = self.sudo().member_ids.employee_id.user_id
        if not users:
            return
        sitting = (
            self.env["danvan.inspection.board.member"]
            .sudo()
            .search(
                [("user_id", "in", users.ids), ("board_id.state", "=", "recognised")]
            )
            .user_id
        )
        group = self.env.ref(BOARD_GROUP).sudo()
        commands = [(4, user.id) for user in sitting] + [
            (3, user.id) for user in users - sitting
        ]
        group.write({"users": commands})

    @api.model
    def _cron_end_terms(self):
        """End the boards whose term is over; remind the Office and the union
        some weeks before (DC-15)."""
        today = fields.Date.context_today(self)
        self.search(
            [("state", "=", "recognised"), ("date_term_end", "<", today)]
        )._expire()
        soon = self.search(
            [
                ("state", "=", "recognised"),
                ("term_reminded", "=", False),
                (
                    "date_term_end",
                    "<=",
                    today + relativedelta(weeks=TERM_WARNING_WEEKS),
                ),
            ]
        )
        for board in soon:
            env = board._agency_env()
            summary = env._(
                "The term of the people's inspection board ends on %(day)s: "
                "prepare the election of the next one at the staff conference.",
                day=board.date_term_end.strftime("%d/%m/%Y"),
            )
            for user in board._danvan_office_users() | board._danvan_union_users():
                board.with_env(env).activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=board.date_term_end,
                    summary=summary,
                    user_id=user.id,
                )
        soon.write({"term_reminded": True})

    def _danvan_union_users(self):
        """The union's executive committee of the board's agency."""
        return self._danvan_role_users(UNION_GROUP)

    # DC-15: the recognition is due within 5 working days; the union is warned.
    def _deadline_open_domain(self):
        return [("state", "=", "elected")]

    def _deadline_warned_users(self):
        return self._danvan_union_users()

    def _deadline_escalation_users(self):
        return self._danvan_union_users() | self._danvan_office_users()

    def _danvan_signer_values(self):
        """The signature of the board's documents: its chair, on behalf of
        the board (Decree 30/2020)."""
        board = self.sudo()[:1]
        env = (board or self)._agency_env()
        chair = board.member_ids.filtered(lambda m: m.role == "chair")[:1]
        return {
            "signer_authority": env._("ON BEHALF OF THE PEOPLE'S INSPECTION BOARD"),
            "signer_title": env._("CHAIR"),
            "signer_name": chair.employee_id.name or False,
        }

    @api.model
    def _danvan_board_company_defaults(self, vals_list):
        """A new document of a board is of the board's agency, and the board
        of a new document of an agency is that agency's recognised one: not
        those of the company the user works in (a user of two agencies may
        act on the other's)."""
        Inspection = self.env["danvan.inspection"]
        for vals in vals_list:
            if vals.get("board_id") and not vals.get("company_id"):
                vals["company_id"] = self.browse(vals["board_id"]).sudo().company_id.id
            elif vals.get("company_id") and "board_id" not in vals:
                company = self.env["res.company"].browse(vals["company_id"])
                board = Inspection._default_board(company)
                if board:
                    vals["board_id"] = board.id

    @api.model
    def _danvan_signer_defaults(self, records, vals_list):
        """Fill in the board's signature in ``vals_list`` of a new document
        of ``records``' model, where it is not given."""
        self._danvan_board_company_defaults(vals_list)
        for vals in vals_list:
            board = self.browse(vals.get("board_id")) or records._fields[
                "board_id"
            ].default(records)
            for key, value in board._danvan_signer_values().items():
                vals.setdefault(key, value)

    @api.model
    def _danvan_check_document_write(self, records, vals):
        """The number and date of a document of the board are given when it
        is sent (Decree 30/2020): nobody writes them by hand."""
        if (
            not self.env.su
            and not records._danvan_gate_open()
            and vals.keys() & {"number", "date_issued"}
        ):
            raise UserError(
                self.env._(
                    "The number and date of %(names)s are given when it is sent: "
                    "they are not written by hand.",
                    names=", ".join(records.sudo().mapped("display_name")),
                )
            )

    def _danvan_check_active_board(self):
        """Only a recognised board inspects and recommends (DC-16)."""
        for board in self.sudo():
            if board.state != "recognised":
                raise UserError(
                    self.env._(
                        "%(board)s is not a recognised board in its term: it "
                        "cannot inspect nor recommend.",
                        board=board.display_name,
                    )
                )
