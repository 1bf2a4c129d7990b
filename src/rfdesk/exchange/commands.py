"""Subcommands of this layer (see rfdesk.cli): backups first, then spreadsheet import and export."""

from __future__ import annotations

import argparse
from pathlib import Path

from rfdesk import cli


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add this layer's subcommands."""
    _register_backups(sub)
    from rfdesk.exchange.transfer_commands import register_transfers  # spreadsheet import and export

    register_transfers(sub)


# ---------------------------------------------------------------------------------------------- backups

def _register_backups(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    p = sub.add_parser("backup", help="back up the database to one file (last line: its path)")
    cli.db_argument(p)
    p.add_argument("--to", required=True, metavar="DIR", help="folder to write the backup into (e.g. a USB stick)")
    _passphrase_argument(p, "encrypt the backup with the passphrase in FILE")
    p.set_defaults(handler=_backup)

    p = sub.add_parser("verify", help="check a backup file completely")
    p.add_argument("file", metavar="FILE")
    _passphrase_argument(p, "passphrase of an encrypted backup")
    p.set_defaults(handler=_verify)

    p = sub.add_parser("restore", help="replace the database by a backup (keeps a safety copy first)")
    p.add_argument("file", metavar="FILE")
    cli.db_argument(p)
    _passphrase_argument(p, "passphrase of an encrypted backup")
    p.set_defaults(handler=_restore)

    p = sub.add_parser("auto-backup", help="automatic backup for scheduled tasks (daily: only if none today)")
    cli.db_argument(p)
    p.add_argument("--reason", choices=["daily", "exit"], default="daily")
    p.set_defaults(handler=_auto_backup)


def _passphrase_argument(p: argparse.ArgumentParser, text: str) -> None:
    p.add_argument("--passphrase-file", metavar="FILE", help=text + " (first line of the file)")


def _read_passphrase(args: argparse.Namespace) -> str | None:
    from rfdesk.services.errors import ValidationError

    name = getattr(args, "passphrase_file", None)
    if not name:
        return None
    try:
        text = Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError("passphrase-file", f"无法读取密码文件 {name}：{exc}",
                              f"Cannot read the passphrase file {name}: {exc}") from exc
    lines = text.splitlines()
    passphrase = lines[0] if lines else ""
    if not passphrase:
        raise ValidationError("passphrase-file", f"密码文件 {name} 的第一行是空的", f"The passphrase file {name} is empty")
    return passphrase


def _database_file(args: argparse.Namespace) -> Path:
    from rfdesk.db.engine import sqlite_path, to_url
    from rfdesk.exchange.backup import server_database_refused

    path = sqlite_path(to_url(cli.resolve_db(args)))
    if path is None:
        raise server_database_refused()
    return path


def _describe(manifest: object) -> str:
    from rfdesk.exchange.backup import Manifest

    assert isinstance(manifest, Manifest)
    rows = sum(manifest.row_counts.values())
    return (f"{manifest.created_at}  {manifest.computer}  {manifest.source}  rfdesk {manifest.app_version}  "
            f"结构 schema {manifest.schema_revision}  {rows} 行 rows"
            + ("  已加密 encrypted" if manifest.encrypted else ""))


def _backup(args: argparse.Namespace) -> int:
    from rfdesk.exchange.backup import backup_database_file
    from rfdesk.exchange.restore import read_manifest

    passphrase = _read_passphrase(args)
    path = backup_database_file(_database_file(args), Path(args.to), passphrase=passphrase)
    print("备份完成并已校验 backup written and verified: " + _describe(read_manifest(path, passphrase)))
    print(path)
    return 0


def _verify(args: argparse.Namespace) -> int:
    from rfdesk.exchange.restore import verify_backup

    manifest = verify_backup(args.file, _read_passphrase(args))
    print("备份完好 backup OK: " + _describe(manifest))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from rfdesk.exchange.restore import restore_backup

    result = restore_backup(args.file, _database_file(args), _read_passphrase(args))
    print(f"已恢复到 restored into {result.database}: " + _describe(result.manifest))
    if result.safety_copy is not None:
        print(f"恢复前的数据库已保存为 the database before the restore was kept as: {result.safety_copy}")
    return 0


def _auto_backup(args: argparse.Namespace) -> int:
    from rfdesk.exchange.retention import auto_backup_file

    path = auto_backup_file(_database_file(args), args.reason)
    if path is None:
        print("今天已有自动备份，未再备份 there is already an automatic backup of today")
    else:
        print(path)
    return 0
