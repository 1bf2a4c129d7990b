"""`rfdesk screenshots` draws every tab and main dialog of the window into PNG files."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_screenshots_of_every_tab_and_main_dialog(demo_database: Path, tmp_path: Path, qtbot: Any) -> None:
    import shutil

    from PySide6.QtGui import QImage

    from rfdesk.cli import main

    demo = tmp_path / "demo.sqlite"  # the run's shared demo database is read only
    shutil.copyfile(demo_database, demo)
    out = tmp_path / "shots"
    assert main(["screenshots", "--db", str(demo), "--out", str(out), "--size", "1200x800"]) == 0

    names = sorted(p.name for p in out.glob("*.png"))
    for tab in ("overview", "people", "commendations", "donations", "resources", "documents"):
        assert any(n.endswith(f"tab-{tab}.png") for n in names), tab
    for dialog in ("person", "donation", "donation-batch", "stock-movement", "commendation-batch", "document",
                   "recycle-bin", "about"):
        assert any(n.endswith(f"dialog-{dialog}.png") for n in names), dialog
    window = QImage(str(next(out.glob("*tab-donations.png"))))
    assert (window.width(), window.height()) == (1200, 800)
    # Not a blank picture: the table draws rows in many colours (text, grid, selection).
    colours = {window.pixel(x, y) for x in range(0, 1200, 7) for y in range(100, 700, 7)}
    assert len(colours) > 20
