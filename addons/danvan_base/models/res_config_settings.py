from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    danvan_parent_agency = fields.Char(
        related="company_id.danvan_parent_agency", readonly=False
    )
    danvan_agency_name = fields.Char(
        related="company_id.danvan_agency_name", readonly=False
    )
    danvan_agency_code = fields.Char(
        related="company_id.danvan_agency_code", readonly=False
    )
    danvan_place = fields.Char(related="company_id.danvan_place", readonly=False)
    danvan_signer_authority = fields.Char(
        related="company_id.danvan_signer_authority", readonly=False
    )
    danvan_signer_title = fields.Char(
        related="company_id.danvan_signer_title", readonly=False
    )
    danvan_signer_name = fields.Char(
        related="company_id.danvan_signer_name", readonly=False
    )
    danvan_lang = fields.Selection(related="company_id.danvan_lang", readonly=False)
    danvan_archive_code = fields.Char(
        related="company_id.danvan_archive_code", readonly=False
    )
