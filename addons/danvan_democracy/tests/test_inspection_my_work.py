from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .test_briefing import BriefingCommon
from .test_inspection import InspectionCommon


class QueryMeasure:
    def _queries(self, function):
        """How many queries ``function()`` makes once warm, its record
        caches emptied."""
        function()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        return self.env.cr.sql_log_count - before


@tagged("post_install", "-at_install")
class TestBoardMyWork(QueryMeasure, InspectionCommon):
    """DC-16: leadership's recommendations to answer and the board's
    recommendations waiting, as blocks of "My Work"."""

    def _blocks(self, user):
        Recommendation = self.Recommendation.with_user(user)
        return {b["key"]: b for b in Recommendation._my_work_board_blocks()}

    def _count(self, user, key):
        block = self._blocks(user).get(key)
        return block and block["count"]

    def test_dc16_leadership_sees_what_to_answer(self):
        key = "board_recommendations_to_answer"
        demo = self._count(self.users["leader"], key)
        draft = self._recommendation(name="Bản nháp")
        sent = self._recommendation()
        sent.action_send()
        block = self._blocks(self.users["leader"])[key]
        self.assertEqual(block["count"], demo + 1)
        self.assertEqual(block["res_model"], "danvan.inspection.recommendation")
        rows = {row["res_id"]: row for row in block["records"]}
        if sent.id in rows:
            row = rows[sent.id]
            self.assertEqual(row["name"], sent.display_name)
            self.assertEqual(row["date"], fields.Date.to_string(sent.date_deadline))
        self.assertNotIn(draft.id, rows)
        self.assertEqual(
            self.Recommendation.with_user(self.users["leader"]).search(block["domain"]),
            self.Recommendation.search([("state", "=", "sent")]),
        )
        sent = sent.with_user(self.users["leader"])
        sent.answer = "<p>Đồng ý.</p>"
        sent.action_answer()
        self.assertEqual(self._count(self.users["leader"], key), demo)
        self.assertTrue(block["empty"])

    def test_dc16_board_member_sees_what_waits_for_the_answer(self):
        key = "board_recommendations_waiting"
        demo = self._count(self.board_user, key)
        self._recommendation().action_send()
        blocks = self._blocks(self.board_user)
        self.assertEqual(list(blocks), [key])
        self.assertEqual(blocks[key]["count"], demo + 1)

    def test_dc16_other_roles_have_no_block(self):
        self._recommendation().action_send()
        for user in (
            self.users["staff"],
            self.users["unit_head"],
            self.users["office"],
            self.users["union"],
            self.user_outsider,
        ):
            self.assertEqual(self._blocks(user), {}, user.login)

    def test_dc16_agency_without_a_board_counts_nothing(self):
        self._recommendation().action_send()
        self.company.danvan_inspection_board = False
        block = self._blocks(self.users["leader"])["board_recommendations_to_answer"]
        self.assertEqual(block["count"], 0)

    def test_dc16_block_queries_flat_in_the_recommendations(self):
        def leader_blocks():
            self._blocks(self.users["leader"])

        for __ in range(3):
            self._recommendation().action_send()
        few = self._queries(leader_blocks)
        for __ in range(12):
            self._recommendation().action_send()
        self.assertEqual(self._queries(leader_blocks), few)
        block = self._blocks(self.users["leader"])["board_recommendations_to_answer"]
        self.assertGreaterEqual(block["count"], 15)
        self.assertEqual(len(block["records"]), 5)


@tagged("post_install", "-at_install")
class TestBriefingMyWork(QueryMeasure, BriefingCommon):
    """DC-18: each owner's follow-ups of briefings, and the Office's overdue
    ones, as blocks of "My Work"."""

    def _conclusion(self, briefing, user, days):
        return self.Conclusion.create(
            {
                "briefing_id": briefing.id,
                "name": f"Việc sau giao ban {user.login} {days}",
                "user_id": user.id,
                "date_deadline": fields.Date.today() + timedelta(days=days),
            }
        )

    def _blocks(self, user):
        Conclusion = self.Conclusion.with_user(user)
        return {b["key"]: b for b in Conclusion._my_work_briefing_blocks()}

    def test_dc18_owner_sees_own_follow_ups_only(self):
        briefing = self._briefing(
            date_briefing=fields.Datetime.now() - timedelta(days=30)
        )
        mine = self._conclusion(briefing, self.users["staff"], 7)
        self._conclusion(briefing, self.users["unit_head"], 3)
        blocks = self._blocks(self.users["staff"])
        self.assertEqual(list(blocks), ["briefing_follow_ups"])
        block = blocks["briefing_follow_ups"]
        self.assertEqual(block["count"], 1)
        self.assertEqual(block["records"][0]["res_id"], mine.id)
        self.assertEqual(
            self.Conclusion.with_user(self.users["staff"])
            .search(block["domain"])
            .user_id,
            self.users["staff"],
        )
        mine.with_user(self.users["staff"]).action_done()
        self.assertEqual(
            self._blocks(self.users["staff"])["briefing_follow_ups"]["count"], 0
        )

    def test_dc18_office_sees_the_overdue_follow_ups(self):
        briefing = self._briefing(
            date_briefing=fields.Datetime.now() - timedelta(days=30)
        )
        key = "briefing_follow_ups_overdue"
        demo = self._blocks(self.users["office"])[key]["count"]
        late = self._conclusion(briefing, self.users["unit_head"], -3)
        on_time = self._conclusion(briefing, self.users["staff"], 5)
        overdue = self._blocks(self.users["office"])[key]
        self.assertEqual(overdue["count"], demo + 1)
        found = self.Conclusion.with_user(self.users["office"]).search(
            overdue["domain"]
        )
        self.assertIn(late, found)
        self.assertNotIn(on_time, found)
        self.assertNotIn(
            "briefing_follow_ups_overdue", self._blocks(self.users["unit_head"])
        )

    def test_dc18_outsider_has_no_block(self):
        self.assertEqual(self._blocks(self.user_outsider), {})

    def test_dc18_block_queries_flat_in_the_staff(self):
        briefing = self._briefing(
            date_briefing=fields.Datetime.now() - timedelta(days=30)
        )
        staff = self._add_staff(50)
        self._conclusion(briefing, self.users["staff"], -1)

        def office_blocks():
            self._blocks(self.users["office"])

        few = self._queries(office_blocks)
        for employee in staff[:45]:
            user = self.env["res.users"].create(
                {"name": employee.name, "login": f"dv_mw_{employee.id}"}
            )
            self._conclusion(briefing, user, -2)
        self.assertEqual(self._queries(office_blocks), few)
