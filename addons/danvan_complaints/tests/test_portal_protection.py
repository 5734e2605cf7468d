import re
import secrets

from odoo import http
from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .common import ReceptionCommon


@tagged("post_install", "-at_install")
class TestPortalProtection(VietnameseBrowserCase, ReceptionCommon):
    """The denouncer asks for protection on the public form (TC-12)."""

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)
        self.Petition = self.env["danvan.petition"].with_context(active_test=False)

    def _submit(self, **values):
        data = {
            "csrf_token": http.Request.csrf_token(self),
            "submission_token": secrets.token_urlsafe(32),
            "petition_type": "denunciation",
            "summary": "Tố cáo cán bộ thu tiền",
            "content": "Cán bộ B thu tiền sai quy định.",
            "name": "Nguyễn Thị Được Bảo Vệ",
            "address": "Thôn 9",
            "email": "",
            **values,
        }
        response = self.url_open("/danvan/petition/submit", data=data)
        self.assertEqual(response.status_code, 200, response.text[:2000])
        code = re.search(r'o_danvan_portal_code">([^<]+)<', response.text).group(1)
        return self.Petition.search([("portal_code", "=", code)])

    def test_tc12_the_form_asks_for_protection_and_the_petition_keeps_it(self):
        form = self.url_open("/danvan/petition")
        self.assertIn('name="protection_requested"', form.text)
        petition = self._submit(protection_requested="1")
        self.assertTrue(petition.protection_requested)
        self.assertFalse(self._submit().protection_requested)

    def test_tc12_only_a_denunciation_asks_for_protection(self):
        petition = self._submit(petition_type="petition", protection_requested="1")
        self.assertEqual(petition.petition_type, "petition")
        self.assertFalse(petition.protection_requested)
