from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CaseCommon


@tagged("post_install", "-at_install")
class TestDenunciationFollowup(CaseCommon):
    """The follow-up of a denunciation's conclusion by an assigned advisory
    unit: measures with owners and deadlines, periodic reports kept once
    sent, warnings of late measures and the closing (TC-14)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner = cls.users["staff"]
        cls.head = cls.users["unit_head"]

    def _concluded(self):
        case = self._case("denunciation", received=date(2026, 7, 6)).with_user(
            self.officer
        )
        case.write(
            {
                "denounced": "Ông Lê Văn B",
                "accepted_content": "Thu tiền sai quy định",
                "acceptance_reference": "08/QĐ-SKHCN",
                "date_accepted": date(2026, 7, 6),
            }
        )
        case.action_accept()
        case.write(
            {
                "settlement_number": "30/KL-SKHCN",
                "date_settled": date(2026, 7, 30),
                "conclusion": "partly",
                "conclusion_text": "<p>Tố cáo đúng một phần.</p>",
            }
        )
        case.action_settle()
        return case

    def _followup(self, case, **vals):
        return (
            self.env["danvan.denunciation.followup"]
            .with_user(self.officer)
            .create(
                {
                    "denunciation_id": case.id,
                    "unit_id": self.unit_science.id,
                    "assignment_reference": "12/QĐ-SKHCN",
                    "date_start": date(2026, 8, 3),
                    "measure_ids": [
                        Command.create(
                            {
                                "name": "Thu hồi số tiền thu sai",
                                "owner_id": self.owner.id,
                                "date_deadline": date(2026, 9, 30),
                            }
                        )
                    ],
                    **vals,
                }
            )
        )

    def test_tc14_followup_only_of_a_concluded_case(self):
        case = self._case("denunciation", received=date(2026, 7, 6))
        with self.assertRaisesRegex(UserError, "no conclusion yet"):
            self._followup(case)

    def test_tc14_measures_owners_reports_and_closing(self):
        case = self._concluded()
        followup = self._followup(case)
        measure = followup.measure_ids
        self.assertFalse(measure.activity_ids)
        followup.action_start()
        self.assertEqual(followup.state, "ongoing")
        # The owner has a to-do by the measure's deadline.
        todo = measure.sudo().activity_ids
        self.assertEqual(todo.user_id, self.owner)
        self.assertEqual(todo.date_deadline, date(2026, 9, 30))
        self.assertIn("followup", case.sudo().event_ids.mapped("kind"))
        # The owner, of least privilege, records what was done.
        mine = measure.with_user(self.owner)
        with self.assertRaisesRegex(UserError, "state what was done"):
            mine.action_done()
        mine.result = "Đã thu hồi 12 triệu đồng"
        mine.action_done()
        self.assertEqual(measure.state, "done")
        self.assertFalse(measure.sudo().activity_ids)
        with self.assertRaisesRegex(UserError, "locked"):
            mine.result = "Khác"
        # A periodic report, kept as it was sent.
        report = (
            self.env["danvan.denunciation.followup.report"]
            .with_user(self.officer)
            .create(
                {
                    "followup_id": followup.id,
                    "name": "Quý III/2026",
                    "date": date(2026, 10, 5),
                    "content": "<p>Đã thu hồi xong.</p>",
                }
            )
        )
        report.action_send()
        self.assertEqual(followup.date_next_report, date(2027, 1, 5))
        with self.assertRaisesRegex(UserError, "locked"):
            report.content = "<p>Sửa lại</p>"
        with self.assertRaisesRegex(UserError, "kept by law"):
            report.unlink()
        with self.assertRaisesRegex(UserError, "result of the follow-up"):
            followup.action_close()
        followup.closing_note = "Kết luận đã được thực hiện đầy đủ."
        followup.action_close()
        self.assertEqual(followup.state, "closed")
        self.assertIn("followup_closed", case.sudo().event_ids.mapped("kind"))
        with self.assertRaisesRegex(UserError, "locked"):
            followup.unit_id = False

    def test_tc14_a_followup_is_not_closed_with_measures_left(self):
        followup = self._followup(self._concluded())
        followup.action_start()
        followup.closing_note = "Xong"
        with self.assertRaisesRegex(UserError, "not carried out"):
            followup.action_close()
        with self.assertRaisesRegex(UserError, "status of"):
            followup.write({"state": "closed"})
        with self.assertRaisesRegex(UserError, "kept by law"):
            followup.measure_ids.unlink()
        with self.assertRaisesRegex(UserError, "kept by law"):
            followup.unlink()

    def test_tc14_nothing_is_moved_into_a_closed_followup(self):
        """A measure left to do or a report not sent cannot be moved into a
        follow-up already closed, past its own checks (TC-14)."""
        closed = self._followup(self._concluded())
        closed.action_start()
        closed.measure_ids.with_user(self.owner).result = "Đã thực hiện"
        closed.measure_ids.with_user(self.owner).action_done()
        closed.closing_note = "Kết luận đã được thực hiện đầy đủ."
        closed.action_close()
        other = self._followup(self._concluded())
        other.action_start()
        measure = other.measure_ids.with_user(self.officer)
        with self.assertRaisesRegex(UserError, "closed follow-up takes no new measure"):
            measure.followup_id = closed
        report = (
            self.env["danvan.denunciation.followup.report"]
            .with_user(self.officer)
            .create(
                {
                    "followup_id": other.id,
                    "name": "Quý III/2026",
                    "date": date(2026, 10, 5),
                    "content": "<p>Đang thực hiện.</p>",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "while the follow-up is under way"):
            report.followup_id = closed
        self.env.invalidate_all()
        self.assertEqual((measure.followup_id, report.followup_id), (other, other))
        self.assertEqual(closed.measure_ids.state, "done")

    def test_tc14_absurd_dates_are_refused(self):
        case = self._concluded()
        with self.assertRaises(ValidationError):
            self._followup(case, date_start=date(2026, 7, 1))  # before conclusion
        followup = self._followup(case)
        with self.assertRaises(ValidationError):
            followup.measure_ids.date_deadline = date(2026, 8, 1)
        with self.assertRaises(ValidationError):
            followup.measure_ids.date_deadline = date(3026, 8, 1)

    @freeze_time("2026-10-05")
    def test_tc14_late_measures_warned_once(self):
        followup = self._followup(self._concluded())
        followup.action_start()
        measure = followup.measure_ids
        Measure = self.env["danvan.denunciation.followup.measure"]
        self.assertEqual(
            Measure.with_user(self.owner).search([("is_overdue", "=", True)]), measure
        )
        Measure._cron_warn_overdue()
        warning = self.env.ref("mail.mail_activity_data_warning")
        warned = measure.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == warning
        )
        self.assertEqual(warned.user_id, self.owner | self.officer)
        # The first monthly report is due on 03/09/2026: warned once too.
        followup.sudo().report_interval = 1
        Measure._cron_warn_overdue()
        warned = followup.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == warning
        )
        self.assertEqual(warned.user_id, self.officer)
        self.assertIn("03/09/2026", warned.summary)
        Measure._cron_warn_overdue()
        self.assertEqual(len(followup.sudo().activity_ids), 1)
        self.assertEqual(
            len(
                measure.sudo().activity_ids.filtered(
                    lambda a: a.activity_type_id == warning
                )
            ),
            2,
        )

    def test_tc14_who_sees_a_followup(self):
        followup = self._followup(self._concluded())
        Followup = self.env["danvan.denunciation.followup"]
        self.assertEqual(Followup.with_user(self.owner).search([]), followup)
        self.assertEqual(Followup.with_user(self.head).search([]), followup)
        self.assertFalse(Followup.with_user(self.other_officer).search([]))
        with self.assertRaises(AccessError):
            followup.with_user(self.owner).unit_id = False
