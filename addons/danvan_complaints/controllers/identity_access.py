"""Odoo 18 serves reads on a read-only cursor. The requests through which a
citizen's identity may leave the database write a line of its access log
(TC-13), and so run on a read-write cursor; the others (avatars, icons, logos,
the documents of other models) stay read-only."""

from odoo import SUPERUSER_ID, api, http
from odoo.http import request

from odoo.addons.web.controllers import binary, dataset, report

from ..tools.identity_log import logs_identity


def _logs(registry, model):
    """Whether reading ``model`` may write a line: a model whose reading is
    logged, or a file, which may be one of such a record."""
    return model == "ir.attachment" or logs_identity(registry, model)


def binary_reads_identity(registry, path, args):
    """Whether the file of ``/web/content`` or ``/web/image`` at ``path``,
    with the query ``args``, may be one whose reading is logged: a field of a
    model that logs, or an attachment, by id or by XML id (whose model is only
    known once it is read)."""
    segments = path.strip("/").split("/")[2:]
    if len(segments) >= 3 and segments[1].isdigit():
        return _logs(registry, segments[0])
    if segments:
        return True
    return _logs(registry, args.get("model", "ir.attachment"))


def report_reads_identity(registry, path):
    """Whether the report of ``/report/<converter>/<reportname>/...`` prints
    records whose reading is logged."""
    segments = path.strip("/").split("/")
    if len(segments) < 3:
        return False
    with registry.cursor(readonly=True) as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        models = env["ir.actions.report"]._danvan_report_models(segments[2])
    return any(_logs(registry, model) for model in models)


def _call_kw_readonly(controller):
    """Read-write for the models whose reads may be logged and for
    attachments."""
    if _logs(request.registry, request.get_json_data()["params"]["model"]):
        return False
    return controller._call_kw_readonly()


def _binary_readonly(controller):
    httprequest = request.httprequest
    return not binary_reads_identity(
        request.registry, httprequest.path, httprequest.args
    )


def _report_readonly(controller):
    return not report_reads_identity(request.registry, request.httprequest.path)


class DataSet(dataset.DataSet):
    @http.route(readonly=_call_kw_readonly)
    def call_kw(self, model, method, args, kwargs, path=None):
        return super().call_kw(model, method, args, kwargs, path=path)


class Binary(binary.Binary):
    @http.route(readonly=_binary_readonly)
    def content_common(self, *args, **kwargs):
        return super().content_common(*args, **kwargs)

    @http.route(readonly=_binary_readonly)
    def content_image(self, *args, **kwargs):
        return super().content_image(*args, **kwargs)


class ReportController(report.ReportController):
    @http.route(readonly=_report_readonly)
    def report_routes(self, reportname, docids=None, converter=None, **data):
        return super().report_routes(
            reportname, docids=docids, converter=converter, **data
        )
