"""The blocks of the plan app on the "My Work" screen."""

from odoo import api, fields, models

# A plan task is "due" once its deadline is within a working week.
TASK_DUE_WORKING_DAYS = 5


class DanvanMyWork(models.AbstractModel):
    _inherit = "danvan.my.work"

    @api.model
    def _my_work_blocks(self):
        """The unit's progress reports and tasks due; the reports to review
        for the Office."""
        blocks = super()._my_work_blocks()
        user = self.env.user
        units = user.employee_ids.department_id
        if user.has_group("danvan_base.group_danvan_office"):
            blocks.append(
                self._my_work_block(
                    "reports_to_review",
                    "danvan.plan.report",
                    [("state", "=", "submitted")],
                    sequence=20,
                    title=self.env._("Progress reports to review"),
                    empty=self.env._("No progress report waits for your review."),
                    date_field="date_submitted",
                    order="date_submitted, id",
                )
            )
        else:
            blocks.append(
                self._my_work_block(
                    "reports_to_send",
                    "danvan.plan.report",
                    [
                        ("state", "in", ["draft", "returned"]),
                        ("department_id", "in", units.ids),
                    ],
                    sequence=20,
                    title=self.env._("Progress reports to send"),
                    empty=self.env._("Your unit has no report left to send."),
                )
            )
        today = fields.Date.context_today(self)
        due = self.env["danvan.holiday"].add_working_days(today, TASK_DUE_WORKING_DAYS)
        blocks.append(
            self._my_work_block(
                "tasks_due",
                "danvan.plan.task",
                [
                    ("state", "in", self.env["danvan.plan.task"]._open_states()),
                    ("date_due", "<=", due),
                    "|",
                    ("lead_department_id", "in", units.ids),
                    ("cooperating_department_ids", "in", units.ids),
                ],
                sequence=30,
                title=self.env._("Tasks of your unit due or overdue"),
                empty=self.env._("No task of your unit is due in the coming week."),
                date_field="date_due",
                order="date_due, id",
            )
        )
        return blocks

    @api.model
    def _my_work_own_block_types(self):
        return super()._my_work_own_block_types() | self.env.ref(
            "danvan_plan.mail_activity_danvan_review"
        )
