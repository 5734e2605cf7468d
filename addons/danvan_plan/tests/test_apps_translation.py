from odoo.tests import TransactionCase, tagged

# The Vietnamese name and summary of each Dân vận addon in the Apps screen.
APPS = {
    "danvan_base": (
        "Nền tảng Dân vận",
        "Phần dùng chung của các ứng dụng Dân vận: vai trò, đơn vị, lịch ngày "
        "làm việc, thời hạn luật định, văn bản hành chính (Nghị định 30/2020)",
    ),
    "danvan_plan": (
        "Công tác dân vận",
        "Công tác dân vận của cơ quan nhà nước: kế hoạch hằng năm, nhiệm vụ và "
        "báo cáo của đơn vị, đợt báo cáo",
    ),
    "danvan_models": (
        "Mô hình Dân vận khéo",
        "Đăng ký, thẩm định, phê duyệt và công nhận mô hình Dân vận khéo",
    ),
    "danvan_complaints": (
        "Tiếp công dân, giải quyết khiếu nại, tố cáo",
        "Tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo trong thời hạn "
        "luật định",
    ),
}


@tagged("post_install", "-at_install")
class TestAppsTranslation(TransactionCase):
    """A Vietnamese user reads the Dân vận apps in Vietnamese (issue 10)."""

    def test_the_apps_screen_names_the_apps_in_vietnamese(self):
        """A module's name and summary are base's records (base.module_<name>):
        each addon's vi.po carries their translations, loaded with the addon
        or with the language."""
        Module = self.env["ir.module.module"]
        self.env["res.lang"]._activate_lang("vi_VN")
        installed = Module.search(
            [("name", "in", list(APPS)), ("state", "=", "installed")]
        )
        Module._load_module_terms(installed.mapped("name"), ["vi_VN"])
        apps = Module.with_context(lang="vi_VN").search_read(
            [("id", "in", installed.ids)], ["name", "shortdesc", "summary"]
        )
        self.assertIn("danvan_plan", installed.mapped("name"))
        for app in apps:
            self.assertEqual((app["shortdesc"], app["summary"]), APPS[app["name"]])
