"""Rebuild the generated interface files: Designer forms → Python, translations → .qm.

    python tools/build_ui.py            compile ui/*.ui into src/rfdesk/ui/forms/ and resources/i18n/*.ts into .qm
    python tools/build_ui.py --update   first refresh the .ts files from the sources (new strings, obsolete ones out)
    python tools/build_ui.py --check    exit 1 if a generated file is missing or out of date

The generated files are committed so that the application needs neither tool at run time.

The .ts files are Qt Linguist's format and are translated with Linguist. They are refreshed by reading the
sources here rather than by pyside6-lupdate, because the window's strings go through small per-module
``tr(text)`` helpers (one context per module) and through column titles, which lupdate cannot attribute to
a context.
"""

from __future__ import annotations

import argparse
import ast
import re
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
HEADER = ('"""Generated from the Designer forms in ui/ by tools/build_ui.py; edit the .ui file, not this one."""\n'
          "# ruff: noqa\n")


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


_MODULE_CONTEXT = re.compile(r'def tr\(text: str\) -> str:\s+return i18n\.tr\("([^"]+)", text\)')
_TRANSLATED_PROPERTIES = {"text", "title", "windowTitle", "placeholderText", "toolTip", "statusTip"}


def python_strings(path: Path) -> list[tuple[str, str]]:
    """(context, source) of every translatable string of a module of the window."""
    text = path.read_text(encoding="utf-8")
    found = _MODULE_CONTEXT.search(text)
    module_context = found.group(1) if found else None
    out: list[tuple[str, str]] = []

    def const(node: ast.AST) -> str | None:
        return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None

    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else (
            node.func.attr if isinstance(node.func, ast.Attribute) else "")
        args = node.args
        if name == "_action" and module_context:  # menu actions: text, and the status tip after the shortcut
            out += [(module_context, const(a)) for a in args[:1] + args[3:4] if const(a)]  # type: ignore[misc]
        elif name in ("tr", "translate", "mark") and len(args) == 2 and const(args[0]) and const(args[1]):
            out.append((const(args[0]), const(args[1])))  # type: ignore[arg-type]
        elif name == "tr" and len(args) == 1 and const(args[0]) and module_context:
            out.append((module_context, const(args[0])))  # type: ignore[arg-type]
        elif name == "Column" and len(args) >= 2 and const(args[1]):
            out.append(("Columns", const(args[1])))  # type: ignore[arg-type]
    # Titles of tabs and register names given as class attributes are translated by their module's context.
    for m in re.finditer(r'^\s+(?:title|new_text|all_categories_text|search_hint) = "([^"]+)"', text, re.M):
        if module_context:
            out.append((module_context if "new_text" not in m.group(0) else "RegisterTab", m.group(1)))
        if "title" in m.group(0) or "all_categories_text" in m.group(0) or "search_hint" in m.group(0):
            out.append(("RegisterTab", m.group(1)))
    return out


def ui_strings(path: Path) -> list[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    context = root.findtext("class") or path.stem
    out = []
    for prop in root.iter("property"):
        if prop.get("name") not in _TRANSLATED_PROPERTIES:
            continue
        string = prop.find("string")
        if string is not None and string.text and string.get("notr") != "true":
            out.append((context, string.text))
    return out


def source_strings() -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for p in sorted(SOURCES.rglob("*.py")):
        if "forms" not in p.parts:
            for key in python_strings(p):
                seen.setdefault(key, None)
    for p in sorted(UI_DIR.glob("*.ui")):
        for key in ui_strings(p):
            seen.setdefault(key, None)
    return list(seen)


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    import xml.etree.ElementTree as ET

    if not path.exists():
        return {}
    done = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr_el = msg.find("translation")
            if tr_el is not None and tr_el.text and tr_el.get("type") not in ("obsolete", "vanished"):
                done[(name, msg.findtext("source") or "")] = tr_el.text
    return done


def write_ts(path: Path, lang: str, strings: list[tuple[str, str]], done: dict[tuple[str, str], str]) -> None:
    from xml.sax.saxutils import escape

    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f'<TS version="2.1" language="{lang}">']
    by_context: dict[str, list[str]] = {}
    for ctx, src in strings:
        by_context.setdefault(ctx, []).append(src)
    for ctx in sorted(by_context):
        lines += ["<context>", f"    <name>{escape(ctx)}</name>"]
        for src in sorted(by_context[ctx]):
            translation = done.get((ctx, src))
            attr = "" if translation else ' type="unfinished"'
            lines += ["    <message>", f"        <source>{escape(src)}</source>",
                      f"        <translation{attr}>{escape(translation or '')}</translation>", "    </message>"]
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def update_translations() -> None:
    strings = source_strings()
    for ts in sorted(I18N_DIR.glob("*.ts")):
        lang = ts.stem.split("_", 1)[1] if "_" in ts.stem else ts.stem
        write_ts(ts, lang, strings, read_ts(ts))


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """Source strings of the window that ``ts`` has no translation for."""
    done = read_ts(ts)
    return [key for key in source_strings() if key not in done]


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
