"""How long the frozen rfdesk takes to show its window, against a bare PySide6 window on the same machine.

    python bench/frozen_startup.py [--frozen dist/rfdesk] [--runs 7] [--db FILE]

Both are started as fresh processes under ``QT_QPA_PLATFORM=offscreen``, alternately, after one warm-up run
each; the time is from just before the process is started to the moment a window is first exposed, which
the process itself prints (the frozen program through ``RFDESK_QUIT_WHEN_SHOWN``). The bare window is a
QMainWindow with a label, run by this Python, so it pays for the interpreter and Qt but nothing of rfdesk.

Two times of the frozen program are reported: its first window (the main window, on screen before the
database layer loads, its tabs saying the registers are opening) and the same window with the registers open
on the demo database and the tab in front painted. The budget is a
ratio of at most 1.5 for the first window (exit code 1 above it); the main window's ratio is printed beside.
Medians are compared; the minimum of each is printed too, as the machine may be busy with other work.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET = 1.5
ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("rfdesk"))
window.resize(1280, 800)
window.show()
def check():
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        print(f"shown {time.time():.6f}", flush=True)
        app.quit()
poll = QTimer()
poll.timeout.connect(check)
poll.start(1)
sys.exit(app.exec())
"""


def time_to_window(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from starting ``command`` to each ``first|shown <epoch>`` line it prints."""
    started = time.time()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    times = {}
    for line in result.stdout.splitlines():
        word, _, stamp = line.partition(" ")
        if word in ("first", "shown"):
            times[word] = float(stamp) - started
    if result.returncode != 0 or "shown" not in times:
        raise SystemExit(f"{' '.join(command)} did not show a window:\n{result.stdout}\n{result.stderr}")
    times.setdefault("first", times["shown"])
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--frozen", default=str(ROOT / "dist" / "rfdesk"), help="the frozen one-folder build")
    parser.add_argument("--runs", type=int, default=7, help="measured runs of each (after one warm-up)")
    parser.add_argument("--db", help="database to open (default: the demo database, built once)")
    args = parser.parse_args()

    folder = Path(args.frozen)
    exe = ".exe" if sys.platform == "win32" else ""
    gui, cli = folder / f"rfdesk{exe}", folder / f"rfdesk-cli{exe}"
    if not gui.exists():
        raise SystemExit(f"no frozen build at {folder}: run `make dist` first")
    with tempfile.TemporaryDirectory(prefix="rfdesk-startup-") as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RFDESK_DATA_DIR": str(Path(tmp) / "data"),
               "XDG_CONFIG_HOME": str(Path(tmp) / "config"), "RFDESK_QUIT_WHEN_SHOWN": "1"}
        env.pop("RFDESK_DB", None)
        db = args.db
        if db is None:
            db = str(Path(tmp) / "demo.sqlite")
            subprocess.run([str(cli), "demo", "--db", db], env=env, check=True, capture_output=True)
        env["RFDESK_DB"] = db  # started as from a shortcut, without arguments
        frozen_cmd = [str(gui)]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        time_to_window(frozen_cmd, env)
        time_to_window(bare_cmd, env)
        frozen, bare = [], []
        for _ in range(args.runs):
            frozen.append(time_to_window(frozen_cmd, env))
            bare.append(time_to_window(bare_cmd, env)["shown"])
    base = statistics.median(bare)

    def line(label: str, values: list[float]) -> float:
        median = statistics.median(values)
        ms = ", ".join(f"{x * 1000:.0f}" for x in values)
        print(f"{label:34} median {median * 1000:5.0f} ms  min {min(values) * 1000:5.0f} ms  ratio {median / base:4.2f}"
              f"  ({ms})")
        return median / base

    line("bare PySide6 window", bare)
    ratio = line("frozen rfdesk, window shown", [t["first"] for t in frozen])
    line("frozen rfdesk, registers painted", [t["shown"] for t in frozen])
    print(f"budget: first window within {BUDGET} x the bare window: {'met' if ratio <= BUDGET else 'NOT met'}"
          f" ({ratio:.2f})")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
