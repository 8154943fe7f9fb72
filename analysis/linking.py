"""Is this event mention the same event as one we already have? Pure decisions, no database.

Why these rules: two reports are of one event when they name the same kind of happening
(the same trigger lemma, or the same taxonomy type), nothing they say about it conflicts
(who did it, to whom, when at the precision each knows, where), and there is enough
positive evidence that they are not merely two attacks of the same week. Evidence is
additive and each piece is explainable in the reader:

====================================  =======
trigger lemma shared                  1.0
same type (not ``other``)             0.5
actor agrees / target agrees          1.0 each
times overlap (coarser precision:     day 1.0, week 0.6, month 0.4, year 0.2
place agrees                          0.5
articles' context (tf-idf cosine)     4.0 x cos (across articles only)
within an article, near / far         +0.3 / -0.3 (within 3 sentences or not)
====================================  =======

A mention joins the best candidate whose evidence reaches :data:`THRESHOLD`; otherwise
it starts a new event. Conflicts veto: different actors (or targets), swapped roles
("Iran attacks Israel" is not "Israel attacks Iran"), times that do not overlap,
a time that begins after the event was already reported (or an event that begins after
this report), and, across articles, reports published more than two months apart
unless the later one dates the event ("Hamas' October 7, 2023 attack"): an undated
"Jobs announced" of 2010 is not the announcement of a 2007 story, whoever the actor.
With no participant or time in common, reports more than a week apart are two events.

Entity agreement is by canonical id, or by name when the names are one word's
derivatives ("Israel" / "Israeli", "Houthi" / "Houthis") or one contains the other
("Magic Seas" / "MV Magic Seas"): the entity step keeps a demonym and its country apart,
but for an event's participants they are the same side.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis import told
from analysis.agreement import (
    Arg,
    agrees_with_any,
    args_agree,
    base_lemma,
    context_vector,
    cosine,
    fold,
    names_agree,
    rivals,
    same_word,
)
from analysis.deaths import dead_as_doer, death_of_one
from analysis.features import EventFeatures, MentionFeatures, shares_word
from analysis.in_story import in_story, nearness
from analysis.link_rules import (
    ACROSS_SAME_WORD,
    ACROSS_STORIES_NEEDS,
    ACTOR_BOUND_TYPES,
    ARG_PENALTY,
    CONTEXT_WEIGHT,
    FAR_REPORTS_DAYS,
    LEDE_IS_NEWS,
    LEDE_SENTENCES,
    LIKE_WITH_LIKE,
    ONCE_LEMMAS,
    ONCE_PAIR_LEMMAS,
    OWN_WORD_FIRST,
    PLACE_PENALTY,
    RECALLED_DAYS,
    RECURRING_DAY,
    RECURRING_YEAR,
    SAME_DAY_BESIDE_NAMES,
    SAME_DAY_WORDS,
    SLACK_COST,
    STORY_BONUS,
    THRESHOLD,
    THRESHOLD_SAME_ARTICLE,
    TIME_WEIGHT,
    TYPE_ONLY_NEEDS_TIME,
    VETO_ARGS,
    VETO_BEFORE_REPORT,
    VETO_OTHER_ACROSS,
    VETO_OTHER_ACTOR,
    VETO_OTHER_IN_ARTICLE,
    VETO_TIME,
    WEAK_PEOPLE,
    YEARS_APART,
    may_slip,
    once_pair,
    once_party,
    once_recalled,
    once_slip,
    one_saying,
    recalled_pair,
    recurring,
    relation,
    vague,
    years_apart,
)
from analysis.place_rules import places_apart
from analysis.time_compare import TIME_SLACK_DAYS, days_apart, narrower, times_meet
from analysis.told_apart import (
    ahead_of_past,
    before_report,
    kept_apart,
    lede_against_recalled,
    recalled_apart,
    told_on_other_days,
)

#: Moved to analysis.agreement and analysis.time_compare; importable from here as before.
__all__ = [
    "LEDE_SENTENCES",
    "ONCE_PAIR_LEMMAS",
    "TIME_SLACK_DAYS",
    "Arg",
    "EventFeatures",
    "MentionFeatures",
    "args_agree",
    "base_lemma",
    "context_vector",
    "cosine",
    "days_apart",
    "fold",
    "may_slip",
    "names_agree",
    "narrower",
    "relation",
    "same_word",
    "score",
    "shares_word",
    "times_meet",
    "vague",
]


def score(m: MentionFeatures, e: EventFeatures, *, sole: bool = False) -> float | None:
    """Evidence that ``m`` reports event ``e``; None when something conflicts or, across
    stories, when the evidence is not strong (see :data:`ACROSS_STORIES_NEEDS`).

    ``sole``: ``e`` is the only event of the mention's article told with its word, so
    distance in the article does not matter (nothing else it could be)."""
    rel = relation(m, e)
    said = one_saying(m, e)
    if kept_apart(m, e, rel, said):
        return None
    evidence = 0.0
    same_word = said or shares_word(m, e)
    same_type = bool(m.type and m.type != "other" and m.type in e.types)
    if same_word:
        evidence += 1.0
    elif same_type:
        evidence += 0.5
    else:
        return None
    if m.type in ACTOR_BOUND_TYPES and not (m.actor and agrees_with_any(m.actor, e.actors)):
        return None  # "the RTS fell" and "the Nasdaq fell": two markets, two moves
    if dead_as_doer(m, e):
        return None  # "Gigante died" and "Gigante conspired to kill other mobsters"
    disagree = 0
    anchors = 0  # participants, place or time that agree
    strong = 0  # actor, target, place, day: the pieces that tell two stories' events apart
    dated = False  # the times meet at day, week or month precision
    same_year = False  # ... at year precision
    on_day = False  # ... at day precision
    slip = False  # a once-only happening's dates slipped (see once_slip)
    if said:
        evidence += 1.0
        anchors += 2
        strong += 2
    for mine, same, other in ((m.actor, e.actors, e.targets), (m.target, e.targets, e.actors)):
        if mine is None:
            continue
        if same and agrees_with_any(mine, same):
            evidence += 1.0
            if not (WEAK_PEOPLE and mine is m.actor and mine.label == "NORP"):
                strong += 1
                anchors += 1
        elif same and (not LIKE_WITH_LIKE or any(rivals(mine, o) for o in same)):
            disagree += 1
            evidence -= ARG_PENALTY
            if rel != "article" and VETO_OTHER_ACROSS:
                # Another article naming another participant in the same role tells
                # another happening: "the bankruptcies of Lehman Brothers" are not "the
                # bankruptcy of Chrysler".
                return None
            if rel == "article" and VETO_OTHER_IN_ARTICLE:
                # Inside one article too, a named side that agrees with none of the
                # event's is another happening: "Jamal Williams was arrested" and
                # "Vincent Jackson, who was arrested last month".
                return None
            if mine is m.actor and VETO_OTHER_ACTOR and len(same) == 1:
                # The event has one consistent actor and this one is another: "the Houthis
                # attacked" is not "Hamas attacked". (Events whose actors already vary
                # are left to the evidence: parses of real text are noisy.)
                return None
        elif other and agrees_with_any(mine, other) and m.actor and m.target:
            disagree += 2  # roles swapped: "Iran attacked Israel" vs "Israel attacked Iran"
    if disagree >= 2 and VETO_ARGS:
        return None  # both participants differ (or are swapped): another event
    one_death = death_of_one(m, e)  # a person dies once: recalled or told as news
    if m.date and m.precision and e.time:
        meet, coarser = times_meet((m.date, m.precision), e.time, same_word=same_word)
        # one party's bankruptcy, days apart in one story: a dating slip, not two events
        # (not a death: a misread role makes "Fred LaRue shot and killed his father in
        # 1957" LaRue's death, and only its year keeps it from his death of 2004)
        slip = not meet and once_slip(m, e, rel)
        if not meet and not slip:
            # Two well-placed times that do not meet are two events; a year apart may be
            # a wrongly attached "2009", so it only counts against, but for a kind told
            # many times: NASA "announced" a year ago and on Monday are two announcements.
            if VETO_TIME and (
                coarser != "year"
                or (RECURRING_YEAR and recurring(m))
                or years_apart(m.date, e.time[0]) >= YEARS_APART
            ):
                return None
            evidence -= 1.0
        else:
            evidence += TIME_WEIGHT[coarser]
            if (
                SLACK_COST
                and meet
                and not times_meet((m.date, m.precision), e.time, same_word=False)[0]
            ):
                # a day off meets only for the time zones' slack: an event told on the
                # mention's own day is likelier ("A 36-year-old man died on Friday" is
                # Friday's death, not Saturday's in the same park)
                evidence -= SLACK_COST
            dated = coarser in ("day", "week", "month")
            same_year = coarser == "year"
            on_day = coarser == "day"
            strong += on_day
            anchors += dated
        if (
            rel == "article"
            and not slip
            and m.precision == "day"
            and told_on_other_days({m.article_id: {m.date[:10]}}, e.days)
        ):
            # One article dates both against one dateline: "on Sunday, killing 10 people"
            # and "On Saturday, more than a dozen people were killed" are two happenings
            # (the day's slack is for reports from two time zones).
            return None
    if m.location is not None and e.locations:
        if places_apart(m, e):
            return None  # "In Virginia, they voted ...; in Mississippi, they voted"
        if agrees_with_any(m.location, e.locations):
            evidence += 0.5
            strong += 1
            anchors += 1
        else:
            evidence -= PLACE_PENALTY
    if rel != "article" and RECALLED_DAYS and recalled_apart(m, e) and not one_death:
        return None
    if LEDE_IS_NEWS and lede_against_recalled(m, e) and not one_death:
        return None
    if ahead_of_past(m, e):
        return None  # "calls to hold new elections" and "last year's elections"
    if VETO_BEFORE_REPORT and not slip and before_report(m, e):
        return None
    if not same_word and TYPE_ONLY_NEEDS_TIME and not (anchors >= 2 and dated):
        # Another word of the same kind ("war" and "attack", "retaliated" and "attack")
        # names the same happening only when who and when both agree.
        return None
    if rel == "article":
        return evidence + nearness(m, e, same_word=same_word, sole=sole)
    gap = days_apart(m.published, e.reports) if m.published else None
    # one party's same act on the same thing, recalled in the same year (recalled_pair)
    recalled = same_year and recalled_pair(m, e)
    # Reports of the same day with no time of their own tell of that day.
    same_day = not m.date and gap == 0 and told.meets_day(m.published, e.time)
    if (
        gap is not None
        and gap > FAR_REPORTS_DAYS
        and not dated
        and not (same_year and (once_pair(m, e) or recalled))
        and not once_recalled(m, e)
        and not one_death
    ):
        # Reports published far apart are of one event only when the later one dates it
        # ("Hamas' October 7, 2023 attack"): an undated "Jobs announced" in 2010 is not
        # the announcement of a 2007 story, whoever the actor. A named thing is launched
        # by its maker once: the same year is date enough for who and what.
        return None
    if rel == "story":
        held = anchors - (RECURRING_DAY and dated and not on_day)
        if not in_story(m, e, held=held, anchors=anchors, same_day=same_day, gap=gap):
            return None
        return evidence + STORY_BONUS
    # Across stories: the same kind of happening, and at least two of who, to whom, where
    # and the day; a shared word with a shared region is how wrong links are made.
    if once_party(m, e, ONCE_LEMMAS):
        # What befalls one party happens to it once: "the bankruptcy of Chrysler" a month
        # on is Chrysler's filing; its party is the whole of who, to whom and where.
        strong += 1
    if one_death:
        # A person dies once: "accused of killing Zurana Horton" at the trial is the
        # shooting of 2011; the person is the whole of who, to whom and where.
        strong += 1
    if recalled:
        # "fought pancreatic cancer in 2004" and "has been fighting pancreatic cancer
        # since 2004": who, what to, and the year: the thing done to is the second side
        strong += 1
    if (
        SAME_DAY_WORDS
        and same_day
        and told.shared_words(m, e, beside_names=SAME_DAY_BESIDE_NAMES) >= SAME_DAY_WORDS
    ):
        # Reports of one day, neither dating it, that tell it in the same words (a wire
        # story run by two outlets: the FTSE "dropped in value by 2.36%, which is 118.40
        # points"): the day they share is its day.
        strong += 1
    if not (same_type or (ACROSS_SAME_WORD and same_word)) or strong < ACROSS_STORIES_NEEDS:
        return None
    others = [c for aid, c in e.contexts.items() if aid != m.article_id]
    overlap = max((cosine(m.context, c) for c in others), default=0.0) if m.context else 0.0
    return evidence + CONTEXT_WEIGHT * overlap


def qualifying(
    m: MentionFeatures, candidates: Sequence[EventFeatures], banned: set[int]
) -> list[tuple[float, int]]:
    """(score, id) of every candidate ``m`` may join, best first (ties: input order): what
    :func:`analysis.choice.decide` and :func:`analysis.bridges.bridged` both choose from
    (weigh once, pass it to both)."""
    out: list[tuple[float, int]] = []
    told_here = [e for e in candidates if m.article_id in e.article_ids and shares_word(m, e)]
    # "the death", with nothing to tell it by, in an article telling a death
    stays_home = bool(OWN_WORD_FIRST and told_here and bare_and_deep(m))
    for e in candidates:
        if e.id in banned or (stays_home and m.article_id not in e.article_ids):
            continue
        s = score(m, e, sole=len(told_here) == 1 and told_here[0] is e)
        if s is None:
            continue
        limit = THRESHOLD_SAME_ARTICLE if m.article_id in e.article_ids else THRESHOLD
        if s >= limit:
            out.append((s, e.id))
    out.sort(key=lambda t: -t[0])
    return out


def bare_and_deep(m: MentionFeatures) -> bool:
    """Is the mention told past its article's lede (the headline and first sentences tell
    the article's news, whatever its words) and does it name no participant and no time
    (nor what it says)?"""
    deep = m.sentence is not None and m.sentence >= LEDE_SENTENCES
    return deep and m.actor is None and m.target is None and not m.date and m.reported is None
