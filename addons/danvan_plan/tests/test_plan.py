from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import DanvanCommon


@tagged("post_install", "-at_install")
class TestPlan(DanvanCommon):
    """The plan's workflow and rules (issue 3, items 1, 8 and 9)."""

    def _plan(self, year=2040, user=None, **vals):
        Plan = self.env["danvan.plan"].with_user(user or self.users["office"])
        return Plan.create(
            dict({"name": f"Kế hoạch dân vận năm {year}", "year": year}, **vals)
        )

    def test_title_has_a_sensible_length(self):
        """A title of 255 characters is kept; a pasted paragraph is refused."""
        plan = self._plan(name="K" * 255)
        self.assertEqual(len(plan.name), 255)
        with self.assertRaisesRegex(ValidationError, "255"):
            self._plan(year=2041, name="Kế hoạch " * 40)
        with self.assertRaises(ValidationError):
            plan.name = "K" * 256
        self.assertEqual(len(plan.name), 255)

    def test_workflow_to_approval_by_leadership(self):
        """The Office submits, leadership approves; the issue date is set."""
        plan = self._plan()
        plan.action_submit()
        self.assertEqual(plan.state, "submitted")
        plan.with_user(self.users["leader"]).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertTrue(plan.date_issued)
        plan.action_close()
        self.assertEqual(plan.state, "closed")

    def _approval_todos(self, plan):
        return plan.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("danvan_base.mail_activity_danvan_approval")
        )

    def test_submitted_plan_gives_every_leader_a_todo(self):
        """Issue 10: leadership sees the plan waiting; approving closes the to-dos."""
        plan = self._plan()
        plan.action_submit()
        todos = self._approval_todos(plan)
        self.assertIn(self.users["leader"], todos.user_id)
        self.assertEqual(todos.user_id, plan._danvan_approvers())
        self.assertEqual(len(todos), len(todos.user_id), "one to-do per leader")
        self.assertNotIn(self.users["office"], todos.user_id)
        self.assertNotIn(self.users["dv_admin"], todos.user_id)
        plan.with_user(self.users["leader"]).action_approve()
        self.assertFalse(plan.activity_ids)

    def test_plan_sent_back_to_draft_closes_the_todos(self):
        plan = self._plan()
        plan.action_submit()
        self.assertTrue(self._approval_todos(plan))
        plan.action_reset_draft()
        self.assertFalse(plan.activity_ids)

    def test_only_leadership_approves(self):
        """The Office cannot approve its own plan."""
        plan = self._plan()
        plan.action_submit()
        with self.assertRaises(AccessError):
            plan.action_approve()
        self.assertEqual(plan.state, "submitted")

    def test_approving_twice_is_refused(self):
        """A second approval (double click) is a clear error and changes nothing."""
        plan = self._plan()
        plan.action_submit()
        leader_plan = plan.with_user(self.users["leader"])
        leader_plan.action_approve()
        with self.assertRaises(UserError):
            leader_plan.action_approve()
        self.assertEqual(plan.state, "approved")

    def test_skipping_a_state_is_refused(self):
        """A draft cannot be approved or closed directly."""
        plan = self._plan()
        with self.assertRaises(UserError):
            plan.with_user(self.users["leader"]).action_approve()
        with self.assertRaises(UserError):
            plan.action_close()
        self.assertEqual(plan.state, "draft")

    def test_one_live_plan_per_year_and_type(self):
        """A second plan of a year and type is refused until the first is cancelled."""
        first = self._plan()
        with self.assertRaises(ValidationError):
            self._plan()
        self._plan(plan_type="grassroots_democracy")
        first.action_cancel()
        self.assertTrue(self._plan())

    def test_database_refuses_a_second_live_plan(self):
        """Two users saving at once: the database itself keeps one live plan."""
        plan = self._plan()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "INSERT INTO danvan_plan (name, year, plan_type, state, active, "
                    "company_id) VALUES ('Bản sao', %s, %s, 'draft', true, %s)",
                    [plan.year, plan.plan_type, plan.company_id.id],
                )

    def test_staff_read_but_do_not_write_plans(self):
        """Staff and unit heads read plans; they neither create nor edit them."""
        plan = self._plan()
        for login in ("staff", "unit_head"):
            user = self.users[login]
            self.assertEqual(plan.with_user(user).name, plan.name)
            with self.assertRaises(AccessError, msg=login):
                plan.with_user(user).write({"name": "Khác"})
            with self.assertRaises(AccessError, msg=login):
                self._plan(2050, user=user)

    def test_issued_plan_is_archived_never_deleted(self):
        """An approved plan is never deleted, even by the administrator: archived."""
        plan = self._plan()
        plan.action_submit()
        plan.with_user(self.users["leader"]).action_approve()
        with self.assertRaises(UserError):
            plan.with_user(self.users["dv_admin"]).unlink()
        plan.action_archive()
        self.assertFalse(plan.active)
        draft = self._plan(2041)
        draft.with_user(self.users["dv_admin"]).unlink()
        self.assertFalse(draft.exists())

    def test_copy_to_next_year_keeps_the_tree(self):
        """Copying gives next year's draft with the same outline and parents."""
        plan = self._plan()
        Item = self.env["danvan.plan.item"].with_user(self.users["office"])
        section = Item.create(
            {"plan_id": plan.id, "mark": "II", "name": "NỘI DUNG", "sequence": 1}
        )
        item = Item.create(
            {
                "plan_id": plan.id,
                "parent_id": section.id,
                "mark": "1",
                "name": "Tuyên truyền",
                "sequence": 2,
            }
        )
        Item.create(
            {
                "plan_id": plan.id,
                "parent_id": item.id,
                "mark": "a",
                "name": "Phổ biến",
                "sequence": 3,
            }
        )
        plan.action_submit()
        plan.with_user(self.users["leader"]).action_approve()
        action = plan.action_copy_next_year()
        copy = self.env["danvan.plan"].browse(action["res_id"])
        self.assertEqual((copy.year, copy.state), (2041, "draft"))
        self.assertEqual(copy.name, "Kế hoạch dân vận năm 2041")
        self.assertFalse(copy.number)
        self.assertEqual(
            copy.item_ids.sorted("sequence").mapped("outline"), ["II", "II.1", "II.1.a"]
        )
        leaf = copy.item_ids.filtered(lambda i: i.outline == "II.1.a")
        self.assertEqual(leaf.parent_id.parent_id.plan_id, copy)
        self.assertEqual(len(plan.item_ids), 3)

    def test_item_parent_must_be_in_the_same_plan(self):
        """An item cannot hang under an item of another plan."""
        plan, other = self._plan(), self._plan(2041)
        Item = self.env["danvan.plan.item"]
        section = Item.create({"plan_id": other.id, "mark": "I", "name": "MỤC ĐÍCH"})
        with self.assertRaises(ValidationError):
            Item.create(
                {"plan_id": plan.id, "parent_id": section.id, "mark": "1", "name": "X"}
            )

    def test_state_changes_are_tracked(self):
        """Submitting is logged in the chatter."""
        plan = self._plan().with_context(tracking_disable=False, mail_notrack=False)
        self.env.flush_all()
        self.env.cr.precommit.run()
        plan.action_submit()
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracking = plan.sudo().message_ids[:1].tracking_value_ids
        self.assertEqual(tracking.field_id.name, "state")
