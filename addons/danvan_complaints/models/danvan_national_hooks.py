"""The events that go to the national database (domain-vn.md §0.3.4): a
visit recorded in the register (ND154 Art. 27(1)), a petition processed
(ND55 Art. 6), and every step of a case, which its events record (new ND124
Art. 30a, new ND31 Art. 19a). Each queues its entry in the outbox with a
snapshot of its data, in the agency's language."""

from odoo import api, fields, models

from .danvan_national_entry import DESTINATIONS


def _yes_no(value):
    return "yes" if value else "no"


class DanvanReceptionVisit(models.Model):
    _inherit = "danvan.reception.visit"

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        visits.filtered(lambda v: v.state == "recorded")._national_report()
        return visits

    def write(self, vals):
        recording = self.browse()
        if vals.get("state") == "recorded":
            recording = self.filtered(lambda v: v.state != "recorded")
        result = super().write(vals)
        recording._national_report()
        return result

    def _national_protected(self):
        """A visitor who denounces and asked for protection (TC-12), when the
        register records that request."""
        self.ensure_one()
        if "protection_requested" in self._fields and self.protection_requested:
            return True
        return bool(self.sudo().petition_id.protection_requested)

    def _national_report(self):
        """NDB-1: a reception recorded in the register (ND154 Art. 27(1))."""
        Entry = self.env["danvan.national.entry"]
        vals_list = []
        for visit in self.sudo():
            agency = visit.with_env(visit._agency_env())
            protected = visit._national_protected()
            visitors = visit.visitor_ids
            if visit.refused:
                result_code = "refused"
                result = agency.env._(
                    "Refused: %s", agency.refusal_ground_id.name or ""
                )
            else:
                result_code = visit.path or ""
                result = Entry._label(agency, "path")
            vals_list.append(
                {
                    "company_id": visit.company_id.id,
                    "kind": "reception",
                    "step_code": "reception",
                    "step": agency.env._("Citizen received"),
                    "event_date": visit.date,
                    "res_model": visit._name,
                    "res_id": visit.id,
                    "source_number": visit.number,
                    "petition_number": visit.petition_id.number or False,
                    **Entry._national_identity(visitors),
                    "people_count": visit.people_count,
                    "content": Entry.with_env(agency.env)._national_content(
                        visit.summary, visitors, protected
                    ),
                    "petition_type": visit.petition_type,
                    "within_competence": "no"
                    if visit.path in ("guide", "transfer")
                    else "yes",
                    "result_code": result_code,
                    "result": result,
                    "competent_body": visit.competent_body or False,
                    "document_numbers": visit.refusal_notice or False,
                    "protection_requested": protected,
                }
            )
        return Entry._national_record(vals_list)


class DanvanPetition(models.Model):
    _inherit = "danvan.petition"

    national_destination = fields.Selection(
        DESTINATIONS,
        string="Transferred To (Class)",
        tracking=True,
        help="The class of the body a petition is transferred to, as the "
        "national database records it (Article 6 of Decree 55/2022/NĐ-CP).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        petitions = super().create(vals_list)
        petitions.filtered(lambda p: p.state == "processed")._national_report()
        return petitions

    def write(self, vals):
        processing = self.browse()
        if vals.get("state") == "processed":
            processing = self.filtered(lambda p: p.state != "processed")
        result = super().write(vals)
        processing._national_report()
        return result

    def _national_report(self):
        """NDB-2: the one outcome of a petition's processing (ND55 Art. 6:
        type, qualified, competence, transferred and where, guided, filed)."""
        Entry = self.env["danvan.national.entry"]
        vals_list = []
        for petition in self.sudo():
            agency = petition.with_env(petition._agency_env())
            senders = petition.sender_ids
            protected = petition.protection_requested
            vals_list.append(
                {
                    "company_id": petition.company_id.id,
                    "kind": "petition",
                    "step_code": "processed",
                    "step": agency.env._("Petition processed"),
                    "event_date": petition.date_processed
                    or petition.company_id._danvan_today(),
                    "res_model": petition._name,
                    "res_id": petition.id,
                    "source_number": petition.number,
                    "petition_number": petition.number,
                    **Entry._national_identity(senders),
                    "people_count": len(senders),
                    "content": Entry.with_env(agency.env)._national_content(
                        petition.summary, senders, protected
                    ),
                    "petition_type": petition.petition_type,
                    "qualified": petition.qualified,
                    "within_competence": _yes_no(petition.within_competence),
                    "result_code": petition.outcome,
                    "result": Entry._label(agency, "outcome"),
                    "destination": petition.national_destination
                    if petition.outcome == "transfer"
                    else False,
                    "competent_body": petition.competent_body or False,
                    "protection_requested": protected,
                }
            )
        return Entry._national_record(vals_list)


class DanvanCaseEvent(models.Model):
    _inherit = "danvan.case.event"

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._national_report()
        return events

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
