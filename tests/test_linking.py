"""Pure linking decisions and the coreference scorer, on small known examples."""

from __future__ import annotations

import pytest

from analysis.linking import (
    Arg,
    EventFeatures,
    MentionFeatures,
    base_lemma,
    context_vector,
    cosine,
    decide,
    names_agree,
    score,
)
from bench.event_coref import b_cubed, ceaf_e, conll, muc

ISRAEL, IRAN, HAMAS = Arg(1, "Israel"), Arg(2, "Iran"), Arg(3, "Hamas")


def _m(**kw: object) -> MentionFeatures:
    base: dict[str, object] = {"id": 100, "article_id": 9, "type": "attack", "lemma": "attack"}
    base.update(kw)
    return MentionFeatures(**base)  # type: ignore[arg-type]


def _event(eid: int, *mentions: MentionFeatures) -> EventFeatures:
    ev = EventFeatures(id=eid)
    for m in mentions:
        ev.add(m)
    return ev


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Israel", "Israeli", True),
        ("Iran", "Iranian", True),
        ("Houthis", "Houthi", True),
        ("Magic Seas", "the MV Magic Seas", True),
        ("Iran", "Iraq", False),
        ("Israel", "Iran", False),
        ("US", "USS Cole", False),
    ],
)
def test_names_agree(a: str, b: str, same: bool) -> None:
    assert names_agree(a, b) is same


def test_same_lemma_and_participants_and_day_join() -> None:
    ev = _event(
        1, _m(id=1, article_id=1, actor=HAMAS, target=ISRAEL, date="2023-10-07", precision="day")
    )
    m = _m(actor=Arg(30, "Hamas"), target=Arg(31, "Israeli"), date="2023-10-07", precision="day")
    assert decide(m, [ev]) == (1, pytest.approx(4.0))


def test_swapped_roles_are_another_event() -> None:
    ev = _event(1, _m(id=1, article_id=1, actor=ISRAEL, target=IRAN))
    assert score(_m(actor=IRAN, target=ISRAEL), ev) is None


def test_well_placed_times_apart_are_another_event() -> None:
    ev = _event(1, _m(id=1, article_id=1, actor=HAMAS, date="2023-10-07", precision="day"))
    assert score(_m(actor=HAMAS, date="2025-06", precision="month"), ev) is None
    # A year apart only counts against: a wrongly attached "2009" must not veto.
    ev2 = _event(2, _m(id=2, article_id=1, actor=HAMAS, date="2023", precision="year"))
    # lemma 1 + actor 1 - 1 for the year apart
    assert score(_m(actor=HAMAS, date="2024", precision="year"), ev2) == pytest.approx(1.0)


def test_different_kind_of_event_never_joins() -> None:
    ev = _event(1, _m(id=1, article_id=1, type="meet", lemma="talk", actor=ISRAEL))
    assert score(_m(actor=ISRAEL), ev) is None


def _ctx(*ids: int, df: int = 2, n: int = 100) -> dict[int, float]:
    """A context vector of entities each mentioned once, in ``df`` of ``n`` articles."""
    return context_vector({i: (1, df) for i in ids}, n)


def test_shared_article_entities_link_across_articles() -> None:
    ev = _event(1, _m(id=1, article_id=1, context=_ctx(1, 2, 3, 4)))
    near = _m(article_id=2, context=_ctx(1, 2, 3, 5))
    far = _m(article_id=2, context=_ctx(7, 8, 9, 5))
    assert decide(near, [ev])[0] == 1
    assert decide(far, [ev])[0] is None


def test_common_entities_weigh_less_than_rare_ones() -> None:
    # Two stories of one region share "United States" and "Israel" (in most articles);
    # one story told twice shares a ship's and a town's names (in two articles).
    common = {1: (3, 90), 2: (3, 80)}
    a = context_vector({**common, 10: (2, 2), 11: (1, 2)}, 100)
    same_story = context_vector({**common, 10: (1, 2), 11: (2, 2)}, 100)
    other_story = context_vector({**common, 20: (2, 2), 21: (1, 2)}, 100)
    assert cosine(a, same_story) > 0.8
    assert cosine(a, other_story) < 0.1
    # An entity in every article weighs next to nothing against a rare one.
    v = context_vector({1: (1, 100), 2: (1, 2)}, 100)
    assert v[1] < 0.01 * v[2]


def test_reports_far_apart_need_a_date_in_common() -> None:
    jobs: dict[str, object] = {"lemma": "announce", "type": "statement", "actor": Arg(5, "Jobs")}
    day = {"date": "2007-01-09", "precision": "day"}
    ev = _event(1, _m(id=1, article_id=1, published="2007-01-10", **jobs, **day))
    later = _m(published="2010-06-08", **jobs)
    assert score(later, ev) is None  # same actor and word, three years on: another one
    assert decide(_m(published="2007-01-11", **jobs), [ev])[0] == 1
    recalled = _m(published="2010-06-08", **jobs, **day)
    assert decide(recalled, [ev])[0] == 1  # "Jobs' January 9, 2007 announcement"


