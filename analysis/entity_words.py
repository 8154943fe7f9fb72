"""The words the entity step decides by: which labels name something, the heads that make
a name an organisation, the nouns that make it a place, time zones and honorifics.

Word classes, not names: each list holds the common words around a name that tell what
kind of name it is (:mod:`analysis.entities` applies them)."""

from __future__ import annotations

#: Labels that name something (linked to an entity); the rest (DATE, MONEY, ...) are
#: stored as mentions without an entity.
NAME_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "NORP",
        "FAC",
        "EVENT",
        "PRODUCT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)
#: Heads that make a name an organisation whatever the model thought.
ORG_HEADS = frozenset(
    [
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "company",
        "companies",
        "ltd",
        "ltd.",
        "llc",
        "plc",
        "ag",
        "gmbh",
        "sa",
        "group",
        "holdings",
        "bank",
        "university",
        "college",
        "institute",
        "ministry",
        "council",
        "party",
        "agency",
        "association",
        "committee",
        "commission",
        "foundation",
        "tech",
        "technologies",
        "airlines",
        "airways",
        "motors",
        "forces",
        "army",
        "navy",
        "command",
        "department",
        "office",
        "court",
        "authority",
        "federation",
        "organization",
        "organisation",
        # clubs: "sacked by Manchester United" (the tagger's person, whom "his
        # appointment" then named: "Appointment of Manchester United")
        "united",
        "fc",
        "rovers",
        "wanderers",
        "hotspur",
        "albion",
        "club",
    ]
)
#: Heads that make a name of two words or more an occasion (EVENT) where the model read a
#: person or a group: "the 2004 and 2005 Tony Awards" (ECB+ 2, 2_7ecb: a person, whose
#: "his" then hosted the Tonys), "the Academy Awards", "the Commonwealth Games".
EVENT_HEADS = frozenset(
    [
        "awards",
        "games",
        "olympics",
        "championships",
        "festival",
        "ceremony",
        "gala",
        "tournament",
    ]
)
#: Nouns that make the name next to them a place ("the X district", "the city of X").
PLACE_BEFORE = frozenset(
    [
        "city",
        "town",
        "village",
        "province",
        "state",
        "region",
        "district",
        "county",
        "capital",
        "port",
        "suburb",
    ]
)
PLACE_AFTER = frozenset(
    [
        "city",
        "town",
        "village",
        "province",
        "governorate",
        "district",
        "county",
        "countryside",
        "region",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "area",
    ]
)
#: Time zones the model takes for organisations ("10:30 UTC").
TIME_ZONES = frozenset(
    [
        "UTC",
        "GMT",
        "EST",
        "EDT",
        "CST",
        "CDT",
        "MST",
        "MDT",
        "PST",
        "PDT",
        "AKST",
        "HST",
        "BST",
        "CET",
        "CEST",
        "EET",
        "EEST",
        "WET",
        "MSK",
        "IST",
        "JST",
        "KST",
        "AEST",
        "AEDT",
        "ACST",
        "AWST",
        "NZST",
        "NZDT",
        "SGT",
        "HKT",
    ]
)
#: Titles before a name; alone they name no one.
HONORIFICS = frozenset(
    ["dr", "mr", "mrs", "ms", "prof", "sir", "dame", "gen", "col", "capt", "lt", "sgt", "rev"]
)
#: Words of a title the tagger keeps inside a person's name ("Ms McMeekin", "Deputy
#: Ortiz", "Det. Sgt. Smith", "Prime Minister Brown"): the honorifics and the ranks and
#: offices news writes before a surname.
PERSON_TITLES = HONORIFICS | frozenset(
    [
        "miss",
        "mister",
        "madam",
        "deputy",
        "officer",
        "sheriff",
        "detective",
        "det",
        "sergeant",
        "constable",
        "inspector",
        "superintendent",
        "supt",
        "trooper",
        "agent",
        "captain",
        "lieutenant",
        "corporal",
        "cpl",
        "private",
        "pvt",
        "major",
        "colonel",
        "general",
        "admiral",
        "commander",
        "chief",
        "judge",
        "justice",
        "president",
        "senator",
        "sen",
        "representative",
        "rep",
        "congressman",
        "congresswoman",
        "councilman",
        "councilwoman",
        "assemblyman",
        "governor",
        "gov",
        "mayor",
        "prime",
        "minister",
        "chancellor",
        "secretary",
        "ambassador",
        "commissioner",
        "professor",
        "doctor",
        "coach",
        "father",
        "bishop",
        "archbishop",
        "cardinal",
        "pastor",
        "rabbi",
        "imam",
        "sheikh",
        "king",
        "queen",
        "prince",
        "princess",
        "lord",
        "lady",
    ]
)
