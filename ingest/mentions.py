"""A stored event mention as the linker sees it (:class:`MentionFeatures`), and what the
event screen says each mention shares with the rest of its event."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from analysis.ahead import told_ahead
from analysis.clauses import definite, trigger_is_verb
from analysis.counts import count
from analysis.linking import Arg, MentionFeatures
from analysis.of_its_kind import after_its_kind, another
from analysis.reasons import link_reasons
from analysis.story_words import sentence_words
from analysis.terms import charge, direction, ordinal, progressive, reading, term
from ingest.event_summary import trigger_in_sentence, under_if


def _arg(row: dict[str, Any], role: str) -> Arg | None:
    eid = row.get(f"{role}_id")
    if eid is None:
        return None
    return Arg(int(eid), row.get(f"{role}_name") or "", row.get(f"{role}_label"))


def mention_features(row: dict[str, Any], context: dict[int, float]) -> MentionFeatures:
    """The linker's view of a stored event mention row."""
    at = trigger_in_sentence(row)
    actor, target = _arg(row, "actor"), _arg(row, "target")
    return MentionFeatures(
        id=int(row["id"]),
        article_id=int(row["article_id"]),
        type=row.get("type"),
        lemma=row.get("lemma"),
        actor=actor,
        target=target,
        location=_arg(row, "location"),
        date=row.get("date"),
        precision=row.get("date_precision"),
        context=context,
        salience=float(row.get("salience") or 0.0),
        sentence=row.get("sentence"),
        published=row.get("published_at"),
        modality=row.get("modality"),
        story=row.get("story_id"),
        theme=frozenset((row.get("theme") or "").split()),
        words=sentence_words(row.get("sentence_text"), row.get("lemma"), row.get("trigger")),
        act=_act(row, at),
        ongoing=_ongoing(row, at),
        definite=bool(_stated(row, at, definite)),
        reported=row.get("reported_event"),
        term=_stated(row, at, term),
        charge=_stated(row, at, charge),
        ordinal=_stated(row, at, ordinal),
        count=_stated(row, at, count),
        ahead=bool(_stated(row, at, told_ahead)),
        direction=_stated(row, at, direction),
        reading=_stated(row, at, reading),
        # a stretch after another of its kind, naming no one (of_its_kind.GAP_FROM_ITS_KIND)
        another=bool(_stated(row, at, another))
        or (actor is None and target is None and bool(_stated(row, at, after_its_kind))),
        conditional=under_if(row, questions=False),
    )


T = TypeVar("T")


def _stated(
    row: dict[str, Any],
    at: tuple[int, int] | None,
    reader: Callable[[str, int, int, str | None], T],
) -> T | None:
    """What the mention's words around its trigger (``at`` in its sentence) state (see
    :mod:`analysis.terms`)."""
    return None if at is None else reader(row["sentence_text"], *at, row.get("lemma"))


#: Switch: irregular pasts ("shot", "struck", "stole") are done acts as "-ed" forms are.
IRREGULAR_PASTS = True


def _act(row: dict[str, Any], at: tuple[int, int] | None) -> bool:
    """Is the mention told with a past-tense verb ("released"), a done act? ``at``: where
    its trigger lies in its sentence."""
    word = (row.get("trigger") or "").lower()
    if word == (row.get("lemma") or "").lower():
        return False
    # a verb form that is neither the base, "-s" nor "-ing" is a past or a participle:
    # "-ed", or an irregular one ("shot", "struck", "stole", "fled", "won")
    past = not word.endswith(("s", "ing")) if IRREGULAR_PASTS else word.endswith("ed")
    if not past:
        return False
    if row.get("modality") not in ("asserted", "reported"):
        return False  # "If elected": not done
    return at is None or trigger_is_verb(row["sentence_text"], *at, row.get("lemma"))


def _ongoing(row: dict[str, Any], at: tuple[int, int] | None) -> bool:
    """Is the mention told with a verb in the progressive of the present or future ("I'm
    hosting the #Oscars", "will be hosting"): now or ahead of its report?"""
    return bool(_stated(row, at, progressive) and _stated(row, at, trigger_is_verb))


#: Mentions of one event explained on the event screen (each against all the others).
MAX_EXPLAINED = 150


def mention_reasons(mentions: list[dict[str, Any]]) -> dict[int, list[str]]:
    """Mention id -> what it shares with the rest of its event (analysis.linking.
    link_reasons), for the rows of :func:`store.events.get_event`."""

    feats = [mention_features(r, {}) for r in mentions[:MAX_EXPLAINED]]
    return {f.id: link_reasons(f, [g for g in feats if g.id != f.id]) for f in feats}
