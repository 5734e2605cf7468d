from odoo import api, models


class DanvanMyWork(models.AbstractModel):
    _inherit = "danvan.my.work"

    @api.model
    def _my_work_blocks(self):
        """NDB-4: the Office and the head see the entries of the national
        database not reported yet, the oldest first."""
        blocks = super()._my_work_blocks()
        block = self._my_work_block(
            "national_to_report",
            "danvan.national.entry",
            [("state", "=", "to_report")],
            sequence=55,
            title=self.env._("To report to the national database"),
            empty=self.env._("Every entry has been reported to the national database."),
            date_field="date_due",
            order="date_due, id",
        )
        if block:
            blocks.append(block)
        return blocks
