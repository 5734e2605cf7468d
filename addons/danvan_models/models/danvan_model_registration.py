"""A unit's 'Dân vận khéo' model, from registration to recognition (DVK-6)."""

from statistics import mean, pstdev

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

from odoo.addons.danvan_base.tools.date_checks import check_dates

OFFICE = "danvan_base.group_danvan_office"
LEADERSHIP = "danvan_base.group_danvan_leadership"
TRANSITIONS = {
    "action_submit": (
        {"draft", "returned"},
        "submitted",
        "danvan_base.group_danvan_unit_head",
    ),
    "action_return": ({"submitted"}, "returned", OFFICE),
    "action_accept": ({"submitted"}, "accepted", OFFICE),
    "action_start_appraisal": ({"accepted"}, "appraisal", OFFICE),
    "action_close_appraisal": ({"appraisal"}, "appraised", OFFICE),
    "action_approve": ({"appraised"}, "implementing", LEADERSHIP),
    "action_reject": ({"appraised"}, "rejected", LEADERSHIP),
    "action_evaluate": ({"implementing"}, "evaluated", OFFICE),
    "action_recognize": ({"evaluated"}, "recognized", OFFICE),
}
# The parts of a registration the unit must fill in before submitting it.
MANDATORY_AT_SUBMISSION = (
    "situation",
    "objectives",
    "measurable_criteria",
    "content_methods",
    "scope_targets",
    "implementing_forces",
    "timeline",
    "outputs",
    "field_id",
    "leader_id",
)
# What the unit may still write once its registration is submitted: while
# the model is being implemented, its progress updates (checked on the
# update itself).
UNLOCKED_FIELDS = {"return_reason", "update_ids"}
# A registration resembles another from this trigram similarity of names.
SIMILARITY_THRESHOLD = 0.45


