"""A dialogue of a complaint case (KN-8): noticed in writing at least 5 days
before, held by the resolver (in person for a second-time complaint under
Decree 155/2026/NĐ-CP), recorded in minutes on Mẫu 14 with each party's
presence or absence, with or without a valid reason."""

from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import (
    check_date_order,
    check_dates,
    check_past_dates,
)

DIALOGUE_TRANSITIONS = {
    "action_notify": ({"planned"}, "noticed", False),
    "action_hold": ({"noticed"}, "held", False),
}


class DanvanComplaintDialogue(models.Model):
    _name = "danvan.complaint.dialogue"
    _description = "Complaint Dialogue"
    _inherit = ["mail.thread", "mail.activity.mixin", "danvan.workflow.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["complaint_id.number", "place"]
    _transitions = DIALOGUE_TRANSITIONS
    # The minutes of a dialogue held are kept as they were signed.
    _locked_states = ("held",)
    _deletable_states = ("planned",)

    complaint_id = fields.Many2one(
        "danvan.complaint",
        string="Complaint Case",
        required=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="complaint_id.company_id", store=True, index=True
    )
    resolution_round = fields.Selection(related="complaint_id.resolution_round")
    state = fields.Selection(
        [("planned", "Planned"), ("noticed", "Notice Sent"), ("held", "Held")],
        string="Status",
        required=True,
        default="planned",
        copy=False,
        tracking=True,
    )
    date = fields.Date(string="Dialogue Date", required=True, tracking=True)
    place = fields.Char(required=True, tracking=True)
    content = fields.Text(
        string="Content of the Dialogue",
        required=True,
        help="What the dialogue is about, as the notice states it.",
    )
    date_notice = fields.Date(
        string="Notice Sent On",
        tracking=True,
        help="The written notice of the time, place and content, sent to the "
        "parties at least 5 days before the dialogue under Decree 155/2026/NĐ-CP.",
    )
    notice_reference = fields.Char(string="Notice Number", tracking=True)
    earliest_date = fields.Date(
        string="Earliest Dialogue Date",
        compute="_compute_earliest_date",
        help="The first day the dialogue may be held after its notice.",
    )
    chair_id = fields.Many2one(
        "res.users",
        string="Held By",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
        default=lambda self: self._default_chair(),
        help="The resolver, or whom the resolver assigns; the head holds a "
        "second-time dialogue in person under Decree 155/2026/NĐ-CP.",
    )
    attendee_ids = fields.One2many(
        "danvan.complaint.dialogue.attendee", "dialogue_id", string="Participants"
    )
    opinions = fields.Text(
        string="Opinions of the Parties",
        help="What the complainant, the person complained about and the others said.",
    )
    result = fields.Text(string="Result of the Dialogue")
    minutes_attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_complaint_dialogue_attachment_rel",
        "dialogue_id",
        "attachment_id",
        string="Signed Minutes",
    )
    form_number = fields.Char(
        string="Form",
        compute="_compute_form_number",
        help="The form of the minutes under the regime of the dialogue's day.",
    )

    @api.model
    def _default_chair(self):
        complaint = self.env["danvan.complaint"].browse(
            self.env.context.get("default_complaint_id")
        )
        return complaint.resolver_id or self.env.user

    @api.depends("date_notice")
    def _compute_earliest_date(self):
        for dialogue in self:
            dialogue.earliest_date = dialogue._earliest_date()

    def _earliest_date(self):
        """The day after the notice period of the regime of the notice's day,
        or the notice's day itself when that regime has none (KN-8)."""
        if not self.date_notice:
            return False
        Limit = self.env["danvan.time.limit"]
        row = Limit._find_limit("complaint_dialogue_notice", self.date_notice)
        if not row:
            return self.date_notice
        duration, unit = row[3], row[4]
        if unit == "working_days":
            return self.env["danvan.holiday"].add_working_days(
                self.date_notice, duration
            )
        return self.date_notice + timedelta(days=duration)

    @api.depends("date")
    def _compute_form_number(self):
        for dialogue in self:
            form = False
            if dialogue.date:
                regime = (
                    self.env["danvan.legal.regime"].sudo()._regime_on(dialogue.date)
                )
                form = regime.form_ids.filtered(
                    lambda f: f.code == "complaint_dialogue_minutes"
                )[:1]
            dialogue.form_number = form.number if form else False

    @api.depends("complaint_id.number", "date")
    def _compute_display_name(self):
        for dialogue in self:
            dialogue.display_name = self.env._(
                "Dialogue %(case)s of %(date)s",
                case=dialogue.complaint_id.number or "",
                date=dialogue.date.strftime("%d/%m/%Y") if dialogue.date else "",
            )

    @api.constrains("date", "date_notice")
    def _check_dates(self):
        check_dates(self, ["date", "date_notice"])
        check_date_order(self, [("date_notice", "date")])
        for dialogue in self:
            check_past_dates(
                dialogue, ["date_notice"], dialogue.company_id._danvan_today()
            )
            case = dialogue.complaint_id
            if case.date_accepted and dialogue.date < case.date_accepted:
                raise ValidationError(
                    self.env._(
                        "%(dialogue)s: a dialogue is held after the acceptance of "
                        "the case (%(date)s).",
                        dialogue=dialogue.display_name,
                        date=case.date_accepted.strftime("%d/%m/%Y"),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        dialogues = super().create(vals_list)
        for dialogue in dialogues:
            case = dialogue.complaint_id
            if case.state != "accepted":
                raise UserError(
                    self.env._(
                        "%s: a dialogue is held while the case is being resolved.",
                        case.number,
                    )
                )
            if not dialogue.attendee_ids:
                dialogue.sudo().attendee_ids = dialogue._default_attendees()
        return dialogues

    def _default_attendees(self):
        """The complainants and the person complained about (KN-8)."""
        case = self.complaint_id.sudo()
        senders = case.petition_id.sender_ids - case.withdrawn_sender_ids
        commands = [
            Command.create({"name": sender.name, "role": "complainant"})
            for sender in senders
        ]
        if case.respondent:
            commands.append(
                Command.create({"name": case.respondent, "role": "respondent"})
            )
        return commands

    def _check_chair(self):
        """The head who resolves a second-time complaint holds its dialogue
        in person where the regime of its day says so (KN-8, KN-18)."""
        for dialogue in self:
            case = dialogue.complaint_id
            regime = case._danvan_regime_at(dialogue.date)
            if (
                case.resolution_round == "second"
                and regime.dialogue_head_in_person
                and case.resolver_id
                and dialogue.chair_id != case.resolver_id
            ):
                raise UserError(
                    self.env._(
                        "%(dialogue)s: the head who resolves a second-time complaint, "
                        "%(head)s, holds the dialogue in person (Article 28 of "
                        "Decree 124/2020/NĐ-CP as amended by Decree 155/2026/NĐ-CP).",
                        dialogue=dialogue.display_name,
                        head=case.resolver_id.name,
                    )
                )

    def action_notify(self):
        """The written notice of time, place and content, at least 5 days
        before the dialogue (KN-8); the chair gets a to-do for its day."""
        for dialogue in self:
            if not dialogue.date_notice or not dialogue.notice_reference:
                raise UserError(
                    self.env._(
                        "%s: give the number and the date of the written notice of "
                        "the dialogue.",
                        dialogue.display_name,
                    )
                )
            earliest = dialogue._earliest_date()
            if dialogue.date < earliest:
                raise UserError(
                    self.env._(
                        "%(dialogue)s: the parties are notified in writing at least "
                        "5 days before the dialogue (Article 28 of Decree "
                        "124/2020/NĐ-CP as amended by Decree 155/2026/NĐ-CP): with a "
                        "notice of %(notice)s, the dialogue is held on %(earliest)s "
                        "or later.",
                        dialogue=dialogue.display_name,
                        notice=dialogue.date_notice.strftime("%d/%m/%Y"),
                        earliest=earliest.strftime("%d/%m/%Y"),
                    )
                )
            dialogue._check_chair()
        for dialogue in self:
            dialogue._transition("action_notify")
            dialogue.complaint_id.sudo().dialogue_required = True
            dialogue.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=dialogue.date,
                summary=dialogue._agency_env()._(
                    "Hold the dialogue and sign the minutes"
                ),
                user_id=dialogue.chair_id.id,
            )
        return True

    def _attendance_outcome(self):
        """The complainants' attendance, as the case records it (KN-8): held
        when one came; else absent for a valid reason if one had it."""
        complainants = self.attendee_ids.filtered(
            lambda a: a.role in ("complainant", "representative")
        )
        if any(a.attendance == "present" for a in complainants):
            return "held"
        if any(a.attendance == "absent_excused" for a in complainants):
            return "absent_excused"
        return "absent"

    def action_hold(self):
        """The minutes are signed: each party present or absent, with or
        without a valid reason (KN-8, KN-14). The case keeps the outcome;
        an unexcused absence lets the decision go on where the regime of the
        dialogue's day says so."""
        for dialogue in self:
            if dialogue.date > dialogue.company_id._danvan_today():
                raise UserError(
                    self.env._(
                        "%s: the minutes are signed on or after the day of the "
                        "dialogue.",
                        dialogue.display_name,
                    )
                )
            dialogue._check_chair()
            complainants = dialogue.attendee_ids.filtered(
                lambda a: a.role in ("complainant", "representative")
            )
            if not complainants:
                raise UserError(
                    self.env._(
                        "%s: the minutes name the complainants or their "
                        "representatives.",
                        dialogue.display_name,
                    )
                )
            unmarked = dialogue.attendee_ids.filtered(lambda a: not a.attendance)
            if unmarked:
                raise UserError(
                    self.env._(
                        "%(dialogue)s: record whether %(names)s came.",
                        dialogue=dialogue.display_name,
                        names=", ".join(unmarked.mapped("name")),
                    )
                )
            unexplained = dialogue.attendee_ids.filtered(
                lambda a: a.attendance == "absent_excused"
                and not (a.absence_reason or "").strip()
            )
            if unexplained:
                raise UserError(
                    self.env._(
                        "%(dialogue)s: give the valid reason of the absence of "
                        "%(names)s (force majeure or an objective obstacle, Article "
                        "28a of Decree 124/2020/NĐ-CP as amended by Decree "
                        "155/2026/NĐ-CP).",
                        dialogue=dialogue.display_name,
                        names=", ".join(unexplained.mapped("name")),
                    )
                )
            if dialogue._attendance_outcome() == "held" and not dialogue.result:
                raise UserError(
                    self.env._(
                        "%s: write the result of the dialogue.", dialogue.display_name
                    )
                )
        for dialogue in self:
            dialogue._transition("action_hold")
            dialogue.complaint_id.sudo().write(
                {
                    "dialogue_required": True,
                    "dialogue_date": dialogue.date,
                    "dialogue_attendance": dialogue._attendance_outcome(),
                    "dialogue_result": dialogue.result,
                }
            )
            dialogue.complaint_id._log_event(
                "dialogue",
                dialogue.date,
                note=dialogue.complaint_id._fields[
                    "dialogue_attendance"
                ].convert_to_export(
                    dialogue._attendance_outcome(), dialogue.complaint_id
                ),
            )
            dialogue._danvan_activities_done("mail.mail_activity_data_todo")
        return True

    def action_print_minutes(self):
        return self.env.ref(
            "danvan_complaints.action_report_danvan_complaint_dialogue"
        ).report_action(self)
