"""The label of a trimmed name, corrected: a capitalised common word that opens a sentence
and a span without a capitalised word are no names, a plural group is NORP, an
organisation word makes a PERSON or PRODUCT an ORG, a place word, a home town or "is
from" a GPE, one word after "the" no person, a camel-case name a PRODUCT, a country a
GPE, a time zone nothing. :func:`analysis.entities.extract_mentions` asks it of every
name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from analysis import gazetteer
from analysis.doc_text import tokens_written
from analysis.entity_words import (
    EVENT_HEADS,
    NAME_LABELS,
    ORG_HEADS,
    PLACE_AFTER,
    PLACE_BEFORE,
    TIME_ZONES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: "iPhone", "iPod", "iOS": a lower-case letter or two, then a capital.
CAMEL = re.compile(r"^[a-z]{1,2}[A-Z][A-Za-z0-9]+$")


#: Switch: where a person named just before is from is a place ("LuAnn Marie Johnson,
#: 66, of Burnsville": the tagger's person, whom "she" then stood for).
HOME_TOWNS = True


def _home_town(doc: Doc, i: int) -> bool:
    """Does the name at ``i`` follow "<person or age>, of"?"""
    return (
        i >= 3
        and doc[i - 1].lower_ == "of"
        and doc[i - 2].text == ","
        and (doc[i - 3].like_num or doc[i - 3].ent_type_ == "PERSON")
    )


#: Switch: a "person" someone "is from" is a town: "Police caught up with the driver, who
#: is from Schnectady" (ECB+ 21, 21_1ecbplus and 21_9ecbplus: the next sentence's "He"
#: became the town, "Schnectady charged with vehicular manslaughter").
FROM_TOWN = True


def _from_town(doc: Doc, i: int) -> bool:
    """Does the name at ``i`` follow "who / he / she is (was) from"?"""
    return (
        i >= 3
        and doc[i - 1].lower_ == "from"
        and doc[i - 2].lemma_ == "be"
        and doc[i - 3].lower_ in ("who", "he", "she", "they")
    )


#: Switch: one word after "the" is no person, whatever the tagger says: "The man ran
#: from the station. The Chronicle says he was arrested a block away" (a news page of
#: the extraction benchmark: "he" became the newspaper, "Arrest of Chronicle"); "the
#: Gateway", "the Moon", "the Dreamliner", "After the Mysore picked up a distress call"
#: (a warship). Not a name that modifies a noun ("the Obama administration").
THE_NAME_NO_PERSON = True


def _the_name(words: Sequence[Token], prev: Token | None) -> bool:
    """Is ``words`` one word written right after "the", not a noun's modifier?"""
    return (
        len(words) == 1
        and prev is not None
        and prev.lower_ == "the"
        and words[0].dep_ not in ("compound", "amod", "nmod")
    )


def relabel(label: str, name: Span, text: str, start: int, end: int) -> str | None:
    """The corrected label of a trimmed name, or None to drop it."""
    words = [t for t in name if not t.is_punct]
    if not words:
        return None
    if label in NAME_LABELS:
        # A name has a capitalised word ("ministry of defense forces" is not a name).
        if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in words):
            return None
        # A capitalised common noun opening a sentence or a line ("Smoke rises ...").
        first = words[0]
        if (
            len(words) == 1
            and (first.is_sent_start or first.i == 0 or "\n" in name.doc[first.i - 1].text_with_ws)
            and first.tag_
            in ("NN", "NNS", "VB", "VBZ", "VBD", "VBG", "VBN", "VBP", "RB", "IN", "DT", "PRP", "CD")
            and not first.text.isupper()
            and _used_as_common_word(first.lower_, name.doc)
        ):
            return None
        if (
            HEADLINE_COMMON_PLACES
            and len(words) == 1
            and label in _PLACE_LABELS
            and not first.text.isupper()
            and gazetteer.country(first.text) is None
            and _title_case(first.sent)
            and _used_as_common_word(first.lower_, name.doc, headlines_aside=True)
        ):
            # "Vincent 'The Chin' Gigante Dies in Prison" (ECB+ 26_8ecbplus): a headline
            # capitalises every word, and the body's "died Monday in prison" tells that
            # "Prison" is no town (as a town it kept the death in Springfield apart)
            return None
    if len(words) == 1 and words[0].text in TIME_ZONES:
        return None
    if label in ("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC") and CAMEL.match(words[0].text):
        return "PRODUCT"
    head = words[-1].lower_
    prev = name.doc[name.start - 1] if name.start > 0 else None
    nxt = name.doc[name.end] if name.end < len(name.doc) else None
    if label in ("PERSON", "NORP") and head in EVENT_HEADS and len(words) > 1:
        return "EVENT"  # "the 2005 Tony Awards" hosts nothing
    if label == "PERSON":
        if head in ORG_HEADS and len(words) > 1:
            return "ORG"
        if _is_plural_group(words, prev):
            return "NORP"
        if THE_NAME_NO_PERSON and _the_name(words, prev):
            return "ORG"
    if label == "PRODUCT" and head in ORG_HEADS:
        return "ORG"
    if label in ("ORG", "PERSON", "PRODUCT", "FAC"):
        before = name.doc[name.start - 2 : name.start] if name.start >= 2 else None
        if (
            (nxt is not None and nxt.lower_ in PLACE_AFTER and label != "FAC")
            or (prev is not None and prev.lower_ in PLACE_BEFORE and label != "FAC")
            or (
                before is not None and before[1].lower_ == "of" and before[0].lower_ in PLACE_BEFORE
            )
            or (HOME_TOWNS and label != "FAC" and _home_town(name.doc, name.start))
            or (FROM_TOWN and label == "PERSON" and _from_town(name.doc, name.start))
        ):
            return "GPE"
    if label not in ("GPE", "NORP", "LOC") and gazetteer.country(text[start:end]) is not None:
        return "GPE"
    return label


def _used_as_common_word(lower: str, doc: Doc, *, headlines_aside: bool = False) -> bool:
    """The article itself writes the word in lower case and never capitalised inside a
    sentence (with ``headlines_aside``, but in a title-case headline): then a capitalised
    first word of a sentence is that common word."""
    lowered = capitalised = False
    for t in tokens_written(doc, lower, re.IGNORECASE):
        if t.lower_ != lower:
            continue
        if t.text == lower:
            lowered = True
        elif not t.is_sent_start and t.i > 0 and "\n" not in doc[t.i - 1].text_with_ws:
            capitalised = capitalised or not (headlines_aside and _title_case(t.sent))
    return lowered and not capitalised


#: Switch: a one-word place in a title-case headline that the article writes in small
#: letters elsewhere, and capitalises nowhere else inside a sentence, is that common word
#: ("Dies in Prison" over "died Monday in prison"), not a place.
HEADLINE_COMMON_PLACES = True
_PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])


def _title_case(sent: Span) -> bool:
    from analysis.participants import title_case  # (participants reads the entities)

    return title_case(sent)


def _is_plural_group(words: Sequence, prev: object) -> bool:
    """ "the Houthis", "Kurds": a plural proper noun names a group, not a person."""
    last = words[-1]
    t = last.text
    if last.tag_ == "NNPS":
        return True
    if len(t) < 4 or not t.endswith("s") or t.endswith(("ss", "us")) or not t[:1].isupper():
        return False
    preceded_by_the = prev is not None and getattr(prev, "lower_", "") == "the"
    if preceded_by_the and len(words) == 1:
        return True
    singular = t[:-1]
    return len(words) == 1 and any(
        tok.text == singular for tok in tokens_written(last.doc, singular)
    )
