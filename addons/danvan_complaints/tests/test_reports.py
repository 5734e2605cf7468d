import io
from datetime import date

from PyPDF2 import PdfReader

from odoo import Command
from odoo.tests import HttpCase, TransactionCase, tagged

from .common import CaseCommon

# The report actions of this addon, each printed below from its model.
PRINTED = {
    "action_report_danvan_complaint_acceptance",
    "action_report_danvan_complaint_decision",
    "action_report_danvan_complaints_report",
    "action_report_danvan_denunciation_acceptance",
    "action_report_danvan_denunciation_redacted",
    "action_report_danvan_petition_letter",
    "action_report_danvan_petition_redacted",
    "action_report_danvan_reception_receipt",
    "action_report_danvan_reception_register",
    # Printed in test_complaint_decree155 (KN-8, KN-14).
    "action_report_danvan_complaint_dialogue",
    "action_report_danvan_complaint_stop_decision",
    # Printed in test_reception_decree154 (TCD-10, TCD-12, TCD-21).
    "action_report_danvan_refusal_notice",
    "action_report_danvan_reception_receipt_02tcd",
    "action_report_danvan_reception_conclusion",
    # tests/test_denunciation_expert.py
    "action_report_danvan_denunciation_expert",
    # Printed in test_reception_allowance (TCD-22).
    "action_report_danvan_reception_allowance_sheet",
}


@tagged("post_install", "-at_install")
class TestReportNames(TransactionCase):
    """The web client prints ``/report/pdf/<report name>/<ids>`` and Odoo finds
    the report, hence the model of the ids, by that name alone: two reports
    sharing a name print one model's record for the other's (issue 11,
    item 6)."""

    def test_each_report_of_our_addons_has_its_own_report_name(self):
        ours = self.env["ir.model.data"].search(
            [("model", "=", "ir.actions.report"), ("module", "=like", "danvan_%")]
        )
        reports = self.env["ir.actions.report"].browse(ours.mapped("res_id"))
        self.assertTrue(reports)
        shared = {
            name: count
            for name, count in self.env["ir.actions.report"]._read_group(
                [("report_name", "in", reports.mapped("report_name"))],
                ["report_name"],
                ["__count"],
            )
            if count > 1
        }
        self.assertFalse(shared, "report names used by more than one report")

    def test_every_report_of_the_addon_is_printed_by_the_tests(self):
        ours = self.env["ir.model.data"].search(
            [("model", "=", "ir.actions.report"), ("module", "=", "danvan_complaints")]
        )
        self.assertEqual(set(ours.mapped("name")), PRINTED)


