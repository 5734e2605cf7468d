"""Remove a person's identity from a letter as citizens write it (TC-13 (2)).

Pure Python on lxml and ``unicodedata``, without Odoo, so that it can be
tested on its own. The rules, each chosen so that the copy still reads:

- **Names** are compared word by word, in any case; a word written without
  diacritics matches the name's word with or without them ("NGUYEN VAN AN",
  "nguyễn văn an"), a word written with diacritics must carry the same ones
  ("vẫn" is not "Văn"). Removed are: every run of two or more words of the
  name, in any order, that contains its given name (its last word): "Nguyễn
  Văn An", "An Nguyễn", "Văn An"; and the given name alone after a title
  ("ông An", "chị An", "đồng chí An", "Mr An", "tôi là An", "tên An"), the
  title staying. A run without the given name ("Nguyễn Văn", the start of
  half the names in the country, and maybe of the person denounced) and the
  given name alone elsewhere ("công an", "Việt Nam") stay.
- **Addresses**: the whole stored address, and its first part (up to the
  first comma: the house or hamlet, the part that points at the person),
  word by word as names are, whatever the punctuation between words.
- **Numbers**: any run of digits, with single spaces, dots or dashes inside
  and an optional +84 prefix, holding 9 digits or more (identity card 9 or
  12, phone 10, +84 and 9, a landline 11, a bank account) unless it is an
  amount ("150.000.000 đồng"); and the digits of any stored number, however
  written.
- **E-mails**: ``name@domain.vn`` and the written-out forms ``name [at]
  domain [dot] vn``, ``name (at) domain.vn``.
- **Other terms** the officer marks, one per line (a neighbour, a witness):
  each line removed as a whole wherever it stands, and also as a name when
  it is one (two to five words of letters), as a number when it holds six
  digits or more.

The HTML is rewritten through its text nodes, once inline tags (span, b,
i, a...) are stripped so that a value split by them is seen whole; a value
split across paragraphs is not. Images, embedded objects, comments and
every attribute but the layout ones are dropped, since a link or an image
(a scan of the letter) carries identity the text does not show.
"""

import re
import unicodedata
from itertools import pairwise

import lxml.etree
import lxml.html

# Words before a given name that show it is one (ông An, đồng chí An).
TITLES = {
    (title,)
    for title in (
        "ông bà anh chị em cô chú bác cháu cậu dì thím mợ tên mr mrs ms miss"
    ).split()
} | {("đồng", "chí"), ("tôi", "là"), ("tên", "là")}
INLINE_TAGS = (
    "span",
    "font",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "small",
    "sub",
    "sup",
    "mark",
    "a",
)
DROPPED_TAGS = ("img", "picture", "svg", "object", "embed", "iframe", "video")
KEPT_ATTRIBUTES = {"class", "colspan", "rowspan"}
WORD = re.compile(r"\w+")
NAME_GAP = re.compile(r"\s{1,3}")
ADDRESS_GAP = re.compile(r"[\s,.;:/\-]{1,4}")
NUMBER = re.compile(
    r"(?<![\w+])(?:\(?\+\s?84\)?[ .\-]?|\(0\d{1,3}\)\s?)?\d+(?:[ .\-]\d+)*"
)
# An amount of money: groups of three after a first digit that is not 0
# (a phone number and an identity card number start with 0), then its unit.
AMOUNT = re.compile(r"[1-9]\d{0,2}([., ])\d{3}(?:\1\d{3})*")
CURRENCY = re.compile(r"\s*(?:đồng|đ\b|vnđ|vnd|triệu|tỷ|nghìn|ngàn)", re.IGNORECASE)
AT = r"(?:\s*@\s*|\s*[\[({]\s*at\s*[\])}]\s*|\s+at\s+)"
DOT = r"(?:\.|\s*[\[({]\s*(?:dot|chấm)\s*[\])}]\s*|\s+(?:dot|chấm)\s+)"
EMAIL = re.compile(rf"[\w.+\-]+{AT}[\w\-]+(?:{DOT}[\w\-]+)+", re.IGNORECASE)
MIN_DIGITS = 9
MIN_STORED_DIGITS = 6


