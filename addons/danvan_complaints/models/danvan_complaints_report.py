"""The periodic report on citizen reception, petition handling and the
settlement of complaints and denunciations (BC-1, BC-2).

The figures of its period are counted when it is created and again when it is
submitted; from then on they are kept as lines, so that the report leadership
issues never changes, whatever happens to the records afterwards. It holds
counts only, never a person (TC-13).
"""

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import (
    MAX_YEAR,
    MIN_YEAR,
    check_dates,
    check_value,
)

from .danvan_reception_visit import GROUP_SIZE

LEADERSHIP = "danvan_base.group_danvan_leadership"
# A reception officer counts and submits it; leadership issues it or sends
# it back.
TRANSITIONS = {
    "action_submit": (
        {"draft"},
        "submitted",
        "danvan_complaints.group_danvan_reception",
    ),
    "action_issue": ({"submitted"}, "issued", LEADERSHIP),
    "action_back_to_draft": ({"submitted"}, "draft", LEADERSHIP),
}
# BC-1: the data run from the 15th to the 14th of a month; (year offset, month,
# day) of the first and of the last day of each periodic report.
PERIOD_DATES = {
    "q1": ((-1, 12, 15), (0, 3, 14)),
    "q2": ((0, 3, 15), (0, 6, 14)),
    "q3": ((0, 6, 15), (0, 9, 14)),
    "q4": ((0, 9, 15), (0, 12, 14)),
    "half_year": ((-1, 12, 15), (0, 6, 14)),
    "nine_month": ((-1, 12, 15), (0, 9, 14)),
    "annual": ((-1, 12, 15), (0, 12, 14)),
}


