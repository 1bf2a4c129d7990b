"""``rfdesk self-test``: proves, on this PC, that the installed (or frozen) rfdesk works from end to end.

It runs in a temporary folder and leaves the clerk's own database, settings and backups alone: checks that
everything the program loads from its bundle is there (fonts, translations, migrations, Qt modules and
plugins), creates and migrates a database, fills the demo data, prints a notice, a circular, a receipt and a
report and checks each is a real PDF with its fonts embedded, backs up, verifies and restores, and opens the
main window (offscreen unless ``QT_QPA_PLATFORM`` says otherwise) on every tab, previews and prints a PDF,
and closes it. One line per step with its time; the first failure stops the test with a message that names
what is missing, and exit code 1.

``RFDESK_QUIT_WHEN_SHOWN`` (see :func:`rfdesk.ui.startup.quit_when_shown`) makes the window print the
moment it is first on screen and the moment its registers are painted, then quit, which is how the start-up
time of the frozen program is measured.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtCharts", "QtPdf", "QtPdfWidgets", "QtPrintSupport")
I18N_LANGS = ("zh_CN",)


class SelfTestFailure(Exception):
    """A step found something missing or wrong; the message says what, in the clerk's words."""


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add ``rfdesk self-test``."""
    p = sub.add_parser("self-test", help="自检：建库、演示数据、公文与报表 PDF、备份恢复、主窗口 check this installation")
    p.add_argument("--keep", metavar="DIR", help="keep the test files in this folder (default: a removed temporary one)")
    p.set_defaults(handler=self_test_command)


def self_test_command(args: argparse.Namespace) -> int:
    return run_self_test(Path(args.keep) if args.keep else None)


# ---- where the bundle is ---------------------------------------------------------------------------------


def bundle_dir() -> Path | None:
    """The folder the frozen program unpacks its libraries into, or None when running from source."""
    if not getattr(sys, "frozen", False):
        return None
    from rfdesk.config import app_dir

    return Path(getattr(sys, "_MEIPASS", app_dir())).resolve()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


# ---- the steps ---------------------------------------------------------------------------------------------


@dataclass
class Context:
    work: Path
    notes: dict[str, str] = field(default_factory=dict)
    pdfs: dict[str, bytes] = field(default_factory=dict)
    demo_db: Path | None = None
    donations: int = 0


def check_bundle(ctx: Context) -> str:
    """Everything the program reads from its own files is present."""
    from rfdesk.config import resources_dir
    from rfdesk.documents.fonts import BUNDLED

    res = resources_dir()
    if not res.is_dir():
        raise SelfTestFailure(f"缺少资源文件夹 resources folder missing: {res}")
    fonts = [res / "fonts" / name for name, _label in BUNDLED.values()]
    missing = [f for f in fonts if not f.is_file() or f.stat().st_size == 0]
    if missing:
        raise SelfTestFailure("缺少随附字体 bundled font missing: " + ", ".join(str(f) for f in missing))
    licences = sorted((res / "fonts").glob("OFL-*.txt"))
    if not licences:
        raise SelfTestFailure(f"缺少字体许可文件 font licence files missing in {res / 'fonts'}")
    for lang in I18N_LANGS:
        qm = res / "i18n" / f"rfdesk_{lang}.qm"
        if not qm.is_file():
            raise SelfTestFailure(f"缺少界面翻译 translation missing: {qm}")
    migrations = _check_migrations()
    qt = _check_qt()
    return f"{len(fonts)} fonts + {len(licences)} licences, {migrations}, {qt}"


def _check_migrations() -> str:
    from rfdesk.db.migrate import MIGRATIONS, script_revisions
    from rfdesk.db.schema import KNOWN_REVISIONS

    for name in ("env.py", "script.py.mako"):
        if not (MIGRATIONS / name).is_file():
            raise SelfTestFailure(f"缺少数据库迁移文件 migration file missing: {MIGRATIONS / name}")
    try:
        found = script_revisions()
    except Exception as exc:  # alembic names the broken or missing script
        raise SelfTestFailure(f"数据库迁移脚本无法读取 migrations unreadable in {MIGRATIONS}: {exc}") from exc
    missing = [r for r in KNOWN_REVISIONS if r not in found]
    if missing:
        raise SelfTestFailure(f"缺少数据库迁移 migration missing from {MIGRATIONS / 'versions'}: {', '.join(missing)}")
    return f"migrations {' '.join(found)}"


def required_plugins(platform: str) -> list[tuple[str, str]]:
    """(folder, plugin name) of the Qt plugins the window needs on this operating system."""
    need = [("platforms", platform), ("imageformats", "svg"), ("iconengines", "svgicon")]  # the icon is SVG
    if sys.platform.startswith("linux"):
        need += [("platforms", "xcb"), ("printsupport", "cupsprintersupport")]
    elif sys.platform == "win32":
        need += [("platforms", "windows")]
    elif sys.platform == "darwin":
        need += [("platforms", "cocoa")]
    return list(dict.fromkeys(need))


def _plugin_file(folder: Path, name: str) -> Path | None:
    for candidate in (f"libq{name}.so", f"q{name}.dll", f"libq{name}.dylib", f"lib{name}.so", f"{name}.dll"):
        if (folder / candidate).is_file():
            return folder / candidate
    return None


def _check_qt() -> str:
    import importlib

    for module in QT_MODULES:
        try:
            importlib.import_module(f"PySide6.{module}")
        except ImportError as exc:
            raise SelfTestFailure(f"缺少 Qt 模块 Qt module missing: PySide6.{module} ({exc})") from exc
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen").split(":")[0] or "offscreen"
    found = []
    for folder, name in required_plugins(platform):
        if _plugin_file(plugins / folder, name) is None:
            raise SelfTestFailure(f"缺少 Qt 插件 Qt plugin missing: {folder}/{name} in {plugins / folder}")
        found.append(name)
    translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for lang in I18N_LANGS:
        if not (translations / f"qtbase_{lang}.qm").is_file():
            raise SelfTestFailure(f"缺少 Qt 翻译 Qt translation missing: {translations / f'qtbase_{lang}.qm'}")
    if sys.platform.startswith("linux"):
        _check_icu()
    return f"Qt plugins {' '.join(found)}, Chinese collation and time-zone names"


def _check_icu() -> None:
    """Qt on Linux sorts and names time zones through ICU, whose data the frozen build keeps only in part."""
    from PySide6.QtCore import QCollator, QLocale, QTimeZone

    china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    names = ["张三", "李四", "艾青", "曹裕军"]
    collator = QCollator(china)
    if sorted(names, key=collator.sortKey) != ["艾青", "曹裕军", "李四", "张三"]:
        raise SelfTestFailure("缺少 ICU 中文排序数据 ICU collation data for Chinese missing (libicudata)")
    zone = QTimeZone(b"Asia/Shanghai").displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, china)
    if zone != "中国标准时间":
        raise SelfTestFailure(f"缺少 ICU 时区名称数据 ICU time-zone names missing (libicudata): got {zone!r}")


def check_places(ctx: Context) -> str:
    """The data folder, logs and backups are writable and lie outside the program's own files."""
    from rfdesk.config import app_dir, backup_dir, data_dir, default_database, is_portable, log_dir

    places = {"data": data_dir(), "logs": log_dir(), "backups": backup_dir(),
              "database": Path(default_database()).parent}
    bundle = bundle_dir()
    if bundle is not None:
        for what, folder in places.items():
            if _inside(folder, bundle):
                raise SelfTestFailure(f"{what} 位于程序文件夹内 lies inside the program's files: {folder}")
    if is_portable() and not os.environ.get("RFDESK_DATA_DIR") and data_dir().resolve() != (app_dir() / "data").resolve():
        raise SelfTestFailure(f"便携模式的数据应在 {app_dir() / 'data'}，实际在 portable data is in {data_dir()}")
    probe = data_dir() / f".rfdesk-self-test-{os.getpid()}"
    try:
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise SelfTestFailure(f"数据文件夹不可写 data folder not writable: {data_dir()} ({exc})") from exc
    mode = "portable" if is_portable() else "installed"
    return f"{mode}, data {data_dir()}"