@tagged("post_install", "-at_install")
class TestReportsPrintTheirRecord(CaseCommon):
    """Each report printed from each model it is bound to, by the users who
    print it, names the record asked for and no other: two records of each
    kind, with their own numbers and citizens (issue 11, item 6)."""

    CITIZENS = ("Phạm Văn Một", "Hoàng Thị Hai")
    MARKS = ("VIỆC THỨ MỘT", "VIỆC THỨ HAI")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = cls.users["leader"]
        cls.verifier = cls._team_member("dvc_report_verifier")

    def _print(self, report_name, records, user):
        """The HTML of ``records`` as ``user`` prints it from the web client:
        the report found by its name, as ``/report/pdf/<name>/<ids>`` does."""
        return (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True)
            ._render_qweb_html(report_name, records.ids)[0]
            .decode()
        )

    def _assert_prints_own(self, records, action, marks, users, absent=(), readers=()):
        """Each of ``users`` prints each of ``records`` (and each of
        ``readers`` the record of the same rank) as the web client does, by
        the button method ``action`` or the report ``action``: the document
        holds the ``marks`` of its record (one tuple a record), none of the
        other records' nor any of ``absent``; returns the documents."""
        printed = []
        for index, record in enumerate(records):
            others = [
                text for rank, own in enumerate(marks) if rank != index for text in own
            ]
            for user in (*users, *readers[index : index + 1]):
                with self.subTest(user=user.login, record=index):
                    report_name = (
                        getattr(record.with_user(user), action)()["report_name"]
                        if isinstance(action, str)
                        else action.report_name
                    )
                    html = self._print(report_name, record, user)
                    for text in marks[index]:
                        self.assertIn(text, html)
                    for text in (*others, *absent):
                        self.assertNotIn(text, html)
                    printed.append(html)
        return printed

    def _letter_vals(self, index):
        citizen = self.CITIZENS[index]
        return {
            "summary": self.MARKS[index],
            "content": f"<p>Tôi là {citizen}, trình bày {self.MARKS[index]}.</p>",
            "sender_ids": [
                Command.create({"name": citizen, "address": f"Thôn {index + 1}"})
            ],
        }

    def _cases(self, kind):
        return [self._case(kind, **self._letter_vals(index)) for index in (0, 1)]

    def _accepted_complaints(self):
        cases = self._cases("complaint")
        for index, case in enumerate(cases):
            case.with_user(self.officer).write(
                {
                    "date_known": date(2026, 2, 20),
                    "date_accepted": date(2026, 3, 2),
                    "acceptance_reference": f"1{index}/TB-SKHCN",
                    "respondent": "Phòng Quản lý Khoa học",
                }
            )
            case.with_user(self.officer).action_accept()
        return cases

    def _accepted_denunciations(self):
        cases = self._cases("denunciation")
        for index, case in enumerate(cases):
            case.with_user(self.officer).write(
                {
                    "denounced": "Ông Lê Văn B",
                    "accepted_content": self.MARKS[index],
                    "acceptance_reference": f"0{index}/QĐ-SKHCN",
                    "notice_number": f"2{index}/TB-SKHCN",
                    "date_accepted": date(2026, 3, 2),
                }
            )
            case.with_user(self.officer).action_accept()
        return cases

    def test_notice_of_acceptance_of_a_complaint(self):
        self._assert_prints_own(
            self._accepted_complaints(),
            "action_print_acceptance",
            list(zip(("10/TB-SKHCN", "11/TB-SKHCN"), self.CITIZENS, strict=True)),
            (self.officer, self.leader),
        )

    def test_tc5_notice_of_acceptance_of_a_denunciation(self):
        printed = self._assert_prints_own(
            self._accepted_denunciations(),
            "action_print_acceptance",
            list(
                zip(
                    ("20/TB-SKHCN", "21/TB-SKHCN"),
                    self.CITIZENS,
                    self.MARKS,
                    strict=True,
                )
            ),
            (self.officer, self.leader),
        )
        for html in printed:
            self.assertIn("thụ lý giải quyết tố cáo", html)

    def test_kn9_decision_on_a_complaint(self):
        cases = self._accepted_complaints()
        for index, case in enumerate(cases):
            case.with_user(self.officer).write(
                {
                    "settlement_number": f"4{index}/QĐ-SKHCN",
                    "date_settled": date(2026, 3, 25),
                    "verification_result": f"<p>{self.MARKS[index]}</p>",
                    "legal_basis": "Điều 28 Luật Khiếu nại",
                    "conclusion": "wrong",
                    "measure": "keep",
                }
            )
            case.with_user(self.officer).action_settle()
        self._assert_prints_own(
            cases,
            "action_print_decision",
            list(zip(("40/QĐ-SKHCN", "41/QĐ-SKHCN"), self.CITIZENS, strict=True)),
            (self.officer, self.leader),
        )

    def test_tc13_copy_without_the_denouncer_from_the_petition(self):
        petitions = [case.petition_id for case in self._cases("denunciation")]
        for petition in petitions:
            self._confirm_redacted(petition)
        self._assert_prints_own(
            petitions,
            "action_print_redacted",
            [(p.number, mark) for p, mark in zip(petitions, self.MARKS, strict=True)],
            (self.officer, self.leader),
            absent=self.CITIZENS,
        )

    def test_tc13_copy_without_the_denouncer_from_the_case(self):
        """The verification team's copy (TC-13 (2)): each member of a team
        prints the letter of his own case."""
        cases = self._accepted_denunciations()
        other_verifier = self._team_member("dvc_report_verifier_2")
        cases[0].team_member_ids = self.verifier
        cases[1].team_member_ids = other_verifier
        for case in cases:
            self._confirm_redacted(case.petition_id)
        self._assert_prints_own(
            cases,
            "action_print_redacted",
            [
                (case.petition_id.sudo().number, mark)
                for case, mark in zip(cases, self.MARKS, strict=True)
            ],
            (self.officer, self.leader),
            absent=self.CITIZENS,
            readers=(self.verifier, other_verifier),
        )

    def test_outcome_letter_of_a_petition(self):
        petitions = []
        for index in (0, 1):
            petition = (
                self.env["danvan.petition"]
                .with_user(self.officer)
                .create(
                    {
                        "date_received": date(2026, 3, 2),
                        "petition_type": "complaint",
                        "qualified": "yes",
                        "within_competence": False,
                        "competent_body": "UBND xã A",
                        "outcome": "guide",
                        **self._letter_vals(index),
                    }
                )
            )
            petition.action_classify()
            petition.action_process()
            petitions.append(petition)
        self._assert_prints_own(
            petitions,
            "action_print_letter",
            list(zip(self.CITIZENS, self.MARKS, strict=True)),
            (self.officer, self.leader),
        )

    def _visits(self):
        return [
            self.env["danvan.reception.visit"]
            .with_user(self.officer)
            .create(
                {
                    "date": date(2026, 3, 2),
                    "summary": self.MARKS[index],
                    "petition_type": "complaint",
                    "path": "accept",
                    "documents_received": f"Giấy tờ số {index}",
                    "visitor_ids": [
                        Command.create(
                            {
                                "name": self.CITIZENS[index],
                                "address": "Thôn 5",
                                "identity_number": f"05123456789{index}",
                            }
                        )
                    ],
                }
            )
            for index in (0, 1)
        ]

    def test_tcd12_receipt_of_a_visit(self):
        self._assert_prints_own(
            self._visits(),
            "action_print_receipt",
            list(zip(self.CITIZENS, ("Giấy tờ số 0", "Giấy tờ số 1"), strict=True)),
            (self.officer, self.leader),
        )

    def test_tcd13_register_of_the_visits_chosen(self):
        self._assert_prints_own(
            self._visits(),
            self.env.ref("danvan_complaints.action_report_danvan_reception_register"),
            list(zip(self.CITIZENS, self.MARKS, strict=True)),
            (self.officer, self.leader),
        )

    def test_bc1_report_on_reception_and_complaints(self):
        reports = [
            self.env["danvan.complaints.report"]
            .with_user(self.officer)
            .create({"period_kind": "half_year", "year": year})
            for year in (2030, 2031)
        ]
        self._assert_prints_own(
            reports,
            "action_print",
            [("14/06/2030",), ("14/06/2031",)],
            (self.officer, self.leader),
        )


