"""Portable mode: a file named ``portable`` beside the program keeps the clerk's data in ``data`` beside it.

A clerk who carries rfdesk on a USB stick finds the database, settings, logs and automatic backups on the
stick; an installed copy keeps them in the user's data folder. Either way the program never writes inside
its own files.

The first tests stand a frozen program up in a temporary folder (``sys.frozen``, ``sys.executable`` and
``sys._MEIPASS`` as the frozen bootloader sets them) and check our own path logic. The last ones run the real
frozen build named by ``RFDESK_FROZEN`` (``.ci/run`` builds it with ``make dist`` and sets it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rfdesk import config

OLD_DATABASE = Path(__file__).parent / "data" / "rfdesk-0001.sqlite"


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The frozen program copied to a USB stick: ``rfdesk.exe`` with its bundle in ``_internal``."""
    app = tmp_path / "U盘" / "rfdesk"
    (app / "_internal" / "resources").mkdir(parents=True)
    (app / "rfdesk.exe").write_bytes(b"MZ")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "rfdesk.exe"))
    monkeypatch.setattr(sys, "_MEIPASS", str(app / "_internal"), raising=False)
    monkeypatch.delenv("RFDESK_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "clerk-home" / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "clerk-home" / "config"))
    return app


def files_under(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*")}


def test_an_installed_program_keeps_the_data_in_the_users_folder(stick: Path, tmp_path: Path) -> None:
    before = files_under(stick)

    assert not config.is_portable()
    data = config.data_dir()

    if sys.platform.startswith("linux"):
        assert data == tmp_path / "clerk-home" / "data" / "rfdesk"
    assert data.is_dir()
    assert not data.is_relative_to(stick)
    assert config.log_dir().parent == data
    assert config.backup_dir().parent == data
    assert Path(config.default_database()) == data / "rfdesk.sqlite"
    assert files_under(stick) == before


def test_a_portable_file_beside_the_program_puts_everything_in_data_beside_it(stick: Path, tmp_path: Path) -> None:
    (stick / "portable").write_bytes(b"")

    assert config.is_portable()
    assert config.data_dir() == stick / "data"
    assert config.log_dir() == stick / "data" / "logs"
    assert config.backup_dir() == stick / "data" / "backups"
    assert Path(config.default_database()) == stick / "data" / "rfdesk.sqlite"
    assert config.resources_dir() == stick / "_internal" / "resources"
    assert not (tmp_path / "clerk-home").exists()
    assert not (stick / "_internal" / "data").exists()


def test_a_portable_file_on_the_stick_but_not_beside_the_program_does_not_count(stick: Path) -> None:
    (stick.parent / "portable").write_bytes(b"")
    (stick / "_internal" / "portable").write_bytes(b"")

    assert not config.is_portable()
    assert not config.data_dir().is_relative_to(stick.parent)


def test_the_data_folder_named_in_the_environment_wins_over_portable(stick: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (stick / "portable").write_bytes(b"")
    monkeypatch.setenv("RFDESK_DATA_DIR", str(tmp_path / "elsewhere"))

    assert config.data_dir() == tmp_path / "elsewhere"
    assert not (stick / "data").exists()


def test_running_from_the_source_tree_is_never_portable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert config.app_dir() == Path(config.__file__).resolve().parents[2]
    assert not config.is_portable()


def test_upgrading_an_old_database_on_the_stick_keeps_its_safety_copy_in_data(stick: Path) -> None:
    from rfdesk.db import open_database
    from rfdesk.db.schema import HEAD_REVISION

    (stick / "portable").write_bytes(b"")
    bundle_before = files_under(stick / "_internal")
    shutil.copyfile(OLD_DATABASE, config.default_database())

    db = open_database(config.default_database())
    db.close()

    assert db.revision == HEAD_REVISION
    assert db.safety_copy is not None and db.safety_copy.is_relative_to(stick / "data")
    assert files_under(stick / "_internal") == bundle_before


def test_on_a_stick_the_window_keeps_its_settings_in_an_ini_file_in_data(stick: Path, qapp: Any) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings

    from rfdesk.app import APPLICATION, ORGANISATION, make_application

    (stick / "portable").write_bytes(b"")
    try:
        make_application()
        settings = QSettings()
        settings.setValue("language", "zh_CN")
        settings.sync()

        assert settings.format() == QSettings.Format.IniFormat
        assert Path(settings.fileName()) == stick / "data" / ORGANISATION / f"{APPLICATION}.ini"
        assert "language=zh_CN" in Path(settings.fileName()).read_text(encoding="utf-8")
    finally:
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(stick.parent / "ini"))
        QCoreApplication.setOrganizationName(ORGANISATION)


# ---- the frozen build ----------------------------------------------------------------------------------------

FROZEN = os.environ.get("RFDESK_FROZEN")
# Deselected from the ordinary run (pyproject: -m "not frozen"); .ci/run builds the program and selects them.
needs_frozen = pytest.mark.frozen


def copy_of_the_build(to: Path) -> Path:
    assert FROZEN, "set RFDESK_FROZEN to a frozen build (make dist) to run the tests of the frozen program"
    shutil.copytree(FROZEN, to, symlinks=True)
    return to


def snapshot(folder: Path) -> dict[Path, tuple[int, int]]:
    return {p.relative_to(folder): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in folder.rglob("*")}


def clerk_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("RFDESK_", "XDG_", "PYTHON", "QT_")) and k != "VIRTUAL_ENV"}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    return env