def fold(text):
    """``text`` in lower case, without diacritics, with đ as d."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text):
    return [word.lower() for word in WORD.findall(unicodedata.normalize("NFC", text))]


def _same_word(written, wanted):
    """``written`` (lower case) is ``wanted``, with its diacritics or none."""
    return written == wanted or (written == fold(written) and written == fold(wanted))


def _digits(text):
    return re.sub(r"\D", "", text or "")


class Redactor:
    """Removes, from text or HTML, the identity given to it; ``marker``
    replaces each piece removed."""

    def __init__(self, marker, names=(), addresses=(), numbers=(), emails=(), terms=()):
        self.marker = marker
        self.names = []
        self.phrases = []
        self.numbers = {
            _digits(n) for n in numbers if len(_digits(n)) >= MIN_STORED_DIGITS
        }
        self.emails = {e.strip().lower() for e in emails if e and e.strip()}
        for name in names:
            self._add_name(name)
        for address in addresses:
            words = _words(address or "")
            if words:
                self.phrases.append(words)
                first = _words(address.split(",")[0])
                if len(first) >= 2 and first != words:
                    self.phrases.append(first)
        for term in terms:
            words = _words(term or "")
            if not words:
                continue
            self.phrases.append(words)
            if len(_digits(term)) >= MIN_STORED_DIGITS:
                self.numbers.add(_digits(term))
            elif 2 <= len(words) <= 5 and all(w.isalpha() for w in words):
                self._add_name(term)

    def _add_name(self, name):
        words = _words(name or "")
        if words:
            self.names.append(words)

    # Spans of the text to remove

    @staticmethod
    def _spaced(text, first, second):
        """Tokens ``first`` and ``second`` are separated by spaces only."""
        return bool(NAME_GAP.fullmatch(text[first[2] : second[1]]))

    def _name_spans(self, text, tokens):
        spans = []
        for name in self.names:
            given = name[-1]
            run = []
            for position, token in enumerate(tokens + [("", len(text), len(text))]):
                in_name = any(_same_word(token[0], word) for word in name)
                if in_name and run and self._spaced(text, run[-1], token):
                    run.append(token)
                    continue
                if len(run) >= 2 and any(_same_word(t[0], given) for t in run):
                    spans.append((run[0][1], run[-1][2]))
                run = [token] if in_name else []
                if _same_word(token[0], given) and self._after_title(
                    text, tokens, position
                ):
                    spans.append((token[1], token[2]))
        return spans

    def _after_title(self, text, tokens, position):
        """The word at ``position`` follows a title, spaces between."""
        for title in TITLES:
            first = position - len(title)
            if first < 0:
                continue
            words = [token[0] for token in tokens[first:position]]
            if all(map(_same_word, words, title)) and all(
                self._spaced(text, a, b)
                for a, b in pairwise(tokens[first : position + 1])
            ):
                return True
        return False

    def _phrase_spans(self, text, tokens):
        spans = []
        for phrase in self.phrases:
            size = len(phrase)
            for index in range(len(tokens) - size + 1):
                run = tokens[index : index + size]
                if all(map(_same_word, (t[0] for t in run), phrase)) and all(
                    ADDRESS_GAP.fullmatch(text[a[2] : b[1]]) for a, b in pairwise(run)
                ):
                    spans.append((run[0][1], run[-1][2]))
        return spans

    def _number_spans(self, text):
        spans = []
        for match in NUMBER.finditer(text):
            digits = _digits(match.group())
            if digits in self.numbers or (
                len(digits) >= MIN_DIGITS
                and not (
                    AMOUNT.fullmatch(match.group())
                    and CURRENCY.match(text, match.end())
                )
            ):
                spans.append(match.span())
        return spans

    def _email_spans(self, text):
        spans = [match.span() for match in EMAIL.finditer(text)]
        for email in self.emails:
            pattern = re.compile(re.escape(email), re.IGNORECASE)
            spans += [match.span() for match in pattern.finditer(text)]
        return spans

    def redact_text(self, text):
        """``text`` with each piece of identity replaced by the marker."""
        if not text or not text.strip():
            return text
        text = unicodedata.normalize("NFC", text)
        tokens = [
            (match.group().lower(), match.start(), match.end())
            for match in WORD.finditer(text)
        ]
        spans = sorted(
            self._name_spans(text, tokens)
            + self._phrase_spans(text, tokens)
            + self._number_spans(text)
            + self._email_spans(text)
        )
        merged = []
        for start, stop in spans:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], stop)
            else:
                merged.append([start, stop])
        for start, stop in reversed(merged):
            text = text[:start] + self.marker + text[stop:]
        return text

    def redact_html(self, html):
        """``html`` with its text redacted, its images, objects, comments and
        attributes (links, sources, titles) dropped."""
        if not html or not str(html).strip():
            return ""
        root = lxml.html.fragment_fromstring(str(html), create_parent="div")
        for element in list(root.iter()):
            if not isinstance(element.tag, str) or element.tag in DROPPED_TAGS:
                element.drop_tree()
        # Text split by inline tags ("<span>0912</span> 345 678", as letters
        # pasted from a word processor are) is joined before it is read; the
        # copy loses that formatting, not a piece of identity.
        lxml.etree.strip_tags(root, *INLINE_TAGS)
        for element in root.iter():
            for attribute in set(element.attrib) - KEPT_ATTRIBUTES:
                del element.attrib[attribute]
            element.text = self.redact_text(element.text)
            element.tail = self.redact_text(element.tail)
        return lxml.html.tostring(root, encoding="unicode")
