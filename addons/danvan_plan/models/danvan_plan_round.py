"""A report round: the 6-month, annual or ad hoc report of the plan's results.

The round asks every unit leading tasks in its period for its report, chases
the late ones, compiles the accepted unit reports into a draft the Office
edits, and once leadership approves, issues it with its number (VB-7).
"""

import re
from datetime import date

from lxml import html

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates

OFFICE = "danvan_base.group_danvan_office"
TRANSITIONS = {
    "action_open": ({"draft"}, "open", OFFICE),
    "action_compile": ({"open", "drafting"}, "drafting", OFFICE),
    "action_submit": ({"drafting"}, "submitted", OFFICE),
    "action_approve": ({"submitted"}, "issued", "danvan_base.group_danvan_leadership"),
    "action_back_to_drafting": ({"submitted"}, "drafting", OFFICE),
    "action_cancel": (
        {"draft", "open", "drafting", "submitted"},
        "cancelled",
        OFFICE,
    ),
}
# (month, day) of the default period and of the units' cut-off, by round type.
# DVK-7: the 6-month report is due in June, the annual one in November.
DEFAULT_DATES = {
    "half_year": ((1, 1), (6, 30), (6, 10)),
    "annual": ((1, 1), (12, 31), (11, 10)),
}
# What a draft holds until someone writes it: "[...]", a line of dots to fill
# in ("....../KH"), "xxx", and a paragraph of nothing but "..." or "…"; an
# ellipsis ending a real sentence ("và các hoạt động khác...") is none.
PLACEHOLDER_RE = re.compile(
    r"\[\s*(?:\.{2,}|…)\s*\]|\.{4,}|…{2,}|\bx{3,}\b", re.IGNORECASE
)
LONE_ELLIPSIS_RE = re.compile(r"^[\s.…:;-]*$")
BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6")


