"""Start newsreader or the floor app and exit as soon as its first frame is written.

    python bench/first_frame.py newsreader STORE.db
    python bench/first_frame.py floor STORE.db

Run by bench/instructions.py under valgrind in a pseudo-terminal: the process ends with
``os._exit`` right after the driver writes its first frame (the first write of more than
1,000 bytes; before it come only a few short terminal set-up sequences), so what valgrind
counts is the work from process start to the first frame. newsreader starts through its
console script's own path (tui.launch), as a person starts it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from textual.drivers.linux_driver import LinuxDriver

ROOT = Path(__file__).resolve().parent.parent
_write = LinuxDriver.write


def _write_then_exit(self: LinuxDriver, data: str) -> None:
    _write(self, data)
    if len(data) > 1000:
        os._exit(0)


def main() -> None:
    tool, db = sys.argv[1], sys.argv[2]
    LinuxDriver.write = _write_then_exit  # type: ignore[method-assign]
    if tool == "newsreader":
        sys.path.insert(0, str(ROOT))
        from tui import launch

        sys.argv = ["newsreader", "--db", db]
        launch.main()
    elif tool == "floor":
        sys.path.insert(0, str(ROOT / "bench"))
        from floor_app import Floor

        Floor(db).run()
    else:
        raise SystemExit(f"unknown tool {tool!r}: newsreader or floor")
    raise SystemExit("the app ended without writing a frame")


if __name__ == "__main__":
    main()
