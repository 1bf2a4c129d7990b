"""The window benchmarks: each measurement in a fresh offscreen interpreter (gui_probe.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from common import Result, memory_result, ratio_result

PROBE = Path(__file__).resolve().parent / "gui_probe.py"


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def probe(*args: str, lines: int = 1, timeout: float = 1800) -> tuple[list[dict[str, Any]], list[float]]:
    """Run the probe; its first ``lines`` JSON lines, each with the wall time from the spawn to it."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(PROBE), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=_env())
    assert proc.stdout is not None
    got: list[dict[str, Any]] = []
    when: list[float] = []
    for _ in range(lines):
        line = proc.stdout.readline()
        if not line:
            break
        when.append(time.perf_counter() - t0)
        got.append(json.loads(line))
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    if len(got) < lines:
        raise RuntimeError(f"gui_probe {' '.join(args)} failed:\n{err}")
    return got, when


def _startup_runs(ctx: Any) -> tuple[list[list[float]], list[list[float]]]:
    cached = getattr(ctx, "_startup_runs", None)
    if cached is None:
        # An installed program runs from compiled bytecode (pip compiles it, the frozen build holds it); with
        # PYTHONDONTWRITEBYTECODE set, rfdesk would otherwise be compiled from source at every start.
        import compileall

        import rfdesk

        compileall.compile_dir(str(Path(rfdesk.__file__).parent), quiet=1)
        probe("startup-bare", lines=2)  # warm the file cache for both
        probe("startup-ours", str(ctx.db_file), lines=2)
        ours: list[list[float]] = []
        base: list[list[float]] = []
        for _ in range(ctx.repeat):
            base.append(probe("startup-bare", lines=2)[1])
            ours.append(probe("startup-ours", str(ctx.db_file), lines=2)[1])
        cached = ctx._startup_runs = (ours, base)
    return cached


def startup(ctx: Any) -> Result:
    ours, base = _startup_runs(ctx)
    return ratio_result("start-up to the first shown window (the main window, registers opening), on the large "
                        "database", [o[0] for o in ours], [b[0] for b in base], 1.5,
                        note="`rfdesk` (run_gui) until its first window is exposed vs a bare QMainWindow, both "
                             "timed from the spawn of the interpreter; rfdesk's first window is its main window, "
                             "shown before the database layer is loaded")


def startup_registers(ctx: Any) -> Result:
    ours, base = _startup_runs(ctx)
    return ratio_result("start-up until the registers are painted, on the large database (reference)",
                        [o[1] for o in ours], [b[1] for b in base], 1.5,
                        note="the same runs, until the database is open and the tab in front has painted in the "
                             "main window (the overview's figures follow from a worker thread); the issue sets "
                             "its target on the first shown window: this line shows what opening the file adds")


def _table_runs(ctx: Any) -> list[dict[str, Any]]:
    cached = getattr(ctx, "_table_runs", None)
    if cached is None:
        cached = [probe("table", str(ctx.db_file))[0][0] for _ in range(ctx.repeat)]
        ctx._table_runs = cached
    return cached


def first_page(ctx: Any) -> Result:
    runs = _table_runs(ctx)
    return ratio_result("donations tab: first page shown (F5 on the built tab)", [r["refresh"] for r in runs],
                        [r["base_first"] for r in runs], 3,
                        note="the model's reset and first page until the table has painted vs "
                             "SELECT … ORDER BY donated_on DESC, id DESC LIMIT 100 with sqlite3")


def first_page_toolkit(ctx: Any) -> Result:
    runs = _table_runs(ctx)
    return ratio_result("donations tab: first page shown (F5), against Qt's own floor (reference)",
                        [r["refresh"] for r in runs], [r["floor_shown"] for r in runs], 3,
                        note="the same F5 figure vs the same SELECT with sqlite3 and a bare QTableView over a "
                             "filled QStandardItemModel of the same size, columns and texts, reset and painted "
                             "(a reference beside the line above, which stays the target; see bench/README.md)")


