from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from odoo.addons.danvan_base.tools.date_checks import check_dates

from ..tools.record_company import compute_record_company

CASE_MODELS = ("danvan.complaint", "danvan.denunciation")


class DanvanCaseEvent(models.Model):
    """A dated step of a case that the law asks to record or notify: acceptance,
    extension, suspension, resumption, withdrawal, termination, decision,
    sending and publication (TC-11)."""

    _name = "danvan.case.event"
    _description = "Case Event"
    _order = "date desc, id desc"

    res_model = fields.Char(string="Case Model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Case", model_field="res_model", required=True, index=True
    )
    kind = fields.Selection(
        [
            ("acceptance", "Acceptance"),
            ("refusal", "Refusal to accept"),
            ("extension", "Extension"),
            ("suspension", "Suspension"),
            ("resumption", "Resumption"),
            ("withdrawal", "Partial withdrawal"),
            ("termination", "Termination"),
            ("team", "Verification team"),
            ("decision", "Decision or conclusion"),
            ("sending", "Sent to the parties"),
            ("publication", "Publication"),
            ("dialogue", "Dialogue"),
            # TC-9, TC-14: the steps Decree 156/2026 adds after a conclusion.
            ("expert_request", "Request for expert assessment"),
            ("followup", "Follow-up of the conclusion"),
            ("followup_closed", "Follow-up closed"),
        ],
        required=True,
    )
    date = fields.Date(required=True)
    reference = fields.Char(string="Document", help="Number of the document, if any.")
    note = fields.Text()
    user_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user
    )
    # The agency of its case (issue 15, item 4), computed once: the case
    # never changes.
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )

    @api.depends("res_model", "res_id")
    def _compute_company_id(self):
        compute_record_company(self)

    @api.constrains("date")
    def _check_date(self):
        check_dates(self, ["date"])

    @api.model_create_multi
    def create(self, vals_list):
        """An event is made only by the step of its case (TC-11)."""
        if not self.env.su:
            raise UserError(
                self.env._("The events of a case are recorded by its steps.")
            )
        events = super().create(vals_list)
        events._national_report()
        return events

    def write(self, vals):
        """An event is kept as it was recorded (TC-11), by every role."""
        if not self.env.su:
            raise UserError(self.env._("The events of a case are kept."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The events of a case are kept."))

    # An event follows its case: its note (what was withdrawn, why the case
    # was suspended or ended) names the citizen as the letter does (TC-13).

    def _case_access_domain(self):
        """The events of the cases whose letter the user reads: not the
        verification team's (TC-13)."""
        return expression.OR(
            [
                [
                    ("res_model", "=", model),
                    (
                        "res_id",
                        "in",
                        self.env[model]._search(
                            self.env[model]._danvan_letter_domain()
                        ),
                    ),
                ]
                for model in CASE_MODELS
                if self.env["ir.model.access"].check(model, "read", False)
            ]
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            domain = expression.AND([domain, self._case_access_domain()])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su or not self:
            return result
        forbidden = self - self.browse(self._search([("id", "in", self.ids)]))
        if not forbidden:
            return None
        return forbidden, lambda: AccessError(
            self.env._(
                "This step belongs to a case you may not read: the identity of "
                "its citizens is kept secret (Article 12 of Decree 154/2026/NĐ-CP)."
            )
        )

    def _national_report(self):
        """NDB-3: every step of a complaint or denunciation case, as its event
        records it (new ND124 Art. 30a, new ND31 Art. 19a)."""
        Entry = self.env["danvan.national.entry"]
        kinds = {"danvan.complaint": "complaint", "danvan.denunciation": "denunciation"}
        vals_list = []
        for event in self.sudo():
            if event.res_model not in kinds:
                continue
            case = self.env[event.res_model].sudo().browse(event.res_id)
            petition = case.petition_id
            agency = case.with_env(case._agency_env())
            agency_event = event.with_env(case._agency_env())
            agency_case = case.with_env(case._agency_env())
            senders = petition.sender_ids
            protected = petition.protection_requested
            result = ""
            if event.kind == "decision" and "conclusion" in case._fields:
                result = Entry._label(agency_case, "conclusion")
            vals_list.append(
                {
                    "company_id": case.company_id.id,
                    "kind": kinds[event.res_model],
                    "step_code": event.kind,
                    "step": Entry._label(agency_event, "kind"),
                    "event_date": event.date,
                    "res_model": case._name,
                    "res_id": case.id,
                    "source_number": case.number,
                    "petition_number": petition.number,
                    **Entry._national_identity(senders),
                    "people_count": len(senders),
                    "content": Entry.with_env(agency.env)._national_content(
                        case.summary, senders, protected
                    ),
                    "petition_type": petition.petition_type,
                    "result_code": case.conclusion
                    if event.kind == "decision"
                    else False,
                    "result": result or False,
                    "document_numbers": event.reference or False,
                    "protection_requested": protected,
                }
            )
        return Entry._national_record(vals_list)
