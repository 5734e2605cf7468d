import json
import re
import unicodedata
from datetime import date
from pathlib import Path

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import BaseCase, Form, HttpCase, new_test_user, tagged

from odoo.addons.danvan_complaints.tools.redaction import Redactor

from .common import CaseCommon

CORPUS = Path(__file__).parent / "data" / "redaction_corpus"
# Words after which a given name alone points at the person, written as the
# checks below see the text: lower case, without diacritics.
TITLES = (
    "ong ba anh chi em co chu bac chau cau mr mrs ms dong chi ten toi la"
).split() + ["dong chi", "toi la", "ten la"]


def _flat(text):
    """``text`` as the checks read it: lower case, without diacritics, đ as
    d, and each number with its spaces, dots, dashes and brackets removed."""
    text = unicodedata.normalize("NFD", (text or "").lower().replace("đ", "d"))
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
        if email and _flat(email.split("@")[0]) in flat:
            leaks.append(email)
    for term in terms:
        digits = re.sub(r"\D", "", term).lstrip("0")
        if (digits and digits in flat) or (not digits and _phrase(term) in words):
            leaks.append(term)
    return leaks


@tagged("post_install", "-at_install")
class TestRedactor(BaseCase):
    """The rules of ``tools/redaction.py`` on their own (TC-13 (2))."""

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


@tagged("post_install", "-at_install")
class TestRedaction(CaseCommon):
    """The copy of a denunciation without its denouncer (TC-13 (2)): what it
    removes, the officer's preview and confirmation, and who may read it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Petition = cls.env["danvan.petition"]
        cls.verifier = new_test_user(
            cls.env, login="dvc_team_member", groups="danvan_base.group_danvan_staff"
        )

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
        verifier = new_test_user(
            self.env, login="dvc_printer", groups="danvan_base.group_danvan_staff"
        )
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
