"""Bring i18n/vi.po of an addon in step with its freshly exported .pot.

New terms get an empty translation (make lint then lists them), terms the
code no longer has are dropped, existing translations are kept.
"""

import sys

import polib


def merge(pot_path, po_path):
    pot = polib.pofile(pot_path)
    try:
        old = {entry.msgid: entry for entry in polib.pofile(po_path)}
    except OSError:
        old = {}
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
