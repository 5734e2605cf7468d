import json
import re
import unicodedata
from datetime import date
from html import unescape
from pathlib import Path
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import BaseCase, Form, HttpCase, tagged

from odoo.addons.danvan_complaints.tools.redaction import Redactor

from .common import CaseCommon

CORPUS = Path(__file__).parent / "data" / "redaction_corpus"
# Words after which a given name alone points at the person, written as the
# checks below see the text: lower case, without diacritics.
TITLES = (
    "ong ba anh chi em co chu bac chau cau mr mrs ms dong chi ten toi la"
).split() + ["dong chi", "toi la", "ten la"]


def _flat(text):
    """``text`` as the checks read it: the text of its HTML, a line break
    between blocks; lower case, without diacritics, đ as d, and each number
    with its spaces, dots, dashes, brackets and line breaks removed."""
    text = re.sub(r"<(?:/?(?:p|div|li|td|tr|h\d)|br)\b[^>]*>", "\n", text or "")
    text = unescape(re.sub(r"<[^>]*>", "", text))
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"(?<=\d)[\s.\-()]+(?=\d)", "", text)


def _phrase(text):
    """The words of ``text``, flattened, between single spaces."""
    return " " + " ".join(re.findall(r"\w+", _flat(text))) + " "


def _leaks(text, senders, terms=()):
    """Every piece of identity of ``senders`` and of the ``terms`` that
    ``text`` still holds, in any form."""
    flat, words = _flat(text), _phrase(text)
    leaks = []
    for sender in senders:
        name = _phrase(sender["name"]).split()
        given, others = name[-1], set(name[:-1])
        forms = [" ".join(name)]
        forms += [f"{word} {given}" for word in others | set(TITLES)]
        forms += [f"{given} {word}" for word in others]
        leaks += [form for form in forms if f" {form} " in words]
        address = sender.get("address", "")
        for part in {address, address.split(",")[0]}:
            if len(_phrase(part).split()) >= 2 and _phrase(part) in words:
                leaks.append(part)
        for key in ("identity_number", "phone"):
            # A phone written +84 loses its leading 0.
            digits = re.sub(r"\D", "", sender.get(key, "")).lstrip("0")
            if digits and digits in flat:
                leaks.append(sender[key])
        email = sender.get("email")
        # An e-mail broken at the end of a line is read whole.
        joined = re.sub(r"\s*\n\s*", "", flat)
        if email and _flat(email.split("@")[0]) in joined:
            leaks.append(email)
    for term in terms:
        digits = re.sub(r"\D", "", term).lstrip("0")
        if (digits and digits in flat) or (not digits and _phrase(term) in words):
            leaks.append(term)
    return leaks


