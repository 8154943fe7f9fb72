"""Comparing two times: do they meet, which is the narrower, how many days apart, and does
a day lie after a report's.

A time is a (value, precision) pair as :mod:`analysis.timex` resolves it ("2008-12-06",
"day"; "2008-12", "month"). The linker compares the times of mentions and events with
these (:mod:`analysis.linking`, :mod:`analysis.prefilter`, :mod:`analysis.told_apart`);
:mod:`analysis.eventtime` finds each mention's time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from analysis.time_values import interval
from analysis.timex import PRECISIONS

#: Times this many days apart still meet: "yesterday" read against a dateline in another
#: time zone, or a report dated the day after, is off by one.
TIME_SLACK_DAYS = 1


def narrower(a: tuple[str, str] | None, b: tuple[str, str] | None) -> tuple[str, str] | None:
    """The more precise of two times (the first on a tie)."""
    if a is None:
        return b
    if b is None:
        return a
    return b if PRECISIONS.index(b[1]) < PRECISIONS.index(a[1]) else a


def times_meet(a: tuple[str, str], b: tuple[str, str], *, same_word: bool) -> tuple[bool, str]:
    """Do two (value, precision) times overlap, and the coarser of their precisions.

    The same word on days one apart may be one event dated against datelines in two time
    zones (TIME_SLACK_DAYS); different words on different days are two (a war and its
    first day)."""
    a0, a1 = interval(*a)
    b0, b1 = interval(*b)
    coarser = PRECISIONS[max(PRECISIONS.index(a[1]), PRECISIONS.index(b[1]))]
    slack = timedelta(days=TIME_SLACK_DAYS if same_word and coarser == "day" else 0)
    return not (a0 > b1 + slack or b0 > a1 + slack), coarser


def days_apart(day: str, others: Iterable[str]) -> int | None:
    """Days from ``day`` to the nearest of ``others`` (None when unknown)."""
    try:
        d = date.fromisoformat(day[:10])
        gaps = [abs((date.fromisoformat(o[:10]) - d).days) for o in others]
    except ValueError:
        return None
    return min(gaps, default=None)


def after(day: str, report: str, slack_days: int = 1) -> bool:
    """Does ``day`` lie after the publication date ``report`` (plus time-zone slack)?"""
    try:
        return date.fromisoformat(day) > date.fromisoformat(report) + timedelta(slack_days)
    except ValueError:
        return False
