"""The yearly registration round of 'Dân vận khéo' models (DVK-6)."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools import decree30
from odoo.addons.danvan_base.tools.date_checks import check_dates
from odoo.addons.danvan_base.tools.recipients import recipient_lines

OFFICE = "danvan_base.group_danvan_office"
TRANSITIONS = {
    "action_open": ({"draft"}, "open", OFFICE),
    "action_close": ({"open"}, "closed", OFFICE),
    "action_reopen": ({"closed"}, "open", OFFICE),
    "action_done": ({"closed"}, "done", OFFICE),
}


class DanvanModelRound(models.Model):
    _name = "danvan.model.round"
    _description = "Dân vận khéo Registration Round"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.deadline.mixin",
    ]
    _transitions = TRANSITIONS
    # CAL-4: the deadline rolled forward off a day off; the units are
    # reminded before it (danvan.deadline.mixin).
    _danvan_deadline_fields = {"date_due": None}
    _danvan_deadline_field = "date_due"
    # A round done is the record of the year's registrations.
    _locked_states = ("done",)
    _deletable_states = ("draft",)
    _order = "year desc, id desc"
    # Each agency its rounds, of its own units (issue 15, item 4).
    _check_company_auto = True

    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    date_deadline = fields.Date(
        string="Registration Deadline", required=True, tracking=True
    )
    date_due = fields.Date(
        string="Registration Due",
        compute="_compute_date_due",
        store=True,
        help="The deadline, or the next working day after a day off "
        "(Article 148 of the Civil Code 2015).",
    )
    reminder_days = fields.Integer(
        string="Remind Before (working days)",
        default=3,
        help="Units that have not registered a model are reminded this many "
        "working days before the deadline.",
    )
    date_reminded = fields.Date(string="Reminded On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Open for Registration"),
            ("closed", "Registration Closed"),
            ("done", "Done"),
        ],
        string="Status",
        required=True,
        default="draft",
        index=True,
        copy=False,
        tracking=True,
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Units",
        check_company=True,
        default=lambda self: self._default_departments(),
        help="The units asked to register their models.",
    )
    criterion_ids = fields.One2many(
        "danvan.model.criterion",
        "round_id",
        string="Evaluation Criteria",
        copy=True,
        help="Copied from the default criteria when the round is saved without "
        "criteria of its own.",
    )
    registration_ids = fields.One2many(
        "danvan.model.registration", "round_id", string="Registrations"
    )
    registration_count = fields.Integer(compute="_compute_registration_count")
    threshold_excellent = fields.Float(
        string="Excellent From (%)", default=90.0, help="Xuất sắc"
    )
    threshold_good = fields.Float(string="Good From (%)", default=75.0, help="Tốt")
    threshold_fair = fields.Float(string="Fair From (%)", default=60.0, help="Khá")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "year_unique",
            "unique(company_id, year)",
            "There is already a registration round for this year.",
        ),
    ]

    def _default_departments(self):
        return self.env["hr.department"].search(
            [("company_id", "in", [False, self.env.company.id])]
        )

    @api.model_create_multi
    def create(self, vals_list):
        """A round without criteria of its own starts with the defaults."""
        rounds = super().create(vals_list)
        Criterion = self.env["danvan.model.criterion"]
        values = Criterion._round_values()
        Criterion.create(
            [
                dict(vals, round_id=round_.id)
                for round_ in rounds.filtered(lambda r: not r.criterion_ids)
                for vals in values
            ]
        )
        return rounds

    @api.depends("year", "company_id.danvan_lang")
    def _compute_name(self):
        """Stored once for every reader, in the agency's language."""
        for round_ in self:
            round_.name = round_._agency_env()._(
                "Dân vận khéo models registered in %s", round_.year
            )

    @api.depends("date_deadline")
    def _compute_date_due(self):
        self._set_rolled_forward("date_due", "date_deadline")

    def _deadline_recompute_domain(self, fname=None):
        """A closed round may be reopened: its due date keeps following."""
        return [("state", "in", ("draft", "open", "closed"))]

    def _deadline_open_domain(self):
        return [("state", "=", "open")]

    def _deadline_warning_days(self):
        return self.reminder_days

    def _deadline_warn_domain(self, today):
        """Each round reminds at its own distance; rounds are few."""
        return []

    def _compute_registration_count(self):
        counts = dict(
            self.env["danvan.model.registration"]._read_group(
                [("round_id", "in", self.ids)], ["round_id"], ["__count"]
            )
        )
        for round_ in self:
            round_.registration_count = counts.get(round_, 0)

    @api.constrains("year", "date_deadline")
    def _check_dates(self):
        check_dates(self, ["year", "date_deadline"])

    @api.constrains("threshold_excellent", "threshold_good", "threshold_fair")
    def _check_thresholds(self):
        for round_ in self:
            if not (
                0
                < round_.threshold_fair
                < round_.threshold_good
                < round_.threshold_excellent
                <= 100
            ):
                raise ValidationError(
                    self.env._(
                        "The thresholds must rise from 'fair' to 'good' to "
                        "'excellent', between 0 and 100."
                    )
                )

    def _classify(self, score):
        """Xuất sắc / tốt / khá / không đạt from a score out of 100."""
        self.ensure_one()
        if score >= self.threshold_excellent:
            return "excellent"
        if score >= self.threshold_good:
            return "good"
        if score >= self.threshold_fair:
            return "fair"
        return "fail"

    def _is_registration_open(self, day):
        self.ensure_one()
        return self.state == "open" and day <= self.date_due

    # Workflow -------------------------------------------------------------

    def action_open(self):
        """Open the round and ask the heads of the units to register."""
        for round_ in self:
            if not round_.criterion_ids:
                raise UserError(
                    self.env._("Give the round its evaluation criteria first.")
                )
        self._transition("action_open")
        for round_ in self:
            round_._notify_units(round_.department_ids, reminder=False)
        return True

    def action_close(self):
        """The heads' to-dos to register end with the registration."""
        self._transition("action_close")
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_reopen(self):
        """Let late units register: the deadline must lie ahead."""
        today = fields.Date.context_today(self)
        if any(round_.date_due < today for round_ in self):
            raise UserError(
                self.env._(
                    "Move the registration deadline to today or later before "
                    "reopening the round."
                )
            )
        return self._transition("action_reopen")

    def action_done(self):
        """The round's criteria keep their texts from now on."""
        self.criterion_ids._freeze_texts()
        return self._transition("action_done")

    def _notify_units(self, units, reminder):
        """A to-do for the unit heads and an e-mail (DVK-6, step 2)."""
        self.ensure_one()
        heads = units._danvan_unit_heads()
        if not heads:
            return
        summary = self._agency_env()._("Register your unit's Dân vận khéo models")
        for head in heads:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=self.date_due,
                summary=summary,
                user_id=head.id,
            )
        template = (
            "danvan_models.mail_template_model_round_reminder"
            if reminder
            else "danvan_models.mail_template_model_round_open"
        )
        # The opening goes to every follower; a reminder, as a note, only to
        # the heads of the units that have not registered.
        self.message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid="mail.mt_note" if reminder else "mail.mt_comment",
            partner_ids=heads.partner_id.ids,
        )

    def _units_without_registration(self):
        self.ensure_one()
        registered = self.registration_ids.filtered(
            lambda r: r.state != "draft"
        ).department_id
        return self.department_ids - registered

    @api.model
    def _cron_remind_units(self):
        """The name the cron of the databases calls (its record is kept from
        updates): the reminders are the deadline mixin's."""
        return self._cron_check_deadlines()

    def _deadline_warn(self):
        """Remind once the units that have not registered, N working days
        before the due date (DVK-6, CAL-5)."""
        for round_ in self:
            units = round_._units_without_registration()
            if units:
                round_._notify_units(units, reminder=True)
        self.write(
            {"deadline_warned": True, "date_reminded": fields.Date.context_today(self)}
        )

    def _deadline_escalate(self):
        """Registration ends with the round: no one is alerted once it is due."""
        self.write({"deadline_escalated": True})

    # Outputs --------------------------------------------------------------

    def _listed_registrations(self):
        """The consolidated list: every registration the Office accepted."""
        self.ensure_one()
        return self.registration_ids.filtered(
            lambda r: r.state not in ("draft", "submitted", "returned")
        ).sorted(lambda r: (r.department_id.name or "", r.id))

    def _output_values(self, kind):
        """Header and body of the 'list' or 'results' document of the round."""
        self.ensure_one()
        registrations = self._listed_registrations()
        if kind == "results":
            registrations = registrations.filtered(
                lambda r: r.state in ("evaluated", "recognized")
            )
            summary = self.env._(
                "Evaluation and classification of the Dân vận khéo models of %s",
                self.year,
            )
        else:
            summary = self.env._(
                "List of the Dân vận khéo models registered in %s", self.year
            )
        body = self.env["ir.qweb"]._render(
            "danvan_models.danvan_model_round_table",
            {
                "model_round": self,
                "headers": self._output_headers(kind),
                "rows": self._output_rows(kind, registrations),
            },
        )
        values = {
            "doc_type_code": decree30.DOC_TYPES["report"].code,
            "doc_type": decree30.DOC_TYPES["report"].name,
            "doc_summary": summary,
            "recipients": recipient_lines(
                self.company_id.danvan_model_round_recipients
            ),
        }
        return values, body, registrations

    def _output_labels(self):
        """Selection labels in the user's language, for the outputs."""
        Registration = self.env["danvan.model.registration"]
        return {
            name: dict(Registration._fields[name]._description_selection(self.env))
            for name in ("kind", "state", "classification")
        }

    def _output_headers(self, kind):
        headers = [
            self.env._("No."),
            self.env._("Model"),
            self.env._("Unit"),
            self.env._("Field"),
            self.env._("Collective or Individual"),
            self.env._("Leader"),
            self.env._("Appraisal Score"),
        ]
        if kind == "results":
            return headers + [self.env._("Final Score"), self.env._("Classification")]
        return headers + [self.env._("Status")]

    def _output_rows(self, kind, registrations):
        """The table of the document, one list of cells per registration."""
        labels = self._output_labels()
        rows = []
        for index, registration in enumerate(registrations, start=1):
            row = [
                index,
                registration.name,
                registration.department_id.name or "",
                registration.field_id.name or "",
                labels["kind"].get(registration.kind, ""),
                registration.leader_id.name or "",
                round(registration.appraisal_score, 1),
            ]
            if kind == "results":
                row += [
                    round(registration.evaluation_score, 1),
                    labels["classification"].get(registration.classification, ""),
                ]
            else:
                row.append(labels["state"].get(registration.state, ""))
            rows.append(row)
        return rows

    def action_download_file(self):
        """The list or results as Word or Excel; the button's context says
        which (danvan_kind: list or results, danvan_format: docx or xlsx)."""
        self.ensure_one()
        kind = self.env.context.get("danvan_kind", "list")
        fmt = self.env.context.get("danvan_format", "docx")
        return {
            "type": "ir.actions.act_url",
            "url": f"/danvan_models/round/{self.id}/{kind}.{fmt}",
            "target": "download",
        }

    def action_open_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "danvan_models.danvan_model_registration_action"
        )
        action["domain"] = [("round_id", "=", self.id)]
        action["context"] = {"default_round_id": self.id}
        return action