@tagged("post_install", "-at_install")
class TestRedactor(BaseCase):
    """The rules of ``tools/redaction.py`` on their own (TC-13 (2))."""

    SENDER = {"name": "Nguyễn Văn An", "address": "Thôn 7, xã Hành Thiện"}

    def test_tc13_words_that_only_look_like_the_name_stay(self):
        redactor = Redactor("[x]", names=["Nguyễn Văn An"])
        text = "Công an xã vẫn an toàn; Nguyễn Văn Bình ký, thu 150.000.000 đồng."
        self.assertEqual(redactor.redact_text(text), text)
        self.assertEqual(
            redactor.redact_text("van an, AN NGUYEN, ông An, đồng chí AN"),
            "[x], [x], ông [x], đồng chí [x]",
        )

    def test_tc13_numbers_however_written_amounts_and_dates_stay(self):
        redactor = Redactor("[x]", numbers=["0511234"])
        self.assertEqual(
            redactor.redact_text(
                "0905.111.222 / +84 905 111 222 / (0255) 3822 123 / 051-123-4 / "
                "ngày 02.03.2026, 1.200.000 đồng"
            ),
            "[x] / [x] / [x] / [x] / ngày 02.03.2026, 1.200.000 đồng",
        )

    def test_tc13_a_value_split_by_inline_tags_goes(self):
        """Letters pasted from a word processor split words into spans."""
        redactor = Redactor("[x]", names=["Nguyễn Văn An"])
        html = redactor.redact_html(
            "<p>Tôi là <b>Nguyễn</b> Văn <span>An</span>, "
            "số <span>0912</span> 345 678.</p><p>Kính gửi Sở.</p>"
        )
        for secret in ("Nguyễn", "An<", "0912", "678"):
            self.assertNotIn(secret, html)
        self.assertIn("<p>Kính gửi Sở.</p>", html)

    def test_tc13_a_value_split_across_lines_or_paragraphs_goes(self):
        """A letter typed with hard line breaks, or pasted as one paragraph
        a line, breaks the name, the number, the address and the e-mail."""
        redactor = Redactor(
            "[x]",
            names=["Nguyễn Văn An"],
            addresses=["Thôn 7, xã Hành Thiện"],
            emails=["khang.vo@yahoo.com"],
        )
        for letter in (
            "Tôi là Nguyễn Văn\nAn, ở thôn 7, xã\n  Hành Thiện.",
            "<p>Tôi là Nguyễn Văn</p><p>An, ở thôn 7,</p><p>xã Hành Thiện.</p>",
            "<p>Tôi là Nguyễn<br>Văn An, ở thôn 7, xã Hành<br/>Thiện.</p>",
        ):
            with self.subTest(letter=letter):
                copy = (
                    redactor.redact_html if "<" in letter else redactor.redact_text
                )(letter)
                self.assertEqual(_leaks(copy, [self.SENDER]), [])
                self.assertIn("Tôi là [x]", copy)
        split = {
            r"\d": (
                "gọi 0912 345\n678 hoặc 051 168\n001 234",
                "<p>gọi 0912 345</p><p>678 hoặc 051 168<br>001 234</p>",
                "<p>gọi +84 912</p><p>345 678 hoặc 051.168.</p><p>001.234</p>",
            ),
            r"khang|yah|com": (
                "<p>thư khang.vo@</p><p>yahoo.com</p>",
                "<p>thư khang.vo@yahoo.</p><p>com</p>",
                "<p>thư khang.</p><p>vo@yahoo.com</p>",
                "thư khang.vo@yah\noo.com",
            ),
        }
        for secret, letters in split.items():
            for letter in letters:
                with self.subTest(letter=letter):
                    copy = redactor.redact_html(letter)
                    self.assertNotRegex(copy, secret)
                    self.assertRegex(copy, r"^<div>(<p>)?(gọi|thư) \[x\]")

    def test_tc13_the_end_of_a_line_is_not_glued_to_the_next(self):
        """Two words of the name across a paragraph break ("công văn" ending
        one, "An ninh" starting the next), a title ending a line, years in a
        table and a date before a numbered line stay."""
        redactor = Redactor("[x]", names=["Nguyễn Văn An"])
        for letter in (
            "<p>Theo công văn</p><p>An ninh xã đã trả lời.</p>",
            "Gửi anh\nAn ninh huyện và chị\nAn toàn giao thông.",
            "<table><tr><td>2024</td><td>2025</td></tr><tr><td>2026</td></tr></table>",
            "<p>ngày 02.03.2026</p><p>1. Ông B thu 150.000.000</p><p>đồng.</p>",
            "<p>mã hồ sơ 12 345</p><p>678 trang</p>",
        ):
            with self.subTest(letter=letter):
                html = redactor.redact_html(letter)
                self.assertNotIn("[x]", html)
                self.assertEqual(_flat(html).split(), _flat(letter).split())
        self.assertEqual(
            redactor.redact_text("0905 123 456\n2. Tôi, Văn\nAn"),
            "[x]\n2. Tôi, Văn\nAn",
        )