def run(program: Path, *args: str, env: dict[str, str], **extra: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(program), *args], env={**env, **extra}, capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, f"{program.name} {' '.join(args)}: {result.stdout}\n{result.stderr}"
    return result


def program(folder: Path, name: str) -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


@needs_frozen
def test_frozen_on_a_usb_stick_the_data_stays_on_the_stick_and_the_program_is_untouched(tmp_path: Path) -> None:
    app = copy_of_the_build(tmp_path / "U盘" / "rfdesk")
    (app / "portable").write_bytes(b"")
    home = tmp_path / "home"
    home.mkdir()
    before = snapshot(app)
    env = clerk_env(home)

    shown = run(program(app, "rfdesk"), env=env, RFDESK_QUIT_WHEN_SHOWN="1")
    run(program(app, "rfdesk-cli"), "auto-backup", env=env)
    checked = run(program(app, "rfdesk-cli"), "self-test", env=env)

    data = app / "data"
    assert "shown" in shown.stdout
    assert (data / "rfdesk.sqlite").stat().st_size > 0
    assert "window" in (data / "rfdesk" / "rfdesk.ini").read_text(encoding="utf-8")
    assert "rfdesk" in (data / "logs" / "rfdesk.log").read_text(encoding="utf-8")
    assert len(list((data / "backups").iterdir())) == 1
    assert f"portable, data {data}" in checked.stdout
    after = snapshot(app)
    changed = {p for p in after if before.get(p) != after[p] and not p.is_relative_to("data")}
    assert changed == set(), f"written inside the program's folder: {sorted(map(str, changed))}"
    assert list(home.iterdir()) == []


@needs_frozen
def test_frozen_installed_the_data_goes_to_the_users_folder_and_the_program_is_untouched(tmp_path: Path) -> None:
    app = copy_of_the_build(tmp_path / "Program Files" / "rfdesk")
    home = tmp_path / "home"
    home.mkdir()
    before = snapshot(app)
    env = clerk_env(home)

    run(program(app, "rfdesk"), env=env, RFDESK_QUIT_WHEN_SHOWN="1")
    run(program(app, "rfdesk-cli"), "auto-backup", env=env)

    assert snapshot(app) == before
    if sys.platform.startswith("linux"):
        data = home / ".local" / "share" / "rfdesk"
        assert (data / "rfdesk.sqlite").stat().st_size > 0
        assert len(list((data / "backups").iterdir())) == 1
        assert (home / ".config" / "rfdesk" / "rfdesk.conf").is_file()
