"""Names the tagger left out, read as organisations: a proper name right before an event
noun ("the Eurogroup meeting") and the stock index a market verb's subject names ("the Dow
Jones Industrial Average falling"). Asked by :func:`analysis.arguments.arguments` and
:mod:`analysis.events`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis.canon import family, key_form
from analysis.markets import INDEX_WORDS
from analysis.participants import headline_word

if TYPE_CHECKING:
    from spacy.tokens import Token


def untagged_name(tok: Token) -> Mapping[str, Any] | None:
    """A proper name right before an event noun that the tagger left out ("the Eurogroup
    meeting"): the event's own participant, as an organisation. Without it "the Eurogroup
    meeting" is any meeting of its article."""
    for c in tok.children:
        if (
            c.dep_ == "compound"
            and c.i == tok.i - 1
            and c.pos_ == "PROPN"
            and not c.ent_type_
            and not c.is_sent_start
            and c.text[:1].isupper()
            and any(ch.isalpha() for ch in c.text)
            and not headline_word(c)
        ):
            return _organisation(c.text, c.idx)
    return None


def _organisation(name: str, start: int) -> Mapping[str, Any]:
    """An entity mention for a name the tagger left out, as an organisation."""
    key = f"{family('ORG')}:{key_form(name, 'ORG')}"  # the entity step's own keys
    entity = {"key": key, "label": "ORG", "name": name, "aliases": []}
    return {"entity": entity, "label": "ORG", "start": start, "end": start + len(name)}


def untagged_index(verb: Token) -> Mapping[str, Any] | None:
    """The stock index a market verb's subject names when the tagger left it out ("with
    the Dow Jones Industrial Average falling below 8,000"): its proper-noun words, as an
    organisation. Without it the move has no market and links nowhere."""
    for subj in verb.children:
        if subj.dep_ not in ("nsubj", "nsubjpass") or subj.pos_ != "PROPN":
            continue
        # "Dow" hangs on "Jones", "Jones" on "Average": the name is the run of compounds
        left = [t for t in subj.subtree if t.dep_ == "compound" and t.i < subj.i]
        first = min(left, key=lambda t: t.i) if left else subj
        span = subj.doc[first.i : subj.i + 1]
        if first.lower_ in INDEX_WORDS and all(t.pos_ == "PROPN" for t in span):
            return _organisation(span.text, span.start_char)
    return None
