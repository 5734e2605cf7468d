from odoo import api, models


class DanvanMyWork(models.AbstractModel):
    _inherit = "danvan.my.work"

    @api.model
    def _my_work_blocks(self):
        """What is posted for staff and not read yet (DC-3), the consultations
        waiting for their opinion (DC-12), the motions open to their vote
        (DC-8), their staff conference (DC-6), the follow-ups of briefings
        (DC-18) and the board's recommendations to answer (DC-16); for the
        Office, the
        publications due or overdue and the requests for information to
        answer (DC-4)."""
        blocks = super()._my_work_blocks()
        user = self.env.user
        if not user.has_group("danvan_base.group_danvan_staff"):
            return blocks
        blocks.append(
            self._my_work_block(
                "publications_unread",
                "danvan.publication",
                [("state", "=", "posted"), ("is_read", "=", False)],
                sequence=50,
                title=self.env._("Posted for you, not read yet"),
                empty=self.env._("You have read everything posted for you."),
                date_field="date_start",
                order="date_start desc, id desc",
            )
        )
        blocks.append(
            self._my_work_block(
                "consultations_open",
                "danvan.consultation",
                [("state", "=", "open"), ("is_concerned", "=", True)],
                sequence=46,
                title=self.env._("Drafts open for your opinion"),
                empty=self.env._("No draft waits for your opinion."),
                date_field="date_close",
                order="date_close, id",
            )
        )
        blocks.append(
            self._my_work_block(
                "motions_to_vote",
                "danvan.conference.motion",
                [("can_vote", "=", True)],
                sequence=47,
                title=self.env._("Motions open to your vote"),
                empty=self.env._("No motion waits for your vote."),
            )
        )
        blocks.append(self.env["danvan.conference"]._my_work_conference_block())
        blocks += self.env["danvan.briefing.conclusion"]._my_work_briefing_blocks()
        blocks += self.env["danvan.inspection.recommendation"]._my_work_board_blocks()
        if user.has_group("danvan_base.group_danvan_office"):
            blocks.append(
                self._my_work_block(
                    "publications_due",
                    "danvan.publication",
                    [("state", "=", "draft"), ("confidential", "=", False)],
                    sequence=51,
                    title=self.env._("Publications due"),
                    empty=self.env._("No decision waits to be made public."),
                    date_field="date_due",
                    order="date_due, id",
                )
            )
            blocks.append(
                self._my_work_block(
                    "information_requests",
                    "danvan.information.request",
                    [("state", "=", "submitted")],
                    sequence=52,
                    title=self.env._("Requests for information to answer"),
                    empty=self.env._("No request for information waits."),
                    date_field="date_due",
                    order="date_due, id",
                )
            )
        return blocks
