"""Time expressions in news text, resolved against the article's publication date.

Why our own resolver: spaCy's DATE entities give spans but no values, and an event is
only useful to an analyst when it is *placed*: "last month" in an article of 2025-07-23
is June 2025, not a string. Every value carries its precision, so "last week" never
pretends to be a day and linking compares times at the precision they are known.

Values are ISO strings as far as known: ``2023-10-07`` (day), ``2025-06`` (month),
``2024`` (year). A week is written as the date of its Monday with precision ``week``
(``2025-07-14``), not as ``2025-W29``: plain dates keep the store's lexical range
queries (``date BETWEEN ...``) correct for every precision.

Conventions, chosen for news (which mostly reports the past):

- a bare weekday ("Wednesday") is the latest such day on or before the reference date;
- a month or month-day without a year ("in December", "June 15") is the latest one on
  or before the reference (one month of grace: "June 30" in a June 20 article is
  this June), unless the caller says the context is future (``future=True``);
- a duration ("almost two years", "the past 22 months") resolves to the time it reaches
  back to, at the precision of its unit (year, month, week, day);
- anchored expressions ("the day prior", "the next day", "days before that") resolve
  against the previous time in the same sentence (or the anchor the caller gives).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from analysis.time_values import add_months, format_value, interval, safe_date
from analysis.timex_patterns import COMPILED, MAY_HOLD, MONTHS, NEEDS, NUMBERS, WEEKDAYS

PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Timex:
    """One resolved time expression: where it is and what time it names."""

    start: int
    end: int
    text: str
    value: str
    precision: str
    #: point (a date or period), duration (reaches back from the reference) or anchored
    kind: str = "point"


def _pick_year(month: int, day: int | None, ref: date, future: bool) -> int:
    """The year of a month (-day) given without one: latest on/before ref, or next."""
    probe_day = day or 1
    this = safe_date(ref.year, month, min(probe_day, calendar.monthrange(ref.year, month)[1]))
    assert this is not None
    if future:
        return ref.year if this >= ref - timedelta(days=1) else ref.year + 1
    grace = ref + timedelta(days=31 if day else 0)
    if day is None:
        # A month: this year's if it has started by the reference, else last year's.
        return ref.year if month <= ref.month else ref.year - 1
    return ref.year if this <= grace else ref.year - 1


def _num(text: str | None) -> int:
    if not text:
        return 1
    t = text.lower()
    return int(t) if t.isdigit() else NUMBERS.get(t, 1)


def _month_key(text: str) -> str:
    t = text.lower().rstrip(".")
    return t if t in MONTHS else t[:3]


#: How far back "N units ago" / "for N units" may reach (days).
MAX_BACK_DAYS = 100 * 366
_UNIT_DAYS = {"day": 1, "week": 7, "weekend": 7, "month": 31, "year": 366, "decade": 3660}


def _shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "decade":
        return safe_date(d.year + 10 * n, d.month, min(d.day, 28)) or d
    return safe_date(d.year + n, d.month, min(d.day, 28) if d.month == 2 else d.day) or d


def counted_back(ref: date, unit: str, n: int) -> tuple[str, str]:
    """(value, precision) of the ``unit`` ``n`` units before ``ref`` ("two years ago" of a
    report of 28 November 2005: ("2003", "year"))."""
    precision = _unit_precision(unit)
    return format_value(_shift(ref, unit, -n), precision), precision


#: One step coarser, for a time told roughly ("about two weeks ago").
_COARSER = {"day": "week", "week": "month", "month": "year"}

#: Switch: a duration under a bound ("in less than a month") names the stretch up to the
#: report, not the unit it may have begun in (see _resolve).
DURATION_SPANS = True


def _unit_precision(unit: str) -> str:
    return {"weekend": "week", "decade": "year"}.get(unit, unit)


#: Switch: a stretch counted in units of no number ("In past months anti-austerity
#: protests had been fairly peaceful", a report of 5 May 2010) reaches back no saying how
#: far: no time (it was the month before the report, and joined that protest to the
#: day's).
VAGUE_STRETCH_UNDATED = True

#: Switch: "last night" (or evening) is the day before the reference, as "yesterday"
#: ("opened fire at a Kraft factory in Philadelphia last night").
LAST_NIGHT = True
#: Switch: "the previous day", "the next day", "two days later" count from a time the
#: text has told; with none told before them in the article they are undated, not
#: counted from the publication date ("to question a woman about a shooting that had
#: taken place the previous day": the day before the deputy's visit, not before the
#: report).
ANAPHORIC_NEEDS_ANCHOR = True
#: ... but years before or earlier, with no time told, count back from the report, to the
#: year: "Less than a year before, and only blocks away, a narcotics detective shot and
#: killed an unarmed 23-year-old woman" (a report of March 2013) is no killing of 2013's
#: week.
YEARS_BEFORE_REPORT = True


def _stretch(start: date, ref: date, unit: str) -> tuple[str, str, str] | None:
    """A stretch from ``start`` up to the report ``ref``: the narrowest time holding both
    ends (the year, for a month before 4 February); none when a year's turn falls inside."""
    for precision in PRECISIONS[PRECISIONS.index(_unit_precision(unit)) :]:
        if format_value(start, precision) == format_value(ref, precision):
            return format_value(start, precision), precision, "duration"
    return None