def check_database(ctx: Context) -> str:
    """A new database is created and every migration runs."""
    from rfdesk.db import open_database
    from rfdesk.db.schema import HEAD_REVISION

    db = open_database(ctx.work / "new.sqlite")
    try:
        if db.revision != HEAD_REVISION:
            raise SelfTestFailure(f"数据库结构版本 {db.revision}，应为 schema should be {HEAD_REVISION}")
        with db.engine.connect() as conn:
            stamped = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        db.close()
    if stamped != HEAD_REVISION:
        raise SelfTestFailure(f"迁移未完成 migrations stopped at {stamped}, head is {HEAD_REVISION}")
    return f"migrated to {stamped}"


def fill_demo(ctx: Context) -> str:
    from sqlalchemy import func, select

    from rfdesk.db import open_database
    from rfdesk.demo import build_demo
    from rfdesk.domain import Donation

    ctx.demo_db = ctx.work / "demo.sqlite"
    build_demo(ctx.demo_db)
    db = open_database(ctx.demo_db)
    try:
        with db.session() as s:
            ctx.donations = int(s.scalar(select(func.count()).select_from(Donation)) or 0)
    finally:
        db.close()
    if ctx.donations == 0:
        raise SelfTestFailure("演示数据为空 the demo database holds no donations")
    return f"{ctx.donations} donations"


