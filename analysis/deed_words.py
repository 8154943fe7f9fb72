"""The word a happening is told by for linking, when it is not the trigger's own lemma:
"suicide" for a killing of oneself, "execution" for a death that is a sentence, "death
in prison" for a life sentence's outcome told ahead, "attempted murder" for an attempted
deed, "counter attack" for the answer to an attack: each its own happening, which no
killing or attack joins (:mod:`analysis.events` stores it as the mention's lemma).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.modality_cues import penalty
from analysis.own_deeds import attempted, self_killing

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Switch: a death that is a sentence, or "put to death", is an execution: its own word,
#: not the killing a trial is about ("the jurors could consider death for Nichols", "a
#: decision to put another human being to death" joined Nichols' killings by "death").
PENALTY_IS_EXECUTION = True


def execution(tok: Token) -> bool:
    """Is the death noun ``tok`` a penalty (:func:`penalty`) or "put [someone] to death"?"""
    if not PENALTY_IS_EXECUTION or tok.lemma_.lower() != "death":
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "to":
        # the verb before "to": the parse may hang "to" on a word of the object ("put
        # another human being to death")
        start = max(head.sent.start, head.i - 6)
        verb = next((t for t in reversed(tok.doc[start : head.i]) if t.pos_ == "VERB"), None)
        if verb is not None and verb.lemma_.lower() == "put":
            return True
    return penalty(tok)


def deed_word(tok: Token) -> str:
    """The word a happening is told by for linking: its lemma, but "suicide" for a killing
    of oneself, "execution" for a death that is a sentence, "attempted murder" for an
    attempted deed (each its own happening, see the switches)."""
    lemma = "suicide" if self_killing(tok) else tok.lemma_.lower()
    lemma = "execution" if execution(tok) else lemma
    lemma = "death in prison" if prison_outcome(tok) else lemma
    lemma = f"counter {lemma}" if countered(tok) else lemma
    return f"attempted {lemma}" if attempted(tok) else lemma


#: Switch: a "counter attack", a "counter-strike", a "counter-protest" answers the
#: happening it is named after and is not it: "After the successful counter attack on the
#: pirates, INS Mysore later escorted MV Gibe to safety" (ECB+ 12_12ecb) was one event
#: with "The attack took place about 150 nautical miles off Aden", the pirates' attack.
COUNTER_IS_ANOTHER = True


def countered(tok: Token) -> bool:
    """Is ``tok`` told with "counter" before it ("counter attack", "counter-attack")?"""
    if not COUNTER_IS_ANOTHER:
        return False
    before = [t for t in tok.doc[max(tok.sent.start, tok.i - 2) : tok.i] if t.text != "-"]
    return bool(before) and before[-1].lower_ in ("counter", "counter-")


#: Switch: "will likely die in prison", "expected to die behind bars": a life sentence's
#: outcome told ahead, not a death, and no word of the killings it punishes: three reports
#: of Nichols' sentencing said "he will likely die in prison" (ECB+ 3, 3_1ecb, 3_6ecb,
#: 3_9ecb), and with the murders they told as nouns made one event. A death told done
#: ("Gigante died in prison") stays a death.
PRISON_OUTCOME = True
_PRISONS = frozenset(["prison", "jail", "custody", "bars"])


def prison_outcome(tok: Token) -> bool:
    """Is the verb ``tok`` a bare "die" in prison (see PRISON_OUTCOME)?"""
    if not PRISON_OUTCOME or tok.lemma_.lower() != "die" or tok.tag_ != "VB":
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "behind")
        and any(g.dep_ == "pobj" and g.lemma_.lower() in _PRISONS for g in c.children)
        for c in tok.children
    )
