from odoo import api, fields, models


class DanvanMyWork(models.AbstractModel):
    _inherit = "danvan.my.work"

    @api.model
    def _my_work_blocks(self):
        """The reception officer's petitions and cases whose legal deadline
        is missed or comes within the warning days of the deadline cron."""
        blocks = super()._my_work_blocks()
        if not self.env.user.has_group("danvan_complaints.group_danvan_reception"):
            return blocks
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
