from odoo.tests import tagged

from .common import DemocracyCommon


@tagged("post_install", "-at_install")
class TestPublicationMyWork(DemocracyCommon):
    """The blocks of "My Work" (DC-3, DC-4)."""

    def _blocks(self, role):
        work = self.env["danvan.my.work"].with_user(self.users[role]).get_my_work()
        return {block["key"]: block for block in work["blocks"]}

    def test_dc3_staff_see_what_is_posted_and_not_read(self):
        before = self._blocks("staff")["publications_unread"]["count"]
        publication = self._publication()
        publication.with_user(self.users["office"]).action_publish()
        blocks = self._blocks("staff")
        self.assertEqual(blocks["publications_unread"]["count"], before + 1)
        self.assertNotIn("publications_due", blocks)
        publication.with_user(self.users["staff"]).action_mark_read()
        unread = self._blocks("staff")["publications_unread"]
        self.assertEqual(unread["count"], before)
        self.assertNotIn(publication.id, [row["id"] for row in unread["records"]])

    def test_dc3_the_office_sees_what_is_due_and_requests_to_answer(self):
        before = self._blocks("office")
        self._publication()
        self._publication(name="Bí mật", confidential=True)
        self.env["danvan.information.request"].with_user(self.users["staff"]).create(
            {"name": "Hỏi", "question": "Kế hoạch đào tạo"}
        )
        blocks = self._blocks("office")
        for key in ("publications_due", "information_requests"):
            self.assertEqual(blocks[key]["count"], before[key]["count"] + 1)
        self.assertNotIn("information_requests", self._blocks("staff"))
        self.assertNotIn("publications_unread", self._blocks_outsider())

    def _blocks_outsider(self):
        work = self.env["danvan.my.work"].with_user(self.user_outsider).get_my_work()
        return {block["key"]: block for block in work["blocks"]}

    def test_dc3_my_work_costs_the_same_for_5_and_50_staff(self):
        publication = self._publication()
        publication.with_user(self.users["office"]).action_publish()
        self._publication(name="Chờ công khai")

        def count(role):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self._blocks(role)
            return self.cr.sql_log_count - before

        self._add_staff(5)
        self.env.flush_all()
        for role in ("staff", "office"):
            self._blocks(role)
        counts = {role: count(role) for role in ("staff", "office")}
        self._add_staff(45)
        self.env.flush_all()
        for role in ("staff", "office"):
            self._blocks(role)
            self.assertEqual(count(role), counts[role], role)
