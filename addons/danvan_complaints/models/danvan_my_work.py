from odoo import api, fields, models


class DanvanMyWork(models.AbstractModel):
    _inherit = "danvan.my.work"

    @api.model
    def _my_work_blocks(self):
        blocks = super()._my_work_blocks()
        if self.env.user.has_group("danvan_complaints.group_danvan_reception"):
            blocks += self._my_work_deadline_blocks()
        if self.env.user.has_group("danvan_base.group_danvan_leadership"):
            blocks.append(self._my_work_discipline_block())
        national = self._my_work_national_block()
        if national:
            blocks.append(national)
        return blocks

    @api.model
    def _my_work_deadline_blocks(self):
        """The reception officer's petitions and cases whose legal deadline
        is missed or comes within the warning days of the deadline cron."""
        blocks = []
        today = fields.Date.context_today(self)
        due = self.env["danvan.holiday"].add_working_days(
            today, self.env["danvan.petition"]._deadline_warning_days()
        )
        for sequence, key, model, title, empty in (
            (
                50,
                "petitions_due",
                "danvan.petition",
                self.env._("Petitions due"),
                self.env._("No petition of yours is due."),
            ),
            (
                51,
                "complaints_due",
                "danvan.complaint",
                self.env._("Complaint cases due"),
                self.env._("No complaint case of yours is due."),
            ),
            (
                52,
                "denunciations_due",
                "danvan.denunciation",
                self.env._("Denunciation cases due"),
                self.env._("No denunciation case of yours is due."),
            ),
        ):
            Model = self.env[model]
            blocks.append(
                self._my_work_block(
                    key,
                    model,
                    [
                        *Model._deadline_open_domain(),
                        ("handler_id", "=", self.env.uid),
                        ("date_deadline", "<=", due),
                    ],
                    sequence=sequence,
                    title=title,
                    empty=empty,
                    date_field="date_deadline",
                    order="date_deadline, id",
                )
            )
        return blocks

    @api.model
    def _my_work_discipline_block(self):
        """Leadership sees the petitions past the 45-day ceiling (XLD-12)."""
        return self._my_work_activity_block(
            "petitions_discipline",
            [("activity_type_id", "=", self._my_work_discipline_type().id)],
            sequence=12,
            title=self.env._("Petitions unprocessed after 45 days"),
            empty=self.env._("No petition is past 45 days unprocessed."),
        )

    @api.model
    def _my_work_own_block_types(self):
        return super()._my_work_own_block_types() | self._my_work_discipline_type()

    @api.model
    def _my_work_discipline_type(self):
        return self.env.ref("danvan_complaints.mail_activity_danvan_discipline")

    @api.model
    def _my_work_national_block(self):
        """NDB-4: the Office and the head see the entries of the national
        database not reported yet, the oldest first (none without access)."""
        return self._my_work_block(
            "national_to_report",
            "danvan.national.entry",
            [("state", "=", "to_report")],
            sequence=55,
            title=self.env._("To report to the national database"),
            empty=self.env._("Every entry has been reported to the national database."),
            date_field="date_due",
            order="date_due, id",
        )
