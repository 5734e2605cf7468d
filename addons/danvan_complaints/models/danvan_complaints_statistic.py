"""Petition handling for pivot and graph (BC-1): one row per petition of the
register, with the complaint or denunciation case it became, if any.

The on-time rates are averages of 0/100 columns left empty while a petition or
a case is not yet due: PostgreSQL's AVG leaves empty values out. No column
holds anything of the sender (TC-13): the rows are only counted.
"""

from odoo import fields, models, tools
from odoo.tools import SQL

# The two kinds of case, by the kind's key in the view.
CASE_MODELS = {"complaint": "danvan.complaint", "denunciation": "danvan.denunciation"}


def _selection_of(model, name):
    """The values of the source model's own field, with its translated labels."""
    return lambda self: self.env[model]._fields[name]._description_selection(self.env)


def _case_states(self):
    """The states of both kinds of case, from their own fields; a state the
    two name differently (decided, concluded) shows both names."""
    labels = {}
    for model in CASE_MODELS.values():
        field = self.env[model]._fields["state"]
        for value, label in field._description_selection(self.env):
            names = labels.setdefault(value, [])
            if label not in names:
                names.append(label)
    return [(value, " / ".join(names)) for value, names in labels.items()]


class DanvanComplaintsStatistic(models.Model):
    _name = "danvan.complaints.statistic"
    _description = "Petition Handling Statistics"
    _auto = False
    _order = "date_received desc, id desc"
    _rec_name = "petition_id"
    _depends = {
        "danvan.petition": [
            "active",
            "company_id",
            "date_deadline",
            "date_processed",
            "date_received",
            "department_id",
            "handler_id",
            "outcome",
            "petition_type",
            "qualified",
            "source",
            "state",
        ],
        "danvan.complaint": [
            "active",
            "conclusion",
            "date_accepted",
            "date_deadline",
            "date_settled",
            "petition_id",
            "state",
        ],
        "danvan.denunciation": [
            "active",
            "conclusion",
            "date_accepted",
            "date_deadline",
            "date_settled",
            "petition_id",
            "state",
        ],
    }

    petition_id = fields.Many2one("danvan.petition", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_received = fields.Date(string="Received On", readonly=True)
    source = fields.Selection(_selection_of("danvan.petition", "source"), readonly=True)
    petition_type = fields.Selection(
        _selection_of("danvan.petition", "petition_type"),
        string="Content Type",
        readonly=True,
    )
    qualified = fields.Selection(
        _selection_of("danvan.petition", "qualified"),
        string="Conditions",
        readonly=True,
    )
    outcome = fields.Selection(
        _selection_of("danvan.petition", "outcome"), readonly=True
    )
    state = fields.Selection(
        _selection_of("danvan.petition", "state"), string="Status", readonly=True
    )
    handler_id = fields.Many2one("res.users", string="Handler", readonly=True)
    department_id = fields.Many2one(
        "hr.department", string="Handling Unit", readonly=True
    )
    date_deadline = fields.Date(string="Processing Deadline", readonly=True)
    date_processed = fields.Date(string="Processed On", readonly=True)
    processed_late = fields.Boolean(
        readonly=True, help="Processed after its deadline (Circular 05/2021/TT-TTCP)."
    )
    on_time = fields.Float(
        string="Processed On Time (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="100 when processed by its deadline, 0 when processed late or "
        "overdue; empty while not yet due.",
    )
    case_kind = fields.Selection(
        [("complaint", "Complaint case"), ("denunciation", "Denunciation case")],
        string="Case",
        readonly=True,
    )
    case_state = fields.Selection(_case_states, string="Case Status", readonly=True)
    case_conclusion = fields.Selection(
        _selection_of("danvan.complaint", "conclusion"),
        string="Found",
        readonly=True,
        help="Article 31 of the Law on Complaints 2011, Article 40 of the Law on "
        "Denunciations 2018.",
    )
    case_date_accepted = fields.Date(string="Case Accepted On", readonly=True)
    case_on_time = fields.Float(
        string="Case Settled On Time (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="100 when decided or concluded by its legal deadline (Article 28 of the "
        "Law on Complaints 2011, Article 30 of the Law on Denunciations 2018), "
        "0 when late or overdue; empty while not yet due.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %(table)s AS (
                SELECT p.id, p.id AS petition_id, p.company_id, p.date_received,
                       p.source, p.petition_type, p.qualified, p.outcome, p.state,
                       p.handler_id, p.department_id, p.date_deadline,
                       p.date_processed,
                       COALESCE(p.date_processed > p.date_deadline, FALSE)
                           AS processed_late,
                       CASE
                           WHEN p.date_processed IS NOT NULL
                               THEN CASE WHEN p.date_processed <= p.date_deadline
                                         THEN 100.0 ELSE 0.0 END
                           WHEN p.date_deadline < CURRENT_DATE THEN 0.0
                       END AS on_time,
                       cases.kind AS case_kind,
                       cases.state AS case_state,
                       cases.conclusion AS case_conclusion,
                       cases.date_accepted AS case_date_accepted,
                       CASE
                           WHEN cases.date_settled IS NOT NULL
                               THEN CASE WHEN cases.date_settled <= cases.date_deadline
                                         THEN 100.0 ELSE 0.0 END
                           WHEN cases.state IN ('accepted', 'suspended')
                                AND cases.date_deadline < CURRENT_DATE THEN 0.0
                       END AS case_on_time
                  FROM danvan_petition p
             LEFT JOIN LATERAL (
                    SELECT * FROM (%(cases)s) AS c ORDER BY id DESC LIMIT 1
                  ) AS cases ON TRUE
                 WHERE p.active
            )
            """,
                table=SQL.identifier(self._table),
                cases=SQL(" UNION ALL ").join(
                    SQL(
                        "SELECT id, petition_id, %s AS kind, state, conclusion, "
                        "date_accepted, date_deadline, date_settled "
                        "FROM %s WHERE active AND petition_id = p.id",
                        kind,
                        SQL.identifier(self.env[model]._table),
                    )
                    for kind, model in CASE_MODELS.items()
                ),
            )
        )
