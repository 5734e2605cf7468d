from odoo import api, models


class DanvanMyWork(models.AbstractModel):
    _inherit = "danvan.my.work"

    @api.model
    def _my_work_blocks(self):
        """The models a reviewer has still to score (DVK-5), and the
        registrations the Office reviews or the unit head sends."""
        blocks = super()._my_work_blocks()
        user = self.env.user
        to_score = self._my_work_block(
            "models_to_score",
            "danvan.model.registration",
            [
                ("state", "=", "appraisal"),
                ("reviewer_ids", "in", user.id),
                ("score_ids", "not any", [("reviewer_id", "=", user.id)]),
            ],
            sequence=40,
            title=self.env._("Models to score"),
            empty=self.env._("No model waits for your score."),
        )
        # Only the users named reviewers of a model see the block.
        if to_score and to_score["count"]:
            blocks.append(to_score)
        if user.has_group("danvan_base.group_danvan_office"):
            blocks.append(
                self._my_work_block(
                    "registrations_to_review",
                    "danvan.model.registration",
                    [("state", "=", "submitted")],
                    sequence=45,
                    title=self.env._("Model registrations to review"),
                    empty=self.env._("No model registration waits for your review."),
                )
            )
        elif user.has_group("danvan_base.group_danvan_unit_head"):
            blocks.append(
                self._my_work_block(
                    "registrations_to_send",
                    "danvan.model.registration",
                    [
                        ("state", "in", ["draft", "returned"]),
                        ("department_id", "in", user.employee_ids.department_id.ids),
                    ],
                    sequence=45,
                    title=self.env._("Model registrations to send"),
                    empty=self.env._("Your unit has no model registration to send."),
                )
            )
        return blocks
