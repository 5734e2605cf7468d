from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .test_plan_round import RoundCommon


class DashboardCommon(RoundCommon):
    """On 11/6/2025: three overdue tasks, a report to review, a late unit.

    Science leads two overdue tasks, SMQ one; SMQ has reported in the open
    6-month round, Science has not and is late since the cut-off of 10/6.
    Neither reported in the ad hoc round being drafted: both are late there.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_aside_other_plans()
        cls.Dashboard = cls.env["danvan.plan.dashboard"]
        Task = cls.env["danvan.plan.task"]
        values = {"item_id": cls.item_a.id, "lead_department_id": cls.unit_science.id}
        cls.tasks_science_late = Task.create(
            [
                dict(values, name="Hội nghị", date_deadline=date(2025, 3, 14)),
                dict(values, name="Tập huấn", date_deadline=date(2025, 4, 15)),
            ]
        )
        cls.task_done = Task.create(
            dict(values, name="Đã xong", date_deadline=date(2025, 2, 14), weight=4)
        )
        cls.task_done.action_mark_reported()
        cls.task_done.action_done()
        Task.create(dict(values, name="Tổng kết", date_deadline=date(2025, 12, 15)))
        cls.env["danvan.plan"].create(
            {"name": "Kế hoạch 2026", "year": 2026, "plan_type": "other"}
        )

    @classmethod
    def _set_aside_other_plans(cls):
        """The figures below count this plan alone, with demo data or without."""
        others = [("plan_id", "!=", cls.plan.id)]
        cls.env["danvan.plan.round"].search(others).write({"state": "cancelled"})
        cls.env["danvan.plan.report"].search(others).action_archive()
        cls.env["danvan.plan.task"].search(others).action_archive()
        cls.env["danvan.plan"].search([("id", "!=", cls.plan.id)]).write(
            {"state": "closed"}
        )

    def _open_rounds(self):
        """An ad hoc round being drafted, then the 6-month round collecting."""
        office = self.users["office"]
        self.round_ad_hoc = self._round(
            round_type="ad_hoc",
            date_from=date(2025, 3, 1),
            date_to=date(2025, 5, 31),
            date_cutoff=date(2025, 5, 20),
        )
        self.round_ad_hoc.with_user(office).action_open()
        self.round_ad_hoc.with_user(office).action_compile()
        self.round_half = self._round()
        self.round_half.with_user(office).action_open()
        self._round(round_type="annual")  # a draft: not in progress
        self.report_smq = self._report(self.task_smq, self.unit_smq, self.head_smq)
        self.report_smq.action_submit()

    def _data(self, user):
        return self.Dashboard.with_user(user).get_dashboard_data()


@tagged("post_install", "-at_install")
class TestPlanDashboard(DashboardCommon):
    """The figures of the Office dashboard, within each user's rights."""

    def setUp(self):
        super().setUp()
        self._open_rounds()

    @freeze_time("2025-06-11")
    def test_office_sees_every_unit(self):
        data = self._data(self.users["office"])
        self.assertEqual(data["overdue_tasks"], 3)
        self.assertEqual(
            data["overdue_by_unit"],
            [
                {
                    "unit_id": self.unit_science.id,
                    "unit": "Phòng Quản lý Khoa học",
                    "count": 2,
                },
                {"unit_id": self.unit_smq.id, "unit": "Chi cục TĐC", "count": 1},
            ],
        )
        self.assertEqual(data["reports_to_review"], 1)
        self.assertEqual(data["late_unit_count"], 3)
        line = self._line(self.round_half, self.unit_science)
        self.assertEqual(
            data["late_units"][2:],
            [
                {
                    "line_id": line.id,
                    "unit": "Phòng Quản lý Khoa học",
                    "round": self.round_half.name,
                    "cutoff": "2025-06-10",
                    "reported": 0,
                    "total": line.task_count,
                    "reminders": 0,
                }
            ],
        )
        self.assertEqual(line.task_count, 5, "quarterly, 2 overdue, done, December")

    @freeze_time("2025-06-11")
    def test_domains_open_what_is_counted(self):
        data = self._data(self.users["office"])
        domains = data["domains"]
        self.assertEqual(
            self.env["danvan.plan.task"].search(domains["overdue_tasks"]),
            self.task_smq | self.tasks_science_late,
        )
        self.assertEqual(
            self.env["danvan.plan.report"].search(domains["reports_to_review"]),
            self.report_smq,
        )
        self.assertEqual(
            self.env["danvan.plan.round.unit"].search(domains["late_units"]),
            self.round_ad_hoc.line_ids | self._line(self.round_half, self.unit_science),
        )
        self.assertEqual(
            self.env["danvan.plan.round"].search(domains["open_rounds"]),
            self.round_ad_hoc | self.round_half,
        )

    @freeze_time("2025-06-11")
    def test_unit_head_sees_only_their_unit(self):
        """Record rules: SMQ's head sees SMQ's task, report and line only; the
        staff see what their unit head sees; other users see nothing."""
        data = self._data(self.head_smq)
        self.assertEqual(data["overdue_tasks"], 1)
        self.assertEqual(
            data["overdue_by_unit"],
            [{"unit_id": self.unit_smq.id, "unit": "Chi cục TĐC", "count": 1}],
        )
        self.assertEqual(data["reports_to_review"], 1)
        self.assertEqual(
            [(line["unit"], line["round"]) for line in data["late_units"]],
            [("Chi cục TĐC", self.round_ad_hoc.name)],
        )
        self.assertEqual(
            [(r["id"], r["units"], r["reported"]) for r in data["open_rounds"]],
            [(self.round_ad_hoc.id, 1, 0), (self.round_half.id, 1, 1)],
        )
        science = self._data(self.users["unit_head"])
        self.assertEqual(science["reports_to_review"], 0, "SMQ's report is not theirs")
        self.assertEqual(
            [line["round"] for line in science["late_units"]],
            [self.round_ad_hoc.name, self.round_half.name],
        )
        self.assertEqual(self._data(self.users["staff"]), science)
        with self.assertRaises(AccessError):
            self._data(self.user_outsider)

    def test_units_are_late_only_after_the_cutoff(self):
        half = self.round_half.name
        with freeze_time("2025-06-10"):
            data = self._data(self.users["office"])
            self.assertEqual(data["late_unit_count"], 2)
            self.assertNotIn(half, [line["round"] for line in data["late_units"]])
        with freeze_time("2025-06-11"):
            data = self._data(self.users["office"])
            self.assertEqual(data["late_unit_count"], 3)
            self.assertEqual(data["late_units"][2]["unit"], "Phòng Quản lý Khoa học")
            self.assertEqual(data["late_units"][2]["round"], half)

    @freeze_time("2025-06-11")
    def test_units_that_never_reported_stay_late_once_the_round_is_submitted(self):
        """Compiling and submitting the round does not report for the units:
        3 of 4 units never reported, the dashboard keeps them late."""
        office = self.users["office"]
        self.round_half.with_user(office).action_compile()
        self.round_half.with_user(office).action_submit()
        data = self._data(office)
        self.assertEqual(data["late_unit_count"], 3)
        rounds = {entry["id"]: entry for entry in data["open_rounds"]}
        self.assertEqual(rounds[self.round_half.id]["late"], 1)
        self.assertEqual(rounds[self.round_ad_hoc.id]["late"], 2)
        line = self._line(self.round_half, self.unit_science)
        self.assertTrue(line.is_late)
        self.assertEqual(line.state, "waiting")
        self.assertEqual(self.round_half.late_count, 1)

    @freeze_time("2025-06-11")
    def test_rounds_in_progress_with_their_counts(self):
        """Both rounds, first cut-off first, each with its late units."""
        self.assertEqual(
            self._data(self.users["office"])["open_rounds"],
            [
                {
                    "id": self.round_ad_hoc.id,
                    "name": self.round_ad_hoc.name,
                    "state": "Drafting",
                    "cutoff": "2025-05-20",
                    "reported": 0,
                    "units": 2,
                    "late": 2,
                },
                {
                    "id": self.round_half.id,
                    "name": self.round_half.name,
                    "state": "Collecting",
                    "cutoff": "2025-06-10",
                    "reported": 1,
                    "units": 2,
                    "late": 1,
                },
            ],
        )

    def test_approved_plans_with_their_progress(self):
        """The done task weighs 4 of the 10 open and done tasks: 40%."""
        self.assertEqual(
            self._data(self.users["office"])["plans"],
            [
                {
                    "id": self.plan.id,
                    "name": "Kế hoạch 2025",
                    "year": 2025,
                    "progress": 40.0,
                }
            ],
        )


