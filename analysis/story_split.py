"""Is a story two happenings? A check on a whole story, independent of arrival order.

Articles join stories one by one (:func:`analysis.stories.decide`). An early article of a
similar happening (a second DUI arrest on the same team, a second pirate attack foiled by
the same navy) may join a young story that fits it well enough; from then on the story's
centroid holds both happenings, the articles of each join it, and the second look cannot
undo it: each article, weighed against its story without it, still finds its own kind
there. Which happening's articles arrived first decides the outcome.

This check looks at the story's articles together, as the join rule would weigh them in
pairs: two articles "would join" when one scores at least :data:`THRESHOLD` against a
story made of the other alone. A story whose articles fall in two groups that each hold
together (most pairs inside join) and hardly bind to each other (few pairs across join)
is two stories that a bridge of centroids put together; the check names the two groups.
A story of one happening whose articles are merely diverse has pairs that join across
any split of it, or a group that does not hold together: it stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from analysis.stories import THRESHOLD, ArticleProfile, StoryProfile, StoryScore, score

#: Each group has at least this many articles: two articles alike and apart from the rest
#: are as often a story's side thread as another happening.
MIN_PART = 4
#: At least this share of the pairs inside each group join (the group is one happening).
MIN_INSIDE = 0.5
#: At most this share of the pairs across the groups join.
MAX_ACROSS = 0.2
#: Stories larger than this are not checked (the check is quadratic in the members).
MAX_MEMBERS = 40
#: A story of at most this many articles is adopted by a larger one (of at least
#: MIN_PART articles) that each of its articles fits best, by at least ADOPT_THRESHOLD
#: (see :func:`adopter`).
ADOPT_MAX = 3
ADOPT_THRESHOLD = 0.2
#: A small story whose articles fit each other better than the home (short of copies of
#: one report: a pair score of COPY_SCORE) is a story of its own unless each of its
#: articles shares the home's content words, not only its names: a cosine of at least
#: ADOPT_WORDS with the home's words (0: names may do). Two articles on the trade war fit
#: the impeachment hearings' story by its names (Trump, the White House) and a headline
#: word, scarcely by its words (0.15); a short report alone is adopted by names.
ADOPT_WORDS = 0.2
COPY_SCORE = 0.9


def pair_score(a: ArticleProfile, b: ArticleProfile) -> float:
    """How well two articles fit, as the join rule weighs one against a story made of
    the other alone (the mean of both directions: tf-idf cosines are symmetric, the
    protagonist and lead checks are not)."""
    return (
        score(a, StoryProfile(0, [b], b.day, b.day)).total
        + score(b, StoryProfile(0, [a], a.day, a.day)).total
    ) / 2


def split(members: Sequence[ArticleProfile]) -> tuple[list[int], list[int]] | None:
    """The two groups (article ids) the story's ``members`` fall in when it is two
    happenings, the group holding the article of highest id first; None when it is one.

    The groups are the best two-medoid partition of the pairwise scores (each article
    goes with the medoid it fits better); they must each hold MIN_PART articles, join
    inside (MIN_INSIDE of their pairs) and not across (at most MAX_ACROSS of the pairs)."""
    n = len(members)
    if n < 2 * MIN_PART or n > MAX_MEMBERS:
        return None
    sim = [[0.0] * n for _ in range(n)]
    for i, j in combinations(range(n), 2):
        sim[i][j] = sim[j][i] = pair_score(members[i], members[j])
    best: tuple[float, list[int], list[int]] | None = None
    for m1, m2 in combinations(range(n), 2):
        near_one = [k != m2 and (k == m1 or sim[k][m1] >= sim[k][m2]) for k in range(n)]
        one = [k for k in range(n) if near_one[k]]
        two = [k for k in range(n) if not near_one[k]]
        if len(one) < MIN_PART or len(two) < MIN_PART:
            continue
        fit = sum(sim[k][m1] for k in one if k != m1) + sum(sim[k][m2] for k in two if k != m2)
        if best is None or fit > best[0]:
            best = (fit, one, two)
    if best is None:
        return None
    _, one, two = best

    def joined(pairs: list[tuple[int, int]]) -> float:
        return sum(sim[i][j] >= THRESHOLD for i, j in pairs) / len(pairs)

    inside = min(joined(list(combinations(g, 2))) for g in (one, two))
    across = joined([(i, j) for i in one for j in two])
    if inside < MIN_INSIDE or across > MAX_ACROSS:
        return None
    ids = [[members[k].id for k in g] for g in (one, two)]
    ids.sort(key=max, reverse=True)
    return ids[0], ids[1]


def joins_across(
    one: Sequence[ArticleProfile], two: Sequence[ArticleProfile], at_least: float = 0.0
) -> float:
    """The share of the pairs across two stories (an article of each) that would join
    (:func:`pair_score` at least THRESHOLD); 0 as soon as it cannot reach ``at_least``."""
    total = len(one) * len(two)
    if not total:
        return 0.0
    allowed = total - at_least * total  # the pairs that may fail
    joined = failed = 0
    for a in one:
        for b in two:
            if pair_score(a, b) >= THRESHOLD:
                joined += 1
            else:
                failed += 1
                if failed > allowed:
                    return 0.0
    return joined / total


def one_story(one: Sequence[ArticleProfile], two: Sequence[ArticleProfile]) -> float | None:
    """Are two stories one happening, split by the order their articles came in? They
    are when at least MIN_INSIDE of the pairs across them would join: together they hold
    as the split check counts a group holding together (and it would not split them:
    MIN_INSIDE is above MAX_ACROSS). Each article of a pair that came first may have
    started a story the other's articles then joined; neither article's second look
    moves it, as each fits its own story's articles better. Returns the share of the
    pairs that join when they are, else None."""
    if not (0 < len(one) <= MAX_MEMBERS and 0 < len(two) <= MAX_MEMBERS):
        return None
    share = joins_across(one, two, at_least=MIN_INSIDE)
    return share if share >= MIN_INSIDE else None


def adopter(small: Sequence[ArticleProfile], larger: Sequence[StoryProfile]) -> int | None:
    """The story (among ``larger``: candidate stories with more articles) that adopts a
    small story (``small``: its at most ADOPT_MAX articles), or None.

    A short report placed early, or two copies of one wire report, can start a story of
    their own that neither the second look (each fits its own story best: a copy fits
    its twin perfectly) nor :func:`one_story` (a short text shares too few words with
    each article of the larger story for the pairs to join) undoes, although against
    the larger story as a whole (its centroid of terms) they score nearly as an
    arriving article must. Adopted when every article's best fit among ``larger`` is
    the same story and reaches ADOPT_THRESHOLD: a whole story agreeing on one home is
    stronger evidence than one arriving article, so the bar is a little lower than
    THRESHOLD."""
    if not small or len(small) > ADOPT_MAX or not larger:
        return None
    fits = []
    for a in small:
        best = max((score(a, s) for s in larger), key=lambda sc: (sc.total, sc.story_id))
        if best.total < ADOPT_THRESHOLD:
            return None
        fits.append(best)
    if len({f.story_id for f in fits}) != 1:
        return None
    if _holds_together(small, fits) and any(f.words < ADOPT_WORDS for f in fits):
        return None  # a story of its own that shares the home's names, not its words
    return fits[0].story_id


def _holds_together(small: Sequence[ArticleProfile], fits: Sequence[StoryScore]) -> bool:
    """Does an article of the small story fit another of it better than the home (its
    ``fits``, in the same order), short of a copy of it (a pair score of COPY_SCORE)?"""
    return any(
        fit.total < pair_score(a, b) < COPY_SCORE
        for a, fit in zip(small, fits, strict=True)
        for b in small
        if b.id != a.id
    )
