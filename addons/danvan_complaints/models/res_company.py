import base64

from markupsafe import escape

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.danvan_base.tools.recipients import recipients_field

_lt = LazyTranslate(__name__)

# What the public website shows of the agency: a change of one of these is
# carried to the company's websites (issue 10).
WEBSITE_FIELDS = {"name", "logo", "danvan_agency_name", "danvan_parent_agency"}


class ResCompany(models.Model):
    _inherit = "res.company"

    danvan_head_user_id = fields.Many2one(
        "res.users",
        string="Head of the Agency",
        help="Receives citizens at least one day a month in person (Article 18 of the "
        "Law on Citizen Reception 2013); "
        "sessions presided by anyone else are flagged (Article 18 of the Law on "
        "Citizen Reception 2013).",
    )
    danvan_reception_day = fields.Integer(
        string="Monthly Reception Day",
        default=15,
        help="Day of the month of the head's periodic reception; a day off moves "
        "it to the next working day (Article 18 of the Law on Citizen Reception 2013, "
        "Articles 144 to 148 of the Civil Code 2015).",
    )
    danvan_reception_place_id = fields.Many2one(
        "danvan.reception.place", string="Default Reception Place"
    )
    danvan_handling_unit_id = fields.Many2one(
        "hr.department",
        string="Handling Unit",
        help="The unit that staffs reception and processes petitions, now that "
        "the Sở has no inspectorate of its own (§0.2).",
    )

    danvan_reception_rules = fields.Html(
        string="Reception Rules",
        help="The rules of citizen reception the head issues (Article 18 of the Law on "
        "Citizen Reception 2013) and the "
        "guidance on how citizens are received, published on the website "
        "with the schedule (Article 24 of the Law on Citizen Reception 2013).",
    )

    danvan_hotline = fields.Char(
        string="Citizen Hotline",
        help="The number citizens call about their petitions, shown on the "
        "website; the company's phone when empty.",
    )

    # The bodies the periodic report on reception and complaints goes to.
    danvan_complaints_report_recipients = recipients_field(
        "Recipients of Periodic Reports",
        "One recipient per line, printed under 'Nơi nhận' of every new "
        "report on citizen reception and complaints (Decree 30/2020).",
        (_lt("Provincial Inspectorate"), _lt("Board of Directors")),
    )

    @api.constrains("danvan_reception_day")
    def _check_danvan_reception_day(self):
        if any(not 1 <= company.danvan_reception_day <= 31 for company in self):
            raise ValidationError(
                self.env._("The monthly reception day is a day of the month, 1 to 31.")
            )

    def write(self, vals):
        result = super().write(vals)
        if WEBSITE_FIELDS & set(vals):
            self._danvan_sync_websites()
        return result

    def _danvan_today(self):
        """Today in the agency's time zone, whoever asks: a visitor of the
        website may not read the company's partner."""
        self.ensure_one()
        tz = self.sudo().partner_id.tz or "Asia/Ho_Chi_Minh"
        return fields.Date.context_today(self.with_context(tz=tz))

    def _danvan_public_contact(self):
        """The agency as the website shows it to every visitor: its two lines
        (VB-6), address, hotline and e-mail. Read as superuser: a visitor may
        not read the company's partner."""
        self.ensure_one()
        company = self.sudo()
        parent, agency = company._danvan_agency_lines()
        address = ", ".join(
            filter(
                None,
                [
                    company.street,
                    company.street2,
                    company.city,
                    company.state_id.name,
                ],
            )
        )
        return {
            "name": company.name,
            "parent_agency": parent,
            "agency": agency,
            "address": address,
            "hotline": company.danvan_hotline or company.phone or "",
            "email": company.email or "",
        }

    def _danvan_text_logo(self):
        """A logo that writes the agency's two lines (VB-6), for an agency
        that has not uploaded its own: never Odoo's placeholder."""
        self.ensure_one()
        parent, agency = (escape(line) for line in self._danvan_agency_lines())
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="64" '
            'viewBox="0 0 480 64"><g font-family="Arial, sans-serif" '
            'text-anchor="middle" fill="#b71c1c">'
            f'<text x="240" y="24" font-size="18">{parent}</text>'
            f'<text x="240" y="52" font-size="24" font-weight="bold">{agency}</text>'
            "</g></svg>"
        )
        return base64.b64encode(svg.encode())

    def _danvan_sync_websites(self):
        """The websites of the agency bear its name and its logo (issue 10)."""
        websites = self.env["website"].sudo().search([("company_id", "in", self.ids)])
        for website in websites:
            company = website.company_id
            website.write(
                {
                    "name": company.name,
                    "logo": company._danvan_text_logo()
                    if company.uses_default_logo
                    else company.logo,
                }
            )
