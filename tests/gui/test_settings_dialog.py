"""Settings: how many automatic backups the office keeps, and the fonts this computer prints in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _standard_fonts_after() -> Iterator[None]:
    yield
    from rfdesk.documents.fonts import use_preferences

    use_preferences(None)  # the fonts chosen here must not follow into later tests


def test_the_retention_policy_changed_in_settings_is_kept_in_the_database(window: Any, qtbot: Any) -> None:
    from rfdesk.exchange.retention import RetentionPolicy, load_policy
    from rfdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.db, window)
    qtbot.addWidget(dialog)
    assert (dialog.ui.daily.value(), dialog.ui.weekly.value(), dialog.ui.monthly.value()) == (7, 4, 12)
    dialog.ui.daily.setValue(3)
    dialog.ui.weekly.setValue(2)
    dialog.ui.monthly.setValue(24)
    dialog.save()

    assert dialog.result() == dialog.DialogCode.Accepted
    with window.db.session() as s:
        assert load_policy(s) == RetentionPolicy(daily=3, weekly=2, monthly=24)


def test_a_policy_that_keeps_nothing_is_refused_in_chinese_and_not_saved(window: Any, qtbot: Any) -> None:
    from rfdesk.exchange.retention import RetentionPolicy, load_policy
    from rfdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.db, window)
    qtbot.addWidget(dialog)
    for spin in (dialog.ui.daily, dialog.ui.weekly, dialog.ui.monthly):
        spin.setValue(0)
    dialog.save()

    assert "至少保留一份" in dialog.ui.message.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    with window.db.session() as s:
        assert load_policy(s) == RetentionPolicy()


def _pdf_fonts(data: bytes) -> set[str]:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}


def test_a_font_chosen_for_body_text_is_remembered_and_prints_the_next_report(window: Any, qtbot: Any,
                                                                             monkeypatch: Any) -> None:
    from rfdesk.documents.fonts import bundled_font, font_set
    from rfdesk.documents.reports import render_report
    from rfdesk.ui.printing import render_watched
    from rfdesk.ui.settings_dialog import OTHER, SettingsDialog, saved_print_fonts

    def printed_fonts() -> set[str]:
        data, _notes = render_watched(window.db, lambda s: render_report(s, "people"))
        return _pdf_fonts(data)

    def postscript_name(role: str) -> str:
        from reportlab.pdfbase import pdfmetrics

        return pdfmetrics.getFont(font_set().name(role)).face.name.decode()  # type: ignore[attr-defined]

    standard_body = postscript_name("body")
    assert standard_body in printed_fonts()
    # The clerk prints body text in a bold sans font they keep in a folder (here the bundled heading font).
    chosen_file = str(bundled_font("heading").path)
    dialog = SettingsDialog(window.db, window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (chosen_file, ""))
    body = dialog.font_boxes["body"]
    body.setCurrentIndex(body.findData(OTHER))
    assert body.currentData() == chosen_file
    assert "随附" not in dialog.font_status["body"].text()
    dialog.save()

    assert saved_print_fonts() == {"body": chosen_file}
    after = printed_fonts()
    assert postscript_name("body") in after and postscript_name("body") != standard_body
    assert standard_body not in after, "the body text no longer prints in the standard font"

    window.replace_with(window.db).close()  # a new start reads the choice back: still the clerk's font
    assert font_set().choices["body"].path == Path(chosen_file)


def test_settings_say_which_roles_print_in_the_bundled_fonts(window: Any, qtbot: Any) -> None:
    from rfdesk.documents.fonts import font_set
    from rfdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.db, window)
    qtbot.addWidget(dialog)
    bundled = [r for r, c in font_set({}).choices.items() if c.source == "bundled"]
    assert dialog.bundled_roles == bundled
    for role, label in dialog.font_status.items():
        assert ("随附" in label.text()) == (role in bundled), label.text()


def test_settings_open_from_the_edit_menu(window: Any, qtbot: Any, monkeypatch: Any) -> None:
    from rfdesk.ui import settings_dialog

    opened: list[Any] = []
    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", lambda d: opened.append(d) or 0)
    edit = next(a.menu() for a in window.menuBar().actions() if a.menu() and "编辑" in a.text())
    entry = next(a for a in edit.actions() if a.text() == "设置…")
    entry.trigger()
    assert len(opened) == 1
