from odoo import api, models
from odoo.exceptions import AccessError


class DanvanConfidentialMixin(models.AbstractModel):
    """A record that holds citizens' identity and is seen on a need-to-know
    basis (TCD-11, TC-12): by whom it is assigned to, and by leadership.

    Who sees it follows from its assignment, so the assignment is not the
    officer's own to change: the fields of ``_danvan_assignment_fields`` are
    changed on a saved record by leadership or by the head of its handling
    unit only, and the tracking of those fields keeps each change in the
    chatter. A content type once given is reclassified by them only, and a
    denunciation stays marked as one (``was_denunciation``) whatever its later
    type, when the model has that flag.

    Its chatter quotes the letter: after a reassignment, the followers who
    may no longer read the record stop following it, and no message of the
    record is sent to anyone who may not read it (TCD-11).
    """

    _name = "danvan.confidential.mixin"
    _inherit = ["mail.thread"]
    _description = "Record Seen on a Need-to-Know Basis"
    _danvan_assignment_fields = ()

    @api.model
    def _danvan_sticky_vals(self, vals):
        """``vals`` marking a denunciation as one; the mark is the code's own,
        never unset by a user."""
        if "was_denunciation" not in self._fields:
            return vals
        vals = dict(vals)
        if not self.env.su:
            vals.pop("was_denunciation", None)
        if vals.get("petition_type") == "denunciation":
            vals["was_denunciation"] = True
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._danvan_sticky_vals(vals) for vals in vals_list])

    def write(self, vals):
        self._danvan_check_assignment(vals)
        reassigned = self._danvan_changed(vals)
        result = super().write(self._danvan_sticky_vals(vals))
        reassigned._danvan_follow_readers()
        return result

    def _track_prepare(self, fields_iter):
        """The chatter tracks the letter as it was: its initial values are
        loaded under sudo, so that saving a record logs no read of its letter
        (TC-13), which the form has loaded and logged already. The tracking
        messages are read by the record's readers only."""
        fields_iter = set(fields_iter)
        logged = getattr(self, "_danvan_logged_fields", frozenset())
        tracked = logged & fields_iter & self._track_get_fields()
        if tracked:
            self.sudo().fetch(list(tracked))
        return super()._track_prepare(fields_iter)

    def _check_access(self, operation):
        """The read rules of these records go through other records (the
        cases of a petition, the team and petition of a case): a list's
        records are checked by the database in one count, which the primary
        key serves, rather than by Odoo's check in Python over each record's
        relations (issue 15). Whatever the count refuses is checked again by
        Odoo, which names it in its error."""
        if (
            operation == "read"
            and not self.env.su
            and self._ids
            and all(isinstance(id_, int) for id_ in self._ids)
            and self.env["ir.model.access"].check(self._name, "read", False)
        ):
            ids = set(self._ids)
            Model = self.with_context(active_test=False)
            if Model.search_count([("id", "in", list(ids))]) == len(ids):
                return None
        return super()._check_access(operation)

    def _danvan_letter_domain(self):
        """The domain of the records of the model whose letter the user reads,
        when not all those he may read; empty: every reader of the record."""
        return []

    def _danvan_letter_restricted(self):
        """Whether some readers of the records do not read their letter:
        then ``_danvan_letter_domain`` tells whose letters the user reads."""
        return bool(self._danvan_letter_domain())

    def _danvan_letter_readable(self):
        """The records of ``self`` whose letter the user reads."""
        domain = self._danvan_letter_domain()
        if not domain:
            return self._filtered_access("read")
        if not self.env["ir.model.access"].check(self._name, "read", False):
            return self.browse()
        Model = self.with_context(active_test=False)
        return self.browse(Model._search([("id", "in", self.ids), *domain]))

    def _danvan_reader_dependents(self):
        """The confidential records (a list of recordsets) whose readers
        follow the assignment of ``self``: a petition's visits and cases, a
        case's petition."""
        return []

    def _danvan_readers(self, partners):
        """The ``partners`` with an internal user who may read ``self`` and
        its letter."""
        self.ensure_one()
        return partners.filtered(
            lambda partner: any(
                not user.share and self.with_user(user)._danvan_letter_readable()
                for user in partner.with_context(active_test=True).user_ids
            )
        )

    def _danvan_follow_readers(self):
        """After a reassignment the new assignees follow the record and those
        who may no longer read it (the previous handler or officer, its
        creator when not assigned) stop following it and its dependents."""
        records = [self, *self._danvan_reader_dependents()]
        for record in (record for recordset in records for record in recordset.sudo()):
            assignees = self.env["res.users"].union(
                *(
                    record[fname]
                    for fname in record._danvan_assignment_fields
                    if record._fields[fname].comodel_name == "res.users"
                )
            )
            if assignees:
                record.message_subscribe(assignees.partner_id.ids)
            followers = record.message_partner_ids
            gone = followers - record._danvan_readers(followers)
            if gone:
                record.message_unsubscribe(gone.ids)

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        """Nobody is sent a message of the record (which may quote the letter)
        unless he may read the record (TCD-11)."""
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        if len(self) != 1 or not recipients:
            return recipients
        partners = self.env["res.partner"].browse([r["id"] for r in recipients])
        readers = self._danvan_readers(partners.sudo())
        return [r for r in recipients if r["id"] in readers.ids]

    def _danvan_changed(self, vals):
        """The records of ``self`` whose assignment or content type ``vals``
        changes; a first content type is a classification, not a change."""
        fnames = [fname for fname in self._danvan_assignment_fields if fname in vals]
        if "petition_type" in vals:
            fnames.append("petition_type")
        changed = self.browse()
        for fname in fnames:
            field = self._fields[fname]
            new = field.convert_to_cache(vals[fname], self)
            for record in self.sudo():
                old = field.convert_to_cache(record[fname], record)
                if old != new and (fname != "petition_type" or old):
                    changed |= record
        return changed

    def _danvan_check_assignment(self, vals):
        if self.env.su or self.env.user.has_group(
            "danvan_base.group_danvan_leadership"
        ):
            return
        for record in self._danvan_changed(vals):
            record = record.sudo()
            heads = (
                record.department_id._danvan_unit_heads()
                if "department_id" in record._fields
                else self.env["res.users"]
            )
            if self.env.user not in heads:
                raise AccessError(
                    self.env._(
                        "%s: only leadership or the head of the handling unit "
                        "assigns, reassigns or reclassifies it. Its citizens' "
                        "identity is kept secret from everyone else (Article 12 "
                        "of Decree 154/2026/NĐ-CP).",
                        record.display_name,
                    )
                )
