"""What a mention states beside its trigger: the prison term of a sentencing (months), the
charge of a charging, an arrest or a conviction, and which one of a series it is ("the
seventh round", "his second interception"). Pure, no parse needed.

Two reports of one sentencing give one term; "was sentenced to seven years in prison"
and "sentencing Gigante to 12 years" are two sentencings of one man (years apart), and
the linker keeps them apart (:func:`analysis.link_rules.stated_apart`). Only the words
right around the trigger count ("sentenced to 12 years", "a 12-year sentence"); a term
the sentence gives elsewhere ("faces up to 20 years") is not the sentence's.

>>> term("sentenced to seven years in prison", 0, 9, "sentence")
84
>>> term("was handed a 12-year prison sentence", 28, 36, "sentence")
144
>>> term("sentenced to 18 months", 0, 9, "sentence")
18
>>> term("was sentenced on Monday", 4, 13, "sentence") is None
True
>>> term("sentenced to seven years", 0, 9, "kill") is None
True
"""

from __future__ import annotations

import re

#: Trigger lemmas whose mentions can give a term.
TERM_LEMMAS = frozenset(["sentence", "jail", "imprison", "imprisonment"])


#: Weekday and month names, in order (:mod:`analysis.timex_patterns` builds its patterns
#: on them; it imports this module, so the names live here).
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

#: Numbers written in words, zero to twenty.
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}


def number_word(text: str, digits: int | None = 3) -> int | None:
    """A whole number written in figures or words ("3", "three"), else None; figures of
    at most ``digits`` digits (None: any, "1200")."""
    lower = text.lower()
    if lower in NUMBER_WORDS:
        return NUMBER_WORDS[lower]
    short = digits is None or len(lower) <= digits
    return int(lower) if lower.isdigit() and short else None


_AMOUNT = r"(\d{1,3}(?:\.\d)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(year|month|week|day)s?"
#: "to seven years", "to 18 months" right after the trigger (a few words between at most:
#: "sentenced Gigante to 12 years", "sentenced him Monday to life" is no amount).
_AFTER = re.compile(
    r"^\W*(?:\S+\s+){0,3}?to\s+(?:serve\s+)?" + _AMOUNT + r"[\s-]+" + _UNIT + r"\b", re.I
)
#: "a 12-year sentence", "a seven-year prison sentence" right before it.
_BEFORE = re.compile(_AMOUNT + r"[\s-]+" + _UNIT + r"(?:[\s-]+(?:prison|jail))?\s*$", re.I)
_MONTHS = {"year": 12, "month": 1, "week": 0.25, "day": 1 / 30}
#: Words looked at on each side of the trigger.
WINDOW = 60


def term(sentence: str, start: int, end: int, lemma: str | None) -> int | None:
    """The term (months, rounded) ``sentence`` gives the trigger at ``start:end``."""
    if (lemma or "").lower() not in TERM_LEMMAS:
        return None
    after = _AFTER.match(sentence[end : end + WINDOW])
    found = after or _BEFORE.search(sentence[max(0, start - WINDOW) : start])
    if found is None:
        return None
    amount, unit = found.group(1).lower(), found.group(2).lower()
    value = float(NUMBER_WORDS[amount]) if amount in NUMBER_WORDS else float(amount)
    return round(value * _MONTHS[unit])


