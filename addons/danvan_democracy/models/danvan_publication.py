"""Internal publication to staff (DC-2 to DC-4, Articles 46 to 48 of Luật
10/2022/QH15).

A publication makes one decision or document public to the agency's staff,
or to some of its units. It is due within 5 working days of the decision
(DC-3), stays posted at least 20 consecutive days and cannot be withdrawn
before (DC-4), then is archived where staff can still read it. Both periods
are rows of the table of legal time limits, counted through the calendar.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import (
    check_date_order,
    check_dates,
    check_past_dates,
)

TRANSITIONS = {
    "action_publish": (("draft",), "posted", "danvan_base.group_danvan_office"),
    # The daily cron moves what has been posted long enough (DC-4).
    "_archive_expired": (("posted",), "archived", False),
}


class DanvanPublication(models.Model):
    _name = "danvan.publication"
    _description = "Internal Publication to Staff"
    _check_company_auto = True
    _inherit = [
        "danvan.workflow.mixin",
        "danvan.deadline.mixin",
        "danvan.attachment.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "state, date_start desc, date_due, id desc"
    _transitions = TRANSITIONS
    _locked_states = ("posted", "archived")
    _deletable_states = ("draft",)
    _danvan_deadline_field = "date_due"
    _danvan_deadline_fields = {
        "date_due": "decision_date",
        "date_end_min": "date_start",
    }

    name = fields.Char(string="Title", required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    category_id = fields.Many2one(
        "danvan.publication.category",
        required=True,
        tracking=True,
        help="The item of Article 46 of the Law on Grassroots Democracy that the "
        "information falls under.",
    )
    document_ref = fields.Char(
        string="Decision or Document",
        tracking=True,
        help="The number and title of the decision or document made public, "
        "e.g. 'Quyết định số 12/QĐ-SKHCN nâng bậc lương'.",
    )
    decision_date = fields.Date(
        string="Date of the Decision",
        required=True,
        tracking=True,
        default=fields.Date.context_today,
        help="The date of the decision or document: publication is due within 5 "
        "working days of it (Article 47 of the Law on Grassroots Democracy).",
    )
    content = fields.Html(
        help="What staff read: the information itself or a summary of the "
        "attached document."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_publication_attachment_rel",
        "publication_id",
        "attachment_id",
        string="Documents",
    )
    form_ids = fields.Many2many(
        "danvan.publication.form",
        string="Forms",
        default=lambda self: self.env.ref(
            "danvan_democracy.danvan_publication_form_intranet",
            raise_if_not_found=False,
        ),
        help="How the information is made public (Article 47).",
    )
    audience = fields.Selection(
        [("all", "Whole agency"), ("units", "Some units")],
        required=True,
        default="all",
        tracking=True,
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Units",
        help="The units whose staff the information is for; their sub-units too.",
        check_company=True,
    )
    confidential = fields.Boolean(
        string="Secret or Not Yet Allowed Out",
        tracking=True,
        help="State secrets, work secrets and information not yet allowed out "
        "are not made public (Article 46).",
    )
    state = fields.Selection(
        [("draft", "To Publish"), ("posted", "Posted"), ("archived", "Archived")],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    date_due = fields.Date(
        string="Due by",
        compute="_compute_date_due",
        store=True,
        index=True,
        help="5 working days from the date of the decision (Article 47).",
    )
    date_start = fields.Date(string="Posted on", readonly=True, copy=False)
    date_end_min = fields.Date(
        string="Posted at Least Until",
        compute="_compute_date_end_min",
        store=True,
        help="20 consecutive days from the day it was posted (Article 48).",
    )
    date_end = fields.Date(
        string="Posted until",
        copy=False,
        tracking=True,
        help="Empty: the minimum of 20 consecutive days. A later day keeps it "
        "posted longer.",
    )
    published_late = fields.Boolean(
        compute="_compute_published_late",
        store=True,
        help="Posted after the 5 working days of Article 47.",
    )
    res_model = fields.Char(string="Source Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Source Record", model_field="res_model", readonly=True
    )
    read_ids = fields.One2many("danvan.publication.read", "publication_id")
    # Stored for the dashboard; the daily cron counts them again for what is
    # posted, as staff join and leave the units (DC-3).
    read_count = fields.Integer(
        string="Read by Staff", compute="_compute_read_stats", store=True
    )
    audience_count = fields.Integer(
        string="Staff Concerned", compute="_compute_read_stats", store=True
    )
    unread_count = fields.Integer(
        string="Not Read Yet", compute="_compute_read_stats", store=True
    )
    read_rate = fields.Float(
        string="Read Rate (%)",
        compute="_compute_read_stats",
        store=True,
        aggregator="avg",
    )
    request_ids = fields.One2many(
        "danvan.information.request", "publication_id", string="Requests"
    )
    request_count = fields.Integer(
        string="Requests for Information", compute="_compute_request_count"
    )
    is_read = fields.Boolean(
        string="Read by Me", compute="_compute_is_read", search="_search_is_read"
    )

    @api.depends("decision_date")
    def _compute_date_due(self):
        Limit = self.env["danvan.time.limit"]
        for publication in self:
            publication.date_due = publication.decision_date and (
                Limit.compute_deadline("dc_publication", publication.decision_date)
            )

    @api.depends("date_start", "form_ids.requires_posting")
    def _compute_date_end_min(self):
        Limit = self.env["danvan.time.limit"]
        for publication in self:
            posted = any(publication.form_ids.mapped("requires_posting"))
            publication.date_end_min = (
                posted
                and publication.date_start
                and Limit.compute_deadline("dc_posting", publication.date_start)
            )

    @api.depends("date_start", "date_due")
    def _compute_published_late(self):
        for publication in self:
            publication.published_late = bool(
                publication.date_start
                and publication.date_due
                and publication.date_start > publication.date_due
            )

    def _audience_employee_domain(self):
        """The employees the publication is for."""
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.audience == "units":
            domain.append(("department_id", "child_of", self.department_ids.ids))
        return domain

    @api.depends(
        "read_ids.user_id", "audience", "department_ids", "company_id", "state"
    )
    def _compute_read_stats(self):
        """Who of the audience has read: a constant number of queries for
        any number of publications and of staff (DC-3)."""
        readers = self._read_stats_readers()
        for publication in self:
            audience = publication._audience_employees_in(readers["employees"])
            users = readers["reads"].get(publication._origin.id, set())
            read = sum(1 for employee in audience if employee.user_id.id in users)
            concerned = len(audience)
            publication.read_count = read
            publication.audience_count = concerned
            publication.unread_count = concerned - read
            publication.read_rate = concerned and 100.0 * read / concerned

    def _recount_reads(self):
        """Count again who of the audience has read, in one batch."""
        names = ["read_count", "audience_count", "unread_count", "read_rate"]
        for name in names:
            self.env.add_to_compute(self._fields[name], self)
        self._recompute_recordset(names)

    def _read_stats_readers(self):
        """The staff of the publications' agencies and who read what: three
        queries, whatever their number."""
        Employee = self.env["hr.employee"].sudo()
        employees = Employee.search_fetch(
            [("company_id", "in", self.company_id.ids)],
            ["company_id", "department_id", "user_id"],
        )
        employees.department_id.fetch(["parent_path"])
        reads = {}
        # A form not saved yet (new ids) has the reads of its saved record.
        ids = self._origin.ids
        if ids:
            for read in (
                self.env["danvan.publication.read"]
                .sudo()
                .search_fetch(
                    [("publication_id", "in", ids)],
                    ["publication_id", "user_id"],
                )
            ):
                reads.setdefault(read.publication_id.id, set()).add(read.user_id.id)
        return {"employees": employees, "reads": reads}

    def _audience_employees_in(self, employees):
        """The employees of ``employees`` the publication is for: those of its
        agency, of its units and their sub-units when it is for some units."""
        self.ensure_one()
        company = self.company_id
        units = set(self.department_ids.ids)

        def concerned(employee):
            if employee.company_id != company:
                return False
            if self.audience != "units":
                return True
            path = employee.department_id.parent_path or ""
            return any(int(unit) in units for unit in path.split("/") if unit)

        return employees.filtered(concerned)

    def action_open_unread_staff(self):
        """The staff of the audience who have not read it yet (DC-3): the
        Office's to see, not staff's."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group(
            "danvan_base.group_danvan_office"
        ):
            raise AccessError(
                self.env._("Only the Office sees who has not read %s.", self.name)
            )
        readers = self._read_stats_readers()
        users = readers["reads"].get(self._origin.id, set())
        unread = self._audience_employees_in(readers["employees"]).filtered(
            lambda employee: employee.user_id.id not in users
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Not read yet: %s", self.name),
            "res_model": "hr.employee.public",
            "view_mode": "list,form",
            "views": [
                (
                    self.env.ref(
                        "danvan_democracy.hr_employee_public_view_list_unread"
                    ).id,
                    "list",
                ),
                (False, "form"),
            ],
            "domain": [("id", "in", unread.ids)],
            "context": {"create": False, "delete": False},
        }

    def action_open_reads(self):
        """Who has read it, and when (DC-3)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Read by: %s", self.name),
            "res_model": "danvan.publication.read",
            "view_mode": "list",
            "domain": [("publication_id", "=", self.id)],
            "context": {"create": False, "delete": False},
        }

    @api.depends("request_ids")
    def _compute_request_count(self):
        counts = dict(
            self.env["danvan.information.request"]._read_group(
                [("publication_id", "in", self._origin.ids)],
                ["publication_id"],
                ["__count"],
            )
        )
        for publication in self:
            publication.request_count = counts.get(publication._origin, 0)

    def action_open_requests(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Requests for information: %s", self.name),
            "res_model": "danvan.information.request",
            "view_mode": "list,form",
            "domain": [("publication_id", "=", self.id)],
            "context": {"create": False},
        }

    def _compute_is_read(self):
        read = self.env["danvan.publication.read"].search(
            [("publication_id", "in", self.ids), ("user_id", "=", self.env.uid)]
        )
        for publication in self:
            publication.is_read = publication in read.publication_id

    def _search_is_read(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("This search is not supported."))
        positive = (operator == "=") == bool(value)
        reads = (
            self.env["danvan.publication.read"]
            .sudo()
            ._search([("user_id", "=", self.env.uid)])
        )
        operator = "in" if positive else "not in"
        return [("id", operator, reads.subselect("publication_id"))]

    @api.constrains("decision_date", "date_end")
    def _check_dates(self):
        # A decision of 1900 or 2200 is a typing mistake; a decision is made
        # public once it is taken (DC-3).
        check_dates(self, ["decision_date", "date_end"])
        check_past_dates(self, ["decision_date"])
        check_date_order(self, [("decision_date", "date_end")])

    @api.constrains("date_end", "date_end_min")
    def _check_date_end(self):
        for publication in self:
            if (
                publication.date_end
                and publication.date_end_min
                and publication.date_end < publication.date_end_min
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s must stay posted at least until %(day)s: 20 "
                        "consecutive days from the day it was posted (Article 48 of "
                        "the Law on Grassroots Democracy).",
                        name=publication.name,
                        day=publication.date_end_min.strftime("%d/%m/%Y"),
                    )
                )

    @api.constrains("audience", "department_ids")
    def _check_audience(self):
        for publication in self:
            if publication.audience == "units" and not publication.department_ids:
                raise ValidationError(
                    self.env._("Choose the units that %s is for.", publication.name)
                )

    def write(self, vals):
        # DC-4: what is posted is not withdrawn early, not even by archiving.
        if "active" in vals and not vals["active"]:
            self._danvan_refuse_early_withdrawal()
        return super().write(vals)

    def _danvan_refuse_early_withdrawal(self):
        today = fields.Date.context_today(self)
        early = self.filtered(
            lambda p: p.state == "posted"
            and (p.date_end or p.date_end_min or today) >= today
        )
        if early:
            raise UserError(
                self.env._(
                    "%s is posted and cannot be withdrawn before the end of its "
                    "posting period (Article 48 of the Law on Grassroots Democracy).",
                    ", ".join(early.mapped("name")),
                )
            )

    def action_publish(self):
        """Post the information to its audience (DC-3), unless it is secret."""
        for publication in self:
            if publication.confidential:
                raise UserError(
                    self.env._(
                        "%s is marked secret or not yet allowed out: it cannot be "
                        "made public (Article 46 of the Law on Grassroots "
                        "Democracy).",
                        publication.name,
                    )
                )
            if not publication.form_ids:
                raise UserError(
                    self.env._("Choose how %s is made public.", publication.name)
                )
            if not publication.attachment_ids and not publication.content:
                raise UserError(
                    self.env._(
                        "Attach the document or write the information of %s "
                        "before publishing it.",
                        publication.name,
                    )
                )
        today = fields.Date.context_today(self)
        self._transition("action_publish", {"date_start": today})
        for publication in self:
            if not publication.date_end or publication.date_end < (
                publication.date_end_min or today
            ):
                publication.sudo().date_end = publication.date_end_min
            publication.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_mark_read(self):
        """The current user has read what is posted for them; a second click
        changes nothing."""
        Read = self.env["danvan.publication.read"]
        already = Read.search(
            [("publication_id", "in", self.ids), ("user_id", "=", self.env.uid)]
        ).publication_id
        todo = self.filtered(lambda p: p.state != "draft") - already
        if todo:
            Read.create([{"publication_id": p.id} for p in todo])
            self.invalidate_recordset(["is_read", "read_count", "read_rate"])
        return True

    def _archive_expired(self):
        return self._transition("_archive_expired")

    @api.model
    def _cron_archive_expired(self):
        """Move to the archive what has been posted long enough (DC-4)."""
        today = fields.Date.context_today(self)
        # Staff join and leave the units: the read rates are counted again.
        self.search([("state", "=", "posted")])._recount_reads()
        self.search(
            [
                ("state", "=", "posted"),
                "|",
                ("date_end", "<", today),
                "&",
                ("date_end", "=", False),
                ("date_end_min", "<", today),
            ]
        )._archive_expired()

    @api.model
    def _create_for(self, record, category_xmlid, values):
        """A draft publication of ``record`` (a consultation's summary table, a
        conference's resolution review, the evaluation results...) in the
        category of ``category_xmlid``, for the Office to publish."""
        publication = self.create(
            {
                "company_id": record.company_id.id
                if "company_id" in record._fields
                else self.env.company.id,
                "category_id": self.env.ref(category_xmlid).id,
                "res_model": record._name,
                "res_id": record.id,
                **values,
            }
        )
        publication._danvan_ask_office_to_publish()
        return publication

    def _danvan_ask_office_to_publish(self):
        """A to-do for the Office: the draft is due within 5 working days of
        its decision (DC-3)."""
        for publication in self.sudo():
            summary = publication._agency_env()._(
                "Publish to staff by %s", publication.date_due.strftime("%d/%m/%Y")
            )
            for user in publication._danvan_office_users():
                publication.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=publication.date_due,
                    summary=summary,
                    user_id=user.id,
                )

    def action_open_source(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    # The deadline of publication (DC-3), watched by the daily cron.
    def _deadline_open_domain(self):
        return [("state", "=", "draft"), ("confidential", "=", False)]

    def _deadline_recompute_domain(self, fname=None):
        if fname == "date_end_min":
            return [("state", "=", "posted")]
        return [("state", "=", "draft")]

    def _deadline_warned_users(self):
        return self.create_uid.filtered("active") | self._danvan_office_users()

    def _deadline_escalation_users(self):
        return self._danvan_office_users() | self._danvan_approvers()
