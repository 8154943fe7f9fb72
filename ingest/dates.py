"""Publication dates from the strings sources give: ISO, RFC 822, "November 24, 2004"."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from analysis.timex import MONTHS

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")


#: Years a publication date may fall in. 0001-01-01 and 9999-12-31 are placeholders a
#: CMS writes for "no date", not dates: stored, they sort first or last for ever and
#: every relative date counted from them overflows.
MIN_YEAR, MAX_YEAR = 1800, 2200


def _sane(iso: str, precision: str) -> tuple[str | None, str | None]:
    year = int(iso[:4]) if iso[:4].isdigit() else 0
    return (iso, precision) if MIN_YEAR <= year <= MAX_YEAR else (None, None)


def parse_date(value: str | None) -> tuple[str | None, str | None]:
    """``(iso, precision)`` or ``(None, None)``; precision is time / day / month / year.
    Impossible dates (2024-13-45) and years outside MIN_YEAR..MAX_YEAR are no date."""
    if not value or not isinstance(value, str):
        return None, None
    value = value.strip()[:200]
    try:
        if _ISO_DAY.match(value):
            return _sane(date.fromisoformat(value).isoformat(), "day")
        if _ISO_MONTH.match(value):
            return _sane(value, "month") if 1 <= int(value[5:]) <= 12 else (None, None)
        if _YEAR.match(value):
            return _sane(value, "year")
    except ValueError:
        return None, None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return _sane(dt.isoformat(), "time")
    except ValueError:
        pass
    try:
        dt = parsedate_to_datetime(value)
        return _sane(dt.isoformat(), "time")
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    for fmt in ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y", "%A, %B %d, %Y"):
        try:
            return _sane(datetime.strptime(value, fmt).date().isoformat(), "day")
        except ValueError:
            continue
    return None, None


#: How far back a relative date ("3 days ago") may reach: further is not a date a page
#: means (and "99999999999 months ago" must not be counted month by month).
MAX_AGO_DAYS = 100 * 366

_UNIT_DAYS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1,
    "week": 7,
    "month": 31,
    "year": 366,
}


def count_back(reference: datetime, n: int, unit: str) -> tuple[str | None, str | None]:
    """``n`` units (second ... year) before ``reference``, as ``(iso, precision)`` (hour,
    day, week, month or year); ``(None, None)`` beyond MAX_AGO_DAYS or an unknown unit.
    Constant time whatever ``n`` is."""
    per_day = _UNIT_DAYS.get(unit)
    if per_day is None or n < 0 or n * per_day > MAX_AGO_DAYS:
        return None, None
    try:
        if unit in ("second", "minute", "hour"):
            stamp = reference - timedelta(**{unit + "s": n})
            return stamp.replace(microsecond=0).isoformat(), "hour"
        if unit in ("day", "week"):
            return (reference - timedelta(**{unit + "s": n})).date().isoformat(), unit
        if unit == "month":
            y, m0 = divmod(reference.year * 12 + reference.month - 1 - n, 12)
            return _sane(f"{y:04d}-{m0 + 1:02d}", "month")
        return _sane(f"{reference.year - n:04d}", "year")
    except (OverflowError, ValueError):
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
