from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .motion_common import MotionCommon


@tagged("post_install", "-at_install")
class TestConferenceMotion(MotionCommon):
    """Who proposes what the staff decide, and how it is counted (DC-5,
    DC-8)."""

    # DC-5: at least one third of the staff propose.
    def test_dc5_exactly_one_third_of_staff_signatures_suffices(self):
        conference, extra = self._conference(extra=2)  # 9 staff
        motion = self._motion(conference, proposer="staff")
        for login in ("staff", "unit_head"):
            motion.with_user(self.users[login]).action_sign()
        self.assertEqual((motion.signature_count, motion.signature_required), (2, 3))
        with self.assertRaisesRegex(UserError, "at least 3, one third of the staff"):
            motion.action_open()
        self.assertEqual(motion.state, "draft")
        self.env["danvan.conference.motion.signature"].with_user(
            self.users["office"]
        ).create({"motion_id": motion.id, "employee_id": extra[0].id})
        self.assertTrue(motion.signatures_enough)
        motion.action_open()
        self.assertEqual(motion.state, "open")

    def test_dc5_one_signature_short_of_a_third_is_refused(self):
        conference, extra = self._conference(extra=3)  # 10 staff: 4 needed
        motion = self._motion(conference, proposer="staff")
        self.env["danvan.conference.motion.signature"].with_user(
            self.users["office"]
        ).create([{"motion_id": motion.id, "employee_id": e.id} for e in extra])
        self.assertEqual((motion.signature_count, motion.signature_required), (3, 4))
        self.assertFalse(motion.signatures_enough)
        with self.assertRaisesRegex(UserError, "one third of the staff"):
            motion.action_open()
        motion.with_user(self.users["staff"]).action_sign()
        motion.action_open()
        self.assertEqual(motion.state, "open")

    def test_dc5_signatures_counted_against_headcount_at_convening(self):
        # 7 invited, but the agency counted 12 staff when it convened.
        conference, _extra = self._conference(headcount=12)
        motion = self._motion(conference, proposer="staff")
        for login in ("staff", "unit_head", "union"):
            motion.with_user(self.users[login]).action_sign()
        self.assertEqual(motion.signature_required, 4)
        self.assertFalse(motion.signatures_enough)

    def test_dc5_union_and_head_need_no_signature(self):
        conference, _extra = self._conference()
        motion = self._motion(conference, user=self.users["union"], proposer="union")
        motion.with_user(self.users["office"]).action_open()
        self.assertEqual(motion.state, "open")

    def test_dc22_a_signature_is_given_once_and_kept(self):
        conference, _extra = self._conference()
        motion = self._motion(conference, proposer="staff")
        staff = self.users["staff"]
        motion.with_user(staff).action_sign()
        with self.assertRaisesRegex(UserError, "already signed"):
            motion.with_user(staff).action_sign()
        signature = motion.signature_ids
        self.assertEqual(len(signature), 1)
        for login in ("staff", "office", "dv_admin"):
            with self.assertRaisesRegex(UserError, "kept as given"):
                signature.with_user(self.users[login]).write({"date": "2026-01-01"})
            with self.assertRaisesRegex(UserError, "kept as given"):
                signature.with_user(self.users[login]).unlink()
        self.assertEqual(motion.signature_count, 1)

    def test_dc5_staff_sign_only_in_their_own_name(self):
        conference, _extra = self._conference()
        motion = self._motion(conference, proposer="staff")
        with self.assertRaisesRegex(UserError, "only in your own name"):
            self.env["danvan.conference.motion.signature"].with_user(
                self.users["staff"]
            ).create(
                {"motion_id": motion.id, "employee_id": self.employee["leader"].id}
            )
        self.assertEqual(motion.signature_count, 0)

    def test_dc5_no_signature_once_put_to_the_vote(self):
        conference, _extra = self._conference(extra=0)
        motion = self._motion(conference, proposer="staff")
        for login in ("staff", "unit_head", "union"):
            motion.with_user(self.users[login]).action_sign()
        motion.action_open()
        with self.assertRaisesRegex(UserError, "before it is put to the vote"):
            motion.with_user(self.users["board"]).action_sign()

    # DC-8: more than half of those present.
    def test_dc8_exactly_half_of_those_present_in_favour_fails(self):
        conference, extra = self._conference(extra=3)  # 10 present
        motion = self._open(conference)
        self._cast(motion, extra[:3] | self.employee["staff"] | self.employee["leader"])
        self._cast(motion, extra[3:] | self.employee["board"], "no")
        self.assertEqual((motion.yes_count, motion.base_count), (5, 10))
        self.assertFalse(motion.majority_reached)
        motion.action_close()
        self.assertEqual(motion.result, "rejected")

    def test_dc8_half_plus_one_in_favour_passes(self):
        conference, extra = self._conference(extra=3)  # 10 present
        motion = self._open(conference)
        self._cast(
            motion,
            extra
            | self.employee["staff"]
            | self.employee["leader"]
            | self.employee["board"],
        )
        motion.action_close()
        self.assertEqual((motion.yes_count, motion.result), (6, "adopted"))

    def test_dc8_abstentions_and_silence_count_against(self):
        # 9 invited, 8 present; 4 in favour, 1 abstains, 3 do not vote:
        # 4 of 5 votes cast, but not more than half of the 8 present.
        conference, extra = self._conference(extra=2, absent=("dv_admin",))
        motion = self._open(conference)
        self._cast(motion, extra | self.employee["staff"] | self.employee["leader"])
        self._cast(motion, self.employee["board"], "abstain")
        self.assertEqual(
            (motion.yes_count, motion.abstain_count, motion.voted_count),
            (4, 1, 5),
        )
        self.assertEqual(motion.base_count, 8)
        motion.action_close()
        self.assertEqual(motion.result, "rejected")

    def test_dc8_the_absent_are_not_counted(self):
        # 9 invited, 7 present: 4 in favour is more than half of those present.
        conference, extra = self._conference(extra=2, absent=("dv_admin", "union"))
        motion = self._open(conference)
        self._cast(motion, extra | self.employee["staff"] | self.employee["leader"])
        motion.action_close()
        self.assertEqual((motion.closed_base_count, motion.result), (7, "adopted"))

    def test_dc8_closing_fixes_the_result_and_tracks_it(self):
        conference, extra = self._conference(extra=1)
        motion = self._open(conference)
        self._cast(motion, self.employee["staff"] | extra)
        self._cast(motion, self.employee["leader"] | self.employee["board"], "no")
        motion.action_close()
        result = motion.result
        self.assertTrue(self.Motion._fields["result"].tracking)
        # Nobody rewrites the result, nor reopens the vote.
        for login in ("office", "leader", "dv_admin"):
            with self.assertRaises(UserError):
                motion.with_user(self.users[login]).write({"result": "adopted"})
            with self.assertRaises(UserError):
                motion.with_user(self.users[login]).write({"state": "open"})
        # A late check-in changes nothing of the closed count.
        conference.attendee_ids.sudo().write({"present": True})
        self.assertEqual(motion.base_count, motion.closed_base_count)
        self.assertEqual(motion.result, result)
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            motion.action_close()

    def test_dc8_the_conference_ends_only_once_its_votes_are_counted(self):
        conference, _extra = self._conference()
        conference.agenda_item_ids.sudo().write({"done": True})
        motion = self._open(conference)
        office_conference = conference.with_user(self.users["office"])
        with self.assertRaisesRegex(UserError, "Close the vote on"):
            office_conference.action_close()
        self.assertEqual(conference.state, "in_session")
        motion.action_close()
        office_conference.action_close()
        self.assertEqual(conference.state, "done")

    def test_dc8_adopted_motions_feed_the_resolution(self):
        conference, _extra = self._conference()
        adopted = self._open(conference, text="Tiết kiệm chi thường xuyên 10%.")
        rejected = self._open(conference, name="Tham quan", text="Chi tham quan.")
        self._cast(
            adopted,
            self.env["hr.employee"].browse([e.id for e in self.employee.values()]),
        )
        (adopted | rejected).action_close()
        items = conference._resolution_items()
        self.assertEqual(
            [item["name"] for item in items], ["Tiết kiệm chi thường xuyên 10%."]
        )
        self.assertEqual(
            items[0]["result"], f"{adopted.yes_count}/{adopted.closed_base_count}"
        )

    def test_motion_opens_only_while_the_conference_sits(self):
        conference, _extra = self._conference(state="convened")
        motion = self._motion(conference)
        with self.assertRaisesRegex(
            UserError, "only while the conference is in session"
        ):
            motion.action_open()
        self.assertEqual(motion.state, "draft")

    def test_roles_put_to_the_vote_and_close(self):
        conference, _extra = self._conference()
        motion = self._motion(conference)
        for login in ("staff", "unit_head", "union", "board"):
            with self.assertRaises(AccessError):
                motion.with_user(self.users[login]).action_open()
        with self.assertRaises(AccessError):
            self._motion(conference, user=self.users["staff"])
        with self.assertRaises(AccessError):
            motion.with_user(self.user_outsider).read(["name"])
        motion.action_open()
        with self.assertRaises(AccessError):
            motion.with_user(self.users["union"]).action_close()
        # A plain write of the state is refused, a kept motion not deleted.
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            motion.with_user(self.users["office"]).write({"state": "closed"})
        with self.assertRaisesRegex(UserError, "kept by law"):
            motion.with_user(self.users["office"]).unlink()
        self.assertEqual(motion.state, "open")

    # Absurd dates are refused and change nothing.
    def test_absurd_dates_are_refused(self):
        conference, _extra = self._conference(state="ballot")
        motion = self._motion(conference)
        with self.assertRefused():
            motion.write({"date_ballot_close": "2201-01-01"})
        self.assertFalse(motion.date_ballot_close)
        signer, _extra = self._conference()
        proposal = self._motion(signer, proposer="staff")
        Signature = self.env["danvan.conference.motion.signature"].with_user(
            self.users["office"]
        )
        with self.assertRefused():
            Signature.create(
                {
                    "motion_id": proposal.id,
                    "employee_id": self.employee["staff"].id,
                    "date": "1899-05-01",
                }
            )
        with self.assertRefused("cannot be later than today"):
            Signature.create(
                {
                    "motion_id": proposal.id,
                    "employee_id": self.employee["staff"].id,
                    "date": "2099-05-01",
                }
            )
        self.assertEqual(proposal.signature_count, 0)

    def test_dc8_the_tally_is_printed_in_the_official_layout(self):
        conference, extra = self._conference(extra=1)  # 8 present
        motion = self._open(conference)
        self._cast(motion, extra | self.employee["staff"] | self.employee["leader"])
        self._cast(motion, self.employee["board"] | self.employee["union"], "abstain")
        self._cast(motion, self.employee["unit_head"], "no")
        motion.action_close()
        html, _format = (
            self.env["ir.actions.report"]
            .with_user(self.users["office"])
            ._render_qweb_html(
                "danvan_democracy.report_danvan_conference_motion_tally", motion.ids
            )
        )
        html = html.decode()
        self.assertIn("BIÊN BẢN KIỂM PHIẾU", html)
        self.assertIn("không thông qua", html)
        self.assertIn("biểu quyết công khai", html)
        # Nobody is named, even in an open vote.
        self.assertNotIn(self.employee["staff"].name, html)
