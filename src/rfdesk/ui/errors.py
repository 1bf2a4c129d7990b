"""Unexpected errors: logged in full, shown to the clerk as one dialog; the window stays open.

An exception escaping a slot (a button, a menu action) reaches ``sys.excepthook``; we log the traceback to the
rotating log file and tell the clerk what failed and where the log is. The dialog or form they were working
in is left as it was, so nothing typed is lost.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rfdesk.services.errors import RfdeskError
from rfdesk.ui import i18n

log = logging.getLogger("rfdesk.ui")

_state: dict[str, Any] = {"log_path": "", "previous_hook": None, "previous_handler": None, "showing": False}
shown_errors: list[str] = []  # what the clerk was told, newest last (read by tests and the self-test)


def _parent() -> QWidget | None:
    app = QApplication.instance()
    if app is None:
        return None
    return QApplication.activeModalWidget() or QApplication.activeWindow()


def describe(exc: BaseException) -> str:
    """One sentence for the clerk: a refusal in their language, else the type and message of the failure."""
    if isinstance(exc, RfdeskError):
        return i18n.error_text(exc)
    return f"{type(exc).__name__}: {exc}"


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """Tell the clerk what failed and where the details are; never closes anything."""
    tr = QCoreApplication.translate
    text = describe(exc)
    shown_errors.append(text)
    if isinstance(exc, RfdeskError):
        QMessageBox.warning(parent or _parent(), tr("Errors", "Cannot do that"), text)
        return
    if _state["showing"]:  # an error while the error dialog is open: logged, not stacked
        return
    _state["showing"] = True
    try:
        box = QMessageBox(parent or _parent())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("Errors", "Unexpected error"))
        box.setText(tr("Errors", "Something went wrong: the action did not finish. Your open forms are kept."))
        box.setInformativeText(text + "\n\n" + tr("Errors", "Details are in the log file:") + "\n"
                               + (_state["log_path"] or tr("Errors", "(no log file)")))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
    finally:
        _state["showing"] = False


def _excepthook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(etype, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(value, RfdeskError):
        log.info("refused: %s", value)
    else:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(etype, value, tb)))
    try:
        show_error(value)
    except Exception:  # the error dialog itself failed: keep the application alive regardless
        log.exception("could not show the error dialog")


def _qt_messages(mode: QtMsgType, context: Any, message: str) -> None:
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
             QtMsgType.QtFatalMsg: logging.CRITICAL}.get(mode, logging.WARNING)
    log.log(level, "Qt: %s", message)
    previous = _state["previous_handler"]
    if previous is not None:
        previous(mode, context, message)


def install(log_path: str) -> None:
    """Route uncaught exceptions and Qt's own messages to the log and, for exceptions, to a dialog."""
    _state["log_path"] = log_path
    if sys.excepthook is not _excepthook:
        _state["previous_hook"] = sys.excepthook
        sys.excepthook = _excepthook
    _state["previous_handler"] = qInstallMessageHandler(_qt_messages)


def uninstall() -> None:
    if sys.excepthook is _excepthook:
        sys.excepthook = _state["previous_hook"] or sys.__excepthook__
    qInstallMessageHandler(_state["previous_handler"])
    _state["previous_handler"] = None
