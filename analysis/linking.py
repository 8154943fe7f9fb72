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

from collections.abc import Iterable, Sequence
from datetime import date

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
from analysis.eventtime import TIME_SLACK_DAYS, after, days_apart, narrower, times_meet
from analysis.features import UNSURE, EventFeatures, MentionFeatures
from analysis.timex import interval

#: Moved to analysis.agreement and analysis.eventtime; importable from here as before.
__all__ = [
    "TIME_SLACK_DAYS",
    "Arg",
    "EventFeatures",
    "MentionFeatures",
    "args_agree",
    "base_lemma",
    "context_vector",
    "cosine",
    "days_apart",
    "decide",
    "fold",
    "names_agree",
    "narrower",
    "same_word",
    "score",
    "times_meet",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Minimum evidence to join an existing event.
THRESHOLD = 1.2
#: Minimum evidence when the candidate event already has mentions in the same article.
THRESHOLD_SAME_ARTICLE = 1.2

TIME_WEIGHT = {"day": 1.0, "week": 0.6, "month": 0.4, "year": 0.2}
#: Weight of the articles' context similarity (cosine of their tf-idf entity vectors).
CONTEXT_WEIGHT = 4.0
#: Within an article: mentions this many sentences apart are "near" (+/- LOCALITY).
LOCAL_SENTENCES = 3
LOCALITY = 0.3
#: Evidence lost when one participant (the place) disagrees.
ARG_PENALTY = 0.25
PLACE_PENALTY = 0.0
#: Veto on both participants differing or swapped, and on well-placed times apart.
VETO_ARGS = True
VETO_TIME = True
#: A report cannot precede what it reports (see :func:`score`).
VETO_BEFORE_REPORT = True
#: Across articles: reports published more than FAR_REPORTS_DAYS apart are of one event
#: only when their times meet at day, week or month precision.
FAR_REPORTS_DAYS = 60
#: A known actor that matches none of the event's known actors is another event.
VETO_OTHER_ACTOR = True
#: Across articles, any participant that matches none of the event's in its role is.
VETO_OTHER_ACROSS = True
#: Across articles, a happening dated more than this many days before its report (a
#: recollection) and an undated one (of its report's days) are two.
RECALLED_DAYS = 365
#: Happenings that last: begun long before a report, they may be its news still (see
#: :func:`_recalled_apart`, :func:`_lede_against_recalled`).
ONGOING_LEMMAS = _words(
    "war conflict protest protests demonstration campaign crisis strike siege occupation "
    "blockade embargo sanction boycott investigation inquiry probe negotiation talk trial "
    "recession pandemic epidemic outbreak drought famine insurgency uprising rebellion "
    "movement fight"
)
#: An undated happening told in its article's lede is the news of its report: it is not
#: one dated more than FAR_REPORTS_DAYS before that report (see
#: :func:`_lede_against_recalled`).
LEDE_IS_NEWS = True
#: Inside one article too, a participant that agrees with none of the event's in its
#: role and rivals one of them (see :func:`analysis.agreement.rivals`) is another event.
VETO_OTHER_IN_ARTICLE = True
#: Inside one story a shared word (or type plus a participant or time) is enough: the
#: story has told its happenings apart from others.
STORY_BONUS = 0.5
#: Participants conflict only like with like: two people or two groups (see
#: :func:`analysis.agreement.rivals`); a person and a group in one role are neither
#: evidence for nor against.
LIKE_WITH_LIKE = True
#: Vague mentions (see :func:`vague`) may join another article's event of their story.
VAGUE_IN_STORY = True
#: Inside a story, mentions with nothing but the word in common are one event only when
#: reported within this many days of each other.
UNANCHORED_DAYS = 2
#: Inside a story, mentions of a kind that recurs (see STORY_LENIENT_TYPES) need this
#: many anchors (participants, place, a time that meets at day, week or month).
STORY_ANCHORS = 2
#: Two words of one type (not one word) are one event only when a participant and the
#: time agree.
TYPE_ONLY_NEEDS_TIME = True
#: Happenings a story tells many times over: statements, sales, supplies, aid, a
#: market's daily moves ("Apple announced" the phone in June and a free case in July;
#: engines and tankers are both "supplied"; the Dow fell on Monday and on Thursday). Inside a story their word alone does not link: they need anchors. Every
#: other kind (an attack, an arrest, a vote, a bankruptcy, a summit) is told once.
STORY_RECURRING_TYPES = frozenset(["statement", "aid", "market"])
STORY_RECURRING_LEMMAS = _words(
    "buy sell sale selling purchase trade trading export import invest investment lease "
    "order say tell report claim talk comment agree deal"
)
#: Across stories an event needs the same type and this many of: actor, target, place,
#: and a time that meets at day precision.
ACROSS_STORIES_NEEDS = 2
#: ... where the same word is the same kind even when the lexicon gives it no type
#: ("Jobs resigned", "Apple launched the iTunes Music Store").
ACROSS_SAME_WORD = True
#: Happenings that befall their one party once (the base of the trigger): a company's
#: bankruptcy, a chief's resignation or retirement. Across stories the party agreeing
#: counts twice (see :func:`score`); reports far apart still need a time in common.
ONCE_LEMMAS = _words("bankruptcy insolvency resign retire retirement")
#: Acts a maker does to one named thing once: Apple launched the iTunes Music Store in
#: 2003, whichever year's report recalls it (see :func:`_once_pair`).
ONCE_PAIR_LEMMAS = _words("launch unveil introduce found acquire acquisition")
#: A generic plural ("quick, surgical bankruptcies") joins no event, not even in its
#: own article: it names a kind of happening, not one.
GENERIC_STAYS = True
#: Kinds of happening that are one participant's own: a market move is the move of one
#: market (index, share, price), so it links only where the same one is named.
ACTOR_BOUND_TYPES = frozenset(["market"])
#: Inside a story, a word-alone join told outside the ledes (see LEDE_SENTENCES) also
#: needs the themes (what it is done to, see :mod:`analysis.themes`) not to differ: "a
#: statement released November 5" and "a task order that should be released soon".
THEME_VETO = True
#: Kinds of happening whose object is a party (a victim, a suspect, a ship), not a thing:
#: "killed a woman" and "killed the receptionist" may be one killing; no theme veto.
PARTY_OBJECT_TYPES = frozenset(["attack", "kill", "seize", "threaten"])
#: Inside a story, a join on the word alone needs the mention and the event's report in
#: another article to be told in their articles' first LEDE_SENTENCES sentences, where a
#: report states its happening; deeper on, the same word is as likely background, an
#: earlier happening or an aside ("agree to a meeting" in paragraph 17). 0: anywhere.
LEDE_SENTENCES = 5
#: ... unless their sentences share this many content words besides the trigger.
DEEP_SHARED_WORDS = 2
#: A kind that recurs counts a time in common as an anchor only at day precision: NASA
#: "announced" on 18 November and "earlier this month" are two announcements.
RECURRING_DAY = True
#: ... and two years that differ are two of them (not a wrongly attached year).
RECURRING_YEAR = True
#: ... and so is an event told only with such words, whatever word joins it.
RECURRING_EVENTS = True
#: Inside a story, a done act told undated joins an act dated more than FAR_REPORTS_DAYS
#: before its report only on STORY_ANCHORS anchors (see :func:`analysis.told.far_acts`).
FAR_ACTS = True
#: A whole people ("Americans", "the American people") agreeing as actor is evidence
#: but no anchor: every vote of a country is its people's. (As target a people is a
#: side: "an attack on Israeli bases" is an attack on Israel.)
WEAK_PEOPLE = True
#: Across stories, an undated mention reported the same day as the event counts that day
#: as its own when its sentence shares this many content words with the event's
#: sentences in other articles (0: never).
SAME_DAY_WORDS = 3
#: Inside a story, a once-only happening of the same party (ONCE_LEMMAS) dated this many
#: days off the event's day is the same happening (see :func:`_once_slip`; 0: never).
ONCE_SLIP_DAYS = 7
#: A mention that may not happen ("If elected") or did not ("without consulting") and
#: says nothing of who or when joins no other article's event, and an event only such
#: mentions tell is joined from no other article: which election it would be is a guess.
UNSURE_STAYS = True
#: Inside one article, a kind that recurs (see :func:`recurring`: statements, sales,
#: supplies, market moves) is not one event by being the article's only one of its word:
#: "a contract to supply the Air Force" and, eight sentences on, "to supply search and
#: rescue helicopters" are two supplies. Far apart, they need what any mention needs.
SOLE_NOT_RECURRING = True
#: Two sayings of one linked event ("the navy said [it captured 23 pirates]" in six
#: reports; "[a gunman shot three people], police said") are one saying unless their
#: speakers or times differ: the event said stands for who, to whom and when (see
#: :mod:`analysis.reports`), as two anchors, and for the word ("said", "according to").
SAYINGS = True
#: Trigger words that report rather than happen: with no participant, vague.
REPORTING_LEMMAS = _words(
    "say tell statement announce announcement declare report talk meet meeting discuss "
    "discussion confirm comment claim"
)


def vague(m: MentionFeatures) -> bool:
    """A mention no other article's reader would recognise as this event: a generic plural
    ("attacks on shipping"), one with no participant and no time ("the talks"), or a
    report with no participant ("said", "statement", "announced", "meeting"). It links
    inside its article (and, leniently, its story), never on its own across stories."""
    if m.modality == "generic":
        return True
    if m.actor is not None or m.target is not None:
        return False
    return not m.date or m.type == "statement" or base_lemma(m.lemma) in REPORTING_LEMMAS


def _recalled_apart(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is one side a happening recalled from long before its report (dated more than
    RECALLED_DAYS before it: "in 1954, he struck oil") and the other undated (a report's
    undated happening is of its own days: "upon his release, struck it rich")? Not for
    a happening that lasts (ONGOING_LEMMAS): the trade war begun in 2018 is still the
    trade war of a report undated a year on."""
    if base_lemma(m.lemma) in ONGOING_LEMMAS:
        return False
    if m.date and m.precision and not e.time and m.published:
        return _long_before((m.date, m.precision), m.published, RECALLED_DAYS)
    if e.time and not m.date and e.first_report:
        return _long_before(e.time, e.first_report, RECALLED_DAYS)
    return False


def _lede_against_recalled(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is one side told undated in its article's lede (the news: "survivors of an
    earthquake that killed 10 people") and the other dated more than FAR_REPORTS_DAYS
    before that report ("In February, a quake ... killing 612 people")? Not for a
    happening that lasts (ONGOING_LEMMAS: "the protests had broadened into a resistance
    movement" are the protests begun in June)."""
    if base_lemma(m.lemma) in ONGOING_LEMMAS:
        return False
    lede = m.sentence is not None and m.sentence < LEDE_SENTENCES
    if not m.date and lede and e.time and m.published:
        return _long_before(e.time, m.published, FAR_REPORTS_DAYS)
    report = e.first_report or m.published
    if m.date and m.precision and not e.time and report:
        # the event is some report's news (told in its lede), undated: of that report's
        # days, not of a time long before them
        return any(s < LEDE_SENTENCES for s in e.first_sentence.values()) and _long_before(
            (m.date, m.precision), report, FAR_REPORTS_DAYS
        )
    return False


def _long_before(time: tuple[str, str], report: str, days: int) -> bool:
    """Does ``time`` end more than ``days`` before the day of ``report``?"""
    end = interval(*time)[1]
    try:
        return (date.fromisoformat(report[:10]) - end).days > days
    except ValueError:
        return False


def recurring(m: MentionFeatures) -> bool:
    """Is the mention of a kind a story tells many times (see STORY_RECURRING_TYPES)?"""
    # The lemma itself, not its base: "agreed" (with a view) recurs, "the agreement" not.
    return m.type in STORY_RECURRING_TYPES or (m.lemma or "") in STORY_RECURRING_LEMMAS


def _one_saying(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is ``m`` a saying of what every mention of ``e`` says (one linked event), by the
    same speaker where both name one (see SAYINGS)? "CNN confirmed Gupta was approached"
    and "Gupta confirmed on Twitter that he was approached" are two sayings."""
    if not SAYINGS or m.reported is None or e.reported != {m.reported} or e.unsaid:
        return False
    return m.actor is None or not e.actors or agrees_with_any(m.actor, e.actors)


def relation(m: MentionFeatures, e: EventFeatures) -> str:
    """Where the mention stands to the event: ``article`` (the event is already reported
    in the mention's article), ``story`` (in another article of its story) or
    ``stories`` (only in other stories)."""
    if m.article_id in e.article_ids:
        return "article"
    if m.story is not None and m.story in e.stories:
        return "story"
    return "stories"


def score(m: MentionFeatures, e: EventFeatures, *, sole: bool = False) -> float | None:
    """Evidence that ``m`` reports event ``e``; None when something conflicts or, across
    stories, when the evidence is not strong (see :data:`ACROSS_STORIES_NEEDS`).

    ``sole``: ``e`` is the only event of the mention's article told with its word, so
    distance in the article does not matter (nothing else it could be)."""
    rel = relation(m, e)
    said = _one_saying(m, e)
    if rel == "stories" and m.vague and not said:
        return None
    if rel == "story" and m.vague and (recurring(m) or not VAGUE_IN_STORY) and not said:
        return None
    if rel != "article" and UNSURE_STAYS and m.modality in UNSURE and m.vague:
        return None
    if rel != "article" and UNSURE_STAYS and not e.sure_articles:
        # ... nor is an event only such mentions tell joined from another article:
        # "were required to consult" in three reports is a rule, not a happening
        return None
    if (rel != "article" or GENERIC_STAYS) and (m.modality == "generic" or not e.specific):
        # "the bankruptcies of Lehman Brothers, Washington Mutual ...": a generic plural
        # names no one happening another report could tell; it stays in its article.
        return None
    evidence = 0.0
    same_word = said or bool(m.lemma and (m.lemma in e.lemmas or base_lemma(m.lemma) in e.bases))
    same_type = bool(m.type and m.type != "other" and m.type in e.types)
    if same_word:
        evidence += 1.0
    elif same_type:
        evidence += 0.5
    else:
        return None
    if m.type in ACTOR_BOUND_TYPES and not (m.actor and agrees_with_any(m.actor, e.actors)):
        return None  # "the RTS fell" and "the Nasdaq fell": two markets, two moves
    disagree = 0
    anchors = 0  # participants, place or time that agree
    strong = 0  # actor, target, place, day: the pieces that tell two stories' events apart
    dated = False  # the times meet at day, week or month precision
    same_year = False  # ... at year precision
    on_day = False  # ... at day precision
    slip = False  # a once-only happening's dates slipped (see _once_slip)
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
    if m.date and m.precision and e.time:
        meet, coarser = times_meet((m.date, m.precision), e.time, same_word=same_word)
        # one party's bankruptcy, days apart in one story: a dating slip, not two events
        slip = not meet and _once_slip(m, e, rel)
        if not meet and not slip:
            # Two well-placed times that do not meet are two events; a year apart may be
            # a wrongly attached "2009", so it only counts against, but for a kind told
            # many times: NASA "announced" a year ago and on Monday are two announcements.
            if VETO_TIME and (coarser != "year" or (RECURRING_YEAR and recurring(m))):
                return None
            evidence -= 1.0
        else:
            evidence += TIME_WEIGHT[coarser]
            dated = coarser in ("day", "week", "month")
            same_year = coarser == "year"
            on_day = coarser == "day"
            strong += on_day
            anchors += dated
    if m.location is not None and e.locations:
        if agrees_with_any(m.location, e.locations):
            evidence += 0.5
            strong += 1
            anchors += 1
        else:
            evidence -= PLACE_PENALTY
    if rel != "article" and RECALLED_DAYS and _recalled_apart(m, e):
        return None
    if LEDE_IS_NEWS and _lede_against_recalled(m, e):
        return None
    if (
        VETO_BEFORE_REPORT
        and not slip
        and m.modality != "hypothetical"
        and m.published
        and e.time
        and e.first_report
    ):
        # A report cannot precede what it reports: a mention's time that begins after the
        # event was already reported, or an event that begins after this report, is
        # another event (a later attack, not the one being recalled).
        # A bare year ("the 2014 Oscars") is often a scheduled event named ahead: only
        # finer times count here.
        # Both hold for happenings told after the fact; one told ahead ("will make a
        # charity flight on October 25") may be told again ahead by another report.
        begins = interval(m.date, m.precision)[0].isoformat() if m.date and m.precision else None
        ahead = m.precision != "year" and begins is not None and after(begins, m.published[:10])
        began = interval(*e.time)[0].isoformat()
        told_ahead = e.time[1] != "year" and after(began, e.first_report)
        if m.precision != "year" and begins and after(begins, e.first_report) and not told_ahead:
            return None
        if e.time[1] != "year" and after(began, m.published[:10]) and not ahead:
            return None
    if not same_word and TYPE_ONLY_NEEDS_TIME and not (anchors >= 2 and dated):
        # Another word of the same kind ("war" and "attack", "retaliated" and "attack")
        # names the same happening only when who and when both agree.
        return None
    if rel == "article":
        here = e.sentences.get(m.article_id)
        if sole and same_word and not (SOLE_NOT_RECURRING and recurring(m)):
            evidence += LOCALITY
        elif here and m.sentence is not None:
            # Within an article, "the attack" two sentences on is the attack just told;
            # twenty sentences on, the same word is as likely another attack.
            dist = min(abs(m.sentence - s) for s in here)
            # nearer is likelier: of two attacks just told, "the attacks" is the nearer
            evidence += (
                LOCALITY + 0.05 * (LOCAL_SENTENCES - dist) if dist <= LOCAL_SENTENCES else -LOCALITY
            )
        return evidence
    gap = days_apart(m.published, e.reports) if m.published else None
    # Reports of the same day with no time of their own tell of that day.
    same_day = not m.date and gap == 0 and told.meets_day(m.published, e.time)
    if (
        gap is not None
        and gap > FAR_REPORTS_DAYS
        and not dated
        and not (same_year and _once_pair(m, e))
    ):
        # Reports published far apart are of one event only when the later one dates it
        # ("Hamas' October 7, 2023 attack"): an undated "Jobs announced" in 2010 is not
        # the announcement of a 2007 story, whoever the actor. A named thing is launched
        # by its maker once: the same year is date enough for who and what.
        return None
    if rel == "story":
        # One developing happening: the story has done most of the telling apart. An
        # attack, an arrest, a vote is told once per story: the shared word is enough.
        # Statements, deals, sales and aid recur ("Apple announced" the phone in June and
        # a free case in July): they need two anchors (who and to whom, or who and when).
        # Reports of the same day with no time of their own count as one time: the
        # Nasdaq "has fallen" in two reports of 17 September is that day's fall.
        held = anchors - (RECURRING_DAY and dated and not on_day)
        if (recurring(m) or (RECURRING_EVENTS and told.told_only(e, STORY_RECURRING_LEMMAS))) and (
            held + same_day < STORY_ANCHORS
        ):
            return None
        if FAR_ACTS and anchors < STORY_ANCHORS and told.far_acts(m, e, FAR_REPORTS_DAYS):
            return None  # "In December 2015, Trump released a letter" / "Trump released"
        if not anchors and LEDE_SENTENCES and not told.both_in_ledes(m, e, LEDE_SENTENCES):
            # Told deeper in: only when the sentences say more of it in common, and do
            # not say it was done to different things.
            if told.shared_words(m, e) < DEEP_SHARED_WORDS:
                return None
            if THEME_VETO and told.other_theme(m, e, PARTY_OBJECT_TYPES):
                return None
        if not anchors and gap is not None and gap > UNANCHORED_DAYS:
            # Nothing but the word: breaking news is told the same day and the next; the
            # word weeks on in the same story is another happening ("the bailout" of
            # December and "endless bailouts" in April).
            return None
        return evidence + STORY_BONUS
    # Across stories: the same kind of happening, and at least two of who, to whom, where
    # and the day; a shared word with a shared region is how wrong links are made.
    if (
        m.actor is not None
        and base_lemma(m.lemma) in ONCE_LEMMAS
        and agrees_with_any(m.actor, e.actors)
    ):
        # What befalls one party happens to it once: "the bankruptcy of Chrysler" a month
        # on is Chrysler's filing; its party is the whole of who, to whom and where.
        strong += 1
    if SAME_DAY_WORDS and same_day and told.shared_words(m, e) >= SAME_DAY_WORDS:
        # Reports of one day, neither dating it, that tell it in the same words (a wire
        # story run by two outlets: the FTSE "dropped in value by 2.36%, which is 118.40
        # points"): the day they share is its day.
        strong += 1
    if not (same_type or (ACROSS_SAME_WORD and same_word)) or strong < ACROSS_STORIES_NEEDS:
        return None
    others = [c for aid, c in e.contexts.items() if aid != m.article_id]
    overlap = max((cosine(m.context, c) for c in others), default=0.0) if m.context else 0.0
    return evidence + CONTEXT_WEIGHT * overlap


def may_slip(m: MentionFeatures, time: tuple[str, str]) -> bool:
    """Is the mention a once-only happening (ONCE_LEMMAS) dated a day at most
    ONCE_SLIP_DAYS off ``time`` (a day)? What :func:`_once_slip` forgives, before its
    party and story are known (the prefilter asks this)."""
    if not ONCE_SLIP_DAYS or base_lemma(m.lemma) not in ONCE_LEMMAS:
        return False
    if not m.date or m.precision != "day" or time[1] != "day":
        return False
    gap = days_apart(m.date, [time[0]])
    return gap is not None and gap <= ONCE_SLIP_DAYS


def _once_slip(m: MentionFeatures, e: EventFeatures, rel: str) -> bool:
    """Inside one story, is the same party's once-only happening (its bankruptcy, its
    chief's resignation) dated a few days off the event's day? Then the dates slipped
    ("filed for bankruptcy earlier today" in a 4 June report of a 1 June press
    conference), not the happening: a story tells one bankruptcy of GM."""
    if rel == "stories" or e.time is None or not may_slip(m, e.time):
        return False
    return m.actor is not None and agrees_with_any(m.actor, e.actors)


def _once_pair(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is the mention a maker's one-time act on a named thing ("Apple launched the iTunes
    Music Store") that the event tells with the same maker and thing?"""
    return bool(
        base_lemma(m.lemma) in ONCE_PAIR_LEMMAS
        and m.actor is not None
        and m.target is not None
        and agrees_with_any(m.actor, e.actors)
        and agrees_with_any(m.target, e.targets)
    )


def _shares_word(m: MentionFeatures, e: EventFeatures) -> bool:
    return bool(m.lemma and (m.lemma in e.lemmas or base_lemma(m.lemma) in e.bases))


def qualifying(
    m: MentionFeatures, candidates: Sequence[EventFeatures], banned: set[int]
) -> list[tuple[float, int]]:
    """(score, id) of every candidate ``m`` may join, best first (ties: input order): what
    :func:`decide` and :func:`analysis.bridges.bridged` both choose from (weigh once, pass
    it to both)."""
    out: list[tuple[float, int]] = []
    told_here = [e for e in candidates if m.article_id in e.article_ids and _shares_word(m, e)]
    for e in candidates:
        if e.id in banned:
            continue
        s = score(m, e, sole=len(told_here) == 1 and told_here[0] is e)
        if s is None:
            continue
        limit = THRESHOLD_SAME_ARTICLE if m.article_id in e.article_ids else THRESHOLD
        if s >= limit:
            out.append((s, e.id))
    out.sort(key=lambda t: -t[0])
    return out


def decide(
    m: MentionFeatures,
    candidates: Sequence[EventFeatures],
    *,
    blocked: Iterable[int] = (),
    found: list[tuple[float, int]] | None = None,
) -> tuple[int | None, float]:
    """The event ``m`` joins (its id and evidence), or (None, best score) for a new event.

    ``blocked`` are events the reader said this mention is not (rejections, splits);
    ``found``, when given, is :func:`qualifying` of the same (blocked ones left out).
    """
    if found is None:
        found = qualifying(m, candidates, set(blocked))
    if found and m.actor is None and m.target is None and m.reported is None:
        # "the arrest" with no one named is the arrest its own article tells, not one
        # another article of the story tells with more words in common.
        own = {e.id for e in candidates if m.article_id in e.article_ids and _shares_word(m, e)}
        found = [f for f in found if f[1] in own] or found
    return (found[0][1], found[0][0]) if found else (None, 0.0)
