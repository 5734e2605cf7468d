from markupsafe import Markup

from odoo import fields
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """Issue 10: the demo shows the year it is installed in, in the language of
    the database."""

    def setUp(self):
        super().setUp()
        if not self.env.ref(
            "danvan_plan.danvan_plan_2025_demo", raise_if_not_found=False
        ):
            self.skipTest("installed without demo data")

    def test_current_year_plan_round_and_tasks(self):
        today = fields.Date.context_today(self.env.user)
        plan = self.env.ref("danvan_plan.danvan_plan_current_demo")
        self.assertEqual((plan.year, plan.state), (today.year, "approved"))
        self.assertTrue(plan.item_ids)
        tasks = self.env["danvan.plan.task"].search([("plan_id", "=", plan.id)])
        deadlines = [task.date_deadline for task in tasks if task.date_deadline]
        self.assertTrue(deadlines)
        self.assertTrue(all(abs((day - today).days) <= 31 for day in deadlines))
        round_ = self.env.ref("danvan_plan.danvan_plan_round_current_demo")
        self.assertEqual(round_.state, "open")
        self.assertGreaterEqual(round_.date_cutoff, today)
        self.assertEqual(
            round_.round_type, "half_year" if today.month <= 6 else "annual"
        )
        self.assertTrue(round_.line_ids)
        waiting = self.env.ref(
            "danvan_plan.danvan_plan_report_science_now_current_demo"
        )
        self.assertEqual(waiting.state, "submitted")
        self.assertEqual(
            waiting.activity_ids.user_id,
            self.env.ref("danvan_base.user_danvan_office_demo"),
        )
        democracy = self.env.ref("danvan_plan.danvan_plan_democracy_current_demo")
        self.assertEqual(democracy.state, "submitted")
        self.assertIn(
            self.env.ref("danvan_base.user_danvan_leader_demo"),
            democracy.activity_ids.user_id,
        )

    def test_creation_message_names_the_model_in_its_language(self):
        """Not 'Plan Task được tạo': the translations are loaded before the demo."""
        task = self.env.ref("danvan_plan.danvan_plan_task_propaganda_demo")
        first = task.message_ids.sorted("id")[:1]
        lang = "vi_VN" if "được tạo" in first.body else "en_US"
        name = self.env["ir.model"].with_context(lang=lang)._get(task._name).name
        self.assertIn(name, first.body)


@tagged("post_install", "-at_install")
class TestModelNames(TransactionCase):
    """Issue 10: every model of the addon has its Vietnamese name, used in the
    chatter's creation message."""

    def test_models_named_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        models = self.env["ir.model.data"].search(
            [("module", "=", "danvan_plan"), ("model", "=", "ir.model")]
        )
        records = self.env["ir.model"].browse(models.mapped("res_id"))
        own = records.filtered(lambda m: m.model.startswith("danvan."))
        self.assertTrue(own)
        for model in own:
            with self.subTest(model=model.model):
                self.assertNotEqual(
                    model.with_context(lang="vi_VN").name,
                    model.with_context(lang="en_US").name,
                )
        task = self.env["danvan.plan.task"].with_context(lang="vi_VN").new({})
        self.assertEqual(task._creation_message(), "Nhiệm vụ kế hoạch được tạo")

    def test_creation_message_outside_a_session(self):
        """No language in the context (install, cron, external call): the model's
        name follows the language of '%s created', the user's."""
        self.env["res.lang"]._activate_lang("vi_VN")
        user = new_test_user(
            self.env, login="dv_no_session", groups="danvan_base.group_danvan_office"
        )
        user.lang = "vi_VN"
        plan = self.env(user=user, context={})["danvan.plan"].create(
            {"name": "Kế hoạch không phiên", "year": 2041}
        )
        self.assertFalse(plan.env.lang)
        self.assertEqual(
            plan.message_ids[-1:].body, Markup("<p>Kế hoạch dân vận được tạo</p>")
        )
