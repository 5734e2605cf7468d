from datetime import date

from odoo.tests import freeze_time, tagged

from .test_plan_dashboard import DashboardCommon

# The blocks of danvan_base and danvan_plan; the other addons add theirs.
PLAN_BLOCKS = {
    "approvals",
    "reports_to_review",
    "reports_to_send",
    "tasks_due",
    "todos",
}


class MyWorkCommon(DashboardCommon):
    """On 11/6/2025 (see DashboardCommon), and besides: Science has a draft
    and a returned report, SMQ a draft; the staff member has a to-do;
    the plan waits for leadership's approval."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.MyWork = cls.env["danvan.my.work"]

    def _add_my_work(self):
        head = self.users["unit_head"]
        self.report_draft = self._report(self.task_smq, self.unit_science, head)
        self.report_returned = self._report(
            self.tasks_science_late[0], self.unit_science, head
        )
        self.report_returned.action_submit()
        office_report = self.report_returned.with_user(self.users["office"])
        office_report.return_reason = "Thiếu số liệu"
        office_report.action_return()
        self._report(self.task_smq, self.unit_smq, self.head_smq)
        self.todo = self.tasks_science_late[1].activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Chuẩn bị hội trường",
            user_id=self.users["staff"].id,
            date_deadline=date(2025, 6, 12),
        )
        self.plan._danvan_ask_approval("Phê duyệt kế hoạch")

    def _blocks(self, user, lang=None):
        my_work = self.MyWork.with_user(user).with_context(lang=lang or "en_US")
        return {block["key"]: block for block in my_work.get_my_work()["blocks"]}

    def _counts(self, user):
        """The count of each block of danvan_plan the user sees."""
        return {
            key: block["count"]
            for key, block in self._blocks(user).items()
            if key in PLAN_BLOCKS
        }


@tagged("post_install", "-at_install")
class TestMyWork(MyWorkCommon):
    """Each role starts on what waits for it, within its record rules (issue 10)."""

    def setUp(self):
        super().setUp()
        self._open_rounds()
        self._add_my_work()

    @freeze_time("2025-06-11")
    def test_staff_sees_the_reports_and_tasks_of_their_unit(self):
        """Draft and returned reports of Science; its two overdue tasks and the
        SMQ task it cooperates on; the staff member's own to-do."""
        blocks = self._blocks(self.users["staff"])
        self.assertEqual(
            self._counts(self.users["staff"]),
            {"reports_to_send": 2, "tasks_due": 3, "todos": 1},
        )
        self.assertEqual(
            blocks["tasks_due"]["records"][0],
            {
                "id": self.tasks_science_late[0].id,
                "name": "Hội nghị",
                "detail": False,
                "date": "2025-03-14",
                "res_model": "danvan.plan.task",
                "res_id": self.tasks_science_late[0].id,
            },
            "the most overdue first",
        )
        self.assertEqual(
            blocks["todos"]["records"],
            [
                {
                    "id": self.todo.id,
                    "name": "Tập huấn",
                    "detail": "Chuẩn bị hội trường",
                    "date": "2025-06-12",
                    "res_model": "danvan.plan.task",
                    "res_id": self.tasks_science_late[1].id,
                }
            ],
            "a to-do opens its document",
        )
        reports = self.env["danvan.plan.report"].search(
            blocks["reports_to_send"]["domain"]
        )
        self.assertEqual(reports, self.report_draft | self.report_returned)

    @freeze_time("2025-06-11")
    def test_unit_head_sees_only_their_unit(self):
        """Besides their unit's reports and tasks, the requests of the open
        rounds for the unit's report are the unit head's to-dos."""
        head = self.users["unit_head"]
        self.assertEqual(
            self._counts(head), {"reports_to_send": 2, "tasks_due": 3, "todos": 2}
        )
        self.assertEqual(
            {row["res_model"] for row in self._blocks(head)["todos"]["records"]},
            {"danvan.plan.round.unit"},
        )
        self.assertEqual(
            self._counts(self.head_smq),
            {"reports_to_send": 1, "tasks_due": 1, "todos": 1},
        )

    @freeze_time("2025-06-11")
    def test_office_reviews_the_submitted_reports(self):
        """The Office reviews every unit's report, and sends none."""
        blocks = self._blocks(self.users["office"])
        self.assertEqual(
            self._counts(self.users["office"]),
            {"reports_to_review": 1, "tasks_due": 0, "todos": 0},
        )
        self.assertEqual(
            blocks["reports_to_review"]["records"][0]["res_id"], self.report_smq.id
        )

    @freeze_time("2025-06-11")
    def test_leadership_sees_the_approvals_waiting(self):
        blocks = self._blocks(self.users["leader"])
        self.assertEqual(
            self._counts(self.users["leader"]),
            {"approvals": 1, "reports_to_review": 1, "tasks_due": 0, "todos": 0},
        )
        self.assertEqual(
            blocks["approvals"]["records"][0]["name"], "Kế hoạch 2025", "the plan"
        )
        self.assertNotIn("approvals", self._blocks(self.users["office"]))

    @freeze_time("2025-06-11")
    def test_staff_of_the_office_sees_the_plan_blocks_of_a_staff_member(self):
        """The Office unit has no report nor task: the blocks say so."""
        user = self._add_role_user(
            "office_staff", "danvan_base.group_danvan_staff", self.unit_office
        )
        self.assertEqual(
            self._counts(user),
            {"reports_to_send": 0, "tasks_due": 0, "todos": 0},
        )

    @freeze_time("2025-06-11")
    def test_empty_blocks_say_so_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        blocks = self._blocks(self.users["office"], lang="vi_VN")
        self.assertEqual(blocks["tasks_due"]["records"], [])
        self.assertEqual(
            blocks["tasks_due"]["empty"],
            "Đơn vị của bạn không có nhiệm vụ nào đến hạn trong tuần tới.",
        )
        self.assertEqual(
            blocks["tasks_due"]["title"], "Nhiệm vụ của đơn vị đến hạn, quá hạn"
        )

    def test_a_task_is_due_within_a_working_week(self):
        """Tổng kết is due on 15/12/2025: five working days before, it shows."""
        task = self.env["danvan.plan.task"].search([("name", "=", "Tổng kết")])
        self.tasks_science_late.action_archive()
        self.task_smq.action_archive()
        with freeze_time("2025-12-05"):  # a Friday: 15/12 is the 6th working day
            self.assertEqual(self._counts(self.users["staff"])["tasks_due"], 0)
        with freeze_time("2025-12-08"):
            blocks = self._blocks(self.users["staff"])
            self.assertEqual(blocks["tasks_due"]["count"], 1)
            self.assertEqual(blocks["tasks_due"]["records"][0]["res_id"], task.id)


