"""What the units owe and when: one row per one-off task, one per period of a
recurring task, with the day its first accepted report was sent.

The on-time rate is the average of ``on_time`` over the rows that are
delivered or past due: the column is empty for a deliverable not yet due, and
PostgreSQL's AVG leaves empty values out.
"""

from odoo import fields, models, tools
from odoo.tools import SQL


class DanvanPlanDeliverable(models.Model):
    _name = "danvan.plan.deliverable"
    _description = "Plan Deliverable"
    _auto = False
    _order = "date_due desc, id desc"
    _rec_name = "task_id"

    task_id = fields.Many2one("danvan.plan.task", readonly=True)
    period_id = fields.Many2one("danvan.plan.task.period", readonly=True)
    plan_id = fields.Many2one("danvan.plan", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    section_id = fields.Many2one(
        "danvan.plan.item", string="Plan Section", readonly=True
    )
    lead_department_id = fields.Many2one(
        "hr.department", string="Lead Unit", readonly=True
    )
    date_due = fields.Date(string="Due", readonly=True)
    date_delivered = fields.Date(
        string="Delivered On",
        readonly=True,
        help="The day the first accepted report on it was submitted.",
    )
    is_delivered = fields.Boolean(string="Delivered", readonly=True)
    is_late = fields.Boolean(string="Late", readonly=True)
    on_time = fields.Float(
        string="On Time (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="100 when delivered by the due day, 0 when delivered late or "
        "overdue; empty while not yet due.",
    )
    delivered_rate = fields.Float(
        string="Delivered (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %(table)s AS (
                WITH rows AS (
                    SELECT t.id AS task_id, p.id AS period_id, t.plan_id,
                           t.company_id, t.year,
                           t.section_id, t.lead_department_id,
                           COALESCE(p.date_due, t.date_due) AS date_due,
                           (SELECT MIN(r.date_submitted)
                              FROM danvan_plan_report r
                             WHERE r.task_id = t.id AND r.state = 'accepted'
                               AND r.active
                               AND (p.id IS NULL OR r.period_id = p.id)
                           ) AS date_delivered
                      FROM danvan_plan_task t
                 LEFT JOIN danvan_plan_task_period p ON p.task_id = t.id
                     WHERE t.active AND t.state != 'cancelled'
                       AND (p.id IS NOT NULL OR t.date_due IS NOT NULL)
                )
                SELECT ROW_NUMBER() OVER (ORDER BY task_id, period_id) AS id,
                       rows.*,
                       date_delivered IS NOT NULL AS is_delivered,
                       date_delivered IS NULL AND date_due < CURRENT_DATE
                           AS is_late,
                       CASE
                           WHEN date_delivered IS NOT NULL
                               THEN CASE WHEN date_delivered <= date_due
                                         THEN 100.0 ELSE 0.0 END
                           WHEN date_due < CURRENT_DATE THEN 0.0
                       END AS on_time,
                       CASE WHEN date_delivered IS NOT NULL THEN 100.0 ELSE 0.0 END
                           AS delivered_rate
                  FROM rows
            )
            """,
                table=SQL.identifier(self._table),
            )
        )
