"""Time resolution against a publication date: each form the reader meets in news."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from analysis.time_values import interval, overlaps
from analysis.timex import find_timexes, resolve

# 2025-07-23 is a Wednesday; 2025-08-02 a Saturday.
WED = date(2025, 7, 23)
THU = date(2025, 7, 24)
SAT = date(2025, 8, 2)


@pytest.mark.parametrize(
    ("text", "ref", "value", "precision"),
    [
        ("strikes on two ships last week", WED, "2025-07-14", "week"),
        ("the Central Command said Wednesday", THU, "2025-07-23", "day"),
        ("the Central Command said Wednesday", WED, "2025-07-23", "day"),
        ("Trump said on Friday", WED, "2025-07-18", "day"),
        ("Israel launched an attack on Iran last month", WED, "2025-06", "month"),
        ("blamed attacks earlier this month on the PMU", WED, "2025-07", "month"),
        ("was killed in an Israeli strike last year", WED, "2024", "year"),
        ("after the fall in December of Bashar al-Assad", WED, "2024-12", "month"),
        ("negotiations were scheduled June 15", WED, "2025-06-15", "day"),
        ("Hamas' October 7, 2023 attack on Israel", WED, "2023-10-07", "day"),
        ("On 7 October 2023, Hamas fighters launched", SAT, "2023-10-07", "day"),
        ("eroded by almost two years of a campaign", WED, "2023", "year"),
        ("the blockade on the strip since 2 March", SAT, "2025-03-02", "day"),
        ("in March 2025", WED, "2025-03", "month"),
        ("released on July 8, showing smoke", WED, "2025-07-08", "day"),
        ("over the past 22 months", SAT, "2023-10", "month"),
        ("three days ago", WED, "2025-07-20", "day"),
        ("yesterday", WED, "2025-07-22", "day"),
        # ECB+ 42 (real): "opened fire at a Kraft factory in Philadelphia last night"
        ("opened fire at a Kraft factory in Philadelphia last night", WED, "2025-07-22", "day"),
        ("Police said late last evening", WED, "2025-07-22", "day"),
        ("a report published 2024-05-01", WED, "2024-05-01", "day"),
        ("founded in 1987", WED, "1987", "year"),
        # ECB+ 28 (real, 28_6ecb, reported 19 December 2008): a week of another time, not
        # the week before the report (it was dated to 8 December)
        (
            "In the last week of November, the National Archives released more than 10,000 "
            "pages of documents from the Nixon presidency",
            date(2008, 12, 19),
            "2008-11",
            "month",
        ),
        # a bundled sample (Wikinews, "General Motors automobile sales plunge by 45%", 1
        # April 2009): a week of a month is told as the month
        (
            "as car sales rebounded in the last week of March.",
            date(2009, 4, 1),
            "2009-03",
            "month",
        ),
        # ECB+ 3 (real, 3_1ecb): "last month" with "of" after it is still the month before
        (
            "Nichols, 37, was found guilty last month of murdering a judge, a court reporter, "
            "a sheriff's deputy and a federal agent in the March 2005 rampage.",
            WED,
            "2025-06",
            "month",
        ),
    ],
)
def test_forms(text: str, ref: date, value: str, precision: str) -> None:
    assert resolve(text, ref) == (value, precision)


def test_the_day_prior_is_anchored_on_the_date_before_it() -> None:
    text = "A sixth round was scheduled June 15, but Israel's attack the day prior disrupted it."
    found = find_timexes(text, WED)
    assert [(t.text, t.value, t.precision) for t in found] == [
        ("June 15", "2025-06-15", "day"),
        ("the day prior", "2025-06-14", "day"),
    ]
    assert text[found[1].start : found[1].end] == "the day prior"


def test_anchor_from_outside_the_sentence() -> None:
    (prior,) = find_timexes("June 15", WED)
    (tx,) = find_timexes("the next day talks resumed", WED, anchor=prior)
    assert (tx.value, tx.precision, tx.kind) == ("2025-06-16", "day", "anchored")


def test_the_previous_day_with_no_time_told_before_it_is_undated(monkeypatch: Any) -> None:
    # ECB+ 37 (real): the deputy went "to question a woman about a shooting that had taken
    # place the previous day": the day before his visit, which the text does not date,
    # not the day before the report (timex.ANAPHORIC_NEEDS_ANCHOR)
    import analysis.timex as timex

    text = "to question a woman about a shooting that had taken place the previous day"
    assert find_timexes(text, WED) == []
    assert find_timexes("the suspect in the previous day's shooting", WED) == []
    # "the previous three days" reaches back from the report; a time told anchors it
    assert [t.value for t in find_timexes("over the previous three days", WED)] == ["2025-07-20"]
    (prior,) = find_timexes("June 15", WED)
    (tx,) = find_timexes(text, WED, anchor=prior)
    assert tx.value == "2025-06-14"
    monkeypatch.setattr(timex, "ANAPHORIC_NEEDS_ANCHOR", False)
    assert [t.value for t in find_timexes(text, WED)] == ["2025-07-22"]


def test_years_before_with_no_time_told_count_back_from_the_report(monkeypatch: Any) -> None:
    # ECB+ 35 (real, a report of 13 March 2013): another police killing "less than a year
    # before" was joined with the one the report is about (timex.YEARS_BEFORE_REPORT)
    import analysis.timex as timex

    text = "Less than a year before, and only blocks away, a detective shot and killed a woman."
    ref = date(2013, 3, 13)
    assert [(t.text, t.value, t.precision) for t in find_timexes(text, ref)] == [
        ("a year before", "2012", "year")
    ]
    assert [t.value for t in find_timexes("Two years earlier, he was shot.", ref)] == ["2011"]
    # no count ("Years later"), or a later time, is not placed from the report
    assert find_timexes("Years later, he was shot.", ref) == []
    assert find_timexes("A year later, he was shot.", ref) == []
    monkeypatch.setattr(timex, "YEARS_BEFORE_REPORT", False)
    assert find_timexes(text, ref) == []


def test_an_unplaceable_date_is_still_what_the_day_prior_refers_to() -> None:
    # No publication date: "June 15" has no year, so "the day prior" is unknown too. It
    # must not reach back to a date of an earlier sentence (October 7, 2023).
    text = "A sixth round was scheduled June 15, but Israel's attack the day prior ended it."
    earlier = find_timexes("Hamas' October 7, 2023 attack on Israel", None)[0]
    assert find_timexes(text, None, anchor=earlier) == []


def test_without_a_reference_only_absolute_dates_resolve() -> None:
    assert resolve("last month", None) is None
    assert resolve("on Wednesday", None) is None
    assert resolve("on 7 October 2023", None) == ("2023-10-07", "day")


def test_future_context_moves_month_forward() -> None:
    assert resolve("elections in December", WED, future=True) == ("2025-12", "month")
    assert resolve("talks on Friday", WED, future=True) == ("2025-07-25", "day")


def test_lowercase_may_and_march_are_not_months() -> None:
    assert resolve("this may be the end", WED) is None
    assert resolve("they march in protest", WED) is None
    assert resolve("It happened in May", WED) == ("2025-05", "month")


def test_numbers_are_not_years() -> None:
    assert resolve("at least 60,400 Palestinians", WED) is None
    assert resolve("it cost $2025 million", WED) is None


def test_offsets_point_into_the_text() -> None:
    text = "Smoke rises in north Tehran on June 23, 2025."
    (tx,) = find_timexes(text, WED, offset=100)
    assert (tx.start, tx.end) == (100 + text.index("June"), 100 + text.index("."))


def test_interval_and_overlap_at_precision() -> None:
    assert interval("2025-07-14", "week") == (date(2025, 7, 14), date(2025, 7, 20))
    assert interval("2024-02", "month") == (date(2024, 2, 1), date(2024, 2, 29))
    assert interval("2023", "year") == (date(2023, 1, 1), date(2023, 12, 31))
    assert overlaps(("2023-10-07", "day"), ("2023-10", "month"))
    assert overlaps(("2023-10-07", "day"), ("2023", "year"))
    assert not overlaps(("2023-10-07", "day"), ("2023-10-08", "day"))
    assert not overlaps(("2025-06", "month"), ("2025-07-14", "week"))


@pytest.mark.parametrize(
    "text",
    [
        "The Nasdaq index has fallen by 100.12 points to 1847.27.",  # Wikinews, 6 Oct 2008
        "The index rose to 2008 points.",
        "1950s pinup queen Bettie Page dies at 85.",  # ECB+ 4: a decade is no year
    ],
)
def test_a_figure_is_no_year(text: str) -> None:
    from datetime import date

    from analysis.timex import find_timexes

    assert find_timexes(text, date(2008, 10, 6)) == []


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        # Wikinews (bundled sample), 16 June 2010, of the 7 June keynote
        ("introduced less than two weeks ago", "2010-06", "month"),
        ("two weeks ago", "2010-05-31", "week"),
        ("nearly three days ago", "2010-06-07", "week"),
    ],
)
def test_a_rough_ago_is_a_coarser_time(text: str, value: str, precision: str) -> None:
    (tx,) = find_timexes(text, date(2010, 6, 16))
    assert (tx.value, tx.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        # ECB+ 33 and 35 are split into tokens: "Oct . 2011", "Feb . 04 , 2009"
        ("accused of killing a Brownsville mother of 12 in Oct . 2011", "2011-10", "month"),
        ("was arrested around 1 : 30 a . m . Feb . 1 on state Route 94", "2009-02-01", "day"),
        ("on Feb . 04 , 2009 .", "2009-02-04", "day"),
        ("in Oct. 2011", "2011-10", "month"),
    ],
)
def test_a_month_split_from_its_period(text: str, value: str, precision: str) -> None:
    (tx,) = find_timexes(text, date(2013, 4, 16) if "Oct" in text else date(2009, 4, 2))
    assert (tx.value, tx.precision) == (value, precision)


def test_less_than_a_month_is_the_stretch_up_to_the_report() -> None:
    # ECB+ 35 (5 February 2009): "For the second time in less than a month" is not January
    # (the arrest of 1 February would be told apart from itself), but some time up to now.
    (tx,) = find_timexes("the second such arrest in less than a month", date(2009, 2, 5))
    assert (tx.value, tx.precision) == ("2009", "year")
    (tx,) = find_timexes("the third attack in less than two weeks", date(2009, 6, 20))
    assert (tx.value, tx.precision) == ("2009-06", "month")
    # across the turn of a year no one time holds it
    assert find_timexes("in less than a month", date(2009, 1, 5)) == []
    # "over the past 22 months" of a war still says when it began
    assert resolve("over the past 22 months", date(2025, 8, 2)) == ("2023-10", "month")


def test_within_the_last_month_is_the_stretch_up_to_the_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # ECB+ 35 (real, 35_11ecbplus, 1 February 2009): Williams' arrest of that day was dated
    # January, the month of Jackson's arrest (timex.STRETCH_TO_NOW)
    import analysis.timex as timex

    text = "He is the second Chargers’ player within the last month to be arrested for DUI."
    day = date(2009, 2, 1)
    (tx,) = find_timexes(text, day)
    assert (tx.value, tx.precision) == ("2009", "year")
    # "last month" alone is still the month before
    assert resolve("was found guilty last month", day) == ("2009-01", "month")
    monkeypatch.setattr(timex, "STRETCH_TO_NOW", False)
    (tx,) = find_timexes(text, day)
    assert (tx.value, tx.precision) == ("2009-01", "month")


def test_a_stretch_of_no_number_is_no_time() -> None:
    # ECB+ 8 (real, 8_8ecbplus, reported 5 May 2010): "In past months" is no month before the
    # report; it dated those protests to April and joined them to the day's.
    sentence = (
        "In past months anti-austerity protests had been fairly peaceful, but Wednesday's "
        "violence was similar to that seen in the December 2008 riots"
    )
    found = [tx.text.strip() for tx in find_timexes(sentence, date(2010, 5, 5))]
    assert found == ["Wednesday", "December 2008"]
    # a number, or one unit, still reaches back
    assert resolve("in the past two months", date(2010, 5, 5)) == ("2010-03", "month")
    assert resolve("in the past month", date(2010, 5, 5)) == ("2010-04", "month")


def test_the_needs_of_the_rules_change_no_match(monkeypatch: pytest.MonkeyPatch) -> None:
    # A rule is skipped when the text lacks what it needs (timex_patterns.NEEDS): every rule
    # has a need, and on the sentences of real articles skipping finds the same times as
    # running every rule does.
    import re
    from pathlib import Path

    import analysis.timex as timex
    from analysis.timex_patterns import NEEDS, RULES

    assert set(NEEDS) == {name for name, _ in RULES}
    folder = Path(__file__).parent / "fixtures" / "events"
    texts = [
        s
        for path in sorted(folder.glob("*.txt"))
        for s in re.split(r"(?<=[.!?])\s+|\n", path.read_text(encoding="utf-8"))
    ]
    refs = (date(2025, 8, 2), None)
    skipped = [[find_timexes(s, r) for r in refs] for s in texts]
    monkeypatch.setattr(timex, "NEEDS", {name: re.compile("") for name in NEEDS})
    every = [[find_timexes(s, r) for r in refs] for s in texts]
    assert sum(bool(x[0]) for x in every) > 50  # the texts hold times to find
    assert skipped == every
