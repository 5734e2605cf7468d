"""scripts/summarize.py: the closing line of `make test` and its exit status."""

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "summarize.py"
MODULES = "danvan_plan,danvan_models"
PREFIX = "2026-11-26 16:00:00,000 1 INFO db "
CLEAN_LOG = "".join(
    PREFIX + line + "\n"
    for line in (
        "odoo.addons.danvan_plan.tests.test_a: Starting TestA.test_x ...",
        "odoo.tests.stats: danvan_models: 2 tests 0.1s 10 queries",
        "odoo.tests.stats: danvan_plan: 5 tests 0.1s 10 queries",
        "odoo.tests.result: 0 failed, 0 error(s) of 7 tests when loading database 'db'",
    )
)
JUNIT = (
    '<?xml version="1.0"?><testsuites>'
    '<testsuite name="pytest" tests="3" failures="{failures}" errors="0" skipped="0">'
    '<testcase classname="tests.test_a" name="test_one"/></testsuite></testsuites>'
)


def summarize(tmp_path, log=CLEAN_LOG, rc=0, failures=0):
    (tmp_path / "odoo.log").write_text(log, encoding="utf-8")
    (tmp_path / "pytest.xml").write_text(
        JUNIT.format(failures=failures), encoding="utf-8"
    )
    args = [sys.executable, str(SCRIPT), "--odoo-log", str(tmp_path / "odoo.log")]
    args += ["--odoo-rc", str(rc), "--junit", str(tmp_path / "pytest.xml")]
    args += ["--modules", MODULES]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    return done.returncode, done.stdout.strip().splitlines()[-1]


def test_clean_run_passes(tmp_path):
    """All Odoo and pytest tests counted on one closing line, exit 0."""
    assert summarize(tmp_path) == (0, "10 passed, 0 failed")


@pytest.mark.parametrize(
    "extra",
    [
        "2026-11-26 16:00:02,000 1 ERROR db odoo.sql_db: bad query\n",
        "Traceback (most recent call last):\n",
        "2026-11-26 16:00:02,000 1 ERROR db odoo.modules.loading: boom\n"
        "Traceback (most recent call last):\n  File x\nValueError: boom\n",
        "2026-11-26 16:00:02,000 1 CRITICAL db odoo.service.server: boom\n",
        "2026-11-26 16:00:02,000 1 INFO db odoo.addons.danvan_plan.tests.test_ui: "
        "skipped TestTour.test_tour : Chrome executable not found\n",
        "2026-11-26 16:00:02,000 1 WARNING db odoo.addons.danvan_plan.models.x: "
        "odd value\n",
        "2026-11-26 16:00:02,000 1 WARNING db odoo.models: unknown field\n",
    ],
    ids=[
        "error",
        "traceback",
        "error-with-traceback",
        "critical",
        "skipped-browser-test",
        "warning-ours",
        "warning-odoo",
    ],
)
def test_bad_log_lines_fail(tmp_path, extra):
    """An ERROR, CRITICAL, traceback, skip or WARNING (checklog-odoo) fails."""
    rc, closing = summarize(tmp_path, log=CLEAN_LOG + extra)
    assert rc == 1
    assert not closing.endswith(" 0 failed")


def test_known_harmless_warning_passes(tmp_path):
    """A warning that checklog-odoo.cfg lists as harmless does not fail."""
    extra = (
        "2026-11-26 16:00:02,000 1 WARNING db odoo.addons.base.models."
        "ir_actions_report: wkhtmltopdf: The switch --header-html, is not "
        "support using unpatched qt, and will be ignored.\n"
    )
    assert summarize(tmp_path, log=CLEAN_LOG + extra) == (0, "10 passed, 0 failed")


def test_failed_odoo_test_fails(tmp_path):
    """A failed Odoo test is counted and fails the run."""
    log = CLEAN_LOG.replace("0 failed, 0 error(s) of 7", "1 failed, 0 error(s) of 7")
    assert summarize(tmp_path, log=log, rc=1) == (1, "9 passed, 1 failed")


def test_failed_pytest_fails(tmp_path):
    """A failed project test is counted and fails the run."""
    assert summarize(tmp_path, failures=1) == (1, "9 passed, 1 failed")


def test_no_test_of_a_module_fails(tmp_path):
    """A module whose tests did not run fails the run."""
    log = CLEAN_LOG.replace("danvan_models: 2 tests", "other_module: 2 tests")
    rc, __ = summarize(tmp_path, log=log)
    assert rc == 1


def test_no_result_line_fails(tmp_path):
    """An Odoo run that printed no result line (a crash) fails the run."""
    log = "\n".join(CLEAN_LOG.splitlines()[:-1]) + "\n"
    rc, __ = summarize(tmp_path, log=log)
    assert rc == 1
