from odoo import api, models


class DanvanMyWork(models.AbstractModel):
    _inherit = "danvan.my.work"

    @api.model
    def _my_work_blocks(self):
        """Leadership sees the petitions past the 45-day ceiling (XLD-12)."""
        blocks = super()._my_work_blocks()
        if self.env.user.has_group("danvan_base.group_danvan_leadership"):
            blocks.append(
                self._my_work_activity_block(
                    "petitions_discipline",
                    [("activity_type_id", "=", self._my_work_discipline_type().id)],
                    sequence=12,
                    title=self.env._("Petitions unprocessed after 45 days"),
                    empty=self.env._("No petition is past 45 days unprocessed."),
                )
            )
        return blocks

    @api.model
    def _my_work_own_block_types(self):
        return super()._my_work_own_block_types() | self._my_work_discipline_type()

    @api.model
    def _my_work_discipline_type(self):
        return self.env.ref("danvan_complaints.mail_activity_danvan_discipline")
