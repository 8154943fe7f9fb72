"""Whom a pronoun stands for, read over an article's entity mentions by token (the methods
:class:`analysis.entity_index.EntityIndex` has from :class:`Antecedents`): "he" / "she" is
the person just named, or the one person of the sentence before ("When Apple CEO Steve
Jobs introduced iPhone 4, he praised the antenna"), "him" never its own verb's subject;
"it" / "they" is the party that tells what it did ("Chrysler announced it will close");
"its" / "their" the party its own clause names as the subject. The cues beyond the names
are :mod:`analysis.pronoun_cues`; a title's own reading of a pronoun is
:mod:`analysis.referents`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from analysis.mentions import label_of, name_of
from analysis.people import surname
from analysis.pronoun_cues import (
    HE,
    PERSON_NOUNS,
    SHE,
    across_quote,
    another_of_its_gender,
    either,
    headline_person,
    matrix_pronoun,
    named_under,
    other_gender_before,
    passive_subject_over_agent,
    person_subject_before,
    pronoun_leads,
    teller_only,
)
from analysis.reporters import reporter
from analysis.role_words import DEATH_NOUNS, PLACE_LABELS
from analysis.subjects import subject as _subject

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


#: Pronouns that stand for one person (see :meth:`EntityIndex.antecedent`).
PERSONAL_PRONOUNS = frozenset(["he", "she", "him", "her", "his"])
#: Switch: an "it" / "they" that tells what the party reporting it did is that party
#: (see :meth:`EntityIndex.speaker`): the pronoun and the labels it may stand for.
SPEAKER_IT = True
_SPEAKER_PRONOUNS = {
    "it": frozenset(["ORG", "GPE"]),
    "they": frozenset(["ORG", "NORP"]),
    "i": frozenset(["PERSON"]),  # (reporters.QUOTED_I)
}
#: Possessives that stand for an organisation, a country or a people (see
#: :meth:`EntityIndex.owner`).
OWNER_PRONOUNS = frozenset(["its", "their"])
#: Switch for EntityIndex.owner: "General Motors recovered from their bankruptcy" is GM's.
CLAUSE_OWNS = True
#: Switch for EntityIndex.antecedent: a "he" goes on with the sentence before's own
#: pronoun, not with a name that sentence holds as no subject.
CENTER_CONTINUES = True
#: Switch: a "he" or "she" after a sentence that names no one stands for the one person
#: the article has named so far ("Anthony Phillip LaSalle, 36, was charged ... The legal
#: limit in Minnesota is 0.08 percent. The charges say ... he said he fled", ECB+ 21,
#: 21_11ecb: titled with a quote, "He fled").
ONE_PERSON_SO_FAR = True
#: Switch: a "he" or "she" subject after a sentence that names no one and whose own main
#: subject is the same pronoun stands for what that pronoun stands for: "Mr. Nichols
#: escaped on March 11, 2005 ... He beat a deputy guarding him and stole her gun. He
#: burst into the courtroom and shot and killed Judge Rowland Barnes" (ECB+ 3, 3_7ecb:
#: the second "He" was no one, and the killing joined another's murder of a deputy).
PRONOUN_CHAIN = True


#: Switch: a person's surname the tagger read as something else ("Jordan", a country, in
#: an article naming Eddie Jordan) is the likelier "he" in its sentence than the person
#: of the sentence before: "none of the players who matter in Washington threw Jordan
#: under the bus after he was fired" (5_4ecb) was Ed Stefanski's firing.
SURNAME_MISREAD = True


#: Switch for EntityIndex._bound (an object pronoun is not its verb's subject).
OBJECT_NOT_SUBJECT = True
#: Switch: whoever tells of a death is not the one who died ("Williams' publicist, Harlan
#: Boll, confirmed her death": "her" is not Boll). See EntityIndex._bound.
TELLER_OUTLIVES = True


#: Switch for EntityIndex.antecedent: a "she" / "her" after a "he" / "his" of its own
#: sentence (or the reverse) is another person than the one the sentence before names.
GENDER_CONTRAST = True

#: Switch for EntityIndex.antecedent: a person told by a common noun as the subject of
#: the main clause is the likelier "he" / "him" of its "when" clause than the person the
#: sentence before names (see pronoun_cues.person_subject_before).
COMMON_SUBJECT_FIRST = True
#: Switch: a "he" in a clause of a passive verb is its subject, not its agent ("X was
#: asked by Judge Y if he understood": X), see pronoun_cues.passive_subject_over_agent.
SUBJECT_OVER_AGENT = True


#: Switch: "he or she", "him or her" stand for someone unknown, no one named before.
EITHER_PRONOUN = True


#: Switch: a subject pronoun is not the person its own verb is done to (see antecedent).
SUBJECT_IS_NOT_OBJECT = True
#: Switch: ... nor any person its own verb names after it: "Robyn Mendes was the victim in
#: that case. In 2005, he was charged with assault and battery on Ms. Mendes with a
#: dangerous weapon" (ECB+ 32, 32_3ecb): "he" was Mendes, the title "Robyn Mendes charged
#: with assault and battery" (undated store, seed 803).
NOT_NAMED_UNDER_ITS_VERB = True
#: Switch: the one person of the sentence before who only tells it is not "he" when what
#: is told has a named subject of its own (see pronoun_cues.teller_only).
TELLER_NOT_TOLD = True


class Antecedents:
    """The pronoun half of :class:`analysis.entity_index.EntityIndex`: the mention a token
    names, a pronoun read as whom it stands for, over the index's ``by_token`` and
    ``people``."""

    by_token: dict[int, Mapping[str, Any]]
    people: list[tuple[int, Mapping[str, Any]]]

    def at(self, tok: Token) -> Mapping[str, Any] | None:
        m = self.by_token.get(tok.i)
        if m is None and tok.lower_ in PERSONAL_PRONOUNS:
            return self.antecedent(tok)
        if m is None and SPEAKER_IT and tok.lower_ in _SPEAKER_PRONOUNS:
            return self.speaker(tok)
        return m

    def speaker(self, tok: Token) -> Mapping[str, Any] | None:
        """The organisation, country or people an "it" / "they" subject stands for when
        it tells what that party itself says it did or will do: "Chrysler announced it
        will close 789 dealerships", "the announcement by General Motors that it had
        filed for bankruptcy", "Houthis said they attacked the ship"
        (:func:`analysis.reporters.reporter`). A person is "he" or "she", never "it"."""
        if tok.dep_ != "nsubj":
            return None  # what "it will be released" is may be another thing than who says
        party = reporter(tok.head, tok)
        m = self.by_token.get(party.i) if party is not None else None
        if m is None or label_of(m) not in _SPEAKER_PRONOUNS[tok.lower_]:
            return None
        return m

    def _chained(self, tok: Token, before: Span) -> Mapping[str, Any] | None:
        """Whom the main subject of the sentence ``before`` stands for, when it is the same
        "he" / "she" as ``tok``, a subject too (see PRONOUN_CHAIN), else None."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or across_quote(before.text):
            return None
        subj = next((t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ != tok.lower_ or subj.lower_ not in ("he", "she"):
            return None
        return self.antecedent(subj)

    def _only_person_so_far(self, tok: Token) -> Mapping[str, Any] | None:
        """The one person the article has named before ``tok`` (see ONE_PERSON_SO_FAR),
        when no person's common noun ("a police officer", "the woman") is a subject
        since that person's last name, nor a name the tagger left untagged; and not the
        one ``tok``'s own verb is done to."""
        doc = tok.doc
        if across_quote(doc[tok.sent.start : tok.i].text.replace("``", '"').replace("''", '"')):
            return None  # a quote's "him" is of the speaker's world: "talk him down"
        # (not a name as a noun's modifier: "a Bloomington store", the tagger's person)
        told = [
            (i, m)
            for i, m in self.people
            if i < tok.i and not (doc[i].dep_ == "compound" and doc[i].head.pos_ == "NOUN")
        ]
        so_far = {name_of(m): m for _, m in told}
        if len(so_far) != 1:
            return None
        ((name, only),) = so_far.items()
        last = max(i for i, _ in told)
        if any(
            t.dep_ in ("nsubj", "nsubjpass")
            and (t.pos_ == "PROPN" or (t.tag_ == "NN" and t.lemma_.lower() in PERSON_NOUNS))
            for t in doc[last + 1 : tok.i]
            if self.by_token.get(t.i) is None
        ):
            return None
        if self._verb_names(tok, name, under=False):
            return None
        # the name's own sentences tell its gender ("Albert Jaquier, committed suicide after
        # he lost his fortune" is no "she")
        other = HE if tok.lower_ in SHE else SHE
        for i, m in told:
            if m is only and any(t.lower_ in other for t in doc[i : doc[i].sent.end]):
                return None
        return only

    def antecedent(self, tok: Token) -> Mapping[str, Any] | None:
        """The person "he" / "she" stands for, when the text leaves no doubt: the last
        person named before it in its sentence, else the only person named in the
        sentence before ("When Apple CEO Steve Jobs introduced iPhone 4, he praised
        the antenna"). Two people in the previous sentence: no guess."""
        if EITHER_PRONOUN and either(tok):
            return None  # "until he or she died": whoever it is, no one named
        if (matrix := matrix_pronoun(tok)) is not None:
            return self.antecedent(matrix)  # "He had boasted ... that he wanted to kill"
        sent = tok.sent
        here = [(i, m) for i, m in self.people if sent.start <= i < tok.i]
        bound = self._bound(tok)
        if bound:
            # "him" is never the subject of its own verb: "Ortiz was hoping to arrest him"
            here = [(i, m) for i, m in here if not any(m is b for b in bound)]
        if here:
            # the speaker of a quote is not the "she" inside it: '"... and she only shot
            # the ones she held responsible," says ADA Fairman' (no guess then)
            outside = [(i, m) for i, m in here if not across_quote(tok.doc[i + 1 : tok.i].text)]
            if not outside:
                return None
            last, m = outside[-1]
            if SUBJECT_OVER_AGENT and (subj := passive_subject_over_agent(tok.doc[last], tok)):
                # "LaCalamita was asked by Judge Michael A. Martone if he understood"
                return next((n for _, n in outside if n is self.by_token.get(subj.i)), m)
            return m
        if SURNAME_MISREAD and (person := self._surname_before(tok)) is not None:
            return person
        if sent.start == 0:
            return headline_person(tok, self.people)
        if GENDER_CONTRAST and other_gender_before(tok):
            # "[Thomas Sam ...] His daughter's condition deteriorated ... her death": "his"
            # is the one person the sentence before names, so "her" is someone else
            return None
        if COMMON_SUBJECT_FIRST and person_subject_before(tok):
            # "A police officer suffered a gash when a tossed brick hit him": the
            # sentence's own subject, named by no name, not the last sentence's person
            return None
        if any(
            t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass")
            for t in tok.doc[sent.start : tok.i]
        ):
            # "Once Trump released the transcript of his call": a name the tagger left
            # untagged is the likelier antecedent than the last sentence's person.
            return None
        before = tok.doc[sent.start - 1].sent
        names = {name_of(m): m for i, m in self.people if before.start <= i < before.end}
        if not names and PRONOUN_CHAIN and (went_on := self._chained(tok, before)) is not None:
            return went_on
        if not names and ONE_PERSON_SO_FAR:
            return self._only_person_so_far(tok) or headline_person(tok, self.people)
        if len(names) != 1:
            return None
        ((name, only),) = names.items()
        named = [i for i, m in self.people if before.start <= i < before.end]
        words = {i for i in range(before.start, before.end) if self.by_token.get(i) is only}
        subject = next(
            (t for t in before if t.i in words and t.dep_ in ("nsubj", "nsubjpass")), None
        )
        if TELLER_NOT_TOLD and teller_only(subject, tok):
            return None  # "Comeaux ... took the guards' weapons, Lyons said. He was serving"
        if GENDER_CONTRAST and another_of_its_gender(tok, before, words, subject):
            # "... the actress's rep Jack Ketsoyan tells the mag. Although the rep would
            # not reveal why she entered rehab": the actress is the likelier "she"
            return None
        if (
            CENTER_CONTINUES
            and not self._named_subject(before, name)
            and any(t.lower_ in PERSONAL_PRONOUNS for t in tok.doc[before.start : min(named)])
        ):
            # "the jury convicted him on charges of conspiring to murder Mr. Gotti. But
            # he was acquitted": the sentence before was about someone it did not name
            # ("him", before the name), and its one name is no subject: "he" goes on
            # with "him". ("Dr. Benjamin's ... commitment to her patients": "her" after
            # the name is the name.)
            return None
        if CENTER_CONTINUES and pronoun_leads(before, min(named)):
            # "In Buckhead, he committed other assaults before ending up at the house that
            # David Wilhelm was building. He shot Wilhelm": the sentence's own subject is
            # a "he" told before the name; the name is a subject only in its clause
            return None
        if self._verb_names(tok, name, under=NOT_NAMED_UNDER_ITS_VERB):
            # "He shot Wilhelm": "he" is not (David) Wilhelm; "he was charged with assault
            # and battery on Ms. Mendes"
            return None
        return only

    def _surname_before(self, tok: Token) -> Mapping[str, Any] | None:
        """The one person of the article whose surname the sentence writes before the
        pronoun ``tok`` under another label than a person's (no country is "he")."""
        sent = tok.sent
        for t in reversed(tok.doc[sent.start : tok.i]):
            # a name alone, tagged as something else: not an untagged word ("Page came
            # out of hiding ... when she agreed": the tagger's choice left alone), nor a
            # word of a longer name ("the Lakewood Sheriff's station")
            alone = t.ent_iob_ == "B" and (t.i + 1 == len(t.doc) or t.nbor(1).ent_iob_ != "I")
            if t.pos_ != "PROPN" or not alone or t.ent_type_ in ("PERSON", ""):
                continue
            people = self._full_names.get(t.lower_, {})
            if len(people) == 1:
                return next(iter(people.values()))
        return None

    @cached_property
    def _full_names(self) -> dict[str, dict[str, Mapping[str, Any]]]:
        """The article's people named in full (two words at least), by surname: name ->
        mention (built once, when a pronoun first asks)."""
        out: dict[str, dict[str, Mapping[str, Any]]] = {}
        for _, m in self.people:
            name = name_of(m)
            key = surname(name) if len(name.split()) >= 2 else None
            if key:
                out.setdefault(key, {})[name] = m
        return out

    def _verb_names(self, tok: Token, name: str, *, under: bool) -> bool:
        """Does the subject pronoun's own verb name ``name``'s person (then the pronoun
        is someone else): anywhere under it after the pronoun (``under``, see
        NOT_NAMED_UNDER_ITS_VERB), else as its object (SUBJECT_IS_NOT_OBJECT)?"""
        if not (under or SUBJECT_IS_NOT_OBJECT):
            return False
        return surname(name) in named_under(tok, self.by_token, objects_only=not under)

    def owner(self, tok: Token) -> Mapping[str, Any] | None:
        """The party an "its" / "their" on a noun stands for when its own clause names
        it as the subject: "General Motors recovered from their bankruptcy", "the CAW
        will ... re-negotiate their agreement". Not a person ("their" for one person is
        rare; "his" and "her" are :meth:`antecedent`'s), and no guess when the verb has an
        object of its own: "Israel accused Hamas of its attack" may be either's."""
        if not CLAUSE_OWNS or tok.lower_ not in OWNER_PRONOUNS or tok.dep_ != "poss":
            return None
        noun = tok.head
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            noun = noun.head.head
            if noun.pos_ in ("VERB", "AUX"):
                break
        if noun.dep_ in ("dobj", "obj"):
            verb = noun.head
        elif noun.pos_ in ("VERB", "AUX") and noun.i != tok.head.i:
            verb = noun
            if any(c.dep_ in ("dobj", "obj", "dative") for c in verb.children):
                return None
        else:
            return None
        who, passive = _subject(verb)
        if who is None or passive or who.sent != tok.sent:
            return None
        if "\n" in tok.doc[min(who.i, tok.i) : max(who.i, tok.i)].text:
            return None  # a heading the parser took into the sentence ("Iraq\nOver ...")
        m = self.by_token.get(who.i)
        # one person is not "its" or "their", nor is a people named by one of them ("One
        # Australian and one English climber have fallen to their deaths")
        if m is None or label_of(m) in ("PERSON", "NORP", *PLACE_LABELS - {"GPE"}):
            return None
        return m

    def _named_subject(self, sent: Span, name: str) -> bool:
        """Is the person called ``name`` a subject (or a subject's apposition) in
        ``sent``, in any of its mentions there?"""
        return any(
            t.dep_ in ("nsubj", "nsubjpass", "appos")
            and (m := self.by_token.get(t.i)) is not None
            and name_of(m) == name
            for t in sent
        )

    def _bound(self, tok: Token) -> list[Mapping[str, Any]]:
        """The people a pronoun cannot stand for: an object pronoun's own verb's subject
        ("Ortiz hoped to arrest him": not Ortiz; he would have said "himself"), and the
        subject (or the name beside it) of a verb that tells the death a possessive
        pronoun owns: who confirms, announces or mourns "her death" is alive."""
        verb = None
        if OBJECT_NOT_SUBJECT and tok.lower_ in ("him", "her", "them"):
            if tok.dep_ in ("dobj", "dative"):
                verb = tok.head
            elif tok.dep_ == "pobj" and tok.head.lower_ in ("at", "on", "against", "toward"):
                verb = tok.head.head  # "LaCalamita ... fired at him": not LaCalamita
        if (
            TELLER_OUTLIVES
            and verb is None
            and tok.dep_ == "poss"
            and tok.lower_ in ("his", "her", "their")
            and tok.head.lemma_.lower() in DEATH_NOUNS
            and tok.head.dep_ == "dobj"
        ):
            verb = tok.head.head
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return []
        who, passive = _subject(verb)
        if who is None or passive:
            return []
        if verb.i == tok.head.i:
            m = self.by_token.get(who.i)
            return [m] if m is not None else []
        named = [who, *(c for c in who.children if c.dep_ == "appos")]
        return [m for t in named if (m := self.by_token.get(t.i)) is not None]