class DanvanComplaintsReport(models.Model):
    _name = "danvan.complaints.report"
    _description = "Report on Citizen Reception and Complaints"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.report.document.mixin",
    ]
    _danvan_recipients_field = "danvan_complaints_report_recipients"
    _transitions = TRANSITIONS
    # An issued report is kept as issued, its figures and its PDF with it
    # (printed once issued); only a draft is deleted (archive the others).
    _locked_states = ("issued",)
    _deletable_states = ("draft",)
    _danvan_locked_attach = True
    _order = "date_to desc, id desc"

    period_kind = fields.Selection(
        [
            ("q1", "First quarter"),
            ("half_year", "6 months"),
            ("nine_month", "9 months"),
            ("annual", "Annual"),
            ("q2", "Second quarter (statistical tables)"),
            ("q3", "Third quarter (statistical tables)"),
            ("q4", "Fourth quarter (statistical tables)"),
            ("ad_hoc", "Ad hoc"),
        ],
        string="Report",
        required=True,
        default="half_year",
        tracking=True,
        help="Since Circular 01/2024/TT-TTCP the second, third and fourth quarters "
        "are reported by statistical tables only.",
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    date_from = fields.Date(
        string="Data From",
        compute="_compute_dates",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        help="First day of the data (Circular 02/2021/TT-TTCP: the 15th).",
    )
    date_to = fields.Date(
        string="Data Cut-off",
        compute="_compute_dates",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        help="Last day of the data (Circular 02/2021/TT-TTCP: the 14th).",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Awaiting Issue"), ("issued", "Issued")],
        string="Status",
        required=True,
        default="draft",
        index=True,
        copy=False,
        tracking=True,
    )
    line_ids = fields.One2many(
        "danvan.complaints.report.line",
        "report_id",
        string="Figures",
        copy=False,
        readonly=True,
    )
    assessment = fields.Html(
        help="Assessment of the period: results, limitations and their causes."
    )
    recommendations = fields.Html(
        string="Tasks and Recommendations",
        help="Tasks for the next period and recommendations.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)

    @api.depends("period_kind", "year")
    def _compute_name(self):
        """A summary the officer may reword, e.g. for an ad hoc report; in the
        agency's language, like the figures."""
        for report in self:
            agency = report._agency_lang()
            period = agency._period_label()
            report.name = (
                agency.env._(
                    "Results of citizen reception, petition handling and the "
                    "settlement of complaints and denunciations in %s",
                    period,
                )
                if period
                else report.name
            )

    def _agency_lang(self):
        """The report in the agency's language, for what it stores."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return self.with_context(lang=company._danvan_lang())

    def _period_label(self):
        self.ensure_one()
        year = self.year
        if not year:
            return False
        return {
            "q1": self.env._("the first quarter of %s", year),
            "q2": self.env._("the second quarter of %s", year),
            "q3": self.env._("the third quarter of %s", year),
            "q4": self.env._("the fourth quarter of %s", year),
            "half_year": self.env._("the first 6 months of %s", year),
            "nine_month": self.env._("the first 9 months of %s", year),
        }.get(self.period_kind, self.env._("the year %s", year))

    @api.depends("period_kind", "year")
    def _compute_dates(self):
        """The cut-off dates of BC-1; an ad hoc report keeps its own, and a
        year out of range (refused when saved) changes nothing."""
        for report in self:
            dates = PERIOD_DATES.get(report.period_kind)
            if not MIN_YEAR <= report.year <= MAX_YEAR:
                report.date_from, report.date_to = report.date_from, report.date_to
            elif not dates:
                report.date_from = report.date_from or date(report.year, 1, 1)
                report.date_to = report.date_to or fields.Date.context_today(report)
            else:
                report.date_from, report.date_to = (
                    date(report.year + offset, month, day)
                    for offset, month, day in dates
                )

    @api.constrains("year", "date_from", "date_to")
    def _check_dates(self):
        check_dates(self, ["year", "date_from", "date_to"])
        for report in self:
            if report.date_to < report.date_from:
                raise ValidationError(
                    self.env._("The period of %s ends before it starts.", report.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        # The dates are computed from the year before the constraints run.
        for vals in vals_list:
            if "year" in vals:
                check_value(self, "year", vals["year"])
        reports = super().create(vals_list)
        reports._update_figures()
        return reports

    # Workflow -------------------------------------------------------------

    def action_update_figures(self):
        if any(report.state != "draft" for report in self):
            raise UserError(
                self.env._("The figures of a submitted report are kept as they are.")
            )
        self._update_figures()
        return True

    def action_submit(self):
        """Count the figures one last time: leadership issues what it reads,
        and finds it among its to-dos."""
        self.action_update_figures()
        self._transition("action_submit")
        for report in self:
            agency = report._agency_lang()
            report._danvan_ask_approval(
                agency.env._("Report to issue: %s", report.name)
            )
        return True

    def action_issue(self):
        """Leadership issues the report with its number and date (VB-7)."""
        today = fields.Date.context_today(self)
        for report in self:
            report._transition(
                "action_issue",
                report._issue_values(today),
            )
        self._danvan_approval_done()
        return True

    def action_back_to_draft(self):
        self._transition("action_back_to_draft")
        self._danvan_approval_cancel()
        return True

    # Documents ------------------------------------------------------------

    def _figure_sections(self):
        """[(numeral, title, lines)] of the figures, in printed order."""
        self.ensure_one()
        titles = self._labels(self.line_ids._name, "section")
        return [
            (numeral, titles[section], lines)
            for numeral, (section, lines) in zip(
                ("I", "II", "III", "IV"),
                self.line_ids.grouped("section").items(),
                strict=False,
            )
        ]

    def _figures_table(self):
        """(headers, rows) of the figures, for the spreadsheet."""
        rows = []
        for numeral, title, lines in self._figure_sections():
            rows.append([numeral, title, ""])
            rows += [
                ["", line.name, "" if line.is_title else line.value] for line in lines
            ]
        headers = [self.env._("No."), self.env._("Figure"), self.env._("Number")]
        return headers, rows

    def action_print(self):
        return self.env.ref(
            "danvan_complaints.action_report_danvan_complaints_report"
        ).report_action(self)

    def action_download_xlsx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/danvan_complaints/report/{self.id}/xlsx",
            "target": "download",
        }

    # Figures --------------------------------------------------------------

    def _update_figures(self):
        """Replace the lines by the figures counted now."""
        self.line_ids.unlink()
        self.env["danvan.complaints.report.line"].create(
            [
                dict(figure, report_id=report.id, sequence=index)
                for report in self
                for index, figure in enumerate(report._agency_lang()._count_figures())
            ]
        )

    def _count_figures(self):
        """[{section, name, value, is_title}] of the period, in printed order.

        Grouped queries, a fixed number whatever the number of records. The
        counts cover the whole agency, whatever the user may read.
        """
        self.ensure_one()
        return (
            self._count_visits()
            + self._count_petitions()
            + self._count_cases(
                "danvan.complaint",
                (
                    self.env._("Complaint cases accepted"),
                    self.env._("Complaint cases decided"),
                ),
            )
            + self._count_cases(
                "danvan.denunciation",
                (
                    self.env._("Denunciation cases accepted"),
                    self.env._("Denunciation cases concluded"),
                ),
            )
        )

    def _labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    def _count_visits(self):
        """TCD-1, TCD-10, TCD-14: visits by kind, citizens who came, groups."""
        Visit = self.env["danvan.reception.visit"].sudo()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        rows = Visit._read_group(
            domain, ["kind", "refused"], ["__count", "people_count:sum"]
        )
        by_kind, refused, people = {}, 0, 0
        for kind, is_refused, count, kind_people in rows:
            by_kind[kind] = by_kind.get(kind, 0) + count
            refused += count if is_refused else 0
            people += kind_people
        [[groups]] = Visit._read_group(
            domain + [("people_count", ">=", GROUP_SIZE)], [], ["__count"]
        )
        kinds = self._labels("danvan.reception.visit", "kind")
        return self._section(
            "reception",
            [(self.env._("Visits received"), sum(by_kind.values()))]
            + [
                (self.env._("of which: %s", label), by_kind.get(kind, 0))
                for kind, label in kinds.items()
            ]
            + [
                (self.env._("Citizens who came"), people),
                (self.env._("Groups of %s people or more", GROUP_SIZE), groups),
                (
                    self.env._(
                        "Visits refused (Article 9 of the Law on Citizen Reception "
                        "2013)"
                    ),
                    refused,
                ),
            ],
        )

    def _count_petitions(self):
        """XLD-2 to XLD-9: petitions received in the period by content type,
        source, conditions and outcome; processed by the cut-off on time or
        late, and those still open at the cut-off."""
        Stat = self.env["danvan.complaints.statistic"].sudo()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("date_received", ">=", self.date_from),
            ("date_received", "<=", self.date_to),
        ]
        breakdowns = {
            "petition_type": self.env._("By content"),
            "source": self.env._("By source"),
            "qualified": self.env._("By processing conditions"),
            "outcome": self.env._("By outcome"),
        }
        rows = Stat._read_group(domain, list(breakdowns), ["__count"])
        totals = {}
        for *keys, count in rows:
            for field, key in zip(breakdowns, keys, strict=True):
                totals[field, key] = totals.get((field, key), 0) + count
        processed = dict(
            Stat._read_group(
                domain
                + [
                    ("date_processed", "!=", False),
                    ("date_processed", "<=", self.date_to),
                ],
                ["processed_late"],
                ["__count"],
            )
        )
        open_domain = domain + [
            "|",
            ("date_processed", "=", False),
            ("date_processed", ">", self.date_to),
        ]
        [[still_open]] = Stat._read_group(open_domain, [], ["__count"])
        [[overdue]] = Stat._read_group(
            open_domain + [("date_deadline", "<", self.date_to)], [], ["__count"]
        )
        figures = [(self.env._("Petitions received"), sum(row[-1] for row in rows))]
        for field, title in breakdowns.items():
            figures.append((title, False))
            labels = self._labels("danvan.complaints.statistic", field)
            if totals.get((field, False)):
                labels[False] = self.env._("Not yet entered")
            figures += [
                (label, totals.get((field, key), 0)) for key, label in labels.items()
            ]
        return self._section(
            "petition",
            figures
            + [
                (self.env._("Processed on time"), processed.get(False, 0)),
                (self.env._("Processed late"), processed.get(True, 0)),
                (self.env._("Not processed at the cut-off"), still_open),
                (self.env._("of which: past their deadline"), overdue),
            ],
        )

    def _count_cases(self, model, titles):
        """KN-7, KN-9, TC-6, TC-10: cases accepted in the period; decided or
        concluded in it, by what was found and whether on time; still being
        settled at the cut-off."""
        Case = self.env[model].sudo()
        company = [("company_id", "=", self.company_id.id)]
        [[accepted]] = Case._read_group(
            company
            + [
                ("date_accepted", ">=", self.date_from),
                ("date_accepted", "<=", self.date_to),
            ],
            [],
            ["__count"],
        )
        settled = Case._read_group(
            company
            + [
                ("date_settled", ">=", self.date_from),
                ("date_settled", "<=", self.date_to),
            ],
            ["conclusion", "settled_late"],
            ["__count"],
        )
        [[still_open]] = Case._read_group(
            company
            + [
                ("date_accepted", "<=", self.date_to),
                "|",
                ("date_settled", "=", False),
                ("date_settled", ">", self.date_to),
                "|",
                ("date_closed", "=", False),
                ("date_closed", ">", self.date_to),
            ],
            [],
            ["__count"],
        )
        found, late = {}, 0
        for conclusion, is_late, count in settled:
            found[conclusion] = found.get(conclusion, 0) + count
            late += count if is_late else 0
        total = sum(found.values())
        return self._section(
            model.rsplit(".", 1)[1],
            [(titles[0], accepted), (titles[1], total)]
            + [
                (self.env._("of which: %s", label), found.get(key, 0))
                for key, label in self._labels(model, "conclusion").items()
            ]
            + [
                (self.env._("Settled on time"), total - late),
                (self.env._("Settled late"), late),
                (self.env._("Being settled at the cut-off"), still_open),
            ],
        )

    def _section(self, section, figures):
        """Line values; a figure of value False is the title of those below."""
        return [
            {
                "section": section,
                "name": name,
                "value": value or 0,
                "is_title": value is False,
            }
            for name, value in figures
        ]