def _first(session: Any, model: Any, *conds: Any) -> int:
    from sqlalchemy import select

    found = session.scalar(select(model.id).where(*conds).order_by(model.id).limit(1))
    if found is None:
        raise SelfTestFailure(f"演示数据缺少 the demo lacks a {model.__tablename__}")
    return int(found)


def make_pdfs(ctx: Context) -> str:
    """A notice, a circular, a receipt and a report, each a real PDF with every font embedded."""
    from rfdesk.db import open_database
    from rfdesk.documents.circular import render_circular
    from rfdesk.documents.fonts import font_set
    from rfdesk.documents.notice import render_notice
    from rfdesk.documents.receipts import render_receipt
    from rfdesk.documents.reports import render_report
    from rfdesk.domain import CommendationBatch, Document, Donation

    assert ctx.demo_db is not None
    db = open_database(ctx.demo_db)
    try:
        with db.session() as s:
            makers: dict[str, Callable[[], bytes]] = {
                "notice": lambda: render_notice(s, _first(s, CommendationBatch)),
                "circular": lambda: render_circular(s, _first(s, Document, Document.kind == "circular")),
                "receipt": lambda: render_receipt(s, _first(s, Donation, Donation.voided.is_(False))),
                "report": lambda: render_report(s, "donations"),
            }
            for name, make in makers.items():
                data = make()
                (ctx.work / f"{name}.pdf").write_bytes(data)
                ctx.pdfs[name] = data
    finally:
        db.close()
    summary = []
    for name, data in ctx.pdfs.items():
        pages, fonts = check_pdf(name, data)
        summary.append(f"{name} {pages}p/{fonts}f")
    sources = sorted({c.source for c in font_set().choices.values()})
    return ", ".join(summary) + f" (fonts: {'+'.join(sources)})"


_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b(.*?)endobj", re.S)
_NAME = rb"/([^\s/<>\[\]()]+)"


