"""Do two mentions name the same participant, and the same happening? Pure, no database.

Entity agreement is by canonical id, or by name when the names are one word's
derivatives ("Israel" / "Israeli", "Houthi" / "Houthis") or one contains the other
("Magic Seas" / "MV Magic Seas"): the entity step keeps a demonym and its country apart,
but for an event's participants they are the same side. Trigger words agree when their
lemmas are equal or derive from one verb ("killing" / "kill", "death" / "die"). Articles
agree by the tf-idf cosine of the entities they name.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from analysis.nlp import known_verbs


@dataclass(frozen=True)
class Arg:
    """An event participant or place: a canonical entity id, its name and (when known)
    its entity label (PERSON, ORG, GPE, NORP, ...)."""

    id: int
    name: str
    label: str | None = None


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).casefold()
    text = "".join(c for c in text if c.isalnum() or c.isspace())
    words = text.split()
    if words and words[0] in ("the", "mv", "ms", "mt"):
        words = words[1:]
    return " ".join(words)


def names_agree(a: str, b: str) -> bool:
    """Same participant by name: equal, a derivative (Israel/Israeli), or contained."""
    x, y = fold(a), fold(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3:
        return True  # Israel/Israeli, Iran/Iranian, Houthi/Houthis, Syria/Syrian
    sw, lw = short.split(), long.split()
    if SHORT_FIRST_NAMES and _short_first_name(sw, lw):
        return True  # "Fred LaRue" / "Frederick LaRue"
    if FACILITY_WORDS and _same_facility(sw, lw):
        return True  # "Betty Ford Center" / "Betty Ford Clinic"
    if ACRONYMS and _acronym_of(min((a, b), key=len), lw):
        return True  # "NFL" / "National Football League"
    if len(sw) > 1:
        # an initial says too little to disagree: "Regina M" (of "Regina M. Benjamin")
        sw = [w for w in sw if len(w) > 1] or sw
    return len(sw) >= 1 and len(short) >= 4 and all(w in lw for w in sw)


#: Switch: a first name's short form is the same person ("Fred LaRue" / "Frederick
#: LaRue", "Chris Dodd" / "Christopher Dodd"): the rest of the name equal, and one first
#: name the start of the other, at least SHORT_FIRST_LETTERS letters long.
SHORT_FIRST_NAMES = True
SHORT_FIRST_LETTERS = 3


def _short_first_name(a: list[str], b: list[str]) -> bool:
    """Do two names (folded words) differ only by a first name and its short form?"""
    if len(a) < 2 or len(a) != len(b) or a[1:] != b[1:] or a[0] == b[0]:
        return False
    short, long = sorted((a[0], b[0]), key=len)
    return len(short) >= SHORT_FIRST_LETTERS and long.startswith(short)


#: Switch: a place of care named by its own name and another word for what it is ("the
#: Betty Ford Center" / "the Betty Ford Clinic", "Promises Treatment Center" / "...
#: Centre") is one place: the name before that word (two words at least) is equal.
FACILITY_WORDS = True
_FACILITY = frozenset(["center", "centre", "clinic"])


def _same_facility(a: list[str], b: list[str]) -> bool:
    """Do two names (folded words) differ only by their last word, both words for a
    place of care, after a name of two words or more?"""
    return (
        len(a) >= 3
        and len(a) == len(b)
        and a[:-1] == b[:-1]
        and a[-1] in _FACILITY
        and b[-1] in _FACILITY
    )


#: Switch: a name in capitals made of the first letters of another's words is its
#: acronym ("NFL" / "National Football League", "MVC" / "Missouri Valley Conference");
#: three letters at least (two say too little: "PA" is Pennsylvania and the Palestinian
#: Authority), or two written with their full stops ("U.S.", "U.N.").
ACRONYMS = True
_ACRONYM_SKIP = frozenset(["of", "the", "and", "for", "&"])


def _acronym_of(name: str, words: list[str]) -> bool:
    """Is ``name`` (as written) in capitals the initials of ``words`` (folded)?"""
    letters = name.replace(".", "")
    dotted = len(letters) == 2 and name == ".".join(letters) + "."  # "U.S.", "U.N."
    if not ((3 <= len(letters) <= 6 or dotted) and letters.isalpha() and letters.isupper()):
        return False
    initials = "".join(w[0] for w in words if w not in _ACRONYM_SKIP)
    return initials == letters.casefold()


def args_agree(a: Arg, b: Arg) -> bool:
    return a.id == b.id or names_agree(a.name, b.name)


def agrees_with_any(a: Arg, group: Iterable[Arg]) -> bool:
    return any(args_agree(a, b) for b in group)


#: Entity labels of people; every other label of a participant names a group or a
#: place that acts as one (a country, a company, a militia, a nationality).
PEOPLE = frozenset(["PERSON"])


def rivals(a: Arg, b: Arg) -> bool:
    """Can ``a`` and ``b``, in the same role of two reports, be two different sides?

    Only like with like: two people, or two groups. A person and a group in one role are
    as often one side told two ways (the leader and his country, the spokesman and his
    company: "Netanyahu ordered the strike" / "Israel struck") as a slip of the parse or
    the entity tagger ("Dr" tagged a place, "Surgeon General" an organisation, the
    "Australian" of "an Australian sailor" taken for the sailor). Unknown labels are
    taken as rivals: the rule only ever spares a link the labels explain.
    """
    if args_agree(a, b):
        return False
    if a.label is None or b.label is None:
        return True
    if NAMED_PEOPLE_ARE_PERSONS and _person_shaped(a) and _person_shaped(b):
        return True  # "Eddie Jordan" and "Maurice Cheeks" (tagged a people): two men
    return (a.label in PEOPLE) == (b.label in PEOPLE)


#: Switch: a name the tagger read as a people (NORP) shaped as a first and last name is
#: weighed as a person against a person: "Maurice Cheeks" is tagged a people in most of
#: ECB+ 5's reports, so Eddie Jordan's firing ("threw Jordan under the bus after he was
#: fired", 5_4ecb) was no rival of Cheeks' and joined it. Only in the weighing: the
#: entity keeps its label, so every report of Cheeks names one entity for the stories (a
#: relabelling where the article agreed him with a singular verb left some reports
#: NORP, others PERSON, and split a story: dev stories 0.969 -> 0.966). (Taking such
#: names for people a "he" may stand for, too, was tried: "Robyn Mendes [tagged a people]
#: was the victim in that case. In 2005, he was charged" read "he" as Mendes.)
NAMED_PEOPLE_ARE_PERSONS = True


def _person_shaped(a: Arg) -> bool:
    """A person, or a people's name of two capitalised words ("Maurice Cheeks")."""
    return a.label in PEOPLE or person_named(a.name, a.label)


