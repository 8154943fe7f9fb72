"""Joins inside one article and inside one story, where the store has already told the
happenings apart (:mod:`analysis.stories`): how near in the article, and what a story's
word-alone join still needs (two anchors for a kind told many times, the lede or words
in common for a join told deep in). Pure; :func:`analysis.linking.score` asks them.
"""

from __future__ import annotations

from analysis import told
from analysis.features import EventFeatures, MentionFeatures
from analysis.link_rules import (
    DEEP_SHARED_WORDS,
    FAR_ACTS,
    FAR_REPORTS_DAYS,
    LEDE_SENTENCES,
    LOCAL_SENTENCES,
    LOCALITY,
    PARTY_OBJECT_TYPES,
    RECURRING_EVENTS,
    SOLE_NOT_RECURRING,
    STORY_ANCHORS,
    STORY_RECURRING_LEMMAS,
    THEME_VETO,
    UNANCHORED_DAYS,
    recurring,
)

#: The sole event of an article told with a word stands for a mention of that word at
#: most this many sentences away (None: anywhere in the article), or for one the text
#: points back with ("the attack" twenty sentences on); farther, a verb or a noun told
#: anew ("visiting the remnants", "a similarly fresh Reuters poll") is as likely another
#: happening of the kind.
SOLE_SENTENCES: int | None = 6


def nearness(m: MentionFeatures, e: EventFeatures, *, same_word: bool, sole: bool) -> float:
    """Evidence from where in one article the mention stands to the event's mentions:
    within an article, "the attack" two sentences on is the attack just told; twenty
    sentences on, the same word is as likely another attack. ``sole``: the event is the
    only one of the article told with the word (nothing else it could be)."""
    here = e.sentences.get(m.article_id) or set()
    far = (
        SOLE_SENTENCES is not None
        and bool(here)
        and m.sentence is not None
        and not (m.definite and m.sentence > min(here))  # pointing back to it
        and min(abs(m.sentence - s) for s in here) > SOLE_SENTENCES
    )
    if sole and same_word and not (SOLE_NOT_RECURRING and recurring(m)) and not far:
        return LOCALITY
    if here and m.sentence is not None:
        dist = min(abs(m.sentence - s) for s in here)
        # nearer is likelier: of two attacks just told, "the attacks" is the nearer
        return LOCALITY + 0.05 * (LOCAL_SENTENCES - dist) if dist <= LOCAL_SENTENCES else -LOCALITY
    return 0.0


def in_story(
    m: MentionFeatures,
    e: EventFeatures,
    *,
    held: int,
    anchors: int,
    same_day: bool,
    gap: int | None,
) -> bool:
    """May the mention join an event of another article of its story? One developing
    happening: the story has done most of the telling apart. An attack, an arrest, a
    vote is told once per story: the shared word is enough. Statements, deals, sales and
    aid recur ("Apple announced" the phone in June and a free case in July): they need
    two anchors (who and to whom, or who and when; ``held``: the anchors, a time that
    meets only at week or month not counted where RECURRING_DAY says so). Reports of the
    same day with no time of their own (``same_day``) count as one time: the Nasdaq "has
    fallen" in two reports of 17 September is that day's fall. ``gap``: days between the
    reports."""
    if (recurring(m) or (RECURRING_EVENTS and told.told_only(e, STORY_RECURRING_LEMMAS))) and (
        held + same_day < STORY_ANCHORS
    ):
        return False
    if FAR_ACTS and anchors < STORY_ANCHORS and told.far_acts(m, e, FAR_REPORTS_DAYS):
        return False  # "In December 2015, Trump released a letter" / "Trump released"
    if not anchors and LEDE_SENTENCES and not told.both_in_ledes(m, e, LEDE_SENTENCES):
        # Told deeper in: only when the sentences say more of it in common, and do not
        # say it was done to different things.
        if told.shared_words(m, e) < DEEP_SHARED_WORDS:
            return False
        if THEME_VETO and told.other_theme(m, e, PARTY_OBJECT_TYPES):
            return False
    # Nothing but the word: breaking news is told the same day and the next; the word
    # weeks on in the same story is another happening ("the bailout" of December and
    # "endless bailouts" in April).
    return not (not anchors and gap is not None and gap > UNANCHORED_DAYS)