#: Trigger lemmas whose mentions can state a charge ("charged with arson", "arrested on
#: suspicion of drunk driving", "convicted of murder").
CHARGE_LEMMAS = frozenset(["charge", "accuse", "indict", "convict", "arrest"])
#: Words of a charge, as the charge they name: the murder and the killing are one charge,
#: the murder and the animal cruelty two ("charged with the murders of his mother and
#: sister", "also charged with animal cruelty after the family dog was found dead").
CHARGES = {
    **dict.fromkeys(
        ["murder", "murders", "murdering", "killing", "killings", "homicide"], "murder"
    ),
    **dict.fromkeys(["manslaughter"], "manslaughter"),
    **dict.fromkeys(["arson"], "arson"),
    **dict.fromkeys(["assault", "assaults", "assaulting", "battery"], "assault"),
    **dict.fromkeys(["rape", "raping", "rapes"], "rape"),
    **dict.fromkeys(["robbery", "robbing", "robberies"], "robbery"),
    **dict.fromkeys(["burglary", "burglaries"], "burglary"),
    **dict.fromkeys(["theft", "stealing"], "theft"),
    **dict.fromkeys(["fraud"], "fraud"),
    **dict.fromkeys(["cruelty"], "cruelty"),
    **dict.fromkeys(["kidnapping", "kidnap", "abduction"], "kidnapping"),
    **dict.fromkeys(["dui", "dwi", "drunk", "drunken", "drink-driving"], "dui"),
    **dict.fromkeys(["possession"], "possession"),
    **dict.fromkeys(["terrorism"], "terrorism"),
    # "charged with being an accomplice" (his partner's charge, not the murder charge)
    **dict.fromkeys(["accomplice", "complicity", "abetting"], "complicity"),
    **dict.fromkeys(["conspiracy", "conspiring"], "conspiracy"),
}
_CHARGE_AFTER = re.compile(
    r"^\W*(?:\S+\s+){0,3}?(?:with|of|for)\s+((?:[\w-]+\s+){0,5}[\w-]+)", re.I
)
#: Words that may stand between "with" and the charge ("two counts of first-degree").
_BEFORE_CHARGE = frozenset(NUMBER_WORDS) | frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "counts",
        "count",
        "of",
        "first-degree",
        "second-degree",
        "third-degree",
        "first",
        "second",
        "third",
        "degree",
        "suspicion",
        "aggravated",
        "sexual",
        "felony",
        "misdemeanor",
        "animal",
        "attempted",
        "being",
        "voluntary",
        "involuntary",
    ]
)


def charge(sentence: str, start: int, end: int, lemma: str | None) -> str | None:
    """The charge ``sentence`` states for the trigger at ``start:end`` (see CHARGES);
    "attempted murder" is a charge of its own.

    >>> charge("was charged with arson after a fire", 4, 11, "charge")
    'arson'
    >>> charge("charged with two counts of first-degree murder", 0, 7, "charge")
    'murder'
    >>> charge("has also been charged with animal cruelty", 14, 21, "charge")
    'cruelty'
    >>> charge("arrested on suspicion of drunk driving", 0, 8, "arrest")
    'dui'
    >>> charge("charged with attempted murder", 0, 7, "charge")
    'attempted murder'
    >>> charge("was charged with being an accomplice", 4, 11, "charge")
    'complicity'
    >>> charge("charged him on Monday", 0, 7, "charge") is None
    True
    """
    if (lemma or "").lower() not in CHARGE_LEMMAS:
        return None
    found = _CHARGE_AFTER.match(sentence[end : end + WINDOW])
    if found is None:
        return None
    attempted = False
    for word in found.group(1).lower().split():
        if word in CHARGES:
            return ("attempted " if attempted else "") + CHARGES[word]
        if word not in _BEFORE_CHARGE:
            return None
        attempted = attempted or word == "attempted"
    return None


_ORDINALS = {
    w: n
    for n, w in enumerate(
        [
            "zeroth",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ]
    )
}
#: An ordinal right before the trigger ("the seventh round", "in 6th round", "Butler's
#: second interception"); "first-degree" and "the first of the deaths" are none.
_ORDINAL_BEFORE = re.compile(
    r"(?<![\w-])(" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\s+$", re.I
)


#: "into", "in" as a particle ("checked in", "checked in to"; not the place of "walking
#: in the crosswalk"), "out", "up", "down".
_DIRECTION_AFTER = re.compile(
    r"\s*(into\b|in(?=\s*(?:to\b|[,.;:!?]|$))|out\b|up\b|down\b)", re.IGNORECASE
)
#: Particles that undo each other: "checks into rehab" and "checks out of rehab".
OPPOSITE = {"in": "out", "out": "in", "up": "down", "down": "up"}


def direction(sentence: str, start: int, end: int, lemma: str | None) -> str | None:
    """The direction word right after the trigger at ``start:end``, "into" read as "in".

    >>> direction("Lindsay Lohan Checks Out Of Rehab", 14, 20, "check")
    'out'
    >>> direction("Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab", 33, 39, "check")
    'in'
    >>> direction("Microsoft released a patch", 10, 18, "release") is None
    True
    >>> direction("was hit while walking in the crosswalk", 15, 22, "walk") is None
    True
    """
    found = _DIRECTION_AFTER.match(sentence, end)
    if found is None:
        return None
    word = found.group(1).lower()
    return "in" if word == "into" else word


