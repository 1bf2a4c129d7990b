"""The backup file format (``.rfbak``): one file holding a manifest and a SQLite snapshot.

Layout, all integers big-endian::

    magic         16 bytes   b"RFDESK-BACKUP\\r\\n\\x1a"
    format        u16        2 (1 for files written by rfdesk before 0.2; a larger number means a newer rfdesk)
    header size   u32
    header        JSON, UTF-8: {"format": "rfdesk-backup", "chunk_size": 1048576,
                  "compression": "none" | "zlib", "encryption": null | {cipher, kdf, salt, cost,
                  nonce prefix, check value} (see :mod:`rfdesk.exchange.crypto`)}
    header hash   32 bytes   SHA-256 of everything above
    frames        kind (1 byte) + size (u32) + content, in this order:
                    "M"  the manifest, JSON (see :mod:`rfdesk.exchange.backup`)
                    "D"  one chunk of exactly ``chunk_size`` bytes of the SQLite file (the last one may be
                         shorter), as it is or zlib-compressed on its own, so that reading needs one chunk of
                         memory whatever the database size
                    "E"  format 2: SHA-256 of the SQLite file (the D chunks as they were before compression)
                         followed by SHA-256 of every byte of the file before this frame except the contents
                         of the D frames; format 1: SHA-256 of every byte of the file before this frame.
                         Nothing may follow it.

Format 2 keeps the data's hash at the end, where format 1 needed it in the manifest before the data (and so
a pass over the data before writing it). A backup writes the frames, reads them back from the disk,
hashing the data as it comes back, and only then writes the E frame: the hash costs no time of its own,
since it overlaps the reading the check needs anyway. It is uncompressed unless asked for: on a fast disk
zlib costs several times what writing does (see ``bench/README.md``). Format 1 (always zlib, hash in the
manifest) is still read, verified and restored.

In an encrypted backup every frame's content is that frame's plain content sealed with AES-256-GCM
(nonce = prefix, frame number, "final" flag set on the E frame only; associated data = magic through header
hash, plus the kind byte). The magic and header stay readable so a clerk is told "this needs a passphrase"
rather than "not a backup"; everything else, the manifest included, is inside the sealed frames.

Why it cannot look valid half-written: a reader accepts the file only after the E frame, which is written
last, matches the hashes of everything before it (and, encrypted, authenticates as the final frame). The
``\\r\\n\\x1a`` in the magic catches copies that mangled line ends, as PNG's signature does.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
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
FORMAT_VERSION = 2
READABLE_FORMATS = (1, 2)
FORMAT_ID = "rfdesk-backup"
CHUNK_SIZE = 1024 * 1024
COMPRESSIONS = ("none", "zlib")
ZLIB_LEVEL = 1  # three times faster than level 6 and within a few per cent as small on a database
MAX_HEADER = 64 * 1024
MAX_MANIFEST = 16 * 1024 * 1024
# zlib never grows a chunk by more than a few bytes per 16 KiB block; the rest is headroom.
MAX_FRAME = CHUNK_SIZE + 64 * 1024 + crypto.TAG_LEN
KIND_MANIFEST, KIND_DATA, KIND_END = b"M", b"D", b"E"
DIGEST_LEN = 32
# Chunks hashed or compressed ahead of the one being written: enough to keep two cores busy, little memory.
AHEAD = 4

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


def data_frames(size: int) -> int:
    """How many D frames hold a database of ``size`` bytes."""
    return -(-size // CHUNK_SIZE)


def read_ahead(f: BinaryIO) -> None:
    """Tell the system the file is read from start to end: it then reads ahead twice as far, which reading
    1 MiB frames needs to keep a disk busy (more than twice as fast from a cold cache)."""
    if hasattr(os, "posix_fadvise"):
        try:
            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_SEQUENTIAL)
        except (OSError, ValueError, AttributeError):
            pass


class _Background:
    """Runs hashing (and compression) on other cores while the calling thread reads and writes.

    SHA-256 (crypto.Sha256) and zlib release the interpreter lock on large buffers, so a 1 MiB chunk is
    hashed on one core while the next is read or written on another. Work is handed over in order and at
    most ``AHEAD`` chunks are in flight. Threads start only when there is work.
    """

    def __init__(self, compressors: int = 0) -> None:
        # One hash is fed by one thread, which keeps the order of the chunks.
        self._hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rfdesk-hash")
        self._packer = ThreadPoolExecutor(max_workers=compressors, thread_name_prefix="rfdesk-zlib") \
            if compressors else None
        self._hashing: deque[Future[None]] = deque()

    def hash(self, h: Any, data: bytes) -> None:
        self._hashing.append(self._hasher.submit(h.update, data))
        while len(self._hashing) > AHEAD:
            self._hashing.popleft().result()

    def settle(self) -> None:
        while self._hashing:
            self._hashing.popleft().result()

    def compress(self, data: bytes) -> Future[bytes]:
        assert self._packer is not None
        return self._packer.submit(zlib.compress, data, ZLIB_LEVEL)

    def inflate(self, data: bytes) -> Future[bytes]:
        assert self._packer is not None
        return self._packer.submit(_inflate, data)

    def close(self) -> None:
        for pool in (self._hasher, self._packer):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)


def _inflate(content: bytes) -> bytes:
    d = zlib.decompressobj()
    try:
        raw = d.decompress(content, CHUNK_SIZE + 1)
    except zlib.error as exc:
        raise _corrupted("压缩数据 compressed data") from exc
    if not d.eof or d.unconsumed_tail or d.unused_data:
        raise _corrupted("压缩数据 compressed data")
    return raw


class ContainerWriter:
    """Writes one backup file: header, then :meth:`manifest`, :meth:`data` chunks, :meth:`flush_data`, and
    :meth:`end` with the data's hash (which the writer does not take: the backup takes it while reading the
    data back from the disk, see :meth:`ContainerReader.iter_written_data`).

    Use it as a context manager: leaving the block stops its background work whatever happened.
    """

    def __init__(self, out: BinaryIO, sealer: crypto.Sealer | None = None,
                 encryption: dict[str, Any] | None = None, *, compression: str = "none") -> None:
        if compression not in COMPRESSIONS:
            raise ValueError(f"unknown compression {compression!r}")
        self._out = out
        self._sealer = sealer
        self._compress = compression == "zlib"
        self._index = 0
        self._frames_hash = crypto.Sha256()
        self._background = _Background(compressors=2 if self._compress else 0)
        self._packing: deque[Future[bytes]] = deque()
        self.written = 0
        self.data_size = 0
        self.end_frame = b""
        header = {"format": FORMAT_ID, "chunk_size": CHUNK_SIZE, "compression": compression,
                  "encryption": encryption}
        body = _json_bytes(header)
        start = MAGIC + struct.pack(">HI", FORMAT_VERSION, len(body)) + body
        self._aad = start + crypto.Sha256(start).digest()
        self._write(self._aad, hashed=True)

    def __enter__(self) -> ContainerWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._background.close()

    @property
    def bytes_written(self) -> int:
        return self.written

    def _write(self, data: bytes, *, hashed: bool) -> None:
        self._out.write(data)
        if hashed:
            self._frames_hash.update(data)
        self.written += len(data)

    def _frame(self, kind: bytes, plain: bytes, final: bool = False) -> bytes:
        content = plain
        if self._sealer is not None:
            content = self._sealer.seal(self._index, final, self._aad + kind, plain)
        head = kind + struct.pack(">I", len(content))
        self._write(head, hashed=True)
        self._write(content, hashed=kind != KIND_DATA)
        self._index += 1
        return head + content if final else b""

    def manifest(self, manifest: dict[str, Any]) -> None:
        self._frame(KIND_MANIFEST, _json_bytes(manifest))

    def data(self, raw: bytes) -> None:
        """The next chunk of the database: ``CHUNK_SIZE`` bytes, fewer only for the last one."""
        if not 0 < len(raw) <= CHUNK_SIZE or self.data_size % CHUNK_SIZE:
            raise ValueError("data chunks are CHUNK_SIZE bytes long, all but the last")
        self.data_size += len(raw)
        if not self._compress:
            self._frame(KIND_DATA, raw)
            return
        self._packing.append(self._background.compress(raw))
        while len(self._packing) > AHEAD:
            self._frame(KIND_DATA, self._packing.popleft().result())

    def flush_data(self) -> None:
        """Write the chunks still being compressed; afterwards every D frame is written."""
        while self._packing:
            self._frame(KIND_DATA, self._packing.popleft().result())

    @property
    def frames_sha256(self) -> str:
        """The hash of every byte written so far but the data frames' content (as the E frame will hold it)."""
        return self._frames_hash.hexdigest()

    def end(self, data_sha256: str) -> None:
        """Write the E frame with the data's hash; ``end_frame`` is then its bytes as written."""
        self.flush_data()
        self.end_frame = self._frame(KIND_END, bytes.fromhex(data_sha256) + self._frames_hash.digest(), final=True)


