"""The event a mention joins, chosen among those it qualifies for
(:func:`analysis.linking.qualifying`): the best weighed; but "the arrest" with no one named
joins an event its own article tells, and of the article's own events, or of two the
evidence cannot tell apart, the one whose people the article tells most of. Pure, no
database; its switch is set here, where it is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from analysis.features import EventFeatures, MentionFeatures, shares_word
from analysis.link_rules import LEAD_WEIGHT
from analysis.linking import qualifying


def lead_share(m: MentionFeatures, e: EventFeatures) -> float:
    """How much ``m``'s article tells of ``e``'s participants: the weight of the most
    told of them in the article's entity vector, against its most told entity (0..1)."""
    if not m.context:
        return 0.0
    top = max(m.context.values())
    parties = [a.id for a in (*e.actors, *e.targets)]
    best = max((m.context.get(p, 0.0) for p in parties), default=0.0)
    return best / top if top > 0 else 0.0


def _others_told(m: MentionFeatures, e: EventFeatures) -> float:
    """How much ``m``'s article tells of ``e``'s participants other than ``m``'s own (the
    ones that tell two events with the same actor apart): the largest weight in the
    article's entity vector."""
    if not m.context:
        return 0.0
    mine = {a.id for a in (m.actor, m.target) if a is not None}
    return max(
        (m.context.get(p.id, 0.0) for p in (*e.actors, *e.targets) if p.id not in mine),
        default=0.0,
    )


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
        own = {e.id for e in candidates if m.article_id in e.article_ids and shares_word(m, e)}
        found = [f for f in found if f[1] in own] or found
        if LEAD_WEIGHT and len(found) > 1:
            # Of the article's own events, the one of whom the article tells most: "the
            # second climber to die" in a report on Buckley's fall is Buckley's death,
            # not the death of Rait it recalls further down.
            by_id = {e.id: e for e in candidates}
            found = sorted(found, key=lambda f: -(f[0] + LEAD_WEIGHT * lead_share(m, by_id[f[1]])))
    if TIES_BY_LEAD and len(found) > 1 and found[1][0] >= found[0][0] - TIE:
        # Two events the evidence cannot tell apart: the one whose people the mention's
        # article tells most of ("Barack Obama has announced that he is nominating a rural
        # Alabama Catholic doctor" is Benjamin's nomination, which the article is about,
        # not Collins', another report's aside), else the first as before.
        by_id = {e.id: e for e in candidates}
        tied = [f for f in found if f[0] >= found[0][0] - TIE]
        best = max(tied, key=lambda f: _others_told(m, by_id[f[1]]))  # (the first of equals)
        return best[1], best[0]
    return (found[0][1], found[0][0]) if found else (None, 0.0)


#: Switch: see decide (scores this close are a tie).
TIES_BY_LEAD = True
TIE = 1e-6
