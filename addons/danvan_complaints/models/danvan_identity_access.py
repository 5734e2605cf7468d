from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from ..tools.record_company import compute_record_company

CHANNEL_STACK = "danvan_identity_channels"


class DanvanIdentityAccess(models.Model):
    """Who reached a citizen's identity, when, and how (TC-13): one line
    each time a citizen's identity or letter reaches a user, by whatever
    channel. Every citizen received is confidential since 01/7/2026 (TCD-11),
    not only a denouncer.

    The lines are written by the code alone and never changed: nobody, the
    administrator included, adds, edits or deletes one.
    """

    _name = "danvan.identity.access"
    _description = "Access to a Citizen's Identity"
    _order = "create_date desc, id desc"

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    res_model = fields.Char(string="Record Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Record", model_field="res_model", required=True, readonly=True
    )
    record_name = fields.Char(
        string="Case",
        readonly=True,
        help="The petition, visit or case, never the person.",
    )
    # The default labels the lines written before the channel was kept: they
    # were all loads of the identity.
    channel = fields.Selection(
        [
            ("read", "Form or list"),
            ("search", "Search on the identity or the letter"),
            ("group", "Grouping or totals"),
            ("export", "Export"),
            ("report", "Printed document"),
            ("attachment", "Attachment"),
            ("redacted", "Copy without the identity"),
        ],
        required=True,
        readonly=True,
        default="read",
        help="How the identity or the letter reached the user.",
    )
    # The agency of its record (issue 15, item 4), computed once: the record
    # never changes.
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )

    @api.depends("res_model", "res_id")
    def _compute_company_id(self):
        compute_record_company(self)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(self._kept_message())
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(self._kept_message())
        return super().write(vals)

    def unlink(self):
        if self and not self.env.context.get(MODULE_UNINSTALL_FLAG):
            raise UserError(self._kept_message())
        return super().unlink()

    def _kept_message(self):
        return self.env._(
            "The log of access to citizens' identity is kept as it was written: "
            "nobody adds, changes or deletes a line of it (Article 56 of the Law "
            "on Denunciations 2018)."
        )

    @api.model
    @contextmanager
    def _channel(self, channel):
        """Label with ``channel`` the identities loaded within the block (an
        export, a printed document).

        Kept on the cursor rather than in the context, which any RPC call may
        set: a user cannot relabel his own reads.
        """
        channels = self.env.cr.cache.setdefault(CHANNEL_STACK, [])
        channels.append(channel)
        try:
            yield
        finally:
            channels.pop()

    @api.model
    def _log(self, records, channel=None):
        """Log that the current user reached the identity or the letter that
        ``records`` (persons, or a petition, visit or case) hold: one line
        for each confidential one, all in one create.

        Nothing is logged under sudo: those loads are the code's own (a
        redacted copy, this log's own label) and show the identity to nobody.
        """
        if self.env.su or not records:
            return
        records = records.sudo()
        if "is_confidential" in records._fields:
            # The flag alone: a prefetch would load the identity into the cache.
            records.fetch(["is_confidential"])
            records = records.filtered("is_confidential")
            if not records:
                return
        if not channel:
            channel = (self.env.cr.cache.get(CHANNEL_STACK) or ["read"])[-1]
        # One INSERT: a list of 80 cases would otherwise cost the ORM's
        # defaults of 80 lines, more than the list itself (issue 15). The
        # lines have nothing to compute and are never changed. Who read is
        # ``user_id``, kept by its foreign key: the creator and writer
        # columns, the same user, are left empty rather than checked twice
        # more on each line.
        uid, now = self.env.uid, self.env.cr.now()
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (user_id, res_model, res_id, record_name, channel, "
                "company_id, create_date, write_date) "
                "VALUES %s",
                SQL.identifier(self._table),
                SQL(", ").join(
                    SQL(
                        "(%s, %s, %s, %s, %s, %s, %s, %s)",
                        *(uid, record._name, record.id, record._identity_case_name()),
                        *(channel, record.company_id.id, now, now),
                    )
                    for record in records
                ),
            )
        )
