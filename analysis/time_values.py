"""A time's value at its precision: the ISO string a day is written as at a precision
(weeks as their Monday), the first and last day a value covers, whether two times
overlap; and the calendar's arithmetic (a month on, a day that may not exist).
:mod:`analysis.timex` writes its values with them; the linker's comparisons
(:mod:`analysis.time_compare`) and the reader's dates read them.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# ---------------------------------------------------------------- value helpers


def format_value(d: date, precision: str) -> str:
    """ISO value of ``d`` at ``precision`` (weeks as their Monday)."""
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "week":
        d = d - timedelta(days=d.weekday())
    return d.isoformat()


def interval(value: str, precision: str | None) -> tuple[date, date]:
    """The first and last day a value covers at its precision."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1 or precision == "year":
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2 or precision == "month":
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    d = date(parts[0], parts[1], parts[2])
    if precision == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)
    return d, d


def overlaps(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """Do two (value, precision) times overlap at their precisions?"""
    a0, a1 = interval(*a)
    b0, b1 = interval(*b)
    return a0 <= b1 and b0 <= a1


def add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
