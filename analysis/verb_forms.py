"""The verb of a headline: present tense agreeing with its subject, the future as "to",
a passive as its participle ("GM will cut" -> "GM to cut"; "was rejected" -> "rejected").

Read from the parse (:mod:`analysis.gist_clause` hands the verb token here); the words of
agreement itself are :func:`analysis.clauses.agree`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.clauses import agree

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Auxiliaries of the future ("wo" is "won't"'s first word).
FUTURE_AUXES = frozenset(["will", "'ll", "wo", "shall", "’ll"])
#: Words that open a clause that is no fact: a condition or a question.
CONDITIONS = frozenset(["if", "whether", "unless"])


def condition(verb: Token, owner: Token) -> str:
    """ "If" / "Whether" / "Unless" when the clause of ``verb`` (or of ``owner``, the verb
    its subject belongs to: "if they want to [negotiate]") is a condition or a question:
    a title keeps it, so that "whether Wagoner resigns" is not told as his resignation."""
    for v in (verb, owner):
        mark = next((c for c in v.children if c.dep_ == "mark" and c.lower_ in CONDITIONS), None)
        if mark is not None:
            return mark.lower_.capitalize()
    return ""


def own_subject(verb: Token) -> bool:
    """Has the clause of ``verb`` a subject of its own?"""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def to_infinitive(verb: Token) -> bool:
    """Is ``verb`` an infinitive with "to" ("to discuss")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def shares_modal(verb: Token) -> bool:
    """Does ``verb`` go with its head's modal: a second verb without a subject of its
    own ("will meet and [sign]") or a purpose ("will hold a meeting [to discuss] it"), not
    a participle beside it ("it would keep its weapons, [rejecting] ...")?"""
    if own_subject(verb):
        return False
    return verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and to_infinitive(verb))


#: Adverbs right after a verb that are its particle whatever the parse calls them
#: ("shot [down]": advmod; "a deal with European auto maker Fiat went [through]", a
#: bundled sample, was "Deal goes"), switch ADVERB_PARTICLES.
_PARTICLE_ADVERBS = frozenset(["down", "up", "off", "out", "away", "back", "through"])
ADVERB_PARTICLES = True


def particle(verb: Token) -> str:
    """The verb's particle ("shot down", "called off")."""
    return " ".join(
        c.lower_
        for c in verb.children
        if c.dep_ == "prt"
        or (
            ADVERB_PARTICLES
            and c.dep_ == "advmod"
            and c.i == verb.i + 1
            and c.lower_ in _PARTICLE_ADVERBS
        )
    )


def _be_to(verb: Token) -> bool:
    """Is the verb the infinitive of "be to" ("the leaders are to meet on Friday"): a
    future, told as "to meet"?"""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() == "be"
        and to_infinitive(verb)
        and not any(c.dep_ == "auxpass" for c in verb.children)
    )


#: Switch: see :func:`circumstance_to`.
CIRCUMSTANCE_NO_SUBJECT = True
#: Nouns an infinitive may tell the when, where or why of: "a time to meet", "a place
#: to stay", "the chance to sign" (the noun does nothing; see :func:`circumstance_to`).
CIRCUMSTANCES = frozenset(
    [
        "time",
        "place",
        "way",
        "chance",
        "opportunity",
        "reason",
        "day",
        "date",
        "moment",
        "occasion",
        "venue",
        "spot",
        "location",
        "room",
        "means",
        "deadline",
    ]
)