#: Switch: "within the last month", "within the past week" are the stretch up to the
#: report, not the calendar unit before it: "He is the second Chargers' player within the
#: last month to be arrested for DUI" (ECB+ 35, 35_11ecbplus, of 1 February 2009) was
#: January, where the arrest of that very day is not. "last month" and "in the past
#: month" stay the month before.
STRETCH_TO_NOW = True
_WITHIN_BEFORE = re.compile(r"\bwithin\s+(?:the\s+)?$", re.IGNORECASE)


def _resolve(
    name: str, m: re.Match[str], ref: date | None, anchor: Timex | None, future: bool
) -> tuple[str, str, str] | None:
    """(value, precision, kind) for one match, or None when it cannot be placed."""
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    if name == "iso":
        y, mo, d = int(g["y"]), int(g["m"]), g["d"]
        if d:
            day = safe_date(y, mo, int(d))
            return (day.isoformat(), "day", "point") if day else None
        return f"{y:04d}-{mo:02d}", "month", "point"
    if name in ("mdy", "dmy"):
        day = safe_date(int(g["year"]), MONTHS[_month_key(g["month"])], int(g["day"]))
        return (day.isoformat(), "day", "point") if day else None
    if name == "my":
        return f"{int(g['year']):04d}-{MONTHS[_month_key(g['month'])]:02d}", "month", "point"
    if name == "year_only" or name == "year_bare":
        return g["year"], "year", "point"
    if ref is None and name not in ("anchored", "next_day"):
        return None
    if name in ("md", "dm"):
        assert ref is not None
        month, dayn = MONTHS[_month_key(g["month"])], int(g["day"])
        if name == "md" and g["month"] == "may" and dayn > 31:
            return None
        year = _pick_year(month, dayn, ref, future)
        day = safe_date(year, month, dayn)
        return (day.isoformat(), "day", "point") if day else None
    if name == "month_only":
        assert ref is not None
        month = MONTHS[_month_key(g["month"])]
        lead = m.group(0).split()[0].lower()
        if lead == "last":
            year = ref.year if month < ref.month else ref.year - 1
        elif lead == "next":
            year = ref.year if month > ref.month else ref.year + 1
        elif lead == "this":
            year = ref.year
        else:
            year = _pick_year(month, None, ref, future)
        return f"{year:04d}-{month:02d}", "month", "point"
    if name == "part_month":
        assert ref is not None
        month = MONTHS[_month_key(g["month"])]
        year = _pick_year(month, None, ref, future)
        return f"{year:04d}-{month:02d}", "month", "point"
    if name == "rel_unit":
        assert ref is not None
        rel, unit = g["rel"], g["unit"]
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        if rel.endswith("last"):
            step = -1
        d = _shift(ref, unit, step)
        if (
            STRETCH_TO_NOW
            and rel in ("last", "past")
            and _WITHIN_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
        ):
            # "the second player within the last month to be arrested": the stretch up to
            # the report, not the calendar month before it
            return _stretch(d, ref, unit)
        return format_value(d, _unit_precision(unit)), _unit_precision(unit), "point"
    if name == "ago":
        assert ref is not None
        unit = g["unit"]
        n = _num(g["num"])
        if n * _UNIT_DAYS.get(unit, 366) > MAX_BACK_DAYS:
            return None  # "5000 years ago" is no date a news text can be placed by
        value, precision = counted_back(ref, unit, n)
        if g.get("qual"):
            # "less than two weeks ago" is no particular week: say the month it fell in
            precision = _COARSER.get(precision, precision)
            value = format_value(_shift(ref, unit, -n), precision)
        return value, precision, "point"
    if name == "duration":
        assert ref is not None
        unit = g["unit"]
        if VAGUE_STRETCH_UNDATED and not g["num"] and m.group(0).lower().endswith("s"):
            return None  # "in past months" is no month: a stretch of unsaid length
        n = _num(g["num"])
        if n * _UNIT_DAYS.get(unit, 366) > MAX_BACK_DAYS:
            return None  # "5000 years ago" is no date a news text can be placed by
        d = _shift(ref, unit, -n)
        if DURATION_SPANS and g.get("qual") == "less than":
            # "the second such arrest in less than a month": somewhere in the stretch up
            # to the report, not the month it may have begun in ("over the past 22
            # months" of a war is when the war began)
            return _stretch(d, ref, unit)
        return format_value(d, _unit_precision(unit)), _unit_precision(unit), "duration"
    if name == "weekday":
        assert ref is not None
        wd = WEEKDAYS[g["weekday"]]
        rel = g["rel"] or ""
        if rel.startswith("later") and wd == ref.weekday():
            return ref.isoformat(), "day", "point"  # "is set to announce later on Wednesday"
        if rel == "next" or (future and rel != "last"):
            delta = (wd - ref.weekday()) % 7 or 7
            d = ref + timedelta(days=delta)
        else:
            delta = (ref.weekday() - wd) % 7
            if rel == "last" and delta == 0:
                delta = 7
            d = ref - timedelta(days=delta)
        return d.isoformat(), "day", "point"
    if name == "deictic":
        assert ref is not None
        word = " ".join(g["word"].split())
        if word.startswith("last") and not LAST_NIGHT:
            return None
        shift = (
            -1 if word in ("yesterday", "last night", "last evening") else int(word == "tomorrow")
        )
        return (ref + timedelta(days=shift)).isoformat(), "day", "point"
    if name in ("anchored", "next_day"):
        base: date | None = None
        precision = "day"
        if anchor is not None:
            base = interval(anchor.value, anchor.precision)[0]
            precision = anchor.precision
        elif ref is not None and (
            not ANAPHORIC_NEEDS_ANCHOR
            or (
                YEARS_BEFORE_REPORT
                and name == "anchored"
                and g["unit"].lower() == "year"
                and g.get("n") is not None
                and (g.get("dir") or g.get("dir2") or "").lower() in ("before", "earlier", "prior")
            )
        ):
            base = ref
        if base is None:
            return None
        unit = g["unit"]
        n = 1 if name == "next_day" else _num(g.get("n") if g.get("n") != "the" else None)
        direction = g.get("dir") or g.get("dir2")
        sign = -1 if direction in ("prior", "before", "earlier", "previous") else 1
        d = _shift(base, unit, sign * n)
        prec = _unit_precision(unit)
        # "days before that" (no number, plural): only as precise as the week.
        if (
            g.get("n") is None
            and name == "anchored"
            and m.group(0).lower().split()[0].endswith("s")
        ):
            prec = "week"
        if PRECISIONS.index(precision) > PRECISIONS.index(prec):
            prec = precision
        return format_value(d, prec), prec, "anchored"
    return None


