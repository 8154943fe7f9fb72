"""The words titles are made of: verbs and nouns of each event type, the prepositions
that join their participants, and the small words a headline never opens or ends with.
Data only; :mod:`analysis.titles` builds the titles.
"""

from __future__ import annotations

import re

from analysis.clauses import OPENERS, word_set
from analysis.lexicon import NOUN_TYPES, VERB_TYPES

#: The verb a type reads as when the trigger is a noun ("Houthi attack" -> "attack").
_VERB_OF_TYPE = {
    "attack": "attack",
    "kill": "kill",
    "seize": "seize",
    "threaten": "threaten",
    "protest": "protest against",
    "meet": "meet",
    "agree": "agree with",
    "aid": "aid",
}
#: The noun a type reads as when the trigger is a verb ("intercepted" -> "Seizure").
_NOUN_OF_TYPE = {
    "attack": "Attack",
    "kill": "Killing",
    "seize": "Seizure",
    "threaten": "Threat",
    "protest": "Protest",
    "meet": "Talks",
    "agree": "Agreement",
    "statement": "Statement",
    "aid": "Aid",
    "election": "Election",
    "disaster": "Disaster",
    "economic": "Deal",
    "market": "Market move",
    "other": "Event",
}
#: A verb trigger's own noun where its type's would mislead: an accusation, a charge or a
#: sentence is no "Seizure" ("after she accused him of stealing her guitar" was titled
#: "Seizure of Gary Gomes", ECB+ 32).
NOUN_OF_VERB = {
    "accuse": "Accusation",
    "charge": "Charge",
    "indict": "Indictment",
    "convict": "Conviction",
    "sentence": "Sentencing",
    "imprison": "Imprisonment",
    "jail": "Jailing",
    "extradite": "Extradition",
    "kidnap": "Kidnapping",
    "abduct": "Abduction",
    "detain": "Detention",
    "confiscate": "Confiscation",
    "intercept": "Interception",
    "smuggle": "Smuggling",
}
#: Switch: a verb trigger that is a noun of its type too reads as that noun in a title
#: ("she visited him": "Visit with Comeaux", not the type's "Talks with Comeaux").
VERB_AS_NOUN = True
#: type -> the words both a verb and a noun of that type ("arrest", "visit", "raid").
NOUNS_AS_VERBS: dict[str, frozenset[str]] = {
    t: frozenset(w for w, vt in VERB_TYPES.items() if vt == t and NOUN_TYPES.get(w) == t)
    for t in set(VERB_TYPES.values())
}
#: The preposition before a lone target ("Attack on Israel", "Talks with Iran").
_PREP_OF_TYPE = {
    "attack": "on",
    "kill": "of",
    "seize": "of",
    "threaten": "against",
    "protest": "against",
    "meet": "with",
    "agree": "with",
    "statement": "on",
    "aid": "to",
    "election": "in",
    "disaster": "in",
    "economic": "with",
    "other": "of",
}
#: Nouns whose target takes another preposition than their type's ("tariffs on Chinese
#: goods", not "with"; "sanctions on Iran").
_PREP_OF_NOUN = {
    w: "on" for w in ("tariff", "sanction", "embargo", "ban", "levy", "duty", "tax", "curb")
} | {"visit": "to"}
#: Verbs that take their object through a preposition ("Israel clashes with Hezbollah").
_PARTICLE = {
    "agree": "with",
    "talk": "with",
    "negotiate": "with",
    "clash": "with",
    "cooperate": "with",
    "merge": "with",
    "protest": "against",
    "demonstrate": "against",
    "retaliate": "against",
    "rally": "against",
    "fire": "at",
    "vote": "for",
    "resign": "from",
    "withdraw": "from",
    "die": "in",
}
#: Nouns of a happening between two sides: "Talks between Iran and United States".
_SYMMETRIC = word_set(
    "talk talks war deal agreement ceasefire truce clash clashes meeting summit "
    "negotiation negotiations treaty accord conflict fighting battle merger "
    "partnership match game dispute"
)


_ARTICLES = ("A", "An", "The")
#: Words that open a clause whose participle is passive ("when nominated for").
_REDUCED = word_set("when once if after before while unless until as")
#: Words a title never begins with: "particularly given ...", "not give ...".
_NO_START = OPENERS | word_set(
    "particularly especially even only just still however recently previously currently "
    "meanwhile finally now"
)
#: Words a long title may be cut before (the rest is a phrase of its own).
_CUTS = word_set(
    "in on at for with by from of after before while during as against over "
    "that which who when because since until unless"
)
#: Nouns of gatherings: their actor is who gathers ("Meeting of the G7", not "by").
_GATHERINGS = word_set("meeting summit conference session congress convention")
#: Words before a participle used as an adjective ("with declared assets"): the
#: sentence's first name does not act on it.
_ATTRIBUTIVE = word_set("with without of for by the a an its their his her our")
#: Negations a noun title tells with "No" ("would not give more aid" -> "No more aid").
_NEGATIONS = word_set("not never n't")
#: Punctuation a title does not begin with.
_PUNCT = "-–—,;:.!?'\"“”‘’()[]…*/"
#: Relative pronouns: a clause after one has lost its subject.
_RELATIVE = word_set("who which")
_THE = word_set("the a an its their his her our this these those")
_ADVERB = re.compile(r"[a-z]{3,}ly")
_NOT_ADVERBS = word_set("family rally supply assembly ally reply only early")
#: Words a title too long drops first ("The company [also] announces ...").
_FILLERS = word_set("also then already still just even both")
#: Words that stand before a noun and name nothing alone: a cut after one takes the noun
#: too ("displace the entire [population]", see analysis.title_cut.FINISH_PHRASE).
PRENOUN = word_set(
    "entire whole first second third last other several many few most some each every "
    "latest former same largest biggest"
)
#: Words a title does not end on ("long-awaited but [not]", "our software [under]").
_ENDLESS = word_set("not under into onto across through via around")
#: A time phrase ending a title: the reader shows the date beside it.
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:earlier|later))?\s+(?:this|last|next)\s+(?:week|weekend|month|year)$"
    r"|\s+an?\s+(?:week|month|year)\s+ago$|\s+(?:earlier|later|recently)$"
)
#: Words a title holds at most (a headline, not a sentence).
MAX_WORDS = 8

#: Verbs that tell how a happening goes (a noun trigger's own phrase gives way to their
#: clause, see analysis.gist.NAMED_OVER_PREDICATE): its start, course or end, its amount, its date.
HOW_IT_GOES = frozenset(
    [
        "begin", "start", "open", "resume", "continue", "go", "proceed", "end", "conclude",
        "close", "finish", "collapse", "fail", "stall", "succeed", "happen", "occur", "erupt",
        "escalate", "spread", "intensify", "break", "take", "turn", "become",
        # ... or how much of it there is: "Ford Motor Company sales fell 41%"
        "fall", "rise", "drop", "slip", "decline", "increase", "grow", "jump", "surge",
        "soar", "plunge", "tumble", "slump", "rebound", "recover", "climb", "double",
        "decrease", "dip", "slide", "shrink", "expand", "ease",
        # ... or when: "Malaysia visit to be rescheduled", "test flight delayed"
        "delay", "postpone", "reschedule", "cancel", "suspend", "halt", "stop", "schedule",
    ]
)  # fmt: skip
