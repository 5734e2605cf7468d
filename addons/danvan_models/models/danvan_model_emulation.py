"""Emulation score per unit and year: model results plus plan completion.

score = Σ points of the unit's evaluated models by classification
        + task points × average progress of the unit's plan tasks / 100
The points are settings (ir.config_parameter), read by the view itself.
"""

from odoo import fields, models, tools
from odoo.tools import SQL

PARAMETERS = {
    "p_excellent": ("danvan_models.points_excellent", 10),
    "p_good": ("danvan_models.points_good", 7),
    "p_fair": ("danvan_models.points_fair", 4),
    "p_tasks": ("danvan_models.task_points", 20),
}


class DanvanModelEmulation(models.Model):
    _name = "danvan.model.emulation"
    _description = "Dân vận Emulation Score"
    _auto = False
    _order = "year desc, score desc"
    _rec_name = "department_id"

    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    model_count = fields.Integer(string="Evaluated Models", readonly=True)
    model_points = fields.Float(readonly=True, digits=(6, 1))
    task_progress = fields.Float(
        string="Plan Progress (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )
    task_points = fields.Float(readonly=True, digits=(6, 1))
    score = fields.Float(readonly=True, digits=(6, 1))

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        parameters = SQL(", ").join(
            SQL(
                "COALESCE((SELECT value FROM ir_config_parameter WHERE key = %s), "
                "%s)::numeric AS %s",
                key,
                str(default),
                SQL.identifier(alias),
            )
            for alias, (key, default) in PARAMETERS.items()
        )
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %(table)s AS (
                WITH params AS (SELECT %(parameters)s),
                models AS (
                    SELECT r.department_id, r.year, COUNT(*) AS model_count,
                           SUM(CASE r.classification
                                   WHEN 'excellent' THEN p.p_excellent
                                   WHEN 'good' THEN p.p_good
                                   WHEN 'fair' THEN p.p_fair
                                   ELSE 0 END) AS model_points
                      FROM danvan_model_registration r CROSS JOIN params p
                     WHERE r.active AND r.state IN ('evaluated', 'recognized')
                  GROUP BY r.department_id, r.year
                ),
                tasks AS (
                    SELECT lead_department_id AS department_id, year,
                           AVG(progress) AS task_progress
                      FROM danvan_plan_task
                     WHERE active AND state != 'cancelled'
                  GROUP BY lead_department_id, year
                )
                SELECT ROW_NUMBER() OVER (ORDER BY u.year, u.department_id) AS id,
                       u.department_id, d.company_id, u.year,
                       COALESCE(m.model_count, 0) AS model_count,
                       COALESCE(m.model_points, 0) AS model_points,
                       COALESCE(t.task_progress, 0) AS task_progress,
                       COALESCE(t.task_progress, 0) * p.p_tasks / 100 AS task_points,
                       COALESCE(m.model_points, 0)
                           + COALESCE(t.task_progress, 0) * p.p_tasks / 100 AS score
                  FROM (SELECT department_id, year FROM models
                        UNION SELECT department_id, year FROM tasks) u
             LEFT JOIN models m USING (department_id, year)
             LEFT JOIN tasks t USING (department_id, year)
             LEFT JOIN hr_department d ON d.id = u.department_id
            CROSS JOIN params p
            )
            """,
                table=SQL.identifier(self._table),
                parameters=parameters,
            )
        )