@tagged("post_install", "-at_install", "is_query_count")
class TestMyWorkQueries(MyWorkCommon):
    """My Work costs as many queries for 60 reports, tasks and to-dos as for 3."""

    def _load(self, user):
        """The screen of ``user``, caches warm but no record cached."""
        my_work = self.MyWork.with_user(user)
        my_work.get_my_work()
        self.env.invalidate_all()
        return my_work

    def _queries(self, my_work):
        self.env.flush_all()
        start = self.cr.sql_log_count
        my_work.get_my_work()
        return self.cr.sql_log_count - start

    def _add_work(self, count):
        """Overdue tasks of Science with a draft report and a to-do each."""
        tasks = self.env["danvan.plan.task"].create(
            [
                {
                    "name": f"Nhiệm vụ {index:02}",
                    "item_id": self.item_a.id,
                    "lead_department_id": self.unit_science.id,
                    "date_deadline": date(2025, 4, 1),
                }
                for index in range(count)
            ]
        )
        self.env["danvan.plan.report"].create(
            [
                {
                    "task_id": task.id,
                    "department_id": self.unit_science.id,
                    "content": "<p>Kết quả</p>",
                    "state": state,
                }
                for task in tasks
                for state in ("draft", "submitted")
            ]
        )
        for task in tasks:
            for login in ("staff", "leader"):
                task.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=self.users[login].id
                )
            task.with_user(self.users["office"])._danvan_ask_approval("Duyệt")

    @freeze_time("2025-06-11")
    def test_query_count_does_not_grow_with_the_data(self):
        self._open_rounds()
        self._add_my_work()
        self._add_work(1)
        queries = {
            login: self._queries(self._load(self.users[login]))
            for login in ("staff", "leader")
        }
        self._add_work(59)
        for login in ("staff", "leader"):
            my_work = self._load(self.users[login])
            with self.assertQueryCount(queries[login]):
                blocks = {b["key"]: b for b in my_work.get_my_work()["blocks"]}
            self.assertGreaterEqual(blocks["todos"]["count"], 60, login)
            self.assertEqual(len(blocks["todos"]["records"]), 5, login)
        self.assertEqual(blocks["approvals"]["count"], 61)
        self.assertEqual(blocks["reports_to_review"]["count"], 61)