def test_nothing_but_the_word_joins_only_reports_days_apart() -> None:
    ctx = _ctx(1, 2, 3, 4)
    ev = _event(
        1, _m(id=1, article_id=1, lemma="deal", type="agree", published="2007-06-09", context=ctx)
    )
    assert decide(_m(lemma="deal", type="agree", published="2007-06-10", context=ctx), [ev])[0] == 1
    weeks_on = _m(lemma="deal", type="agree", published="2007-06-30", context=ctx)
    assert score(weeks_on, ev) is None


def test_a_report_cannot_precede_what_it_reports() -> None:
    ev = _event(
        1,
        _m(
            id=1,
            article_id=1,
            actor=HAMAS,
            published="2023-10-08",
            date="2023-10-07",
            precision="day",
        ),
    )
    # An undated report published before the event began is of another attack.
    early = _m(actor=HAMAS, published="2023-09-01", context={})
    assert score(early, ev) is None
    # A mention dated after the event was already reported is another attack too.
    newer = _m(actor=HAMAS, published="2023-10-09", date="2023-10-09", precision="day")
    assert score(newer, ev) is None
    # A plan can lie ahead of its report.
    planned = _m(actor=HAMAS, published="2023-09-01", modality="hypothetical")
    assert score(planned, ev) is not None


def test_blocked_events_are_skipped() -> None:
    ev = _event(1, _m(id=1, article_id=1, actor=ISRAEL, target=IRAN))
    m = _m(actor=ISRAEL, target=IRAN)
    assert decide(m, [ev])[0] == 1
    assert decide(m, [ev], blocked=[1])[0] is None


def test_within_an_article_locality() -> None:
    anchor = _m(id=1, article_id=9, actor=HAMAS, sentence=10)
    ev = _event(1, anchor)
    assert decide(_m(sentence=12), [ev])[0] == 1  # "the attack", two sentences on
    assert decide(_m(sentence=30), [ev])[0] is None  # the same word, far away


def test_base_lemma() -> None:
    assert base_lemma("shooting") == "shoot"
    assert base_lemma("killing") == "kill"
    assert base_lemma("hitting") == "hit"
    assert base_lemma("death") == "die"
    assert base_lemma("seizure") == "seize"
    assert base_lemma("attack") == "attack"


# ------------------------------------------------------------------ scorer
# Pradhan et al. (2014), "Scoring coreference partitions of predicted mentions: a
# reference implementation", worked example: key {a b c} {d e f g}; response {a b}
# {c d} {f g h i}. Published: MUC R 40.0 P 40.0; B3 R 41.67 P 50.0; CEAF-e R 65.0 P 43.33.
KEY = [["a", "b", "c"], ["d", "e", "f", "g"]]
RESPONSE = [["a", "b"], ["c", "d"], ["f", "g", "h", "i"]]


def test_muc_worked_example() -> None:
    r, p, _ = muc(KEY, RESPONSE)
    assert (r, p) == (pytest.approx(0.4), pytest.approx(0.4))


def test_b_cubed_worked_example() -> None:
    r, p, _ = b_cubed(KEY, RESPONSE)
    assert (r, p) == (pytest.approx(35 / 84), pytest.approx(0.5))


def test_ceaf_e_worked_example() -> None:
    r, p, _ = ceaf_e(KEY, RESPONSE)
    assert (r, p) == (pytest.approx(0.65), pytest.approx(1.3 / 3))


def test_perfect_and_singletons() -> None:
    assert conll(KEY, KEY) == {"muc": 100.0, "b3": 100.0, "ceafe": 100.0, "conll": 100.0}
    singles = [["a"], ["b"], ["c"]]
    # MUC ignores singletons entirely (no links): 0 on an all-singleton key.
    assert muc(singles, singles)[2] == 0.0
    assert b_cubed(singles, singles)[2] == pytest.approx(1.0)
    assert ceaf_e(singles, [["a", "b", "c"]])[:2] == (pytest.approx(0.5 / 3), pytest.approx(0.5))


def test_ceaf_needs_the_optimal_alignment() -> None:
    # A greedy alignment (K1-R1 first, 0.8) would score 0.8 + 0.0; the optimum pairs
    # K1-R2 and K2-R1 for 0.667 + 0.8.
    key = [["a", "b"], ["c", "d", "e"]]
    response = [["a", "b", "c"], ["d", "e"]]
    r, _, _ = ceaf_e(key, response)
    assert r == pytest.approx((0.8 + 0.8) / 2)
