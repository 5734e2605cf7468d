"""Odoo 18 serves reads on a read-only cursor. The requests through which a
citizen's identity may leave the database write a line of its access log
(TC-13), and so run on a read-write cursor."""

from odoo import http
from odoo.http import request

from odoo.addons.web.controllers import binary, dataset, report


def _call_kw_readonly(controller):
    """Read-write for the models whose reads may load an identity (the persons,
    and the petitions, visits and cases that show them) and for attachments."""
    model = request.get_json_data()["params"]["model"]
    if model == "ir.attachment" or hasattr(
        request.registry.get(model), "_identity_persons"
    ):
        return False
    return controller._call_kw_readonly()


def _read_write(controller):
    """Downloads and printed documents may show an identity: read-write. (A
    function, as Odoo expects when a read-only route is made read-write.)"""
    return False


class DataSet(dataset.DataSet):
    @http.route(readonly=_call_kw_readonly)
    def call_kw(self, model, method, args, kwargs, path=None):
        return super().call_kw(model, method, args, kwargs, path=path)


class Binary(binary.Binary):
    @http.route(readonly=_read_write)
    def content_common(self, *args, **kwargs):
        return super().content_common(*args, **kwargs)

    @http.route(readonly=_read_write)
    def content_image(self, *args, **kwargs):
        return super().content_image(*args, **kwargs)


class ReportController(report.ReportController):
    @http.route(readonly=_read_write)
    def report_routes(self, reportname, docids=None, converter=None, **data):
        return super().report_routes(
            reportname, docids=docids, converter=converter, **data
        )
