from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CaseCommon

BLOCKS = ("petitions_due", "complaints_due", "denunciations_due")


class MyWorkComplaintsCommon(CaseCommon):
    """A petition received on Monday 02/03/2026 is due on 16/03 (XLD-8); a
    record is due once its deadline is within the warning days (2) or missed.
    """

    def _counts(self, user):
        blocks = self.env["danvan.my.work"].with_user(user).get_my_work()["blocks"]
        return {b["key"]: b["count"] for b in blocks if b["key"] in BLOCKS}

    def _petition(self, user, **vals):
        return (
            self.env["danvan.petition"]
            .with_user(user)
            .create(
                {
                    "summary": "Phản ánh về cân sai tại chợ",
                    "date_received": date(2026, 3, 2),
                    "sender_ids": [(0, 0, {"name": "Nguyễn Văn An"})],
                    **vals,
                }
            )
        )


@tagged("post_install", "-at_install")
class TestMyWorkComplaints(MyWorkComplaintsCommon):
    """The reception officer's petitions and cases due, in "My Work" (issue 10)."""

    def test_the_officers_own_petitions_once_due(self):
        petition = self._petition(self.officer)
        self._petition(self.other_officer)
        with freeze_time("2026-03-11"):  # 16/03 is 3 working days away
            self.assertEqual(
                self._counts(self.officer),
                {"petitions_due": 0, "complaints_due": 0, "denunciations_due": 0},
            )
        with freeze_time("2026-03-12"):
            blocks = self.env["danvan.my.work"].with_user(self.officer).get_my_work()
            block = {b["key"]: b for b in blocks["blocks"]}["petitions_due"]
            self.assertEqual(block["count"], 1)
            self.assertEqual(block["records"][0]["res_id"], petition.id)
            self.assertEqual(block["records"][0]["date"], "2026-03-16")
        with freeze_time("2026-03-20"):  # missed: still there
            self.assertEqual(self._counts(self.officer)["petitions_due"], 1)

    def test_accepted_cases_within_their_deadline(self):
        """A case to accept has no legal deadline yet; an accepted one does."""
        complaint = self._case("complaint")
        denunciation = self._case("denunciation")
        with freeze_time("2026-03-12"):
            counts = self._counts(self.officer)
            self.assertEqual(
                (counts["complaints_due"], counts["denunciations_due"]), (0, 0)
            )
        for case in (complaint, denunciation):
            case.sudo().write({"state": "accepted", "date_accepted": date(2026, 3, 2)})
        with freeze_time(complaint.date_deadline):
            self.assertEqual(self._counts(self.officer)["complaints_due"], 1)
            self.assertEqual(self._counts(self.other_officer)["complaints_due"], 0)
        with freeze_time(denunciation.date_deadline):
            self.assertEqual(self._counts(self.officer)["denunciations_due"], 1)

    def test_only_the_reception_role_gets_these_blocks(self):
        for login in ("staff", "unit_head", "office", "leader"):
            self.assertEqual(self._counts(self.users[login]), {}, login)


@tagged("post_install", "-at_install", "is_query_count")
class TestMyWorkComplaintsQueries(MyWorkComplaintsCommon):
    """The blocks of the reception officer at a flat query count."""

    @freeze_time("2026-03-12")
    def test_query_count_does_not_grow_with_the_petitions(self):
        """The reception officer's screen costs as much for 30 petitions as for 1."""
        self._petition(self.officer)
        my_work = self.env["danvan.my.work"].with_user(self.officer)
        my_work.get_my_work()
        self.env.invalidate_all()
        self.env.flush_all()
        start = self.cr.sql_log_count
        my_work.get_my_work()
        queries = self.cr.sql_log_count - start
        for __ in range(29):
            self._petition(self.officer)
        my_work.get_my_work()
        self.env.invalidate_all()
        self.env.flush_all()
        with self.assertQueryCount(queries):
            counts = self._counts(self.officer)
        self.assertEqual(counts["petitions_due"], 30)
