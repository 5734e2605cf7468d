"""The appraisal is blind for a reviewer of the Office or leadership too
(issue 10): the score rule is noupdate data, written again from its file."""

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools.misc import file_open

RULE = "danvan_model_score_rule_office"


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    with file_open("danvan_models/security/danvan_models_security.xml", "rb") as file:
        record = etree.parse(file).find(f".//record[@id='{RULE}']")
    env.ref(f"danvan_models.{RULE}").write(
        {
            field.get("name"): field.text
            for field in record.iter("field")
            if field.get("name") in ("name", "domain_force")
        }
    )
