"""Static checks of the addons: the pre-commit hooks (style, OCA's checks),
and what no hook checks: complete Vietnamese translations in step with the
code, their placeholders (oca-checks-po only compares those of entries flagged
python-format, which Odoo 18 no longer writes), no rule ids shown to users.

`make lint` runs them all but the one marked ``needs_db``.
"""

import ast
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ADDONS = (
    "danvan_base",
    "danvan_plan",
    "danvan_models",
    "danvan_complaints",
    "danvan_democracy",
    "danvan_democracy_plan",
)
MAX_OUTPUT = 20000
# Ids of the rules of the domain notes (KN-7, TCD-5...): for code comments and
# tests, never for the user, who reads the law in words.
RULE_ID_RE = re.compile(r"\b(?:BC|CAL|DC|DVK|KN|TC|TCD|VB|XLD)-\d+\b")
# printf-style placeholders of Odoo's _(): %s, %d, %r, %(name)s... ("%%" is no
# placeholder).
PLACEHOLDER_RE = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
# The addon's name and summary in the Apps screen: entries written by hand.
MERGE_PO = Path(__file__).resolve().parent.parent / "scripts" / "merge_po.py"
is_module_term = runpy.run_path(str(MERGE_PO))["is_module_term"]


def run_tool(root, args, env=None):
    """Run ``python -m <args>`` with the interpreter of the tests, in ``root``."""
    proc = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    output = (proc.stdout + proc.stderr).strip()
    if len(output) > MAX_OUTPUT:
        output = output[:MAX_OUTPUT] + "\n[... output cut ...]"
    command = " ".join(args)
    return proc.returncode, f"$ {command}\n(exit status {proc.returncode})\n{output}"


def po_path(root, addon):
    return root / "addons" / addon / "i18n" / "vi.po"


def load_po(root, addon):
    """The parsed i18n/vi.po of ``addon``; fails the test when it can't be."""
    path = po_path(root, addon)
    if not path.is_file():
        pytest.fail(f"{path.relative_to(root)} is missing", pytrace=False)
    try:
        return polib.pofile(str(path), check_for_duplicates=True)
    except (OSError, ValueError) as exc:
        error = str(exc)
    pytest.fail(f"{path.relative_to(root)} does not parse: {error}", pytrace=False)


def fail_if(problems, header):
    """Fail with ``header`` and one line a problem, without a traceback."""
    if problems:
        pytest.fail("\n".join([header, *problems]), pytrace=False)


def is_code_term(entry):
    """A term of Python or JavaScript code (formatted with its arguments)."""
    return (
        "python-format" in entry.flags
        or "odoo-python" in entry.comment
        or "odoo-javascript" in entry.comment
        or any(path.startswith("code:") for path, __ in entry.occurrences)
    )


def where(entry):
    """Where a term comes from, as the "#:" lines of a PO file say."""
    places = [f"{path}:{line}" if line else path for path, line in entry.occurrences]
    return ", ".join(places[:3]) or "no occurrence"


def describe(entry):
    where = f"line {entry.linenum}" if entry.linenum else "?"
    return f"  {where}: msgid {entry.msgid!r}"


def test_pre_commit(root, pre_commit_home):
    """The hooks of .pre-commit-config.yaml pass on every file of the repo:
    OCA's 18.0 set (ruff, pylint-odoo's mandatory checks, oca-checks-odoo-module,
    oca-checks-po, well-formed XML and YAML, whitespace...)."""
    env = dict(os.environ, PRE_COMMIT_HOME=pre_commit_home)
    rc, output = run_tool(
        root,
        ["pre_commit", "run", "--all-files", "--color=never", "--show-diff-on-failure"],
        env=env,
    )
    fail_if([output] if rc else [], "Problems found:")


@pytest.mark.parametrize("addon", ADDONS)
def test_po_complete(addon, root):
    """The addon's i18n/vi.po parses and translates every term, none fuzzy."""
    po = load_po(root, addon)
    entries = [entry for entry in po if not entry.obsolete and entry.msgid]
    assert entries, f"{addon}/i18n/vi.po has no entry"
    empty = [
        entry
        for entry in entries
        if not (entry.msgstr or any(entry.msgstr_plural.values()))
    ]
    fuzzy = [entry for entry in entries if "fuzzy" in entry.flags]
    problems = []
    if empty:
        problems.append(f"{len(empty)} untranslated entries (empty msgstr):")
        problems += map(describe, empty)
    if fuzzy:
        problems.append(f"{len(fuzzy)} fuzzy entries:")
        problems += map(describe, fuzzy)
    fail_if(problems, f"{addon}/i18n/vi.po:")


