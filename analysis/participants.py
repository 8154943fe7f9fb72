"""Who a participant is not: corrections to what the parse gives
:func:`analysis.arguments.arguments`. A headline's capitalised common word is no name
("After Killer Quake"); who died is a person, and the target of "die" as of "kill"; a
crime's accused is not its victim; an employer is not the hand; one of a people is not
the people; an actor is never its own target. Each rule has a switch, read when it runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis.agreement import names_agree
from analysis.clauses import word_set
from analysis.entity_index import EntityIndex
from analysis.mentions import label_of
from analysis.nlp import known_words
from analysis.role_words import DYING_LEMMAS, EMPLOYEES
from analysis.subjects import subject as _subject
from analysis.terms import CHARGE_LEMMAS
from analysis.triggers import event_type, is_nominal_trigger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


#: Switch: in a headline written in title case ("Iran Villagers Shelter In Tents After
#: Killer Quake", "FALLOUT CONTINUES AFTER BRAZEN ESCAPE", "Microsoft Rushes Emergency
#: Fix"), a capitalised common word before the event noun is no name the tagger left out
#: (see :func:`analysis.untagged_names.untagged_name`): "Killer" made the quake's doer.
HEADLINE_WORDS_NO_NAMES = True
#: A sentence is a title-case headline when this share of its content words outside
#: names, after its first word (at least two), begin with a capital: "In Tents After
#: Killer Quake", not "Police arrested Peter Smith in London" (a sentence full of names).
HEADLINE_CAPITALS = 0.8
#: Only words this long: "CA", "IR", "UK" are more often abbreviations of names.
HEADLINE_WORD_LETTERS = 4


def title_case(sent: Span) -> bool:
    """Is ``sent`` a headline in title case (see HEADLINE_CAPITALS)?"""
    words = [t for t in sent[1:] if t.is_alpha and not t.is_stop and not t.ent_type_]
    capitals = sum(t.text[0].isupper() for t in words)
    return len(words) >= 2 and capitals >= HEADLINE_CAPITALS * len(words)


def headline_word(tok: Token) -> bool:
    """Is ``tok`` a common word capitalised by a title-case headline, not a name (see
    HEADLINE_WORDS_NO_NAMES)? Common: a word of the lemmatizer's WordNet index."""
    if not HEADLINE_WORDS_NO_NAMES or len(tok.text) < HEADLINE_WORD_LETTERS:
        return False
    if not title_case(tok.sent):
        return False
    words = known_words()
    return tok.lower_ in words or tok.lemma_.lower() in words


#: Switch: who died is the target of "die" / "death" / "dead", as of "kill" ("Horton
#: died" and "the killing of Horton" tell one happening to one person).
DEAD_ARE_TARGETS = True


def the_dying(
    tok: Token, actor: Mapping[str, Any] | None, target: Mapping[str, Any] | None, ents: EntityIndex
) -> tuple[Mapping[str, Any] | None, Mapping[str, Any] | None]:
    """(actor, target) of a word of dying: who died as the target (DEAD_ARE_TARGETS), and
    a person (DEAD_ARE_PEOPLE). Other words' are returned as they are."""
    if not dying(tok):
        return actor, target
    if DEAD_ARE_TARGETS and target is None:
        actor, target = None, actor  # "Gigante died", "her death": it befell Gigante
    if DEAD_ARE_TARGETS and actor is not None and target is not None and one_party(actor, target):
        actor = None  # "the death of Zurana Horton": the "of" names who it befell, once
    if DEAD_ARE_PEOPLE and target is not None:
        target = _the_dead(tok, target, ents)
    return actor, target


def dying(tok: Token) -> bool:
    """Is the trigger a word of dying ("died", "death", "dead", "passed away")?"""
    lemma = tok.lemma_.lower()
    if lemma == "pass":
        return any(c.dep_ == "prt" and c.lower_ == "away" for c in tok.children)
    return lemma in DYING_LEMMAS