@tagged("post_install", "-at_install")
class TestReportsOverHttp(HttpCase, CaseCommon):
    """The team member prints his copy as the web client does, and gets the
    PDF of his case (TC-13 (2); issue 11, item 6)."""

    def test_tc13_the_team_member_prints_the_copy_of_his_case(self):
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        verifier = self._team_member("dvc_http_verifier")
        cases = [
            self._case(
                "denunciation",
                summary=mark,
                content=f"<p>Tôi là {citizen}, trình bày {mark}.</p>",
                sender_ids=[Command.create({"name": citizen})],
            )
            for citizen, mark in (
                ("Phạm Văn Một", "VIECMOTXYZ"),
                ("Hoàng Thị Hai", "VIECHAIXYZ"),
            )
        ]
        cases[0].team_member_ids = verifier
        for case in cases:
            self._confirm_redacted(case.petition_id)
        own, other = (case.petition_id.number for case in cases)
        report_name = (
            cases[0].with_user(verifier).action_print_redacted()["report_name"]
        )
        # The route of the web client finds the report by its name. (The PDF
        # route would wait for wkhtmltopdf, which asks this test server for
        # the assets while the request holds the test cursor: the HTML route
        # checks the same lookup.)
        self.authenticate(verifier.login, verifier.login)
        response = self.url_open(f"/report/html/{report_name}/{cases[0].id}")
        self.assertEqual(response.status_code, 200)
        for text in ("VIECMOTXYZ", own):
            self.assertIn(text, response.text)
        for text in ("VIECHAIXYZ", other, "Phạm Văn Một", "Hoàng Thị Hai"):
            self.assertNotIn(text, response.text)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(verifier)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report_name, cases[0].ids)
        )
        self.assertEqual(kind, "pdf")
        reader = PdfReader(io.BytesIO(pdf))
        text = "".join("".join(page.extract_text() for page in reader.pages).split())
        self.assertIn("VIECMOTXYZ", text)
        self.assertIn(own.replace(" ", ""), text)
        for absent in ("VIECHAIXYZ", other, "PhạmVănMột"):
            self.assertNotIn(absent, text)
