"""The words an event's roles are read by: nouns whose "of" or possessor names the actor or
the one it is done to, verbs that take an object, and the entity labels that are never a
participant (:mod:`analysis.arguments` applies them to the parse)."""

from __future__ import annotations

#: Entity labels of places: where a happening is, and a story's places (analysis.stories).
PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
#: Entity labels of parties that act or are acted on: people, organisations, countries
#: and peoples.
PARTY_ENTS = frozenset(["PERSON", "ORG", "GPE", "NORP"])
#: Entity labels that can be an event's participant, and those that can be its place.
NON_ARGUMENT_LABELS = frozenset(
    [
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "QUANTITY",
        "MONEY",
        "PERCENT",
        "LANGUAGE",
        "WORK_OF_ART",
        "LAW",
    ]
)
#: Nouns of happenings that befall one party, who is the subject of the verb they name:
#: "the bankruptcy of Chrysler" is Chrysler going bankrupt, as "GM filed for bankruptcy"
#: is GM's; "the resignation of Jobs" is "Jobs resigned". Their "of" names the actor, so
#: the two ways of telling agree (and two parties in that role conflict).
ONE_PARTY_NOUNS = frozenset(
    [
        "bankruptcy",
        "insolvency",
        "collapse",
        "default",
        "resignation",
        "retirement",
        "departure",
        "death",
        "demise",
        "arrival",
        "escape",
        "disappearance",
        "recovery",
        "survival",
    ]
)
#: Nouns whose possessor is who it is done to, not who does it: "Williams' arrest" is
#: Williams arrested ("Hamas' attack" is Hamas attacking).
PATIENT_NOUNS = frozenset(
    [
        "arrest",
        "detention",
        "capture",
        "kidnapping",
        "abduction",
        "release",
        "execution",
        "killing",
        "assassination",
        "murder",
        "nomination",
        "appointment",
        "election",
        "firing",
        "dismissal",
        "ouster",
        "trial",
        "conviction",
        "sentencing",
        "extradition",
        "rescue",
    ]
)
#: Nouns whose possessor is the one who died: who tells of it (confirms, announces,
#: mourns "her death") is another, alive (see analysis.antecedents.TELLER_OUTLIVES).
DEATH_NOUNS = frozenset(["death", "passing", "demise", "funeral"])
#: The kill family's words whose subject is who died ("X died", "X's death"), not who
#: killed (see analysis.deaths.dead_as_doer).
DYING_LEMMAS = frozenset(["die", "death", "dead", "pass", "demise", "perish", "passing"])
#: Verbs that take an object: with none, and no auxiliary, "X arrested for DUI" and
#: "Three killed in blast" are headline passives (X was arrested), not X arresting.
OBJECT_VERBS = frozenset(
    [
        "arrest",
        "detain",
        "seize",
        "capture",
        "kidnap",
        "abduct",
        "jail",
        "imprison",
        "convict",
        "sentence",
        "charge",
        "extradite",
        "kill",
        "wound",
        "injure",
        "murder",
        "assassinate",
        "execute",
        "elect",
        "reelect",
        "appoint",
        "nominate",
        "release",
        "free",
        "evacuate",
        "displace",
        "place",
        "indict",
        "deport",
        "expel",
        "suspend",
        "hospitalize",
        "hospitalise",
    ]
)

#: Verbs of judging someone, with no object and no auxiliary a headline passive too:
#: "Nominee praised for her expertise" (a White House release on Regina Benjamin, ECB+
#: 34) is the nominee praised, not praising; "Minister criticised for remarks".
JUDGING_VERBS = frozenset(
    ["praise", "criticise", "criticize", "condemn", "blame", "welcome", "hail", "slam"]
)

#: Verbs the law does to people: with no object and no auxiliary, "John Jenkin accused of
#: murder" is Jenkin accused, as OBJECT_VERBS (which these are not all: "accusing Big
#: Machine of trying" is no gerund done to someone); and a participle of theirs hung on a
#: noun that is no one tells of the person named in its phrase (see
#: analysis.subjects.undergoer).
CHARGING_VERBS = frozenset(
    [
        "arrest",
        "detain",
        "jail",
        "imprison",
        "convict",
        "sentence",
        "charge",
        "accuse",
        "acquit",
        "suspect",
        "indict",
        "extradite",
        "deport",
    ]
)

#: Trigger verbs that take no object: one the parse gives them is the noun a participle
#: modifies ("lost their funds in [collapsing] banks": banks collapse, not "Charities
#: collapse banks").
INTRANSITIVE_VERBS = frozenset(
    ["collapse", "die", "erupt", "explode", "clash", "retaliate", "riot"]
)

#: People named by where they work or study (not fighters, soldiers, officers): a violent
#: act of theirs is not their employer's (see analysis.arguments).
EMPLOYEES = frozenset(
    [
        "worker",
        "workers",
        "employee",
        "employees",
        "staffer",
        "staffers",
        "contractor",
        "accountant",
        "clerk",
        "student",
        "students",
        "teacher",
        "nurse",
        "doctor",
        "engineer",
        "technician",
        "driver",
    ]
)
