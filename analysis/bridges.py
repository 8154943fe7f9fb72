"""One happening left in two events of a story, and the report that joins them: pure.

A story's first reports may each tell a happening with other details, and the linker,
seeing no participant or time in common, keeps two events. A later report that agrees
with both bridges them (:func:`bridged`); they merge when nothing in them conflicts
(:func:`compatible`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from analysis import told_apart
from analysis.agreement import agrees_with_any, rivals
from analysis.counts import counts_apart
from analysis.link_rules import TERMS_APART, directions_apart, stated_apart
from analysis.linking import EventFeatures, MentionFeatures, qualifying, relation, shares_word
from analysis.place_rules import placed_apart
from analysis.time_compare import times_meet
from analysis.told_apart import told_on_other_days

#: Merge two events of a story that one mention reports equally well (see :func:`bridged`).
MERGE_BRIDGED = True


#: Switch: the events one mention bridges merge all together, so each must be compatible
#: with every other one it merges with, not only with the event the mention joins: "to
#: host the Academy Awards", naming no host, fits Hugh Jackman's hosting and, in the same
#: story, one "Tony Awards" (a tagger's person) hosted; those two are rivals (ECB+ 2_8ecb,
#: 2_5ecb, 2_7ecb).
BRIDGED_TOGETHER = True


#: Switch: two events whose participants in one role include rivals that agree with
#: nothing on the other side are two, whatever else they share (see :func:`compatible`).
LONE_RIVALS = True


def bridged(
    m: MentionFeatures,
    candidates: Sequence[EventFeatures],
    chosen: int,
    *,
    blocked: Iterable[int] = (),
    found: list[tuple[float, int]] | None = None,
) -> list[int]:
    """Events of the mention's story that are, by this mention, one with ``chosen``
    (``found``: :func:`analysis.linking.qualifying` of the same, when already weighed).

    A story's first reports may leave one happening in two events (each article told it
    with other details); a later report that names the word and agrees with both, and
    joins either on the evidence, is the bridge: "Vincent Jackson's arrest" told by one
    outlet with the patrol and by another with the charge. The two merge when nothing
    in them conflicts: no rival participants in a role where none agrees, times that
    meet, the same word. Only events of other articles of its story: never across
    stories (there the evidence must be strong), and not within its own article, where
    one word often tells several happenings ("several meetings this weekend")."""
    if not MERGE_BRIDGED or m.vague or m.modality == "generic":
        return []
    by_id = {e.id: e for e in candidates}
    main = by_id.get(chosen)
    if main is None or relation(m, main) != "story":
        return []
    out = []
    if found is None:
        found = qualifying(m, candidates, set(blocked))
    for _, eid in found:
        e = by_id[eid]
        if eid == chosen or relation(m, e) != "story" or not shares_word(m, e):
            continue
        if compatible(main, e) and (
            not BRIDGED_TOGETHER or all(compatible(by_id[o], e) for o in out)
        ):
            out.append(eid)
    return out


def compatible(a: EventFeatures, b: EventFeatures) -> bool:
    """Could two events be one: in each role a participant that agrees or none that are
    rivals, times that meet, and both told as one happening (not only generically)?"""
    if not a.specific or not b.specific:
        return False
    for x, y in ((a.actors, b.actors), (a.targets, b.targets)):
        agree = any(agrees_with_any(p, y) for p in x)
        if x and y and not agree and any(rivals(p, q) for p in x for q in y):
            return False
        if LONE_RIVALS:
            # "Klitschko stopped Tony Thompson" and "... stopped Hasim Rahman": a third
            # side both agree with (a stray "American") does not make them one fight
            lone_x = [p for p in x if not agrees_with_any(p, y)]
            lone_y = [q for q in y if not agrees_with_any(q, x)]
            if any(rivals(p, q) for p in lone_x for q in lone_y):
                return False
    if told_on_other_days(a.days, b.days):
        return False  # one article tells them on two days: two happenings
    if told_apart.ANOTHER_APART and (
        a.told_first & b.told_another or b.told_first & a.told_another
    ):
        return False  # one article tells one, then "another vehicle": two happenings
    if directions_apart(a.directions, b.directions):
        return False  # "checks into rehab" and "checks out of rehab"
    if placed_apart(a.placed, b.placed):
        return False  # "In Virginia, they voted ...; in Mississippi, they voted"
    if TERMS_APART and stated_apart(a.terms, a.charges, b, a.ordinals):
        return False  # seven years and twelve, arson and murder: two sentencings, charges
    if told_apart.COUNTS_APART and counts_apart(a.counts, b.counts):
        return False  # two officers arrested, and more than 200 people
    if a.time and b.time:
        try:
            if not times_meet(a.time, b.time, same_word=True)[0]:
                return False
        except ValueError:
            return False
    return True
