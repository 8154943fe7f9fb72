"""Infinitives with "to", and those a headline tells as what is to come: "the leaders are
to meet" ("to meet"), the headline's "X to do Y" with no finite verb, a passive "to be"
after "set", "scheduled" or "due", and what someone is asked or called on to do.

:func:`analysis.verb_forms.verb_form` asks them when it writes the future as "to";
:mod:`analysis.modality` asks :func:`headline_to` too, and many read
:func:`to_infinitive`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def to_infinitive(verb: Token) -> bool:
    """Is ``verb`` an infinitive with "to" ("to discuss")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def be_to(verb: Token) -> bool:
    """Is the verb the infinitive of "be to" ("the leaders are to meet on Friday"): a
    future, told as "to meet"?"""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() == "be"
        and to_infinitive(verb)
        and not any(c.dep_ == "auxpass" for c in verb.children)
    )


#: Switch: a headline's "to" verb with no finite verb tells what is to come ("Government
#: wildlife experts to be consulted on development", "DeGeneres to host Oscars"): a plan
#: or a rule, told as one, not a deed done (two reports' rules were one "consult" event,
#: titled "Government wildlife experts consulted on development").
HEADLINE_PLAN = True
_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])


def headline_to(verb: Token) -> bool:
    """Is ``verb`` a "to" verb that heads its sentence, or hangs on the noun that does, in
    a sentence with no finite verb: the headline's "X to do Y", a future?"""
    if not HEADLINE_PLAN or verb.pos_ not in ("VERB", "AUX") or not to_infinitive(verb):
        return False
    head = verb.head
    heads_it = verb.dep_ == "ROOT" or (
        verb.dep_ in ("acl", "relcl") and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")
    )
    if not heads_it or any(t.tag_ in _FINITE for t in verb.sent):
        return False
    # imported here: participants imports subjects, which imports this module (through
    # shared_subjects)
    from analysis.participants import title_case

    # "President Nominates Regina Benjamin to Serve": in title case a verb may be
    # tagged a name, so the sentence seems to have none
    return not title_case(verb.sent)


#: Switch: a passive infinitive after "set", "scheduled", "due" or "about" is to come:
#: "was set to be released and sent home on 2 December when she suffered a heart attack"
#: was titled "Ms Page released" (she died in hospital).
SET_TO_COME = True
_SET = frozenset(["set", "schedule", "slate", "due", "about", "poise"])


def set_to(verb: Token) -> bool:
    """Is ``verb`` a passive "to be" infinitive of a word that sets a time ("was set to
    be released")? (The active "is set to launch" is told by its head; see
    :func:`analysis.clause_subject.governing`.)"""
    return (
        SET_TO_COME
        and verb.dep_ == "xcomp"
        and to_infinitive(verb)
        and any(c.dep_ == "auxpass" for c in verb.children)
        and verb.head.lemma_.lower() in _SET
    )


#: Switch: an infinitive someone is asked or called on to do is to come in titles:
#: "Karamanlis has rejected calls by opposition leaders to hold early elections" was
#: titled "Costas Karamanlis holds early elections" (see modality_cues.owed_by_object
#: and for_to, which make the mention hypothetical).
ASKED_TO_COME = True


def asked_to(verb: Token) -> bool:
    """Is ``verb`` (or the infinitive it is joined to) one asked or called for ("calls
    ... to hold", "calls for the prime minister to quit and call")?"""
    if not ASKED_TO_COME:
        return False
    # imported here: modality_cues imports this module
    from analysis.modality_cues import for_to, owed_by_object

    head = verb.head if verb.dep_ == "conj" and not to_infinitive(verb) else verb
    return to_infinitive(head) and (owed_by_object(head) or for_to(head, head))
