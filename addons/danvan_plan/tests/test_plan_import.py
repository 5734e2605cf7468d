import base64
import io
from pathlib import Path

import docx

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools.plan_outline import parse_outline
from .common import DanvanCommon

SEED = Path(__file__).parent / "data" / "ke-hoach-dan-van-2025.txt"
# Another agency's plan: a section title over two lines, "-" and "+" bullets,
# sub-items numbered "1.1." instead of lettered.
OTHER = Path(__file__).parent / "data" / "ke-hoach-don-vi-khac.txt"
OTHER_OUTLINE = [
    "I",
    "I.1",
    "I.2",
    "II",
    "II.1",
    "II.1.1",
    "II.1.2",
    "II.2",
    "II.2.1",
    "II.2.2",
    "III",
    "III.1",
    "III.2",
]

# Every heading of the customer's 2025 plan, in order.
SEED_OUTLINE = (
    ["I"]
    + [f"I.{n}" for n in range(1, 7)]
    + ["II", "II.1"]
    + [f"II.1.{c}" for c in "abcd"]
    + ["II.2"]
    + [f"II.2.{c}" for c in ("a", "b", "c", "d", "đ")]
    + ["II.3", "II.3.a", "II.3.b", "II.4", "II.4.a", "II.4.b", "II.4.c", "II.5"]
    + [f"II.5.{c}" for c in "abcd"]
    + ["III", "III.1", "III.2", "III.3", "III.3.a", "III.3.b", "III.3.c"]
)


