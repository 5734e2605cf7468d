from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .motion_common import MotionCommon


@tagged("post_install", "-at_install")
class TestConferenceVote(MotionCommon):
    """A vote is cast once, by those present, while the motion is open, and
    is kept as cast (DC-8, DC-22)."""

    def test_dc8_an_attendee_votes_in_their_own_name(self):
        conference, _extra = self._conference()
        motion = self._open(conference)
        staff = self.users["staff"]
        self.assertTrue(motion.with_user(staff).can_vote)
        motion.with_user(staff).action_vote_no()
        motion.invalidate_recordset()
        vote = self.Vote.with_user(staff).search([("motion_id", "=", motion.id)])
        self.assertEqual(
            (vote.choice, vote.by_office, vote.user_id), ("no", False, staff)
        )
        self.assertEqual(motion.with_user(staff).my_vote, "no")
        self.assertFalse(motion.with_user(staff).can_vote)

    def test_dc8_open_to_my_vote_lists_what_i_may_still_vote(self):
        conference, _extra = self._conference(absent=("unit_head",))
        motion = self._open(conference)
        draft = self._motion(conference, name="Chưa biểu quyết")
        Motion = self.Motion.with_user(self.users["staff"])
        self.assertEqual(Motion.search([("can_vote", "=", True)]), motion)
        self.assertIn(draft, Motion.search([("can_vote", "=", False)]))
        absent = self.Motion.with_user(self.users["unit_head"])
        self.assertFalse(absent.search([("can_vote", "=", True)]))
        motion.with_user(self.users["staff"]).action_vote_abstain()
        self.assertFalse(Motion.search([("can_vote", "=", True)]))
        self.assertIn(motion, Motion.search([("can_vote", "!=", True)]))

    def test_dc22_voting_twice_is_refused(self):
        conference, _extra = self._conference()
        motion = self._open(conference)
        staff = self.users["staff"]
        motion.with_user(staff).action_vote_yes()
        with self.assertRaisesRegex(UserError, "already voted"):
            motion.with_user(staff).action_vote_no()
        # Nor the Office for them afterwards.
        with self.assertRaisesRegex(UserError, "already voted"):
            self._cast(motion, self.employee["staff"], "no")
        self.assertEqual((motion.yes_count, motion.no_count), (1, 0))

    def test_dc8_the_absent_cannot_vote(self):
        conference, _extra = self._conference(absent=("staff",))
        motion = self._open(conference)
        with self.assertRaisesRegex(UserError, "not checked in as present"):
            motion.with_user(self.users["staff"]).action_vote_yes()
        with self.assertRaisesRegex(UserError, "not checked in as present"):
            self._cast(motion, self.employee["staff"])
        self.assertFalse(motion.with_user(self.users["staff"]).can_vote)
        self.assertEqual(motion.voted_count, 0)

    def test_dc8_no_vote_before_opening_or_after_closing(self):
        conference, _extra = self._conference()
        motion = self._motion(conference)
        with self.assertRaisesRegex(UserError, "not open to the vote"):
            motion.with_user(self.users["staff"]).action_vote_yes()
        motion.action_open()
        motion.action_close()
        with self.assertRaisesRegex(UserError, "not open to the vote"):
            motion.with_user(self.users["staff"]).action_vote_yes()
        self.assertEqual(motion.voted_count, 0)

    def test_dc8_no_vote_once_the_conference_rose(self):
        conference, _extra = self._conference()
        motion = self._open(conference)
        conference.sudo().write({"state": "done"})
        with self.assertRaisesRegex(
            UserError, "only while the conference is in session"
        ):
            motion.with_user(self.users["staff"]).action_vote_yes()

    def test_dc22_nobody_changes_or_deletes_a_cast_vote(self):
        conference, _extra = self._conference()
        motion = self._open(conference)
        motion.with_user(self.users["staff"]).action_vote_yes()
        vote = self.Vote.search([("motion_id", "=", motion.id)])
        for login in ("staff", "office", "leader", "dv_admin", "union"):
            with self.assertRaisesRegex(UserError, "kept as cast"):
                vote.with_user(self.users[login]).write({"choice": "no"})
            with self.assertRaisesRegex(UserError, "kept as cast"):
                vote.with_user(self.users[login]).unlink()
        with self.assertRaises(UserError):
            motion.with_user(self.users["office"]).write(
                {"vote_ids": [(1, vote.id, {"choice": "no"})]}
            )
        self.assertEqual(vote.choice, "yes")
        self.assertEqual(motion.yes_count, 1)

    def test_dc22_staff_vote_only_in_their_own_name(self):
        conference, _extra = self._conference()
        motion = self._open(conference)
        with self.assertRaisesRegex(UserError, "only in your own name"):
            self.Vote.with_user(self.users["staff"]).create(
                {
                    "motion_id": motion.id,
                    "employee_id": self.employee["leader"].id,
                    "choice": "yes",
                }
            )
        # Nor may anyone forge a vote's voter or its office mark.
        self.Vote.with_user(self.users["staff"]).create(
            {
                "motion_id": motion.id,
                "employee_id": self.employee["staff"].id,
                "choice": "yes",
                "by_office": True,
                "user_id": self.users["leader"].id,
            }
        )
        vote = self.Vote.search([("motion_id", "=", motion.id)])
        self.assertEqual((vote.by_office, vote.user_id), (False, self.users["staff"]))

    def test_dc8_the_office_records_a_show_of_hands(self):
        conference, extra = self._conference(extra=2)
        motion = self._open(conference)
        votes = self._cast(motion, extra, "abstain")
        self.assertTrue(all(votes.mapped("by_office")))
        self.assertEqual(motion.abstain_count, 2)

    def test_dc22_staff_see_their_own_votes_only(self):
        conference, _extra = self._conference()
        motion = self._open(conference)
        for login in ("staff", "unit_head", "board"):
            motion.with_user(self.users[login]).action_vote_yes()
        mine = self.Vote.with_user(self.users["staff"]).search([])
        self.assertEqual(mine.user_id, self.users["staff"])
        # The Office sees the open votes it counts.
        self.assertEqual(
            len(
                self.Vote.with_user(self.users["office"]).search(
                    [("motion_id", "=", motion.id)]
                )
            ),
            3,
        )
        with self.assertRaises(AccessError):
            self.Vote.with_user(self.user_outsider).search([])

    def test_dc1_another_agency_sees_no_vote(self):
        conference, _extra = self._conference()
        motion = self._open(conference)
        motion.with_user(self.users["staff"]).action_vote_yes()
        other = self.env["res.company"].create({"name": "Sở Tài chính"})
        stranger = new_test_user(
            self.env,
            login="dv_other_office",
            groups="danvan_base.group_danvan_office",
            company_id=other.id,
        )
        self.assertFalse(self.Vote.with_user(stranger).search([]))
        self.assertFalse(self.Motion.with_user(stranger).search([]))


