"""Page numbers on the documents printed in the official layout (VB-4)."""

import io

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from odoo import api, models
from odoo.tools.pdf import PdfFileReader, PdfFileWriter

from ..tools import decree30

# VB-4: Arabic numerals, regular, centred in the top margin of 20 mm; their
# size is the layout's (decree30), the font reportlab's Times.
NUMBER_FONT, NUMBER_FROM_TOP = "Times-Roman", 12 * mm


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """Number the pages of each document newly printed on the paper of the
        official layout: the Debian wkhtmltopdf drops header HTML, so the
        numbers are stamped onto the PDF. A stored issued copy is kept as is."""
        streams = super()._render_qweb_pdf_prepare_streams(
            report_ref, data, res_ids=res_ids
        )
        report = self._get_report(report_ref)
        paper = self.env.ref(
            "danvan_base.paperformat_danvan_a4", raise_if_not_found=False
        )
        if not paper or report.paperformat_id != paper:
            return streams
        for stream_data in streams.values():
            stored = stream_data["attachment"] and report.attachment_use
            if stream_data["stream"] and not stored:
                stream_data["stream"] = self._danvan_number_pages(stream_data["stream"])
        return streams

    @api.model
    def _danvan_number_pages(self, stream):
        """The PDF of ``stream`` with its page numbers from page 2 on."""
        reader = PdfFileReader(stream, strict=False)
        count = reader.getNumPages()
        if count < 2:
            return stream
        packet = io.BytesIO()
        numbers = canvas.Canvas(packet)
        for index in range(count):
            box = reader.getPage(index).mediaBox
            width, height = float(abs(box.getWidth())), float(abs(box.getHeight()))
            numbers.setPageSize((width, height))
            if index:
                numbers.setFont(NUMBER_FONT, decree30.PAGE_NUMBER_SIZE)
                numbers.drawCentredString(
                    width / 2, height - NUMBER_FROM_TOP, str(index + 1)
                )
            numbers.showPage()
        numbers.save()
        stamps = PdfFileReader(packet)
        writer = PdfFileWriter()
        for index in range(count):
            page = reader.getPage(index)
            if index:
                page.mergePage(stamps.getPage(index))
            writer.addPage(page)
        output = io.BytesIO()
        writer.write(output)
        return output