def check_pdf(name: str, data: bytes) -> tuple[int, int]:
    """(pages, fonts) of a PDF written by rfdesk; fails unless it is a whole PDF whose fonts are all embedded."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise SelfTestFailure(f"{name}: 不是完整的 PDF 文件 not a complete PDF file")
    used: set[bytes] = set()
    embedded: set[bytes] = set()
    pages = 0
    for body in _OBJ.findall(data):
        head = body.split(b"stream", 1)[0]
        if re.search(rb"/Type\s*/Page\b", head):
            pages += 1
        if re.search(rb"/Type\s*/Font\b", head) and not re.search(rb"/Subtype\s*/Type0\b", head):
            m = re.search(rb"/BaseFont\s*" + _NAME, head)
            if m:
                used.add(m.group(1))
        if re.search(rb"/Type\s*/FontDescriptor\b", head) and re.search(rb"/FontFile[23]?\b", head):
            m = re.search(rb"/FontName\s*" + _NAME, head)
            if m:
                embedded.add(m.group(1))
    if pages == 0:
        raise SelfTestFailure(f"{name}: PDF 没有页面 the PDF has no pages")
    if not used:
        raise SelfTestFailure(f"{name}: PDF 没有字体 the PDF uses no font")
    missing = sorted(f.decode("latin-1") for f in used - embedded)
    if missing:
        raise SelfTestFailure(f"{name}: 字体未嵌入 fonts not embedded: {', '.join(missing)}")
    return pages, len(used)


def backup_and_restore(ctx: Context) -> str:
    """A plain and a sealed backup are written and verified; the plain one is restored over the database."""
    from sqlalchemy import func, select

    from rfdesk.db import open_database
    from rfdesk.domain import Donation
    from rfdesk.exchange.backup import create_backup
    from rfdesk.exchange.restore import restore_backup, verify_backup

    assert ctx.demo_db is not None
    folder = ctx.work / "backups"
    folder.mkdir()
    db = open_database(ctx.demo_db)
    try:
        plain = create_backup(db, folder)
        sealed = create_backup(db, folder, passphrase="自检 self-test")
    finally:
        db.close()
    verify_backup(plain)
    verify_backup(sealed, "自检 self-test")
    restored = restore_backup(plain, ctx.demo_db, safety_dir=ctx.work / "safety")
    db = open_database(restored.database)
    try:
        with db.session() as s:
            count = int(s.scalar(select(func.count()).select_from(Donation)) or 0)
    finally:
        db.close()
    if count != ctx.donations:
        raise SelfTestFailure(f"恢复后捐赠记录 {count} 条，应为 restored database holds {count} donations, "
                              f"expected {ctx.donations}")
    return f"{plain.name} ({plain.stat().st_size // 1024} KB), sealed, restored {count} donations"


def _settle(app: Any, until: Callable[[], bool], seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until():
            return True
        time.sleep(0.01)
    return until()


def open_window(ctx: Context) -> str:
    """The main window opens on every tab; a PDF is previewed and printed to a file; the window closes."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QSettings, QtMsgType, qInstallMessageHandler

    from rfdesk.app import make_application
    from rfdesk.config import data_dir, is_portable
    from rfdesk.db import open_database

    problems: list[str] = []
    notes: list[str] = []

    def on_message(kind: Any, _context: Any, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            problems.append(message)
        elif kind == QtMsgType.QtWarningMsg:
            notes.append(message)

    previous_handler = qInstallMessageHandler(on_message)
    errors: list[str] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda t, e, tb: errors.append(f"{t.__name__}: {e}")
    try:
        app = make_application()
        settings_file = Path(QSettings().fileName())
        if is_portable() and not os.environ.get("RFDESK_DATA_DIR") and not _inside(settings_file, data_dir()):
            raise SelfTestFailure(f"便携模式的设置应在数据文件夹 portable settings should be in {data_dir()}, "
                                  f"not {settings_file}")
        # The window keeps its size and tabs in the settings; the test's window must not replace the clerk's.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(ctx.work / "settings"))
        QCoreApplication.setOrganizationName("rfdesk-self-test")
        detail = _window_round(ctx, app, open_database)
    finally:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)
    if errors:
        raise SelfTestFailure(f"窗口出错 the window failed: {errors[0]}")
    if problems:
        raise SelfTestFailure(f"Qt 报告错误 Qt reported: {problems[0]}")
    extra = f"; {len(notes)} Qt warnings, first: {notes[0]}" if notes else ""
    return f"{app.platformName()}, {detail}, settings {settings_file.name}{extra}"


