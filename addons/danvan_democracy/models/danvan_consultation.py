"""Consultation of staff on a draft (DC-11, DC-12, DC-21; Articles 53 to 55
of Luật 10/2022/QH15).

The head issues a plan: the draft (its versions and articles), who is asked,
by which channels, from when to when and who is responsible. Staff give
their opinions while it is open (``danvan.consultation.opinion``, append-only
and, where the plan allows it, anonymous: DC-22). Once closed, the Office
compiles the table of summary, explanation and acceptance
(``danvan.consultation.response``); leadership issues it as an official
document, published to staff as an Article 46.10 item (DC-12). For the
democracy rules, the union's opinion comes first (DC-12, Article 55.2).
"""

import base64
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.danvan_base.tools import date_checks
from odoo.addons.danvan_base.tools.recipients import recipient_lines

from .danvan_consultation_response import COMPILE_GATE, COMPILE_KEY

OFFICE = "danvan_base.group_danvan_office"
LEADERSHIP = "danvan_base.group_danvan_leadership"
UNION = "danvan_democracy.group_danvan_union"

TRANSITIONS = {
    "action_open": (("draft",), "open", OFFICE),
    # By the Office, or the daily cron once the closing day is past.
    "action_close": (("open",), "closed", OFFICE),
    "action_summarise": (("closed",), "summarised", OFFICE),
    "action_reopen_summary": (("summarised",), "closed", OFFICE),
    "action_issue": (("summarised",), "published", LEADERSHIP),
}

# DC-11: the items of Article 53 staff are consulted on, and DC-21 the drafts
# a higher level sends down.
SUBJECT_KINDS = [
    ("democracy_rules", "Democracy rules"),
    ("spending_rules", "Internal spending rules"),
    ("working_rules", "Working rules"),
    ("records_rules", "Records and archives rules"),
    ("annual_plan", "Annual work plan"),
    ("training_plan", "Recruitment and training plan"),
    ("staff_policy", "Policies on staff rights and interests"),
    ("other", "Other internal rules"),
    ("higher_draft", "Draft of a higher level"),
]

# The fields the union writes: its opinion (DC-12).
UNION_FIELDS = {"union_opinion"}
# The fields the workflow records, never typed (DC-22: results not forged).
RECORDED_FIELDS = {
    "union_opinion_date",
    "union_user_id",
    "number",
    "date_issued",
    "publication_id",
    "summary_attachment_id",
}