#: Switch: who died is a person (or a people): a firm, an event or a title the parse made
#: the subject ("Watergate figure Fred LaRue dies", "Mafia 'Oddfather', Vincent 'Chin'
#: Gigante, dies") gives way to the last person named before the word in its sentence.
DEAD_ARE_PEOPLE = True


def _the_dead(tok: Token, target: Mapping[str, Any], ents: EntityIndex) -> Mapping[str, Any]:
    """Who died: ``target`` (the dying word's target), or the person named before the word
    when ``target`` is no person (see DEAD_ARE_PEOPLE)."""
    if label_of(target) in ("PERSON", "NORP") and not _a_modifier(target, tok):
        return target
    people = [
        m
        for t in tok.sent
        if t.i < tok.i
        and (m := ents.by_token.get(t.i)) is not None
        and label_of(m) == "PERSON"
        and not _a_modifier(m, tok)
        and not (DEAD_NOT_IN_CLAUSE and _in_a_clause(m, tok))
        and (not DEAD_IN_ITS_PHRASE or _in_phrase(m, tok))
    ]
    return people[-1] if people else target


#: Switch for :func:`_the_dead`: the stand-in is named in the phrase that tells who died
#: (the subject of "died", the "of" of "death"), not elsewhere in the sentence: "Andrew
#: Lopez was found guilty ... in the death of Zurana Horton" (the tagger's Horton is a
#: facility) is not Lopez's death.
DEAD_IN_ITS_PHRASE = True


def _in_phrase(m: Mapping[str, Any], tok: Token) -> bool:
    """Is mention ``m`` inside the phrase that tells who the dying word ``tok`` befell
    (True when there is no such phrase to go by)?"""
    if tok.pos_ in ("VERB", "AUX"):
        heads = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        heads = [c for c in tok.children if c.dep_ == "poss"] + [
            g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
        ]
    if not heads:
        return True
    root = root_of(m, tok)
    return root is not None and any(h.left_edge.i <= root.i <= h.right_edge.i for h in heads)


#: Switch for :func:`_the_dead`: a person named inside a clause of the sentence ("Bettie
#: Page, the pinup model who provided inspiration for ... artist Olivia De Berardinis,
#: died") is not who died; only one named in the subject's own phrase may stand in.
DEAD_NOT_IN_CLAUSE = True
_CLAUSES = frozenset(["relcl", "advcl", "acl", "ccomp", "xcomp", "csubj"])


def _in_a_clause(m: Mapping[str, Any], tok: Token) -> bool:
    """Does the way up from mention ``m`` to the dying word ``tok`` pass a clause?"""
    t = root_of(m, tok)
    for _ in range(40):
        if t is None or t.i == tok.i or t.head.i == t.i:
            return False
        if t.dep_ in _CLAUSES:
            return True
        t = t.head
    return False


def _a_modifier(m: Mapping[str, Any], tok: Token) -> bool:
    """Is the one-word name ``m`` an adjective on a common noun ("Olympic swimmer", which
    the tagger made a person)?"""
    root = root_of(m, tok)
    return (
        root is not None
        and root.dep_ == "amod"
        and root.head.pos_ == "NOUN"
        and not any(t.dep_ == "compound" for t in root.children)
    )


#: Switch: the crime a verb of accusing names ("charged X with murder", "Y was convicted
#: of killing", "arrested on suspicion of murder") is not done to the accused: a pronoun
#: on it ("charged Lopez and Carrasquillo with her murder") stands for neither.
ACCUSED_NOT_VICTIM = True
ACCUSING = CHARGE_LEMMAS | word_set(
    "suspect try sentence jail imprison acquit clear prosecute detain question quiz book"
)


def _accused(tok: Token) -> Token | None:
    """Who a verb of accusing names for the crime ``tok`` (its object, or its subject in
    the passive), or None when ``tok`` is no crime such a verb names."""
    prep = tok.head
    if tok.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep":
        return None
    if prep.lower_ not in ("with", "of", "for"):
        return None
    verb = prep.head
    if verb.lower_ == "suspicion" and verb.dep_ == "pobj":
        verb = verb.head.head  # "arrested on suspicion of murder"
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ACCUSING:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None:
        return obj
    subj, passive = _subject(verb)
    return subj if passive else None


