"""The bundled sample articles (see README: Credits)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SAMPLE_FILES = ("aggregator-iran-proxies.txt", "meantime-en.jsonl", "wikinews-gum.jsonl")


def sample_paths() -> list[Path]:
    base = Path(str(files("ingest") / "samples"))
    return [base / name for name in SAMPLE_FILES]