class DanvanConsultation(models.Model):
    _name = "danvan.consultation"
    _description = "Consultation of Staff on a Draft"
    _check_company_auto = True
    _inherit = [
        "danvan.workflow.mixin",
        "danvan.document.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_close desc, id desc"
    _transitions = TRANSITIONS
    _locked_states = ("published",)
    _deletable_states = ("draft",)
    _danvan_doc_type = "report"
    _danvan_body_template = "danvan_democracy.danvan_consultation_summary_body"
    _danvan_docx_route = "/danvan_democracy/consultation/%s/docx"

    name = fields.Char(
        string="Draft",
        required=True,
        tracking=True,
        help="The draft staff are consulted on, e.g. 'Dự thảo Quy chế chi tiêu "
        "nội bộ năm 2027'.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    subject_kind = fields.Selection(
        SUBJECT_KINDS,
        string="Subject of the Consultation",
        required=True,
        default="other",
        tracking=True,
        help="The item of Article 53 of the Law on Grassroots Democracy staff "
        "give their opinion on, or a draft sent by a higher level.",
    )
    content = fields.Html(
        string="Plan",
        help="The content, form and method of the consultation (Article 55).",
    )
    higher_deadline = fields.Date(
        string="Deadline of the Higher Level",
        tracking=True,
        help="For a draft of a higher level: the day by which it expects the "
        "agency's opinion. The consultation closes no later.",
    )
    version_ids = fields.One2many(
        "danvan.consultation.version", "consultation_id", string="Versions"
    )
    current_version_id = fields.Many2one(
        "danvan.consultation.version",
        string="Current Version",
        compute="_compute_current_version",
    )
    article_ids = fields.One2many(
        "danvan.consultation.article", "consultation_id", string="Articles"
    )
    audience = fields.Selection(
        [("all", "Whole agency"), ("units", "Some units")],
        required=True,
        default="all",
        tracking=True,
    )
    department_ids = fields.Many2many(
        "hr.department",
        "danvan_consultation_department_rel",
        "consultation_id",
        "department_id",
        string="Units",
        help="The units whose staff are consulted; their sub-units too.",
        check_company=True,
    )
    channel_ids = fields.Many2many(
        "danvan.publication.form",
        "danvan_consultation_channel_rel",
        "consultation_id",
        "form_id",
        string="Channels",
        help="How staff give their opinion: directly in the system, through "
        "the unit heads, at a meeting or the monthly briefing, on a written "
        "form, through the union (Article 54).",
    )
    date_open = fields.Date(
        string="Opens on",
        required=True,
        tracking=True,
        default=fields.Date.context_today,
    )
    date_close = fields.Date(string="Closes on", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        check_company=True,
    )
    allow_anonymous = fields.Boolean(
        string="Anonymous Opinions Allowed",
        tracking=True,
        help="Staff may give their opinion without their name being shown to "
        "the head or the Office; their identity is then protected as a "
        "denouncer's (Article 9 of the Law on Grassroots Democracy).",
    )
    state = fields.Selection(
        [
            ("draft", "Plan"),
            ("open", "Open for Opinions"),
            ("closed", "Closed"),
            ("summarised", "Summarised"),
            ("published", "Published"),
        ],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    opinion_ids = fields.One2many(
        "danvan.consultation.opinion", "consultation_id", string="Opinions"
    )
    opinion_count = fields.Integer(compute="_compute_opinion_count")
    response_ids = fields.One2many(
        "danvan.consultation.response",
        "consultation_id",
        string="Summary Table",
    )
    is_concerned = fields.Boolean(
        string="For Me",
        compute="_compute_is_concerned",
        search="_search_is_concerned",
        help="I am among the staff consulted.",
    )
    union_opinion = fields.Text(
        string="Opinion of the Union",
        tracking=True,
        copy=False,
        help="The union executive committee's opinion, required before the "
        "democracy rules are issued (Article 55 of the Law on Grassroots "
        "Democracy).",
    )
    union_opinion_date = fields.Date(
        string="Date of the Union's Opinion", readonly=True, copy=False
    )
    union_user_id = fields.Many2one(
        "res.users",
        string="Given by",
        readonly=True,
        copy=False,
        check_company=True,
    )
    can_give_union_opinion = fields.Boolean(compute="_compute_can_give_union_opinion")
    can_edit_plan = fields.Boolean(
        compute="_compute_can_edit_plan",
        default=lambda self: self.env.user.has_group(OFFICE),
    )
    recipients = fields.Text(
        default="- Như trên;\n- Ban Chấp hành Công đoàn;\n- Lưu: VT.",
        help="One recipient per line, printed under 'Nơi nhận' (Decree 30/2020).",
    )
    publication_id = fields.Many2one(
        "danvan.publication",
        string="Publication",
        readonly=True,
        copy=False,
        check_company=True,
    )
    summary_attachment_id = fields.Many2one(
        "ir.attachment", string="Issued Table", readonly=True, copy=False
    )

    @api.depends("version_ids.number")
    def _compute_current_version(self):
        for consultation in self:
            consultation.current_version_id = consultation.version_ids.sorted("number")[
                -1:
            ]

    def _compute_opinion_count(self):
        # Every opinion given, whoever reads: a count reveals nobody.
        counts = dict(
            self.env["danvan.consultation.opinion"]
            .sudo()
            ._read_group(
                [("consultation_id", "in", self.ids)], ["consultation_id"], ["__count"]
            )
        )
        for consultation in self:
            consultation.opinion_count = counts.get(consultation, 0)

    def _concerned_domain(self):
        """The consultations the current user is consulted on."""
        units = self.env.user.employee_ids.department_id
        return [
            ("state", "!=", "draft"),
            "|",
            ("audience", "=", "all"),
            ("department_ids", "parent_of", units.ids),
        ]

    @api.depends_context("uid")
    def _compute_is_concerned(self):
        mine = self.search([("id", "in", self.ids)] + self._concerned_domain())
        for consultation in self:
            consultation.is_concerned = consultation in mine

    def _search_is_concerned(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("This search is not supported."))
        domain = self._concerned_domain()
        if (operator == "=") != value:
            return ["!", *domain] if len(domain) == 1 else ["!", "&", *domain]
        return domain

    @api.depends_context("uid")
    def _compute_can_edit_plan(self):
        self.can_edit_plan = self.env.user.has_group(OFFICE)

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_give_union_opinion(self):
        union = self.env.user.has_group(UNION)
        for consultation in self:
            consultation.can_give_union_opinion = union and consultation.state in (
                "open",
                "closed",
                "summarised",
            )

    @api.constrains("date_open", "date_close", "higher_deadline")
    def _check_dates(self):
        date_checks.check_dates(self, ["date_open", "date_close", "higher_deadline"])
        date_checks.check_date_order(self, [("date_open", "date_close")])
        for consultation in self:
            if (
                consultation.higher_deadline
                and consultation.date_close > consultation.higher_deadline
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s must close by %(day)s, the deadline of the "
                        "higher level.",
                        name=consultation.name,
                        day=consultation.higher_deadline.strftime("%d/%m/%Y"),
                    )
                )

    @api.constrains("audience", "department_ids")
    def _check_audience(self):
        for consultation in self:
            if consultation.audience == "units" and not consultation.department_ids:
                raise ValidationError(
                    self.env._(
                        "Choose the units whose staff are consulted on %s.",
                        consultation.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._check_recorded_fields(vals)
                if vals.get("union_opinion"):
                    raise UserError(
                        self.env._(
                            "The union gives its opinion once the consultation "
                            "runs, not in its plan."
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_union_write(vals)
            self._check_recorded_fields(vals)
        if "union_opinion" in vals:
            # The union's opinion is written with its date and author, which
            # nobody types.
            vals = dict(
                vals,
                union_opinion_date=fields.Date.context_today(self),
                union_user_id=self.env.uid,
            )
        return super().write(vals)

    def _check_recorded_fields(self, vals):
        """What the workflow records (the issue's number and date, the
        publication, the union's author and date) is never typed, not even
        through RPC: only a transition, or the union's opinion, writes it."""
        recorded = vals.keys() & RECORDED_FIELDS
        if recorded and not self._danvan_gate_open():
            raise UserError(
                self.env._(
                    "%s is recorded by the workflow of the consultation: it "
                    "cannot be typed.",
                    ", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(recorded)
                    ),
                )
            )

    def _check_union_write(self, vals):
        """DC-12: the union's opinion is the union's, given before the summary
        is issued; a union member who is not of the Office writes nothing else."""
        union_keys = vals.keys() & UNION_FIELDS
        user = self.env.user
        if union_keys:
            if not user.has_group(UNION):
                raise AccessError(
                    self.env._(
                        "Only a member of the union executive committee records "
                        "the union's opinion."
                    )
                )
            late = self.filtered(lambda c: c.state in ("draft", "published"))
            if late:
                raise UserError(
                    self.env._(
                        "The union's opinion on %s is recorded while the "
                        "consultation runs and before its summary is issued.",
                        ", ".join(late.mapped("name")),
                    )
                )
        other = vals.keys() - UNION_FIELDS - self._danvan_free_fields()
        if other and not user.has_group(OFFICE):
            raise AccessError(
                self.env._("Only the Office changes the plan of a consultation.")
            )

    # The workflow (DC-12).

    def action_open(self):
        """Open the draft to staff's opinions and tell them."""
        for consultation in self:
            if not consultation.version_ids and not consultation.article_ids:
                raise UserError(
                    self.env._(
                        "Attach the draft or write its articles before opening "
                        "%s to staff's opinions.",
                        consultation.name,
                    )
                )
            if not consultation.channel_ids:
                raise UserError(
                    self.env._(
                        "Choose the channels by which staff give their opinion on %s.",
                        consultation.name,
                    )
                )
        self._transition("action_open")
        self._notify_audience()
        return True

    def _audience_employee_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.audience == "units":
            domain.append(("department_id", "child_of", self.department_ids.ids))
        return domain

    def _notify_audience(self):
        """A notification in the inbox of every member of staff consulted."""
        Employee = self.env["hr.employee"].sudo()
        for consultation in self.sudo():
            users = Employee.search(consultation._audience_employee_domain()).user_id
            partners = users.filtered(lambda u: u.active and not u.share).partner_id
            if not partners:
                continue
            env = consultation._agency_env()
            consultation.with_env(env).message_notify(
                partner_ids=partners.ids,
                subject=env._("Your opinion is asked on %s", consultation.name),
                body=env._(
                    "%(name)s is open for your opinion until %(day)s.",
                    name=consultation.name,
                    day=consultation.date_close.strftime("%d/%m/%Y"),
                ),
                email_layout_xmlid="mail.mail_notification_light",
            )

    def action_close(self):
        self._transition("action_close")
        self._schedule_compile()
        return True

    def _schedule_compile(self):
        """The responsible person compiles the opinions once it closes."""
        for consultation in self.sudo():
            env = consultation._agency_env()
            consultation.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=env._("Compile the summary table of the opinions"),
                user_id=consultation.user_id.id,
            )

    @api.model
    def _cron_close_expired(self):
        """Close what is past its closing day."""
        today = fields.Date.context_today(self)
        expired = self.search([("state", "=", "open"), ("date_close", "<", today)])
        if expired:
            expired._transition("action_close")
            expired._schedule_compile()

    def action_compile(self):
        """Compile the table from the opinions given: one line per article
        opinions were given on and one for the whole draft, each with its
        count and the gist of the opinions, never their authors (DC-22). A
        later compile refreshes counts and gists and keeps the decisions."""
        if not self.env.user.has_group(OFFICE):
            raise AccessError(self.env._("Only the Office compiles the summary."))
        not_closed = self.filtered(lambda c: c.state != "closed")
        if not_closed:
            raise UserError(
                self.env._(
                    "The summary of %s is compiled once the consultation is closed "
                    "and before the table is done.",
                    ", ".join(not_closed.mapped("name")),
                )
            )
        opinions = (
            self.env["danvan.consultation.opinion"]
            .sudo()
            .search(
                [("consultation_id", "in", self.ids), ("superseded", "=", False)],
                order="id",
            )
        )
        grouped = defaultdict(list)
        for opinion in opinions:
            grouped[opinion.consultation_id.id, opinion.article_id.id].append(
                opinion.content
            )
        Response = self.env["danvan.consultation.response"].with_context(
            **{COMPILE_KEY: COMPILE_GATE}
        )
        existing = {
            (line.consultation_id.id, line.article_id.id): line
            for line in self.response_ids
        }
        new = []
        for consultation in self:
            keys = [(consultation.id, False)] + [
                (consultation.id, article.id) for article in consultation.article_ids
            ]
            for sequence, key in enumerate(keys):
                contents = grouped.get(key, [])
                values = {
                    "opinion_count": len(contents),
                    "gist": "\n".join(f"- {text}" for text in contents),
                }
                if key in existing:
                    existing[key].with_context(**{COMPILE_KEY: COMPILE_GATE}).write(
                        values
                    )
                elif contents or not key[1]:
                    new.append(
                        dict(
                            values,
                            consultation_id=key[0],
                            article_id=key[1],
                            sequence=sequence,
                        )
                    )
        if new:
            Response.create(new)
        self._danvan_activities_done("mail.mail_activity_data_todo")
        return True

    def action_summarise(self):
        """The table is done: every line has the head's decision."""
        for consultation in self:
            if not consultation.response_ids:
                raise UserError(
                    self.env._(
                        "Compile the summary table of %s first.", consultation.name
                    )
                )
            undecided = consultation.response_ids.filtered(
                lambda r: not r.decision
                or (r.decision != "accepted" and not r.explanation)
            )
            if undecided:
                raise UserError(
                    self.env._(
                        "Give the decision on every line of the summary table of "
                        "%(name)s, with an explanation where an opinion is not or "
                        "only partly accepted: %(lines)s.",
                        name=consultation.name,
                        lines=", ".join(undecided.mapped("display_name")),
                    )
                )
        self._transition("action_summarise")
        self._danvan_ask_approval(
            self._agency_env()._("Issue the summary table of the opinions")
        )
        return True

    def action_reopen_summary(self):
        self._transition("action_reopen_summary")
        self._danvan_approval_cancel()
        return True

    def _check_union_opinion(self):
        """DC-12: the democracy rules are issued after the union's opinion."""
        missing = self.filtered(
            lambda c: c.subject_kind == "democracy_rules" and not c.union_opinion
        )
        if missing:
            raise UserError(
                self.env._(
                    "The union executive committee must give its opinion on %s "
                    "before the summary is issued (Article 55 of the Law on "
                    "Grassroots Democracy).",
                    ", ".join(missing.mapped("name")),
                )
            )

    def action_issue(self):
        """Leadership issues the table with its number; it is published to
        staff as an Article 46.10 item, with the PDF (DC-12, DC-3)."""
        self._check_union_opinion()
        not_ready = self.filtered(lambda c: c.state != "summarised")
        if not_ready:
            # The gate refuses with its message (a second click, a stale page).
            return not_ready._transition("action_issue")
        today = fields.Date.context_today(self)
        for consultation in self:
            consultation._transition("action_issue", consultation._issue_values(today))
        self._danvan_approval_done()
        for consultation in self:
            consultation._publish_summary()
        return True

    def _publish_summary(self):
        self.ensure_one()
        env = self._agency_env()
        pdf, _type = (
            self.env["ir.actions.report"]
            .sudo()
            .with_context(lang=env.lang)
            ._render_qweb_pdf(
                "danvan_democracy.action_report_danvan_consultation_summary", self.ids
            )
        )
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{self.number.replace('/', '-')}.pdf",
                    "datas": base64.b64encode(pdf),
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        publication = self.env["danvan.publication"]._create_for(
            self,
            "danvan_democracy.danvan_publication_category_art46_10",
            {
                "name": env._(
                    "Summary and explanation of the opinions on %s", self.name
                ),
                "document_ref": f"{self.number} ({self.name})",
                "decision_date": self.date_issued,
                "content": self._publication_content(),
                "audience": self.audience,
                "department_ids": [fields.Command.set(self.department_ids.ids)],
            },
        )
        publication_attachment = attachment.copy(
            {"res_model": publication._name, "res_id": publication.id}
        )
        publication.attachment_ids = [fields.Command.link(publication_attachment.id)]
        publication.action_publish()
        self.sudo().write(
            {"publication_id": publication.id, "summary_attachment_id": attachment.id}
        )

    def _publication_content(self):
        env = self._agency_env()
        return env._(
            "<p>The head's summary, explanation and acceptance of the %(count)s "
            "opinions of staff on %(name)s: see the attached table %(number)s.</p>",
            count=sum(self.response_ids.mapped("opinion_count")),
            name=self.name,
            number=self.number,
        )

    def action_open_publication(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "danvan.publication",
            "res_id": self.publication_id.id,
            "view_mode": "form",
        }

    def action_give_opinion(self):
        """The opinion form of this consultation, for the current user."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My Opinion"),
            "res_model": "danvan.consultation.opinion",
            "view_mode": "form",
            "target": "new",
            "context": {"default_consultation_id": self.id},
        }

    # The official document (Decree 30/2020).

    def _document_values(self):
        values = super()._document_values()
        values["doc_summary"] = self._agency_env()._(
            "Summary, explanation and acceptance of the opinions on %s", self.name
        )
        values["recipients"] = recipient_lines(self.recipients)
        return values

    def _summary_intro(self):
        """The opening sentence of the table, in the agency's language."""
        self.ensure_one()
        return self._agency_env()._(
            "Under Article 55 of the Law on Grassroots Democracy, %(agency)s "
            "consulted its staff on %(name)s from %(start)s to %(end)s. The "
            "opinions are summarised, explained and accepted as follows:",
            agency=self.company_id.name,
            name=self.name,
            start=self.date_open.strftime("%d/%m/%Y"),
            end=self.date_close.strftime("%d/%m/%Y"),
        )

    def _summary_lines(self):
        """The lines of the table as printed: the whole draft first, then the
        articles in their order."""
        return self.response_ids.sorted(lambda r: (bool(r.article_id), r.sequence))

    def _check_draft_editable(self, states=("draft",)):
        """The draft's articles change only while it is planned; a new
        version may still come while it is open (DC-12)."""
        if self.env.su:
            return
        kept = self.sudo().filtered(lambda c: c.state not in states)
        if kept:
            raise UserError(
                self.env._(
                    "The draft of %s is open to staff or closed: its articles and "
                    "versions are kept as staff read them.",
                    ", ".join(kept.mapped("name")),
                )
            )
