"""Why a mention is in its event, as a reader checks a link: pure, no database.

The event screen shows, beside each mention, what it shares with the rest of its event
(see :func:`link_reasons`), in the linker's own terms (:mod:`analysis.linking`).
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis import told
from analysis.agreement import agrees_with_any
from analysis.linking import (
    LEDE_SENTENCES,
    EventFeatures,
    MentionFeatures,
    relation,
    shares_word,
)
from analysis.time_compare import times_meet


def link_reasons(m: MentionFeatures, others: Sequence[MentionFeatures]) -> list[str]:
    """What a mention shares with the rest of its event, as a reader checks a link: where
    the others are (its article, its story, or other stories), the word or kind, the
    participants and place that agree, and how closely the times meet. Empty when the
    mention is the event's only one. The event screen shows it beside each mention."""
    if not others:
        return []
    e = EventFeatures(id=0)
    for o in others:
        e.add(o)
    rel = relation(m, e)
    reasons = [{"article": "same article", "story": "same story", "stories": "another story"}[rel]]
    if shares_word(m, e):
        reasons.append(f"“{m.lemma}”")
    elif m.type and m.type in e.types:
        reasons.append(f"both {m.type}")
    if m.reported is not None and m.reported in e.reported:
        reasons.append("says the same happening")  # see analysis.linking.SAYINGS
    for label, mine, group in (
        ("by", m.actor, e.actors),
        ("on", m.target, e.targets),
        ("in", m.location, e.locations),
    ):
        if mine is not None and group and agrees_with_any(mine, group):
            reasons.append(f"{label} {mine.name}")
    if m.date and m.precision and e.time:
        try:
            meet, coarser = times_meet((m.date, m.precision), e.time, same_word=True)
        except ValueError:
            meet = False
        if meet:
            reasons.append(f"same {coarser}")
    if rel != "article":
        about = m.theme & told.elsewhere(e.themes, m.article_id)
        if about:
            reasons.append("about " + ", ".join(sorted(about)))
        theirs = [k for aid, k in e.first_sentence.items() if aid != m.article_id]
        # positions known on both sides (both_in_ledes gives unknown ones the benefit)
        if m.sentence is not None and theirs and told.both_in_ledes(m, e, LEDE_SENTENCES):
            reasons.append("both in the lede")
        said = told.shared_words(m, e)
        if len(reasons) == 2 and said:
            # the word alone: the sentences' other words are what the link rests on
            reasons.append(f"{said} more words in common")
    return reasons
