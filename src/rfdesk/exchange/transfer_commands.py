"""``rfdesk import`` and ``rfdesk export``: spreadsheets in and out of the registers (see rfdesk.cli)."""

from __future__ import annotations

import argparse
import sys

from rfdesk import cli

IMPORT_REGISTERS = ("people", "donations", "resources")
EXPORT_REGISTERS = ("people", "donations", "resources", "commendations", "movements")


def register_transfers(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add the import and export subcommands."""
    p = sub.add_parser("import", help="import people, donations or resources from an .xlsx or .csv file")
    p.add_argument("register", choices=IMPORT_REGISTERS)
    p.add_argument("file", metavar="FILE")
    cli.db_argument(p)
    p.add_argument("--dry-run", action="store_true", help="only check the file and print its problems")
    p.add_argument("--skip", metavar="ROWS", default="", help="rows to leave out, e.g. 3,5,10-12")
    p.add_argument("--header-row", type=int, metavar="N", help="the row holding the column names")
    p.add_argument("--sheet", metavar="NAME", help="the worksheet to read (default: the first that fits)")
    p.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                   help="use a column for a field, e.g. 工号=notes (repeatable; FIELD empty ignores the column)")
    p.set_defaults(handler=_import)

    p = sub.add_parser("export", help="export a register to an .xlsx or .csv file")
    p.add_argument("register", choices=EXPORT_REGISTERS)
    cli.db_argument(p)
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.xlsx or FILE.csv")
    p.add_argument("--mask", action="store_true", help="mask ID and phone numbers (110***********1234)")
    p.set_defaults(handler=_export)


def parse_rows(text: str) -> set[int]:
    """ "3,5,10-12" → {3, 5, 10, 11, 12}; refuses anything else."""
    from rfdesk.services.errors import ValidationError

    rows: set[int] = set()
    for part in text.replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        lo, _, hi = part.partition("-")
        try:
            a, b = int(lo), int(hi or lo)
        except ValueError:
            raise ValidationError("skip", f"“{part}”不是行号，应写成 3,5,10-12",
                                  f"“{part}” is not a row number; write e.g. 3,5,10-12") from None
        if a < 1 or b < a or b - a > 1_000_000:
            raise ValidationError("skip", f"“{part}”不是有效的行号范围", f"“{part}” is not a valid range of rows")
        rows.update(range(a, b + 1))
    return rows


def _mapping(items: list[str]) -> dict[object, str]:
    from rfdesk.services.errors import ValidationError

    out: dict[object, str] = {}
    for item in items:
        col, sep, field = item.partition("=")
        if not sep or not col.strip():
            raise ValidationError("map", f"“{item}”应写成 列名=字段", f"“{item}” should be COLUMN=FIELD")
        out[col.strip()] = field.strip()
    return out


def _import(args: argparse.Namespace) -> int:
    from rfdesk.db import open_database
    from rfdesk.exchange.columns import FIELDS
    from rfdesk.exchange.importing import ImportRefused, import_file, preview_import, register_label
    from rfdesk.exchange.progress import ConsoleProgress

    skip = parse_rows(args.skip)
    mapping = _mapping(args.map)
    db = open_database(cli.resolve_db(args))
    try:
        with db.session() as session:
            try:
                if args.dry_run:
                    preview = preview_import(session, args.register, args.file, mapping,
                                             header_row=args.header_row, sheet=args.sheet)
                    result = None
                else:
                    shown = ConsoleProgress()
                    try:
                        preview, result = import_file(session, args.register, args.file, mapping=mapping,
                                                      skip_rows=skip, header_row=args.header_row,
                                                      sheet=args.sheet, progress=shown, stage=shown.stage)
                    finally:
                        shown.end_line()
            except ImportRefused as refused:
                assert refused.preview is not None
                preview, result = refused.preview, None
    finally:
        db.close()
    labels = {f.key: f.zh for f in FIELDS[args.register]}
    where = f"工作表“{preview.sheet_name}”，" if preview.sheet_name else ""
    print(f"文件：{preview.path.name}（{where}表头在第{preview.header_row}行，共{preview.rows_read}行）")
    print("对应：" + "，".join(f"{preview.headers[c]}→{labels[k]}" for c, k in preview.mapping.items()))
    if preview.unmapped_headers:
        print("未使用的列：" + "，".join(preview.unmapped_headers))
    for line in preview.report_lines():
        print(line)
    blocking = {p.row for p in preview.problems if p.row not in skip and p.blocking}
    name = register_label(args.register)
    if result is not None:
        skipped = f"，跳过{result.skipped}行" if result.skipped else ""
        print(f"已导入{name} {result.created} 条{skipped}。")
        return 0
    if blocking:
        print(f"有 {len(blocking)} 行存在问题，未导入任何数据。可修改文件，或用 --skip 跳过这些行。", file=sys.stderr)
        return 2
    print(f"预检通过：共{preview.rows_read}行，其中{preview.good_count}行可以导入（未写入任何数据）。")
    return 0


def _export(args: argparse.Namespace) -> int:
    from rfdesk.db import open_database
    from rfdesk.exchange.exporting import EXPORT_REGISTERS as LABELS
    from rfdesk.exchange.exporting import export_register

    db = open_database(cli.resolve_db(args))
    try:
        with db.session() as session:
            result = export_register(session, args.register, args.out, mask=args.mask)
    finally:
        db.close()
    print(f"已导出{LABELS[args.register][0]} {result.rows} 条：{result.path}")
    return 0
