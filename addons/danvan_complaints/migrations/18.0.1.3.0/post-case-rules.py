"""The reception officers' rules on complaint and denunciation cases read the
case's stored handler of its petition (TC-13), which an index serves, instead
of a lookup of every petition the officer handles (issue 15). The rules are
kept as the agency may have edited them (noupdate): only the domain that this
version shipped before is replaced."""

from odoo import SUPERUSER_ID, api

OLD = "['|', ('handler_id', '=', user.id), ('petition_id.handler_id', '=', user.id)]"
NEW = "['|', ('handler_id', '=', user.id), ('petition_handler_id', '=', user.id)]"
RULES = (
    "danvan_complaints.danvan_complaint_rule_reception",
    "danvan_complaints.danvan_denunciation_rule_reception",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in RULES:
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule and rule.domain_force == OLD:
            rule.domain_force = NEW
