"""The tools every register tab gives the clerk: pinyin search, the column chooser, a remembered layout, and
the hotline rota calendar on the personnel tab."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def demo_window(demo_database: Path, tmp_path: Path, qtbot: Any) -> Any:
    from rfdesk.db import open_database
    from rfdesk.ui.main_window import MainWindow

    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_database, copy)
    db = open_database(copy)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    db.close()


def _column(tab: Any, key: str) -> int:
    return [c.key for c in tab.query.columns].index(key)


@pytest.mark.parametrize(("register", "initials", "column", "expected"), [
    ("people", "cyj", "name", "曹裕军"),
    ("donations", "mf", "donor", "孟繁"),
    ("resources", "dxywrj", "name", "多旋翼无人机"),
    ("commendations", "cyj", "honoree", "曹裕军"),
    ("documents", "hnsrmf", "issuer", "河南省人民防空办公室"),
])
def test_every_register_finds_by_pinyin_initials(demo_window: Any, register: str, initials: str, column: str,
                                                 expected: str) -> None:
    tab = demo_window.show_tab(register)
    tab = getattr(tab, "register", tab)
    everything = tab.model.count
    tab.search.setText(initials)
    tab.apply_filter()
    assert 0 < tab.model.count < everything or register == "documents" and tab.model.count > 0
    col = _column(tab, column)
    values = [tab.model.index(r, col).data() for r in range(min(tab.model.count, 20))]
    assert all(str(v).startswith(expected) for v in values), values


def test_the_column_chooser_hides_a_column_and_the_layout_is_remembered(demo_window: Any, qtbot: Any) -> None:
    from rfdesk.ui.main_window import MainWindow

    tab = demo_window.show_tab("donations")
    col = _column(tab, "purpose")
    action = tab.columns_menu.actions()[col]
    assert action.text() == "用途" and not action.isChecked() and tab.table.isColumnHidden(col)
    action.trigger()
    assert not tab.table.isColumnHidden(col), "the clerk asks for the purpose column, hidden at first"
    col = _column(tab, "donor")
    tab.columns_menu.actions()[col].trigger()
    assert tab.table.isColumnHidden(col)
    sizes = tab.splitter.sizes()
    tab.splitter.setSizes([sizes[0] + 60, sizes[1] - 60, sizes[2]])
    wanted = tab.splitter.sizes()
    demo_window.close()

    again = MainWindow(demo_window.db)
    qtbot.addWidget(again)
    again.show()
    tab = again.show_tab("donations")
    assert tab.table.isColumnHidden(col) and not tab.table.isColumnHidden(_column(tab, "purpose"))
    assert not tab.columns_menu.actions()[col].isChecked()
    assert tab.splitter.sizes()[0] == wanted[0], "the organisation tree keeps the width the clerk gave it"
    again.close()


def test_the_hotline_rota_shows_who_is_on_duty_each_day(window: Any, office: dict[str, int], qtbot: Any) -> None:
    from rfdesk.services.people import create_person
    from rfdesk.services.teams import add_member, assign_duty, create_team

    today = date.today()
    day = today.replace(day=min(today.day, 28))
    with window.db.session() as s:
        team = create_team(s, {"name": "心理咨询热线组", "kind": "professional_team"})
        for name in ("常彬建", "陈雪佳"):
            p = create_person(s, {"name": name, "organisation_id": office["works"]})
            add_member(s, {"team_id": team.id, "person_id": p.id, "joined_on": today.replace(day=1)})
            assign_duty(s, {"team_id": team.id, "person_id": p.id, "duty_date": day,
                            "shift": "day" if name == "常彬建" else "night"})
    people = window.show_tab("people")
    rota = people.rota
    rota.fill_teams()
    rota.team.setCurrentIndex(rota.team.findText("心理咨询热线组"))
    from PySide6.QtCore import QDate

    rota.calendar.setSelectedDate(QDate(day))
    assert rota.calendar.names[day] == ["常彬建", "陈雪佳"], "each day's cell carries the names on duty"
    listed = [rota.day_list.item(i).text() for i in range(rota.day_list.count())]
    assert len(listed) == 2 and listed[0].startswith("常彬建　白班") and listed[1].startswith("陈雪佳　夜班")
    assert day.isoformat() in rota.day_label.text()

    rota.day_list.setCurrentRow(0)
    rota.remove_button.click()
    assert rota.calendar.names[day] == ["陈雪佳"]


def test_a_donations_history_names_the_donor_and_unit_not_their_numbers(window: Any, office: dict[str, int]) -> None:
    from rfdesk.services.donations import create_donation, update_donation
    from rfdesk.services.people import create_person

    with window.db.session() as s:
        first = create_person(s, {"name": "白辉", "organisation_id": office["works"]})
        second = create_person(s, {"name": "邵彬", "organisation_id": office["staff"]})
        gift = create_donation(s, {"donor_kind": "person", "donor_person_id": first.id, "amount": "200",
                                   "donated_on": "2020-02-25", "unit_id": office["works"]})
        update_donation(s, gift.id, {"donor_person_id": second.id})
        ids = {first.id, second.id, office["works"]}
    tab = window.show_tab("donations")
    tab.table.selectRow(0)
    text = tab.detail.toPlainText()
    assert "白辉 → 邵彬" in text, text
    assert "工程管理处" in text
    assert not any(f"→ {i}；" in text or f"→ {i}\n" in text for i in ids), text


def test_ctrl_p_where_nothing_is_printed_says_where_reports_are(window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    window.show_tab("overview")
    window.print_action.trigger()
    people = window.show_tab("people")
    people.inner.setCurrentWidget(people.teams)
    window.print_action.trigger()
    assert len(told) == 2 and all("报表" in t for t in told)
