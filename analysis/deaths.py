"""A person dies once, and the one who died is not who killed: the killing or death of one
person named in full is one happening whichever report tells it and however far apart
("accused of killing Zurana Horton" at the trial is the shooting of 2011), and "Gigante
died" is no killing Gigante did. Pure, no database; :func:`analysis.linking.score` and
:mod:`analysis.prefilter` ask them, and their switches are set here, where they are read.
"""

from __future__ import annotations

from analysis.agreement import agrees_with_any, base_lemma, fold
from analysis.features import EventFeatures, MentionFeatures
from analysis.role_words import DYING_LEMMAS

#: Switch: a person dies once. The killing or death of one person named in full ("Zurana
#: Horton", "the murder of Zurana Horton", "Zurana Horton died") is one happening
#: whichever story tells it and however far apart the reports: the trial's "accused of
#: killing Zurana Horton from a Brownsville rooftop in 2011" (ECB+ 33, April 2013) is
#: the shooting of October 2011. The person counts as two sides across stories (see
#: :func:`death_of_one`); only a mention told as a killing (not "the attempted murder
#: of", an attack; not "nearly killed", negated).
ONE_DEATH = True


def a_death(m: MentionFeatures) -> bool:
    """Is the mention the killing or death of a person named in full (two words at
    least), told as done (see ONE_DEATH)? What :func:`death_of_one` asks of the mention,
    before any event is known (the prefilter asks this)."""
    if not ONE_DEATH or m.type != "kill" or base_lemma(m.lemma) not in _DEATH_BASES:
        return False
    who = m.target
    if who is None or who.label != "PERSON" or len(fold(who.name).split()) < 2:
        return False
    return m.modality in ("asserted", "reported")


def death_of_one(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is the mention the killing or death of a person named in full whom the event
    tells killed or dead too, named the same?"""
    if not a_death(m):
        return False
    who = m.target
    assert who is not None
    return bool(e.types.get("kill")) and any(
        t.label == "PERSON" and (t.id == who.id or fold(t.name) == fold(who.name))
        for t in e.targets
    )


_DEATH_BASES = frozenset(["kill", "die", "assassinate"])


#: Switch: the one who died is not who killed in the same happening. "Gigante died" and,
#: in his obituary, "Gigante was convicted of conspiring to kill other mobsters" share the
#: word's family (die, kill, murder) and Gigante; but he is who "die" befell (its target,
#: see analysis.participants.DEAD_ARE_TARGETS) and who did the killing (see
#: :func:`dead_as_doer`).
DEAD_ARE_NO_DOERS = True
#: Switch: ... also in an event told both ways ("killed a deputy" and "the deputy died"),
#: when the event never tells the mention's one in the mention's role: "Nichols will likely
#: die in prison" is no death of the killings "Nichols murdered" (one who killed in the
#: event, never one who died in it).
DEAD_DOERS_IN_MIXED = True


def dead_as_doer(m: MentionFeatures, e: EventFeatures) -> bool:
    """Is the mention a killing whose doer the event tells died (or the other way round:
    the mention a death of one the event tells as killing)? Where the event is told both
    ways (DEAD_DOERS_IN_MIXED), only when it never tells that one in the mention's role."""
    if not DEAD_ARE_NO_DOERS or not e.lemmas or m.type != "kill":
        return False
    dying = (m.lemma or "") in DYING_LEMMAS
    others_dying = {lemma in DYING_LEMMAS for lemma in e.lemmas}
    pure = others_dying == {not dying}
    if not pure and not DEAD_DOERS_IN_MIXED:
        return False  # the event is told both ways, or the same way as the mention
    one, doers, dead = (m.target, e.actors, e.targets) if dying else (m.actor, e.targets, e.actors)
    if one is None or not agrees_with_any(one, doers):
        return False
    # told both ways, only when the event never tells the mention's one in its own role
    return pure or not agrees_with_any(one, dead)