@tagged("post_install", "-at_install")
class TestRedaction(CaseCommon):
    """The copy of a denunciation without its denouncer (TC-13 (2)): what it
    removes, the officer's preview and confirmation, and who may read it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Petition = cls.env["danvan.petition"]
        cls.verifier = cls._team_member("dvc_team_member")

    def _denunciation(self, content, senders, **vals):
        return self.Petition.with_user(self.officer).create(
            {
                "summary": "Tố cáo cán bộ xã",
                "date_received": date(2026, 3, 2),
                "petition_type": "denunciation",
                "content": content,
                "sender_ids": [Command.create(sender) for sender in senders],
                **vals,
            }
        )

    def test_tc13_the_letters_as_citizens_write_them_come_out_clean(self):
        """Numbers with spaces, dots and dashes, +84, names inverted, in part,
        in capitals, without diacritics or typed decomposed, e-mails written
        out, a neighbour marked by the officer: none of it survives, and the
        words the team needs (the person denounced, amounts, dates) do."""
        letters = sorted(CORPUS.glob("*.json"))
        self.assertGreaterEqual(len(letters), 10)
        for path in letters:
            with self.subTest(letter=path.stem):
                letter = json.loads(path.read_text())
                content = path.with_suffix(".html").read_text()
                terms = letter.get("redact_terms", [])
                senders = letter["senders"]
                # The letter names its senders: the checks find them there.
                self.assertTrue(_leaks(content, senders, terms))
                petition = self._denunciation(
                    content, senders, summary=letter.get("summary", "Tố cáo")
                )
                self._confirm_redacted(petition, "\n".join(terms))
                copy = f"{petition.redacted_summary}\n{petition.redacted_content}"
                self.assertEqual(_leaks(copy, senders, terms), [])
                self.assertIn("[đã lược bỏ]", copy)
                copy = unicodedata.normalize("NFC", copy)
                for words in letter["ordinary"]:
                    self.assertIn(unicodedata.normalize("NFC", words), copy)

    def test_tc13_images_links_and_comments_are_dropped(self):
        """A scan of the letter or a mailto link carry what the text hides."""
        petition = self._denunciation(
            '<p>Xin <a href="mailto:bm@example.com">trả lời</a> '
            '<img src="/web/image/1" alt="Trần Thị Bảo Mật"/>ạ.</p>',
            [{"name": self.DENOUNCER, "email": "bm@example.com"}],
        )
        self._confirm_redacted(petition)
        self.assertNotIn("bm@example.com", petition.redacted_content)
        self.assertNotIn("img", petition.redacted_content)
        self.assertIn("trả lời", petition.redacted_content)

    def test_tc13_the_officer_previews_then_confirms_the_copy(self):
        petition = self._denunciation(
            f"<p>Tôi là {self.DENOUNCER}, số điện thoại 0905 111 222. Hàng xóm "
            "tôi là ông Lê Văn Tám cũng thấy cán bộ B thu tiền.</p>",
            [{"name": self.DENOUNCER, "address": "Thôn 7", "phone": "0905111222"}],
        )
        with self.assertRaisesRegex(UserError, "previewed and confirmed"):
            petition.action_print_redacted()
        action = petition.action_preview_redacted()
        with Form(
            self.env[action["res_model"]]
            .with_user(self.officer)
            .with_context(**action["context"])
        ) as preview:
            self.assertNotIn(self.DENOUNCER, preview.content)
            self.assertNotIn("0905 111 222", preview.content)
            self.assertIn("Lê Văn Tám", preview.content)
            # The officer marks the neighbour: the preview drops him at once.
            preview.redact_terms = "Lê Văn Tám"
            self.assertNotIn("Tám", preview.content)
            self.assertIn("cán bộ B thu tiền", preview.content)
        self.assertFalse(petition.redacted_content)  # nothing kept before confirming
        preview.record.action_confirm()
        self.assertEqual(petition.redacted_by_id, self.officer)
        self.assertTrue(petition.date_redacted)
        self.assertEqual(petition.redact_terms, "Lê Văn Tám")
        self.assertEqual(petition.redacted_content, preview.record.content)
        action = petition.action_print_redacted()
        self.assertEqual(
            action["report_name"], "danvan_complaints.report_danvan_petition_redacted"
        )
        html = self._render(
            "danvan_complaints.action_report_danvan_petition_redacted", petition
        )
        self.assertIn("cán bộ B thu tiền", html)
        self.assertIn(self.officer.name, html)  # who confirmed it
        for secret in (self.DENOUNCER, "0905 111 222", "Lê Văn Tám"):
            self.assertNotIn(secret, html)
        # A change of the letter or of its senders asks for a new preview.
        petition.content = "<p>Tôi là Trần Thị Bảo Mật, thêm chứng cứ.</p>"
        self.assertFalse(petition.redacted_content or petition.redacted_by_id)
        with self.assertRaisesRegex(UserError, "previewed and confirmed"):
            petition.action_print_redacted()
        self._confirm_redacted(petition)
        petition.sender_ids.with_user(self.officer).write({"name": "Trần Bảo Mật"})
        self.assertFalse(petition.redacted_content)
        self._confirm_redacted(petition)
        petition.with_user(self.officer).write(
            {"sender_ids": [Command.create({"name": "Lê Văn Tám"})]}
        )
        self.assertFalse(petition.redacted_content)

    def test_tc13_each_source_of_the_copy_drops_it_once(self):
        """The letter, the persons marked and each sender's identity, changed
        on the petition or on the sender itself: the confirmed copy is
        dropped, once; a change of anything else keeps it."""
        petition = self._denunciation(
            "<p>Tôi là Lê Văn Hai.</p>", [{"name": "Lê Văn Hai"}]
        )
        Sender = self.env["danvan.petition.sender"].with_user(self.officer)

        def write_sender(vals):
            return lambda: petition.sender_ids[0].with_user(self.officer).write(vals)

        changes = {
            "summary": lambda: petition.write({"summary": "Tố cáo khác"}),
            "content": lambda: petition.write({"content": "<p>Thêm chứng cứ.</p>"}),
            "redact_terms": lambda: petition.write({"redact_terms": "Lê Văn Tám"}),
            "sender added": lambda: petition.write(
                {"sender_ids": [Command.create({"name": "Lê Thị Ba"})]}
            ),
            "sender changed on the petition": lambda: petition.write(
                {
                    "sender_ids": [
                        Command.update(petition.sender_ids[0].id, {"name": "Lê Hai"})
                    ]
                }
            ),
            "sender removed": lambda: petition.write(
                {"sender_ids": [Command.delete(petition.sender_ids[-1].id)]}
            ),
            "sender created": lambda: Sender.create(
                {"petition_id": petition.id, "name": "Lê Thị Ba"}
            ),
            "sender deleted": lambda: petition.sender_ids[-1]
            .with_user(self.officer)
            .unlink(),
            **{
                f"sender's {field}": write_sender({field: value})
                for field, value in (
                    ("name", "Lê Văn Hai"),
                    ("address", "Thôn 3"),
                    ("identity_number", "051190000777"),
                    ("phone", "0905111222"),
                    ("email", "hai@example.com"),
                )
            },
        }
        Petition = type(self.Petition)
        compute = Petition._compute_redacted_copy
        dropped = []

        def drop(petitions):
            # The copy as it stands before this computation drops it.
            dropped.extend(petitions.filtered("date_redacted").ids)
            return compute(petitions)

        for source, change in {**changes, "something else": None}.items():
            with (
                self.subTest(source=source),
                patch.object(Petition, "_compute_redacted_copy", drop),
            ):
                self._confirm_redacted(petition)
                dropped.clear()
                if change:
                    change()
                else:
                    petition.processing_extended = True
                self.env.flush_all()
                copy = petition.read(["redacted_content", "date_redacted"])[0]
                self.assertEqual(bool(copy["date_redacted"]), not change)
                self.assertEqual(bool(copy["redacted_content"]), not change)
                self.assertEqual(dropped, [petition.id] if change else [])

    def test_tc13_only_a_denunciation_is_copied_without_its_sender(self):
        """A petition that never was a denunciation has no such copy; one
        reclassified from a denunciation keeps it (its sender stays protected)."""
        petition = self._denunciation(
            "<p>Kiến nghị</p>", [{"name": "Lê An"}], petition_type="petition"
        )
        with self.assertRaisesRegex(UserError, "Only a denunciation"):
            petition.action_preview_redacted()
        reclassified = self._denunciation("<p>Tố cáo</p>", [{"name": "Lê Bình"}])
        reclassified.with_user(self.users["leader"]).petition_type = "petition"
        self.assertTrue(reclassified.was_denunciation)
        self.assertEqual(
            reclassified.action_preview_redacted()["res_model"],
            "danvan.redaction.preview",
        )

    def test_tc13_a_transfer_asks_for_the_preview_first(self):
        petition = self._denunciation(
            f"<p>Tôi là {self.DENOUNCER}, tố cáo cán bộ xã Bình Sơn.</p>",
            [{"name": self.DENOUNCER}],
            qualified="yes",
            within_competence=False,
            competent_body="UBND xã Bình Sơn",
            outcome="transfer",
        )
        petition.action_classify()
        with self.assertRaisesRegex(UserError, "previewed and confirmed"):
            petition.action_process()
        self.assertEqual(petition.state, "classified")
        self._confirm_redacted(petition)
        petition.action_process()
        self.assertEqual(petition.state, "processed")

    def test_tc13_the_other_persons_marked_are_as_confidential_as_the_letter(self):
        """The team member reads neither the names marked nor the letter; the
        chatter keeps none of them."""
        case = self._case("denunciation")
        case.team_member_ids = self.verifier
        petition = case.petition_id
        self._confirm_redacted(petition, "Lê Văn Tám")
        for field in ("redact_terms", "redacted_content", "content"):
            with self.assertRaises(AccessError):
                petition.with_user(self.verifier).read([field])
        messages = self.env["mail.message"].search(
            [("model", "=", "danvan.petition"), ("res_id", "=", petition.id)]
        )
        traces = [str(m.body) for m in messages] + [
            str((t.old_value_char, t.new_value_char))
            for t in messages.tracking_value_ids
        ]
        self.assertNotIn("Tám", " ".join(traces))


@tagged("post_install", "-at_install")
class TestRedactedCopyPrint(HttpCase, CaseCommon):
    """The team member prints his copy from the denunciation case, as the
    browser asks for it: the report of that case, confirmed by the handler
    (TC-13)."""

    def test_tc13_the_team_member_prints_his_copy_from_the_case(self):
        verifier = self._team_member("dvc_printer")
        case = self._case("denunciation")
        case.team_member_ids = verifier
        as_member = case.with_user(verifier)
        with self.assertRaisesRegex(UserError, "previewed and confirmed"):
            as_member.action_print_redacted()
        # The handler previews from the case and confirms.
        action = case.with_user(self.officer).action_preview_redacted()
        self.env[action["res_model"]].with_user(self.officer).with_context(
            **action["context"]
        ).create({}).action_confirm()
        action = as_member.action_print_redacted()
        self.authenticate("dvc_printer", "dvc_printer")
        response = self.url_open(f"/report/html/{action['report_name']}/{case.id}")
        self.assertEqual(response.status_code, 200)
        html = response.text
        # The case's own letter, not the petition that has the case's id.
        self.assertIn(case.petition_id.number, html)
        self.assertIn("cán bộ B thu tiền sai quy định", html)
        for secret in (self.DENOUNCER, "Thôn 7", "051190000123"):
            self.assertNotIn(secret, html)
