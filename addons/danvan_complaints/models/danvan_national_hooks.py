"""A visit recorded in the register goes to the national database (ND154
Art. 27(1), domain-vn.md §0.3.4), as a processed petition and every step of
a case do (see there): its entry is queued in the outbox with a snapshot of
its data, in the agency's language."""

from odoo import api, models


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