@tagged("post_install", "-at_install")
class TestSecretVote(MotionCommon):
    """A secret vote's voter is readable by the voter alone, the count stays
    exact and nobody votes twice (DC-8, DC-22)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.voter = new_test_user(
            cls.env,
            login="dv_secret_voter",
            name="Phạm Bí Mật Zq7x",
            groups="danvan_base.group_danvan_staff",
        )
        cls.voter_employee = cls.env["hr.employee"].create(
            {"name": "Phạm Bí Mật Zq7x", "user_id": cls.voter.id}
        )

    def _secret_motion(self, **values):
        conference, extra = self._conference(extra=0)
        conference.sudo().write(
            {
                "attendee_ids": [
                    (0, 0, {"employee_id": self.voter_employee.id, "present": True})
                ]
            }
        )
        motion = self._open(conference, secret=True, **values)
        return motion

    def test_dc22_a_secret_voter_is_hidden_from_every_role(self):
        motion = self._secret_motion()
        motion.with_user(self.voter).action_vote_no()
        motion.with_user(self.users["staff"]).action_vote_yes()
        secret = "Zq7x"
        export = self.env.ref("base.group_allow_export")
        export.sudo().users |= self.env["res.users"].browse(
            [u.id for u in self.users.values()]
        )
        for login in (
            "office",
            "leader",
            "union",
            "board",
            "unit_head",
            "staff",
            "dv_admin",
        ):
            user = self.users[login]
            Vote = self.Vote.with_user(user)
            self.assertFalse(
                Vote.search([("employee_id.name", "ilike", secret)]), login
            )
            self.assertFalse(Vote.search([("user_id", "=", self.voter.id)]), login)
            # Nor through the motion: which motions the voter voted against.
            self.assertFalse(
                motion.with_user(user).search(
                    [
                        (
                            "vote_ids",
                            "any",
                            [
                                ("employee_id.name", "ilike", secret),
                                ("choice", "=", "no"),
                            ],
                        )
                    ]
                ),
                login,
            )
            groups = Vote.read_group([], ["employee_id"], ["employee_id"])
            self.assertNotIn(secret, str(groups), login)
            motion.invalidate_recordset(["vote_ids"])
            votes = motion.with_user(user).vote_ids
            self.assertNotIn(secret, str(votes.read(["employee_id", "user_id"])), login)
            exported = motion.with_user(user).export_data(
                ["name", "vote_ids/employee_id/name", "vote_ids/choice"]
            )
            self.assertNotIn(secret, str(exported), login)
            self.assertFalse(
                self.env["mail.message"]
                .with_user(user)
                .search([("model", "=", motion._name), ("body", "ilike", secret)]),
                login,
            )
        # The printed tally counts the votes and names nobody.
        motion.action_close()
        html, _format = (
            self.env["ir.actions.report"]
            .with_user(self.users["office"])
            ._render_qweb_html(
                "danvan_democracy.report_danvan_conference_motion_tally", motion.ids
            )
        )
        html = html.decode()
        self.assertNotIn(secret, html)
        self.assertIn("BIÊN BẢN KIỂM PHIẾU", html)
        self.assertIn("biểu quyết kín", html)
        # The voter sees their own vote; the count is exact.
        own = self.Vote.with_user(self.voter).search([])
        self.assertEqual((own.choice, own.employee_id), ("no", self.voter_employee))
        self.assertEqual(
            (motion.yes_count, motion.no_count, motion.voted_count), (1, 1, 2)
        )
        self.assertEqual(motion.with_user(self.users["office"]).no_count, 1)

    def test_dc22_a_secret_voter_still_cannot_vote_twice(self):
        motion = self._secret_motion()
        motion.with_user(self.voter).action_vote_yes()
        with self.assertRaisesRegex(UserError, "already voted"):
            motion.with_user(self.voter).action_vote_no()
        with self.assertRaisesRegex(UserError, "already voted"):
            self._cast(motion, self.voter_employee, "no")
        self.assertEqual((motion.yes_count, motion.no_count), (1, 0))

    def test_dc22_the_agency_setting_makes_votes_secret(self):
        self.company.danvan_secret_vote = True
        conference, _extra = self._conference()
        motion = self._motion(conference)
        self.assertTrue(motion.secret)
        motion.action_open()
        motion.with_user(self.users["staff"]).action_vote_yes()
        self.assertFalse(
            self.Vote.with_user(self.users["office"]).search(
                [("motion_id", "=", motion.id)]
            )
        )
        self.assertEqual(motion.with_user(self.users["office"]).yes_count, 1)


@tagged("post_install", "-at_install")
class TestMotionFrozen(MotionCommon):
    """DC-22: what was put to the vote is not rewritten under the votes."""

    def test_dc22_an_open_motion_keeps_its_wording_and_secrecy(self):
        conference, _extra = self._conference()
        motion = self._open(conference, text="Đóng góp 200.000 đồng.")
        motion.with_user(self.users["staff"]).action_vote_yes()
        for vals in (
            {"text": "Đóng góp 500.000 đồng."},
            {"secret": True},
            {"proposer": "staff"},
        ):
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                motion.with_user(self.users["office"]).write(vals)
        self.assertEqual(
            (motion.text, motion.secret), ("Đóng góp 200.000 đồng.", False)
        )
        # The Office still records the show of hands in the form.
        motion.with_user(self.users["office"]).write(
            {
                "vote_ids": [
                    (0, 0, {"employee_id": self.employee["board"].id, "choice": "no"})
                ]
            }
        )
        self.assertEqual((motion.yes_count, motion.no_count), (1, 1))
