"""What a report reports: the happening a saying is about.

"The Indian navy said it captured 23 pirates" is told by six outlets; each "said" is one
saying, and what makes the six one saying is what was said: the capture, one linked event.
A reporting word's own arguments are weak evidence (the speaker is often unnamed:
"police said"), but the event it reports, once linked across the reports, is strong: two
sayings of one speaker (or of none named) about one happening are one saying.

:func:`reported` finds the clause a reporting word governs; the linker compares the
events of those clauses (:func:`analysis.linking.score`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.modality_words import REPORTS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: The lemmas of "according (to)", which names its source.
ACCORDING = frozenset(["accord", "according"])
#: Words that report what their clause tells (verbs; "according to" names its source).
REPORTING_WORDS = REPORTS | ACCORDING

_VERBAL = ("VERB", "AUX")
#: Subjects that are the article's own writer: what "I confirmed" is, is this report.
_WRITERS = frozenset(["i", "we"])


def reporting(lemma: str | None) -> bool:
    """Is the word one that reports (say, announce, confirm, according to, ...)?"""
    return (lemma or "").lower() in REPORTING_WORDS


def reported(tok: Token) -> Token | None:
    """The head of the clause the reporting word ``tok`` tells of, or None.

    - its complement: "the navy said [it captured 23 pirates]";
    - the clause it follows, when parsed as hanging from it: "[a gunman shot three
      people], police said" (spaCy attaches either way);
    - the clause "according to" sits in: "[Williams was arrested], according to police".

    None for the writer's own saying ("I confirmed that ..."): it is the article itself.
    """
    if not reporting(tok.lemma_):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _WRITERS for c in tok.children):
        return None  # "I confirmed yesterday that ...": the writer's own finding, no report
    if tok.lemma_.lower() in ACCORDING:
        head = tok.head
        return head if head.pos_ in _VERBAL and head.i != tok.i else None
    for c in tok.children:
        if c.dep_ == "ccomp" and c.pos_ in _VERBAL:
            return c
    if tok.dep_ in ("parataxis", "ccomp", "advcl") and tok.head.i < tok.i:
        head = tok.head
        return head if head.pos_ in _VERBAL else None
    return None


#: Switch: a sentence that opens with "After doing X," and goes on "Y said Z did W" tells
#: Z's sequence of deeds, not Y's: "After shooting Steinberg, Whiteside said LaCalamita
#: walked down the hall" (the sergeant told it).
TOLD_SEQUENCE = True


def told_sequence(prep: Token, head: Token) -> Token | None:
    """The reported past verb whose subject does a fronted "after" / "before" gerund
    hung on a reporting verb (see TOLD_SEQUENCE), or None."""
    if not TOLD_SEQUENCE or prep.lower_ not in ("after", "before") or head.lemma_ not in REPORTS:
        return None
    said = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not said or prep.i > said[0].i:
        return None  # "..., Luck said after leading Indianapolis to a victory"
    told = next((c for c in head.children if c.dep_ == "ccomp" and c.tag_ == "VBD"), None)
    if told is None or any(c.dep_ in ("aux", "auxpass") for c in told.children):
        return None
    # a name or a noun: "McDermott had told his father ... that he intended" is his
    return told if any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in told.children) else None
