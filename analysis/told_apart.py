"""Rules that part two tellings by how and when each is told: a happening recalled from
long before against one of its report's own days, a supposition or a plan against the
deed, what did not happen against what did, and two days of one article. Pure, no
database; :mod:`analysis.linking` asks them (its ``score``), and their switches are set
here, where they are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TypeVar

from analysis.agreement import base_lemma
from analysis.counts import counts_apart
from analysis.features import EventFeatures, MentionFeatures
from analysis.link_rules import (
    FAR_REPORTS_DAYS,
    GENERIC_STAYS,
    HYPOTHETICAL_WITH_LIKE,
    LEDE_SENTENCES,
    NEGATED_APART,
    PLAN_AFTER_DEED,
    RECALLED_DAYS,
    TERMS_APART,
    UNSURE_STAYS,
    VAGUE_IN_STORY,
    directions_apart,
    recurring,
    stated_apart,
)
from analysis.time_compare import after
from analysis.time_values import interval

#: Switch: two arrests told with counts ten times apart are two (see :mod:`analysis.counts`).
COUNTS_APART = True
#: Switch: in one article, what is told with "will" is not what the article tells as a
#: done act: "He will likely die in prison" is not the killings of "He burst into the
#: courtroom and shot and killed Superior Court Judge Rowland Barnes" (ECB+ 3, 3_9ecb).
#: (A noun tells no tense: the murders three reports tell as "found guilty last month of
#: murder" are kept from their "will likely die in prison" by its own word instead, see
#: :data:`analysis.deed_words.PRISON_OUTCOME`.)
AHEAD_APART_IN_ARTICLE = True


def ahead_beside_done(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is one side told with "will" in an article that tells the other side as a done act
    (a past verb), and nothing of it done there (see AHEAD_APART_IN_ARTICLE)?"""
    here = m.article_id
    if m.ahead:
        return here in e.done_in
    done = m.modality in ("asserted", "reported") and m.act
    return done and here in e.ahead_in and here not in e.done_in


#: Happenings that last: begun long before a report, they may be its news still (see
#: :func:`recalled_apart`, :func:`lede_against_recalled`).
ONGOING_LEMMAS = frozenset(
    [
        "war",
        "conflict",
        "protest",
        "protests",
        "demonstration",
        "campaign",
        "crisis",
        "strike",
        "siege",
        "occupation",
        "blockade",
        "embargo",
        "sanction",
        "boycott",
        "investigation",
        "inquiry",
        "probe",
        "negotiation",
        "talk",
        "trial",
        "recession",
        "pandemic",
        "epidemic",
        "outbreak",
        "drought",
        "famine",
        "insurgency",
        "uprising",
        "rebellion",
        "movement",
        "fight",
    ]
)
#: Inside one article, a mention dated to another day than the event's days there is
#: another happening (the time slack between articles does not apply).
ONE_DAY_IN_ARTICLE = True


def lasts(lemma: str | None) -> bool:
    """Is ``lemma`` a happening that lasts (ONGOING_LEMMAS: "negotiations", whose base
    is "negotiate", count too)?"""
    return lemma is not None and (lemma in ONGOING_LEMMAS or base_lemma(lemma) in ONGOING_LEMMAS)


