import json
import uuid
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CaseCommon


class ComplaintDecree155Common(CaseCommon):
    """Complaint cases of the 2026 regime (Decree 155/2026/NĐ-CP), handled by
    the reception officer and resolved by a leader."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = cls.users["leader"]
        cls.regime_2026 = cls.env.ref("danvan_complaints.danvan_legal_regime_2026")

    def _accepted(self, received, accepted, co_senders=(), **vals):
        case = self._case(
            "complaint",
            received=received,
            **(
                {
                    "sender_ids": [
                        Command.create(
                            {
                                "name": self.DENOUNCER,
                                "address": "Thôn 7",
                                "identity_number": "051190000123",
                            }
                        ),
                        *(Command.create({"name": name}) for name in co_senders),
                    ]
                }
                if co_senders
                else {}
            ),
        ).with_user(self.officer)
        case.write(
            {
                "date_known": received,
                "date_accepted": accepted,
                "acceptance_reference": "12/TB-SKHCN",
                "respondent": "Phòng Quản lý Khoa học",
                "resolver_id": self.leader.id,
                **vals,
            }
        )
        case.action_accept()
        return case

    def _dialogue(self, case, when, notice, chair=None, user=None):
        return (
            self.env["danvan.complaint.dialogue"]
            .with_user(user or self.officer)
            .with_context(default_complaint_id=case.id)
            .create(
                {
                    "complaint_id": case.id,
                    "date": when,
                    "date_notice": notice,
                    "notice_reference": "50/TB-SKHCN",
                    "place": "Trụ sở tiếp công dân",
                    "content": "Việc thu tiền",
                    "chair_id": (chair or self.officer).id,
                }
            )
        )


@tagged("post_install", "-at_install")
class TestComplaintDecree155(ComplaintDecree155Common):
    """Complaints under Decree 155/2026/NĐ-CP from 01/7/2026: acceptance
    period, complexity, dialogue, suspension and resumption, group
    withdrawal, authorisation (KN-4, KN-6, KN-7, KN-8, KN-14, KN-15)."""

    def test_kn6_acceptance_in_7_working_days_from_july_2026(self):
        old = self.env.ref(
            "danvan_complaints.danvan_time_limit_complaint_acceptance_normal"
        )
        new = self.env.ref(
            "danvan_complaints.danvan_time_limit_complaint_acceptance_2026"
        )
        self.assertEqual(old.date_to, date(2026, 6, 30))
        self.assertEqual((new.duration, new.unit), (7, "working_days"))
        self.assertIn("Văn phòng", new.legal_basis)
        self.assertIn("155/2026", new.legal_basis)
        # Received Monday 29/06/2026: the 10 working days of the Law.
        june = self._case("complaint", received=date(2026, 6, 29))
        self.assertEqual(june.acceptance_deadline, date(2026, 7, 13))
        # Received Monday 06/07/2026: 7 working days.
        july = self._case("complaint", received=date(2026, 7, 6))
        self.assertEqual(july.acceptance_deadline, date(2026, 7, 15))
        # Friday 28/08/2026: 31/08 swapped off, 01-02/09 National Day.
        august = self._case("complaint", received=date(2026, 8, 28))
        self.assertEqual(august.acceptance_deadline, date(2026, 9, 11))
        # The Office corrects the decree's figure: the open cases follow.
        new.with_user(self.users["dv_admin"]).duration = 10
        self.assertEqual(july.acceptance_deadline, date(2026, 7, 20))
        self.assertEqual(june.acceptance_deadline, date(2026, 7, 13))
        # Run again at an update, the data step keeps the correction.
        self.regime_2026.dialogue_head_in_person = False
        self.env["danvan.complaint"]._apply_decree_155(
            {"dialogue_head_in_person": True}
        )
        self.assertFalse(self.regime_2026.dialogue_head_in_person)
        self.assertEqual(new.duration, 10)

    def test_kn7_complexity_follows_the_checklist_and_its_finding(self):
        case = self._accepted(date(2026, 7, 6), date(2026, 7, 7))
        self.assertTrue(case.complexity_listed)
        self.assertEqual(len(self.regime_2026.complexity_criterion_ids), 7)
        self.assertEqual(case.date_deadline, date(2026, 8, 6))
        places = self.env.ref(
            "danvan_complaints.danvan_complaint_complexity_2026_places"
        )
        with self.assertRaisesRegex(ValidationError, "Article 3a"):
            case.is_complex = True
        with self.assertRaisesRegex(ValidationError, "Article 3a"):
            case.complexity_criterion_ids = [Command.link(places.id)]
        case.write(
            {
                "complexity_criterion_ids": [Command.link(places.id)],
                "complexity_finding": "Phải xác minh ở hai nơi.",
            }
        )
        self.assertTrue(case.is_complex)
        # KN-7: 45 days from Tuesday 07/07/2026.
        self.assertEqual(case.date_deadline, date(2026, 8, 21))
        case.complexity_criterion_ids = [Command.clear()]
        self.assertFalse(case.is_complex)
        self.assertEqual(case.date_deadline, date(2026, 8, 6))
        # Before 01/7/2026 no criteria are listed: the resolver decides.
        march = self._accepted(date(2026, 3, 2), date(2026, 3, 2))
        self.assertFalse(march.complexity_listed)
        march.is_complex = True
        self.assertEqual(march.date_deadline, date(2026, 4, 16))

    def test_kn8_dialogue_noticed_5_days_before_and_its_minutes(self):
        case = self._accepted(date(2026, 7, 6), date(2026, 7, 7))
        dialogue = self._dialogue(case, date(2026, 7, 20), date(2026, 7, 16))
        self.assertEqual(
            sorted(dialogue.attendee_ids.mapped("role")), ["complainant", "respondent"]
        )
        with self.assertRaisesRegex(UserError, "at least 5 days"):
            dialogue.action_notify()
        self.assertEqual(dialogue.state, "planned")
        with self.assertRaisesRegex(UserError, "status"):
            dialogue.state = "held"
        dialogue.date_notice = date(2026, 7, 15)
        dialogue.action_notify()
        self.assertEqual(dialogue.state, "noticed")
        self.assertEqual(dialogue.activity_ids.user_id, self.officer)
        self.assertEqual(dialogue.activity_ids.date_deadline, date(2026, 7, 20))
        with self.assertRaisesRegex(UserError, "record whether"):
            dialogue.action_hold()
        complainant = dialogue.attendee_ids.filtered(lambda a: a.role == "complainant")
        respondent = dialogue.attendee_ids - complainant
        complainant.attendance = "absent_excused"
        respondent.attendance = "present"
        with self.assertRaisesRegex(UserError, "valid reason"):
            dialogue.action_hold()
        complainant.attendance = "absent"
        dialogue.action_hold()
        self.assertEqual(dialogue.state, "held")
        self.assertFalse(dialogue.activity_ids)
        self.assertEqual(
            (case.dialogue_required, case.dialogue_date, case.dialogue_attendance),
            (True, date(2026, 7, 20), "absent"),
        )
        self.assertIn("dialogue", case.event_ids.mapped("kind"))
        with self.assertRaisesRegex(UserError, "locked"):
            dialogue.place = "Nơi khác"
        with self.assertRaisesRegex(UserError, "kept as signed"):
            respondent.attendance = "absent"
        # Nor is a party of another dialogue moved into the signed minutes.
        other = self._dialogue(
            self._accepted(date(2026, 7, 6), date(2026, 7, 7)),
            date(2026, 7, 27),
            date(2026, 7, 20),
        )
        stranger = other.attendee_ids[:1]
        with self.assertRaisesRegex(UserError, "kept as signed"):
            stranger.dialogue_id = dialogue
        self.env.invalidate_all()
        self.assertEqual(stranger.dialogue_id, other)
        # Under the 2026 regime the unexcused absence does not stop the decision.
        case.write(
            {
                "settlement_number": "45/QĐ-SKHCN",
                "date_settled": date(2026, 7, 25),
                "verification_result": "<p>Có căn cứ.</p>",
                "legal_basis": "Điều 28 Luật Khiếu nại",
                "conclusion": "wrong",
                "measure": "keep",
            }
        )
        case.action_settle()
        self.assertEqual(case.state, "settled")
        html = self._render(
            "danvan_complaints.report_danvan_complaint_dialogue", dialogue
        )
        for text in (
            "BIÊN BẢN",
            "Mẫu số 14",
            self.DENOUNCER,
            "Vắng mặt không có lý do",
            "50/TB-SKHCN",
        ):
            self.assertIn(text, html)

    def test_kn8_second_time_dialogue_held_by_the_head_in_person(self):
        case = self._accepted(
            date(2026, 7, 6), date(2026, 7, 7), resolution_round="second"
        )
        dialogue = self._dialogue(case, date(2026, 7, 20), date(2026, 7, 10))
        with self.assertRaisesRegex(UserError, "in person"):
            dialogue.action_notify()
        dialogue.chair_id = self.leader
        dialogue.action_notify()
        self.assertEqual(dialogue.activity_ids.user_id, self.leader)
        # A first-time dialogue may be held by whom the resolver assigns.
        first = self._accepted(date(2026, 7, 6), date(2026, 7, 7))
        other = self._dialogue(first, date(2026, 7, 20), date(2026, 7, 10))
        other.action_notify()
        self.assertEqual(other.state, "noticed")

    def test_kn14_decisions_sent_in_3_working_days_resumed_across_holidays(self):
        case = self._accepted(date(2026, 7, 15), date(2026, 7, 20))
        self.assertEqual(case.date_deadline, date(2026, 8, 19))
        with self.assertRaisesRegex(UserError, "14a"):
            self._case_step(case, "suspend", date(2026, 8, 3), reference=False)
        self.assertEqual(case.state, "accepted")
        self._case_step(case, "suspend", date(2026, 8, 3), reference="20/QĐ-SKHCN")
        suspension = case.stop_decision_ids
        self.assertEqual(
            (suspension.kind, suspension.form_number, suspension.number),
            ("suspend", "14a", "20/QĐ-SKHCN"),
        )
        self.assertEqual(suspension.sending_deadline, date(2026, 8, 6))
        self.assertIn(self.DENOUNCER, suspension.recipients)
        self.assertEqual(suspension.activity_ids.user_id, self.officer)
        self.assertEqual(suspension.activity_ids.date_deadline, date(2026, 8, 6))
        # Resumed on Monday 17/08: the 16 days left run from the decision to
        # resume; Wednesday 02/09 is National Day, so Thursday 03/09.
        self._case_step(case, "resume", date(2026, 8, 17), reference="25/QĐ-SKHCN")
        resumption = case.stop_decision_ids - suspension
        self.assertEqual((resumption.kind, resumption.form_number), ("resume", "14b"))
        self.assertEqual(case.date_deadline, date(2026, 9, 3))
        self.assertEqual(resumption.new_deadline, date(2026, 9, 3))
        self.assertEqual(resumption.sending_deadline, date(2026, 8, 20))
        # Sent: the to-do is done; the decision itself is kept.
        suspension.with_user(self.officer).date_sent = date(2026, 8, 5)
        self.assertFalse(suspension.activity_ids)
        self.assertFalse(suspension.sent_late)
        with self.assertRaisesRegex(UserError, "kept as it was issued"):
            suspension.with_user(self.officer).number = "21/QĐ-SKHCN"
        # Nor are the files of a decision sent replaced or taken away.
        with self.assertRaisesRegex(UserError, "kept as it was issued"):
            suspension.with_user(self.officer).attachment_ids = False
        with self.assertRaises(UserError):
            suspension.with_user(self.officer).unlink()
        with self.assertRaises(UserError):
            self.env["danvan.complaint.stop.decision"].with_user(self.officer).create(
                {
                    "complaint_id": case.id,
                    "kind": "suspend",
                    "number": "1",
                    "date": date(2026, 8, 3),
                    "recipients": "x",
                }
            )
        resumption.with_user(self.officer).date_sent = date(2026, 8, 24)
        self.assertTrue(resumption.sent_late)
        html = self._render(
            "danvan_complaints.report_danvan_complaint_stop_decision", suspension
        )
        for text in ("Mẫu số 14a", "tạm đình chỉ", "20/QĐ-SKHCN", self.DENOUNCER):
            self.assertIn(text, html)
        html = self._render(
            "danvan_complaints.report_danvan_complaint_stop_decision", resumption
        )
        self.assertIn("03/09/2026", html)

    def test_kn14_termination_on_death_goes_to_the_commune_committee(self):
        case = self._accepted(date(2026, 7, 15), date(2026, 7, 20))
        with self.assertRaisesRegex(UserError, "commune People's Committee"):
            self._case_step(
                case, "terminate", date(2026, 8, 3), termination_reason="death"
            )
        self._case_step(
            case,
            "terminate",
            date(2026, 8, 3),
            termination_reason="death",
            commune_committee="UBND xã Bình Sơn",
        )
        self.assertEqual(case.state, "terminated")
        decision = case.stop_decision_ids
        self.assertEqual((decision.kind, decision.form_number), ("terminate", "14a"))
        self.assertIn("UBND xã Bình Sơn", decision.recipients)

    def test_kn4_some_complainants_withdraw_the_case_goes_on(self):
        case = self._accepted(
            date(2026, 7, 6), date(2026, 7, 7), co_senders=("Lê Văn Hai",)
        )
        senders = case.petition_id.sender_ids
        second = senders.filtered(lambda s: s.name == "Lê Văn Hai")
        self._case_step(
            case,
            "withdraw_part",
            date(2026, 7, 10),
            reason="Rút đơn",
            withdrawing_sender_ids=[Command.set(second.ids)],
        )
        self.assertEqual(case.state, "accepted")
        self.assertEqual(case.withdrawn_sender_ids, second)
        self.assertFalse(case.stop_decision_ids)
        # Who withdrew is no longer a party to the dialogue.
        dialogue = self._dialogue(case, date(2026, 7, 20), date(2026, 7, 13))
        self.assertNotIn("Lê Văn Hai", dialogue.attendee_ids.mapped("name"))
        with self.assertRaisesRegex(UserError, "already withdrew"):
            self._case_step(
                case,
                "withdraw_part",
                date(2026, 7, 11),
                withdrawing_sender_ids=[Command.set(second.ids)],
            )
        # The last one withdraws: the settlement is terminated on Mẫu 14a.
        self._case_step(
            case,
            "withdraw_part",
            date(2026, 7, 14),
            reason="Rút đơn",
            reference="3/ĐRKN",
            decision_number="30/QĐ-SKHCN",
            withdrawing_sender_ids=[Command.set((senders - second).ids)],
        )
        self.assertEqual(
            (case.state, case.termination_reason), ("terminated", "withdrawn")
        )
        self.assertEqual(case.stop_decision_ids.number, "30/QĐ-SKHCN")
        # Under the old regime a complaint is withdrawn in whole only.
        march = self._accepted(
            date(2026, 3, 2), date(2026, 3, 2), co_senders=("Lê Văn Ba",)
        )
        with self.assertRaisesRegex(UserError, "in whole only"):
            self._case_step(
                march,
                "withdraw_part",
                date(2026, 3, 10),
                withdrawing_sender_ids=[
                    Command.set(march.petition_id.sender_ids[:1].ids)
                ],
            )

    def test_kn15_authorisation_on_form_02_notarised_until_2027(self):
        case = self._accepted(date(2026, 7, 6), date(2026, 7, 7))
        sender = case.petition_id.sender_ids
        Auth = self.env["danvan.complaint.authorisation"].with_user(self.officer)
        values = {
            "complaint_id": case.id,
            "grantor_id": sender.id,
            "attorney_name": "Luật sư Nguyễn Văn Bình",
            "scope": "Khiếu nại việc thu tiền",
            "date": date(2026, 11, 2),
        }
        with self.assertRaisesRegex(ValidationError, "notarised"):
            Auth.create(values)
        auth = Auth.create(dict(values, notarised=True))
        self.assertEqual(auth.form_number, "02")
        self.assertTrue(auth.notarisation_required)
        with self.assertRaisesRegex(ValidationError, "one person only"):
            Auth.create(dict(values, notarised=True, attorney_name="Trần Văn C"))
        other = Auth.create(
            dict(
                values,
                notarised=True,
                attorney_name="Trần Văn C",
                scope="Yêu cầu bồi thường",
            )
        )
        self.assertTrue(other)
        with self.assertRaisesRegex(ValidationError, "sealed"):
            Auth.create(
                dict(values, grantor_kind="organisation", scope="Nội dung khác")
            )
        # From 01/01/2027 an individual's authorisation needs no notarisation.
        with freeze_time("2027-01-10"):
            later = Auth.create(dict(values, date=date(2027, 1, 5), scope="Đối thoại"))
            self.assertFalse(later.notarisation_required)

    def test_kn18_case_accepted_in_june_2026_takes_the_new_rules(self):
        """Accepted on 03/06/2026 under the old regime, undecided on
        01/7/2026: its suspension, withdrawal and dialogue of July follow
        Decree 155/2026/NĐ-CP."""
        case = self._accepted(
            date(2026, 6, 1),
            date(2026, 6, 3),
            co_senders=("Lê Văn Hai",),
            resolution_round="second",
        )
        self.assertEqual(case.regime_id.code, "2014")
        self.assertFalse(case.complexity_listed)
        # A suspension of June: no form of the old regime, no sending limit.
        self._case_step(case, "suspend", date(2026, 6, 10))
        self._case_step(case, "resume", date(2026, 6, 15))
        self.assertEqual(case.stop_decision_ids.mapped("form_number"), [False, False])
        self.assertFalse(any(case.stop_decision_ids.mapped("sending_deadline")))
        # In July: Mẫu 14a and its 3 working days.
        self._case_step(case, "suspend", date(2026, 7, 6), reference="40/QĐ-SKHCN")
        july = case.stop_decision_ids.filtered(lambda d: d.date == date(2026, 7, 6))
        self.assertEqual(
            (july.form_number, july.sending_deadline), ("14a", date(2026, 7, 9))
        )
        self._case_step(case, "resume", date(2026, 7, 8), reference="41/QĐ-SKHCN")
        # A complainant of the group withdraws in July.
        second = case.petition_id.sender_ids.filtered(lambda s: s.name == "Lê Văn Hai")
        self._case_step(
            case,
            "withdraw_part",
            date(2026, 7, 9),
            withdrawing_sender_ids=[Command.set(second.ids)],
        )
        self.assertEqual((case.state, case.withdrawn_sender_ids), ("accepted", second))
        # The July dialogue: notice 5 days before, held by the head in person.
        dialogue = self._dialogue(case, date(2026, 7, 20), date(2026, 7, 17))
        with self.assertRaisesRegex(UserError, "at least 5 days"):
            dialogue.action_notify()
        dialogue.date_notice = date(2026, 7, 13)
        with self.assertRaisesRegex(UserError, "in person"):
            dialogue.action_notify()
        dialogue.chair_id = self.leader
        dialogue.action_notify()
        self.assertEqual(dialogue.state, "noticed")

    def test_kn8_june_dialogue_follows_the_old_rules(self):
        """A dialogue held before 01/7/2026 has no notice period nor head in
        person, and an unexcused absence still stops the decision (KN-18)."""
        case = self._accepted(
            date(2026, 5, 4), date(2026, 5, 5), resolution_round="second"
        )
        dialogue = self._dialogue(case, date(2026, 6, 10), date(2026, 6, 9))
        dialogue.action_notify()
        dialogue.attendee_ids.attendance = "absent"
        dialogue.action_hold()
        self.assertEqual(case.dialogue_attendance, "absent")
        case.write(
            {
                "settlement_number": "45/QĐ-SKHCN",
                "date_settled": date(2026, 6, 15),
                "verification_result": "<p>Có căn cứ.</p>",
                "legal_basis": "Điều 37 Luật Khiếu nại",
                "conclusion": "wrong",
                "measure": "keep",
            }
        )
        with self.assertRaisesRegex(UserError, "hold the dialogue"):
            case.action_settle()

    def test_kn_parties_seen_as_their_case_is(self):
        """TCD-11: the parties of a dialogue, a decision and an authorisation
        are read by the case's handler and leadership only."""
        case = self._accepted(date(2026, 7, 6), date(2026, 7, 7))
        dialogue = self._dialogue(case, date(2026, 7, 20), date(2026, 7, 10))
        self._case_step(case, "suspend", date(2026, 8, 3), reference="20/QĐ-SKHCN")
        for model in (
            "danvan.complaint.dialogue",
            "danvan.complaint.dialogue.attendee",
            "danvan.complaint.stop.decision",
        ):
            self.assertFalse(
                self.env[model]
                .with_user(self.other_officer)
                .search([])
                .filtered(
                    lambda r: r
                    in dialogue | dialogue.attendee_ids | case.stop_decision_ids
                ),
                model,
            )
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.users["staff"]).search([])
            self.assertTrue(self.env[model].with_user(self.leader).search_count([]))
        with self.assertRaises(AccessError):
            dialogue.with_user(self.other_officer).read(["place"])


