"""Table-driven checks of a model's workflow gate, as each role."""

from odoo.exceptions import AccessError, UserError

# The common roles of DanvanCommon, from the least privileged up.
ROLES = ("staff", "unit_head", "office", "leader", "dv_admin")


class DanvanGateCase:
    """Mixed into a DanvanCommon test: the gate of one real model, tried as
    every role."""

    def assertTransitions(self, model, makers):
        """A declared transition moves the record for each role holding its
        group; any other role gets AccessError and the record stays.
        ``makers``: {state: a function returning a new record in that state,
        on which the actions leaving it can run}."""
        for action, (sources, target, group) in self.env[model]._transitions.items():
            source = next(s for s in sorted(sources) if s in makers)
            make = makers[source]
            for role in ROLES:
                user = self.users[role]
                with self.subTest(action=action, source=source, role=role):
                    record = make()
                    if not group or user.has_group(group):
                        getattr(record.with_user(user), action)()
                        self.assertEqual(record.state, target)
                    else:
                        with self.assertRaises(AccessError):
                            getattr(record.with_user(user), action)()
                        self.assertEqual(record.state, source)

    def assertStateNotWritten(self, record):
        """No role writes the state, to any value: nothing changes."""
        before = record.state
        states = [value for value, __ in record._fields["state"].selection]
        for role in ROLES:
            for state in states:
                with self.subTest(role=role, state=state):
                    with self.assertRaises(UserError):
                        record.with_user(self.users[role]).write({"state": state})
                    self.assertEqual(record.state, before)

    def assertLocked(self, record, vals):
        """A locked record refuses ``vals`` from every role, and still takes
        followers and archiving from the roles who may write it."""
        before = record.read(list(vals))[0]
        for role in ROLES:
            user = self.users[role]
            as_user = record.with_user(user)
            with self.subTest(role=role):
                with self.assertRaises(UserError):
                    as_user.write(vals)
                self.assertEqual(record.read(list(vals))[0], before)
                if not as_user.has_access("write"):
                    continue
                as_user.message_subscribe(partner_ids=user.partner_id.ids)
                self.assertIn(user.partner_id, record.message_partner_ids)
                if "active" in record._fields:
                    as_user.write({"active": False})
                    self.assertFalse(record.active)
                    as_user.write({"active": True})

    def assertKept(self, record):
        """No role deletes the record, the superuser included."""
        for role in ROLES:
            with self.subTest(role=role):
                with self.assertRaises(UserError):
                    record.with_user(self.users[role]).unlink()
                self.assertTrue(record.exists())
        with self.assertRaisesRegex(UserError, "kept by law"):
            record.sudo().unlink()
        self.assertTrue(record.exists())