def find_timexes(
    text: str,
    ref: date | None,
    *,
    anchor: Timex | None = None,
    future: bool = False,
    offset: int = 0,
) -> list[Timex]:
    """Every time expression of ``text`` (one sentence, ideally), resolved against ``ref``.

    Longer matches win over the shorter ones inside them ("October 7, 2023" is one day,
    not a day and a year). Anchored expressions use the previous time found in the
    sentence, else ``anchor``. Offsets are shifted by ``offset`` (the sentence start).
    """
    claimed: list[tuple[int, int, str, re.Match[str]]] = []
    if not MAY_HOLD.search(text):
        return []
    held: dict[re.Pattern[str], bool] = {}
    for name, rx in COMPILED:
        need = NEEDS[name]
        if need not in held:
            held[need] = need.search(text) is not None
        if not held[need]:
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            if name == "weekday" and m.group("rel"):
                s = m.start("rel") if m.group("rel") != "on" else m.start("weekday")
            if any(s < ce and cs < e for cs, ce, _, _ in claimed):
                continue
            if "month" in rx.groupindex and m.group("month") and not m.group("month")[0].isupper():
                continue  # "may", "march", "this may be": months are capitalised in news
            claimed.append((s, e, name, m))
    claimed.sort()
    out: list[Timex] = []
    last = anchor
    for s, e, name, m in claimed:
        try:
            resolved = _resolve(name, m, ref, last, future)
        except (OverflowError, ValueError):
            # "99999999999 days ago", or a reference near year 1 or 9999: no date, and
            # the rest of the text is still read.
            resolved = None
        if resolved is None:
            if name not in ("anchored", "next_day"):
                # A time we cannot place ("June 15" with no year to go by) is still the
                # one "the day prior" refers to: it must not reach back past it.
                last = None
            continue
        value, precision, kind = resolved
        tx = Timex(s + offset, e + offset, text[s:e], value, precision, kind)
        out.append(tx)
        if kind != "anchored":
            last = tx
    return out


def resolve(text: str, ref: date | None, *, future: bool = False) -> tuple[str, str] | None:
    """``(value, precision)`` of the first time expression in ``text``, or None."""
    found = find_timexes(text, ref, future=future)
    return (found[0].value, found[0].precision) if found else None


_NAMED_MONTH = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)


def latest_written_day(text: str, before: date) -> date | None:
    """The latest day the text writes out with its month's name ("June 23, 2025",
    "July 8") that is not after ``before``; None when it writes none.

    Why: an undated page saved on 2 August may have been published weeks earlier; it was
    published after every day it reports, so the latest of them is a better reference
    for its "last month" than the day it was saved."""
    best: date | None = None
    for tx in find_timexes(text, before):
        if tx.precision != "day" or tx.kind != "point" or not _NAMED_MONTH.search(tx.text):
            continue
        try:
            day = date.fromisoformat(tx.value[:10])
        except ValueError:
            continue
        if day <= before and (best is None or day > best):
            best = day
    return best
