"""Publication dates from the strings sources give: ISO, RFC 822, "November 24, 2004"."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from analysis.timex import MONTHS

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


# --- dates inside free text (page dumps) ---------------------------------------------------

# The month names time resolution knows (analysis/ is a dependency ingest/ may use).
_MONTHS = MONTHS
_MONTH_RE = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_TIME_RE = (
    r"(?:,?\s*(?:at\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s*(?P<tz>[A-Z]{2,4}\b)?)?"
)
_TEXT_DATES = [
    # 2025-07-19, 2025-07-19T10:04:00+00:00
    re.compile(
        r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
        r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<off>Z|[+-]\d{2}:?\d{2})?)?"
    ),
    # July 19, 2025 / Jul. 19 2025 / July 19th, 2025, 10:04 AM EDT
    re.compile(
        r"\b" + _MONTH_RE + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b" + _TIME_RE,
        re.I,
    ),
    # 19 July 2025
    re.compile(
        r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<y>\d{4})\b" + _TIME_RE, re.I
    ),
]
_LEADING_TIME = re.compile(
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<tz>[A-Z]{2,4}\b)?"
    r"[\s,]*(?:[A-Za-z]{3,9}\.?,?\s*)?$",
    re.I,
)
_TZ = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
}


def find_date(text: str) -> tuple[str, str, str] | None:
    """The first explicit calendar date in free text: ``(iso, precision, matched text)``.

    Month names are English; a time next to the date makes the precision ``time`` (with
    its offset when the zone is a known abbreviation).
    """
    for pattern in _TEXT_DATES:
        m = pattern.search(text)
        if not m:
            continue
        g = dict(m.groupdict())
        if g.get("h") is None:
            # "10:04 AM EDT, Sat July 19, 2025": the time may come first.
            lead = _LEADING_TIME.search(text[max(0, m.start() - 40) : m.start()])
            if lead:
                g.update({k: v for k, v in lead.groupdict().items() if v})
        try:
            month = int(g["m"]) if g.get("m") else _MONTHS[g["mon"].lower().rstrip(".")]
            day = datetime(int(g["y"]), month, int(g["d"]))
        except (ValueError, KeyError):
            continue
        if not 1900 <= day.year <= 2100:
            continue
        if g.get("h") is None:
            return day.date().isoformat(), "day", m.group(0)
        hour, minute = int(g["h"]), int(g["mi"])
        ampm = (g.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return day.date().isoformat(), "day", m.group(0)
        stamp = day.replace(hour=hour, minute=minute)
        off = g.get("off") or g.get("tz")
        if off:
            off = off.upper()
            if off in _TZ:
                stamp = stamp.replace(tzinfo=timezone(timedelta(hours=_TZ[off])))
            elif re.fullmatch(r"[+-]\d{2}:?\d{2}", off):
                sign = 1 if off[0] == "+" else -1
                hh, mm = int(off[1:3]), int(off[-2:])
                stamp = stamp.replace(tzinfo=timezone(sign * timedelta(hours=hh, minutes=mm)))
        return stamp.isoformat(), "time", m.group(0)
    return None