def person_named(name: str, label: str | None) -> bool:
    """Is ``name``, tagged a people (NORP), shaped as a first and last name ("Maurice
    Cheeks", "Jermayne Timmons"; not "Shiites")? The shape cannot tell a people of two
    capitalised words ("Bosnian Serbs") from a person: such a people is a person's rival
    too, where the labels alone would have spared the link (see NAMED_PEOPLE_ARE_PERSONS)."""
    words = name.split()
    return (
        NAMED_PEOPLE_ARE_PERSONS
        and label == "NORP"
        and len(words) == 2
        and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)
    )


def rivals_all(a: Arg, group: Iterable[Arg]) -> bool:
    """Is ``a`` a rival of every one of ``group`` (and ``group`` not empty)?"""
    members = list(group)
    return bool(members) and all(rivals(a, b) for b in members)


def context_vector(counts: Mapping[int, tuple[int, int]], articles: int) -> dict[int, float]:
    """An article's entities weighted by tf-idf: ``counts`` maps entity id to (mentions in
    the article, articles mentioning it), ``articles`` is the store's size.

    Why idf: two articles about one region share "United States" and "Israel" whatever they
    report; sharing a rare name (a ship, a town, a suspect) is what makes them one story.
    """
    n = max(articles, 1)
    vec: dict[int, float] = {}
    for eid, (tf, df) in counts.items():
        idf = math.log((n + 1) / (max(df, 1) + 0.5))
        if idf > 0 and tf > 0:
            vec[eid] = (1.0 + math.log(tf)) * idf
    return vec


def cosine(a: Mapping[int, float], b: Mapping[int, float]) -> float:
    """Cosine similarity of two sparse vectors."""
    if not a or not b:
        return 0.0
    if len(b) < len(a):
        a, b = b, a
    dot = sum(w * b[k] for k, w in a.items() if k in b)
    if dot <= 0:
        return 0.0
    return dot / math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))


#: Words of one family name one happening in the same report: a killing and a death (a
#: suicide, "hanged himself": ECB+ 26's Mafia boss found dead in his cell), a hit and a
#: strike, an arrest and a capture, a foiled and a thwarted attempt, a crash and an
#: accident (ECB+ dev: the commonest gold pairs the same lemma misses).
FAMILIES = {
    "kill": "kill die death dead murder slay slaying suicide hang",
    "strike": "strike hit",
    "arrest": "arrest capture apprehend nab detain detention",
    "foil": "foil thwart repel repulse",
    "nominate": "nominate nominee nomination",
    "crash": "crash accident collision collide",
    "shoot": "shoot shooting shot gunfire",
    "flee": "flee escape",
    "unveil": "unveil introduce introduction debut",
    # a contest told by its winner or its result; a robbery by its names (not what was
    # stolen: ECB+ tells the theft apart from the heist)
    "win": "win victory beat defeat triumph",
    "rob": "rob robbery heist",
    "injure": "injure wound",
    "find": "find discover",
    # a fire by any of its names ("the blaze", "the church burned"); a patch or a
    # statement issued or released (ECB+ 8, 13 and 27: the Athens bank fire, the Wasilla
    # church fire, Microsoft's patch)
    "fire": "fire blaze inferno burn",
    "release": "release issue",
}
_FAMILY = {w: head for head, words in FAMILIES.items() for w in words.split()}

