"""Bring i18n/vi.po of an addon in step with its freshly exported .pot.

New terms get an empty translation (make lint then lists them), terms the
code no longer has are dropped, existing translations are kept. The name and
summary of the addon in the Apps screen are base's records, which Odoo exports
with base: their entries, written by hand in vi.po, are kept, and put in the
.pot too.
"""

import re
import sys

import polib

MODULE_TERM_RE = re.compile(
    r"model:ir\.module\.module,(shortdesc|summary):base\.module_\w+"
)


def is_module_term(entry):
    """A translation of the addon's name or summary in the Apps screen."""
    return bool(entry.occurrences) and all(
        MODULE_TERM_RE.fullmatch(path) for path, __ in entry.occurrences
    )


def merge(pot_path, po_path):
    pot = polib.pofile(pot_path)
    try:
        old = {entry.msgid: entry for entry in polib.pofile(po_path)}
    except OSError:
        old = {}
    # Odoo reads a PO file through its POT and drops what the POT lacks.
    exported = {entry.msgid for entry in pot}
    kept = [e for e in old.values() if is_module_term(e) and e.msgid not in exported]
    for entry in kept:
        pot.append(
            polib.POEntry(
                msgid=entry.msgid, comment=entry.comment, occurrences=entry.occurrences
            )
        )
    if kept:
        pot.save(pot_path)
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(
        pot.metadata, Language="vi", **{"Plural-Forms": "nplurals=1; plural=0;"}
    )
    untranslated = 0
    for entry in pot:
        previous = old.get(entry.msgid)
        entry.msgstr = previous.msgstr if previous else ""
        untranslated += not entry.msgstr
        po.append(entry)
    po.save(po_path)
    return untranslated


if __name__ == "__main__":
    for pot_file, po_file in zip(sys.argv[1::2], sys.argv[2::2], strict=True):
        print(f"{po_file}: {merge(pot_file, po_file)} terms to translate")
