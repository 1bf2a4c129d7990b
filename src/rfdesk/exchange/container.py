"""The backup file format (``.rfbak``): one file holding a manifest and a compressed SQLite snapshot.

Layout, all integers big-endian::

    magic         16 bytes   b"RFDESK-BACKUP\\r\\n\\x1a"
    format        u16        1 (a larger number means a newer rfdesk wrote the file)
    header size   u32
    header        JSON, UTF-8: {"format": "rfdesk-backup", "chunk_size": 1048576,
                  "compression": "zlib", "encryption": null | {cipher, kdf, salt, cost, nonce prefix,
                  check value} (see :mod:`rfdesk.exchange.crypto`)}
    header hash   32 bytes   SHA-256 of everything above
    frames        kind (1 byte) + size (u32) + content, in this order:
                    "M"  the manifest, JSON (see :mod:`rfdesk.exchange.backup`)
                    "D"  one chunk of at most ``chunk_size`` bytes of the SQLite file, zlib-compressed
                         on its own, so that reading needs one chunk of memory whatever the database size
                    "E"  SHA-256 of every byte of the file before this frame; nothing may follow it

In an encrypted backup every frame's content is that frame's plain content sealed with AES-256-GCM
(nonce = prefix, frame number, "final" flag set on the E frame only; associated data = magic through header
hash, plus the kind byte). The magic and header stay readable so a clerk is told "this needs a passphrase"
rather than "not a backup"; everything else, the manifest included, is inside the sealed frames.

Why it cannot look valid half-written: a reader accepts the file only after the E frame, which is written
last, matches the hash of everything before it (and, encrypted, authenticates as the final frame). The
``\\r\\n\\x1a`` in the magic catches copies that mangled line ends, as PNG's signature does.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from rfdesk.exchange import crypto
from rfdesk.exchange.backup_errors import (
    BackupCorrupted,
    BackupTampered,
    BackupTooNew,
    BackupTruncated,
    ForeignBackup,
    NotABackup,
    PassphraseRequired,
    WrongPassphrase,
)

MAGIC = b"RFDESK-BACKUP\r\n\x1a"
FORMAT_VERSION = 1
FORMAT_ID = "rfdesk-backup"
CHUNK_SIZE = 1024 * 1024
MAX_HEADER = 64 * 1024
MAX_MANIFEST = 16 * 1024 * 1024
# zlib never grows a chunk by more than a few bytes per 16 KiB block; the rest is headroom.
MAX_FRAME = CHUNK_SIZE + 64 * 1024 + crypto.TAG_LEN
KIND_MANIFEST, KIND_DATA, KIND_END = b"M", b"D", b"E"

# Beginnings of files a clerk may take for a backup: archives and other programs' databases.
FOREIGN_SIGNATURES = {
    b"PK\x03\x04": "ZIP",
    b"PK\x05\x06": "ZIP",
    b"7z\xbc\xaf\x27\x1c": "7-Zip",
    b"Rar!\x1a\x07": "RAR",
    b"\x1f\x8b": "gzip",
    b"BZh": "bzip2",
    b"\xfd7zXZ\x00": "xz",
    b"MSCF": "CAB",
    b"SQLite format 3\x00": "SQLite",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "Office/Access",
    b"Standard Jet DB": "Access",
    b"Standard ACE DB": "Access",
}


def _truncated() -> BackupTruncated:
    return BackupTruncated("备份文件不完整（文件被截断，可能没有复制完或写入时被中断），不能使用。",
                           "The backup file is incomplete (cut short: not fully copied or its writing was "
                           "interrupted); it cannot be used.")


def _corrupted(what: str) -> BackupCorrupted:
    return BackupCorrupted(f"备份文件已损坏（{what}校验不符），可能是U盘故障或复制出错，不能使用。",
                           f"The backup file is damaged ({what} check failed), perhaps by a failing stick "
                           "or a bad copy; it cannot be used.")


def tampered(what: str) -> BackupTampered:
    return BackupTampered(f"备份文件在写入后被改动过（{what}），不能使用。",
                          f"The backup file was altered after it was written ({what}); it cannot be used.")


def too_new(detail: str) -> BackupTooNew:
    return BackupTooNew(f"该备份由更新版本的 rfdesk 创建（{detail}），请先升级程序再使用。",
                        f"This backup was made by a newer rfdesk ({detail}); upgrade the program first.")


def _json_bytes(value: dict[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


class _HashingWriter:
    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.hash = hashlib.sha256()
        self.written = 0

    def write(self, data: bytes) -> None:
        self.out.write(data)
        self.hash.update(data)
        self.written += len(data)


class ContainerWriter:
    """Writes one backup file: header, then :meth:`manifest`, :meth:`data` chunks, :meth:`finish`."""

    def __init__(self, out: BinaryIO, sealer: crypto.Sealer | None = None,
                 encryption: dict[str, Any] | None = None) -> None:
        self._out = _HashingWriter(out)
        self._sealer = sealer
        self._index = 0
        header = {"format": FORMAT_ID, "chunk_size": CHUNK_SIZE, "compression": "zlib",
                  "encryption": encryption}
        body = _json_bytes(header)
        start = MAGIC + struct.pack(">HI", FORMAT_VERSION, len(body)) + body
        self._aad = start + hashlib.sha256(start).digest()
        self._out.write(self._aad)

    @property
    def bytes_written(self) -> int:
        return self._out.written

    def _frame(self, kind: bytes, plain: bytes, final: bool = False) -> None:
        content = plain
        if self._sealer is not None:
            content = self._sealer.seal(self._index, final, self._aad + kind, plain)
        self._out.write(kind + struct.pack(">I", len(content)) + content)
        self._index += 1

    def manifest(self, manifest: dict[str, Any]) -> None:
        self._frame(KIND_MANIFEST, _json_bytes(manifest))

    def data(self, raw: bytes) -> None:
        assert 0 < len(raw) <= CHUNK_SIZE
        # Level 3: twice as fast as the default on an old office PC, and within a few per cent as small.
        self._frame(KIND_DATA, zlib.compress(raw, 3))

    def finish(self) -> None:
        self._frame(KIND_END, self._out.hash.digest(), final=True)


@dataclass
class Header:
    format_version: int
    fields: dict[str, Any]
    raw: bytes  # magic through header hash: the associated data of every sealed frame

    @property
    def encrypted(self) -> bool:
        return self.fields.get("encryption") is not None


class ContainerReader:
    """Reads and checks one backup file frame by frame; every problem becomes a clear refusal.

    ``read_header`` → (``unlock``) → ``read_manifest`` → ``iter_data`` (which checks the E frame last).
    """

    def __init__(self, f: BinaryIO) -> None:
        self._f = f
        self._hash = hashlib.sha256()
        self._index = 0
        self._sealer: crypto.Sealer | None = None
        self.header: Header | None = None
        self.bytes_read = 0

    def close(self) -> None:
        self._f.close()

    def __enter__(self) -> ContainerReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self, n: int) -> bytes:
        data = self._f.read(n)
        if len(data) != n:
            raise _truncated()
        self._hash.update(data)
        self.bytes_read += n
        return data

    def read_header(self) -> Header:
        first = self._f.read(len(MAGIC))
        if first != MAGIC:
            if not first:
                raise _truncated()
            if MAGIC.startswith(first):
                raise _truncated()
            for signature, program in FOREIGN_SIGNATURES.items():
                if first.startswith(signature):
                    raise ForeignBackup(f"这是其他程序的文件（{program}），不是 rfdesk 备份。",
                                        f"This is another program's file ({program}), not an rfdesk backup.")
            raise NotABackup("这个文件不是 rfdesk 备份文件。", "This file is not an rfdesk backup.")
        self._hash.update(first)
        self.bytes_read = len(first)
        version, size = struct.unpack(">HI", self._read(6))
        if size > MAX_HEADER:
            raise _corrupted("文件头 header")
        body = self._read(size)
        start_digest = self._hash.digest()
        if self._read(32) != start_digest:
            raise _corrupted("文件头 header")
        # Every format keeps magic, number, size, header and hash in this order, so a newer file is told
        # apart from a damaged one.
        if version > FORMAT_VERSION:
            raise too_new(f"文件格式 {version} / file format {version}")
        if version == 0:
            raise _corrupted("文件头 header")
        try:
            fields = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise _corrupted("文件头 header") from exc
        if not isinstance(fields, dict) or fields.get("format") != FORMAT_ID:
            raise _corrupted("文件头 header")
        if fields.get("compression") != "zlib" or fields.get("chunk_size") != CHUNK_SIZE:
            raise too_new("压缩方式 compression")
        self.header = Header(version, fields, MAGIC + struct.pack(">HI", version, size) + body + start_digest)
        return self.header

    def unlock(self, passphrase: str | None, sealer: crypto.Sealer | None = None) -> None:
        """Derive the key of an encrypted backup (or use ``sealer``); nothing to do for a plain one."""
        assert self.header is not None
        enc = self.header.fields.get("encryption")
        if enc is None:
            return
        if sealer is not None:
            self._sealer = sealer
            return
        if not passphrase:
            raise PassphraseRequired("该备份已加密，请输入密码。", "This backup is encrypted; enter its passphrase.")
        try:
            self._sealer = crypto.open_encryption(passphrase, enc)
        except crypto.BadKdfParameters as exc:
            raise too_new("加密方式 encryption") from exc
        if self._sealer is None:
            raise WrongPassphrase("密码不正确，无法打开该备份。", "Wrong passphrase; the backup cannot be opened.")

    def _frame(self, expected: bytes) -> bytes:
        assert self.header is not None
        before = self._hash.digest()
        kind = self._read(1)
        if kind not in (KIND_MANIFEST, KIND_DATA, KIND_END):
            raise _corrupted("数据块 frame")
        (size,) = struct.unpack(">I", self._read(4))
        limit = MAX_MANIFEST if kind == KIND_MANIFEST else MAX_FRAME
        if size > limit:
            raise _corrupted("数据块 frame")
        content = self._read(size)
        if kind != expected and not (expected == KIND_DATA and kind == KIND_END):
            raise _corrupted("数据块顺序 frame order")
        final = kind == KIND_END
        if self._sealer is not None:
            try:
                content = self._sealer.open(self._index, final, self.header.raw + kind, content)
            except crypto.AuthenticationFailed as exc:
                raise tampered("认证失败 authentication failed") from exc
        self._index += 1
        if final:
            if content != before:
                raise _corrupted("整体 file")
            if self._f.read(1):
                raise _corrupted("文件末尾 trailing data")
        return kind + content

    def read_manifest(self) -> dict[str, Any]:
        framed = self._frame(KIND_MANIFEST)
        try:
            manifest = json.loads(framed[1:].decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise _corrupted("清单 manifest") from exc
        if not isinstance(manifest, dict):
            raise _corrupted("清单 manifest")
        return manifest

    def iter_data(self) -> Iterator[bytes]:
        """The SQLite file in chunks; ends only after the E frame checked out."""
        while True:
            framed = self._frame(KIND_DATA)
            if framed[:1] == KIND_END:
                return
            d = zlib.decompressobj()
            try:
                raw = d.decompress(framed[1:], CHUNK_SIZE + 1)
            except zlib.error as exc:
                raise _corrupted("压缩数据 compressed data") from exc
            if not d.eof or d.unconsumed_tail or d.unused_data or not 0 < len(raw) <= CHUNK_SIZE:
                raise _corrupted("压缩数据 compressed data")
            yield raw
