"""Which analysis made a store's events: a fingerprint of this package's code and the
model's version, so a store analysed by other code can be told (see ``newsreader demo``).

Read from the files and the installed packages' metadata, never by importing spaCy: the
reader's process asks for it.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

from analysis.nlp import MODEL_NAMES


@functools.cache
def fingerprint() -> str:
    """A short hex digest of the analysis code (every module of this package) and of the
    installed English model's name and version."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for name in MODEL_NAMES:
        try:
            digest.update(f"{name} {metadata.version(name)}".encode())
            break
        except metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()[:16]
