from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.danvan_base.tools.spreadsheet import XLSX_MIMETYPE, build_xlsx


class ReceptionAllowanceController(http.Controller):
    @http.route(
        "/danvan_complaints/allowance/<int:sheet_id>/xlsx", type="http", auth="user"
    )
    def allowance_xlsx(self, sheet_id):
        """The monthly reception allowance sheet as a spreadsheet (TCD-22)."""
        sheet = (
            request.env["danvan.reception.allowance.sheet"].browse(sheet_id).exists()
        )
        if not sheet:
            raise request.not_found()
        sheet.check_access("read")
        headers, rows = sheet._sheet_table()
        title = " - ".join(filter(None, ["BẢNG THANH TOÁN", sheet.number, sheet.name]))
        content = build_xlsx(title, headers, rows, [6, 30, 24, 24, 10, 16])
        name = (sheet.number or sheet.name).replace("/", "-")
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(f"{name}.xlsx")),
            ],
        )