def recalled_apart(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is one side a happening recalled from long before its report (dated more than
    RECALLED_DAYS before it: "in 1954, he struck oil") and the other undated (a report's
    undated happening is of its own days: "upon his release, struck it rich")? Not for
    a happening that lasts (ONGOING_LEMMAS): the trade war begun in 2018 is still the
    trade war of a report undated a year on."""
    if lasts(m.lemma):
        return False
    if m.date and m.precision and not e.time and m.published:
        return long_before((m.date, m.precision), m.published, RECALLED_DAYS)
    if e.time and not m.date and e.first_report:
        return long_before(e.time, e.first_report, RECALLED_DAYS)
    return False


def lede_against_recalled(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is one side told undated in its article's lede (the news: "survivors of an
    earthquake that killed 10 people") and the other dated more than FAR_REPORTS_DAYS
    before that report ("In February, a quake ... killing 612 people")? Not for a
    happening that lasts (ONGOING_LEMMAS: "the protests had broadened into a resistance
    movement" are the protests begun in June)."""
    if lasts(m.lemma):
        return False
    lede = m.sentence is not None and m.sentence < LEDE_SENTENCES
    if not m.date and lede and e.time and m.published:
        return long_before(e.time, m.published, FAR_REPORTS_DAYS)
    report = e.first_report or m.published
    if m.date and m.precision and not e.time and report:
        # the event is some report's news (told in its lede), undated: of that report's
        # days, not of a time long before them
        return any(s < LEDE_SENTENCES for s in e.first_sentence.values()) and long_before(
            (m.date, m.precision), report, FAR_REPORTS_DAYS
        )
    return False


def long_before(time: tuple[str, str], report: str, days: int) -> bool:
    """Does ``time`` end more than ``days`` before the day of ``report``?"""
    end = interval(*time)[1]
    try:
        return (date.fromisoformat(report[:10]) - end).days > days
    except ValueError:
        return False


#: The modalities of a happening told as done.
DONE = ("asserted", "reported")


def told_on_other_days(a: Mapping[int, set[str]], b: Mapping[int, set[str]]) -> bool:
    """Does some article give both sides days (article id -> days), none of them shared?
    One article dates both against one dateline: two days there are two happenings (the
    slack of a day is for two reports from two time zones)."""
    return ONE_DAY_IN_ARTICLE and any(a[k].isdisjoint(b[k]) for k in a.keys() & b.keys())


def hypothetical_against_told(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is one side told only as hypothetical and undated, after the other side was told
    as done ("asked him if he wanted to be shot", the day after another report told the
    shooting)? A supposition told once the deed is news is another thing; a plan told
    before it ("will be holding their autumn meetings", then "held their Autumn
    meetings") may be the deed told ahead, and a plan meets another report's telling
    of the plan ("will host the Oscars")."""
    others = e.article_ids - {m.article_id}
    if not others or not m.published:
        return False
    day = m.published[:10]
    if m.modality == "hypothetical":
        if m.date or e.articles_told("hypothetical") & others:
            return False
        return e.first_report is not None and day > e.first_report
    if e.time or e.articles_not_told("hypothetical") & others:
        return False
    return bool(e.reports) and min(e.reports) > day


def negated_against_done(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is one side told as not done where the other articles tell it done? "he has yet
    to formally sign on" (Ross) is not "the stars are all signed on"; what did not happen
    is no report of what did, whoever tells it."""
    others = e.article_ids - {m.article_id}
    if not others:
        return False
    done = e.articles_told(*DONE) & others
    if m.modality == "negated":
        return bool(done)
    if m.modality in DONE:
        return not done and others <= e.articles_told("negated")
    return False


#: Switch: inside one article too, what it tells as not done is not what it tells as
#: done ("Gary Fan failed to get re-elected" is not "Regina Ip was re-elected").
NEGATED_APART_IN_ARTICLE = True


def negated_beside_done(m: MentionFeatures, e: EventFeatures) -> bool:
    """Does the mention's own article tell the event only as done where the mention says
    it was not, or only as not done where the mention says it was?"""
    if m.modality != "negated" and m.modality not in DONE:
        return False
    here = m.article_id
    done = any(here in e.told_as.get(k, ()) for k in DONE)
    negated = here in e.told_as.get("negated", ())
    if m.modality == "negated":
        return done and not negated
    return negated and not done


def plan_after_deed(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is one side a plan told (undated, hypothetical) more than RECALLED_DAYS after the
    other side's time, or the other way round? "Ellen DeGeneres to host the Oscars", told
    in 2013, is not her hosting of the Emmys in 2001: a plan lies ahead of its telling."""
    if m.modality == "hypothetical" and not m.date and e.time and m.published:
        return not lasts(m.lemma) and long_before(e.time, m.published, RECALLED_DAYS)
    if m.date and m.precision and e.articles_told("hypothetical") and not e.time:
        # an undated event every report tells as a plan: m is a time long before them
        return (
            not e.articles_told(*DONE)
            and bool(e.reports)
            and long_before((m.date, m.precision), min(e.reports), RECALLED_DAYS)
        )
    return False


T = TypeVar("T")


def _given(value: T | None) -> set[T]:
    return set() if value is None else {value}


#: Switch: a mention told as another one of its kind (analysis.of_its_kind.another) joins no
#: event told as the first one, and one told first no event of only others: "Police
#: stopped LaSalle when he hit another vehicle" (ECB+ 21, 21_1ecb) and "Mr. Gomes
#: intended to kill one other person last night" (ECB+ 32, 32_3ecb) were in the events
#: of the hit-and-run and of the two murders. (Strict across reports too, where
#: "another" may be told against the article's own other happenings only: "Obama
#: overturned another 11th hour Bush regulation" stays apart from the rule others tell.)
ANOTHER_APART = True


#: Switch: a word of two senses read surely one way does not join an event that reads it
#: only the other way (see :func:`analysis.terms.reading`): LaCalamita "was fired last
#: week" (ECB+ 18) and "opened fire on his bosses".
READINGS_APART = True


def kept_apart(m: MentionFeatures, e: EventFeatures, rel: str, said: bool) -> bool:
    """Does what is told of either side keep them apart whatever else they share? A vague
    mention stays in its article (leniently, its story); a supposition, a plan, what did
    not happen, another prison term or charge, a generic plural. ``rel``: where the
    mention stands to the event (:func:`analysis.link_rules.relation`); ``said``: it is
    a saying of what the event says (:func:`analysis.link_rules.one_saying`)."""
    if rel == "stories" and m.vague and not said:
        return True
    if rel == "story" and m.vague and (recurring(m) or not VAGUE_IN_STORY) and not said:
        return True
    if rel != "article" and UNSURE_STAYS and not m.sure and (m.vague or not said):
        # A supposition that says nothing of who or when ("If elected"), or names no one
        # however dated (UNSURE_NEEDS_PARTY: a chant's "how many kids will you kill
        # today"), joins no other article's event: the rule MentionFeatures.sure states.
        return True
    if rel != "article" and UNSURE_STAYS and not e.sure_articles:
        # ... nor is an event only such mentions tell joined from another article:
        # "were required to consult" in three reports is a rule, not a happening
        return True
    if rel != "article" and HYPOTHETICAL_WITH_LIKE and hypothetical_against_told(m, e):
        return True
    if rel != "article" and NEGATED_APART and negated_against_done(m, e):
        return True
    if rel == "article" and NEGATED_APART_IN_ARTICLE and negated_beside_done(m, e):
        return True
    if PLAN_AFTER_DEED and plan_after_deed(m, e):
        return True
    if ANOTHER_APART and (e.told_first if m.another else e.told_another and not e.told_first):
        # "he hit another vehicle" is not the hit-and-run just told, in any report; what
        # is told as another meets only what other reports tell as another
        return True
    if (
        READINGS_APART
        and m.reading
        and m.lemma
        and m.reading not in e.readings.get(m.lemma, {m.reading})
    ):
        return True  # "opened fire on his bosses" and "was fired last week": shots, a dismissal
    if directions_apart(_given(m.direction), e.directions):
        return True  # "checks into rehab" and "checks out of rehab": two happenings
    if rel == "article" and AHEAD_APART_IN_ARTICLE and ahead_beside_done(m, e):
        return True  # "he will likely die in prison", "he shot and killed Judge Barnes"
    if COUNTS_APART and counts_apart(_given(m.count), e.counts):
        return True  # "two police officers were arrested", "more than 200 people arrested"
    if TERMS_APART and stated_apart(_given(m.term), _given(m.charge), e, _given(m.ordinal)):
        # "sentenced to seven years" and "sentencing Gigante to 12 years": two sentencings;
        # "charged with the murders" and "charged with animal cruelty": two charges
        return True
    # "the bankruptcies of Lehman Brothers, Washington Mutual ...": a generic plural
    # names no one happening another report could tell; it stays in its article.
    return (rel != "article" or GENERIC_STAYS) and (m.modality == "generic" or not e.specific)


def before_report(m: MentionFeatures, e: EventFeatures) -> bool:
    """Does one side's time begin after the other side was reported? A report cannot
    precede what it reports: a mention's time that begins after the event was already
    reported, or an event that begins after this report, is another event (a later
    attack, not the one being recalled). A bare year ("the 2014 Oscars") is often a
    scheduled event named ahead: only finer times count. Both hold for happenings told
    after the fact; one told ahead ("will make a charity flight on October 25") may be
    told again ahead by another report."""
    if m.modality == "hypothetical" or not m.published:
        return False
    if (not e.time or not e.first_report) and (not AHEAD_ONLY_TOO or lasts(m.lemma)):
        return False  # (what lasts may be told ahead and done: "resume negotiations")
    begins = interval(m.date, m.precision)[0].isoformat() if m.date and m.precision else None
    ahead = m.precision != "year" and begins is not None and after(begins, m.published[:10])
    began = interval(*e.time)[0].isoformat() if e.time else None
    finer = e.time is not None and e.time[1] != "year"
    later = bool(e.first_report and begins and after(begins, e.first_report))
    told_ahead = bool(finer and began and e.first_report and after(began, e.first_report))
    if m.precision != "year" and later and not told_ahead:
        return True
    # (an event no report tells done, only ahead, lies after this one too)
    return finer and began is not None and after(began, m.published[:10]) and not ahead


#: Switch: before_report holds for an event told only ahead, too: "the first Airbus A380
#: landed at Singapore's Changi International Airport ... after a 12-hour flight from
#: Airbus' Delivery Center" joined, in its own report of 17 October 2007, "The A380 will
#: make a special charity flight on October 25" (a bundled sample). Not for what lasts:
#: "Ross is set to meet with Lionsgate officials on Monday to resume negotiations" and
#: "Gary Ross has reportedly pulled out of negotiations" (ECB+ 6) are one negotiation.
AHEAD_ONLY_TOO = True


#: Switch: what is called for, planned or demanded, told with no time of its own ("the
#: opposition has increased calls for the prime minister to quit and call new
#: elections"), is not a happening over well before its report ("last year's
#: elections"): it lies ahead. (Told under "if", a past that did not happen, it may be.)
AHEAD_NOT_PAST = True
#: ... over more than this many days before the report.
AHEAD_PAST_DAYS = 31


#: Switch: what is told in the progressive of the present or future, with no time of its
#: own ("I am so excited to be hosting the Oscars for the second time", in a report of
#: 2 August 2013), is not a happening over long before its report ("DeGeneres hosted the
#: 79th Academy Awards in 2007"): it is now or ahead.
ONGOING_NOT_PAST = True
#: ... over more than this many days before the report (a war or a strike is told in
#: the progressive for months).
ONGOING_PAST_DAYS = 365


def ahead_of_past(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is ``m`` an undated hypothetical (not a condition) and ``e`` a happening whose time
    ended more than AHEAD_PAST_DAYS before ``m``'s report, or ``m`` undated and told in
    the progressive (see ONGOING_NOT_PAST) and ``e`` over more than ONGOING_PAST_DAYS
    before it?"""
    if m.conditional or m.date or not m.published or not e.time:
        return False
    if AHEAD_NOT_PAST and m.modality == "hypothetical":
        return long_before(e.time, m.published, AHEAD_PAST_DAYS)
    if ONGOING_NOT_PAST and m.ongoing:
        return long_before(e.time, m.published, ONGOING_PAST_DAYS)
    return False