@tagged("post_install", "-at_install")
class TestComplaintDecree155Confidentiality(ComplaintDecree155Common):
    """TCD-11, KN-8, KN-14, KN-15: the names of the parties in a dialogue's
    minutes, a decision's recipients and an authorisation reach nobody who
    may not read their case, through any channel."""

    @staticmethod
    def _channels(Model, ids, field, fnames, token):
        """What a user may ask of ``Model`` by RPC, as calls."""
        return {
            "read": lambda: Model.browse(ids).read(fnames),
            "search_read": lambda: Model.search_read([], fnames),
            "search": lambda: Model.search([(field, "ilike", token)]).ids,
            "web_search_read": lambda: Model.web_search_read(
                [], {f: {} for f in fnames}
            ),
            "name_search": lambda: Model.name_search(token),
            "export_data": lambda: Model.browse(ids).export_data(fnames),
        }

    def test_tcd11_the_parties_of_a_complaint_reach_nobody_else(self):
        token = uuid.uuid4().hex[:12]
        name = f"Nguyễn Văn Bímật{token}"
        case = self._accepted(date(2026, 7, 6), date(2026, 7, 7))
        case.petition_id.sudo().sender_ids.name = name
        dialogue = self._dialogue(case, date(2026, 7, 20), date(2026, 7, 10))
        dialogue.attendee_ids.filtered(
            lambda a: a.role == "complainant"
        ).position = f"Thôn {token}"
        self._case_step(case, "suspend", date(2026, 8, 3), reference="20/QĐ-SKHCN")
        self.env["danvan.complaint.authorisation"].with_user(self.officer).create(
            {
                "complaint_id": case.id,
                "grantor_id": case.petition_id.sender_ids.id,
                "attorney_name": f"Luật sư {token}",
                "attorney_identity": token,
                "scope": "Khiếu nại",
                "date": date(2026, 11, 2),
                "notarised": True,
            }
        )
        planted = {
            "danvan.complaint.dialogue.attendee": ("name", ["name", "position"]),
            "danvan.complaint.dialogue": ("attendee_ids.name", ["display_name"]),
            "danvan.complaint.stop.decision": ("recipients", ["recipients"]),
            "danvan.complaint.authorisation": (
                "attorney_name",
                ["attorney_name", "attorney_identity", "grantor_id"],
            ),
        }
        head = new_test_user(
            self.env,
            login="dvc_kn_head_other",
            groups="danvan_base.group_danvan_unit_head,"
            "danvan_complaints.group_danvan_reception",
        )
        attackers = (self.other_officer, self.users["staff"], head)
        export = self.env.ref("base.group_allow_export")
        for user in attackers:
            user.groups_id = [Command.link(export.id)]
        self.env.flush_all()
        for model, (field, fnames) in planted.items():
            ids = self.env[model].search([(field, "ilike", token)]).ids
            self.assertTrue(ids, model)
            # The handler and leadership read them.
            for user in (self.officer, self.leader):
                found = (
                    self.env[model].with_user(user).search([(field, "ilike", token)])
                )
                self.assertEqual(found.ids, ids, f"{model} for {user.login}")
            for user in attackers:
                calls = self._channels(
                    self.env[model].with_user(user), ids, field, fnames, token
                )
                for channel, call in calls.items():
                    with self.subTest(model=model, user=user.login, channel=channel):
                        self.env.invalidate_all()
                        try:
                            answer = json.dumps(call(), default=str, ensure_ascii=False)
                        except AccessError:
                            answer = ""
                        self.assertNotIn(token, answer)
