"""Which candidate events can a mention join at all? Decided before they are loaded.

The linker asks :func:`may_join` of every candidate an index lookup brings before it reads
the candidate's participants and contexts: most candidates a shared participant or a wide
date window brings in end here, and their number grows with the store. It restates part
of :func:`analysis.linking.score` (its word/type test, its time veto and the far-reports
veto) and must stay a necessary condition of it: tests/test_linking_prefilter.py checks.
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis import deaths, link_rules, linking
from analysis.agreement import same_word
from analysis.time_compare import days_apart, narrower, times_meet

#: What :func:`may_join` reads of each loaded mention of a candidate event:
#: (type, lemma, date, date precision, article id, article publication date).
Kind = tuple[str | None, str | None, str | None, str | None, int, str | None]


def may_join(m: linking.MentionFeatures, kinds: Iterable[Kind]) -> bool:
    """False when :func:`analysis.linking.score` is certainly None for ``m`` and an event
    whose loaded mentions (newest first, as :class:`EventFeatures` folds them) are
    ``kinds``: none shares the trigger lemma (or its base) or the specific type; or the
    event's narrowest time and the mention's are well placed and do not meet; or, across
    articles, the reports were published more than FAR_REPORTS_DAYS apart and their times
    do not meet at day, week or month precision (or at the year, for a maker's one-time
    act on a named thing)."""
    specific = m.type if m.type and m.type != "other" else None
    shares_word = same_type = False
    across = True
    time: tuple[str, str] | None = None
    reports: set[str] = set()
    for etype, lemma, when, precision, article_id, published in kinds:
        shares_word = shares_word or same_word(m.lemma, lemma)
        same_type = same_type or bool(specific and etype == specific)
        if when and precision:
            time = narrower(time, (when, precision))
        if article_id == m.article_id:
            across = False
        if published:
            reports.add(published[:10])
    if not (shares_word or same_type):
        return False
    dated = same_year = False
    if m.date and m.precision and time:
        try:
            meet, coarser = times_meet((m.date, m.precision), time, same_word=shares_word)
        except ValueError:
            return True  # let score decide
        if linking.VETO_TIME and not meet and coarser != "year" and not linking.may_slip(m, time):
            return False
        dated = meet and coarser in ("day", "week", "month")
        same_year = meet and coarser == "year"
    # a maker's one-time act on a named thing: the year is date enough (see once_pair)
    once = same_year and linking.base_lemma(m.lemma) in linking.ONCE_PAIR_LEMMAS
    # ... or a party's act on a thing recalled in the same year (see recalled_pair)
    recalled = same_year and link_rules.RECALLED_PAIRS and bool(m.actor and m.theme)
    # ... or a party's bankruptcy, whenever recalled (see once_recalled)
    bankrupt = linking.base_lemma(m.lemma) in link_rules.ONCE_FAR_LEMMAS and m.actor is not None
    # ... or a person's death, whenever told (see death_of_one)
    dead = deaths.a_death(m)
    if (
        across
        and m.published
        and not dated
        and not (once and m.actor and m.target)
        and not recalled
        and not bankrupt
        and not dead
    ):
        gap = days_apart(m.published, reports)
        if gap is not None and gap > linking.FAR_REPORTS_DAYS:
            return False
    return True
