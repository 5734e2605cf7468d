from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.danvan_base.tools import decree30
from odoo.addons.danvan_base.tools.spreadsheet import XLSX_MIMETYPE, build_xlsx


class DanvanComplaintsController(http.Controller):
    @http.route("/danvan_complaints/register.xlsx", type="http", auth="user")
    def register_xlsx(self, ids=""):
        """Lines of the reception register as a spreadsheet (Mẫu 03), as far as
        the user may read them (TCD-11)."""
        visit_ids = [int(part) for part in ids.split(",") if part.strip().isdigit()]
        visits = request.env["danvan.reception.visit"].browse(visit_ids).exists()
        visits.check_access("read")
        with request.env["danvan.identity.access"]._channel("export"):
            # TCD-13: each line on the form of its regime, a sheet per form.
            content = visits._register_workbook()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition("so-tiep-cong-dan.xlsx")),
            ],
        )

    @http.route(
        "/danvan_complaints/report/<int:report_id>/xlsx", type="http", auth="user"
    )
    def report_xlsx(self, report_id):
        """The figures of a periodic report as a spreadsheet (BC-1)."""
        report = request.env["danvan.complaints.report"].browse(report_id).exists()
        if not report:
            raise request.not_found()
        report.check_access("read")
        headers, rows = report._figures_table()
        doc_type = decree30.DOC_TYPES["report"].name
        title = " - ".join(filter(None, [doc_type, report.number, report.name]))
        content = build_xlsx(title, headers, rows, [6, 60, 14])
        name = (report.number or report.name).replace("/", "-")
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(f"{name}.xlsx")),
            ],
        )
