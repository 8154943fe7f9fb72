"""What a saying says (analysis.reports), on real sentences (ECB+, CC BY 3.0)."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.reports import reported


@pytest.mark.parametrize(
    ("sentence", "saying", "said"),
    [
        (
            "The Indian navy said it has captured 23 Somali and Yemeni pirates who "
            "attacked a merchant vessel in the Gulf of Aden on Saturday.",
            "said",
            "captured",
        ),
        (
            "A former employee who opened fire at an office Christmas party killing one "
            "man, has been charged with first-degree murder, police said Saturday.",
            "said",
            "charged",
        ),
        (
            "Williams was pulled over for speeding early Sunday on a freeway outside "
            "downtown, the California Highway Patrol said.",
            "said",
            "pulled",
        ),
        (
            "Investigators say 59-year old Raj Chohan was hit while walking along parked cars.",
            "say",
            "hit",
        ),
        (
            "The Academy of Motion Pictures Arts and Sciences announced this morning that "
            "Ellen DeGeneres would return to the Academy Awards as emcee.",
            "announced",
            "return",
        ),
        # the writer's own finding reports nothing: it is the article itself
        (
            "I confirmed yesterday that Obama has offered the job and that Gupta had all "
            "but officially accepted.",
            "confirmed",
            None,
        ),
        # not a reporting word
        ("The gunman opened fire at the party.", "opened", None),
    ],
)
def test_what_a_saying_says(nlp: Any, sentence: str, saying: str, said: str | None) -> None:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == saying)
    found = reported(tok)
    assert (found.text if found is not None else None) == said