@dataclass
class Header:
    format_version: int
    fields: dict[str, Any]
    raw: bytes  # magic through header hash: the associated data of every sealed frame

    @property
    def encrypted(self) -> bool:
        return self.fields.get("encryption") is not None

    @property
    def compressed(self) -> bool:
        return self.fields.get("compression") == "zlib"


class ContainerReader:
    """Reads and checks one backup file frame by frame; every problem becomes a clear refusal.

    ``read_header`` → (``unlock``) → ``read_manifest`` → ``iter_data`` (which checks the E frame last);
    afterwards ``data_sha256`` is the checked hash of the database it held.
    """

    def __init__(self, f: BinaryIO) -> None:
        self._f = f
        self._hash = crypto.Sha256()
        self._data_hash = crypto.Sha256()
        self._index = 0
        self._sealer: crypto.Sealer | None = None
        self.header: Header | None = None
        self.bytes_read = 0
        self.data_size = 0
        self.data_sha256 = ""
        self.frames_sha256 = ""

    def close(self) -> None:
        self._f.close()

    def __enter__(self) -> ContainerReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self, n: int, *, hashed: bool = True) -> bytes:
        data = self._f.read(n)
        if len(data) != n:
            raise _truncated()
        if hashed:
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
        if version not in READABLE_FORMATS:
            raise _corrupted("文件头 header")
        try:
            fields = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise _corrupted("文件头 header") from exc
        if not isinstance(fields, dict) or fields.get("format") != FORMAT_ID:
            raise _corrupted("文件头 header")
        allowed = ("zlib",) if version == 1 else COMPRESSIONS
        if fields.get("compression") not in allowed or fields.get("chunk_size") != CHUNK_SIZE:
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

    def _open(self, index: int, final: bool, kind: bytes, content: bytes) -> bytes:
        assert self.header is not None
        if self._sealer is None:
            return content
        try:
            return self._sealer.open(index, final, self.header.raw + kind, content)
        except crypto.AuthenticationFailed as exc:
            raise tampered("认证失败 authentication failed") from exc

    def _frame(self, expected: bytes) -> tuple[bytes, bytes, bytes]:
        """The next frame: its kind, its (opened) content, and the hash of the file before it."""
        assert self.header is not None
        before = self._hash.digest()
        kind = self._read(1)
        if kind not in (KIND_MANIFEST, KIND_DATA, KIND_END):
            raise _corrupted("数据块 frame")
        (size,) = struct.unpack(">I", self._read(4))
        limit = MAX_MANIFEST if kind == KIND_MANIFEST else MAX_FRAME
        if size > limit:
            raise _corrupted("数据块 frame")
        # Format 2 leaves the data out of the file hash: the data's own hash in the E frame covers it.
        content = self._read(size, hashed=self.header.format_version == 1 or kind != KIND_DATA)
        if kind != expected and not (expected == KIND_DATA and kind == KIND_END):
            raise _corrupted("数据块顺序 frame order")
        final = kind == KIND_END
        content = self._open(self._index, final, kind, content)
        self._index += 1
        if final and self._f.read(1):
            raise _corrupted("文件末尾 trailing data")
        return kind, content, before

    def read_manifest(self) -> dict[str, Any]:
        _kind, content, _before = self._frame(KIND_MANIFEST)
        try:
            manifest = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise _corrupted("清单 manifest") from exc
        if not isinstance(manifest, dict):
            raise _corrupted("清单 manifest")
        return manifest

    def _accept(self, raw: bytes, background: _Background) -> bytes:
        # Every chunk but the last is whole, so the chunks can only be read back as they were cut.
        if not 0 < len(raw) <= CHUNK_SIZE or self.data_size % CHUNK_SIZE:
            raise _corrupted("数据块 frame")
        self.data_size += len(raw)
        background.hash(self._data_hash, raw)
        return raw

    def iter_data(self) -> Iterator[bytes]:
        """The SQLite file in chunks; ends only after the E frame checked out."""
        return self._chunks(None)

    def iter_written_data(self, written: int) -> Iterator[bytes]:
        """Reading back a new file whose E frame is not written yet: the data chunks in the first
        ``written`` bytes. Afterwards ``data_sha256`` and ``frames_sha256`` are what its E frame must say,
        as read from the disk. The caller compares the chunks with the database they were written from."""
        assert self.header is not None and self.header.format_version >= 2
        return self._chunks(written)

    def _chunks(self, written: int | None) -> Iterator[bytes]:
        # Compressed chunks are inflated on two threads, and the data hashed on another, a few chunks ahead
        # of the one handed out.
        assert self.header is not None
        compressed = self.header.compressed
        background = _Background(compressors=2 if compressed else 0)
        inflating: deque[Future[bytes]] = deque()
        try:
            while True:
                if written is not None and self.bytes_read >= written:
                    kind, content, before = KIND_END, b"", self._hash.digest()
                else:
                    kind, content, before = self._frame(KIND_DATA)
                    if kind == KIND_END and written is not None:
                        raise _corrupted("数据块顺序 frame order")
                if kind == KIND_END:
                    while inflating:
                        yield self._accept(inflating.popleft().result(), background)
                    background.settle()
                    if written is None:
                        self._check_end(content, before)
                    else:
                        self.data_sha256 = self._data_hash.hexdigest()
                        self.frames_sha256 = before.hex()
                    return
                if not compressed:
                    yield self._accept(content, background)
                    continue
                inflating.append(background.inflate(content))
                while len(inflating) > AHEAD:
                    yield self._accept(inflating.popleft().result(), background)
        finally:
            background.close()

    def _check_end(self, content: bytes, before: bytes) -> None:
        assert self.header is not None
        data_digest = self._data_hash.digest()
        if self.header.format_version == 1:
            if content != before:
                raise _corrupted("整体 file")
        elif len(content) != 2 * DIGEST_LEN or content[DIGEST_LEN:] != before:
            raise _corrupted("整体 file")
        elif content[:DIGEST_LEN] != data_digest:
            raise _corrupted("数据 data")
        self.data_sha256 = data_digest.hex()

    def stored_data_sha256(self, data_size: int) -> str:
        """Format 2: the database's hash as the E frame at the end of the file records it, without reading
        the data in between (for listing backups; not a verification). Call after :meth:`read_manifest`."""
        assert self.header is not None and self.header.format_version >= 2
        length = 2 * DIGEST_LEN + (crypto.TAG_LEN if self._sealer is not None else 0)
        try:
            self._f.seek(-(5 + length), os.SEEK_END)
        except OSError as exc:
            raise _truncated() from exc
        frame = self._f.read(5 + length)
        if len(frame) != 5 + length or frame[:1] != KIND_END or frame[1:5] != struct.pack(">I", length):
            raise _truncated()
        content = self._open(1 + data_frames(data_size), True, KIND_END, frame[5:])
        return content[:DIGEST_LEN].hex()
