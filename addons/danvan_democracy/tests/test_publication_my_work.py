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