def one_of_the_accused(tok: Token, target: Mapping[str, Any], ents: EntityIndex) -> bool:
    """Is ``target`` one the crime ``tok`` is charged to (see ACCUSED_NOT_VICTIM)?"""
    if not ACCUSED_NOT_VICTIM:
        return False
    accused = _accused(tok)
    return accused is not None and any(
        ents.near(c) is target for c in (accused, *accused.conjuncts)
    )


#: A violent act by someone named only by where they work or study is not their
#: employer's or school's ("Kraft Foods plant worker executes two", "a Virginia Tech
#: student shot 32 people"); a fighter's or an officer's group acts through them.
EMPLOYER_IS_NOT_THE_HAND = True
#: Kinds of happening one person's hand does.
HAND_TYPES = frozenset(["kill", "attack"])


def root_of(m: Mapping[str, Any], tok: Token) -> Token | None:
    """The root token of the entity mention ``m`` in ``tok``'s document (None: no
    offsets, or none that fall on tokens)."""
    if m.get("start") is None or m.get("end") is None:
        return None
    span = tok.doc.char_span(int(m["start"]), int(m["end"]), alignment_mode="expand")
    return None if span is None else span.root


#: Switch: the one a violent act was done to, named only by whom they work for, is not
#: that organisation: "he shot and killed a U.S. Customs agent" (Wilhelm; joined with the
#: killing of Julie Ann Brandau, a person and a group being no rivals).
VICTIM_NOT_EMPLOYER = True
#: ... people an organisation's name describes as its staff, as victims.
STAFF = EMPLOYEES | frozenset(
    ["agent", "agents", "officer", "officers", "guard", "guards", "official", "officials"]
)


def employer(party: Mapping[str, Any], tok: Token, *, victim: bool = False) -> bool:
    """Is ``party``, the actor (or with ``victim`` the target), an organisation that only
    modifies the noun of the person who acted or was acted on (see
    EMPLOYER_IS_NOT_THE_HAND, VICTIM_NOT_EMPLOYER)?"""
    staff = STAFF if victim else EMPLOYEES
    if not (VICTIM_NOT_EMPLOYER if victim else EMPLOYER_IS_NOT_THE_HAND):
        return False
    if event_type(tok.lemma_, tok.pos_) not in HAND_TYPES or label_of(party) != "ORG":
        return False
    head = root_of(party, tok)
    if head is None:
        return False
    while head.dep_ in ("compound", "nmod") and head.head.lower_ not in staff:
        if head.head.i == head.i or head.head.pos_ not in ("NOUN", "PROPN"):
            return False
        head = head.head
    return head.dep_ in ("compound", "nmod") and head.head.lower_ in staff


#: A nationality or religion that describes one person ("a British climber", "Muslim
#: woman") is not the side that acted or was acted on: the person is (unnamed).
ONE_OF_A_PEOPLE = True


def one_of_a_people(m: Mapping[str, Any] | None, tok: Token) -> bool:
    """Is ``m`` a NORP word modifying one (singular) thing or person other than the
    trigger ("a British climber"; not "an Israeli strike", not "Palestinian gunmen"), or
    a GPE one (ONE_OF_A_COUNTRY: "a U.S. official")?"""
    if not ONE_OF_A_PEOPLE or m is None:
        return False
    label = label_of(m)
    if ONE_OF_A_COUNTRY and label == "GPE":
        return _one_of_a_country(root_of(m, tok), tok)
    if NAME_ON_SOMEONE and label == "PERSON":
        return _name_on_someone(root_of(m, tok), tok)
    word = root_of(m, tok) if label == "NORP" else None
    if word is None:
        return False
    if ONE_NATIONAL and _a_national(word):
        return True  # "stopping the 40-year-old American": one man, not the US
    return _modifies_one_thing(word, tok)


#: Switch: a one-word name the tagger calls a person, written on "a" person noun ("killed
#: a 66-year-old Burnsville woman"), is where she is from, not who she is.
NAME_ON_SOMEONE = True


