"""The Office's dashboard: where the plan's follow-up stands, at a glance."""

from odoo import api, fields, models

IN_PROGRESS = ["open", "drafting", "submitted"]
# Each block counts, and opens, the records of its domain. A unit that never
# reported stays late while its round is compiled and approved.
DOMAINS = {
    "overdue_tasks": [("is_overdue", "=", True)],
    "reports_to_review": [("state", "=", "submitted")],
    "late_units": [("is_late", "=", True), ("round_id.state", "in", IN_PROGRESS)],
    "open_rounds": [("state", "in", IN_PROGRESS)],
    "plans": [("state", "=", "approved")],
}
TOP_UNITS = 5
LIST_LIMIT = 10


class DanvanPlanDashboard(models.AbstractModel):
    _name = "danvan.plan.dashboard"
    _description = "Dân vận Dashboard"

    @api.model
    def get_dashboard_data(self):
        """The dashboard's figures, as far as the current user may see them.

        The number of queries does not grow with the data: counts and groups
        are computed by the database, and each list is one limited search.
        """
        Task = self.env["danvan.plan.task"]
        Line = self.env["danvan.plan.round.unit"]
        overdue_by_unit = Task._read_group(
            DOMAINS["overdue_tasks"],
            ["lead_department_id"],
            ["__count"],
            order="__count desc, lead_department_id",
            limit=TOP_UNITS,
        )
        late_lines = Line.search(
            DOMAINS["late_units"], order="date_cutoff, id", limit=LIST_LIMIT
        )
        rounds = self.env["danvan.plan.round"].search(
            DOMAINS["open_rounds"], order="date_cutoff, id", limit=LIST_LIMIT
        )
        # The names of the units of both lists, in one query; the rounds of
        # both lists in another.
        units = self.env["hr.department"].union(*(unit for unit, _ in overdue_by_unit))
        (units | late_lines.department_id).fetch(["display_name"])
        (rounds | late_lines.round_id).fetch(["display_name", "state", "date_cutoff"])
        return {
            "overdue_tasks": Task.search_count(DOMAINS["overdue_tasks"]),
            "overdue_by_unit": [
                {"unit_id": unit.id, "unit": unit.display_name, "count": count}
                for unit, count in overdue_by_unit
            ],
            "reports_to_review": self.env["danvan.plan.report"].search_count(
                DOMAINS["reports_to_review"]
            ),
            "late_unit_count": Line.search_count(DOMAINS["late_units"]),
            "late_units": [
                {
                    "line_id": line.id,
                    "unit": line.department_id.display_name,
                    "round": line.round_id.display_name,
                    "cutoff": fields.Date.to_string(line.date_cutoff),
                    "reported": line.reported_task_count,
                    "total": line.task_count,
                    "reminders": line.reminder_count,
                }
                for line in late_lines
            ],
            "open_rounds": self._open_rounds_data(rounds),
            "plans": [
                {
                    "id": plan.id,
                    "name": plan.name,
                    "year": plan.year,
                    "progress": round(plan.progress, 1),
                }
                for plan in self.env["danvan.plan"].search(
                    DOMAINS["plans"], limit=LIST_LIMIT
                )
            ],
            "domains": DOMAINS,
        }

    @api.model
    def _open_rounds_data(self, rounds):
        """The rounds in progress, with the units the user may see in them."""
        Round = self.env["danvan.plan.round"]
        Line = self.env["danvan.plan.round.unit"]
        units, reported = {}, {}
        for round_, state, count in Line._read_group(
            [("round_id", "in", rounds.ids)], ["round_id", "state"], ["__count"]
        ):
            units[round_] = units.get(round_, 0) + count
            if state in ("reported", "accepted"):
                reported[round_] = reported.get(round_, 0) + count
        late = dict(
            Line._read_group(
                [("round_id", "in", rounds.ids), *DOMAINS["late_units"]],
                ["round_id"],
                ["__count"],
            )
        )
        states = dict(Round._fields["state"]._description_selection(self.env))
        return [
            {
                "id": round_.id,
                "name": round_.display_name,
                "state": states[round_.state],
                "cutoff": fields.Date.to_string(round_.date_cutoff),
                "reported": reported.get(round_, 0),
                "units": units.get(round_, 0),
                "late": late.get(round_, 0),
            }
            for round_ in rounds
        ]
