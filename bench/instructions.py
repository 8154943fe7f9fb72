"""Cold start as instructions executed, from process start to the first frame.

    python -m bench.instructions [--sizes 0,10000,100000] [--tools newsreader,floor]

Wall-clock cold start (bench/coldstart.py) swings by +-0.2x of the floor from run to run on
a shared machine; the number of instructions a start executes barely moves (runs of the same
code differ by a few tenths of a percent), so a change of 1% is seen at once. Each tool runs under
valgrind's callgrind (``Collected`` instructions, about 50x slower than a normal start) in a
160x50 pseudo-terminal, with bench/first_frame.py ending the process as the first frame is
written. Prints the count per tool and size and newsreader / floor; then one JSON line.
Needs valgrind (``apt-get install valgrind``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from bench.coldstart import COLS, ROWS, _env, spawn_in_pty, store_for  # noqa: E402

TOOLS = ("newsreader", "floor")


def instructions(tool: str, db: Path, timeout: float = 300.0) -> int:
    """Instructions callgrind counted for ``tool`` on ``db``, start to first frame."""
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "valgrind.log"
        argv = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={Path(tmp) / 'callgrind.out'}",
            f"--log-file={log}",
            sys.executable,
            str(HERE / "first_frame.py"),
            tool,
            str(db),
        ]
        pid, master = spawn_in_pty(argv, _env())
        t0 = time.perf_counter()
        try:
            while time.perf_counter() - t0 < timeout:
                ready, _, _ = select.select([master], [], [], 0.5)
                if ready:
                    try:
                        if not os.read(master, 65536):
                            break
                    except OSError:  # EIO: the child closed the terminal
                        break
                if os.waitpid(pid, os.WNOHANG)[0]:
                    pid = 0
                    break
        finally:
            if pid:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
            os.close(master)
        found = re.search(r"Collected : (\d+)", log.read_text())
        if found is None:
            raise RuntimeError(f"{tool}: valgrind counted nothing: {log.read_text()[-500:]}")
        return int(found.group(1))


def run(sizes: list[int], tools: list[str], data: Path = HERE / "data") -> dict[int, Any]:
    """Per size: instructions per tool (millions) and newsreader / floor; prints a table."""
    data.mkdir(parents=True, exist_ok=True)
    results: dict[int, Any] = {}
    for n in sizes:
        db = store_for(n, data)
        for tool in tools:  # a first start writes bytecode for changed modules: not counted
            instructions(tool, db)
        counts = {tool: round(instructions(tool, db) / 1e6, 1) for tool in tools}
        res: dict[str, Any] = {"instructions_m": counts}
        if "newsreader" in counts and "floor" in counts:
            res["vs_floor"] = round(counts["newsreader"] / counts["floor"], 3)
        results[n] = res
    print(f"instructions from process start to the first frame in a {COLS}x{ROWS} pty (millions)")
    print(f"{'articles':>9}  " + "  ".join(f"{t:>10}" for t in tools) + "  nr/floor")
    for n, r in results.items():
        cells = "  ".join(f"{r['instructions_m'].get(t, 0):>10,.1f}" for t in tools)
        ratio = f"{r['vs_floor']:.3f}x" if "vs_floor" in r else "-"
        print(f"{n:>9}  {cells}  {ratio:>8}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0,10000,100000")
    parser.add_argument("--tools", default=",".join(TOOLS), help="of: " + ",".join(TOOLS))
    parser.add_argument("--data", type=Path, default=HERE / "data")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    sizes = [int(s) for s in args.sizes.split(",")]
    tools = [t for t in args.tools.split(",") if t]
    res = run(sizes, tools, args.data)
    print(json.dumps({"instructions": res}, separators=(",", ":")))


if __name__ == "__main__":
    main()
