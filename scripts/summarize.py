"""Closing line of ``make test``: count Odoo and pytest results, fail loudly.

Exit status is 1 when a test failed, errored or was skipped, when
checklog-odoo finds a WARNING, an ERROR or a CRITICAL in Odoo's log (less the
known harmless records of checklog-odoo.cfg), when a traceback was printed,
when Odoo exited non-zero, or when no test ran at all.
"""

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RESULT_RE = re.compile(
    r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests when loading"
)
STATS_RE = re.compile(r"odoo\.tests\.stats: (\w+): (\d+) tests")
SKIP_RE = re.compile(r" odoo\.addons\.(\w+)\.\S+: skipped ")
CHECKLOG_CFG = Path(__file__).resolve().parent.parent / "checklog-odoo.cfg"
RECORD_RE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) ")
TRACEBACK_RE = re.compile(r"^Traceback ")


def checklog(log_path):
    """The first line of each log record that fails checklog-odoo."""
    done = subprocess.run(
        [sys.executable, "-m", "checklog_odoo", "--no-echo", "--no-err-if-empty"]
        + ["--config", str(CHECKLOG_CFG), str(log_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if not done.returncode:
        return []
    # Its report lists the ignored records first, then those that fail.
    report = done.stdout.split("errors that caused failure", 1)[-1]
    found = [line for line in report.splitlines() if RECORD_RE.match(line)]
    return found or [f"checklog-odoo: {(done.stdout + done.stderr).strip()}"]


def stray_tracebacks(lines):
    """Tracebacks printed outside the logging (by a thread, on stderr):
    checklog-odoo judges records by their level, and these join the INFO
    record before them."""
    level, found = "INFO", []
    for line in lines:
        record = RECORD_RE.match(line)
        if record:
            level = record.group(1)
        elif TRACEBACK_RE.match(line) and level in ("INFO", "DEBUG"):
            found.append(line)
    return found


def odoo_counts(log_path, rc, modules):
    """Return (passed, failed, problems) read from an Odoo test run log."""
    problems = []
    with open(log_path, encoding="utf-8", errors="replace") as log:
        lines = log.read().splitlines()
    result = [m for m in map(RESULT_RE.search, lines) if m]
    if not result:
        problems.append("Odoo printed no test result line (did it crash?)")
        failed = errored = total = 0
    else:
        failed, errored, total = (int(x) for x in result[-1].groups())
    ran = {m.group(1): int(m.group(2)) for m in map(STATS_RE.search, lines) if m}
    for module in modules:
        if not ran.get(module):
            problems.append(f"no Odoo test of {module} ran")
    skipped = [line for line in lines if SKIP_RE.search(line)]
    problems += [f"skipped: {line}" for line in skipped]
    problems += [f"logged: {line}" for line in checklog(log_path)]
    problems += [f"printed: {line}" for line in stray_tracebacks(lines)]
    if rc:
        problems.append(f"Odoo exited with status {rc}")
    passed = total - failed - errored - len(skipped)
    return max(passed, 0), failed + errored + len(skipped), problems


def junit_counts(path):
    """Return (passed, failed, problems) of a pytest JUnit XML report."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        return 0, 1, [f"pytest left no readable report: {exc}"]
    suites = [root] if root.tag == "testsuite" else list(root)
    tests = failures = errors = skipped = 0
    problems = []
    for suite in suites:
        tests += int(suite.get("tests", 0))
        failures += int(suite.get("failures", 0))
        errors += int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
        for case in suite.iter("testcase"):
            for kind in ("failure", "error", "skipped"):
                if case.find(kind) is not None:
                    problems.append(
                        f"pytest {kind}: {case.get('classname')}.{case.get('name')}"
                    )
    bad = failures + errors + skipped
    return tests - bad, bad, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--odoo-log")
    parser.add_argument("--odoo-rc", type=int, default=0)
    parser.add_argument("--junit", required=True)
    parser.add_argument("--modules", default="")
    args = parser.parse_args()

    passed, failed, problems = junit_counts(args.junit)
    if args.odoo_log:
        modules = [m for m in args.modules.split(",") if m]
        o_passed, o_failed, o_problems = odoo_counts(
            args.odoo_log, args.odoo_rc, modules
        )
        print(f"Odoo tests: {o_passed} passed, {o_failed} failed")
        print(f"Project tests: {passed} passed, {failed} failed")
        passed, failed, problems = (
            passed + o_passed,
            failed + o_failed,
            o_problems + problems,
        )
    for problem in problems:
        print(f"  !! {problem}")
    if problems and not failed:
        failed = len(problems)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
