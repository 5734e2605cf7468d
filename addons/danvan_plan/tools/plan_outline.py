"""Read the outline of a plan as the Office writes it (VB-15).

Headings are "I.", "II." (sections), "1.", "2." (items) and "a)", "b)",
"đ)", "a.", "b." or, in other agencies' plans, "1.1.", "1.2." (sub-items).
The text is hard-wrapped, often with a blank line between lines, so a
paragraph runs until the next heading; a section title in capitals may wrap
over several lines. A marker only counts when it is the next one expected at
its level: "2025." at the start of a wrapped line is not item 2025. Bullets
("-", "+", "•") are part of their item's text, one per line.
"""

import re

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
# Vietnamese letters used to number sub-items (no f, j, w, z).
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
ROMAN_RE = re.compile(r"^(?P<mark>[IVX]+)\.\s+(?P<text>.*)$")
NUMBER_RE = re.compile(r"^(?P<mark>\d{1,2})\.\s+(?P<text>.*)$")
LETTER_RE = re.compile(r"^(?P<mark>[a-zđ])[).]\s+(?P<text>.*)$")
SUBNUMBER_RE = re.compile(r"^(?P<parent>\d{1,2})\.(?P<mark>\d{1,2})\.?\s+(?P<text>.*)$")
BULLET_RE = re.compile(r"^[-–+•]\s*")
END_RE = re.compile(r"^(Nơi nhận|Nơi nhận:)", re.IGNORECASE)
HEADING_MAX = 250


class OutlineNode:
    """One heading with its text and its children."""

    def __init__(self, level, mark, parent=None):
        self.level = level
        self.mark = mark
        self.parent = parent
        self.lines = []
        self.children = []

    @property
    def code(self):
        marks = []
        node = self
        while node and node.level:
            marks.append(node.mark)
            node = node.parent
        return ".".join(reversed(marks))

    @property
    def text(self):
        """The lines joined into paragraphs; each bullet opens a new line."""
        paragraphs = []
        for line in self.lines:
            if not paragraphs or BULLET_RE.match(line):
                paragraphs.append(line)
            else:
                paragraphs[-1] += " " + line
        return "\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)

    @property
    def heading(self):
        """The title of a section, with the lines in capitals it wraps onto,
        else the first sentence of the text, cut to a length a title can hold."""
        if self.level == 1:
            title = [self.lines[0]]
            for line in self.lines[1:]:
                if BULLET_RE.match(line) or not _is_upper(line):
                    break
                title.append(line)
            return " ".join(" ".join(title).split())
        text = " ".join(self.text.split())
        match = re.search(r"[.;:](\s|$)", text)
        first = text[: match.start() + 1] if match else text
        return first if len(first) <= HEADING_MAX else first[: HEADING_MAX - 1] + "…"

    def walk(self):
        for child in self.children:
            yield child
            yield from child.walk()


def _next_mark(level, siblings, numbered=False):
    """The marker expected after ``siblings``; sub-items are lettered or, when
    ``numbered``, numbered "1.1.", "1.2.", but one style in one item."""
    count = len(siblings)
    if level == 1:
        return ROMAN[count] if count < len(ROMAN) else None
    if level == 2 or numbered:
        if siblings and not siblings[0].mark.isdigit():
            return None
        return str(count + 1)
    if siblings and siblings[0].mark.isdigit():
        return None
    return LETTERS[count] if count < len(LETTERS) else None


def parse_outline(text):
    """Return (preamble, root) where root.children are the sections."""
    root = OutlineNode(0, "")
    preamble = []
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if END_RE.match(line) and root.children:
            break
        node = _match_heading(line, root, current)
        if node:
            current = node
        elif current is None:
            preamble.append(line)
        else:
            current.lines.append(line)
    return " ".join(" ".join(preamble).split()), root


def _match_heading(line, root, current):
    """The new node when ``line`` opens the next expected heading, else None."""
    candidates = []
    section = root.children[-1] if root.children else None
    candidates.append((ROMAN_RE, 1, root))
    if section:
        candidates.append((NUMBER_RE, 2, section))
        if section.children:
            candidates.append((LETTER_RE, 3, section.children[-1]))
            candidates.append((SUBNUMBER_RE, 3, section.children[-1]))
    for pattern, level, parent in candidates:
        match = pattern.match(line)
        numbered = pattern is SUBNUMBER_RE
        if match and match.group("mark") == _next_mark(
            level, parent.children, numbered
        ):
            if level == 1 and not _is_upper(match.group("text")):
                continue
            if numbered and match.group("parent") != parent.mark:
                continue
            node = OutlineNode(level, match.group("mark"), parent)
            node.lines.append(match.group("text"))
            parent.children.append(node)
            return node
    return None


def _is_upper(text):
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)