class DanvanModelRegistration(models.Model):
    _name = "danvan.model.registration"
    _description = "Dân vận khéo Model"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.attachment.mixin",
    ]
    _transitions = TRANSITIONS
    # A decided model is kept as decided; nothing is deleted once submitted.
    _locked_states = ("rejected", "recognized")
    _deletable_states = ("draft",)
    _order = "year desc, id desc"
    # The unit, people and tasks of the round's agency (issue 15, item 4); a
    # model replicated elsewhere is copied into the agency's own round.
    _check_company_auto = True

    # The trigram index serves the duplicate check's "%" operator.
    name = fields.Char(
        string="Model Name", required=True, tracking=True, index="trigram"
    )
    round_id = fields.Many2one(
        "danvan.model.round",
        string="Round",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('state', '=', 'open')]",
        tracking=True,
        default=lambda self: self.env["danvan.model.round"].search(
            [("state", "=", "open"), ("company_id", "=", self.env.company.id)],
            order="year desc",
            limit=1,
        ),
    )
    year = fields.Integer(related="round_id.year", store=True, index=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user.employee_ids[:1].department_id,
    )
    field_id = fields.Many2one(
        "danvan.model.field", string="Field", index=True, tracking=True
    )
    kind = fields.Selection(
        [("collective", "Collective"), ("individual", "Individual")],
        required=True,
        default="collective",
    )
    leader_id = fields.Many2one(
        "hr.employee", string="Leader", tracking=True, check_company=True
    )
    member_ids = fields.Many2many("hr.employee", string="Members", check_company=True)
    task_ids = fields.Many2many(
        "danvan.plan.task",
        string="Plan Tasks Served",
        domain="[('year', '=', year)]",
        check_company=True,
    )
    situation = fields.Html(string="Situation and Reason")
    objectives = fields.Html()
    measurable_criteria = fields.Html(
        help="How success is measured: figures and indicators."
    )
    content_methods = fields.Html(string="Content and Methods")
    scope_targets = fields.Html(string="Scope and Target Groups")
    implementing_forces = fields.Html()
    resources = fields.Html()
    timeline = fields.Html()
    outputs = fields.Html(string="Verifiable Outputs")
    sustainability = fields.Html(string="Sustainability and Replicability")
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("returned", "Returned"),
            ("accepted", "Accepted"),
            ("appraisal", "In Appraisal"),
            ("appraised", "Appraised"),
            ("implementing", "Implementing"),
            ("rejected", "Rejected"),
            ("evaluated", "Evaluated"),
            ("recognized", "Recognized"),
        ],
        string="Status",
        required=True,
        default="draft",
        index=True,
        copy=False,
        tracking=True,
    )
    return_reason = fields.Text(copy=False, tracking=True)
    reviewer_ids = fields.Many2many(
        "res.users",
        "danvan_model_registration_reviewer_rel",
        "registration_id",
        "user_id",
        string="Reviewers",
        domain=lambda self: self._reviewer_domain(),
        copy=False,
        tracking=True,
        check_company=True,
    )
    conflicted_user_ids = fields.Many2many(
        "res.users",
        string="Excluded Reviewers",
        compute="_compute_conflicted_user_ids",
        compute_sudo=True,
        help="The model's leader and the users of its unit: none may review it.",
    )
    score_ids = fields.One2many(
        "danvan.model.score", "registration_id", string="Scores", copy=False
    )
    scores_complete = fields.Boolean(
        compute="_compute_appraisal",
        store=True,
        help="Every reviewer has scored every criterion.",
    )
    appraisal_score = fields.Float(
        string="Average Score (/100)",
        compute="_compute_appraisal",
        store=True,
        digits=(5, 1),
        aggregator="avg",
    )
    appraisal_spread = fields.Float(
        string="Spread",
        compute="_compute_appraisal",
        store=True,
        digits=(5, 1),
        help="Standard deviation of the reviewers' totals, out of 100.",
    )
    update_ids = fields.One2many(
        "danvan.model.update", "registration_id", string="Progress Updates"
    )
    evaluation_score = fields.Float(
        string="Final Score (/100)", digits=(5, 1), copy=False, tracking=True
    )
    classification = fields.Selection(
        [
            ("excellent", "Excellent (xuất sắc)"),
            ("good", "Good (tốt)"),
            ("fair", "Fair (khá)"),
            ("fail", "Not Achieved (không đạt)"),
        ],
        compute="_compute_classification",
        store=True,
        index=True,
        tracking=True,
    )
    evaluation_note = fields.Html(string="Evaluation", copy=False)
    commendation_type = fields.Selection(
        [
            ("certificate_of_merit", "Giấy khen"),
            ("letter_of_commendation", "Bằng khen"),
        ],
        copy=False,
    )
    decision_number = fields.Char(copy=False, tracking=True)
    decision_date = fields.Date(copy=False, tracking=True)
    decision_signer = fields.Char(copy=False)
    origin_id = fields.Many2one(
        "danvan.model.registration",
        string="Replicated From",
        index=True,
        copy=False,
        check_company=True,
        help="The model this one replicates (nhân rộng).",
    )
    replica_ids = fields.One2many(
        "danvan.model.registration", "origin_id", string="Replications"
    )
    similar_ids = fields.Many2many(
        "danvan.model.registration",
        compute="_compute_similar_ids",
        string="Similar Models",
        help="Registrations of this year or earlier whose name is close to this one.",
    )
    company_id = fields.Many2one(related="round_id.company_id", store=True, index=True)
    active = fields.Boolean(default=True)

    # Computations ---------------------------------------------------------

    @api.depends(
        "reviewer_ids",
        "round_id.criterion_ids.weight",
        "round_id.criterion_ids.max_score",
        "score_ids.score",
    )
    def _compute_appraisal(self):
        for registration in self:
            totals = registration._reviewer_totals()
            criteria = registration.round_id.criterion_ids
            expected = len(registration.reviewer_ids) * len(criteria)
            registration.scores_complete = bool(expected) and (
                len(registration.score_ids) >= expected
            )
            # Nothing shows before every sheet is in: a reviewer would read
            # the others' marks in the average.
            complete = registration.scores_complete and totals
            registration.appraisal_score = mean(totals.values()) if complete else 0.0
            registration.appraisal_spread = (
                pstdev(totals.values()) if complete and len(totals) > 1 else 0.0
            )

    def _reviewer_totals(self):
        """{reviewer: weighted total out of 100} of the complete score sheets."""
        self.ensure_one()
        criteria = self.round_id.criterion_ids
        total_weight = sum(criteria.mapped("weight"))
        totals = {}
        for reviewer in self.reviewer_ids:
            scores = self.score_ids.filtered(lambda s, r=reviewer: s.reviewer_id == r)
            if total_weight and set(scores.criterion_id.ids) >= set(criteria.ids):
                totals[reviewer] = (
                    100
                    * sum(
                        s.criterion_id.weight * s.score / s.criterion_id.max_score
                        for s in scores
                    )
                    / total_weight
                )
        return totals

    @api.depends("evaluation_score", "state", "round_id.threshold_fair")
    def _compute_classification(self):
        for registration in self:
            registration.classification = (
                registration.round_id._classify(registration.evaluation_score)
                if registration.state in ("evaluated", "recognized")
                else False
            )

    def _classification_label(self):
        """The classification as the reader's language says it."""
        self.ensure_one()
        return self._fields["classification"].convert_to_export(
            self.classification, self
        )

    @api.depends("name")
    def _compute_similar_ids(self):
        """Up to 5 registrations whose name resembles this one, this year or
        earlier, by trigram similarity (the name's trigram index serves the %
        operator)."""
        self.flush_model(["name", "year", "active"])
        for registration in self:
            if not registration.name or not registration.id:
                registration.similar_ids = False
                continue
            name = registration.name
            # "%%%%" reaches PostgreSQL as pg_trgm's "%" operator: SQL() and
            # then the driver each halve it.
            self.env.cr.execute(
                SQL(
                    """
                    SELECT id FROM danvan_model_registration
                     WHERE name %%%% %s AND id != %s AND active AND year <= %s
                       AND similarity(name, %s) >= %s
                  ORDER BY similarity(name, %s) DESC
                     LIMIT 5
                    """,
                    name,
                    registration.id,
                    registration.year,
                    name,
                    SIMILARITY_THRESHOLD,
                    name,
                )
            )
            ids = [row[0] for row in self.env.cr.fetchall()]
            registration.similar_ids = self.search([("id", "in", ids)])

    @api.depends("leader_id.user_id", "department_id")
    def _compute_conflicted_user_ids(self):
        for registration in self:
            registration.conflicted_user_ids = (
                registration.leader_id.user_id
                | registration.department_id.member_ids.user_id
            )

    @api.model
    def _reviewer_domain(self):
        """The users offered as reviewers: Dân vận users of the agency, but not
        the accounts that hold the roles only as administrators (Odoo's admin,
        OdooBot), nor the model's leader or anyone of its unit."""
        staff = self.env.ref("danvan_base.group_danvan_staff")
        admin = self.env.ref("danvan_base.group_danvan_admin")
        return (
            f"[('share', '=', False), ('groups_id', 'in', {staff.id}), "
            f"('groups_id', 'not in', {admin.id}), "
            "('id', 'not in', conflicted_user_ids)]"
        )

    # Constraints ----------------------------------------------------------

    @api.constrains("reviewer_ids", "leader_id", "department_id")
    def _check_reviewers(self):
        """Reviewers are Dân vận users; nobody appraises a model he leads or
        one of his own unit."""
        for registration in self:
            reviewers = registration.reviewer_ids
            outsiders = reviewers.filtered(
                lambda user: user.share
                or not user.has_group("danvan_base.group_danvan_staff")
            )
            if outsiders:
                raise ValidationError(
                    self.env._(
                        "%s cannot review: the reviewers are Dân vận users of "
                        "the agency.",
                        ", ".join(outsiders.mapped("name")),
                    )
                )
            registration._check_no_conflict(reviewers)

    def _check_no_conflict(self, reviewers):
        self.ensure_one()
        conflicted = reviewers & self.conflicted_user_ids
        if conflicted:
            raise ValidationError(
                self.env._(
                    "%(users)s cannot review %(model)s: nobody appraises a model "
                    "he leads or one of his own unit.",
                    users=", ".join(conflicted.mapped("name")),
                    model=self.name,
                )
            )

    @api.constrains("decision_date")
    def _check_decision_date(self):
        check_dates(self, ["decision_date"])

    @api.constrains("evaluation_score")
    def _check_evaluation_score(self):
        for registration in self:
            if not 0 <= registration.evaluation_score <= 100:
                raise ValidationError(self.env._("The final score is out of 100."))

    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        registrations._check_round_open()
        return registrations

    def write(self, vals):
        """After submission the unit no longer edits its registration."""
        submitted = self.filtered(lambda r: r.state not in ("draft", "returned"))
        content = set(vals) - UNLOCKED_FIELDS - self._danvan_free_fields()
        if (
            submitted
            and content
            and not self.env.su
            and not self._danvan_gate_open()
            and not self.env.user.has_group("danvan_base.group_danvan_office")
        ):
            raise UserError(
                self.env._(
                    "A submitted registration is changed by the Office only; ask "
                    "it to return the registration to your unit."
                )
            )
        return super().write(vals)

    def _check_round_open(self):
        """Units register while the round is open; the Office may record a
        registration at any time (one received on paper, an earlier year's)."""
        if self.env.user.has_group("danvan_base.group_danvan_office"):
            return
        today = fields.Date.context_today(self)
        for registration in self:
            if not registration.round_id._is_registration_open(today):
                raise ValidationError(
                    self.env._(
                        "Registration for %(round)s closed on %(deadline)s. Ask the "
                        "Office to reopen the round.",
                        round=registration.round_id.name,
                        deadline=registration.round_id.date_deadline.strftime(
                            "%d/%m/%Y"
                        ),
                    )
                )

    # Workflow -------------------------------------------------------------

    def action_submit(self):
        """The unit head sends the registration to the Office."""
        self._check_round_open()
        for registration in self:
            missing = [
                registration._fields[name].get_description(self.env)["string"]
                for name in MANDATORY_AT_SUBMISSION
                if not registration[name]
                or (
                    registration._fields[name].type == "html"
                    and not registration[name].striptags().strip()
                )
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(model)s cannot be submitted yet. Fill in: %(missing)s.",
                        model=registration.name,
                        missing=", ".join(missing),
                    )
                )
        return self._transition("action_submit")

    def action_return(self):
        """Back to the unit for revision, with the reason."""
        if any(not r.return_reason for r in self):
            raise UserError(
                self.env._("Give the reason for returning the registration.")
            )
        return self._transition("action_return")

    def action_accept(self):
        """Into the round's consolidated list."""
        return self._transition("action_accept")

    def action_start_appraisal(self):
        if any(not r.reviewer_ids for r in self):
            raise UserError(self.env._("Choose the reviewers of the appraisal first."))
        self._transition("action_start_appraisal")
        for registration in self:
            summary = registration.round_id._agency_env()._(
                "Score this Dân vận khéo model"
            )
            for reviewer in registration.reviewer_ids:
                registration.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=summary,
                    user_id=reviewer.id,
                )
        return True

    def action_close_appraisal(self):
        """The Office closes the appraisal once every reviewer has scored."""
        incomplete = self.filtered(lambda r: not r.scores_complete)
        if incomplete:
            raise UserError(
                self.env._(
                    "%s: some reviewers have not scored every criterion yet.",
                    ", ".join(incomplete.mapped("name")),
                )
            )
        self._transition("action_close_appraisal")
        for registration in self:
            registration._danvan_ask_approval(
                registration.round_id._agency_env()._(
                    "Approve or reject this Dân vận khéo model"
                )
            )
        return True

    def action_approve(self):
        self._transition("action_approve")
        self._danvan_approval_done()
        return True

    def action_reject(self):
        self._transition("action_reject")
        self._danvan_approval_done()
        return True

    def action_evaluate(self):
        """Final evaluation: the Office's score gives the classification."""
        if any(not r.evaluation_score for r in self):
            raise UserError(
                self.env._("Give the final score before closing the evaluation.")
            )
        return self._transition("action_evaluate")

    def action_recognize(self):
        """The commendation: decision number, date and signer are required."""
        for registration in self:
            if not (
                registration.decision_number
                and registration.decision_date
                and registration.commendation_type
            ):
                raise UserError(
                    self.env._(
                        "%s: give the commendation, its decision number and date.",
                        registration.name,
                    )
                )
            if registration.classification == "fail":
                raise UserError(
                    self.env._("%s did not achieve its goals.", registration.name)
                )
        return self._transition("action_recognize")

    @api.model
    def _action_open_waiting(self):
        """The registrations, filtered on what waits for the user: those to
        review for the Office, to score for a reviewer, to approve for
        leadership; the current rounds when nothing waits."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "danvan_models.danvan_model_registration_action"
        )
        user = self.env.user
        leadership = user.has_group("danvan_base.group_danvan_leadership")
        roles = {
            "filter_to_review": user.has_group("danvan_base.group_danvan_office")
            and not leadership,
            "filter_to_score": True,
            "filter_to_approve": leadership,
        }
        # The domains are those of the search view's filters.
        search = etree.fromstring(
            self.env.ref("danvan_models.danvan_model_registration_view_search")
            .sudo()
            .arch
        )
        waiting = [
            name
            for name, role in roles.items()
            if role
            and self.search_count(
                safe_eval(
                    search.xpath(f"//filter[@name='{name}']")[0].get("domain"),
                    {"uid": user.id},
                ),
                limit=1,
            )
        ]
        action["context"] = {
            f"search_default_{name}": 1 for name in waiting or ["filter_current_rounds"]
        }
        return action

    @api.model
    def _demo_score(self, registration_ids, reviewer_ids, ratio):
        """Demo data: full score sheets of ``ratio`` of each maximum; the
        reviewers' to-dos are done."""
        registrations = self.browse(registration_ids)
        for reviewer_id in reviewer_ids:
            registrations.activity_feedback(
                ["mail.mail_activity_data_todo"], user_id=reviewer_id
            )
        self.env["danvan.model.score"].create(
            [
                {
                    "registration_id": registration.id,
                    "reviewer_id": reviewer_id,
                    "criterion_id": criterion.id,
                    "score": round(ratio * criterion.max_score, 1),
                }
                for registration in registrations
                for reviewer_id in reviewer_ids
                for criterion in registration.round_id.criterion_ids
            ]
        )

    def action_replicate(self, departments):
        """Copies of the model for other units, in the open round, linked to it
        (nhân rộng); each unit completes and submits its copy."""
        self.ensure_one()
        if self.state not in ("implementing", "evaluated", "recognized"):
            raise UserError(self.env._("Only an approved model can be replicated."))
        round_ = self.env["danvan.model.round"].search(
            [("state", "=", "open"), ("company_id", "=", self.company_id.id)],
            order="year desc",
            limit=1,
        )
        if not round_:
            raise UserError(
                self.env._("Open a registration round to replicate the model into.")
            )
        return self.create(
            [
                {
                    "name": self.name,
                    "origin_id": self.id,
                    "round_id": round_.id,
                    "department_id": unit.id,
                    "field_id": self.field_id.id,
                    "kind": self.kind,
                    "objectives": self.objectives,
                    "measurable_criteria": self.measurable_criteria,
                    "content_methods": self.content_methods,
                    "outputs": self.outputs,
                }
                for unit in departments
            ]
        )
