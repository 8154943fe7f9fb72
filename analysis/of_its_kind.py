"""Told as another one of its kind: a trigger the sentence sets apart from the happening of
its kind told first ("hit another vehicle", "another attack", "was also killed", "more
acquisitions like this", a shooting told weeks after "Thursday's shooting"). Read from the
stored sentence's words (:mod:`ingest.mentions`); the linker keeps such a mention out of
events told as the first one (:data:`analysis.told_apart.ANOTHER_APART`).
"""

from __future__ import annotations

import re

from analysis.agreement import base_lemma

#: Trigger lemmas an "also" right before tells of another victim: "Maria Dulce-Valencia
#: ... was also killed" (the same Friday's other hit-and-run), "a court officer was also
#: killed outside the court", "Another man was also injured but not seriously" (ECB+ 22,
#: 22_13ecbplus: the Kraft shooting's fourth person, in the wounding of the third); and
#: another target or victim of a blow: "Also shot were a woman named Unique Armstead"
#: (33_2ecbplus, in Zurana Horton's shooting), "They also attacked a television crew's
#: truck" (19_14ecb, in the rioters' attack on a police station, undated store).
_ALSO_LEMMAS = frozenset(
    ["kill", "die", "death", "injure", "wound", "hurt", "attack", "shoot", "stab"]
)
_ALSO_BEFORE = re.compile(r"(?<![\w-])also\s+(?:been\s+|be\s+)?$", re.IGNORECASE)
_ANOTHER_BEFORE = re.compile(r"(?<![\w-])another\s+$", re.IGNORECASE)
_ANOTHER_AFTER = re.compile(
    r"\s+(?:(?:one|two|three|four|five|several|\d{1,3})\s+other|another)\s+(?!another)(\w+)",
    re.IGNORECASE,
)


#: Switch: a happening told in a clause a measured stretch after or before another of its
#: kind, naming no one, is another one than the sentence tells first: "Thursday's
#: shooting came just weeks after a driver ... fatally shot eight people" (ECB+ 22,
#: 22_12ecbplus: the Manchester shooting sat in the Kraft shooting's event of the undated
#: store, seed 723). One that names its parties is left to them: "Mr Buckley's death came
#: a day after 36-year-old Duncan Rait was killed" (ECB+ 23, 23_5ecbplus) is the death of
#: Rait the other reports tell (marked another, it left their event: dev 77.25 -> 77.13).
GAP_FROM_ITS_KIND = True
_GAP = re.compile(
    r"\b(?:came|comes|come|followed|follows|occurred|happened)\b[^,;]{0,20}?"
    r"\b(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before)\s",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[A-Za-z]+")


#: Switch: "more" right before a plural trigger tells others of its kind: "Coty acquired a
#: 51% ownership position in Jenner's beauty ... portfolio" and "I would expect more
#: acquisitions like this going forward" (the extraction benchmark's cnbc.com page: one
#: event). Not "more than".
MORE_ARE_OTHERS = True
_MORE_BEFORE = re.compile(r"(?<![\w-])more\s+$", re.IGNORECASE)


#: Switch: "such" after "last", "previous", "prior" or "earlier" before the trigger in its
#: clause names an earlier one of the kind just told: "The last such out-of-band patch,
#: Microsoft Security Bulletin MS08-067, was released on Oct. 23" (ECB+ 27, 27_16ecb:
#: October's patch in the event of December's emergency patch, undated store, seed 803).
EARLIER_SUCH = True
_EARLIER_SUCH = re.compile(r"\b(?:last|previous|prior|earlier)\s+such\b", re.IGNORECASE)


def another(sentence: str, start: int, end: int, lemma: str | None) -> bool:
    """Does the sentence tell the trigger at ``start:end`` as another one of its kind than
    one told before: done to another ("hit another vehicle", "struck two other
    vehicles", "intended to kill one other person"), "another attack", or a harm that
    "also" befell someone ("was also killed")?

    >>> another("he hit another vehicle at the intersection", 3, 6, "hit")
    True
    >>> another("Lasalle struck two other vehicles", 8, 14, "strike")
    True
    >>> another("the siblings ruled out fighting one another", 23, 31, "fight")
    False
    >>> another("A man came in, shot and killed another man", 24, 30, "kill")
    False
    >>> another("Another attack hit the city", 8, 14, "attack")
    True
    >>> another("two people have been killed and another wounded", 40, 47, "wound")
    False
    >>> another("Maria Dulce-Valencia was also killed", 30, 36, "kill")
    True
    >>> another("Another man was also injured but not seriously", 21, 28, "injure")
    True
    >>> another("Police also arrested Smith", 12, 20, "arrest")
    False
    >>> another("he hit the woman", 3, 6, "hit")
    False
    >>> another("I would expect more acquisitions like this", 20, 32, "acquisition")
    True
    >>> another("The last such patch, MS08-067, was released on Oct. 23", 35, 43, "release")
    True
    >>> another("Such patches are released; the last one was released in May", 17, 25, "release")
    False
    """
    before = sentence[max(0, start - 20) : start]
    if _ANOTHER_BEFORE.search(before) and not sentence[start:end].lower().endswith("ed"):
        return True  # (not "two killed and another wounded": another person)
    if (
        MORE_ARE_OTHERS
        and _MORE_BEFORE.search(before)
        and sentence[start:end].lower().endswith("s")
    ):
        return True  # "I would expect more acquisitions like this going forward"
    clause = re.split(r"[;:]|\.\s", sentence[:start])[-1]
    if EARLIER_SUCH and _EARLIER_SUCH.search(clause):
        return True  # "the last such out-of-band patch ... was released on Oct. 23"
    after = _ANOTHER_AFTER.match(sentence, end)
    if after is not None:
        # "A man ... shot and killed another man": another than the one who did it
        noun = after.group(1).lower().rstrip("s")
        return re.search(rf"\b{re.escape(noun)}s?\b", sentence[:start], re.IGNORECASE) is None
    return lemma in _ALSO_LEMMAS and _ALSO_BEFORE.search(before) is not None


def after_its_kind(sentence: str, start: int, end: int, lemma: str | None) -> bool:
    """Is the trigger at ``start:end`` told after "came (followed, happened) N days (weeks
    ...) after" or "before", with a word of its own kind before that (see
    GAP_FROM_ITS_KIND; the caller asks whether it names anyone)? Not "sectioned after a
    suicide attempt in the week before the double murder" (ECB+ 32, 32_2ecbplus).

    >>> after_its_kind("Thursday's shooting came weeks after a driver shot eight", 46, 50, "shoot")
    True
    >>> after_its_kind("He was arrested two days after the shooting", 35, 43, "shooting")
    False
    >>> after_its_kind("The attack in the week before the attack", 32, 38, "attack")
    False
    """
    if not GAP_FROM_ITS_KIND:
        return False
    gaps = list(_GAP.finditer(sentence, 0, start))
    kind = base_lemma(lemma)
    if not gaps or not kind:
        return False
    head = sentence[: gaps[-1].start()]
    return any(base_lemma(w) == kind for w in _WORDS.findall(head))
