from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DanvanPlanItem(models.Model):
    """A heading of a plan's outline: section (I), item (II.1), sub-item (II.1.a).

    Every item, sub-items included, names its plan: the outline of an issued
    plan is kept with it (its tasks keep their own workflow).
    """

    _name = "danvan.plan.item"
    _inherit = ["danvan.kept.line.mixin"]
    _danvan_kept_parent = "plan_id"
    _description = "Plan Item"
    _parent_store = True
    _order = "plan_id, sequence, id"
    _rec_names_search = ["outline", "name"]
    _check_company_auto = True

    plan_id = fields.Many2one(
        "danvan.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    parent_id = fields.Many2one(
        "danvan.plan.item",
        string="Parent Item",
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('plan_id', '=', plan_id)]",
    )
    parent_path = fields.Char(index=True)
    sequence = fields.Integer(default=10, help="Position in the plan's outline.")
    child_ids = fields.One2many("danvan.plan.item", "parent_id", string="Sub-items")
    mark = fields.Char(required=True, help="The item's own marker: 'II', '1' or 'a'.")
    outline = fields.Char(
        string="Outline Code",
        compute="_compute_outline",
        store=True,
        recursive=True,
        help="The full outline code, e.g. 'II.1.a'.",
    )
    level = fields.Integer(compute="_compute_outline", store=True, recursive=True)
    name = fields.Char(string="Heading", required=True)
    description = fields.Text(string="Text")
    plan_state = fields.Selection(related="plan_id.state")
    task_ids = fields.One2many("danvan.plan.task", "item_id", string="Tasks")
    progress = fields.Float(
        string="Progress (%)",
        compute="_compute_progress",
        digits=(5, 1),
        help="Weighted progress of the tasks of this item and of its sub-items.",
    )

    _sql_constraints = [
        (
            "outline_unique",
            "unique(plan_id, outline)",
            "Two items of a plan cannot have the same outline code.",
        ),
    ]

    @api.depends("mark", "parent_id.outline", "parent_id.level")
    def _compute_outline(self):
        for item in self:
            if item.parent_id:
                item.outline = f"{item.parent_id.outline}.{item.mark}"
                item.level = item.parent_id.level + 1
            else:
                item.outline = item.mark
                item.level = 1

    def _compute_progress(self):
        """One search for the tasks of all the subtrees, whatever their size."""
        tasks = (
            self.env["danvan.plan.task"]
            .sudo()
            .search([("item_id", "child_of", self.ids)])
        )
        Task = self.env["danvan.plan.task"]
        for item in self:
            prefix = item.parent_path
            item.progress = Task._weighted_progress(
                tasks.filtered(lambda t, p=prefix: t.item_id.parent_path.startswith(p))
            )

    @api.depends("outline", "name")
    def _compute_display_name(self):
        for item in self:
            item.display_name = (
                f"{item.outline} {item.name}" if item.outline else item.name
            )

    @api.constrains("parent_id", "plan_id")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(self.env._("An item cannot be its own parent."))
        for item in self:
            if item.parent_id and item.parent_id.plan_id != item.plan_id:
                raise ValidationError(
                    self.env._(
                        "%s: the parent item belongs to another plan.", item.name
                    )
                )

    def _section(self):
        """The top heading of the outline this item belongs to ('II')."""
        self.ensure_one()
        return self.browse(int(self.parent_path.split("/", 1)[0]))

    def _copy_to_plan(self, plan):
        """Copy these items, tree included, into ``plan``."""
        new_ids = {}
        for item in self.sorted(lambda i: (i.level, i.sequence, i.id)):
            new_ids[item.id] = item.copy(
                {"plan_id": plan.id, "parent_id": new_ids.get(item.parent_id.id)}
            ).id
        return self.browse(new_ids.values())
