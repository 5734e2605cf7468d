from odoo import api, fields, models


class DanvanPlanTaskPeriod(models.Model):
    """One dated period of a recurring task: a month, a quarter, a half-year."""

    _name = "danvan.plan.task.period"
    _description = "Plan Task Period"
    _inherit = ["danvan.calendar.dates.mixin"]
    # CAL-4: the last day of the period rolled forward off a day off.
    _danvan_deadline_fields = {"date_due": None}
    _order = "task_id, date_start"

    task_id = fields.Many2one(
        "danvan.plan.task", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="task_id.company_id", store=True, index=True)
    name = fields.Char(compute="_compute_name", store=True)
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(string="To", required=True)
    date_due = fields.Date(
        string="Due",
        compute="_compute_date_due",
        store=True,
        help="The last day of the period, or the next working day "
        "(Article 148 of the Civil Code 2015).",
    )
    reported = fields.Boolean(help="Set once a report on this period is accepted.")
    lead_department_id = fields.Many2one(
        related="task_id.lead_department_id", store=True
    )

    _sql_constraints = [
        ("period_unique", "unique(task_id, date_start)", "A period cannot repeat."),
    ]

    def _deadline_recompute_domain(self, fname=None):
        """The periods not yet reported on, of the tasks still open."""
        return [
            ("reported", "=", False),
            ("task_id.state", "in", self.env["danvan.plan.task"]._open_states()),
        ]

    @api.depends("date_start", "date_end")
    def _compute_name(self):
        """Stored once for every reader: worded in the agency's language."""
        for period in self:
            company = period.task_id.company_id or self.env.company
            env = period.with_context(lang=company._danvan_lang()).env
            start, end = period.date_start, period.date_end
            months = (end.year - start.year) * 12 + end.month - start.month + 1
            if months == 1:
                period.name = env._(
                    "Month %(month)s/%(year)s", month=start.month, year=start.year
                )
            elif months == 3:
                period.name = env._(
                    "Quarter %(quarter)s/%(year)s",
                    quarter=(start.month - 1) // 3 + 1,
                    year=start.year,
                )
            elif months == 6:
                period.name = (
                    env._("First half of %s", start.year)
                    if start.month == 1
                    else env._("Second half of %s", start.year)
                )
            else:
                period.name = env._("Year %s", start.year)

    @api.depends("date_end")
    def _compute_date_due(self):
        self._set_rolled_forward("date_due", "date_end")