def ordinal(sentence: str, start: int, end: int, lemma: str | None) -> int | None:
    """Which one of a series ``sentence`` says the trigger at ``start:end`` is.

    >>> ordinal("stopping Hasim Rahman in the seventh round", 37, 42, "round")
    7
    >>> ordinal("stops Tony Thompson in 6th round", 27, 32, "round")
    6
    >>> ordinal("It was Butler's second interception", 23, 35, "interception")
    2
    >>> ordinal("charged with first-degree murder", 26, 32, "murder") is None
    True
    >>> ordinal("To Host 86th Oscars", 13, 19, "oscar") is None
    True
    """
    if not sentence[start:end].islower():
        return None  # a name's edition ("the 86th Oscars") is no one's nth happening
    found = _ORDINAL_BEFORE.search(sentence[max(0, start - 20) : start])
    if found is None:
        return None
    word = found.group(1).lower()
    return _ORDINALS[word] if word in _ORDINALS else int(word[:-2])


#: The present or future progressive right before a trigger: "I'm hosting", "is hosting",
#: "are marching", "will be hosting", "to be hosting" (an adverb may stand between).
_PROGRESSIVE_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?:am|is|are|be)|[’'](?:m|re))\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


def progressive(sentence: str, start: int, end: int, lemma: str | None) -> bool:
    """Is the trigger at ``start:end`` an "-ing" form told in the progressive of the
    present or the future: now or ahead of its report, not long before it?

    >>> progressive("It's official: I'm hosting the #Oscars!", 19, 26, "host")
    True
    >>> progressive("I am so excited to be hosting the Oscars", 22, 29, "host")
    True
    >>> progressive("She was hosting the show in 2007", 8, 15, "host")
    False
    >>> progressive("It is the hosting of the Oscars", 10, 17, "host")  # a noun
    False
    """
    if not sentence[start:end].lower().endswith("ing"):
        return False
    return _PROGRESSIVE_BEFORE.search(sentence[max(0, start - 30) : start]) is not None


#: Words before the noun "fire" that make it shots ("opened fire on his bosses",
#: "exchanging small arms fire", "returned fire"), and after the verb that make it shots
#: ("fired at him", "fired on it"): never a dismissal.
_SHOTS_BEFORE = re.compile(
    r"\b(?:open|opened|opens|opening|return|returned|returning|exchange|exchanged|"
    r"exchanging|cease|ceased|draw|drew|drawn|under|arms|gun|heavy|live|sniper|rocket|"
    r"mortar|artillery|machine-gun|automatic)\s+$",
    re.IGNORECASE,
)
_WHEN = (
    rf"(?:{'|'.join(WEEKDAY_NAMES + MONTH_NAMES)}|\d|"
    r"the\s+(?:day|spot|same|eve|morning|evening|night|weekend))"
)
_SHOTS_AFTER = re.compile(
    rf"\s*(?:(?:at|on|upon)\b(?!\s+{_WHEN})|into\b|back\b|off\b|shots\b|warning\b|rounds\b)",
    re.IGNORECASE,
)
#: A passive before the verb "fire" ("from which he was fired last week", "had been
#: fired last Thursday"): a dismissal, unless what follows makes it shots ("was fired at").
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|being|is|are|get|got|gets|getting)\s+$", re.I)
#: ... but what is fired in the passive may be a shot ("A rocket was fired from Gaza",
#: "three shots were fired"): a weapon or a projectile just before it is shots.
_PROJECTILE_BEFORE = re.compile(
    r"\b(?:rocket|missile|shot|round|shell|bullet|gun|weapon|mortar|flare|torpedo|salvo|"
    r"volley|grenade|cannon|canister|gas)s?\s+(?:\w+\s+){0,2}$"
)  # (small letters: "Shell's chief executive was fired" is a dismissal)


def reading(sentence: str, start: int, end: int, lemma: str | None) -> str | None:
    """The sure reading of a word of two senses from the words around the trigger at
    ``start:end``: "shots" or "dismissal" for "fire", None when the words do not say.

    >>> reading("then returned to the office and opened fire on his bosses", 39, 43, "fire")
    'shots'
    >>> reading("LaCalamita loaded a shell and fired at him", 30, 35, "fire")
    'shots'
    >>> reading("the firm from which he was fired last week", 27, 32, "fire")
    'dismissal'
    >>> reading("The 76ers fired Maurice Cheeks on Saturday", 10, 15, "fire") is None
    True
    >>> reading("A rocket was fired from Gaza", 13, 18, "fire")
    'shots'
    >>> reading("the coach was fired on Monday", 14, 19, "fire")
    'dismissal'
    """
    if lemma != "fire":
        return None
    before, after = sentence[:start], sentence[end:]
    if (
        _SHOTS_AFTER.match(after)
        or _SHOTS_BEFORE.search(before)
        or _PROJECTILE_BEFORE.search(before)
    ):
        return "shots"
    if _PASSIVE_BEFORE.search(before):
        return "dismissal"
    return None
