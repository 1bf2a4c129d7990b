"""Rebuild the generated interface files: Designer forms → Python, translations → .qm.

    python tools/build_ui.py            compile ui/*.ui into src/rfdesk/ui/forms/ and resources/i18n/*.ts into .qm
    python tools/build_ui.py --update   first refresh the .ts files from the sources (pyside6-lupdate)
    python tools/build_ui.py --check    exit 1 if a generated file is missing or out of date

The generated files are committed so that the application needs neither tool at run time.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "src" / "rfdesk" / "ui" / "forms"
I18N_DIR = ROOT / "resources" / "i18n"
SOURCES = ROOT / "src" / "rfdesk" / "ui"
HEADER = '"""Generated from the Designer forms in ui/ by tools/build_ui.py; edit the .ui file, not this one."""\n'


def tool(name: str) -> str:
    """A PySide6 tool from the same environment as this interpreter (or from PATH)."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def compile_form(ui_file: Path) -> str:
    out = subprocess.run([tool("pyside6-uic"), "--no-autoconnection", str(ui_file)], check=True,
                         capture_output=True, text=True).stdout
    # Drop uic's banner: it names the Qt version and would make every upgrade look like a change.
    body = out.split("################################################################################\n", 2)[-1]
    return HEADER + body.lstrip("\n")


def form_target(ui_file: Path) -> Path:
    return FORMS_DIR / f"{ui_file.stem}.py"


def update_translations() -> None:
    sources = [str(p) for p in sorted(SOURCES.rglob("*.py")) if "forms" not in p.parts]
    sources += [str(p) for p in sorted(UI_DIR.glob("*.ui"))]
    for ts in sorted(I18N_DIR.glob("*.ts")):
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
                       check=True)


def compile_translations(out_dir: Path) -> list[Path]:
    made = []
    for ts in sorted(I18N_DIR.glob("*.ts")):
        qm = out_dir / f"{ts.stem}.qm"
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def stale_files() -> list[str]:
    """Generated files that differ from what their sources would give now."""
    stale = []
    for ui in sorted(UI_DIR.glob("*.ui")):
        target = form_target(ui)
        if not target.exists() or target.read_text(encoding="utf-8") != compile_form(ui):
            stale.append(str(target.relative_to(ROOT)))
    with tempfile.TemporaryDirectory() as tmp:
        for qm in compile_translations(Path(tmp)):
            committed = I18N_DIR / qm.name
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                stale.append(str(committed.relative_to(ROOT)))
    return stale


def build() -> None:
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    init = FORMS_DIR / "__init__.py"
    if not init.exists():
        init.write_text('"""Python classes generated from the Designer forms in ui/ (see tools/build_ui.py)."""\n',
                        encoding="utf-8")
    for ui in sorted(UI_DIR.glob("*.ui")):
        form_target(ui).write_text(compile_form(ui), encoding="utf-8")
    compile_translations(I18N_DIR)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="refresh the .ts files from the sources first")
    parser.add_argument("--check", action="store_true", help="only report generated files that are out of date")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for name in stale:
            print(f"out of date: {name}")
        return 1 if stale else 0
    if args.update:
        update_translations()
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
