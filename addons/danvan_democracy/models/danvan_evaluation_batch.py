"""The evaluation results of one work year in one agency (DC-19, DC-20).

The Office imports or enters the results, checks the quota of "Excellent"
(DC-19: at most 20% of the "Good", a warning: outstanding units may go
further) and publishes them to staff as an item 6 publication of Article 46
(DC-2); the results are then locked. The conference uses them for the
rewards of the year (DC-20); it does not classify anyone.
"""

import io

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .danvan_evaluation_result import default_evaluation_year

OFFICE = "danvan_base.group_danvan_office"
TRANSITIONS = {
    "action_publish": (("draft",), "published", OFFICE),
}
# DC-19, DC-20: the "Excellent" may not exceed 20% of the "Good".
EXCELLENT_QUOTA = 0.20
# DC-20: up to 25% in a unit itself rated excellent.
EXCELLENT_QUOTA_OUTSTANDING = 0.25


class DanvanEvaluationBatch(models.Model):
    _name = "danvan.evaluation.batch"
    _description = "Evaluation Results of the Year"
    _check_company_auto = True
    _inherit = ["danvan.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"
    _transitions = TRANSITIONS
    _locked_states = ("published",)
    _deletable_states = ("draft",)

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    year = fields.Integer(
        required=True,
        tracking=True,
        default=default_evaluation_year,
        help="The year the staff are classified for.",
    )
    state = fields.Selection(
        [("draft", "To Publish"), ("published", "Published")],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    decision_ref = fields.Char(
        string="Decision",
        tracking=True,
        help="The number of the decision that classifies the staff, e.g. "
        "'Quyết định số 95/QĐ-SKHCN'.",
    )
    decision_date = fields.Date(
        string="Date of the Decision",
        tracking=True,
        help="Publication is due within 5 working days of it (Article 47 of the "
        "Law on Grassroots Democracy).",
    )
    outstanding_unit = fields.Boolean(
        string="Unit Rated Excellent",
        tracking=True,
        help="The unit itself is rated excellent: its Excellent may reach 25% of "
        "its Good instead of 20% (Decree 233/2026).",
    )
    result_ids = fields.One2many("danvan.evaluation.result", "batch_id")
    result_count = fields.Integer(compute="_compute_counts")
    excellent_count = fields.Integer(compute="_compute_counts")
    good_count = fields.Integer(compute="_compute_counts")
    quota_warning = fields.Char(compute="_compute_counts")
    publication_id = fields.Many2one(
        "danvan.publication",
        readonly=True,
        copy=False,
        tracking=True,
        check_company=True,
    )
    conference_id = fields.Many2one(
        "danvan.conference",
        string="Conference",
        domain="[('company_id', '=', company_id), ('work_year', '=', year)]",
        help="The staff conference of the year, to which the rewards are proposed.",
        check_company=True,
    )
    reward_count = fields.Integer(compute="_compute_reward_count")

    _sql_constraints = [
        (
            "company_year_unique",
            "UNIQUE(company_id, year)",
            "The agency already has the evaluation results of this year.",
        ),
    ]

    @api.constrains("year", "decision_date")
    def _check_dates(self):
        for batch in self:
            if not 1990 <= batch.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "The year %(year)s is not between 1990 and 2100.",
                        year=batch.year,
                    )
                )
            # DC-19: the year is classified at its end, never before it.
            if batch.decision_date and not (
                batch.year <= batch.decision_date.year <= batch.year + 1
            ):
                raise ValidationError(
                    self.env._(
                        "The decision classifying the staff for %(year)s is dated "
                        "%(day)s: it is taken at the end of the year or early in "
                        "the next.",
                        year=batch.year,
                        day=batch.decision_date.strftime("%d/%m/%Y"),
                    )
                )

    @api.depends("year")
    def _compute_name(self):
        for batch in self:
            batch.name = batch._agency_env()._(
                "Evaluation results %(year)s", year=batch.year
            )

    @api.depends("result_ids.level", "outstanding_unit")
    def _compute_counts(self):
        groups = (
            self.env["danvan.evaluation.result"]
            .sudo()
            ._read_group(
                [("batch_id", "in", self.ids)], ["batch_id", "level"], ["__count"]
            )
        )
        counts = {}
        for batch, level, count in groups:
            counts.setdefault(batch, {})[level] = count
        for batch in self:
            levels = counts.get(batch, {})
            batch.result_count = sum(levels.values())
            batch.excellent_count = levels.get("excellent", 0)
            batch.good_count = levels.get("good", 0)
            batch.quota_warning = batch._quota_warning(
                batch.excellent_count, batch.good_count, batch.outstanding_unit
            )

    @api.model
    def _quota_warning(self, excellent, good, outstanding=False):
        """A warning when the "Excellent" pass 20% of the "Good" (DC-19,
        DC-20), 25% in a unit rated excellent, or False. A warning, not a
        block: the Office checks the exceptions the decrees allow."""
        quota = EXCELLENT_QUOTA_OUTSTANDING if outstanding else EXCELLENT_QUOTA
        # Integers only: 100 x excellent <= percent x good.
        if 100 * excellent <= round(100 * quota) * good:
            return False
        return self.env._(
            "%(excellent)s staff are rated Excellent for %(good)s rated Good: the "
            "Excellent should not exceed %(quota)s%%, counted on the number rated "
            "Good, unless the unit qualifies for an exception (Decrees 335/2025 "
            "and 233/2026).",
            excellent=excellent,
            good=good,
            quota=round(100 * quota),
        )

    def _compute_reward_count(self):
        groups = self.env["danvan.conference.reward"]._read_group(
            [("result_id.batch_id", "in", self.ids)], ["result_id"], ["__count"]
        )
        counts = {}
        for result, count in groups:
            counts[result.batch_id] = counts.get(result.batch_id, 0) + count
        for batch in self:
            batch.reward_count = counts.get(batch, 0)

    def _danvan_check_open(self):
        """Results are not added to a year already published."""
        published = self.sudo().filtered(lambda batch: batch.state == "published")
        if published and not self.env.su:
            raise UserError(
                self.env._(
                    "%s is published: its results are locked.",
                    ", ".join(published.mapped("display_name")),
                )
            )

    @api.model
    def _danvan_free_fields(self):
        """The conference of the year is chosen after the results are published
        (January to March, DC-20): the results stay locked."""
        return super()._danvan_free_fields() | {"conference_id"}

    def _schedule_publication_todo(self):
        """The Office who imported the results publishes them next (DC-20:
        publication in the unit, within 5 working days of the decision)."""
        for batch in self.filtered(lambda b: b.state == "draft"):
            if not batch.activity_ids:
                batch.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=batch.decision_date
                    and self.env["danvan.time.limit"].compute_deadline(
                        "dc_publication", batch.decision_date
                    ),
                    summary=batch._agency_env()._("Publish the results to staff"),
                    user_id=self.env.uid,
                )

    def action_open_import(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import Evaluation Results"),
            "res_model": "danvan.evaluation.import",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_year": self.year,
                "default_company_id": self.company_id.id,
                "default_decision_ref": self.decision_ref,
                "default_decision_date": self.decision_date,
            },
        }

    def action_open_results(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.display_name,
            "res_model": "danvan.evaluation.result",
            "view_mode": "list,form",
            "domain": [("batch_id", "=", self.id)],
            "context": {"default_batch_id": self.id},
        }

    def action_publish(self):
        """Lock the results and prepare their publication to staff, an item 6
        publication of Article 46 (DC-2, DC-20), for the Office to post."""
        for batch in self:
            if not batch.result_ids:
                raise UserError(
                    self.env._("%s has no results to publish.", batch.display_name)
                )
            if not batch.decision_date:
                raise UserError(
                    self.env._(
                        "Enter the date of the decision of %s: its publication is "
                        "due within 5 working days of it.",
                        batch.display_name,
                    )
                )
        self._transition("action_publish")
        self.activity_unlink(["mail.mail_activity_data_todo"])
        Publication = self.env["danvan.publication"]
        for batch in self:
            env = batch._agency_env()
            publication = Publication._create_for(
                batch,
                "danvan_democracy.danvan_publication_category_art46_6",
                {
                    "name": batch.name,
                    "document_ref": batch.decision_ref,
                    "decision_date": batch.decision_date,
                    "content": batch.with_env(env)._publication_content(),
                },
            )
            name = env._("Evaluation results %(year)s", year=batch.year)
            attachments = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": f"{name}.pdf",
                            "raw": pdf,
                            "res_model": publication._name,
                            "res_id": publication.id,
                            "mimetype": "application/pdf",
                        }
                        for pdf in [batch.with_env(env)._results_pdf()]
                        if pdf
                    ]
                    + [
                        {
                            "name": f"{name}.xlsx",
                            "raw": batch.with_env(env)._results_xlsx(),
                            "res_model": publication._name,
                            "res_id": publication.id,
                            "mimetype": "application/vnd.openxmlformats-"
                            "officedocument.spreadsheetml.sheet",
                        },
                    ]
                )
            )
            publication.attachment_ids = [(4, a.id) for a in attachments]
            batch.sudo().publication_id = publication
        return self.action_open_publication()

    def _level_labels(self):
        return dict(
            self.env["danvan.evaluation.result"]
            ._fields["level"]
            ._description_selection(self.env)
        )

    def _result_rows(self):
        """(No., name, unit, classification) of every result, in the agency's
        language: the list the publication makes public."""
        self.ensure_one()
        labels = self._level_labels()
        return [
            (
                index,
                result.employee_id.name,
                result.department_id.name or "",
                labels.get(result.level, ""),
            )
            for index, result in enumerate(self.sudo().result_ids, 1)
        ]

    def _publication_intro(self):
        self.ensure_one()
        return self.env._(
            "The classification of the staff for the year %(year)s, by the "
            "decision %(decision)s.",
            year=self.year,
            decision=self.decision_ref or "",
        )

    def _report_values(self):
        """The official notice (thông báo) that lists the results (Decree 30)."""
        self.ensure_one()
        env = self._agency_env()
        batch = self.with_env(env)
        return {
            "summary": env._(
                "Publication of the evaluation and classification results of the "
                "staff for %(year)s",
                year=self.year,
            ),
            "recipients": [
                env._("All staff of the agency;"),
                env._("Filed: Office."),
            ],
            "intro": batch._publication_intro(),
            "rows": batch._result_rows(),
        }

    def _publication_content(self):
        """The list staff read in the intranet: name, unit, classification."""
        self.ensure_one()
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>") % row
            for row in self._result_rows()
        )
        _ = self.env._
        return Markup(
            "<p>%s</p><table class='table table-sm'><thead><tr><th>%s</th>"
            "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>%s</tbody></table>"
        ) % (
            self._publication_intro(),
            _("No."),
            _("Staff Member"),
            _("Unit"),
            _("Classification"),
            rows,
        )

    def _results_xlsx(self):
        """The same list as a spreadsheet, attached to the publication."""
        import xlsxwriter

        self.ensure_one()
        stream = io.BytesIO()
        book = xlsxwriter.Workbook(stream, {"in_memory": True})
        sheet = book.add_worksheet(str(self.year))
        bold = book.add_format({"bold": True})
        _ = self.env._
        headers = [_("No."), _("Staff Member"), _("Unit"), _("Classification")]
        sheet.write_row(0, 0, headers, bold)
        for index, row in enumerate(self._result_rows(), 1):
            sheet.write_row(index, 0, row)
        sheet.set_column(1, 2, 32)
        sheet.set_column(3, 3, 28)
        book.close()
        return stream.getvalue()

    def _results_pdf(self):
        """The official notice listing the results, as a PDF; None where the
        server cannot print (no wkhtmltopdf): the spreadsheet is still there."""
        self.ensure_one()
        Report = self.env["ir.actions.report"]
        if Report.get_wkhtmltopdf_state() not in ("ok", "upgrade"):
            return None
        content, _type = (
            self.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(
                "danvan_democracy.action_report_danvan_evaluation_batch", self.ids
            )
        )
        return content

    def action_open_publication(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "danvan.publication",
            "res_id": self.publication_id.id,
            "view_mode": "form",
        }

    def action_propose_rewards(self):
        """Offer the "Excellent" and "Good" of the year to the conference for
        its rewards (DC-20); a second click adds nobody twice."""
        self.ensure_one()
        if not self.env.user.has_group(OFFICE):
            raise UserError(self.env._("Only the Office proposes rewards."))
        if not self.conference_id:
            raise UserError(
                self.env._("Choose the staff conference the rewards are proposed to.")
            )
        Reward = self.env["danvan.conference.reward"]
        proposed = Reward.search(
            [("conference_id", "=", self.conference_id.id)]
        ).employee_id
        results = self.result_ids.filtered(
            lambda r: r.level in ("excellent", "good") and r.employee_id not in proposed
        )
        Reward.create(
            [
                {
                    "conference_id": self.conference_id.id,
                    "employee_id": result.employee_id.id,
                    "result_id": result.id,
                    "title": "advanced_worker",
                }
                for result in results
            ]
        )
        return self.action_open_rewards()

    def action_open_rewards(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rewards Proposed to the Conference"),
            "res_model": "danvan.conference.reward",
            "view_mode": "list,form",
            "domain": [("result_id.batch_id", "=", self.id)],
            "context": {"default_conference_id": self.conference_id.id},
        }

    def _results_by_employee(self):
        self.ensure_one()
        return {result.employee_id: result for result in self.sudo().result_ids}