def _window_round(ctx: Context, app: Any, open_database: Any) -> str:
    from PySide6.QtPrintSupport import QPrinter

    from rfdesk.ui import i18n
    from rfdesk.ui.main_window import TAB_KEYS, MainWindow
    from rfdesk.ui.printing import PdfPreviewDialog, print_pdf

    if i18n.install("zh_CN") != "zh_CN" or len(i18n._installed) < 2:  # noqa: SLF001 - ours and Qt's own
        raise SelfTestFailure("中文界面翻译未能加载 the Chinese translations did not load")
    assert ctx.demo_db is not None
    db = open_database(ctx.demo_db)
    window = MainWindow(db)
    try:
        window.resize(1280, 800)
        window.show()
        if not _settle(app, lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), 20):
            raise SelfTestFailure("主窗口未能显示 the main window was not shown")
        if app.windowIcon().pixmap(32, 32).isNull():
            raise SelfTestFailure("程序图标无法显示 the application icon cannot be drawn (Qt SVG plugins)")
        for key in TAB_KEYS:
            window.show_tab(key)
            app.processEvents()
        overview = window.tab("overview")
        if hasattr(overview, "figures") and not _settle(app, lambda: overview.figures is not None, 60):
            raise SelfTestFailure("概况图表未能计算 the overview figures were not computed")
        preview = PdfPreviewDialog(ctx.pdfs["notice"], "notice", window)
        preview.show()
        _settle(app, lambda: preview.page_count > 0, 10)
        pages = preview.page_count
        if pages <= 0:
            raise SelfTestFailure("PDF 预览无法打开 the PDF preview shows no page (QtPdf)")
        # Screen resolution keeps the test quick; the clerk's prints use the printer's own.
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printed = ctx.work / "printed.pdf"
        printer.setOutputFileName(str(printed))
        print_pdf(preview.document, printer)
        preview.close()
        if not printed.is_file() or printed.stat().st_size == 0:
            raise SelfTestFailure("打印到文件失败 printing to a file wrote nothing (QtPrintSupport)")
        return f"{len(TAB_KEYS)} tabs, preview {pages}p, printed {printed.stat().st_size // 1024} KB"
    finally:
        window.close()
        app.processEvents()
        window.deleteLater()
        app.processEvents()
        db.close()


STEPS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("bundle", check_bundle),
    ("places", check_places),
    ("database", check_database),
    ("demo", fill_demo),
    ("pdf", make_pdfs),
    ("backup", backup_and_restore),
    ("window", open_window),
)


def run_self_test(keep: Path | None = None, out: Callable[[str], None] = print) -> int:
    """Run every step, one line each; returns 0 when all pass, 1 at the first failure."""
    import shutil

    from rfdesk import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    out(f"rfdesk {__version__} self-test ({frozen}, Python {sys.version.split()[0]}, {sys.platform})")
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        work = keep
    else:
        work = Path(tempfile.mkdtemp(prefix="rfdesk-self-test-"))
    ctx = Context(work)
    started = time.perf_counter()
    failed = None
    for name, step in STEPS:
        t0 = time.perf_counter()
        try:
            detail = step(ctx)
        except SelfTestFailure as exc:
            failed = (name, str(exc))
        except Exception as exc:  # noqa: BLE001 - any failure of the program is what the test reports
            failed = (name, f"{type(exc).__name__}: {exc}")
        took = time.perf_counter() - t0
        if failed:
            out(f"{took:7.2f} s  FAIL  {name}: {failed[1]}")
            break
        out(f"{took:7.2f} s  ok    {name}: {detail}")
    total = time.perf_counter() - started
    if failed:
        out(f"自检失败 self-test FAILED at '{failed[0]}' after {total:.1f} s; files kept in {work}")
        return 1
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    out(f"自检通过 self-test passed in {total:.1f} s")
    return 0