@pytest.mark.parametrize("addon", ADDONS)
def test_po_placeholders(addon, root):
    """The translations of code terms keep the placeholders of their msgid."""
    po = load_po(root, addon)
    wrong = []
    for entry in po:
        if entry.obsolete or not entry.msgstr or not is_code_term(entry):
            continue
        expected = sorted(PLACEHOLDER_RE.findall(entry.msgid))
        found = sorted(PLACEHOLDER_RE.findall(entry.msgstr))
        if expected != found:
            wrong.append(f"{describe(entry)}: expects {expected}, msgstr has {found}")
    fail_if(
        wrong,
        f"{addon}/i18n/vi.po: placeholders differ from the msgid (Odoo then "
        "logs an error and shows the English text):",
    )


@pytest.mark.parametrize("addon", ADDONS)
def test_po_no_rule_ids(addon, root):
    """No term a user reads cites an internal rule id instead of the law."""
    po = load_po(root, addon)
    cited = [
        describe(entry)
        for entry in po
        if not entry.obsolete and RULE_ID_RE.search(f"{entry.msgid} {entry.msgstr}")
    ]
    fail_if(
        cited,
        f"{addon}/i18n/vi.po: internal rule ids shown to users (cite the law in "
        "words, keep the ids in comments and tests):",
    )


@pytest.mark.parametrize("addon", ADDONS)
def test_po_translates_the_manifest(addon, root):
    """The Apps screen of a Vietnamese user shows the addon's name and summary
    in Vietnamese: vi.po translates base's record of the module."""
    manifest = ast.literal_eval(
        (root / "addons" / addon / "__manifest__.py").read_text(encoding="utf-8")
    )
    expected = {
        f"model:ir.module.module,{field}:base.module_{addon}": manifest[key]
        for field, key in (("shortdesc", "name"), ("summary", "summary"))
    }
    found = {
        path: entry.msgid
        for entry in load_po(root, addon)
        if entry.msgstr and is_module_term(entry)
        for path, __ in entry.occurrences
    }
    assert found == expected, (
        f"{addon}/i18n/vi.po must translate the manifest's name and summary, "
        f"with these references and msgids: {expected}"
    )


@pytest.mark.needs_db
@pytest.mark.parametrize("addon", ADDONS)
def test_po_in_sync(addon, root, out_dir, odoo, pg, test_db):
    """vi.po holds exactly the terms that Odoo exports for the addon."""
    po = load_po(root, addon)
    states = pg.module_states(test_db, [addon])
    assert states[addon] == "installed", (
        f"{addon} is {states[addon]!r} in the database {test_db}, not installed"
    )
    pot = out_dir / f"{addon}.pot"
    pot.unlink(missing_ok=True)
    run = odoo.run(
        [
            "-d",
            test_db,
            f"--i18n-export={pot}",
            f"--modules={addon}",
            "--stop-after-init",
        ],
        f"export_{addon}.log",
        own_data_dir=False,
        scrub=[test_db],
    )
    assert run.rc == 0 and pot.is_file(), run.report(
        f"Exporting the terms of {addon} from {test_db} failed"
    )
    exported = {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(pot))}
    exported.pop((None, ""), None)
    assert exported, f"Odoo exported no term for {addon} ({pot})"
    translated = {
        (entry.msgctxt, entry.msgid): entry
        for entry in po
        if not entry.obsolete and not is_module_term(entry)
    }
    translated.pop((None, ""), None)
    missing = sorted(set(exported) - set(translated), key=lambda k: k[1])
    extra = sorted(set(translated) - set(exported), key=lambda k: k[1])
    problems = []
    if missing:
        problems.append(f"{len(missing)} exported terms missing from vi.po:")
        problems += [f"  {key[1]!r} ({where(exported[key])})" for key in missing]
    if extra:
        problems.append(f"{len(extra)} terms of vi.po that Odoo no longer exports:")
        problems += [describe(translated[key]) for key in extra]
    fail_if(
        problems,
        f"{addon}/i18n/vi.po is out of step with the terms Odoo exports from "
        f"{test_db} ({pot}):",
    )
