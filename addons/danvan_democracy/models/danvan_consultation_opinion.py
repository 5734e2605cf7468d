"""An opinion of a member of staff on a draft, per article or on the whole
(DC-12, Articles 54 and 55 of Luật 10/2022/QH15).

Given directly by the staff member, or recorded by the head of their unit
on their behalf (Article 54), only while the consultation is open.
Append-only (DC-22: forging the results of a consultation is forbidden):
once given, nobody edits or deletes it; a later opinion of the same person
may supersede an earlier one, and both are kept.

Anonymous opinions (DC-22, issue item 7): where the consultation allows it,
the opinion stores no author at all. It is created by the superuser (so
that even its ``create_uid`` is not its author) and the link to its author
is a ``danvan.consultation.opinion.author`` row that a global record rule
lets only that author read: no role, not even the Office, leadership or the
administrator, reads, searches, groups or exports it.
"""

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG


class DanvanConsultationOpinion(models.Model):
    _name = "danvan.consultation.opinion"
    _description = "Opinion of Staff on a Draft"
    _check_company_auto = True
    _order = "consultation_id, id desc"

    consultation_id = fields.Many2one(
        "danvan.consultation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="consultation_id.company_id", store=True, index=True
    )
    article_id = fields.Many2one(
        "danvan.consultation.article",
        string="Article",
        index=True,
        ondelete="cascade",
        domain="[('consultation_id', '=', consultation_id)]",
        help="Empty: an opinion on the whole draft.",
        check_company=True,
    )
    consultation_allow_anonymous = fields.Boolean(
        related="consultation_id.allow_anonymous"
    )
    content = fields.Text(string="Opinion", required=True)
    channel = fields.Selection(
        [("direct", "Directly"), ("unit_head", "Through the unit head")],
        string="How Given",
        required=True,
        default="direct",
        help="Given by the staff member, or recorded by the head of their unit "
        "on their behalf (Article 54 of the Law on Grassroots Democracy).",
    )
    anonymous = fields.Boolean(
        help="The author's name is shown to nobody: not to the head, nor the "
        "Office, nor the union.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Staff Member",
        index=True,
        ondelete="set null",
        help="Empty for an anonymous opinion.",
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        compute="_compute_department_id",
        store=True,
        ondelete="set null",
        help="The unit of the staff member when the opinion was given; empty "
        "for an anonymous opinion.",
        check_company=True,
    )
    recorded_by_id = fields.Many2one(
        "res.users",
        string="Recorded by",
        readonly=True,
        help="The unit head who recorded the opinion on behalf of the staff member.",
        check_company=True,
    )
    author_name = fields.Char(string="Author", compute="_compute_author_name")
    date_given = fields.Datetime(
        string="Given on", default=fields.Datetime.now, readonly=True
    )
    supersedes_id = fields.Many2one(
        "danvan.consultation.opinion",
        string="Replaces",
        index=True,
        ondelete="cascade",
        help="An earlier opinion of the same person on the same article that "
        "this one replaces; both are kept.",
        check_company=True,
    )
    superseded_by_ids = fields.One2many(
        "danvan.consultation.opinion", "supersedes_id", string="Replaced by"
    )
    superseded = fields.Boolean(
        string="Replaced",
        compute="_compute_superseded",
        search="_search_superseded",
    )
    is_mine = fields.Boolean(
        string="Mine", compute="_compute_is_mine", search="_search_is_mine"
    )

    @api.depends("consultation_id", "article_id")
    def _compute_display_name(self):
        for opinion in self:
            opinion.display_name = self.env._(
                "Opinion on %(what)s",
                what=opinion.article_id.display_name or self.env._("the whole draft"),
            )

    @api.depends("employee_id")
    def _compute_department_id(self):
        for opinion in self:
            opinion.department_id = opinion.sudo().employee_id.department_id

    @api.depends("anonymous", "employee_id")
    def _compute_author_name(self):
        for opinion in self:
            opinion.author_name = (
                self.env._("Anonymous")
                if opinion.anonymous
                else opinion.sudo().employee_id.name
            )

    @api.depends("superseded_by_ids")
    def _compute_superseded(self):
        for opinion in self:
            opinion.superseded = bool(opinion.sudo().superseded_by_ids)

    def _search_superseded(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("This search is not supported."))
        replaced = self.sudo()._search([("supersedes_id", "!=", False)])
        positive = (operator == "=") == value
        return [
            ("id", "in" if positive else "not in", replaced.subselect("supersedes_id"))
        ]

    def _mine_ids(self):
        """The ids of the anonymous opinions of the current user: only the
        rows of the author link of their own user (see the global rule)."""
        return (
            self.env["danvan.consultation.opinion.author"]
            .sudo()
            ._search([("user_id", "=", self.env.uid)])
            .subselect("opinion_id")
        )

    @api.depends_context("uid")
    def _compute_is_mine(self):
        mine = self.search([("id", "in", self.ids), ("is_mine", "=", True)])
        for opinion in self:
            opinion.is_mine = opinion in mine

    def _search_is_mine(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("This search is not supported."))
        domain = [
            "|",
            ("employee_id.user_id", "=", self.env.uid),
            ("id", "in", self._mine_ids()),
        ]
        if (operator == "=") != value:
            return ["!", *domain]
        return domain

    # Giving an opinion.

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.su:
            return super().create(vals_list)
        opinions = self.browse()
        for vals in vals_list:
            vals = self._prepare_opinion(dict(vals))
            if vals.get("anonymous"):
                # Not even its create_uid names the author (DC-22).
                opinion = super(
                    DanvanConsultationOpinion, self.with_user(SUPERUSER_ID)
                ).create([vals])
                self.env["danvan.consultation.opinion.author"].create(
                    {"opinion_id": opinion.id, "user_id": self.env.uid}
                )
                opinions |= opinion.with_env(self.env)
            else:
                opinion = super().create([vals])
                opinions |= opinion
                if opinion.channel == "unit_head":
                    opinion._notify_represented()
        return opinions

    def _notify_represented(self):
        """The staff member hears that their unit head recorded an opinion on
        their behalf, and finds it under their own opinions (Article 54)."""
        self.ensure_one()
        user = self.sudo().employee_id.user_id
        if not user or not user.active:
            return
        consultation = self.consultation_id.sudo()
        env = consultation._agency_env()
        consultation.with_env(env).message_notify(
            partner_ids=user.partner_id.ids,
            subject=env._("An opinion recorded on your behalf"),
            body=env._(
                "%(head)s recorded an opinion on your behalf on %(name)s; you "
                "find it under your opinions.",
                head=self.env.user.name,
                name=consultation.name,
            ),
            email_layout_xmlid="mail.mail_notification_light",
        )

    def _prepare_opinion(self, vals):
        """The values of an opinion the current user gives, checked."""
        env = self.env
        consultation = env["danvan.consultation"].browse(vals.get("consultation_id"))
        consultation.check_access("read")
        consultation = consultation.sudo()
        today = fields.Date.context_today(self)
        if consultation.state != "open" or not (
            consultation.date_open <= today <= consultation.date_close
        ):
            raise UserError(
                env._(
                    "%s is not open for opinions: opinions are given between its "
                    "opening and its closing.",
                    consultation.name,
                )
            )
        article = (
            env["danvan.consultation.article"].sudo().browse(vals.get("article_id"))
        )
        if article and article.consultation_id != consultation:
            raise UserError(
                env._("The article is not one of the draft %s.", consultation.name)
            )
        if not (vals.get("content") or "").strip():
            raise UserError(env._("Write your opinion before sending it."))
        audience = (
            env["hr.employee"].sudo().search(consultation._audience_employee_domain())
        )
        channel = vals.get("channel") or "direct"
        user = env.user
        if channel == "unit_head":
            employee = env["hr.employee"].sudo().browse(vals.get("employee_id"))
            units = user.employee_ids.department_id
            if (
                not user.has_group("danvan_base.group_danvan_unit_head")
                or not employee
                or not units
                or employee.department_id
                not in env["hr.department"]
                .sudo()
                .search([("id", "child_of", units.ids)])
            ):
                raise AccessError(
                    env._(
                        "A unit head records opinions on behalf of the staff of "
                        "their own unit only."
                    )
                )
            if vals.get("anonymous"):
                raise UserError(
                    env._(
                        "An opinion recorded through the unit head names its "
                        "author: to stay anonymous, the staff member gives it "
                        "directly."
                    )
                )
            vals["recorded_by_id"] = user.id
        else:
            employee = user.employee_ids.filtered(
                lambda e: e.company_id == consultation.company_id
            )[:1]
            if vals.get("employee_id") and vals["employee_id"] != employee.id:
                raise AccessError(
                    env._(
                        "You give your own opinion: an opinion on behalf of "
                        "someone else is recorded by their unit head."
                    )
                )
            vals["recorded_by_id"] = False
        if employee not in audience:
            raise AccessError(
                env._(
                    "%(person)s is not among the staff consulted on %(name)s.",
                    person=employee.name or user.name,
                    name=consultation.name,
                )
            )
        if vals.get("anonymous") and not consultation.allow_anonymous:
            raise UserError(
                env._("%s does not allow anonymous opinions.", consultation.name)
            )
        self._check_supersedes(vals, consultation, employee)
        self._check_not_repeated(vals, consultation, employee)
        vals["channel"] = channel
        vals["employee_id"] = False if vals.get("anonymous") else employee.id
        vals["date_given"] = fields.Datetime.now()
        return vals

    def _check_not_repeated(self, vals, consultation, employee):
        """A second click sends the same opinion again: it would be kept for
        ever (DC-22), so it is refused."""
        domain = [
            ("consultation_id", "=", consultation.id),
            ("article_id", "=", vals.get("article_id") or False),
            ("content", "=", vals["content"]),
        ]
        if vals.get("channel") == "unit_head":
            repeated = self.sudo().search_count(
                domain + [("employee_id", "=", employee.id)], limit=1
            )
        else:
            repeated = self.search_count(domain + [("is_mine", "=", True)], limit=1)
        if repeated:
            raise UserError(
                self.env._("This opinion was already given: it is kept only once.")
            )

    def _check_supersedes(self, vals, consultation, employee):
        earlier = self.sudo().browse(vals.get("supersedes_id"))
        if not earlier:
            return
        own = (
            earlier.employee_id == employee
            if vals.get("channel") == "unit_head"
            else earlier.with_env(self.env).is_mine
        )
        if (
            not own
            or earlier.consultation_id != consultation
            or earlier.article_id.id != (vals.get("article_id") or False)
            or self.sudo().search_count([("supersedes_id", "=", earlier.id)])
        ):
            raise UserError(
                self.env._(
                    "An opinion replaces only an earlier opinion of the same "
                    "person on the same article that is not yet replaced."
                )
            )

    def write(self, vals):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "An opinion is kept as it was given: nobody changes it "
                    "(Article 9 of the Law on Grassroots Democracy). Give a new "
                    "opinion that replaces it instead."
                )
            )
        return super().write(vals)

    def unlink(self):
        if self.env.context.get(MODULE_UNINSTALL_FLAG):
            return super().unlink()
        raise UserError(
            self.env._(
                "An opinion is kept as it was given: nobody deletes it (Article 9 "
                "of the Law on Grassroots Democracy)."
            )
        )
