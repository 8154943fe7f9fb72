"""The reader's own settings (the theme), kept across restarts in a small JSON file in the
user config directory (platformdirs: ``~/.config/newsreader/settings.json`` on Linux). A
missing or unreadable file means the defaults; it is never an error."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def settings_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("newsreader", appauthor=False) / "settings.json"


def load_settings() -> dict[str, Any]:
    try:
        raw = settings_path().read_text(encoding="utf-8")
    except OSError:
        return {}
    import json  # only when there are settings: ~1.5 ms of a cold start

    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(key: str, value: Any) -> None:
    """Write one setting; the file is replaced whole (a crash never leaves half of it)."""
    import json

    path = settings_path()
    data = load_settings()
    data[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: the theme is simply not kept


def screenshot_dir() -> Path:
    """Where the palette's Screenshot goes: the Downloads folder when there is one, else
    the user data directory's screenshots folder."""
    from platformdirs import user_data_path, user_downloads_path

    downloads = user_downloads_path()
    if downloads.is_dir():
        return downloads
    path = user_data_path("newsreader", appauthor=False) / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
