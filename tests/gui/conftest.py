"""GUI fixtures: one offscreen application, settings in the test's folder, Chinese interface by default."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says what it cannot do (size hints, raise, keyboard grab): about it, not us.
    for item in items:
        if "tests/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


@pytest.fixture(autouse=True)
def _gui_settings(qapp: Any, tmp_path: Path) -> Iterator[None]:
    """QSettings of each test in its own folder, so remembered sizes and campaigns never leak between tests."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from rfdesk.app import make_application
    from rfdesk.ui import i18n

    make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("rfdesk-tests")
    i18n.install("zh_CN")
    yield
    from rfdesk.ui.workers import wait_for_background

    wait_for_background()
    i18n.install("zh_CN")


@pytest.fixture
def window(db: Any, qtbot: Any) -> Any:
    from rfdesk.ui.main_window import MainWindow

    w = MainWindow(db)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def office(db: Any) -> dict[str, int]:
    """A small office: the provincial office with two departments, a store and a community."""
    from rfdesk.services.organisations import create_organisation, create_place

    with db.session() as s:
        top = create_organisation(s, {"name": "河南省人民防空办公室", "short_name": "省人防办", "kind": "province_office"})
        works = create_organisation(s, {"name": "工程管理处", "kind": "department", "parent_id": top.id})
        staff = create_organisation(s, {"name": "人事教育处", "kind": "department", "parent_id": top.id})
        store = create_place(s, {"name": "省人防物资仓库", "kind": "warehouse"})
        community = create_place(s, {"name": "金水区文化路社区", "kind": "community"})
        return {"top": top.id, "works": works.id, "staff": staff.id, "store": store.id, "community": community.id}