def circumstance_to(verb: Token) -> bool:
    """Is ``verb`` an infinitive relative on a noun of when, where or why ("would scrawl a
    time to [meet]"): its head noun is no subject ("Time meets on page 20" was a title)."""
    return (
        CIRCUMSTANCE_NO_SUBJECT
        and verb.dep_ in ("relcl", "acl")
        and to_infinitive(verb)
        and verb.head.lemma_.lower() in CIRCUMSTANCES
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
    # imported here: participants imports subjects, which imports this module
    from analysis.participants import title_case

    # "President Nominates Regina Benjamin to Serve": in title case a verb may be
    # tagged a name, so the sentence seems to have none
    return not title_case(verb.sent)


#: Switch: a passive infinitive after "set", "scheduled", "due" or "about" is to come:
#: "was set to be released and sent home on 2 December when she suffered a heart attack"
#: was titled "Ms Page released" (she died in hospital).
SET_TO_COME = True
_SET = frozenset(["set", "schedule", "slate", "due", "about", "poise"])


def _set_to(verb: Token) -> bool:
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


def _asked_to(verb: Token) -> bool:
    """Is ``verb`` (or the infinitive it is joined to) one asked or called for ("calls
    ... to hold", "calls for the prime minister to quit and call")?"""
    if not ASKED_TO_COME:
        return False
    # imported here: modality_cues imports this module
    from analysis.modality_cues import for_to, owed_by_object

    head = verb.head if verb.dep_ == "conj" and not to_infinitive(verb) else verb
    return to_infinitive(head) and (owed_by_object(head) or for_to(head, head))


#: Switch: an infinitive told of an adjective keeps it in titles ("Israel is ready to
#: attack Iran": "Israel ready to attack Iran", not "Israel attacks Iran"; "was unable to
#: capture": "unable to capture"), but for the adjectives that tell it done
#: (DONE_ADJECTIVES: "was able to capture", "was quick to condemn").
ADJECTIVE_TOLD = True
#: (What one is glad or sad to hear, see or say is so: "extremely sad to hear of the
#: untimely death of Katie Jenkin", ECB+ 32, 32_4ecbplus; "pleased to announce".)
DONE_ADJECTIVES = frozenset(
    [
        "able",
        "quick",
        "swift",
        "first",
        "last",
        "latest",
        "sad",
        "sorry",
        "saddened",
        "shocked",
        "surprised",
        "stunned",
        "pleased",
        "delighted",
        "proud",
        "glad",
        "thrilled",
        "honored",
        "honoured",
        "relieved",
        "disappointed",
    ]
)
#: ... and those that tell it not done (analysis.modality: negated).
UNABLE_ADJECTIVES = frozenset(["unable", "powerless"])


#: The subject of "hard to" is what the infinitive is done to: "Tony Thompson is very
#: hard to [hit]" (ECB+ 7, 7_1ecbplus) tells no one hitting.
TOUGH_ADJECTIVES = frozenset(["hard", "easy", "difficult", "tough", "impossible", "simple"])


def told_of_adjective(verb: Token) -> tuple[Token, Token] | None:
    """(adjective, its verb) of a "to" infinitive ``verb`` told of an adjective whose verb's
    subject does it ("ready", "is" of "Israel is ready to [attack]"; "weak and unwilling
    to [fight]": "unwilling", "is"), else None: not "hard to" (TOUGH_ADJECTIVES) nor an
    empty "it" ("it was too early to [link] the fire")."""
    adj = verb.head
    if verb.dep_ != "xcomp" or adj.pos_ != "ADJ" or not to_infinitive(verb):
        return None
    if adj.lemma_.lower() in TOUGH_ADJECTIVES:
        return None
    top = adj
    if adj.dep_ == "conj" and adj.doc[adj.i - 1].dep_ != "cc":
        return None  # (a list's comma: "charges of murder, intent to murder, ...")
    while top.dep_ == "conj" and top.head != top:
        top = top.head
    if top.dep_ == "acomp":
        copula = top.head  # "is ready", "was so intimidated and unwilling"
    elif top is not adj:
        copula = top  # "was so thoroughly overmatched and unwilling"
    else:
        return None
    if copula.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "there") for c in copula.children):
        return None
    return adj, copula


def adjective_to(verb: Token) -> tuple[Token, Token] | None:
    """(adjective, its verb) ``verb`` is told of (:func:`told_of_adjective`), but for
    those that tell it done (DONE_ADJECTIVES: "was able to capture"), else None."""
    told = told_of_adjective(verb)
    if told is None:
        return None
    adj, copula = told
    if adj.lemma_.lower() in DONE_ADJECTIVES and _modal_of(copula) is None:
        return None
    return told  # ("will be able to purchase": not done yet)


