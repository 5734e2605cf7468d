"""Import the year's classification from the evaluation software's export
(DC-19: the province's software scores; this addon never does).

Excel (.xlsx) or CSV (UTF-8, comma or semicolon). The columns are found by
their header, in Vietnamese or English; the staff by identification number,
work e-mail or exact name. Every bad row is reported at once, and nothing is
imported from a file with a bad row. A preview, then a confirmation.
"""

import base64
import csv
import io
import re
import unicodedata
import zipfile
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.danvan_evaluation_result import default_evaluation_year

MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_ERRORS = 200

# Normalised header -> column (lower case, without diacritics).
HEADERS = {
    "code": (
        "ma",
        "ma can bo",
        "ma cb",
        "ma nhan vien",
        "ma nv",
        "ma so",
        "so hieu",
        "so cccd",
        "cccd",
        "code",
        "employee code",
        "identification",
        "identification no",
        "id",
    ),
    "email": ("email", "e-mail", "thu dien tu", "work email"),
    "name": (
        "ten",
        "ten can bo",
        "ho ten",
        "ho va ten",
        "ho ten can bo",
        "name",
        "full name",
        "employee",
    ),
    "year": ("nam", "nam danh gia", "year"),
    "level": (
        "xep loai",
        "muc xep loai",
        "ket qua xep loai",
        "muc do hoan thanh",
        "level",
        "classification",
        "rating",
    ),
    "score": ("diem", "tong diem", "diem danh gia", "score", "points"),
}
# Normalised level, in Vietnamese or English -> level (DC-19).
LEVEL_WORDS = {
    "hoan thanh xuat sac nhiem vu": "excellent",
    "hoan thanh xuat sac": "excellent",
    "xuat sac": "excellent",
    "htxsnv": "excellent",
    "excellent": "excellent",
    "hoan thanh tot nhiem vu": "good",
    "hoan thanh tot": "good",
    "tot": "good",
    "httnv": "good",
    "good": "good",
    "hoan thanh nhiem vu": "completed",
    "hoan thanh": "completed",
    "htnv": "completed",
    "completed": "completed",
    "khong hoan thanh nhiem vu": "not_completed",
    "khong hoan thanh": "not_completed",
    "khtnv": "not_completed",
    "not completed": "not_completed",
    # DC-20: less than six months of work in the year.
    "chua xep loai": "not_classified",
    "khong xep loai": "not_classified",
    "khong danh gia xep loai": "not_classified",
    "not classified": "not_classified",
}


def _normalise(text):
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d")
    text = text.replace("Đ", "d")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[\s_:.*]+", " ", text.lower())
    return text.strip()


