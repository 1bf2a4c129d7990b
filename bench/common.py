"""What every benchmark shares: timing by median of repeats, results, the table they end up in."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Result:
    """One line of the table. ``ours`` and ``base`` are seconds, or megabytes when ``unit`` is "MB"."""

    name: str
    ours: float
    base: float
    target: str
    passed: bool
    unit: str = "s"
    note: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.ours / self.base if self.base > 0 else float("inf")


def ratio_result(name: str, ours: list[float], base: list[float], limit: float, *, absolute: float | None = None,
                 note: str = "") -> Result:
    """A result judged by ``median(ours) / median(base) <= limit`` (and ``median(ours) <= absolute`` seconds)."""
    o, b = statistics.median(ours), statistics.median(base)
    ok = b > 0 and o / b <= limit
    target = f"≤ {limit:g}×"
    if absolute is not None:
        ok = ok and o <= absolute
        target += f", < {absolute * 1000:g} ms"
    return Result(name, o, b, target, ok, note=note, samples={"ours": ours, "base": base})


def memory_result(name: str, ours_mb: list[float], base_mb: list[float], limit_mb: float, note: str = "") -> Result:
    o, b = statistics.median(ours_mb), statistics.median(base_mb)
    return Result(name, o, b, f"≤ +{limit_mb:g} MB", o - b <= limit_mb, unit="MB", note=note,
                  samples={"ours": ours_mb, "base": base_mb})


def timed(fn: Callable[[], Any]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def alternate(ours: Callable[[], Any], base: Callable[[], Any], repeat: int, *,
              setup: Callable[[], Any] | None = None, warmup: bool = True) -> tuple[list[float], list[float]]:
    """Time ``ours`` and ``base`` in turns (so that a noisy minute hurts both), ``repeat`` times each.

    ``setup`` runs untimed before every timed call (a fresh target file, a fresh database). One untimed
    round first warms the page cache and the imports, as a clerk's second use of a feature would.
    """
    if warmup:
        for fn in (base, ours):
            if setup:
                setup()
            fn()
    o: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        for fn, out in ((base, b), (ours, o)):
            if setup:
                setup()
            out.append(timed(fn))
    return o, b


def fmt_value(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:,.0f} MB"
    if value < 1:
        return f"{value * 1000:,.1f} ms"
    return f"{value:,.2f} s"


def fmt_ratio(r: Result) -> str:
    if r.unit == "MB":
        return f"+{r.ours - r.base:,.0f} MB"
    return f"{r.ratio:.2f}×"
