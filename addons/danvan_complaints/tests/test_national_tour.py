import json

from odoo import Command
from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .test_national import NationalCommon


@tagged("post_install", "-at_install")
class TestNationalTour(VietnameseBrowserCase, NationalCommon):
    """In Chromium, in Vietnamese, as an officer of the Office: a protected
    denouncer's identity reported on the Office's decision (TC-12), then the
    outbox exported (NDB-5)."""

    def test_ndb5_office_discloses_and_exports(self):
        denouncer = "Hoàng Thị Tour Kín"
        petition = self._petition(
            summary="Tố cáo cán bộ thu phí sai",
            petition_type="denunciation",
            protection_requested=True,
            qualified="no",
            unqualified_reason="other",
            outcome="file",
            sender_ids=[Command.create({"name": denouncer, "address": "Xóm 2"})],
        )
        entry = self._entries(petition)
        self.assertTrue(entry.identity_withheld)
        self.start_tour(
            "/odoo/action-danvan_complaints.danvan_national_entry_action",
            "danvan_national_disclosure_tour",
            login=self.office.login,
        )
        self.assertEqual(
            (entry.identity_disclosed, entry.disclosure_user_id),
            (True, self.office),
        )
        self.assertEqual(entry.disclosure_reason, "Thanh tra tỉnh yêu cầu để xác minh")
        self.start_tour(
            "/odoo/action-danvan_complaints.danvan_national_export_action",
            "danvan_national_export_tour",
            login=self.office.login,
        )
        export = entry.export_id
        self.assertEqual((entry.state, export.state), ("reported", "exported"))
        rows = json.loads(export.sudo().json_attachment_id.raw)["entries"]
        self.assertEqual([row["person_name"] for row in rows], [denouncer])
