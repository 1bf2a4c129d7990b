"""The ``rfdesk`` command: no arguments opens the window; subcommands run headless.

Exit codes: 0 success, 2 bad input or a refusal (one line on stderr, never a traceback), 1 an unexpected
failure (one line on stderr naming the log file that holds the details).

Each layer adds its own subcommands: a module listed in ``COMMAND_MODULES`` defines
``register(subparsers)``, which adds parsers whose ``handler`` default is ``handler(args) -> int``.
Those modules keep heavy imports inside the handlers so that ``rfdesk --help`` stays quick.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rfdesk import __version__

COMMAND_MODULES = (
    "rfdesk.commands",            # demo, info, stats
    "rfdesk.documents.commands",  # pdf …
    "rfdesk.exchange.commands",   # backup, verify, restore, import, export
    "rfdesk.ui.commands",         # screenshots, self-test
)

log = logging.getLogger("rfdesk")


class UsageError(Exception):
    """Bad command-line input; printed as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def db_argument(parser: argparse.ArgumentParser) -> None:
    """``--db PATH|URL`` on a subcommand (default: $RFDESK_DB or the database in the data folder).

    SUPPRESS keeps a ``--db`` given before the subcommand from being overwritten by this one's default.
    """
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file or SQLAlchemy URL (default: $RFDESK_DB)")


def resolve_db(args: argparse.Namespace) -> str:
    from rfdesk.config import default_database

    return getattr(args, "db", None) or default_database()


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(prog="rfdesk", description="rfdesk — 人防办登记、公文与备份")
    parser.add_argument("--version", action="version", version=f"rfdesk {__version__}")
    parser.add_argument("--db", metavar="PATH", default=None, help="database file or SQLAlchemy URL")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name in COMMAND_MODULES if commands else ():
        importlib.import_module(name).register(sub)
    return parser


def log_file() -> Path:
    """The log file in the data folder."""
    from rfdesk.config import log_dir

    return log_dir() / "rfdesk.log"


def setup_logging() -> str:
    """A rotating log file in the data folder; returns its path."""
    from logging.handlers import RotatingFileHandler

    path = log_file()
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return str(path)


def _window_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they only open the window (a double-click, or a shortcut with ``--db``/``--lang``),
    read without building every command's parser, which would delay the window; None for anything else."""
    if "-h" in argv or "--help" in argv:
        return None
    try:
        args, rest = build_parser(commands=False).parse_known_args(argv)
    except UsageError:
        return None
    return args if not rest and args.command is None else None


def main(argv: Sequence[str] | None = None) -> int:
    from rfdesk.services.errors import RfdeskError

    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _window_arguments(argv) or build_parser().parse_args(argv)
    except UsageError as exc:
        print(f"rfdesk: {exc}", file=sys.stderr)
        return 2
    log_path = "?"
    try:
        if args.command is None:  # the window sets up its log once it is on screen
            from rfdesk.app import run_gui

            log_path = str(log_file())
            return run_gui(db=resolve_db(args), lang=args.lang)
        log_path = setup_logging()
        return int(args.handler(args) or 0)
    except RfdeskError as exc:
        print(f"rfdesk: {exc.zh} ({exc.en})", file=sys.stderr)
        return 2
    except UsageError as exc:
        print(f"rfdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("rfdesk: 已取消 (cancelled)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (``rfdesk stats | head``) stopped reading: not a failure. Point stdout at nothing so that
        # the final flush at exit does not fail on the closed pipe again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # an unexpected failure: details to the log, one line to the clerk
        log.exception("command failed: %s", argv)
        print(f"rfdesk: 意外错误 unexpected error: {type(exc).__name__}: {exc} — 详见日志 see {log_path}",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