def _modal_of(verb: Token) -> str | None:
    return next((c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"), None)


def verb_form(verb: Token, plural: bool, *, passive: bool, reported: bool = False) -> str:
    """The verb as a headline says it: present tense, agreeing with its subject; the
    future as "to"; other modals and "not" kept; a passive as its participle. A reported
    clause keeps its past ("denies it sent arms") and says its future with "will"."""
    lemma = verb.lemma_.lower()
    if lemma == "s" and verb.tag_ == "VBZ":
        lemma = "be"  # "It’ s disappointing" (a space in the contraction): the tagger's "s"
    prt = particle(verb)
    if ADJECTIVE_TOLD and (told_of := adjective_to(verb)) is not None:
        # "ready to attack", "likely to be arrested", "not ready to sign"
        adj, copula = told_of
        core = f"be {verb.lower_}" if passive else lemma
        neg = "not " if any(c.dep_ == "neg" for c in copula.children) else ""
        modal = _modal_of(copula)
        told = f"{modal} {neg}be " if modal else neg
        told += f"{adj.lower_} to {core}"  # "will be able to purchase"
        return f"{told} {prt}" if prt else told
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modal = next((a.lower_ for a in auxes if a.tag_ == "MD"), None)
    if modal is None and shares_modal(verb):
        # "will meet on Friday and sign the deal", "will hold a meeting to discuss it":
        # the verb shares its head's modal
        modal = next((a.lower_ for a in verb.head.children if a.tag_ == "MD"), None)
    negated = any(c.dep_ == "neg" for c in verb.children)
    future = (
        modal in FUTURE_AUXES
        or (modal == "would" and verb.dep_ == "ccomp")
        or _be_to(verb)
        or headline_to(verb)
        or _set_to(verb)
        or _asked_to(verb)
    )
    past = (
        verb.tag_ == "VBD"
        or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes) and not passive)
        or any(a.lower_ == "did" for a in auxes)
    )
    if passive:
        done = verb.lower_ if verb.tag_ in ("VBN", "VBD") else lemma
        if future and not reported:
            head = "to be " + done
        elif future or modal:
            head = f"{'will' if future else modal}{' not' if negated else ''} be {done}"
        else:
            head = ("not " if negated else "") + done
    elif future and not reported:
        head = ("not " if negated else "") + "to " + lemma
    elif future or modal:
        head = f"{'will' if future else modal}{' not' if negated else ''} {lemma}"
    elif negated and lemma == "be":
        head = ("are" if plural else "is") + " not"  # "Deliveries are not due"
    elif negated:
        head = ("do" if plural else "does") + " not " + lemma
        if reported and past:
            head = "did not " + lemma
    elif reported and past:
        # "they have detected" -> "they detected"; but "it had become" is not "it
        # become": a participle written as its base form keeps its "had"
        have = next((a.lower_ for a in auxes if a.lemma_ == "have"), None)
        bare = verb.tag_ == "VBN" and verb.lower_ == lemma
        head = f"{have} {verb.lower_}" if have and bare else verb.lower_
    elif lemma == "be":
        head = "are" if plural else "is"
    else:
        head = agree(lemma, plural)
    return f"{head} {prt}" if prt else head


def coordinated(verb: Token) -> bool:
    """Is a verb the parser made a conjunct joined to its head by "and", "or", "but" or a
    comma? One with neither is a participle it misread ("the murder of three bank workers
    killed when the building was torched" is no second act of who denounced it)."""
    lo, hi = sorted((verb.head.i, verb.i))
    # (wherever the parser hung the "and": "offers flights to New York, ..., Dubai, and
    # recently launched 3 new routes" hangs it on "Dubai")
    return any(t.dep_ == "cc" or t.text in (",", ";", "–", "—") for t in verb.doc[lo + 1 : hi])


#: Switch: a gerund with an article or a possessive of its own is a noun ("after the
#: police shooting", "his shooting of the deer"): no subject is inherited from the clause
#: the parse hangs it on ("Williams said, referring to the anger after the police
#: shooting" was titled "Jumaane D. Williams shoots").
GERUND_NOUNS = True


def gerund_noun(tok: Token) -> bool:
    """Is the -ing verb ``tok`` used as a noun (a determiner or possessive of its own)?"""
    return (
        GERUND_NOUNS
        and tok.tag_ == "VBG"
        and any(
            c.dep_ in ("det", "poss") and c.i < tok.i and c.lower_ != "whose" for c in tok.children
        )
    )


#: Switch: a verb that only says a happening began ("clashes erupted outside the
#: building", "fighting broke out", "violence flared up") is no happening of its own: its
#: subject is, and takes its time, place and how sure it is ("erupted" was a disaster,
#: titled "Disaster in Stadiou"). A bare plural that erupted stays a kind ("extended
#: clashes broke out in Salonika", one article's aside, would join its Athens clashes).
ONSET_IS_THE_HAPPENING = True
#: ... those verbs, with the particle they need ("" for none).
ONSET_VERBS = {"erupt": "", "break": "out", "flare": ""}


def onset_verb(tok: Token) -> Token | None:
    """The onset verb ``tok`` (a noun) is the subject of ("clashes [erupted]", "a fire
    [broke out]"), if any."""
    verb = tok.head
    if not ONSET_IS_THE_HAPPENING or tok.dep_ != "nsubj" or verb.pos_ != "VERB":
        return None
    particle_needed = ONSET_VERBS.get(verb.lemma_.lower())
    if particle_needed is None:
        return None
    if particle_needed and not any(
        c.dep_ == "prt" and c.lower_ == particle_needed for c in verb.children
    ):
        return None
    return verb