@tagged("post_install", "-at_install", "is_query_count")
class TestPlanDashboardQueries(DashboardCommon):
    """The dashboard costs as many queries for 60 units as for 2."""

    def _load(self):
        """Load the dashboard as the Office, caches warm but no record cached."""
        dashboard = self.Dashboard.with_user(self.users["office"])
        dashboard.get_dashboard_data()
        self.env.invalidate_all()
        return dashboard

    def _add_units(self, count):
        """Units with an overdue task, a late line and a report to review each."""
        units = self.env["hr.department"].create(
            [{"name": f"Đơn vị {index:02}"} for index in range(count)]
        )
        tasks = self.env["danvan.plan.task"].create(
            [
                {
                    "name": f"Nhiệm vụ {unit.name}",
                    "item_id": self.item_a.id,
                    "lead_department_id": unit.id,
                    "date_deadline": date(2025, 4, 1),
                }
                for unit in units
            ]
        )
        rounds = self.Round.create(
            [
                {
                    "plan_id": self.plan.id,
                    "round_type": "ad_hoc",
                    "date_from": date(2025, 1, 1) + timedelta(days=index),
                    "date_to": date(2025, 5, 31),
                    "date_cutoff": date(2025, 6, 1),
                    "state": "open",
                }
                for index in range(12)
            ]
        )
        self.env["danvan.plan.round.unit"].create(
            [
                {
                    "round_id": (rounds | self.round_half)[index % 13].id,
                    "department_id": task.lead_department_id.id,
                    "task_ids": [Command.set(task.ids)],
                }
                for index, task in enumerate(tasks)
            ]
        )
        self.env["danvan.plan.report"].create(
            [
                {
                    "task_id": task.id,
                    "department_id": task.lead_department_id.id,
                    "content": "<p>Kết quả</p>",
                    "state": "submitted",
                }
                for task in tasks
            ]
        )

    @freeze_time("2025-06-11")
    def test_query_count_does_not_grow_with_the_data(self):
        self._open_rounds()
        dashboard = self._load()
        self.env.flush_all()
        self.env.cr.flush()
        start = self.cr.sql_log_count
        dashboard.get_dashboard_data()
        queries = self.cr.sql_log_count - start

        self._add_units(58)
        dashboard = self._load()
        with self.assertQueryCount(queries):
            data = dashboard.get_dashboard_data()
        self.assertEqual(data["overdue_tasks"], 61)
        self.assertEqual(len(data["overdue_by_unit"]), 5)
        self.assertEqual(data["reports_to_review"], 59)
        self.assertEqual(data["late_unit_count"], 61)
        self.assertEqual(len(data["late_units"]), 10)
        self.assertEqual(len(data["open_rounds"]), 10)


@tagged("post_install", "-at_install")
class TestPlanDashboardTour(VietnameseBrowserCase, DashboardCommon):
    """In Chromium, the Office opens a late unit from the dashboard."""

    def test_office_opens_a_late_unit_from_the_dashboard(self):
        """The 6-month round of 2025 is open: its units are late today."""
        self._round().with_user(self.users["office"]).action_open()
        self.start_tour(
            "/odoo/action-danvan_plan.danvan_plan_office_dashboard_action",
            "danvan_office_dashboard_tour",
            login="dv_office",
        )