@tagged("post_install", "-at_install")
class TestPlanImport(DanvanCommon):
    """Reading a plan outline from the Office's file (issue 3, item 6)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seed_text = SEED.read_text(encoding="utf-8")

    def _plan(self, year=2041):
        return self.env["danvan.plan"].create(
            {"name": f"Kế hoạch {year}", "year": year}
        )

    def _import(self, plan, data, filename, user=None):
        wizard = self.env["danvan.plan.import"].with_user(user or self.users["office"])
        return wizard.create(
            {"plan_id": plan.id, "file": base64.b64encode(data), "filename": filename}
        ).action_import()

    def test_seed_outline_every_heading_in_place(self):
        """Every heading of the 2025 seed plan lands in its place, in order."""
        __, root = parse_outline(self.seed_text)
        self.assertEqual([node.code for node in root.walk()], SEED_OUTLINE)

    def test_seed_texts_are_joined_across_lines(self):
        """Paragraphs broken across lines are joined; headings are kept whole."""
        preamble, root = parse_outline(self.seed_text)
        nodes = {node.code: node for node in root.walk()}
        self.assertEqual(nodes["II"].heading, "NỘI DUNG NHIỆM VỤ CỤ THỂ")
        self.assertIn(
            "tư tưởng của Hồ Chi Minh về công tác dân vận", nodes["II.1.a"].text
        )
        self.assertTrue(
            nodes["II.2.đ"].heading.startswith("Nâng cao hiệu lực hiệu quả")
        )
        self.assertEqual(nodes["III.3"].heading, "Giao Văn phòng Sở")
        self.assertIn("Kế hoạch số 39-KH/BDVTU ngày 15/01/2025", preamble)
        self.assertNotIn("Nơi nhận", nodes["III.3.c"].text)

    def test_a_year_at_line_start_is_not_an_item(self):
        """'2025.' opening a wrapped line is text, not item 2025."""
        __, root = parse_outline(
            "I. MỤC ĐÍCH\n1. Thực hiện kế hoạch năm\n"
            "2025. Nội dung tiếp theo\n2. Mục hai"
        )
        self.assertEqual([n.code for n in root.walk()], ["I", "I.1", "I.2"])
        self.assertIn("2025. Nội dung", root.children[0].children[0].text)

    def test_import_txt_builds_the_item_tree(self):
        """The wizard builds the tree of the seed plan, with parents and sequence."""
        plan = self._plan()
        self._import(plan, self.seed_text.encode(), "ke-hoach.txt")
        items = plan.item_ids.sorted("sequence")
        self.assertEqual(items.mapped("outline"), SEED_OUTLINE)
        by_code = {item.outline: item for item in items}
        self.assertEqual(by_code["II.2.đ"].parent_id, by_code["II.2"])
        self.assertEqual(by_code["II.2"].parent_id, by_code["II"])
        self.assertEqual(by_code["III.3.c"].level, 3)
        self.assertIn("Kế hoạch số 39-KH/BDVTU", plan.legal_basis)

    def test_import_docx(self):
        """A Word file gives the same tree as the text."""
        document = docx.Document()
        for line in self.seed_text.splitlines():
            document.add_paragraph(line)
        buffer = io.BytesIO()
        document.save(buffer)
        plan = self._plan()
        self._import(plan, buffer.getvalue(), "ke-hoach.docx")
        self.assertEqual(
            plan.item_ids.sorted("sequence").mapped("outline"), SEED_OUTLINE
        )

    def test_other_agencys_plan(self):
        """A title wrapped over two lines is one title, bullets stay in their
        item's text, "1.1." numbers sub-items."""
        plan = self._plan()
        self._import(plan, OTHER.read_bytes(), "ke-hoach-khac.txt")
        items = plan.item_ids.sorted("sequence")
        self.assertEqual(items.mapped("outline"), OTHER_OUTLINE)
        by_code = {item.outline: item for item in items}
        self.assertEqual(
            by_code["I"].name, "MỤC ĐÍCH, YÊU CẦU VÀ CHỈ TIÊU PHẤN ĐẤU TRONG NĂM 2026"
        )
        propaganda = by_code["II.1.1"]
        self.assertEqual(propaganda.parent_id, by_code["II.1"])
        self.assertEqual(
            propaganda.name,
            "Tuyên truyền các văn bản của Trung ương, của tỉnh về công tác dân vận:",
        )
        self.assertEqual(
            propaganda.description.splitlines()[1:],
            [
                "- Nghị quyết số 25-NQ/TW về tăng cường và đổi mới sự lãnh đạo của "
                "Đảng đối với công tác dân vận;",
                "- Quy chế công tác dân vận của hệ thống chính trị;",
                "+ Đăng tin trên Trang thông tin điện tử của Sở.",
            ],
        )
        self.assertIn("2026. Đối thoại", by_code["II.2.2"].description)

    def test_sub_items_keep_one_numbering_style(self):
        """'2.1.' under item 1 or after lettered sub-items is text."""
        __, root = parse_outline(
            "I. NỘI DUNG\n1. Tuyên truyền\n2.1. Không phải mục con\n"
            "a) Mục con a\n1.2. Vẫn là nội dung"
        )
        self.assertEqual([n.code for n in root.walk()], ["I", "I.1", "I.1.a"])

    def test_not_a_plan_is_refused_and_changes_nothing(self):
        """A file without sections, a bad extension or a broken .docx is refused."""
        plan = self._plan()
        for data, name in (
            (b"Just a letter.\nNothing numbered here.", "letter.txt"),
            (b"%PDF-1.4 binary", "plan.pdf"),
            (b"not a zip at all", "plan.docx"),
            ("I. MỤC ĐÍCH".encode("utf-16"), "plan.txt"),
        ):
            with self.assertRaises(UserError, msg=name):
                self._import(plan, data, name)
        self.assertFalse(plan.item_ids)

    def test_import_only_into_an_empty_draft(self):
        """A second import, or an import into a submitted plan, is refused."""
        plan = self._plan()
        self._import(plan, self.seed_text.encode(), "a.txt")
        with self.assertRaises(UserError):
            self._import(plan, self.seed_text.encode(), "a.txt")
        other = self._plan(2042)
        other.action_submit()
        with self.assertRaises(UserError):
            self._import(other, self.seed_text.encode(), "a.txt")

    def test_demo_2025_plan_carries_the_seed(self):
        """The customer's 2025 plan ships as approved demo data, whole outline."""
        plan = self.env.ref("danvan_plan.danvan_plan_2025_demo")
        self.assertEqual(plan.state, "approved")
        self.assertEqual(
            plan.item_ids.sorted("sequence").mapped("outline"), SEED_OUTLINE
        )