_DERIVED = {
    "death": "die",
    "dead": "die",
    "shot": "shoot",
    "sale": "sell",
    "election": "elect",
    "appointment": "appoint",
    "nomination": "nominate",
    "execution": "execute",
    "acquisition": "acquire",
    "invasion": "invade",
    "explosion": "explode",
    "resignation": "resign",
    "announcement": "announce",
    "injury": "injure",
    "quake": "earthquake",
    "arrival": "arrive",
    "departure": "depart",
    "trial": "try",
    "seizure": "seize",
    "interception": "intercept",
    "detention": "detain",
    "capture": "capture",
    "agreement": "agree",
    "negotiation": "negotiate",
    "airstrike": "strike",
    "bombardment": "bombard",
    "assassination": "assassinate",
}


#: Switch: a participle the tagger took for an adjective, its lemma its written word
#: ("escaped", "injured"), is its verb's word.
PARTICIPLE_ADJECTIVES = True
#: Switch: a short verb's "-ies" form kept as a lemma ("dies") is its verb's word.
SHORT_VERB_S = True
#: Restore a gerund's silent e before comparing it with its verb ("driving" / "drive"). A
#: switch so a test can show what it changes.
SILENT_E = True


def base_lemma(lemma: str | None) -> str | None:
    """The verb a trigger lemma derives from, so "killing", "kill" and "shooting", "shot",
    "shoot" agree: a small table plus "-ing" stripping (doubled consonants undone, a
    silent e restored where the model's lemmatizer knows the verb: "driving" is "drive",
    "firing" "fire", while "meeting" stays "meet")."""
    if not lemma:
        return lemma
    lemma = lemma.lower()
    if lemma in _FAMILY:
        return _FAMILY[lemma]
    if lemma in _DERIVED:
        return _FAMILY.get(_DERIVED[lemma], _DERIVED[lemma])
    if PARTICIPLE_ADJECTIVES and len(lemma) > 5 and lemma.endswith("ed"):
        # an adjective's lemma is its word: "the escaped inmates", "the injured" are
        # "escape" and "injure" ("seed" is no "see": short words are left)
        verb = next((v for v in (lemma[:-1], lemma[:-2]) if v in known_verbs()), None)
        if verb is not None:
            return base_lemma(verb)
    if SHORT_VERB_S and lemma.endswith("ies") and lemma[:-1] in known_verbs():
        # a headline's "Dies" the tagger read as a name ("Vincent Gigante Dies in Prison")
        return base_lemma(lemma[:-1])
    if (
        lemma.endswith("s")
        and len(lemma) > 4
        and not lemma.endswith(("ss", "us", "is", "ics", "news"))
    ):
        # a plural the lemmatiser kept ("checks", "talks" tagged as names): its singular
        return base_lemma(lemma[:-1])
    if lemma.endswith("ing") and len(lemma) > 5:
        stem = lemma[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lszaeiou":
            stem = stem[:-1]
        elif SILENT_E and stem + "e" in known_verbs():
            stem += "e"
        return _FAMILY.get(stem, stem)
    return lemma


@functools.lru_cache(maxsize=4096)
def family(lemma: str | None) -> frozenset[str]:
    """The other lemmas the tables know as this one's word ("dead" -> "die", "death",
    "kill", ...): what a lookup by lemma must also ask for. Empty for unknown words."""
    base = base_lemma(lemma)
    if not lemma or not base:
        return frozenset()
    known = set(_FAMILY) | set(_DERIVED) | set(_FAMILY.values()) | set(_DERIVED.values())
    return frozenset(w for w in known if w != lemma and base_lemma(w) == base)


def same_word(a: str | None, b: str | None) -> bool:
    """One trigger word: equal lemmas, or lemmas of one base ("killing" / "kill")."""
    return bool(a and b) and (a == b or base_lemma(a) == base_lemma(b))


_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def names_in(name: str, text: str) -> bool:
    """Does ``text`` name ``name`` (or a name agreeing with it: "Houthi" for "Houthis")?"""
    words = [_POSSESSIVE.sub("", w) for w in text.split()]  # "Swift's claims": Swift
    spans = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}
    if any(names_agree(name, s) for s in spans):
        return True
    # "The US hits them" names the United States: two capitals that are its initials (the
    # linker's names leave two letters out: "US" may be "us" shouted, "IT" a trade)
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return TWO_LETTER_INITIALS and len(initials) == 2 and initials in words


#: Switch: a title reads two capitals as the initials of the name they spell ("US" in
#: "The US hits them" names the United States; see names_in).
TWO_LETTER_INITIALS = True
