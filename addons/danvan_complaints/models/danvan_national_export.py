"""An export of the outbox for the national database, for a period: a
documented JSON file and an Excel file, one row per entry, kept with the
export (see readme/USAGE.md for the JSON fields). No public format of the
national database exists yet (domain-vn.md §0.3.4): the files are what the
Office enters or hands over, and ``_national_send`` is where a future
connector plugs in."""

import json

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates
from odoo.addons.danvan_base.tools.spreadsheet import XLSX_MIMETYPE, build_xlsx

from .danvan_national_entry import IDENTITY_FIELDS, OFFICE_GROUP

# The version of the JSON file's layout: raised when its fields change.
JSON_FORMAT = "danvan.national.outbox/1"
# (JSON key, field of the entry, column of the Excel file), in this order.
# The columns are named in Vietnamese, as the national database names them.
COLUMNS = (
    ("number", "name", "Số thứ tự trong hộp thư đi"),
    ("kind", "kind", "Loại việc"),
    ("step", "step_code", "Bước"),
    ("step_label", "step", "Tên bước"),
    ("date", "event_date", "Ngày"),
    ("register_number", "source_number", "Số vào sổ"),
    ("petition_number", "petition_number", "Số đơn"),
    ("person_name", "person_name", "Họ và tên"),
    ("person_address", "person_address", "Địa chỉ"),
    ("person_identity", "person_identity", "Số giấy tờ tùy thân"),
    ("people_count", "people_count", "Số người"),
    ("content", "content", "Nội dung"),
    ("classification", "petition_type", "Phân loại"),
    ("qualified", "qualified", "Đủ điều kiện xử lý"),
    ("within_competence", "within_competence", "Thuộc thẩm quyền"),
    ("result", "result_code", "Kết quả"),
    ("result_label", "result", "Kết quả (diễn giải)"),
    ("transferred_to_class", "destination", "Chuyển đến (loại cơ quan)"),
    ("competent_body", "competent_body", "Cơ quan có thẩm quyền"),
    ("agency", "agency_name", "Cơ quan cập nhật"),
    ("document_numbers", "document_numbers", "Số văn bản"),
    ("identity_withheld", "identity_withheld", "Giữ bí mật danh tính"),
    ("due_since", "date_due", "Ngày phải cập nhật"),
)


