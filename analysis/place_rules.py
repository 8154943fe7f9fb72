"""Places that part two tellings: one sentence's two places, one article's two towns.
Pure, no database; :func:`analysis.linking.score` and :mod:`analysis.bridges` ask them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from analysis.agreement import Arg, agrees_with_any
from analysis.features import EventFeatures, MentionFeatures
from analysis.gazetteer import country, holds_towns

#: One sentence that tells the same kind of happening in two places tells two happenings
#: ("In Virginia, they voted ...; in Mississippi, Kentucky and Louisiana, they voted"):
#: places that do not agree, named in one sentence, keep its mentions apart.
PLACES_APART_IN_SENTENCE = True

#: Switch: one article's two towns are two happenings' places: "tens of thousands
#: marched through Athens" and "in Thessaloniki, where another 20,000 people marched" (two
#: marches; reports far apart may name one town two ways, "Salonika", so only inside one
#: article, and only towns: a country or a state holds its towns).
TOWNS_APART_IN_ARTICLE = True


#: Switch: deaths and disasters told in two countries are two happenings, whichever
#: articles tell them ("more than a dozen people were killed by a quake in eastern China"
#: is not a death of Iran's quake the next day, told in the same report): a quake, a fire,
#: a killing happens in one country. (Not attacks: "Israeli strikes in Iran" are told in
#: the attacker's country too.)
COUNTRIES_APART = True
_ONE_COUNTRY_TYPES = frozenset(["disaster", "kill"])


def places_apart(m: MentionFeatures, e: EventFeatures) -> bool:
    """Does the event tell, in the mention's own sentence, a place that does not agree
    with the mention's (PLACES_APART_IN_SENTENCE), in its article only towns that do not
    (TOWNS_APART_IN_ARTICLE), or, for a death or a disaster, only other countries
    (COUNTRIES_APART)?"""
    if m.location is None or m.sentence is None:
        return False
    if countries_apart(m, e):
        return True
    if TOWNS_APART_IN_ARTICLE and _town(m.location):
        here = [p for (aid, _), ps in e.placed.items() if aid == m.article_id for p in ps]
        towns = all(_town(p) for p in here)
        if here and towns and not agrees_with_any(m.location, here):
            return True
    return placed_apart({(m.article_id, m.sentence): [m.location]}, e.placed)


def placed_apart(
    mine: Mapping[tuple[int, int], Sequence[Arg]], theirs: Mapping[tuple[int, int], Sequence[Arg]]
) -> bool:
    """Do two sides name, in one sentence of one article, places that do not agree
    (EventFeatures.placed: (article, sentence) -> places)?"""
    if not PLACES_APART_IN_SENTENCE:
        return False
    return any(
        not any(agrees_with_any(p, theirs[key]) for p in places)
        for key, places in mine.items()
        if places and theirs.get(key)
    )


def _town(place: Arg) -> bool:
    return place.label == "GPE" and not holds_towns(place.name)


def countries_apart(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is ``m`` a death or a disaster told in a country, and the event's places other
    countries only (with its type)?"""
    if not COUNTRIES_APART or m.location is None or m.type not in _ONE_COUNTRY_TYPES:
        return False
    mine = country(m.location.name)
    if mine is None or m.type not in e.types:
        return False
    theirs = {country(p.name) for p in e.locations}
    return None not in theirs and bool(theirs) and mine not in theirs
