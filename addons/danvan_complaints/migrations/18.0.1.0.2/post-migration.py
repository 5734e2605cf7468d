"""Every citizen received is confidential (TCD-11): the record rules on
senders and visitors lose their branch for a person who is not. They are
noupdate data, written again from their file."""

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools.misc import file_open

RULES = (
    "danvan_petition_sender_rule_reception",
    "danvan_reception_visitor_rule_reception",
)


def rewrite_rules(env):
    """Each rule's name and domain as the security file gives them."""
    path = "danvan_complaints/security/danvan_complaints_security.xml"
    with file_open(path, "rb") as file:
        tree = etree.parse(file)
    for rule in RULES:
        record = tree.find(f".//record[@id='{rule}']")
        env.ref(f"danvan_complaints.{rule}").write(
            {
                field.get("name"): field.text
                for field in record.iter("field")
                if field.get("name") in ("name", "domain_force")
            }
        )


def migrate(cr, version):
    rewrite_rules(api.Environment(cr, SUPERUSER_ID, {}))
