from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.danvan_base.tests.common import DanvanCommon as BaseDanvanCommon
from odoo.addons.danvan_base.tests.common import TwoAgenciesCommon


class DanvanCommon(BaseDanvanCommon):
    """The common roles, and a reception officer of the Office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._add_role_user(
            "reception", "danvan_complaints.group_danvan_reception", cls.unit_office
        )


class ReceptionCommon(DanvanCommon):
    """Two reception officers: the one handling the case, and another."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = cls.users["reception"]
        cls.other_officer = new_test_user(
            cls.env,
            login="dvc_officer_2",
            groups="danvan_complaints.group_danvan_reception",
        )

    @classmethod
    def _team_member(cls, login):
        """A member of staff with no other role, as a verification team's
        member is: he reads the case, never the letter nor the citizen."""
        return new_test_user(
            cls.env, login=login, groups="danvan_base.group_danvan_staff"
        )

    def _confirm_redacted(self, petition, terms="", user=None):
        """Preview the copy without the denouncer as the officer would, and
        confirm it (TC-13 (2)); returns the wizard."""
        action = petition.with_user(user or self.officer).action_preview_redacted()
        wizard = (
            self.env[action["res_model"]]
            .with_user(user or self.officer)
            .with_context(**action["context"])
            .create({"redact_terms": terms} if terms else {})
        )
        wizard.action_confirm()
        return wizard


class CaseCommon(ReceptionCommon):
    """A petition accepted for settlement, and the case it opens."""

    DENOUNCER = "Trần Thị Bảo Mật"

    def _case(self, petition_type, received=date(2026, 3, 2), **petition_vals):
        petition = (
            self.env["danvan.petition"]
            .with_user(self.officer)
            .create(
                {
                    "summary": "Cán bộ thu tiền sai quy định",
                    "date_received": received,
                    "petition_type": petition_type,
                    "qualified": "yes",
                    "outcome": "accept",
                    "content": f"<p>Tôi là {self.DENOUNCER}, ở Thôn 7, xin trình bày "
                    "việc cán bộ B thu tiền sai quy định.</p>",
                    "sender_ids": [
                        Command.create(
                            {
                                "name": self.DENOUNCER,
                                "address": "Thôn 7",
                                "identity_number": "051190000123",
                            }
                        )
                    ],
                    **petition_vals,
                }
            )
        )
        petition.action_classify()
        petition.action_process()
        model = {"complaint": "danvan.complaint", "denunciation": "danvan.denunciation"}
        return self.env[model[petition_type]].search(
            [("petition_id", "=", petition.id)]
        )

    def _case_step(self, case, action, when, **vals):
        """Extend, withdraw, suspend, resume or terminate through the wizard."""
        wizard = (
            self.env["danvan.case.stop"]
            .with_user(self.officer)
            .with_context(default_res_model=case._name, default_res_id=case.id)
            .create(
                {
                    "action": action,
                    "date": when,
                    "reason": "Theo đơn",
                    "reference": "15/QĐ-SKHCN",
                    **vals,
                }
            )
        )
        return wizard.action_confirm()

    def _write_conclusion(self, case):
        """The conclusion of a denunciation, dated Tuesday 31/03/2026 (TC-10)."""
        case.write(
            {
                "settlement_number": "30/KL-SKHCN",
                "date_settled": date(2026, 3, 31),
                "conclusion": "partly",
                "conclusion_text": "<p>Tố cáo đúng một phần.</p>",
            }
        )

    def _close_concluded(self, case):
        """Notify the denouncer of the conclusion, publish it and close the
        case (TC-10)."""
        case.write(
            {
                "date_conclusion_notified": date(2026, 4, 2),
                "publication_method": "website",
                "date_published": date(2026, 4, 3),
            }
        )
        case.action_close()

    def _render(self, report_xmlid, records, user=None):
        """The HTML of a report as ``user`` (the officer by default) prints it."""
        return (
            self.env["ir.actions.report"]
            .with_user(user or self.officer)
            ._render_qweb_html(report_xmlid, records.ids)[0]
            .decode()
        )


class ComplaintsTwoAgenciesCommon(TwoAgenciesCommon):
    """A reception officer in each agency, and in each a denunciation
    accepted for settlement; agency B also holds a reception visit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer_a = cls._add_role_user(
            "reception", "danvan_complaints.group_danvan_reception", cls.unit_office
        )
        cls.officer_b = new_test_user(
            cls.env,
            login="dvb_reception",
            groups="danvan_complaints.group_danvan_reception",
            company_id=cls.company_b.id,
        )
        cls.env["hr.employee"].create(
            {
                "name": cls.officer_b.name,
                "user_id": cls.officer_b.id,
                "department_id": cls.unit_b_office.id,
                "company_id": cls.company_b.id,
            }
        )
        cls.leader_a, cls.leader_b = cls.users["leader"], cls.users_b["leader"]
        cls.petition_a = cls._petition(cls.officer_a, cls.company_a, cls.unit_office)
        cls.petition_b = cls._petition(cls.officer_b, cls.company_b, cls.unit_b_office)
        cls.case_b = cls.env["danvan.denunciation"].search(
            [("petition_id", "=", cls.petition_b.id)]
        )
        cls.visit_b = cls._visit(cls.officer_b, cls.company_b)
        cls.records_b = (
            cls.petition_b,
            cls.petition_b.sender_ids,
            cls.case_b,
            cls.visit_b,
            cls.visit_b.visitor_ids,
        )

    @classmethod
    def _petition(cls, officer, company, unit):
        """A denunciation of ``company`` accepted for settlement by ``officer``."""
        petition = (
            cls.env["danvan.petition"]
            .with_user(officer)
            .with_company(company)
            .create(
                {
                    "summary": f"Tố cáo cán bộ {company.name}",
                    "date_received": date(2026, 3, 2),
                    "petition_type": "denunciation",
                    "qualified": "yes",
                    "outcome": "accept",
                    "department_id": unit.id,
                    "content": "<p>Tôi là Trần Thị Bảo Mật, ở Thôn 7.</p>",
                    "sender_ids": [
                        Command.create(
                            {"name": "Trần Thị Bảo Mật", "address": "Thôn 7"}
                        )
                    ],
                }
            )
        )
        petition.action_classify()
        petition.action_process()
        return petition.with_env(cls.env)

    @classmethod
    def _visit(cls, officer, company):
        return (
            cls.env["danvan.reception.visit"]
            .with_user(officer)
            .with_company(company)
            .create(
                {
                    "date": date(2026, 3, 2),
                    "summary": "Phản ánh việc thu phí",
                    "visitor_ids": [Command.create({"name": "Lê Văn Tiếp"})],
                }
            )
            .with_env(cls.env)
        )