def onset_acl(verb: Token) -> bool:
    """Is ``verb`` an onset verb told as a participle on its noun ("the first clashes
    [erupting] at the end of Stadiou street")?"""
    return (
        ONSET_IS_THE_HAPPENING
        and verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and ONSET_VERBS.get(verb.lemma_.lower()) == ""
    )


#: Switch: a gerund after a verb's adjective is done by that verb's subject ("Nichols was
#: found guilty of [murdering] a judge", "found responsible for [killing]"), also where the
#: parse hangs the preposition on a time word between ("found guilty last month of ...").
#: Not when the verb has an object: "the jury found him guilty of [murdering]" (he did).
VERDICT_GERUND = True
_VERDICT_PREPS = frozenset(["of", "for"])


def verdict_verb(prep: Token) -> Token | None:
    """The verb of "found guilty [of]", "held responsible [for]": the preposition hangs on
    the verb's adjective, or on a time word of a verb that has such an adjective."""
    if not VERDICT_GERUND or prep.lower_ not in _VERDICT_PREPS:
        return None
    head = prep.head
    on_adjective = head.pos_ == "ADJ" and head.dep_ in ("oprd", "acomp")
    on_time_word = head.pos_ == "NOUN" and head.dep_ == "npadvmod"
    if not (on_adjective or on_time_word):
        return None
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    adjective = any(c.pos_ == "ADJ" and c.dep_ in ("oprd", "acomp") for c in verb.children)
    return verb if adjective else None


#: Switch: a gerund after a charge noun is done by whoever the verb the charge hangs on
#: tells of: "convicted of the state crime of murdering a deputy", "held on charges of
#: fleeing police", "arrested on suspicion of killing his wife".
CHARGE_GERUND = True
_CHARGE_NOUNS = frozenset(
    ["crime", "charge", "count", "offence", "offense", "suspicion", "accusation", "allegation"]
)


def charge_verb(prep: Token) -> Token | None:
    """The verb of "[convicted] of the crime [of]", "[appeared in court] on charges [of]":
    "of" hangs on a charge noun that is the object of a preposition of the verb (or of a
    place named on the way: "convicted in Georgia of the crime of"); its subject is the one
    charged. None for a verb with an object ("Police arrested Smith on suspicion of
    killing": Smith did it, not Police)."""
    if not CHARGE_GERUND or prep.lower_ != "of":
        return None
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _CHARGE_NOUNS or noun.dep_ != "pobj":
        return None
    verb = noun.head.head
    if verb.dep_ == "pobj" and verb.pos_ == "PROPN":
        verb = verb.head.head  # "convicted in Georgia [of the crime]"
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    return verb


def charged_crime(tok: Token) -> bool:
    """Is ``tok`` the crime a verdict or a charge names ("was found guilty last month of
    [murder]", "convicted of the crime of [murdering]")? Its time is its own, not the
    verdict's (see analysis.events.CRIME_KEEPS_ITS_TIME)."""
    if tok.dep_ != "pobj":
        return False
    return verdict_verb(tok.head) is not None or charge_verb(tok.head) is not None


#: Switch: an attempted deed is its own happening, told with its own word ("the attempted
#: murder of another man" joined the deputy's murder; the man lived).
ATTEMPT_IS_ITS_OWN = True


def attempted(tok: Token) -> bool:
    """Is the noun ``tok`` a deed told as attempted ("attempted murder")?"""
    return (
        ATTEMPT_IS_ITS_OWN
        and tok.pos_ == "NOUN"
        and any(c.dep_ == "amod" and c.lower_ == "attempted" for c in tok.children)
    )


#: Switch: a killing whose object is its own subject ("then killed himself") is a suicide,
#: told with that word: not the killings of others the same sentence tells ("shot his
#: co-workers and then killed himself" was one event with them).
SELF_KILLING = True
_REFLEXIVES = frozenset(["himself", "herself", "themselves", "itself", "oneself", "themself"])


def self_killing(tok: Token) -> bool:
    """Is ``tok`` "kill" with a reflexive object ("killed himself", "kill themselves")?"""
    return (
        SELF_KILLING
        and tok.pos_ == "VERB"
        and tok.lemma_.lower() == "kill"
        and any(c.dep_ in ("dobj", "obj") and c.lower_ in _REFLEXIVES for c in tok.children)
    )
