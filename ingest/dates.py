"""Publication dates from the strings sources give: ISO, RFC 822, "November 24, 2004"."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")


def parse_date(value: str | None) -> tuple[str | None, str | None]:
    """``(iso, precision)`` or ``(None, None)``; precision is time / day / month / year."""
    if not value:
        return None, None
    value = value.strip()
    if _ISO_DAY.match(value):
        return value, "day"
    if _ISO_MONTH.match(value):
        return value, "month"
    if _YEAR.match(value):
        return value, "year"
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return dt.isoformat(), "time"
    except ValueError:
        pass
    try:
        dt = parsedate_to_datetime(value)
        return dt.isoformat(), "time"
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y", "%A, %B %d, %Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat(), "day"
        except ValueError:
            continue
    return None, None
