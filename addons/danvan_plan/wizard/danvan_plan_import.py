import base64
import io
import zipfile

from odoo import fields, models
from odoo.exceptions import UserError

MAX_FILE_SIZE = 10 * 1024 * 1024


class DanvanPlanImport(models.TransientModel):
    """Build a plan's item tree from the Word or text file the Office wrote."""

    _name = "danvan.plan.import"
    _description = "Import a Plan Outline"

    plan_id = fields.Many2one("danvan.plan", required=True, ondelete="cascade")
    file = fields.Binary(required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        plan = self.plan_id
        plan._import_outline(self._read_text(), self.filename or "")
        return plan.action_open_items()

    def _read_text(self):
        data = base64.b64decode(self.file or b"")
        if len(data) > MAX_FILE_SIZE:
            raise UserError(self.env._("The file is larger than 10 MB."))
        name = (self.filename or "").lower()
        if name.endswith(".docx"):
            return self._read_docx(data)
        if name.endswith(".txt"):
            try:
                return data.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise UserError(
                    self.env._("The text file is not encoded in UTF-8.")
                ) from error
        raise UserError(self.env._("Import a .docx or a .txt file."))

    def _read_docx(self, data):
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            document = docx.Document(io.BytesIO(data))
        except (
            ValueError,
            KeyError,
            zipfile.BadZipFile,
            PackageNotFoundError,
        ) as error:
            raise UserError(
                self.env._("This file is not a readable Word document.")
            ) from error
        return "\n".join(paragraph.text for paragraph in document.paragraphs)
