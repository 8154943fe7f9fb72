"""Countries: one name per country, from pycountry plus the short names news uses.

pycountry (the ISO 3166 data, kept up to date by its maintainers) knows "United States",
"United States of America", "US", "USA", "Iran", "Syria", ... but not the everyday short
names "America", "UK", "Britain" or "Russia"; the few of those are listed here.
Countries matter twice: the same country is one entity across the store whatever the
article called it ("US", "U.S.", "the United States", "America"), and a country name is a
place even when the model called it an organisation.

The table is built on first use (~50 ms) and cached.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple


class Country(NamedTuple):
    code: str  # ISO 3166 alpha-3
    name: str  # the everyday English name: "United States", "Iran", "United Kingdom"


#: Everyday names missing from pycountry -> alpha-3.
ALIASES: dict[str, str] = {
    "america": "USA",
    "united states of america": "USA",
    "uk": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "russia": "RUS",
    "turkey": "TUR",
    "holland": "NLD",
    "palestine": "PSE",
    "ivory coast": "CIV",
    "burma": "MMR",
    "macedonia": "MKD",
    "swaziland": "SWZ",
    "vatican": "VAT",
    "brunei": "BRN",
    "cape verde": "CPV",
    "east timor": "TLS",
    "uae": "ARE",
    "micronesia": "FSM",
    "macau": "MAC",
}
#: Display names where pycountry's is a formal "X, Republic of" form.
DISPLAY: dict[str, str] = {
    "GBR": "United Kingdom",
    "RUS": "Russia",
    "TUR": "Turkey",
    "IRN": "Iran",
    "SYR": "Syria",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "LAO": "Laos",
    "VNM": "Vietnam",
    "TWN": "Taiwan",
    "PSE": "Palestine",
    "CZE": "Czech Republic",
    "COD": "Democratic Republic of the Congo",
}


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Case-, accent-, punctuation- and article-insensitive form of a name (a pure
    function of the string, asked again for every mention of a name: cached)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'")
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    text = re.sub(r"'s$|'$", "", text)
    # U.S. -> us, U.N. -> un: dots inside an abbreviation carry nothing.
    if re.fullmatch(r"(?:\w\.)+\w?\.?", text):
        text = text.replace(".", "")
    text = re.sub(r"[-‐‑–—_/]+", " ", text)
    text = re.sub(r"[^\w\s&']", "", text)
    return re.sub(r"\s+", " ", text).strip()


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(folded name -> alpha-3, code -> alpha-3, alpha-3 -> display name)."""
    import pycountry

    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    display: dict[str, str] = {}
    for c in pycountry.countries:
        a3 = c.alpha_3
        codes[c.alpha_2.casefold()] = a3
        codes[a3.casefold()] = a3
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(fold(value), a3)
                if "," in value:  # "Korea, Republic of" -> also "republic of korea"
                    head, _, tail = value.partition(",")
                    names.setdefault(fold(f"{tail} {head}"), a3)
        common = getattr(c, "common_name", None)
        display[a3] = DISPLAY.get(a3) or (common if common else c.name)
    for alias, a3 in ALIASES.items():
        names[fold(alias)] = a3
    codes["uk"] = "GBR"
    return names, codes, display


#: The two-letter codes news writes for a country ("HK protests", "NZ election"), none
#: of them a US state's. The other ISO alpha-2 codes are mostly US states' postal codes
#: in news ("Chapel Hill, N.C.", "Los Angeles, CA"), not New Caledonia or Canada.
TWO_LETTER_COUNTRIES = frozenset(["US", "UK", "HK", "NZ"])


def country(name: str, *, codes: bool = False) -> Country | None:
    """The country ``name`` names, or None. ``codes``: also accept ISO codes written in
    capitals ("US", "USA", "UK"); only safe for a span already known to be a place, since
    "IT" or "IN" are ordinary words in a headline."""
    names, code_table, display = _tables()
    key = fold(name)
    a3 = names.get(key)
    if a3 is None and codes:
        compact = name.replace(".", "").strip()
        if compact.isupper() and (len(compact) == 3 or compact in TWO_LETTER_COUNTRIES):
            a3 = code_table.get(compact.casefold())
    if a3 is None:
        return None
    return Country(a3, display[a3])


@functools.cache
def _regions() -> frozenset[str]:
    import pycountry

    return frozenset(fold(s.name) for s in pycountry.subdivisions)


@functools.lru_cache(maxsize=4096)
def holds_towns(name: str) -> bool:
    """Is ``name`` a country or one of its first-level parts (a state, a province, a
    region, from ISO 3166-2: "Virginia", "California"), a place that holds towns? (Asked
    per candidate event while linking, hence the cache.)"""
    return country(name) is not None or fold(name) in _regions()
