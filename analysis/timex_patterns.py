"""The words and patterns time expressions are found by: month and weekday names, number
words, and one regular expression per kind of expression (:mod:`analysis.timex` resolves
each match against the article's date).

Order matters in :data:`RULES`: a longer form ("March 3, 2011") is tried before the
forms it contains ("March 3", "2011")."""

from __future__ import annotations

import re

from analysis.terms import MONTH_NAMES, NUMBER_WORDS, WEEKDAY_NAMES

#: Abbreviations of the months, in order.
_MONTH_SHORT = (
    ("jan",),
    ("feb",),
    ("mar",),
    ("apr",),
    (),
    ("jun",),
    ("jul",),
    ("aug",),
    ("sep", "sept"),
    ("oct",),
    ("nov",),
    ("dec",),
)
MONTHS = {
    name: i
    for i, (full, short) in enumerate(zip(MONTH_NAMES, _MONTH_SHORT, strict=True), start=1)
    for name in (full, *short)
}
WEEKDAYS = {n: i for i, n in enumerate(WEEKDAY_NAMES)}
#: Counted words in "N days ago", "a few weeks later": one to twelve (the same words as
#: :data:`analysis.terms.NUMBER_WORDS`) and the loose counts.
NUMBERS = {
    **{w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 12},
    "a": 1,
    "an": 1,
    "several": 3,
    "a few": 3,
    "few": 3,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s?\.)?"
)  # "Oct." and, in text split into tokens, "Oct ."
_DAY = r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = rf"(?P<weekday>{'|'.join(WEEKDAY_NAMES)})"
_NUM = r"(?P<num>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few)"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
RULES: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>0[1-9]|[12]\d|3[01]))?\b"),
    ("mdy", rf"\b{_MONTH}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}\b"),
    ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    ("my", rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
    ("md", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:\d|%))"),
    ("dm", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b"),
    (
        "part_month",
        rf"\b(?P<part>early|mid|late|earlier|later)(?:\s+in)?[\s-]+{_MONTH}\b(?!\s+\d)",
    ),
    (
        "rel_unit",
        # not "the last week of November", "the last month of the season": a part of
        # another time, not the week before the report ("found guilty last month of
        # murder" is)
        r"\b(?!(?<=\bthe\s)last\s+(?:week|month|year|weekend)\s+of\b)"
        r"(?P<rel>last|past|previous|this|next|coming|earlier this|later this|"
        r"early this|late last|earlier last|early last|late this)\s+"
        r"(?P<unit>week|month|year|weekend)\b",
    ),
    (
        "ago",
        rf"\b(?:(?P<qual>almost|nearly|about|around|over|more than|less than|under|some)\s+)?"
        rf"{_NUM}\s+{_UNIT}\s+ago\b",
    ),
    (
        "duration",
        rf"\b(?P<qual>almost|nearly|about|around|over|more than|less than|some|the past|"
        # "the previous day" is anaphoric (next_day); "the previous three days" reaches back
        # ("the last week of November": a part of another time, not the stretch to now)
        r"the last(?!\s+(?:\w+\s+)?(?:day|week|month|year|decade)s?\s+of\b)|"
        rf"past|the previous(?=\s+(?!day\b|week\b|month\b|year\b)))\s+{_NUM}?\s*{_UNIT}\b"
        # "less than a year before": a time counted back from another, not a stretch
        r"(?!\s+(?:before|earlier|prior|later|after)\b)",
    ),
    ("weekday", rf"\b(?P<rel>last|this|next|later on|later|on)?\s*{_WEEKDAY}\b"),
    (
        "deictic",
        r"\b(?P<word>yesterday|today|tomorrow|tonight|last\s+(?:night|evening))\b",
    ),
    (
        "anchored",
        r"\b(?:(?P<n>the|a|one|two|three|four|five|six|seven|\d+)\s+)?"
        r"(?P<unit>day|week|month|year)s?\s+"
        r"(?:(?P<dir>prior|earlier|later)(?:\s+that)?|(?P<dir2>before|after)(?:\s+that|(?=\s*[,.;:)]|\s*$)))"
        r"\b",
    ),
    ("next_day", r"\bthe\s+(?P<dir>next|following|previous)\s+(?P<unit>day|week|month|year)\b"),
    (
        "month_only",
        # ("the last week of March": a part of the month, told as the month)
        r"\b(?:in|since|until|by|from|during|of|this|last|next|"
        r"the\s+(?:first|second|third|fourth|last|final)\s+(?:week|weekend|days?)\s+of)"
        rf"\s+{_MONTH}\b",
    ),
    ("year_only", rf"\b(?:in|since|until|by|from|during|of|early|late|mid-?)\s+{_YEAR}\b"),
    # not a figure: "to 1847.27", "2008 points", "1,900 shares"; not a decade: "1950s"
    (
        "year_bare",
        rf"(?<![\d,.$£€-]){_YEAR}(?![\d%]|s\b|[.,]\d|\s+(?:points?|pts|shares|barrels|tonnes|units)\b)",
    ),
]
COMPILED = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in RULES]
#: What every form of :data:`RULES` holds at least one of: a digit, a month's or a
#: weekday's name (their first three letters), a deictic word, or a unit. Most sentences
#: hold none, and one search rules them all out (keep it in step with RULES).
MAY_HOLD = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|yesterday|today|tomorrow|tonight|night|evening|day|week|month|year"
    r"|decade)",
    re.IGNORECASE,
)

_YEARISH = re.compile(r"(?:1[89]|20)\d\d")
_MONTHISH = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.IGNORECASE)
_UNITISH = re.compile(r"day|week|month|year|decade", re.IGNORECASE)
#: What a text must hold for each rule of :data:`RULES` to match in it (a year, a month's
#: name, a unit, a literal word): a rule whose need is absent is not run. Most sentences
#: that :data:`MAY_HOLD` lets through hold a number and nothing else (keep in step with
#: RULES; a test checks every rule has its need).
NEEDS: dict[str, re.Pattern[str]] = {
    "iso": _YEARISH,
    "mdy": _MONTHISH,
    "dmy": _MONTHISH,
    "my": _MONTHISH,
    "md": _MONTHISH,
    "dm": _MONTHISH,
    "part_month": _MONTHISH,
    "rel_unit": re.compile(r"week|month|year", re.IGNORECASE),
    "ago": re.compile(r"ago", re.IGNORECASE),
    "duration": _UNITISH,
    "weekday": re.compile(r"day", re.IGNORECASE),
    "deictic": re.compile(r"yesterday|today|tomorrow|tonight|night|evening", re.IGNORECASE),
    "anchored": re.compile(r"prior|earlier|later|before|after", re.IGNORECASE),
    "next_day": re.compile(r"next|following|previous", re.IGNORECASE),
    "month_only": _MONTHISH,
    "year_only": _YEARISH,
    "year_bare": _YEARISH,
}
