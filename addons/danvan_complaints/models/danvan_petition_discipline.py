"""XLD-12: a petition left unprocessed 45 days after its receipt exposes the
leader to dismissal (Article 41(3)(b) of Decree 154/2026/NĐ-CP). The 45 days
are a row of the table of legal time limits, in calendar days ("ngày",
CAL-4, CAL-6), from the day the rule is in force: a petition received before
has no such date."""

from odoo import api, fields, models


class _WithDisciplineDate:
    """The stored dates of the petitions that follow the calendar and the
    time-limit table (CAL-8): those of the other extensions of the petition,
    and the discipline ceiling."""

    def __get__(self, record, cls):
        fields = super(DanvanPetition, cls)._danvan_deadline_fields
        return {**fields, "discipline_date": "date_received"}


class DanvanPetition(models.Model):
    _inherit = "danvan.petition"

    _danvan_deadline_fields = _WithDisciplineDate()

    discipline_date = fields.Date(
        string="Discipline Ceiling",
        compute="_compute_discipline_date",
        store=True,
        index=True,
        help="A petition still unprocessed after this day, without a valid reason, "
        "exposes the leader to dismissal (Article 41 of Decree 154/2026/NĐ-CP).",
    )
    discipline_overdue = fields.Boolean(
        string="Unprocessed Past the Ceiling",
        compute="_compute_discipline_overdue",
        search="_search_discipline_overdue",
    )
    discipline_flagged = fields.Boolean(
        string="Flagged to Leadership",
        readonly=True,
        copy=False,
        help="The head was given a to-do about this petition once it passed the "
        "ceiling.",
    )

    @api.depends("date_received")
    def _compute_discipline_date(self):
        Limit = self.env["danvan.time.limit"].with_context(danvan_limit_fallback=True)
        for petition in self:
            received = petition.date_received
            petition.discipline_date = received and Limit.compute_deadline(
                "petition_discipline", received
            )

    def _discipline_today(self):
        return fields.Date.context_today(self)

    @api.depends("discipline_date", "state")
    def _compute_discipline_overdue(self):
        today = self._discipline_today()
        for petition in self:
            petition.discipline_overdue = bool(
                petition.state != "processed"
                and petition.discipline_date
                and petition.discipline_date < today
            )

    def _search_discipline_overdue(self, operator, value):
        domain = [
            ("state", "!=", "processed"),
            ("discipline_date", "<", self._discipline_today()),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    @api.model
    def _discipline_heads(self, company):
        """Whoever answers for the agency's petitions: its head, else
        leadership."""
        return company.danvan_head_user_id or self._danvan_approvers()

    @api.model
    def _cron_flag_discipline(self):
        """Once per petition past the 45 days: a to-do for the head (XLD-12)."""
        petitions = self.sudo().search(
            [("discipline_overdue", "=", True), ("discipline_flagged", "=", False)],
            order="discipline_date, id",
        )
        for petition in petitions:
            agency = petition._agency_env()
            for user in self._discipline_heads(petition.company_id):
                petition.activity_schedule(
                    "danvan_complaints.mail_activity_danvan_discipline",
                    user_id=user.id,
                    summary=agency._(
                        "Unprocessed since %s: past the 45 days of Decree "
                        "154/2026/NĐ-CP",
                        petition.date_received.strftime("%d/%m/%Y"),
                    ),
                )
        petitions.write({"discipline_flagged": True})
        return True

    def action_process(self):
        """Once processed, the head's to-do about the 45 days is done."""
        result = super().action_process()
        flagged = self.filtered("discipline_flagged")
        if flagged:
            flagged._danvan_activities_done(
                "danvan_complaints.mail_activity_danvan_discipline"
            )
        return result
