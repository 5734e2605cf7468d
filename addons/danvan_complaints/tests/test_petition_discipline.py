from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ReceptionCommon


@tagged("post_install", "-at_install")
class TestPetitionDiscipline(ReceptionCommon):
    """XLD-12: a petition still unprocessed 45 days after its receipt is
    flagged to the head once (Article 41 of Decree 154/2026)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = cls.users["leader"]
        cls.env.company.danvan_head_user_id = cls.leader
        cls.Petition = cls.env["danvan.petition"]

    def _petition(self, received):
        return self.Petition.with_user(self.officer).create(
            {
                "summary": "Phản ánh chậm giải quyết",
                "date_received": received,
                "petition_type": "petition",
            }
        )

    def test_xld12_forty_five_calendar_days_from_the_rule_in_force(self):
        # Monday 06/07/2026 + 45 days: Thursday 20/08/2026.
        self.assertEqual(
            self._petition(date(2026, 7, 6)).discipline_date, date(2026, 8, 20)
        )
        # Ending on Saturday 29/08/2026: the next working day (CAL-4), past
        # the swapped Monday 31/08 and National Day: Thursday 03/09/2026.
        self.assertEqual(
            self._petition(date(2026, 7, 15)).discipline_date, date(2026, 9, 3)
        )
        # Received before Decree 154/2026: no such ceiling.
        self.assertFalse(self._petition(date(2026, 6, 1)).discipline_date)
        self.assertEqual(
            self.Petition._danvan_deadline_fields,
            {"date_deadline": "date_received", "discipline_date": "date_received"},
        )
        limit = self.env.ref(
            "danvan_complaints.danvan_time_limit_petition_discipline_normal"
        )
        self.assertEqual((limit.duration, limit.unit), (45, "days"))
        self.assertIn("154/2026", limit.legal_basis)

    @freeze_time("2026-09-01")
    def test_xld12_the_head_gets_one_todo_per_petition_and_sees_it_in_my_work(
        self,
    ):
        late = self._petition(date(2026, 7, 6))
        recent = self._petition(date(2026, 8, 20))
        found = self.Petition.with_user(self.officer).search(
            [("discipline_overdue", "=", True), ("id", "in", (late | recent).ids)]
        )
        self.assertEqual(found, late)
        self.Petition._cron_flag_discipline()
        self.Petition._cron_flag_discipline()
        kind = self.env.ref("danvan_complaints.mail_activity_danvan_discipline")
        todos = late.sudo().activity_ids.filtered(lambda a: a.activity_type_id == kind)
        self.assertEqual(todos.user_id, self.leader)
        self.assertEqual(len(todos), 1)
        self.assertTrue(late.discipline_flagged)
        self.assertFalse(recent.discipline_flagged)
        self.assertFalse(recent.sudo().activity_ids)
        blocks = {
            block["key"]: block
            for block in self.env["danvan.my.work"]
            .with_user(self.leader)
            .get_my_work()["blocks"]
        }
        block = blocks["petitions_discipline"]
        self.assertIn(late.id, [row["res_id"] for row in block["records"]])
        # Not repeated among the other to-dos.
        self.assertNotIn(late.id, [row["res_id"] for row in blocks["todos"]["records"]])
        # Processed at last: the head's to-do is done.
        late.with_user(self.officer).write(
            {"qualified": "yes", "outcome": "answer", "outcome_note": "Trả lời"}
        )
        late.with_user(self.officer).action_classify()
        late.with_user(self.officer).action_process()
        self.assertEqual(late.state, "processed")
        self.assertFalse(
            late.sudo().activity_ids.filtered(lambda a: a.activity_type_id == kind)
        )
        # The officer has no such block.
        officer_blocks = self.env["danvan.my.work"].with_user(self.officer)
        self.assertNotIn(
            "petitions_discipline",
            [block["key"] for block in officer_blocks.get_my_work()["blocks"]],
        )

    def test_xld12_the_ceiling_follows_an_edit_of_the_time_limit(self):
        petition = self._petition(date(2026, 7, 6))
        limit = self.env.ref(
            "danvan_complaints.danvan_time_limit_petition_discipline_normal"
        )
        limit.duration = 30
        self.assertEqual(petition.discipline_date, date(2026, 8, 5))

    @freeze_time("2026-09-01")
    def test_xld12_a_processed_petition_is_not_flagged(self):
        petition = self._petition(date(2026, 7, 6))
        petition.sudo().write({"state": "processed"})
        self.assertFalse(petition.discipline_overdue)
        self.Petition._cron_flag_discipline()
        self.assertFalse(petition.discipline_flagged)

    @freeze_time("2026-09-01")
    def test_xld12_a_backlog_is_flagged_in_batches_once(self):
        """Three petitions past the 45 days, two per run of the cron: the
        cron runner commits each run and runs again while some are left."""
        self.Petition._cron_flag_discipline()  # the demo's petitions
        late = self.Petition.browse()
        for day in (6, 7, 8):
            late |= self._petition(date(2026, 7, day))
        cron = self.env.ref("danvan_complaints.ir_cron_danvan_petition_discipline")
        left = []
        for _run in range(3):
            progress = cron._add_progress()[1]
            self.Petition.with_context(
                ir_cron_progress_id=progress.id
            )._cron_flag_discipline(batch_size=2)
            left.append((progress.done, progress.remaining))
        self.assertEqual(left, [(2, 1), (1, 0), (0, 0)])
        self.assertTrue(all(late.mapped("discipline_flagged")))
        kind = self.env.ref("danvan_complaints.mail_activity_danvan_discipline")
        for petition in late.sudo():
            todo = petition.activity_ids
            self.assertEqual((todo.activity_type_id, todo.user_id), (kind, self.leader))
            self.assertIn("154/2026", todo.summary)
