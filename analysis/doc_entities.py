"""An article's entities as :func:`analysis.canon.canonicalise` gives them: its mentions,
each with its entity (or none), found by character offset for the events step (the
entity of an argument) and written as the store takes them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from analysis.entities import Mention


@dataclass
class DocEntities:
    """The analysis of one article's entities: mentions with their entity, and lookup by
    character offset (for the events step, which needs the entity of an argument)."""

    mentions: list[Mention]
    #: One entity dict (``{key, label, name, aliases}``) per mention, None for DATE etc.
    entities: list[dict[str, Any] | None]
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [m.start for m in self.mentions]

    def entity_at(self, start: int, end: int) -> dict[str, Any] | None:
        """The entity of the named mention that overlaps [start, end) most (a span of the
        text, e.g. a token or a noun phrase), or None."""
        best: tuple[int, dict[str, Any]] | None = None
        i = bisect.bisect_right(self._starts, end) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.end <= start and m.start < start - 200:
                break
            overlap = min(end, m.end) - max(start, m.start)
            ent = self.entities[i]
            if overlap > 0 and ent is not None and (best is None or overlap > best[0]):
                best = (overlap, ent)
            i -= 1
        return best[1] if best else None

    def as_dicts(self) -> list[dict[str, Any]]:
        """Mentions as :func:`store.writes.insert_analysis` takes them."""
        return [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "label": m.label,
                "sentence": m.sentence,
                "entity": e,
            }
            for m, e in zip(self.mentions, self.entities, strict=True)
        ]
