"""The bundled sample articles (see README: Credits)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SAMPLE_FILES = ("aggregator-iran-proxies.txt", "meantime-en.jsonl", "wikinews-gum.jsonl")


def sample_paths() -> list[Path]:
    base = Path(str(files("ingest") / "samples"))
    return [base / name for name in SAMPLE_FILES]


#: When the aggregator page was captured (its relative dates, "2 hours ago", count back
#: from here). Its newest story is Hamas's statement of Saturday 2 August 2025.
SAMPLE_CAPTURED = "2025-08-02T18:00:00+00:00"
