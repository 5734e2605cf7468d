"""The Word file of an official document, served by a controller."""

from odoo.http import content_disposition, request

from .official_docx import DOCX_MIMETYPE


def readable_record(model, res_id):
    """The record ``res_id`` of ``model`` if the user may read it, else a 404
    (gone) or an AccessError (not theirs)."""
    record = request.env[model].browse(res_id).exists()
    if not record:
        raise request.not_found()
    record.check_access("read")
    return record


def docx_response(record, *args):
    """The HTTP response of ``record._render_docx(*args)``: (filename, content)."""
    filename, content = record._render_docx(*args)
    return request.make_response(
        content,
        headers=[
            ("Content-Type", DOCX_MIMETYPE),
            ("Content-Disposition", content_disposition(filename)),
        ],
    )
