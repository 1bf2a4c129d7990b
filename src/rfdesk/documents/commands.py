"""Subcommands of this layer (see rfdesk.cli): ``rfdesk pdf <kind>``.

Each kind of PDF adds its own subparser to ``rfdesk pdf``; the kinds are listed in ``PDF_KINDS`` below. A
kind's function receives the ``pdf`` subparsers and calls :func:`pdf_command` (which adds ``--db`` and
``--out``); its handler keeps heavy imports inside so that ``rfdesk --help`` stays quick, and makes and writes
the PDF with :func:`render_and_write`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rfdesk import cli


def pdf_command(pdf_sub: argparse._SubParsersAction, name: str, help_text: str,  # noqa: SLF001
                handler: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    """A ``rfdesk pdf <name>`` subparser with ``--db`` and ``--out``."""
    p = pdf_sub.add_parser(name, help=help_text, description=help_text)
    cli.db_argument(p)
    p.add_argument("--out", metavar="FILE.pdf", help="where to write the PDF (default: <kind>-<id>.pdf here)")
    p.set_defaults(handler=handler)
    return p


def write_pdf(args: argparse.Namespace, data: bytes, default_name: str) -> int:
    """Write ``data`` to ``--out`` (or ``default_name``) and say where it went."""
    out = Path(args.out or default_name)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"已生成 {out}（{len(data) // 1024 + 1} KB）")
    return 0


def _font_notes(unprintable: list[str] | None = None) -> None:
    """Tell the clerk, one line each, which fonts stood in for the standard ones and which characters no
    font could print."""
    from rfdesk.documents.fonts import font_set

    for note in [*font_set().notes(), *(unprintable or [])]:
        print(f"提示：{note}", file=sys.stderr)


def render_and_write(args: argparse.Namespace, render: Callable[[Any], bytes], default_name: str) -> int:
    """Make a PDF with ``render(session)`` from the database of ``--db``, name the stand-in fonts and the
    characters no font could print, and write it as :func:`write_pdf` does."""
    from rfdesk.db import open_database
    from rfdesk.documents.unprintable import watch_unprintable

    db = open_database(cli.resolve_db(args))
    try:
        with db.session() as s, watch_unprintable() as unprintable:
            data = render(s)
    finally:
        db.close()
    _font_notes(unprintable)
    return write_pdf(args, data, default_name)


def _notice(args: argparse.Namespace) -> int:
    from rfdesk.documents.notice import render_notice

    return render_and_write(args, lambda s: render_notice(s, args.batch), f"notice-{args.batch}.pdf")


def _circular(args: argparse.Namespace) -> int:
    from rfdesk.documents.circular import render_circular

    return render_and_write(args, lambda s: render_circular(s, args.document), f"document-{args.document}.pdf")


def add_notice(pdf_sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    p = pdf_command(pdf_sub, "notice", "通报表扬（表彰批次） commendation notice of a batch", _notice)
    p.add_argument("--batch", type=int, required=True, metavar="ID", help="commendation batch id")


def add_circular(pdf_sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    p = pdf_command(pdf_sub, "circular", "公文（通知） official document", _circular)
    p.add_argument("--document", type=int, required=True, metavar="ID", help="document id")


# ==== PDF KINDS =============================================================================================
# One entry per `rfdesk pdf <kind>`: a function taking the `pdf` subparsers, or "module:function" for a
# function in a light module (imported when the parser is built). Add yours here.
PDF_KINDS: list[Callable[[argparse._SubParsersAction], None] | str] = [  # noqa: SLF001
    add_notice,
    add_circular,
    "rfdesk.documents.report_commands:add_receipt",
    "rfdesk.documents.report_commands:add_report",
]
# ============================================================================================================


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add this layer's subcommands."""
    pdf = sub.add_parser("pdf", help="生成 PDF（公文、收据、报表） make a PDF")
    pdf_sub = pdf.add_subparsers(dest="pdf_kind", metavar="KIND", required=True, parser_class=type(pdf))
    for kind in PDF_KINDS:
        if isinstance(kind, str):
            module, _, func = kind.partition(":")
            kind = getattr(importlib.import_module(module), func)
        kind(pdf_sub)