def _cell(value):
    """A cell of either format as the text the user sees."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


class DanvanEvaluationImport(models.TransientModel):
    _name = "danvan.evaluation.import"
    _description = "Import Evaluation Results"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(
        required=True,
        default=default_evaluation_year,
    )
    decision_ref = fields.Char(string="Decision")
    decision_date = fields.Date(string="Date of the Decision")
    file = fields.Binary(required=True)
    filename = fields.Char()
    state = fields.Selection(
        [("upload", "Upload"), ("preview", "Preview")], default="upload"
    )
    line_ids = fields.One2many("danvan.evaluation.import.line", "wizard_id")
    line_count = fields.Integer(compute="_compute_summary")
    update_count = fields.Integer(compute="_compute_summary")
    quota_warning = fields.Char(compute="_compute_summary")

    @api.depends("line_ids.level", "line_ids.result_id")
    def _compute_summary(self):
        """The counts of the preview, and the quota of the year once the file is
        imported: the results already recorded, as the file updates them."""
        Batch = self.env["danvan.evaluation.batch"]
        for wizard in self:
            batch = Batch.search(
                [("company_id", "=", wizard.company_id.id), ("year", "=", wizard.year)],
                limit=1,
            )
            levels = {
                result.employee_id.id: result.level
                for result in batch.sudo().result_ids
            }
            levels.update({line.employee_id.id: line.level for line in wizard.line_ids})
            counted = list(levels.values())
            wizard.line_count = len(wizard.line_ids)
            wizard.update_count = len(wizard.line_ids.filtered("result_id"))
            wizard.quota_warning = (
                Batch._quota_warning(
                    counted.count("excellent"),
                    counted.count("good"),
                    batch.outstanding_unit,
                )
                if wizard.line_ids
                else False
            )

    # Reading the file
    def _read_rows(self):
        """[(row number, [cell text])] of the file, the header included."""
        self.ensure_one()
        data = base64.b64decode(self.file or b"")
        if not data:
            raise UserError(self.env._("Choose the file to import."))
        if len(data) > MAX_FILE_SIZE:
            raise UserError(self.env._("The file is larger than 10 MB."))
        name = (self.filename or "").lower()
        if name.endswith(".xlsx"):
            return self._read_xlsx(data)
        if name.endswith(".csv"):
            return self._read_csv(data)
        raise UserError(self.env._("Import an Excel (.xlsx) or a CSV (.csv) file."))

    def _read_csv(self, data):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UserError(
                self.env._("The CSV file is not encoded in UTF-8.")
            ) from error
        first = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = ";" if first.count(";") > first.count(",") else ","
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        return [
            (number, [_cell(value) for value in row])
            for number, row in enumerate(reader, 1)
        ]

    def _read_xlsx(self, data):
        import openpyxl

        try:
            book = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True
            )
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise UserError(
                self.env._("This file is not a readable Excel workbook.")
            ) from error
        sheet = book.worksheets[0]
        rows = [
            (number, [_cell(value) for value in row])
            for number, row in enumerate(sheet.iter_rows(values_only=True), 1)
        ]
        book.close()
        return rows

    def _columns(self, header):
        columns = {}
        for index, title in enumerate(header):
            key = _normalise(title)
            for column, names in HEADERS.items():
                if key in names and column not in columns:
                    columns[column] = index
        if "level" not in columns:
            raise UserError(
                self.env._(
                    "The file has no column of the classification: its first row "
                    "must name the columns, e.g. 'Mã cán bộ', 'Họ và tên', 'Năm', "
                    "'Xếp loại', 'Điểm'."
                )
            )
        if not columns.keys() & {"code", "email", "name"}:
            raise UserError(
                self.env._(
                    "The file has no column that identifies the staff member: "
                    "'Mã cán bộ', 'Email' or 'Họ và tên'."
                )
            )
        return columns

    def _employee_index(self):
        """The agency's staff by identification number, e-mail and name, read
        in one query however many they are."""
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search_fetch(
                [("company_id", "=", self.company_id.id)],
                ["name", "identification_id", "work_email"],
            )
        )
        by_code, by_email, by_name = {}, {}, {}
        for employee in employees:
            if employee.identification_id:
                by_code[employee.identification_id.strip().lower()] = employee
            if employee.work_email:
                by_email[employee.work_email.strip().lower()] = employee
            by_name.setdefault(employee.name.strip().lower(), []).append(employee)
        return by_code, by_email, by_name

    def _parse(self):
        """[{row, employee_id, level, score}] of the file, or a UserError that
        lists every bad row (nothing is imported then)."""
        self.ensure_one()
        self._check_agency_and_year()
        rows = [(number, cells) for number, cells in self._read_rows() if any(cells)]
        if not rows:
            raise UserError(self.env._("The file is empty."))
        (_header_number, header), data_rows = rows[0], rows[1:]
        columns = self._columns(header)
        if not data_rows:
            raise UserError(self.env._("The file has no results under its header."))
        index = self._employee_index()
        _ = self.env._
        errors, lines, seen = [], [], {}
        for number, cells in data_rows:

            def value(column, cells=cells):
                col = columns.get(column)
                return (
                    cells[col].strip() if col is not None and col < len(cells) else ""
                )

            problems = []
            employee = self._row_employee(value, index, problems)
            if employee and employee in seen:
                problems.append(
                    _(
                        "%(name)s is already in row %(first)s",
                        name=employee.name,
                        first=seen[employee],
                    )
                )
            self._row_year(value("year"), problems)
            level = self._row_level(value("level"), problems)
            score = self._row_score(value("score"), problems)
            if problems:
                errors.append(
                    _(
                        "Row %(row)s: %(problems)s.",
                        row=number,
                        problems="; ".join(problems),
                    )
                )
                continue
            seen[employee] = number
            lines.append(
                {
                    "row": number,
                    "employee_id": employee.id,
                    "level": level,
                    "score": score,
                }
            )
        if errors:
            shown = errors[:MAX_ERRORS]
            if len(errors) > MAX_ERRORS:
                shown.append(
                    _("… and %(count)s more rows.", count=len(errors) - MAX_ERRORS)
                )
            raise UserError(
                _(
                    "Nothing was imported: %(count)s rows of the file are wrong. "
                    "Correct them and import the file again.\n%(errors)s",
                    count=len(errors),
                    errors="\n".join(shown),
                )
            )
        return lines

    def _row_employee(self, value, index, problems):
        by_code, by_email, by_name = index
        _ = self.env._
        code, email, name = value("code"), value("email"), value("name")
        if code:
            employee = by_code.get(code.lower())
            if not employee:
                problems.append(_("no staff member has the code %(code)s", code=code))
            return employee
        if email:
            employee = by_email.get(email.lower())
            if not employee:
                problems.append(
                    _("no staff member has the e-mail %(email)s", email=email)
                )
            return employee
        if not name:
            problems.append(_("the staff member is missing"))
            return None
        found = by_name.get(name.lower(), [])
        if len(found) > 1:
            problems.append(
                _(
                    "several staff members are named %(name)s: give their code",
                    name=name,
                )
            )
        elif not found:
            problems.append(_("no staff member is named %(name)s", name=name))
        return found[0] if len(found) == 1 else None

    def _row_year(self, text, problems):
        if not text:
            return
        try:
            year = int(float(text.replace(",", ".")))
        except ValueError:
            problems.append(self.env._("the year %(year)s is not a year", year=text))
            return
        if year != self.year:
            problems.append(
                self.env._(
                    "the year %(year)s is not the year imported, %(expected)s",
                    year=text,
                    expected=self.year,
                )
            )

    def _row_level(self, text, problems):
        if not text:
            problems.append(self.env._("the classification is missing"))
            return None
        level = LEVEL_WORDS.get(_normalise(text))
        if not level:
            problems.append(
                self.env._(
                    "the classification %(level)s is not one of the four levels "
                    "(Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn "
                    "thành nhiệm vụ, Không hoàn thành nhiệm vụ) nor 'Chưa xếp loại'",
                    level=text,
                )
            )
        return level

    def _row_score(self, text, problems):
        if not text:
            return 0.0
        try:
            score = float(text.replace(",", "."))
        except ValueError:
            score = -1
        if not 0 <= score <= 100:
            problems.append(
                self.env._(
                    "the score %(score)s is not a number from 0 to 100", score=text
                )
            )
        return score

    def _check_agency_and_year(self):
        # The staff of an agency the user does not work for are not matched.
        if self.company_id not in self.env.companies:
            raise AccessError(
                self.env._(
                    "You do not work for %(agency)s: import the results of your "
                    "own agency.",
                    agency=self.company_id.sudo().name,
                )
            )
        if not 1990 <= self.year <= 2100:
            raise UserError(
                self.env._(
                    "The year %(year)s is not between 1990 and 2100.", year=self.year
                )
            )

    def _batch(self, create=False):
        Batch = self.env["danvan.evaluation.batch"]
        batch = Batch.search(
            [("company_id", "=", self.company_id.id), ("year", "=", self.year)],
            limit=1,
        )
        if batch.state == "published":
            raise UserError(
                self.env._(
                    "%(batch)s is published: its results are locked and can no "
                    "longer be imported again.",
                    batch=batch.display_name,
                )
            )
        if not batch and create:
            batch = Batch.create(
                {
                    "company_id": self.company_id.id,
                    "year": self.year,
                    "decision_ref": self.decision_ref,
                    "decision_date": self.decision_date,
                }
            )
        return batch

    def action_preview(self):
        """Read the file and show what will be imported."""
        self.ensure_one()
        lines = self._parse()
        existing = self._batch()._results_by_employee() if self._batch() else {}
        for line in lines:
            result = existing.get(self.env["hr.employee"].browse(line["employee_id"]))
            line["result_id"] = result.id if result else False
        self.line_ids.unlink()
        self.write({"state": "preview", "line_ids": [(0, 0, line) for line in lines]})
        return self._reopen()

    def action_back(self):
        self.ensure_one()
        self.line_ids.unlink()
        self.state = "upload"
        return self._reopen()

    def action_confirm(self):
        """Import the file read again (the same checks, nothing imported from a
        bad file) into the year's results: new staff are added, the others'
        unpublished results updated."""
        self.ensure_one()
        lines = self._parse()
        batch = self._batch(create=True)
        batch_vals = {
            key: self[key] for key in ("decision_ref", "decision_date") if self[key]
        }
        if batch_vals:
            batch.write(batch_vals)
        existing = batch._results_by_employee()
        Result = self.env["danvan.evaluation.result"]
        common = {
            "source": "import",
            "decision_ref": batch.decision_ref,
            "decision_date": batch.decision_date,
        }
        creates = []
        Employee = self.env["hr.employee"]
        for line in lines:
            values = dict(common, level=line["level"], score=line["score"])
            result = existing.get(Employee.browse(line["employee_id"]))
            if result:
                result.write(values)
            else:
                creates.append(
                    dict(values, batch_id=batch.id, employee_id=line["employee_id"])
                )
        Result.create(creates)
        batch._schedule_publication_todo()
        batch.message_post(
            body=self.env._(
                "%(count)s evaluation results imported from %(file)s.",
                count=len(lines),
                file=self.filename,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": batch._name,
            "res_id": batch.id,
            "view_mode": "form",
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Evaluation Results"),
        }
