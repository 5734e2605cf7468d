import io
import re
from datetime import datetime
from unittest.mock import patch

import docx
from PyPDF2 import PdfReader

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.danvan_democracy.models.danvan_conference import DanvanConference

from .conference_common import ConferenceCommon


@tagged("post_install", "-at_install")
class TestConferenceDocuments(ConferenceCommon):
    """The minutes, resolution and emulation pledge (DC-9)."""

    def test_dc9_documents_are_issued_once_by_leadership(self):
        conference = self._held()
        for login in ("office", "staff", "union"):
            with self.assertRaisesRegex(UserError, "Only leadership"):
                conference.with_user(self.users[login]).action_issue_minutes()
        leader = conference.with_user(self.users["leader"])
        leader.action_issue_minutes()
        self.assertRegex(conference.minutes_number, r"^\d+/BB")
        self.assertTrue(conference.minutes_date)
        number = conference.minutes_number
        with self.assertRaisesRegex(UserError, "already issued"):
            leader.action_issue_minutes()
        self.assertEqual(conference.minutes_number, number)
        leader.action_issue_resolution()
        self.assertRegex(conference.resolution_number, r"^\d+/NQ")
        leader.action_issue_pledge()
        self.assertTrue(conference.check_pledge)
        self.assertEqual(conference.checklist_progress, 100)

    def test_dc9_issued_text_is_locked_the_others_are_not(self):
        conference = self._held()
        office = conference.with_user(self.users["office"])
        # The minutes are finished after the conference, before they are issued.
        office.write({"minutes_text": "<p>Bản hoàn chỉnh.</p>"})
        conference.with_user(self.users["leader"]).action_issue_minutes()
        with self.assertRaisesRegex(UserError, "issued under number"):
            office.write({"minutes_text": "<p>Sửa sau khi ban hành.</p>"})
        with self.assertRaisesRegex(UserError, "issued under number"):
            office.write({"signer_name": "Người khác"})
        self.assertIn("Bản hoàn chỉnh", conference.minutes_text)
        office.write({"pledge_text": "<p>Giao ước hoàn chỉnh.</p>"})
        with self.assertRaisesRegex(UserError, "locked"):
            office.write({"pledge_text": "<p>x</p>", "location": "Khác"})

    def test_dc9_not_issued_before_the_conference_is_held_nor_empty(self):
        conference = self._convened()
        with self.assertRaisesRegex(UserError, "once the conference is held"):
            conference.with_user(self.users["leader"]).action_issue_resolution()
        conference = self._held(
            work_year=2024, date_conference=datetime(2025, 3, 10, 2, 0)
        )
        conference.with_user(self.users["office"]).write({"pledge_text": "<p> </p>"})
        with self.assertRaisesRegex(UserError, "Write the text"):
            conference.with_user(self.users["leader"]).action_issue_pledge()
        self.assertFalse(conference.pledge_number)

    def test_dc9_resolution_prints_the_adopted_items(self):
        conference = self._held()

        def items(self):
            return [{"name": "Quy chế chi tiêu nội bộ ITEM-PLANTED", "result": "7/9"}]

        with patch.object(DanvanConference, "_resolution_items", items):
            __, body = conference._conference_document_values("resolution")
        self.assertIn("ITEM-PLANTED", body)
        self.assertIn("7/9", body)
        # A conference without motions adopts nothing.
        self.assertEqual(conference._resolution_items(), [])

    def test_dc9_word_files(self):
        conference = self._held()
        conference.with_user(self.users["leader"]).action_issue_minutes()
        filename, content = conference.with_user(self.users["staff"])._render_docx(
            "minutes"
        )
        self.assertEqual(
            filename, conference.minutes_number.replace("/", "-") + ".docx"
        )
        document = docx.Document(io.BytesIO(content))
        text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
            cell.text
            for table in document.tables
            for row in table.rows
            for cell in row.cells
        )
        self.assertIn("BIÊN BẢN", text)
        self.assertIn("MINUTES-PLANTED", text)
        self.assertIn(conference.minutes_number, text)


@tagged("post_install", "-at_install")
class TestConferenceDocumentFiles(HttpCase, ConferenceCommon):
    """The PDF in the Decree 30 layout, and who may download the Word file."""

    def _pdf_text(self, conference, report, user):
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True, lang="en_US")
            ._render_qweb_pdf(report, conference.ids)
        )
        self.assertEqual(kind, "pdf")
        reader = PdfReader(io.BytesIO(pdf))
        return "".join("".join(page.extract_text() for page in reader.pages).split())

    def test_dc9_minutes_and_resolution_pdf(self):
        conference = self._held()
        leader = self.users["leader"]
        draft = self._pdf_text(
            conference,
            "danvan_democracy.action_report_danvan_conference_minutes",
            leader,
        )
        self.assertIn("DỰTHẢO", draft)
        conference.with_user(leader).action_issue_minutes()
        conference.with_user(leader).action_issue_resolution()
        text = self._pdf_text(
            conference,
            "danvan_democracy.action_report_danvan_conference_minutes",
            leader,
        )
        for expected in (
            "BIÊN BẢN",
            "Số: " + conference.minutes_number,
            "MINUTES-PLANTED",
            "Report of the head of the agency",
            "6 of the 9 invited are present",
        ):
            self.assertIn("".join(expected.split()), text)
        self.assertNotIn("DỰTHẢO", text)
        text = self._pdf_text(
            conference,
            "danvan_democracy.action_report_danvan_conference_resolution",
            leader,
        )
        self.assertIn("NGHỊQUYẾT", text)
        self.assertIn("".join(("Số: " + conference.resolution_number).split()), text)
        text = self._pdf_text(
            conference,
            "danvan_democracy.action_report_danvan_conference_pledge",
            leader,
        )
        self.assertIn("GIAOƯỚCTHIĐUA", text)

    def test_dc9_word_file_only_for_who_reads_the_conference(self):
        conference = self._held()
        url = f"/danvan_democracy/conference/{conference.id}/minutes.docx"
        self.authenticate("dv_outsider", "dv_outsider")
        with mute_logger("odoo.http"):
            response = self.url_open(url)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(b"MINUTES-PLANTED", response.content)
        self.authenticate("dv_staff", "dv_staff")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(re.search(r"\.docx", response.headers["Content-Disposition"]))
