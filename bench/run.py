"""Run every benchmark of rfdesk at provincial scale and write one table to bench/results.md.

    python bench/run.py [--scale 1.0] [--repeat 3] [--only search,totals,…] [--prepare]

The large database is built once by make_large.py into bench/out/, named by a hash of the generator, the
schema migrations and the scale, and reused while none of them changes. Every figure is a ratio against a
baseline measured in the same run on the same machine: the machine's speed cancels out, only ratios count.
Window benchmarks run offscreen, each in a fresh interpreter (gui_probe.py).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from common import Result, fmt_ratio, fmt_value  # noqa: E402


def database_key(scale: float) -> str:
    h = hashlib.sha256()
    h.update((HERE / "make_large.py").read_bytes())
    for p in sorted((ROOT / "src/rfdesk/db/migrations/versions").glob("*.py")):
        h.update(p.name.encode() + p.read_bytes())
    h.update(f"scale={scale!r}".encode())
    return h.hexdigest()[:12]


def large_database(scale: float) -> Path:
    """The cached province-scale database of ``scale``, built now if missing or stale."""
    OUT.mkdir(exist_ok=True)
    target = OUT / f"large-{scale:g}-{database_key(scale)}.sqlite"
    if target.exists():
        return target
    for old in OUT.glob(f"large-{scale:g}-*.sqlite*"):
        old.unlink()
    tmp = target.with_suffix(".building")
    print(f"building {target.name} (scale {scale:g}) …", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, str(HERE / "make_large.py"), str(tmp), "--scale", str(scale)], check=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    tmp.rename(target)
    return target


def versions() -> dict[str, str]:
    import PySide6
    from PySide6 import QtCore

    return {"Python": platform.python_version(), "Qt": QtCore.qVersion(), "PySide6": PySide6.__version__,
            "SQLite": sqlite3.sqlite_version, "machine": f"{platform.system()} {platform.machine()}, "
            f"{os.cpu_count()} CPUs"}


def table(results: list[Result]) -> list[str]:
    lines = ["| benchmark | ours | baseline | ratio | target | result |", "|---|---:|---:|---:|---|---|"]
    for r in results:
        lines.append(f"| {r.name} | {fmt_value(r.ours, r.unit)} | {fmt_value(r.base, r.unit)} | {fmt_ratio(r)} "
                     f"| {r.target} | {'pass' if r.passed else '**miss**'} |")
    return lines


def write_results(results: list[Result], scale: float, repeat: int, heavy: int, seconds: float,
                  db_file: Path) -> Path:
    v = versions()
    head = [
        "# rfdesk benchmarks",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at scale {scale:g} "
        f"({db_file.stat().st_size / 1e6:,.0f} MB database), median of {repeat} runs each ({heavy} for the "
        f"ledger, import, export and backups), {seconds:,.0f} s in all.",
        "",
        f"Python {v['Python']}, Qt {v['Qt']} (PySide6 {v['PySide6']}), SQLite {v['SQLite']}; {v['machine']}.",
        "",
        "Each line times rfdesk's own code path against the floor of the same work done with the bare tools in the",
        "same run; only the ratio matters. `make bench` runs scale 1 (100,000 people, 1,000,000 donations),",
        "`make bench-quick` one tenth of it.",
        "",
    ]
    notes = ["", "What each line compares:", ""] + [f"- {r.name}: {r.note}" for r in results if r.note]
    path = HERE / ("results.md" if scale == 1 else f"results-{scale:g}.md")
    path.write_text("\n".join(head + table(results) + notes) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--heavy-repeat", type=int, default=0,
                        help="repeats of the long cases (import, export, ledger, backups); default: --repeat")
    parser.add_argument("--only", default="", help="comma-separated benchmark keys")
    parser.add_argument("--prepare", action="store_true", help="only build the large database")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    db_file = large_database(args.scale)
    if args.prepare:
        print(db_file)
        return 0
    # Settings, logs and automatic backups of these runs stay out of the user's own folders.
    home = Path(tempfile.mkdtemp(prefix="rfdesk-bench-home-"))
    os.environ["RFDESK_DATA_DIR"] = str(home / "data")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

    import cases

    import gui

    available = {**{k: gui.CASES[k] for k in gui.SEARCH}, **cases.CASES, **gui.CASES}
    keys = [k for k in args.only.split(",") if k] or list(available)
    unknown = [k for k in keys if k not in available]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(available)}")
    ctx = cases.Context(db_file, args.scale, home / "scratch", args.repeat, args.heavy_repeat or args.repeat)
    ctx.scratch.mkdir(parents=True)
    results: list[Result] = []
    try:
        for key in keys:
            t0 = time.perf_counter()
            print(f"… {key}", file=sys.stderr, flush=True)
            made = available[key](ctx)
            for r in made if isinstance(made, list) else [made]:
                results.append(r)
                print(f"  {r.name}: {fmt_value(r.ours, r.unit)} vs {fmt_value(r.base, r.unit)} = {fmt_ratio(r)} "
                      f"({r.target}: {'pass' if r.passed else 'MISS'}) [{time.perf_counter() - t0:.1f} s]",
                      file=sys.stderr, flush=True)
    finally:
        ctx.close()
        shutil.rmtree(home, ignore_errors=True)
    seconds = time.perf_counter() - started
    print("\n".join(table(results)))
    if not args.only:
        path = write_results(results, args.scale, args.repeat, args.heavy_repeat or args.repeat, seconds, db_file)
        print(f"\nwritten to {path.relative_to(ROOT)} in {seconds:,.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
