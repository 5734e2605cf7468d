from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .conference_common import ConferenceCommon


@tagged("post_install", "-at_install")
class TestConferenceAgendaItem(ConferenceCommon):
    """The agenda in the order of Article 51.4 (DC-9)."""

    def test_dc9_agenda_follows_the_statutory_order(self):
        conference = self._conference()
        names = conference.agenda_item_ids.mapped("name")
        self.assertEqual(len(names), 9)
        self.assertEqual(names[0], "Report of the head of the agency")
        self.assertEqual(names[1], "Report of the union")
        self.assertEqual(names[2], "Discussion")
        self.assertEqual(
            names[4],
            self.env.ref("danvan_democracy.danvan_conference_agenda_step_board").name,
        )
        self.assertEqual(names[-2], "Signing of the emulation pledge")
        self.assertEqual(names[-1], "Adoption of the resolution")

    def test_dc9_agenda_prepared_before_done_during_the_session(self):
        conference = self._convened()
        office = self.users["office"]
        item = conference.agenda_item_ids[0].with_user(office)
        item.write({"presenter_name": "Giám đốc Sở", "notes": "20 phút"})
        with self.assertRaisesRegex(UserError, "during the conference"):
            item.write({"done": True})
        self._check_in(conference, 6)
        conference.with_user(office).action_open()
        with self.assertRaisesRegex(UserError, "prepared before the conference"):
            item.write({"presenter_name": "Phó Giám đốc"})
        item.write({"done": True})
        self.assertTrue(item.date_done)
        self.assertFalse(conference.agenda_done)
        conference.agenda_item_ids.with_user(office).write({"done": True})
        self.assertTrue(conference.agenda_done)
        conference.with_user(office).action_close()
        with self.assertRaisesRegex(UserError, "during the conference"):
            item.write({"done": False})

    def test_dc9_staff_do_not_edit_the_agenda(self):
        conference = self._convened()
        item = conference.agenda_item_ids[0]
        with self.assertRaises(AccessError):
            item.with_user(self.users["staff"]).write({"notes": "Sửa"})
        # They read the agenda of the conference they are invited to.
        self.assertEqual(
            item.with_user(self.users["staff"]).name, "Report of the head of the agency"
        )
        with self.assertRaises(AccessError):
            item.with_user(self.user_outsider).read(["name"])
