from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ReceptionCommon

LIST_FIELDS = [
    "number",
    "date_received",
    "summary",
    "source",
    "petition_type",
    "handler_id",
    "date_deadline",
    "working_days_left",
    "outcome",
    "state",
]
CASE_LIST_FIELDS = [
    "number",
    "date_received",
    "summary",
    "handler_id",
    "date_accepted",
    "date_deadline",
    "working_days_left",
    "state",
]


@tagged("post_install", "-at_install")
class TestComplaintsQueries(ReceptionCommon):
    """Query counts do not grow with the records (issue 5, item 12)."""

    def _add(self, count):
        self.env["danvan.petition"].with_user(self.officer).create(
            [
                {
                    "summary": f"Đơn thử {n}",
                    "date_received": date(2026, 3, 2),
                    "petition_type": "petition",
                    "sender_ids": [(0, 0, {"name": f"Người gửi {n}"})],
                }
                for n in range(count)
            ]
        )
        self.env["danvan.reception.visit"].with_user(self.officer).create(
            [
                {
                    "date": date(2026, 3, 2),
                    "summary": f"Lượt tiếp {n}",
                    "petition_type": "petition",
                    "path": "accept",
                    "visitor_ids": [
                        (0, 0, {"name": f"Công dân {n}", "identity_number": "051"})
                    ],
                }
                for n in range(count)
            ]
        )
        self.env.flush_all()

    def _add_cases(self, count):
        """Accepted complaint and denunciation cases, as many of each."""
        for petition_type, model in (
            ("complaint", "danvan.complaint"),
            ("denunciation", "danvan.denunciation"),
        ):
            petitions = self.env["danvan.petition"].create(
                [
                    {
                        "summary": f"Vụ việc thử {n}",
                        "date_received": date(2026, 3, 2),
                        "petition_type": petition_type,
                        "qualified": "yes",
                        "outcome": "accept",
                        "state": "processed",
                        "handler_id": self.officer.id,
                    }
                    for n in range(count)
                ]
            )
            self.env[model].create(
                [
                    {
                        "petition_id": petition.id,
                        "handler_id": self.officer.id,
                        "date_accepted": date(2026, 3, 3),
                        "acceptance_reference": "1/TB",
                        "state": "accepted",
                    }
                    for petition in petitions
                ]
            )
        self.env.flush_all()

    def _case_lists(self):
        with freeze_time("2026-03-05"):
            for model in ("danvan.complaint", "danvan.denunciation"):
                self.env[model].with_user(self.officer).search_read(
                    [("summary", "like", "Vụ việc thử")], CASE_LIST_FIELDS
                )

    def _case_crons(self):
        # Two weeks before the deadlines (02/04/2026): nothing is due.
        with freeze_time("2026-03-19"):
            self.env["danvan.complaint"]._cron_check_deadlines()
            self.env["danvan.denunciation"]._cron_check_deadlines()

    def test_case_lists_and_crons_for_5_and_50_cases(self):
        """KN, TC: the lists of cases and the deadline crons (item 12)."""
        functions = (self._case_lists, self._case_crons)
        self._add_cases(5)
        for function in functions:
            self._count(function)
        small = [self._count(function) for function in functions]
        self._add_cases(45)
        large = [self._count(function) for function in functions]
        self.assertEqual(large, small)

    def _count(self, function):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        function()
        return self.cr.sql_log_count - start

    def _petition_list(self):
        with freeze_time("2026-03-05"):
            self.env["danvan.petition"].with_user(self.officer).search_read(
                [("summary", "like", "Đơn thử")], LIST_FIELDS
            )

    def _register(self):
        visits = (
            self.env["danvan.reception.visit"]
            .with_user(self.officer)
            .search([("summary", "like", "Lượt tiếp")])
        )
        self.env["ir.actions.report"].with_user(self.officer)._render_qweb_html(
            "danvan_complaints.action_report_danvan_reception_register", visits.ids
        )

    def _cron(self):
        # Three weeks before any deadline: the cron scans, nothing is due.
        with freeze_time("2026-02-10"):
            self.env["danvan.petition"]._cron_check_deadlines()

    def test_petition_list_register_and_cron_for_5_and_50_records(self):
        self._add(5)
        for function in (self._petition_list, self._register, self._cron):
            self._count(function)  # warm the caches of rules and access rights
        small = [
            self._count(function)
            for function in (self._petition_list, self._register, self._cron)
        ]
        self._add(45)
        large = [
            self._count(function)
            for function in (self._petition_list, self._register, self._cron)
        ]
        self.assertEqual(large, small)
