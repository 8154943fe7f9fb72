"""A date as a reader is shown it: "7 October 2023", "June 2025", "week of 14 July 2025",
"2024". (Nothing in the app asks it at present; tests/test_titles.py does.)
"""

from __future__ import annotations

from datetime import date

from analysis.time_values import interval


def format_when(value: str | None, precision: str | None) -> str:
    """'7 October 2023', 'June 2025', 'week of 14 July 2025', '2024'."""
    if not value:
        return ""
    start, _ = interval(value, precision)
    if precision == "year" or len(value) == 4:
        return value[:4]
    if precision == "month" or len(value) == 7:
        return start.strftime("%B %Y")
    if precision == "week":
        return "week of " + _day(start)
    return _day(start)


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"
