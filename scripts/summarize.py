"""Closing line of ``make test``: count Odoo and pytest results, fail loudly.

Exit status is 1 when a test failed, errored or was skipped, when Odoo logged
an ERROR, a CRITICAL or a traceback (or a WARNING about our addons), when Odoo
exited non-zero, or when no test ran at all.
"""

import argparse
import re
import sys
import xml.etree.ElementTree as ET

RESULT_RE = re.compile(
    r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests when loading"
)
STATS_RE = re.compile(r"odoo\.tests\.stats: (\w+): (\d+) tests")
SKIP_RE = re.compile(r" odoo\.addons\.(\w+)\.\S+: skipped ")
BAD_RE = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) |^Traceback ")
WARNING_RE = re.compile(r"^\S+ \S+ \d+ WARNING ")


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
    bad = [line for line in lines if BAD_RE.search(line)]
    problems += [f"logged: {line}" for line in bad]
    ours = [
        line
        for line in lines
        if WARNING_RE.search(line) and any(m in line for m in modules)
    ]
    problems += [f"warning about our addons: {line}" for line in ours]
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
