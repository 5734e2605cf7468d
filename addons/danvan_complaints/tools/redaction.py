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

A value split over two lines or paragraphs (a line break, a ``<br>``, two
``<p>``) is seen whole, without gluing the end of one line to the start of
the next: a name broken across lines goes when the run holds the whole name
or three of its words ("Nguyễn Văn / An", not "công văn / An ninh"), a
title and its given name stay on one line, a number is joined across lines
when it is a stored one or has the shape of a phone or identity number (not
a date, not years in a table), a stored e-mail wherever it is broken, a
written one around its "@".

The HTML is rewritten through its text nodes, once inline tags (span, b,
i, a...) are stripped so that a value split by them is seen whole; the text
of the remaining blocks is read as one text, a paragraph break between two
nodes. Images, embedded objects, comments and every attribute but the layout
ones are dropped, since a link or an image (a scan of the letter) carries
identity the text does not show.
"""

import re
import unicodedata
from bisect import bisect_right
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
# Between two HTML blocks, in the text the rules read.
PARAGRAPH = "\u2029"
# A line or paragraph break with the spaces around it: read as one "\n".
BREAK = rf"[^\S\n{PARAGRAPH}]*[\n{PARAGRAPH}]\s*"
LINE_BREAK = re.compile(BREAK)
NAME_GAP = re.compile(r"\s{1,3}")
LINE_GAP = re.compile(r"[^\S\n]{1,3}")
ADDRESS_GAP = re.compile(r"[\s,.;:/\-]{1,4}")
# A name broken across lines: three of its words at least, or all of them.
MIN_BROKEN_NAME = 3
NUMBER = re.compile(
    r"(?<![\w+])(?:\(?\+\s?84\)?[ .\-]?|\(0\d{1,3}\)\s?)?"
    rf"\d+(?:(?:[ .\-]?{BREAK}|[ .\-])\d+)*"
)
NUMBER_BREAK = re.compile(rf"[ .\-]?{BREAK}")
DATE = re.compile(r"\d{1,2}([.\-])\d{1,2}\1\d{2,4}")
# How many digits a phone or identity number has (+84 read as 0).
IDENTITY_DIGITS = range(9, 13)
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


def _gap(text, first, second):
    """What separates tokens ``first`` and ``second``, a line break and the
    spaces around it written as one "\\n"."""
    return LINE_BREAK.sub("\n", text[first[2] : second[1]])


def _slots(root):
    """The text nodes of ``root`` in the order they are read: each element's
    text, then its children's, then its tail."""
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            yield element, "text"
        elif element is not root:
            yield element, "tail"


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

    def _name_spans(self, text, tokens):
        spans = []
        for name in self.names:
            run = []
            for position, token in enumerate(tokens + [("", len(text), len(text))]):
                in_name = any(_same_word(token[0], word) for word in name)
                if in_name and run and NAME_GAP.fullmatch(_gap(text, run[-1], token)):
                    run.append(token)
                    continue
                spans += self._run_spans(text, run, name)
                run = [token] if in_name else []
                if _same_word(token[0], name[-1]) and self._after_title(
                    text, tokens, position
                ):
                    spans.append((token[1], token[2]))
        return spans

    @staticmethod
    def _run_spans(text, run, name):
        """The run of words of ``name`` to remove: two of its words or more
        with its given name, on one line; across lines, only when it holds
        the whole name or three of its words (else each line on its own)."""

        def is_name(words):
            return len(words) >= 2 and any(_same_word(t[0], name[-1]) for t in words)

        lines = [run[:1]] if run else []
        for previous, token in pairwise(run):
            if "\n" in _gap(text, previous, token):
                lines.append([])
            lines[-1].append(token)
        whole = all(any(_same_word(t[0], word) for t in run) for word in name)
        if len(lines) > 1 and not (whole or len(run) >= MIN_BROKEN_NAME):
            return [(line[0][1], line[-1][2]) for line in lines if is_name(line)]
        return [(run[0][1], run[-1][2])] if is_name(run) else []

    def _after_title(self, text, tokens, position):
        """The word at ``position`` follows a title, spaces between, on the
        same line ("anh" ending a line and "An ninh" starting the next are
        not a title and a name)."""
        for title in TITLES:
            first = position - len(title)
            if first < 0:
                continue
            words = [token[0] for token in tokens[first:position]]
            if all(map(_same_word, words, title)) and all(
                LINE_GAP.fullmatch(_gap(text, a, b))
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
                    ADDRESS_GAP.fullmatch(_gap(text, a, b)) for a, b in pairwise(run)
                ):
                    spans.append((run[0][1], run[-1][2]))
        return spans

    def _number_spans(self, text):
        spans = []
        for match in NUMBER.finditer(text):
            if self._is_broken_number(match):
                spans.append(match.span())
                continue
            # Each line on its own: the end of one is not the start of the next.
            start = match.start()
            for end, next_start in [
                *(b.span() for b in NUMBER_BREAK.finditer(text, start, match.end())),
                (match.end(), None),
            ]:
                if self._is_number(text, start, end):
                    spans.append((start, end))
                start = next_start
        return spans

    def _is_number(self, text, start, end):
        """``text[start:end]``, on one line, is a stored number, or 9 digits
        or more that are not an amount of money."""
        digits = _digits(text[start:end])
        return digits in self.numbers or (
            len(digits) >= MIN_DIGITS
            and not (AMOUNT.fullmatch(text, start, end) and CURRENCY.match(text, end))
        )

    def _is_broken_number(self, match):
        """``match`` goes over a line break and is one number: a stored one,
        or one with as many digits as a phone or identity number (+84 read
        as 0) whose first lines are neither a date nor a whole number."""
        lines = NUMBER_BREAK.split(match.group())
        if len(lines) < 2:
            return False
        digits = _digits(match.group())
        if digits in self.numbers:
            return True
        if match.group().lstrip("(").startswith("+"):
            digits = "0" + digits[2:]
        return (
            digits.startswith("0")
            and len(digits) in IDENTITY_DIGITS
            and not DATE.fullmatch(lines[0])
            and all(len(_digits(line)) < MIN_DIGITS for line in lines[:-1])
        )

    def _email_spans(self, text):
        """Written e-mails, a line break around their "@"; the stored ones
        however broken across lines."""
        spans = [match.span() for match in EMAIL.finditer(text)]
        for email in self.emails:
            pattern = re.compile(
                f"(?:{BREAK})?".join(map(re.escape, email)), re.IGNORECASE
            )
            spans += [match.span() for match in pattern.finditer(text)]
        return spans

    def _spans(self, text):
        """The pieces of ``text`` (NFC) to remove, merged, in order."""
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
        return merged

    def _rewrite(self, text, spans, start=0, stop=None):
        """``text[start:stop]`` with the ``spans`` of ``text`` (in order) that
        fall in it removed; a span that begins there is replaced by the
        marker."""
        stop = len(text) if stop is None else stop
        pieces, position = [], start
        for first, last in spans:
            if first >= stop:
                break
            if last <= start:
                continue
            pieces.append(text[position : max(first, start)])
            if first >= start:
                pieces.append(self.marker)
            position = min(last, stop)
        pieces.append(text[position:stop])
        return "".join(pieces)

    def redact_text(self, text):
        """``text`` with each piece of identity replaced by the marker."""
        if not text or not text.strip():
            return text
        text = unicodedata.normalize("NFC", text)
        return self._rewrite(text, self._spans(text))

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
        # The blocks left are read as one text, a paragraph break between two
        # of their nodes, so that a value split across them is seen whole.
        slots = list(_slots(root))
        texts = [
            unicodedata.normalize("NFC", getattr(element, kind) or "")
            for element, kind in slots
        ]
        text = PARAGRAPH.join(texts)
        spans = self._spans(text)
        ends = [last for _first, last in spans]
        start = 0
        for (element, kind), node_text in zip(slots, texts, strict=True):
            stop = start + len(node_text)
            if node_text:
                later = spans[bisect_right(ends, start) :]
                setattr(element, kind, self._rewrite(text, later, start, stop))
            start = stop + len(PARAGRAPH)
        return lxml.html.tostring(root, encoding="unicode")