def _name_on_someone(word: Token | None, tok: Token) -> bool:
    """Is ``word`` a lone name modifying a singular common noun told with "a" ("a
    Burnsville woman")? A person's name does not modify "a woman"; a town's does."""
    if word is None or word.dep_ != "compound" or not 0 < word.i < len(word.doc) - 1:
        return False
    head = word.head
    return (
        word.nbor(-1).pos_ != "PROPN"
        and word.nbor(1).i == head.i
        and _modifies_one_thing(word, tok)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    )


def _modifies_one_thing(word: Token, tok: Token) -> bool:
    """Is ``word`` a modifier of a singular common noun that is neither the trigger nor
    a happening ("a British [climber]"; not "an Israeli [strike]")?"""
    head = word.head
    return (
        word.dep_ in ("amod", "compound", "nmod")
        and head.i != tok.i
        and head.tag_ == "NN"
        and not is_nominal_trigger(head)
    )


#: Switch: a country's name on one unnamed person or thing ("threatening to murder a U.S.
#: official", "a Chinese national was arrested") is not the country: the official is.
ONE_OF_A_COUNTRY = True


def _one_of_a_country(word: Token | None, tok: Token) -> bool:
    """Is the GPE word ``word`` a modifier of a singular common noun with "a" / "an"
    (not the trigger, not a happening: "a U.S. official"; not "the U.S. government",
    not "a U.S. strike")?"""
    return (
        word is not None
        and _modifies_one_thing(word, tok)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in word.head.children)
    )


#: Switch: a people's name told as one person ("the 40-year-old American", "an
#: Iraqi") is that person, unnamed, not the people.
ONE_NATIONAL = True


def _a_national(word: Token) -> bool:
    """Is the NORP word ``word`` the head of a singular noun phrase with an article ("the
    American", "an Israeli")?"""
    return (
        word.dep_ not in ("amod", "compound", "nmod")
        and word.tag_ in ("NNP", "NN", "JJ")
        and not word.text.endswith("s")
        and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in word.children)
    )


def one_party(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two mentions of one party (the same mention, entity, or agreeing names: "Yemen" and
    "Yemeni"): an event's actor is never its own target."""
    if a is b or (a.get("entity") is not None and a.get("entity") is b.get("entity")):
        return True
    name_a = (a.get("entity") or {}).get("name") or a.get("text") or ""
    name_b = (b.get("entity") or {}).get("name") or b.get("text") or ""
    return names_agree(name_a, name_b)


#: A sentence of at most this many words standing as a paragraph of its own is a headline
#: ("Sacked worker shoots ex-colleagues."), told in the present of one happening.
HEADLINE_WORDS = 12


def headline_paragraph(sent: Span) -> bool:
    """Is ``sent`` a short paragraph of its own, or the one after the title (a headline,
    a subheading, a standfirst)?"""
    text = sent.doc.text
    alone = (sent.start_char == 0 or text[sent.start_char - 1] == "\n") and (
        sent.end == len(sent.doc) or "\n" in sent[-1].text or "\n" in sent[-1].whitespace_
    )
    if not alone:
        return False
    words = [t for t in sent if not (t.is_space or t.is_punct)]
    # ... or the paragraph right after the title, however long ("Enraged protesters battle
    # cops in Brooklyn streets during third night of rioting after ...")
    return len(words) <= HEADLINE_WORDS or sent.start_char < _second_line_end(text)


def _second_line_end(text: str) -> int:
    """Where the text's second non-empty line ends (read no further than that)."""
    pos, seen = 0, 0
    while seen < 2:
        end = text.find("\n", pos)
        seen += bool(text[pos : end if end >= 0 else len(text)].strip())
        if end < 0:
            return len(text)
        pos = end + 1
    return pos


def last_word(sent: Span) -> Token:
    """The sentence's last token that is not white space (a paragraph's sentence ends
    with its "\\n\\n": "...on national forests.\\n\\n" ends as prose does)."""
    return next((t for t in reversed(sent) if not t.is_space), sent[-1])
