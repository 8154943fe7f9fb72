"""Words the parser gives the wrong part of speech, read as what they are: a role
written before a name is a noun, whatever tag it took ("comedian and host Billy
Crystal"). :func:`analysis.triggers.is_trigger` asks these before it takes a verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Switch: a role before a name the parser read as a verb is no event (role_before_name).
ROLE_BEFORE_NAME = True


def role_before_name(tok: Token) -> bool:
    """Is a bare verb a role written before a name, joined to another role ("in front of
    comedian and host Billy Crystal": the parser's verb "host")? No auxiliary, no "to",
    no subject: a noun's conjunct right before a proper noun."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (
        tok.tag_ == "VB"
        and tok.dep_ == "conj"
        and tok.head.pos_ == "NOUN"
        and nxt is not None
        and nxt.pos_ == "PROPN"
        and not any(c.dep_ in ("aux", "nsubj", "mark") for c in tok.children)
    )
