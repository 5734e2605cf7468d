from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

# The mark of a write made by ``_transition``. An object of this module: a
# context sent through RPC is JSON and can never hold it.
_GATE = object()
_GATE_KEY = "danvan_workflow_gate"


class DanvanWorkflowMixin(models.AbstractModel):
    """The workflow gate: state changes only through declared transitions.

    A model lists its moves in ``_transitions``:
    ``{action: (sources, target, group)}``, ``group`` the xml id of the role
    that may make the move, or False for anyone who may write the record.
    ``_transition`` checks the role, locks the rows and reads their state
    again from the database, so a double click or two users at once never
    skip or repeat a state. Any other write of ``state`` is refused, for
    every user but the superuser.

    ``_locked_states``: in these states the record accepts writes only to
    its free fields (followers, messages, activities, active).
    ``_deletable_states``: None, no restriction; else the states in which
    the record may be deleted, for every role (the law keeps the others).
    ``_danvan_locked_attach``: files may still be added to a locked record
    (never deleted nor rewritten).
    """

    _name = "danvan.workflow.mixin"
    _description = "Dân vận Workflow"
    _transitions = {}
    _locked_states = ()
    _deletable_states = None
    _danvan_locked_attach = False

    def _transition(self, action, values=None):
        sources, target, group = self._transitions[action]
        if group and not self.env.su and not self.env.user.has_group(group):
            raise AccessError(
                self.env._(
                    "Only the role %(role)s may do this on %(records)s.",
                    role=self.env.ref(group).sudo().name,
                    records=", ".join(self.sudo().mapped("display_name")),
                )
            )
        if not self:
            return True
        self.flush_recordset(["state"])
        self.env.cr.execute(
            SQL(
                "SELECT state FROM %s WHERE id IN %s FOR UPDATE",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        if len(self.ids) != self.env.cr.rowcount or any(
            state not in sources for (state,) in self.env.cr.fetchall()
        ):
            raise UserError(
                self.env._(
                    "This action is not possible in the current status of %s. "
                    "Reload the page: someone may have changed it.",
                    ", ".join(self.mapped("display_name")),
                )
            )
        gate = (_GATE, self._name, frozenset(self.ids))
        self.with_context(**{_GATE_KEY: gate}).write(dict(values or {}, state=target))
        return True

    def _danvan_gate_open(self):
        """Whether this write is the one of a transition of these records."""
        gate = self.env.context.get(_GATE_KEY)
        return (
            isinstance(gate, tuple)
            and gate[0] is _GATE
            and gate[1] == self._name
            and gate[2].issuperset(self.ids)
        )

    def _danvan_locked(self):
        """The records of ``self`` in a locked state."""
        return self.sudo().filtered(lambda record: record.state in self._locked_states)

    def _danvan_is_locked(self):
        return bool(self._danvan_locked())

    @api.model
    def _danvan_free_fields(self):
        """What a locked record still accepts: its followers, activities and
        archiving. Not its messages: the chatter's history is kept with it
        (see mail.message)."""
        free = {"active", "message_main_attachment_id"}
        for name in ("mail.thread", "mail.activity.mixin"):
            free.update(
                fname
                for fname, field in self.env[name]._fields.items()
                if not field.automatic
                and fname not in ("display_name", "message_ids", "website_message_ids")
                and fname in self._fields
            )
        return free

    def _danvan_refuse_files(self):
        """Refuse new, changed or deleted files of the locked ``self``."""
        raise UserError(
            self.env._(
                "The files of %s are kept with it in its current "
                "status: they can no longer be added, changed or "
                "deleted.",
                ", ".join(self.mapped("display_name")),
            )
        )

    def _danvan_check_post_files(self, message_values):
        """Files posted in the chatter join the record under sudo, past the
        check of ir.attachment (see mail.thread): a locked record that takes
        no new files refuses them here."""
        if self.env.su or self._danvan_locked_attach:
            return
        records = self
        if message_values.get("model") == self._name and "res_id" in message_values:
            records = self.browse(message_values["res_id"])
        locked = records._danvan_locked()
        if locked and not locked._danvan_gate_open():
            locked._danvan_refuse_files()

    def _danvan_refuse_state(self, names):
        raise UserError(
            self.env._("The status of %s changes only through its buttons.", names)
        )

    @api.model_create_multi
    def create(self, vals_list):
        """A new record starts in the first state: a later one is reached by
        the transitions (the superuser sets up any state). The first state is
        the default of the field in the code: a ``default_state`` in the
        context (which RPC sends, copy() follows) or a user's ir.default is
        no way past the gate."""
        if not self.env.su:
            field = self._fields["state"]
            first = field.default(self) if field.default else False
            given = self.default_get(["state"]).get("state", first)
            skipping = [vals for vals in vals_list if vals.get("state", given) != first]
            if skipping:
                self._danvan_refuse_state(
                    ", ".join(
                        str(vals.get("name") or self._description) for vals in skipping
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and not self._danvan_gate_open():
            if "state" in vals:
                self._danvan_refuse_state(", ".join(self.sudo().mapped("display_name")))
            if not vals.keys() <= self._danvan_free_fields():
                locked = self._danvan_locked()
                if locked:
                    raise UserError(
                        self.env._(
                            "%s is locked in its current status: it can no "
                            "longer be changed.",
                            ", ".join(locked.mapped("display_name")),
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kept(self):
        if self._deletable_states is None:
            return
        kept = self.sudo().filtered(
            lambda record: record.state not in self._deletable_states
        )
        if kept:
            raise UserError(
                self.env._(
                    "%s is kept by law and cannot be deleted.",
                    ", ".join(kept.mapped("display_name")),
                )
            )

    def _agency_env(self):
        """The environment in the agency's language, for what the record
        stores or issues once for every reader (names, summaries, to-dos,
        file names), whoever's language the user works in."""
        company = self[:1]["company_id"] if "company_id" in self._fields else False
        return self.with_context(lang=(company or self.env.company)._danvan_lang()).env

    def _danvan_approvers(self):
        """Leadership, without those who hold it only as administrators."""
        leaders = self.env.ref("danvan_base.group_danvan_leadership").sudo().users
        leaders = leaders.filtered(lambda user: user.active and not user.share)
        admins = self.env.ref("danvan_base.group_danvan_admin").sudo().users
        return (leaders - admins) or leaders

    def _danvan_role_users(self, group_xmlid):
        """The active internal users who hold the role ``group_xmlid`` in the
        record's agency, without those who hold it only as administrators."""
        company = self[:1]["company_id"] if "company_id" in self._fields else False
        users = self.env.ref(group_xmlid).sudo().users
        admins = self.env.ref("danvan_base.group_danvan_admin").sudo().users
        return (users - admins).filtered(
            lambda user: user.active
            and not user.share
            and (not company or company in user.company_ids)
        )

    def _danvan_office_users(self):
        """The Office officers of the record's agency: whom its deadlines warn."""
        return self._danvan_role_users("danvan_base.group_danvan_office")

    def _danvan_ask_approval(self, summary):
        """A to-do for every approver: the record waits for leadership."""
        approvers = self._danvan_approvers()
        for record in self.sudo():
            for user in approvers:
                record.activity_schedule(
                    "danvan_base.mail_activity_danvan_approval",
                    summary=summary,
                    user_id=user.id,
                )

    def _danvan_approval_done(self, feedback=None):
        """The approval to-dos are done once one approver has decided."""
        self._danvan_activities_done(
            "danvan_base.mail_activity_danvan_approval", feedback
        )

    def _danvan_approval_cancel(self):
        """The approval to-dos go when the record goes back to its author."""
        self.sudo().activity_unlink(["danvan_base.mail_activity_danvan_approval"])

    def _danvan_activities_done(self, activity_type, feedback=None):
        """Mark the to-dos done; the chatter's note says so in the agency's
        language, as everything the agency stores once for every reader."""
        lang = self._agency_env().lang
        self.sudo().with_context(lang=lang).activity_feedback(
            [activity_type], feedback=feedback
        )
