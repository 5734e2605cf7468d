from odoo import fields, models
from odoo.exceptions import UserError, ValidationError

# DC-7: the headcount of the conference, by category of staff.
STAFF_CATEGORIES = [
    ("cadre", "Cadre"),
    ("civil_servant", "Civil Servant"),
    ("public_employee", "Public Employee"),
    ("worker", "Worker"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    danvan_inspection_board = fields.Boolean(
        string="People's Inspection Board",
        default=True,
        help="The agency has a people's inspection board (Article 60 of the Law "
        "on Grassroots Democracy; none where the agency has 7 staff or fewer).",
    )
    danvan_secret_vote = fields.Boolean(
        string="Secret Votes at the Conference",
        help="The agency's democracy rules make the conference's votes secret: "
        "each vote is counted without showing who cast it.",
    )

    def _danvan_headcount(self):
        """{category: number} of the agency's staff today (DC-1, DC-7): its
        active employees, in one query however many they are."""
        self.ensure_one()
        groups = (
            self.env["hr.employee"]
            .sudo()
            ._read_group(
                [("company_id", "=", self.id)], ["danvan_staff_category"], ["__count"]
            )
        )
        return {category or "civil_servant": count for category, count in groups}

    danvan_information_answer_days = fields.Integer(
        string="Days to Answer a Request for Information",
        default=5,
        help="The working days the agency gives itself to answer a staff "
        "member's request for information (Article 48 of the Law on Grassroots "
        "Democracy).",
    )
    # DC-18: how often the agency's working rules hold its briefings.
    danvan_briefing_frequency = fields.Selection(
        [
            ("weekly", "Weekly"),
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
        ],
        string="Briefing Frequency",
        default="monthly",
        required=True,
        help="How often the agency's briefings are held, as its working rules "
        "say; the next briefing of a series is planned this far ahead.",
    )

    def _danvan_check_inspection_board(self):
        """Refuse a people's inspection board where the agency keeps none or
        has 7 staff or fewer (DC-15)."""
        for company in self:
            if not company.danvan_inspection_board:
                raise UserError(
                    self.env._(
                        "%(agency)s keeps no people's inspection board: switch it on "
                        "in the settings of grassroots democracy first.",
                        agency=company.name,
                    )
                )
            headcount = sum(company._danvan_headcount().values())
            if headcount < 8:
                raise ValidationError(
                    self.env._(
                        "%(agency)s has %(count)s staff: no people's inspection "
                        "board is formed where the agency has 7 staff or fewer "
                        "(Article 60 of the Law on Grassroots Democracy).",
                        agency=company.name,
                        count=headcount,
                    )
                )