def model_first(ctx: Any) -> Result:
    runs = _table_runs(ctx)
    return ratio_result("donations tab: first page read by the table model (F5, before painting)",
                        [r["model_first"] for r in runs], [r["base_first"] for r in runs], 3,
                        note="PagedTableModel.refresh() until row 0 is in hand (count and total follow on a worker "
                             "thread) vs the same SELECT … LIMIT 100")


def first_open(ctx: Any) -> Result:
    runs = _table_runs(ctx)
    return ratio_result("donations tab: first opening (builds the tab)", [r["first_open"] for r in runs],
                        [r["base_first"] for r in runs], 3,
                        note="from the click on the tab until its table has painted, widgets included, vs "
                             "the same SELECT … LIMIT 100")


def first_open_toolkit(ctx: Any) -> Result:
    runs = _table_runs(ctx)
    return ratio_result("donations tab: first opening, against Qt's own floor (reference)",
                        [r["first_open"] for r in runs], [r["floor_open"] for r in runs], 3,
                        note="the same first-opening figure vs the same SELECT with sqlite3, a QStandardItemModel "
                             "filled with the 100 rows and a bare QTableView made and painted in the same place "
                             "(a reference beside the line above, which stays the target; see bench/README.md)")


def scroll(ctx: Any) -> Result:
    runs = _table_runs(ctx)
    rows = runs[0]["rows"]
    return ratio_result(f"scroll top to bottom of {rows:,} donations ({runs[0]['pages']:,} page fetches)",
                        [r["scroll"] for r in runs], [r["base_scroll"] for r in runs], 2,
                        note="PagedTableModel page by page vs the same keyset pages read with sqlite3")


def _search_runs(ctx: Any) -> list[dict[str, Any]]:
    cached = getattr(ctx, "_search_runs", None)
    if cached is None:
        cached = ctx._search_runs = [probe("search", str(ctx.db_file))[0][0] for _ in range(ctx.repeat)]
    return cached


def search(ctx: Any) -> Result:
    runs = _search_runs(ctx)
    return ratio_result(f"pinyin-initials search “{runs[0]['initials']}” as typed in the people tab, over "
                        f"{ctx.n(100_000):,} people", [t for r in runs for t in r["search"]],
                        [t for r in runs for t in r["matching"]], 2, absolute=0.050,
                        note="the tab applying its filter after the last letter is typed (the text one letter "
                             "short searched for before), until the first row is in hand, vs the indexed SELECT "
                             "… LIMIT 100 of what the tab shows of the people found (their organisation, and "
                             "where they are today) with sqlite3 (bench/gui_probe.py MATCHING_SQL)")


def search_bare(ctx: Any) -> Result:
    runs = _search_runs(ctx)
    return ratio_result("the same search, against the SELECT of the person rows alone (reference)",
                        [t for r in runs for t in r["search"]], [t for r in runs for t in r["bare"]], 2,
                        absolute=0.050,
                        note="the same figure vs SELECT of the person table's own columns for the same "
                             "initials, without the organisation or where each person is today")


def memory(ctx: Any) -> Result:
    base = [probe("memory-bare")[0][0]["hwm"]]
    try:
        ours = [probe("memory-ours", str(ctx.db_file))[0][0]["hwm"]]
    except RuntimeError as exc:
        last = [line for line in str(exc).splitlines() if line.strip().startswith("File")][:1]
        return Result(f"peak memory, {ctx.n(1_000_000):,}-row donations tab open and scrolled", float("nan"),
                      base[0], "≤ +150 MB", False, unit="MB",
                      note="the window crashed while scrolling: " + (last[0].strip() if last else str(exc)[-200:]))
    return memory_result(f"peak memory, {ctx.n(1_000_000):,}-row donations tab open and scrolled", ours, base, 150,
                         note="VmHWM of the window scrolled page by page to the last row vs a bare QMainWindow")


CASES = {"startup": startup, "startup-registers": startup_registers, "first-page": first_page,
         "first-page-toolkit": first_page_toolkit, "model-first": model_first, "first-open": first_open,
         "first-open-toolkit": first_open_toolkit, "scroll": scroll, "search": search,
         "search-bare": search_bare, "memory": memory}
SEARCH = ("search", "search-bare")   # the table starts with them, as the does
