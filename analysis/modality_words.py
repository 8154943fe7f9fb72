"""The words modality reads: verbs that report, plan, oblige or end (see
:mod:`analysis.modality`)."""

from __future__ import annotations

#: Verbs that report: events in their complement are "reported"; their own times are theirs.
REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "claim",
        "state",
        "add",
        "allege",
        "note",
        "explain",
        "insist",
        "write",
        "quote",
    ]
)
NEGATING_REPORTS = frozenset(["deny"])
#: Verbs of saying a clause reports besides REPORTING (see REPORTS).
_REPORTED = frozenset(
    [
        "announce",
        "say",
        "confirm",
        "state",
        "report",
        "claim",
        "warn",
        "admit",
        "reveal",
        "plan",
        "deny",
        "insist",
    ]
)


#: Verbs whose clause tells what was said: "in a statement" is its saying.
REPORTS = REPORTING | _REPORTED
PLANNING = frozenset(
    [
        "plan",
        "intend",
        "seek",
        "want",
        "try",
        "threaten",
        "vow",
        "aim",
        "prepare",
        "propose",
        "consider",
        "schedule",
        "expect",
        "hope",
        "promise",
        "pledge",
        "agree",
        "decide",
        "conspire",
        "plot",
        "attempt",
    ]
)
#: Words that oblige, allow, ask or need: what they govern is owed or allowed, not done
#: ("were required to consult", "directed federal agencies to continue consulting", "the
#: requirement that federal agencies consult", "no need for a federal agency to
#: consult"). Not "force": what is forced is done.
DEONTIC = frozenset(
    [
        "require",
        "requirement",
        "direct",
        "allow",
        "permit",
        "authorize",
        "authorise",
        "mandate",
        "oblige",
        "obligate",
        "urge",
        "ask",
        # "encourages all IE customers to test and deploy this update": advice, no deed
        "encourage",
        "advise",
        "recommend",
        "order",
        "rule",
        "regulation",
        "obligation",
        "need",
    ]
)
#: Nouns of asking: what they ask for is not done ("rejected calls by opposition leaders
#: to hold early elections"; see :func:`analysis.modality_cues.owed_by_object`). Not in
#: DEONTIC: "the practice calls for agencies to consult" is read by its own rule.
ASKING = frozenset(["call", "appeal", "plea", "request", "demand", "urging"])
#: Verbs that end what already is: their object exists, however unsure the ending ("would
#: have to eliminate all of the tariffs the US put in place": the tariffs are in place).
ENDING = frozenset(
    [
        "eliminate",
        "remove",
        "end",
        "lift",
        "scrap",
        "repeal",
        "withdraw",
        "halt",
        "stop",
        "suspend",
        "reverse",
        "overturn",
        "abolish",
        "drop",
    ]
)


#: A death that is a sentence (modality.PENALTY): "sentenced to death", "condemned to
#: death"; "recommended death", "should have spared him death".
SENTENCING = frozenset(["sentence", "condemn"])
PENALTY_ASKED = frozenset(
    [
        "recommend",
        "seek",
        "face",
        "impose",
        "demand",
        "deserve",
        "spare",
        "consider",
        "warrant",
        "merit",
    ]
)
#: What "nearly" happened did not (modality.NEARLY_IS_NOT), for a death or a blow.
NEARLY = frozenset(["nearly", "almost"])
NEARLY_NOT = frozenset(["kill", "die", "murder", "drown", "hit", "strike", "shoot", "stab"])

#: Verbs that cause what their bare infinitive tells ("make him fight", "let him go"):
#: it is as sure as they are (see analysis.modality_cues.caused).
CAUSATIVES = frozenset(["make", "let", "have", "help"])
