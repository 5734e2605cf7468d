"""Calls per second of the working-day calendar API, in one process.

Run inside `odoo shell` (scripts/bench.sh does it): ``env`` is given.
Each method is called on every day of 2025-2026 in turn, with the deadlines
the addons use (10 working days, 30 calendar days, a count over a month).
"""

import time
from datetime import date, timedelta

TARGET = 200_000
CALLS = 300_000

cal = env["danvan.holiday"]  # noqa: F821 (given by odoo shell)
days = [date(2025, 1, 1) + timedelta(days=i) for i in range(730)]
cases = {
    "is_working_day(day)": lambda d: cal.is_working_day(d),
    "add_working_days(day, 10)": lambda d: cal.add_working_days(d, 10),
    "add_days(day, 30)": lambda d: cal.add_days(d, 30),
    "count_working_days(day, day + 30)": lambda d: cal.count_working_days(
        d, d + timedelta(days=30)
    ),
}
cal.is_working_day(days[0])  # fill the cache
slowest = None
for name, call in cases.items():
    start = time.perf_counter()
    for i in range(CALLS):
        call(days[i % 730])
    rate = CALLS / (time.perf_counter() - start)
    slowest = rate if slowest is None else min(slowest, rate)
    print(f"{name:<36} {rate:>12,.0f} calls/s")
verdict = "OK" if slowest >= TARGET else "BELOW TARGET"
print(f"slowest: {slowest:,.0f} calls/s (target {TARGET:,}): {verdict}")
