from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DanvanCommon


@tagged("post_install", "-at_install")
class TestPlanKeptItems(DanvanCommon):
    """VB-7: the outline of an issued plan is printed in it and kept with it;
    its tasks keep their own workflow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_plan_2025()
        # II.1 under the section, II.1.a under II.1: a nested outline.
        Item, parent = cls.env["danvan.plan.item"], cls.section
        for mark, name in (("1", "Tuyên truyền"), ("a", "Hội nghị")):
            values = {"plan_id": cls.plan.id, "parent_id": parent.id}
            parent = Item.create(dict(values, mark=mark, name=name))
        cls.item, cls.sub_item = parent.parent_id, parent
        cls.item.description = "Phổ biến chính sách."
        cls.items = cls.section | cls.item | cls.sub_item

    def _approve(self):
        self.plan.with_user(self.users["office"]).action_submit()
        self.plan.with_user(self.users["leader"]).action_approve()

    def test_vb7_items_editable_until_the_plan_is_issued(self):
        Item = self.env["danvan.plan.item"].with_user(self.users["office"])
        self.item.with_user(self.users["office"]).name = "Tuyên truyền, vận động"
        Item.create({"plan_id": self.plan.id, "mark": "III", "name": "TỔ CHỨC"})
        self.plan.with_user(self.users["office"]).action_submit()
        self.sub_item.with_user(self.users["office"]).unlink()
        self.assertFalse(self.sub_item.exists())

    def test_vb7_items_of_an_approved_plan_are_kept(self):
        self._approve()
        fields_ = ["name", "mark", "description", "sequence", "parent_id", "outline"]
        before = self.items.read(fields_)
        for role in ("office", "leader"):
            items = self.items.with_user(self.users[role])
            for item in items:
                with self.assertRaisesRegex(UserError, "locked"):
                    item.write({"name": "Đã sửa", "description": "Đã sửa"})
                with self.assertRaisesRegex(UserError, "locked"):
                    item.unlink()
            with self.assertRaisesRegex(UserError, "locked"):
                items[2].mark = "b"
            with self.assertRaisesRegex(UserError, "locked"):
                items.env["danvan.plan.item"].create(
                    {
                        "plan_id": self.plan.id,
                        "parent_id": self.item.id,
                        "mark": "b",
                        "name": "Thêm",
                    }
                )
        self.env.invalidate_all()
        self.assertEqual(self.items.exists(), self.items)
        self.assertEqual(self.items.read(fields_), before)
        self.assertEqual(len(self.plan.item_ids), 3)
        self.plan.with_user(self.users["office"]).action_close()
        with self.assertRaisesRegex(UserError, "locked"):
            self.item.with_user(self.users["office"]).name = "Đã sửa"

    def test_vb7_tasks_under_kept_items_keep_their_workflow(self):
        self._approve()
        task = (
            self.env["danvan.plan.task"]
            .with_user(self.users["office"])
            .create(
                {
                    "name": "Tổ chức hội nghị",
                    "item_id": self.sub_item.id,
                    "lead_department_id": self.unit_science.id,
                    "date_deadline": date(2025, 6, 30),
                }
            )
        )
        task.name = "Tổ chức hội nghị tuyên truyền"
        task.action_start()
        self.assertEqual(task.state, "in_progress")
        self.assertEqual(self.sub_item.task_ids, task)
