"""The "My Work" screen: what waits for the current user, wherever it is."""

from odoo import api, fields, models

PREVIEW_LIMIT = 5


class DanvanMyWork(models.AbstractModel):
    """The blocks of the screen each role starts on.

    Each addon adds its own blocks by extending ``_my_work_blocks``. Every
    block is searched as the current user, so record rules decide what it
    counts, and costs the same few queries however many records it counts.
    """

    _name = "danvan.my.work"
    _description = "My Dân vận Work"

    @api.model
    def get_my_work(self):
        """The current user's blocks, in the order of their sequence."""
        blocks = [block for block in self._my_work_blocks() if block]
        return {"blocks": sorted(blocks, key=lambda block: block["sequence"])}

    @api.model
    def _my_work_blocks(self):
        """The approvals and the other to-dos; each addon appends its blocks."""
        blocks = []
        if self.env.user.has_group("danvan_base.group_danvan_leadership"):
            blocks.append(
                self._my_work_activity_block(
                    "approvals",
                    [("activity_type_id", "=", self._my_work_approval_type().id)],
                    sequence=10,
                    title=self.env._("Approvals waiting for you"),
                    empty=self.env._("Nothing waits for your approval."),
                )
            )
        blocks.append(
            self._my_work_activity_block(
                "todos",
                # The to-dos that have blocks of their own are not repeated.
                [("activity_type_id", "not in", self._my_work_own_block_types().ids)],
                sequence=90,
                title=self.env._("Your other to-dos"),
                empty=self.env._("You have no other to-do."),
            )
        )
        return blocks

    @api.model
    def _my_work_own_block_types(self):
        """The activity types shown in blocks of their own."""
        return self._my_work_approval_type()

    @api.model
    def _my_work_approval_type(self):
        return self.env.ref("danvan_base.mail_activity_danvan_approval")

    @api.model
    def _my_work_block(
        self,
        key,
        model,
        domain,
        sequence,
        title,
        empty,
        date_field=None,
        order=None,
        views=None,
    ):
        """One block: how many records of ``domain`` the user has, the first
        few of them, and what the web client needs to open them all.

        A role that may not read ``model`` gets no block (None).
        """
        Model = self.env[model]
        if not Model.has_access("read"):
            return None
        extra = ["res_model", "res_id", "res_name"] if model == "mail.activity" else []
        records = Model.search_fetch(
            domain,
            ["display_name", *extra, *([date_field] if date_field else [])],
            order=order,
            limit=PREVIEW_LIMIT,
        )
        return {
            "key": key,
            "sequence": sequence,
            "title": title,
            "empty": empty,
            "res_model": model,
            "domain": domain,
            "views": views or [[False, "list"], [False, "form"]],
            "count": Model.search_count(domain),
            "records": [self._my_work_row(record, date_field) for record in records],
        }

    @api.model
    def _my_work_row(self, record, date_field):
        """A record of a block's preview, and the record it opens."""
        row = {
            "id": record.id,
            "name": record.display_name,
            "detail": False,
            "date": fields.Date.to_string(record[date_field]) if date_field else False,
            "res_model": record._name,
            "res_id": record.id,
        }
        if record._name == "mail.activity":
            row.update(
                name=record.res_name,
                detail=record.display_name,
                res_model=record.res_model,
                res_id=record.res_id,
            )
        return row

    @api.model
    def _my_work_activity_block(self, key, domain, **kwargs):
        """The user's activities of ``domain``: each opens its document."""
        views = [
            [self.env.ref("mail.mail_activity_view_tree_open_target").id, "list"],
            [False, "form"],
        ]
        return self._my_work_block(
            key,
            "mail.activity",
            [("user_id", "=", self.env.uid), *domain],
            date_field="date_deadline",
            order="date_deadline, id",
            views=views,
            **kwargs,
        )