class DanvanNationalExport(models.Model):
    _name = "danvan.national.export"
    _description = "Export to the National Database"
    _inherit = [
        "mail.thread",
        "danvan.identity.log.mixin",
        "danvan.workflow.mixin",
    ]
    _order = "date_to desc, id desc"
    _transitions = {"action_export": ({"draft"}, "exported", OFFICE_GROUP)}
    _locked_states = ("exported",)
    # The files sent are kept with the export (ND55).
    _deletable_states = ("draft",)

    name = fields.Char(
        string="Number",
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        default=lambda self: self.env.company,
    )
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(
        string="To",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("exported", "Exported")],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
    )
    entry_ids = fields.One2many("danvan.national.entry", "export_id", readonly=True)
    entry_count = fields.Integer(string="Entries", compute="_compute_entry_count")
    json_attachment_id = fields.Many2one(
        "ir.attachment", string="JSON File", readonly=True, copy=False
    )
    xlsx_attachment_id = fields.Many2one(
        "ir.attachment", string="Excel File", readonly=True, copy=False
    )
    exported_by_id = fields.Many2one(
        "res.users", string="Exported By", readonly=True, copy=False
    )
    date_exported = fields.Datetime(string="Exported On", readonly=True, copy=False)

    @api.depends("entry_ids")
    def _compute_entry_count(self):
        counts = dict(
            self.env["danvan.national.entry"]._read_group(
                [("export_id", "in", self.ids)], ["export_id"], ["__count"]
            )
        )
        for export in self:
            export.entry_count = counts.get(export, 0)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        check_dates(self, ["date_from", "date_to"])
        for export in self:
            if export.date_from > export.date_to:
                raise ValidationError(
                    self.env._("The period of the export ends before it begins.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                company = self.env["res.company"].browse(vals.get("company_id"))
                # Each agency numbers from 1 (issue 15, item 4).
                sequence = (company or self.env.company)._danvan_document_sequence(
                    self._name
                )
                vals["name"] = sequence.next_by_id()
        exports = super().create(vals_list)
        if self.env.su and self.env.context.get("danvan_national_export_now"):
            # The demo data's export, made as it is loaded (demo files are
            # loaded once, their functions skipped on an update).
            exports.filtered(lambda e: e._national_entries_to_export()).action_export()
        return exports

    def _identity_persons(self):
        """The entries whose identity the files carry, for the access log of
        their downloads (TC-13)."""
        return self.sudo().entry_ids

    def _national_entries_to_export(self):
        """The entries of the period not reported yet: an entry already sent
        is never sent twice."""
        self.ensure_one()
        return (
            self.env["danvan.national.entry"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("state", "=", "to_report"),
                    ("event_date", ">=", self.date_from),
                    ("event_date", "<=", self.date_to),
                ],
                order="event_date, id",
            )
        )

    @api.model
    def _national_row(self, entry):
        """{JSON key: value} of one entry; the identity columns are empty when
        the identity is withheld (TC-12)."""
        row = {}
        for key, fname, _column in COLUMNS:
            value = entry[fname]
            if fname in IDENTITY_FIELDS and entry.identity_withheld:
                value = None
            elif entry._fields[fname].type == "date":
                value = fields.Date.to_string(value) if value else None
            elif entry._fields[fname].type in ("char", "text", "selection"):
                value = value or None
            row[key] = value
        return row

    def _national_json(self, entries):
        self.ensure_one()
        company = self.company_id.sudo()
        document = {
            "format": JSON_FORMAT,
            "agency": company.danvan_agency_name or company.name,
            "period": {
                "from": fields.Date.to_string(self.date_from),
                "to": fields.Date.to_string(self.date_to),
            },
            "export_number": self.name,
            "generated_at": fields.Datetime.to_string(fields.Datetime.now()),
            "entry_count": len(entries),
            "entries": [self._national_row(entry) for entry in entries],
        }
        return json.dumps(document, ensure_ascii=False, indent=2).encode()

    def _national_xlsx(self, entries):
        self.ensure_one()
        rows = []
        for entry in entries:
            row = self._national_row(entry)
            cells = []
            for key, fname, _column in COLUMNS:
                value = row[key]
                field = entry._fields[fname]
                if field.type == "selection" and value:
                    value = self.env["danvan.national.entry"]._label(entry, fname)
                elif field.type == "boolean":
                    value = "x" if value else ""
                elif field.type == "date" and value:
                    value = entry[fname].strftime("%d/%m/%Y")
                cells.append("" if value is None else value)
            rows.append(cells)
        headers = [column for _key, _fname, column in COLUMNS]
        return build_xlsx(
            "DỮ LIỆU CẬP NHẬT CƠ SỞ DỮ LIỆU QUỐC GIA VỀ TIẾP CÔNG DÂN, XỬ LÝ ĐƠN, "
            "GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO",
            headers,
            rows,
        )

    def action_export(self):
        """Write the files of the period's entries not yet reported, keep them
        with the export and mark the entries reported."""
        for export in self:
            if export.state != "draft":
                raise UserError(
                    self.env._("%s has already been exported.", export.name)
                )
            entries = export._national_entries_to_export()
            if not entries:
                raise UserError(
                    self.env._(
                        "No entry of this period waits to be reported to the "
                        "national database."
                    )
                )
            # The files are the agency's: in its language, whoever exports.
            agency = export.with_env(export._agency_env()).sudo()
            entries = entries.with_env(agency.env)
            stem = (export.name or "").replace("/", "-")
            Attachment = self.env["ir.attachment"].sudo()
            json_file = Attachment.create(
                {
                    "name": f"{stem}.json",
                    "raw": agency._national_json(entries),
                    "mimetype": "application/json",
                    "res_model": export._name,
                    "res_id": export.id,
                }
            )
            xlsx_file = Attachment.create(
                {
                    "name": f"{stem}.xlsx",
                    "raw": agency._national_xlsx(entries),
                    "mimetype": XLSX_MIMETYPE,
                    "res_model": export._name,
                    "res_id": export.id,
                }
            )
            export._transition(
                "action_export",
                {
                    "json_attachment_id": json_file.id,
                    "xlsx_attachment_id": xlsx_file.id,
                    "exported_by_id": self.env.uid,
                    "date_exported": fields.Datetime.now(),
                },
            )
            entries.with_env(self.env).action_mark_reported(export)
            export.message_post(
                body=agency.env._(
                    "%(count)s entries exported for the national database.",
                    count=len(entries),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_send(self):
        """Send the export's entries through the connector (none yet)."""
        self.ensure_one()
        return self._national_send(self.entry_ids)

    @api.model
    def _national_connector(self):
        """The connector to the national database: none in this addon. A
        connector addon overrides this to return an object with a
        ``send(payload)`` method, ``payload`` the JSON document of
        ``_national_json``."""
        return None

    def _national_send(self, entries):
        """Send ``entries`` (``danvan.national.entry``) to the national
        database and mark them reported.

        The adapter for a future connection: Thanh tra Chính phủ has published
        no format nor API yet (domain-vn.md §0.3.4). Until a connector addon
        overrides ``_national_connector``, this raises a clear error; the
        Office exports the files instead (``action_export``).
        """
        connector = self._national_connector()
        if not connector:
            raise UserError(
                self.env._(
                    "No connection to the national database of citizen reception, "
                    "complaints and denunciations is configured: Thanh tra Chính "
                    "phủ has not published one yet. Export the files and enter "
                    "them in the national database."
                )
            )
        self.ensure_one()
        connector.send(json.loads(self.sudo()._national_json(entries.sudo())))
        entries.action_mark_reported(self)
        return True

    def action_download_json(self):
        return self._national_download(self.json_attachment_id)

    def action_download_xlsx(self):
        return self._national_download(self.xlsx_attachment_id)

    def _national_download(self, attachment):
        self.ensure_one()
        if not attachment:
            raise UserError(self.env._("Export the entries first."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }
