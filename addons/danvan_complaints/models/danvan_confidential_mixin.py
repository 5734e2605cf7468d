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
    """

    _name = "danvan.confidential.mixin"
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
        return super().write(self._danvan_sticky_vals(vals))

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
