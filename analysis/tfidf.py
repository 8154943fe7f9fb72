"""tf-idf vectors of an article's words or entities, and the arithmetic of unit vectors
(dot products, centroids) that story assignment scores with (:mod:`analysis.stories`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TypeVar

K = TypeVar("K", int, str)

#: idf is raised to this power: a name in five articles must outweigh one in fifty
#: (the incident's ship or suspect against the region's navy).
IDF_POWER = 1.0
#: The smallest store size idf assumes (see :func:`tfidf`).
MIN_ARTICLES = 200


def tfidf(counts: Mapping[K, tuple[int, int]], articles: int) -> dict[object, float]:
    """Unit-length tf-idf vector from key -> (count here, articles using it); keys seen in
    one article only (df <= 1) still count: a rare name shared later is the best signal.

    A young store cannot tell common words from rare ones (in six articles on three
    stories every shared word is "common"): the store counts as :data:`MIN_ARTICLES`
    articles at least, so its first articles find their stories too."""
    n = max(articles, MIN_ARTICLES)
    vec: dict[object, float] = {}
    for key, (tf, df) in counts.items():
        idf = math.log((n + 1) / (max(df, 1) + 0.5))
        if idf > 0 and tf > 0:
            vec[key] = (1.0 + math.log(tf)) * idf**IDF_POWER
    return unit(vec)


def unit(vec: Mapping[object, float]) -> dict[object, float]:
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {k: w / norm for k, w in vec.items()} if norm else {}


def dot(a: Mapping[object, float], b: Mapping[object, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b[k] for k, w in a.items() if k in b)


def centroid(vectors: Iterable[Mapping[object, float]]) -> dict[object, float]:
    """The unit centroid of unit vectors (one vector is its own centroid)."""
    vectors = list(vectors)
    if len(vectors) == 1:
        return dict(vectors[0])
    total: dict[object, float] = {}
    for v in vectors:
        for k, w in v.items():
            total[k] = total.get(k, 0.0) + w
    return unit(total)


def rare_first(counts: Mapping[K, tuple[int, int]]) -> list[K]:
    """Keys of an article (term or entity -> (tf, df)) rarest first, most used first on a
    tie: the ones to look candidates up by (a shared rare key is the strongest hint)."""
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (kv[1][1], -kv[1][0], str(kv[0])))]
