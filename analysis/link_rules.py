"""The linker's rules: the weights of evidence, the switches of each rule (with why), and
the predicates the rules ask of a mention and an event. Pure, no database.

:mod:`analysis.linking` weighs a mention against an event with these (its ``score``);
the names are imported there, so ``analysis.linking.THRESHOLD`` and the rest are read
and set as before. An ablation of a predicate's switch (``ONCE_SLIP_DAYS``, ``SAYINGS``,
...) sets it here, where the predicate reads it.
"""

from __future__ import annotations

from collections.abc import Set

from analysis.agreement import agrees_with_any, base_lemma
from analysis.clauses import word_set
from analysis.features import EventFeatures, MentionFeatures
from analysis.terms import OPPOSITE
from analysis.time_compare import days_apart
from analysis.told import elsewhere

#: Minimum evidence to join an existing event.
THRESHOLD = 1.2
#: Minimum evidence when the candidate event already has mentions in the same article.
THRESHOLD_SAME_ARTICLE = 1.2
#: A mention with no participant and no time, in an article that tells an event with its
#: word, is that event or another of the article's, never another article's: "The cause
#: of death was unknown" deep in a report of Gigante's death is not John Gotti's death,
#: which another report of the story recalls.
OWN_WORD_FIRST = True

TIME_WEIGHT = {"day": 1.0, "week": 0.6, "month": 0.4, "year": 0.2}
#: Evidence lost when two days meet only for the time zones' slack (a day apart).
SLACK_COST = 0.5
#: Weight of the articles' context similarity (cosine of their tf-idf entity vectors).
CONTEXT_WEIGHT = 4.0
#: Within an article: mentions this many sentences apart are "near" (+/- LOCALITY).
LOCAL_SENTENCES = 3
LOCALITY = 0.3
#: A vague mention choosing among its article's events weighs, beside the evidence, how
#: much the article tells of each event's participants (see choice.lead_share): worth
#: two sentences' nearness at most.
LEAD_WEIGHT = 0.1
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
#: An undated happening told in its article's lede is the news of its report: it is not
#: one dated more than FAR_REPORTS_DAYS before that report (see
#: :func:`lede_against_recalled`).
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
#: engines and tankers are both "supplied"; the Dow fell on Monday and on Thursday; a
#: free agent's story signs, fails to sign and will not sign player after player). Inside
#: a story their word alone does not link: they need anchors. Every other kind (an
#: attack, an arrest, a vote, a bankruptcy, a summit) is told once.
STORY_RECURRING_TYPES = frozenset(["statement", "aid", "market"])
STORY_RECURRING_LEMMAS = word_set(
    "buy sell sale selling purchase trade trading export import invest investment lease "
    "order say tell report claim talk comment agree deal poll sign"
)
#: Across stories an event needs the same type and this many of: actor, target, place,
#: and a time that meets at day precision.
ACROSS_STORIES_NEEDS = 2
#: ... where the same word is the same kind even when the lexicon gives it no type
#: ("Jobs resigned", "Apple launched the iTunes Music Store").
ACROSS_SAME_WORD = True
#: Happenings that befall their one party once (the base of the trigger): a company's
#: bankruptcy, a chief's resignation or retirement. Across stories the party agreeing
#: counts twice (see :func:`score`); reports far apart still need a time in common,
#: but for ONCE_FAR_LEMMAS.
ONCE_LEMMAS = word_set("bankruptcy insolvency resign retire retirement")
#: ... of which a company's bankruptcy is its bankruptcy however far apart the reports:
#: "General Motors recovered from their bankruptcy", two years on, is the filing of June
#: 2009. (One person resigns from many posts over the years: Jobs in 1985 and in 2011.)
ONCE_FAR_LEMMAS = word_set("bankruptcy insolvency")
#: Acts a maker does to one named thing once: Apple launched the iTunes Music Store in
#: 2003, whichever year's report recalls it (see :func:`once_pair`).
ONCE_PAIR_LEMMAS = word_set("launch unveil introduce found acquire acquisition")
#: Reports far apart that recall, in one year, one party doing the same to the same thing
#: ("Jobs fought pancreatic cancer in 2004", "has been fighting pancreatic cancer since
#: 2004") tell one happening: the year is date enough, and the thing counts as a side
#: (see :func:`recalled_pair`).
RECALLED_PAIRS = True
#: A generic plural ("quick, surgical bankruptcies") joins no event, not even in its
#: own article: it names a kind of happening, not one.
GENERIC_STAYS = True
#: Across articles, an undated hypothetical mention joins only an event another article
#: also tells as hypothetical: a plan with a plan, never a supposition with the deed.
HYPOTHETICAL_WITH_LIKE = True
#: Across articles, what one tells as not done does not join what others tell as done
#: (see :func:`negated_against_done`).
NEGATED_APART = True
#: Two prison terms are two sentencings, two charges two chargings (analysis.terms).
TERMS_APART = True
#: ... and mentions that say which one of a series each is ("the sixth round" and "the
#: seventh round", "Butler's second interception" and "a third interception", "the
#: second death in the park in two days" and "the first death") are two happenings.
ORDINALS_APART = True
#: Times this many years apart are two happenings even at year precision (a year off may
#: be a wrongly attached year; "hosted the 79th Academy Awards in 2007" and "will be
#: hosting the Oscars this year", told in 2013, are two hostings).
YEARS_APART = 2
#: A plan is not a deed done long before it was told (see :func:`plan_after_deed`).
PLAN_AFTER_DEED = True
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
#: ... words beside the names of the mention's participants and place, which count as
#: participants already (see :func:`analysis.told.name_words`).
SAME_DAY_BESIDE_NAMES = True
#: Inside a story, a once-only happening of the same party (ONCE_LEMMAS) dated this many
#: days off the event's day is the same happening (see :func:`once_slip`; 0: never).
ONCE_SLIP_DAYS = 7
#: A mention that may not happen ("If elected") or did not ("without consulting") and
#: says nothing of who or when joins no other article's event, and an event only such
#: mentions tell is joined from no other article: which election it would be is a guess.
UNSURE_STAYS = True
#: ... and one that may not happen and names no one joins no other article's event even
#: when dated: "how many kids will you kill today", chanted at a vigil, dates no killing;
#: what a supposition's "today" or "next week" gives is when it would be, not a report.
#: Nor is an event only such mentions tell "sure" (see MentionFeatures.sure): the
#: killing that police did is not joined to the chant's event from another report.
UNSURE_NEEDS_PARTY = True
#: ... but a happening set for a day (day precision) in a place is sure enough to be
#: recognised in another report: two reports of the election planned in Turkmenistan
#: for 15 December 2013 tell one election.
SET_FOR_DAY_AND_PLACE = True
#: ... and one told under "if" or "unless" is not sure whoever it names: "If
#: Teixeira signs with the Red Sox" and "If the president had approved the plan" tell a
#: supposition, and two reports' suppositions or a supposition and a deed are not one
#: happening (see MentionFeatures.conditional).
CONDITIONS_UNSURE = True
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
REPORTING_LEMMAS = word_set(
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


def stated_apart(terms: Set[int], charges: Set[str], e: EventFeatures, ordinals: Set[int]) -> bool:
    """Do ``terms``, ``charges`` and ``ordinals`` (a mention's or another event's) and the
    event's mentions each state a prison term, a charge, or which one of a series it is,
    and none in common (see :mod:`analysis.terms`)? One not stated is none."""
    pairs: list[tuple[Set[object], Set[object]]] = [(terms, e.terms), (charges, e.charges)]
    if ORDINALS_APART:
        pairs.append((ordinals, e.ordinals))  # "the sixth round" and "the seventh round"
    return any(mine and theirs and mine.isdisjoint(theirs) for mine, theirs in pairs)


#: Switch: a happening told with one direction word and another told with its opposite
#: are two ("Lindsay Lohan Checks Into Malibu Rehab", "Lindsay Lohan Checks Out Of Rehab").
DIRECTIONS_APART = True


def directions_apart(mine: Set[str], theirs: Set[str]) -> bool:
    """Does each side tell its trigger with a direction word, one the opposite of the
    other's and none in common (see :func:`analysis.terms.direction`)?"""
    return (
        DIRECTIONS_APART
        and bool(mine and theirs)
        and mine.isdisjoint(theirs)
        and any(OPPOSITE[d] in theirs for d in mine)
    )


def years_apart(a: str, b: str) -> int:
    """Whole years between two ISO times ("2007", "2013-08-02" -> 6)."""
    try:
        return abs(int(a[:4]) - int(b[:4]))
    except ValueError:
        return 0


def recurring(m: MentionFeatures) -> bool:
    """Is the mention of a kind a story tells many times (see STORY_RECURRING_TYPES)?"""
    # The lemma itself, not its base: "agreed" (with a view) recurs, "the agreement" not.
    return m.type in STORY_RECURRING_TYPES or (m.lemma or "") in STORY_RECURRING_LEMMAS


def one_saying(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is ``m`` a saying of what every mention of ``e`` says (one linked event), by the
    same speaker where both name one, by no named speaker where one names none (see
    SAYINGS)? "CNN confirmed Gupta was approached" and "Gupta confirmed on Twitter that
    he was approached" are two sayings."""
    if not SAYINGS or m.reported is None or e.reported != {m.reported} or e.unsaid:
        return False
    if m.actor is None or not e.actors:
        # "CNN reported Tuesday" and "according to reports" (or "a senior Democrat
        # said"): one news told by two sources, two sayings; two unnamed ones may be one
        return not (UNNAMED_SPEAKER_APART and (m.actor is None) != (not e.actors))
    return agrees_with_any(m.actor, e.actors)


#: Switch: a saying whose speaker is not named and one by a named speaker are two
#: sayings (see :func:`one_saying`).
UNNAMED_SPEAKER_APART = True


def relation(m: MentionFeatures, e: EventFeatures) -> str:
    """Where the mention stands to the event: ``article`` (the event is already reported
    in the mention's article), ``story`` (in another article of its story) or
    ``stories`` (only in other stories)."""
    if m.article_id in e.article_ids:
        return "article"
    if m.story is not None and m.story in e.stories:
        return "story"
    return "stories"


def may_slip(m: MentionFeatures, time: tuple[str, str]) -> bool:
    """Is the mention a once-only happening (ONCE_LEMMAS) dated a day at most
    ONCE_SLIP_DAYS off ``time`` (a day)? What :func:`once_slip` forgives, before its
    party and story are known (the prefilter asks this)."""
    if not ONCE_SLIP_DAYS or base_lemma(m.lemma) not in ONCE_LEMMAS:
        return False
    if not m.date or m.precision != "day" or time[1] != "day":
        return False
    gap = days_apart(m.date, [time[0]])
    return gap is not None and gap <= ONCE_SLIP_DAYS


def once_slip(m: MentionFeatures, e: EventFeatures, rel: str) -> bool:
    """Inside one story, is the same party's once-only happening (its bankruptcy, its
    chief's resignation) dated a few days off the event's day? Then the dates slipped
    ("filed for bankruptcy earlier today" in a 4 June report of a 1 June press
    conference), not the happening: a story tells one bankruptcy of GM."""
    if rel == "stories" or e.time is None or not may_slip(m, e.time):
        return False
    return m.actor is not None and agrees_with_any(m.actor, e.actors)


def once_pair(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is the mention a maker's one-time act on a named thing ("Apple launched the iTunes
    Music Store") that the event tells with the same maker and thing?"""
    return bool(
        base_lemma(m.lemma) in ONCE_PAIR_LEMMAS
        and m.actor is not None
        and m.target is not None
        and agrees_with_any(m.actor, e.actors)
        and agrees_with_any(m.target, e.targets)
    )


def recalled_pair(m: MentionFeatures, e: EventFeatures) -> bool:
    """Does the mention tell the same party doing the same to the same thing as the
    event's reports in other articles, told as done? The party is named (a people is not
    one party) and the thing is a word of the object (see :mod:`analysis.themes`); kinds
    a story tells many times (statements, meetings, sales) do not count: Jobs "said" in
    2004 many times. The caller checks that the times meet at the year."""
    return bool(
        RECALLED_PAIRS
        and m.actor is not None
        and m.actor.label != "NORP"
        and m.theme
        and m.modality == "asserted"
        and not recurring(m)
        and agrees_with_any(m.actor, e.actors)
        and m.theme & elsewhere(e.themes, m.article_id)
    )


def once_party(m: MentionFeatures, e: EventFeatures, lemmas: Set[str]) -> bool:
    """Is the mention a once-only happening (its base one of ``lemmas``) of a party the
    event names too?"""
    return (
        m.actor is not None and base_lemma(m.lemma) in lemmas and agrees_with_any(m.actor, e.actors)
    )


def once_recalled(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is the mention a party's bankruptcy (ONCE_FAR_LEMMAS) that the event tells of the
    same party (see :func:`score`'s far-reports rule)? A people is no one party."""
    return m.actor is not None and m.actor.label != "NORP" and once_party(m, e, ONCE_FAR_LEMMAS)