class DanvanPlanRound(models.Model):
    _name = "danvan.plan.round"
    _description = "Report Round"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.report.document.mixin",
        "danvan.waiting.mixin",
        "danvan.calendar.dates.mixin",
    ]
    _danvan_recipients_field = "danvan_round_recipients"
    # CAL-4: the cut-off set, rolled forward off a day off.
    _danvan_deadline_fields = {"date_cutoff": None}
    _transitions = TRANSITIONS
    # An issued report is archived, never deleted nor rewritten; its PDF is
    # stored when first printed.
    _locked_states = ("issued",)
    _deletable_states = ("draft", "cancelled")
    _danvan_locked_attach = True
    _order = "date_to desc, id desc"

    plan_id = fields.Many2one(
        "danvan.plan",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('state', 'in', ('approved', 'closed'))]",
    )
    year = fields.Integer(related="plan_id.year", store=True)
    round_type = fields.Selection(
        [
            ("half_year", "6-month report"),
            ("annual", "Annual report"),
            ("ad_hoc", "Ad hoc report"),
        ],
        string="Type",
        required=True,
        default="half_year",
        tracking=True,
    )
    date_from = fields.Date(
        string="Period From",
        compute="_compute_dates",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
    )
    date_to = fields.Date(
        string="Period To",
        compute="_compute_dates",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
    )
    date_cutoff_set = fields.Date(
        string="Cut-off Set For",
        compute="_compute_dates",
        store=True,
        precompute=True,
        readonly=False,
        copy=True,
        help="The day the units are asked to report by, as set.",
    )
    date_cutoff = fields.Date(
        string="Units Report By",
        compute="_compute_date_cutoff",
        inverse="_inverse_date_cutoff",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        help="The day the units' reports are due; a day off moves it to the next "
        "working day (Article 148 of the Civil Code 2015).",
    )
    reminder_interval = fields.Integer(
        string="Remind Every (working days)",
        default=2,
        help="Units that have not reported are reminded this many working days "
        "before the cut-off, then every this many working days once late.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Collecting"),
            ("drafting", "Drafting"),
            ("submitted", "Awaiting Approval"),
            ("issued", "Issued"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="draft",
        index=True,
        copy=False,
        tracking=True,
    )
    line_ids = fields.One2many(
        "danvan.plan.round.unit", "round_id", string="Units", copy=False
    )
    report_ids = fields.One2many(
        "danvan.plan.report", "round_id", string="Unit Reports", copy=False
    )
    unit_count = fields.Integer(string="Units Asked", compute="_compute_unit_counts")
    reported_count = fields.Integer(
        string="Units Reported", compute="_compute_unit_counts"
    )
    late_count = fields.Integer(string="Late Units", compute="_compute_unit_counts")
    body = fields.Html(
        string="Report Text",
        copy=False,
        help="Compiled from the accepted unit reports; the Office completes it.",
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "round_unique",
            "EXCLUDE USING btree (plan_id WITH =, round_type WITH =, date_from WITH =,"
            " date_to WITH =) WHERE (active AND state != 'cancelled')",
            "There is already a round of this type for this period.",
        ),
    ]

    @api.depends("round_type", "plan_id.year")
    def _compute_name(self):
        """A summary the Office may reword, e.g. for an ad hoc report."""
        for round_ in self:
            year = round_.plan_id.year
            env = round_._agency_env()
            if not year:
                round_.name = round_.name
            elif round_.round_type == "half_year":
                round_.name = env._(
                    "Results of mass mobilization work in the first 6 months of %s",
                    year,
                )
            elif round_.round_type == "annual":
                round_.name = env._("Results of mass mobilization work in %s", year)
            else:
                round_.name = env._("Mass mobilization work in %s", year)

    @api.depends("round_type", "plan_id.year")
    def _compute_dates(self):
        for round_ in self:
            dates = DEFAULT_DATES.get(round_.round_type)
            year = round_.plan_id.year
            if not dates or not year:
                round_.date_from = round_.date_from
                round_.date_to = round_.date_to
                round_.date_cutoff_set = round_.date_cutoff_set
                continue
            start, end, cutoff = (date(year, *month_day) for month_day in dates)
            round_.date_from = start
            round_.date_to = end
            round_.date_cutoff_set = cutoff

    @api.depends("date_cutoff_set")
    def _compute_date_cutoff(self):
        self._set_rolled_forward("date_cutoff", "date_cutoff_set")

    def _inverse_date_cutoff(self):
        """A cut-off the Office types is the day it sets."""
        for round_ in self:
            round_.date_cutoff_set = round_.date_cutoff

    def _deadline_recompute_domain(self, fname=None):
        return [("state", "in", ("draft", "open"))]

    @api.depends("line_ids.state", "line_ids.is_late")
    def _compute_unit_counts(self):
        for round_ in self:
            lines = round_.line_ids
            round_.unit_count = len(lines)
            round_.reported_count = len(
                lines.filtered(lambda line: line.state in ("reported", "accepted"))
            )
            round_.late_count = len(lines.filtered("is_late"))

    def _danvan_waiting_domain(self):
        """Leadership approves the submitted reports, the Office collects and
        drafts, a unit sends what the open rounds still ask of it."""
        user = self.env.user
        if user.has_group("danvan_base.group_danvan_leadership"):
            return [("state", "=", "submitted")]
        if user.has_group("danvan_base.group_danvan_office"):
            return [("state", "in", ("open", "drafting"))]
        return [
            ("state", "=", "open"),
            (
                "line_ids",
                "any",
                [
                    ("department_id.member_ids.user_id", "=", user.id),
                    ("state", "in", ("waiting", "partial")),
                ],
            ),
        ]

    @api.constrains("date_from", "date_to", "date_cutoff")
    def _check_dates(self):
        check_dates(self, ["date_from", "date_to", "date_cutoff"])
        for round_ in self:
            if round_.date_to < round_.date_from:
                raise ValidationError(
                    self.env._("The period of %s ends before it starts.", round_.name)
                )
            if round_.date_cutoff < round_.date_from:
                raise ValidationError(
                    self.env._(
                        "%(round)s: the units cannot be asked to report by "
                        "%(cutoff)s, before the period starts on %(start)s.",
                        round=round_.name,
                        cutoff=round_.date_cutoff.strftime("%d/%m/%Y"),
                        start=round_.date_from.strftime("%d/%m/%Y"),
                    )
                )

    @api.constrains("reminder_interval")
    def _check_reminder_interval(self):
        if any(round_.reminder_interval < 1 for round_ in self):
            raise ValidationError(
                self.env._("Reminders are sent at least one working day apart.")
            )

    # Workflow -------------------------------------------------------------

    def action_open(self):
        """Ask each unit leading tasks in the period for its report."""
        for round_ in self:
            if not round_._round_tasks():
                raise UserError(
                    self.env._(
                        "No unit has a task of %(plan)s in the period of %(round)s.",
                        plan=round_.plan_id.name,
                        round=round_.name,
                    )
                )
        self._transition("action_open")
        for round_ in self:
            round_._create_unit_lines()
        return True

    def action_compile(self):
        """Compile the accepted unit reports into the draft of the report."""
        if warning := self._warn_before("action_compile", check_text=False):
            return warning
        self._transition("action_compile")
        for round_ in self:
            round_.body = round_.with_env(round_._agency_env())._render_draft()
        return True

    def action_submit(self):
        if any(not round_.body for round_ in self):
            raise UserError(self.env._("Compile the report before submitting it."))
        if warning := self._warn_before("action_submit"):
            return warning
        self._transition("action_submit")
        for round_ in self:
            round_._danvan_ask_approval(
                round_._agency_env()._(
                    "Approve the report or send it back for drafting"
                )
            )
        return True

    def action_approve(self):
        """Leadership approves: the report takes its number and date (VB-7)."""
        if warning := self._warn_before("action_approve"):
            return warning
        today = fields.Date.context_today(self)
        for round_ in self:
            round_._transition(
                "action_approve",
                round_._issue_values(today),
            )
        self._danvan_approval_done()
        self.line_ids.activity_unlink(["danvan_plan.mail_activity_round_report"])
        return True

    def _warn_before(self, step, check_text=True):
        """From the buttons (context 'danvan_warn'): the warning that lists the
        units missing and the placeholders left, if any, before ``step``."""
        if not self.env.context.get("danvan_warn"):
            return None
        self.ensure_one()
        missing = self._missing_lines()
        placeholders = self._draft_placeholders() if check_text else []
        if not missing and not placeholders:
            return None
        wizard = self.env["danvan.plan.round.confirm"].create(
            {
                "round_id": self.id,
                "step": step,
                "missing_unit_ids": [fields.Command.set(missing.department_id.ids)],
                "placeholders": "\n".join(placeholders),
            }
        )
        return wizard._action_open()

    def _missing_lines(self):
        """The units that have not reported on every task of the round."""
        return self.line_ids.filtered(lambda line: line.state in ("waiting", "partial"))

    def _draft_placeholders(self):
        """The passages of the text still holding a placeholder, each with the
        heading or paragraph before it when the placeholder stands alone."""
        self.ensure_one()
        if not self.body:
            return []
        found, previous = [], ""
        for block in html.fromstring(f"<div>{self.body}</div>").iter(*BLOCKS):
            text = " ".join(block.text_content().split())
            lone = LONE_ELLIPSIS_RE.match(text) and ("..." in text or "…" in text)
            if not lone and not PLACEHOLDER_RE.search(text):
                previous = text or previous
                continue
            if (lone or not PLACEHOLDER_RE.sub("", text).strip(" .:;-")) and previous:
                text = f"{previous[:80]}: {text}"
            if text[:160] not in found:
                found.append(text[:160])
        return found

    def action_remind_late_units(self):
        """Remind now, by the cron's e-mail, the units that have not reported
        (the Office: the reminder is written on the round's unit lines)."""
        self.ensure_one()
        self.line_ids.check_access("write")
        if self.state != "open":
            raise UserError(
                self.env._("Units are reminded while the round collects their reports.")
            )
        lines = self._missing_lines()
        lines._send_reminder()
        if lines:
            message = self.env._(
                "A reminder was sent to %(count)s units: %(units)s.",
                count=len(lines),
                units=", ".join(lines.department_id.mapped("name")),
            )
        else:
            message = self.env._("Every unit has reported: no reminder was sent.")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "success" if lines else "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_back_to_drafting(self):
        self._transition("action_back_to_drafting")
        self._danvan_approval_done()
        return True

    def action_cancel(self):
        self._transition("action_cancel")
        self._danvan_approval_done()
        self.line_ids.activity_unlink(["danvan_plan.mail_activity_round_report"])
        return True

    # Units ----------------------------------------------------------------

    def _round_tasks(self):
        """The plan's tasks that belong to the period: not cancelled, not 'on
        request', and not a one-off task due before the period starts."""
        self.ensure_one()
        return (
            self.env["danvan.plan.task"]
            .sudo()
            .search(
                [
                    ("plan_id", "=", self.plan_id.id),
                    ("state", "!=", "cancelled"),
                    ("recurrence", "!=", "on_request"),
                    "|",
                    ("date_deadline", "=", False),
                    ("date_deadline", ">=", self.date_from),
                ]
            )
        )

    def _create_unit_lines(self):
        """One line per lead unit; earlier reports of the period are taken in."""
        self.ensure_one()
        tasks = self._round_tasks()
        Line = self.env["danvan.plan.round.unit"].sudo()
        lines = Line.create(
            [
                {
                    "round_id": self.id,
                    "department_id": unit.id,
                    "task_ids": [
                        fields.Command.set(
                            tasks.filtered(
                                lambda t, u=unit: t.lead_department_id == u
                            ).ids
                        )
                    ],
                }
                for unit in tasks.lead_department_id
            ]
        )
        self._collect_earlier_reports(tasks)
        lines._request_report()

    def _collect_earlier_reports(self, tasks):
        """Reports sent during the period before the round opened count for it."""
        self.env["danvan.plan.report"].sudo().search(
            [
                ("task_id", "in", tasks.ids),
                ("round_id", "=", False),
                ("state", "in", ("submitted", "accepted")),
                *self._report_period_domain(),
            ]
        ).write({"round_id": self.id})

    def _report_period_domain(self):
        """The unit reports that lie in the round's period: their period, or
        without one the day they were sent, from the period's start (a late
        unit still answers the round). A quarter-3 report is no part of a
        6-month round."""
        self.ensure_one()
        return [
            "|",
            "&",
            "&",
            ("period_id", "!=", False),
            ("period_id.date_start", ">=", self.date_from),
            ("period_id.date_end", "<=", self.date_to),
            "&",
            ("period_id", "=", False),
            ("date_submitted", ">=", self.date_from),
        ]

    @api.model
    def _cron_chase_late_units(self):
        """Remind the units that have not reported (working days, CAL-5)."""
        today = fields.Date.context_today(self)
        calendar = self.env["danvan.holiday"]
        lines = self.env["danvan.plan.round.unit"].search(
            [("round_id.state", "=", "open"), ("state", "in", ("waiting", "partial"))]
        )
        for line in lines:
            round_ = line.round_id
            interval = round_.reminder_interval
            if today <= round_.date_cutoff:
                due_soon = (
                    not line.reminder_count
                    and calendar.count_working_days(today, round_.date_cutoff)
                    <= interval
                )
                if due_soon:
                    line._send_reminder()
            elif (
                not line.date_last_reminder
                or line.date_last_reminder <= round_.date_cutoff
                or calendar.count_working_days(line.date_last_reminder, today)
                >= interval
            ):
                line._send_reminder()

    # Consolidated report --------------------------------------------------

    def _render_draft(self):
        """The draft text: results by plan section, then the Office's parts."""
        self.ensure_one()
        reports = self.report_ids.filtered(lambda r: r.state == "accepted")
        by_task = reports.grouped("task_id")
        tasks = self.line_ids.task_ids.sorted(
            lambda t: (t.item_id.sequence, t.item_id.id, t.id)
        )
        sections = {}
        for task in tasks:
            sections.setdefault(task.item_id._section(), []).append(
                (task, by_task.get(task, reports.browse()))
            )
        return self.env["ir.qweb"]._render(
            "danvan_plan.danvan_plan_round_draft",
            {
                "opening": self._draft_opening(),
                "sections": sorted(
                    sections.items(), key=lambda pair: (pair[0].sequence, pair[0].id)
                ),
                # Plans write their headings in capitals; the report numbers
                # them again under its own 'I. RESULTS', in sentence case.
                "section_titles": {
                    section: section.name.capitalize()
                    if section.name.isupper()
                    else section.name
                    for section in sections
                },
                "tasks": tasks,
                "task_states": dict(
                    tasks._fields["state"]._description_selection(self.env)
                ),
            },
        )

    def _draft_opening(self):
        """The sentence citing the plan the report answers (VB-14)."""
        plan, company = self.plan_id, self.company_id
        values = {
            "plan": plan.name,
            "number": plan.number,
            "date": plan.date_issued and plan.date_issued.strftime("%d/%m/%Y"),
            "agency": company.danvan_agency_name or company.name,
            "start": self.date_from.strftime("%d/%m/%Y"),
            "end": self.date_to.strftime("%d/%m/%Y"),
        }
        if plan.number and plan.date_issued:
            return self.env._(
                "Implementing Plan No. %(number)s dated %(date)s on %(plan)s, "
                "%(agency)s reports the results from %(start)s to %(end)s as "
                "follows:",
                **values,
            )
        if plan.number:
            return self.env._(
                "Implementing Plan No. %(number)s on %(plan)s, %(agency)s reports "
                "the results from %(start)s to %(end)s as follows:",
                **values,
            )
        return self.env._(
            "Implementing the plan '%(plan)s', %(agency)s reports the results "
            "from %(start)s to %(end)s as follows:",
            **values,
        )

    def _render_docx(self):
        """(file name, bytes) of the report as a Word file, in the same layout."""
        self.ensure_one()
        name = (self.number or self.name).replace("/", "-")
        content = self.company_id._danvan_official_docx(
            self._document_values(), self.body or ""
        )
        return f"{name}.docx", content

    def action_print(self):
        return self.env.ref(
            "danvan_plan.action_report_danvan_plan_round"
        ).report_action(self)

    def action_download_docx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/danvan_plan/round/{self.id}/docx",
            "target": "download",
        }

    def action_open_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "danvan_plan.danvan_plan_round_unit_action"
        )
        action["domain"] = [("round_id", "=", self.id)]
        return action
