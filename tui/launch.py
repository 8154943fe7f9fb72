"""The ``newsreader`` console script. Opening the reader (``newsreader`` or
``newsreader --db PATH``) skips the command-line parser: click and the CLI's commands cost
~30 ms of a ~0.2 s cold start and the reader needs neither. Anything else (a subcommand,
--help, --version, an option this module does not know) goes to :mod:`tui.cli`, which
parses and reports exactly as before.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path


def reader_db(args: Sequence[str]) -> Path | None:
    """The store to open the reader on when ``args`` ask for nothing but the reader (none,
    ``--db PATH`` or ``--db=PATH``; with none, $NEWSREADER_DB or the default store, as
    the CLI resolves it), else None: the full CLI decides."""
    if not args:
        from store import default_db_path

        return default_db_path()
    if len(args) == 2 and args[0] == "--db":
        value = args[1]
    elif len(args) == 1 and args[0].startswith("--db="):
        value = args[0].removeprefix("--db=")
    else:
        return None
    if not value or value.startswith("-"):
        return None  # let click say what is wrong with it
    return Path(value).expanduser()


def open_reader(db: Path) -> None:
    """Build and run the app on ``db``; a store that cannot be opened, or refuses a write,
    is one error line and exit 1, as in :mod:`tui.cli`."""
    from store import StoreError, write_failure
    from tui.app import make_app

    try:
        try:
            app = make_app(db)
        except StoreError as exc:
            fail(str(exc))
        # What was built while importing lives as long as the process: later collections
        # need not scan it again (see main()). The collector stays off until the first
        # frame is drawn: starting the app makes little garbage, and ~140 young
        # collections cost ~2.5 ms of the ~0.2 s to that frame.
        gc.freeze()
        app.after_first_frame.append(gc.enable)
        app.run()
    except Exception as exc:  # as tui.cli's commands: a refused write is one line
        message = write_failure(exc)
        if message is None:
            raise
        fail(message)


def fail(message: str) -> None:
    """tui.cli.fail (one line on stderr, exit 1), loaded only when needed."""
    from tui.cli import fail as cli_fail

    cli_fail(message)


def main() -> None:
    db = reader_db(sys.argv[1:])
    if db is None:
        from tui.cli import main as cli

        cli()
    else:
        # No garbage collection while the reader's modules load: they make ~60k objects
        # and no garbage, and the collector would scan them over and over (~15 ms of
        # CPU; the app turns it back on after its first frame, see open_reader).
        gc.disable()
        open_reader(db)


if __name__ == "__main__":  # pragma: no cover
    main()
