"""The yearly plan of the agency (VB-15): its outline, its workflow."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import file_open

from odoo.addons.danvan_base.tools.date_checks import check_dates

from ..tools.plan_outline import parse_outline

# The states a plan can leave for each action, checked before any write so
# that a double click or a stale screen never skips a state.
# The role of each move is checked by the gate.
OFFICE = "danvan_base.group_danvan_office"
LEADERSHIP = "danvan_base.group_danvan_leadership"
TRANSITIONS = {
    "action_submit": ({"draft"}, "submitted", OFFICE),
    "action_approve": ({"submitted"}, "approved", LEADERSHIP),
    "action_close": ({"approved"}, "closed", OFFICE),
    "action_reset_draft": ({"submitted", "cancelled"}, "draft", OFFICE),
    "action_cancel": ({"draft", "submitted"}, "cancelled", OFFICE),
}
# The fields that decide whether two plans compete for the same year.
LIVE_KEYS = ("company_id", "year", "plan_type", "state", "active")
# A title is a summary line (VB-9), not the plan's text pasted in.
TITLE_MAX = 255


class DanvanPlan(models.Model):
    _name = "danvan.plan"
    _description = "Mass Mobilization Plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.document.mixin",
    ]
    _transitions = TRANSITIONS
    # An issued plan is archived, never deleted nor rewritten.
    _locked_states = ("approved", "closed")
    _deletable_states = ("draft", "cancelled")
    _order = "year desc, id desc"
    _danvan_doc_type = "plan"
    _danvan_body_template = "danvan_plan.danvan_plan_body"
    _danvan_docx_route = "/danvan_plan/plan/%s/docx"
    # Each agency of the install its own plans (issue 15, item 4).
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    plan_type = fields.Selection(
        [
            ("general", "Mass mobilization, grassroots democracy and Dân vận khéo"),
            ("mass_mobilization", "Mass mobilization work"),
            ("grassroots_democracy", "Grassroots democracy"),
            ("skillful_mobilization", "Dân vận khéo movement"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="general",
        tracking=True,
    )
    legal_basis = fields.Text(
        help="The documents the plan implements (căn cứ, 'Thực hiện ...')"
    )
    purpose = fields.Text(string="Purposes and Requirements")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
        check_company=True,
        help="The Office officer who follows the plan: the units' progress "
        "reports go to this officer for review.",
    )
    item_ids = fields.One2many("danvan.plan.item", "plan_id", string="Items")
    item_count = fields.Integer(compute="_compute_item_count")
    progress = fields.Float(
        string="Progress (%)",
        compute="_compute_progress",
        digits=(5, 1),
        help="Weighted progress of all the plan's tasks, from accepted reports.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True, tracking=True)

    _sql_constraints = [
        (
            "live_plan_unique",
            "EXCLUDE USING btree (company_id WITH =, year WITH =, plan_type WITH =) "
            "WHERE (active AND state != 'cancelled')",
            "There is already a plan of this type for this year. Cancel or archive "
            "it before creating another one.",
        ),
    ]

    @api.depends("item_ids")
    def _compute_item_count(self):
        counts = dict(
            self.env["danvan.plan.item"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.item_count = counts.get(plan, 0)

    def _compute_progress(self):
        tasks = (
            self.env["danvan.plan.task"].sudo().search([("plan_id", "in", self.ids)])
        )
        Task = self.env["danvan.plan.task"]
        for plan in self:
            plan.progress = Task._weighted_progress(
                tasks.filtered(lambda t, p=plan: t.plan_id == p)
            )

    @api.constrains("name")
    def _check_name_length(self):
        for plan in self:
            if len(plan.name) > TITLE_MAX:
                raise ValidationError(
                    self.env._(
                        "The title of a plan holds at most %(max)s characters; this "
                        "one has %(count)s. Keep the summary line in the title and "
                        "the plan's text in its items.",
                        max=TITLE_MAX,
                        count=len(plan.name),
                    )
                )

    @api.constrains("year", "date_issued")
    def _check_dates(self):
        check_dates(self, ["year", "date_issued"])

    def _check_live_plan_free(self, vals):
        """One live plan per company, year and type (the constraint above also
        guards two users at once); checked before writing for a clear error."""
        for plan in self or [self.browse()]:
            new = {key: vals[key] if key in vals else plan[key] for key in LIVE_KEYS}
            company = new["company_id"]
            company_id = (
                company.id if isinstance(company, models.BaseModel) else company
            )
            if not new["active"] or new["state"] == "cancelled":
                continue
            if self.with_context(active_test=True).search_count(
                [
                    ("id", "not in", plan.ids),
                    ("company_id", "=", company_id),
                    ("year", "=", new["year"]),
                    ("plan_type", "=", new["plan_type"]),
                    ("state", "!=", "cancelled"),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "There is already a plan of this type for %s. Cancel or "
                        "archive it before creating another one.",
                        new["year"],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            defaults = self.default_get([key for key in LIVE_KEYS if key not in vals])
            self.browse()._check_live_plan_free(dict(defaults, **vals))
        return super().create(vals_list)

    @api.model
    def _danvan_free_fields(self):
        """The officer who follows an issued plan may change hands."""
        return super()._danvan_free_fields() | {"user_id"}

    def write(self, vals):
        if set(LIVE_KEYS) & set(vals):
            self._check_live_plan_free(vals)
        return super().write(vals)

    def action_submit(self):
        """Leadership gets a to-do to approve the plan."""
        self._transition("action_submit")
        for plan in self:
            agency = plan.with_context(lang=plan.company_id._danvan_lang())
            plan._danvan_ask_approval(agency.env._("Approve the plan or send it back"))
        return True

    def action_approve(self):
        """The plan is issued. VB-7: it takes the next number of the agency's
        plans of the year, unless it was issued on paper with its own; then it
        is dated today unless it already has its date."""
        today = fields.Date.context_today(self)
        for plan in self:
            values = (
                {"date_issued": plan.date_issued or today}
                if plan.number
                else plan._issue_values(today)
            )
            plan._transition("action_approve", values)
        self._danvan_approval_done()
        return True

    def action_close(self):
        return self._transition("action_close")

    def action_reset_draft(self):
        """Sent back to draft: the approval to-dos are done."""
        self._transition("action_reset_draft")
        self._danvan_approval_done()
        return True

    def action_cancel(self):
        self._transition("action_cancel")
        self._danvan_approval_done()
        return True

    def action_copy_next_year(self):
        """A draft of next year's plan with the same outline."""
        self.ensure_one()
        plan = self.copy(
            {
                "year": self.year + 1,
                "name": self.name.replace(str(self.year), str(self.year + 1)),
            }
        )
        self.item_ids._copy_to_plan(plan)
        return {
            "type": "ir.actions.act_window",
            "res_model": "danvan.plan",
            "res_id": plan.id,
            "view_mode": "form",
        }

    def _import_outline(self, text, source=""):
        """Build the item tree of this empty draft plan from the plan's text."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Only a draft plan can receive an outline."))
        if self.item_ids:
            raise UserError(
                self.env._("The plan already has items: import into an empty plan.")
            )
        preamble, root = parse_outline(text)
        nodes = list(root.walk())
        if not any(node.level > 1 for node in nodes):
            raise UserError(
                self.env._(
                    "This file does not look like a plan: no sections 'I.', 'II.' "
                    "with numbered items were found."
                )
            )
        items = {}
        Item = self.env["danvan.plan.item"]
        for sequence, node in enumerate(nodes, start=1):
            items[node] = Item.create(
                {
                    "plan_id": self.id,
                    "parent_id": items[node.parent].id
                    if node.parent in items
                    else False,
                    "mark": node.mark,
                    "name": node.heading,
                    "description": node.text,
                    "sequence": sequence * 10,
                }
            )
        if preamble and not self.legal_basis:
            self.legal_basis = preamble
        agency = self.with_context(lang=self.company_id._danvan_lang())
        self.message_post(
            body=agency.env._(
                "%(count)s items imported from %(file)s.", count=len(nodes), file=source
            )
        )
        return Item.browse([item.id for item in items.values()])

    @api.model
    def _demo_import_outline(self, xmlid, path):
        """Demo data: the outline of a plan shipped as a text file of the addon."""
        with file_open(path, "rb") as text:
            self.env.ref(xmlid)._import_outline(
                text.read().decode("utf-8"), path.rsplit("/", 1)[-1]
            )

    @api.model
    def _demo_copy_outline(self, source_xmlid, xmlid):
        """Demo data: this year's plan keeps the outline of the 2025 plan."""
        self.env.ref(source_xmlid).item_ids._copy_to_plan(self.env.ref(xmlid))

    def action_open_items(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "danvan_plan.danvan_plan_item_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action
