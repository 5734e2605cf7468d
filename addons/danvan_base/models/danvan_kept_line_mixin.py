from odoo import api, models
from odoo.exceptions import UserError


class DanvanKeptLineMixin(models.AbstractModel):
    """A line of a record the law keeps (senders, visitors, report lines).

    ``_danvan_kept_parent`` names the Many2one to the record, a model of
    ``danvan.workflow.mixin``. Once the record is locked its lines can no
    longer be added, rewritten or deleted, by any role but the superuser;
    the transition that locks it may still write them.
    """

    _name = "danvan.kept.line.mixin"
    _description = "Dân vận Kept Line"
    _danvan_kept_parent = None

    def _danvan_check_parents(self, parents):
        if self.env.su or parents._danvan_gate_open():
            return
        locked = parents._danvan_locked()
        if locked:
            raise UserError(
                self.env._(
                    "%s is locked in its current status: its lines can no "
                    "longer be added, changed or deleted.",
                    ", ".join(locked.mapped("display_name")),
                )
            )

    def _danvan_parents(self, ids=()):
        parents = self.sudo()[self._danvan_kept_parent]
        return parents.browse(set(parents.ids) | set(ids)).with_env(self.env)

    @api.model_create_multi
    def create(self, vals_list):
        ids = {vals.get(self._danvan_kept_parent) for vals in vals_list} - {False, None}
        self._danvan_check_parents(self.browse()._danvan_parents(ids))
        return super().create(vals_list)

    def write(self, vals):
        new_parent = vals.get(self._danvan_kept_parent)
        self._danvan_check_parents(
            self._danvan_parents([new_parent] if new_parent else [])
        )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_parent(self):
        self._danvan_check_parents(self._danvan_parents())
