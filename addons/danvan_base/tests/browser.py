"""Browser tests as our users run them: Chromium set to Vietnamese."""

import json
from contextlib import contextmanager
from unittest.mock import patch

from odoo import http
from odoo.tests import HttpCase
from odoo.tests.common import ChromeBrowser

# Run in the page before the tour: it fails the test unless the browser asks
# for Vietnamese and the page (website or web client) speaks it.
CHECK_VIETNAMESE = """
const user = odoo.loader.modules.get("@web/core/user")?.user;
const page = document.documentElement.lang || user?.lang || "";
if (!navigator.language.startsWith("vi") || !page.startsWith("vi")) {
    console.error(`Browser language ${navigator.language}, page language ${page}`);
} else {
    %s
}
"""


class VietnameseBrowserCase(HttpCase):
    """Tours in Chromium set to Vietnamese (``Accept-Language: vi-VN``), as
    the agency's and the citizens' browsers are, for users who work in
    Vietnamese; the session takes its language from the browser or the user,
    never from the test harness."""

    browser_lang = "vi-VN"

    @contextmanager
    def vietnamese_browser(self):
        navigate_to = ChromeBrowser.navigate_to
        authenticate = HttpCase.authenticate
        lang = self.browser_lang

        def navigate_in_vietnamese(browser, url, wait_stop=False):
            agent = browser._websocket_request("Browser.getVersion")["userAgent"]
            browser._websocket_request(
                "Emulation.setUserAgentOverride",
                params={"userAgent": agent, "acceptLanguage": lang},
            )
            return navigate_to(browser, url, wait_stop=wait_stop)

        def authenticate_without_lang(case, user, password, browser=None):
            authenticate(case, user, password, browser=browser)
            case.session.context.pop("lang", None)
            http.root.session_store.save(case.session)

        with (
            patch.object(ChromeBrowser, "navigate_to", navigate_in_vietnamese),
            patch.object(HttpCase, "authenticate", authenticate_without_lang),
        ):
            yield

    def start_tour(self, url_path, tour_name, step_delay=None, **kwargs):
        login = kwargs.get("login")
        if login:
            self.env["res.lang"]._activate_lang("vi_VN")
            user = self.env["res.users"].search([("login", "=", login)])
            user.lang = "vi_VN"
        options = {
            "stepDelay": step_delay or 0,
            "keepWatchBrowser": kwargs.get("watch", False),
            "debug": kwargs.get("debug", False),
            "startUrl": url_path,
        }
        start = f"odoo.startTour({tour_name!r}, {json.dumps(options)})"
        kwargs.setdefault("code", CHECK_VIETNAMESE % start)
        with self.vietnamese_browser():
            return super().start_tour(url_path, tour_name, step_delay, **kwargs)
