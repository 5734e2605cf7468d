from odoo.exceptions import AccessError
from odoo.tests import tagged

from .conference_common import ConferenceCommon

PLANTED = "Đỗ Bí Mật PLANTED-7f3a"


@tagged("post_install", "-at_install")
class TestConferenceConfidentiality(ConferenceCommon):
    """Who came is seen by the Office and the union; a staff member sees only
    their own attendance, through every channel (DC-7, DC-8)."""

    def _conference_with_planted(self):
        # Even users allowed to export see only what they may read.
        export = self.env.ref("base.group_allow_export")
        for user in (*self.users.values(), self.user_outsider):
            user.groups_id = [(4, export.id)]
        self._set_headcount(8)
        self._add_staff(1, name=PLANTED)
        conference = self._convened(headcount=9)
        planted = conference.sudo().attendee_ids.filtered(
            lambda a: a.employee_id.name == PLANTED
        )
        planted.with_user(self.users["office"]).action_check_in()
        return conference, planted

    def test_attendance_of_others_hidden_from_staff(self):
        conference, planted = self._conference_with_planted()
        for login in ("staff", "unit_head", "board"):
            user = self.users[login]
            Attendee = self.Attendee.with_user(user)
            self.assertEqual(Attendee.search([]).user_id, user, login)
            self.assertFalse(
                Attendee.search([("employee_id.name", "ilike", "PLANTED")])
            )
            with self.assertRaises(AccessError):
                planted.with_user(user).read(["present", "employee_id"])
            groups = Attendee.read_group([], ["present"], ["employee_id"])
            self.assertNotIn(PLANTED, str(groups))
            try:
                exported = (
                    self.Conference.with_user(user)
                    .browse(conference.ids)
                    .export_data(
                        ["attendee_ids/employee_id/name", "attendee_ids/present"]
                    )
                )
            except AccessError:
                exported = "refused"
            self.assertNotIn(PLANTED, str(exported), login)
            # The form shows them their own attendance, not the list.
            arch = self.Conference.with_user(user).get_views([(False, "form")])[
                "views"
            ]["form"]["arch"]
            self.assertNotIn('name="attendee_ids"', arch, login)
            messages = (
                self.env["mail.message"]
                .with_user(user)
                .search(
                    [("model", "=", conference._name), ("res_id", "=", conference.id)]
                )
            )
            self.assertNotIn(PLANTED, "".join(messages.mapped("body")), login)

    def test_office_and_union_see_the_attendance(self):
        conference, planted = self._conference_with_planted()
        for login in ("office", "union", "leader"):
            self.assertIn(
                planted,
                self.Attendee.with_user(self.users[login]).search(
                    [("conference_id", "=", conference.id), ("present", "=", True)]
                ),
                login,
            )

    def test_outsider_sees_nothing(self):
        conference, planted = self._conference_with_planted()
        for Model in (self.Attendee, self.Conference):
            with self.assertRaises(AccessError):
                Model.with_user(self.user_outsider).search([])
        with self.assertRaises(AccessError):
            conference.with_user(self.user_outsider).export_data(["name"])
