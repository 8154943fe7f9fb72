"""How a mention is told beside its trigger word: where in its article (the lede or
deeper), what else its sentence says, and what it is done to (its theme). Pure checks the
linker (:mod:`analysis.linking`) weighs a story's word-alone joins with.
"""

from __future__ import annotations

from datetime import date

from analysis.features import EventFeatures, MentionFeatures
from analysis.story_words import keywords
from analysis.time_compare import times_meet
from analysis.time_values import interval


def both_in_ledes(m: MentionFeatures, e: EventFeatures, lede: int) -> bool:
    """Are the mention and one of the event's reports in another article each told in its
    article's lede (its first ``lede`` sentences)? Where a position is not
    known, nothing tells against it."""
    theirs = [k for aid, k in e.first_sentence.items() if aid != m.article_id]
    if m.sentence is None or not theirs:
        return True
    return m.sentence < lede and min(theirs) < lede


def elsewhere(per_article: dict[int, set[str]], article_id: int) -> set[str]:
    """The union of an event's per-article word sets (its sentences' words, its themes)
    over the articles other than ``article_id``."""
    out: set[str] = set()
    for aid, words in per_article.items():
        if aid != article_id:
            out |= words
    return out


#: Words shared are counted against one other report at a time (the most), not against
#: all of them: a big event's many reports together share two words with any sentence.
ONE_REPORT_AT_A_TIME = True
#: ... and against one of its sentences at a time: "Patrol deputies detained ... nine
#: potential witnesses ... to learn details of the shooting" shares "deputy" with one
#: sentence of the arrest's report and "shooting" with another, words every report of
#: the deputy's killing uses (ECB+ 16_5ecbplus and 16_7ecbplus, the dated store, seed 849).
ONE_SENTENCE_AT_A_TIME = True


def shared_words(m: MentionFeatures, e: EventFeatures, *, beside_names: bool = False) -> int:
    """Content words the mention's sentence shares with the event's sentences in another
    article (its trigger left out): the most with any one of them. ``beside_names``: the
    words of the mention's named actor, target and place left out too (see
    :func:`name_words`)."""
    mine = m.words - name_words(m) if beside_names else m.words
    if not mine:
        return 0
    if not ONE_REPORT_AT_A_TIME:
        return len(mine & elsewhere(e.words, m.article_id))
    if ONE_SENTENCE_AT_A_TIME:
        return max(
            (
                len(mine & words)
                for aid, sentences in e.sentence_words.items()
                if aid != m.article_id
                for words in sentences
            ),
            default=0,
        )
    return max(
        (len(mine & words) for aid, words in e.words.items() if aid != m.article_id),
        default=0,
    )


def name_words(m: MentionFeatures) -> frozenset[str]:
    """The content words of the names of the mention's actor, target and place: words
    whose agreement the linker has already counted as the participants'. Shared again as
    sentence words they would count twice: "hosting the Academy Awards" and "to host the
    Academy Awards" share "academy" and "award" because they share the target, not the
    telling (Hugh Jackman's hosting of 2009, 2_4ecb, and Ellen DeGeneres' of 2014,
    2_9ecbplus: one event in the undated store, seed 801)."""
    out: set[str] = set()
    for arg in (m.actor, m.target, m.location):
        if arg is not None:
            out.update(keywords(arg.name))
    return frozenset(out)


def other_theme(m: MentionFeatures, e: EventFeatures, party_types: frozenset[str]) -> bool:
    """Do the mention and the event's reports in other articles each say what it was done
    to, with no word in common ("released a letter" / "released the transcript")? Kinds
    whose object is a party (``party_types``: attacks, killings) have none."""
    if not m.theme or m.type in party_types:
        return False
    theirs = elsewhere(e.themes, m.article_id)
    return bool(theirs) and not (m.theme & theirs)


def meets_day(published: str | None, time: tuple[str, str] | None) -> bool:
    """Could an undated report published on ``published`` tell of an event at ``time``
    (None: the event has no time of its own either)?"""
    if time is None:
        return True
    if not published:
        return False
    try:
        return times_meet((published[:10], "day"), time, same_word=True)[0]
    except ValueError:
        return False


def told_only(e: EventFeatures, words: frozenset[str]) -> bool:
    """Is every word the event is told with one of ``words`` (kinds that recur: the
    administration "would agree to a meeting" is not "the missile agreement")?"""
    return bool(e.lemmas) and all(lemma in words for lemma in e.lemmas)


def far_acts(m: MentionFeatures, e: EventFeatures, days: int) -> bool:
    """Is one side a done act told with no time ("Trump released the transcript", in a
    report of November 2019) and the other dated more than ``days`` before that report
    ("In December 2015, Trump released a letter")? A report tells its news undated and
    dates what it recalls: two acts. (Nouns name states that last, "the tariffs in place
    since 2018", and are left alone.)"""
    if m.act and not m.date and m.published and e.time:
        return _days_before(e.time, m.published) > days
    theirs = e.undated_acts - {m.article_id}
    if m.date and m.precision and e.time is None and theirs and e.reports:
        return _days_before((m.date, m.precision), min(e.reports)) > days
    return False


def _days_before(time: tuple[str, str], report: str) -> int:
    try:
        return (date.fromisoformat(report[:10]) - interval(*time)[1]).days
    except ValueError:
        return 0
