"""Shrink the ICU data library that the Linux Qt wheels ship (libicudata.so, 31 MB) for the frozen build.

QtCore on Linux uses ICU for collation (QCollator, sorting by 拼音), time-zone names and its codec list; it
never uses ICU's word-break dictionaries, transliterators, unit/currency/language names or legacy
converters, which are most of the file. This keeps the collation, time-zone, region and locale data of the
root, Chinese and English locales plus every non-locale item (normalisation, time-zone rules, aliases), and
writes the same one-symbol shared library around the smaller data package.

Usage: ``python tools/slim_icu.py LIBICUDATA [OUT]`` (in place when OUT is omitted); prints the sizes.
The frozen self-test proves the result: Chinese collation order and a Chinese time-zone name.
"""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

KEEP_LOCALES = re.compile(r"^(root|pool|res_index|zh|en)([_.]|$)")
KEEP_TREES = {"coll", "zone", "region"}
LOCALE_NAME = re.compile(r"^[a-z]{2,3}([_.]|$)")


def keep_item(name: str) -> bool:
    """Whether the package item ``icudt73l/<tree>/<file>`` (or ``icudt73l/<file>``) is kept."""
    parts = name.split("/")[1:]
    if len(parts) == 1:
        leaf = parts[0]
        if leaf.endswith(".cnv"):
            return False  # legacy converters: Python reads the clerk's GBK files, not Qt
        if leaf.endswith(".res") and LOCALE_NAME.match(leaf):
            return bool(KEEP_LOCALES.match(leaf))
        return True
    tree, leaf = parts[0], parts[-1]
    if tree not in KEEP_TREES:
        return False
    return not leaf.endswith(".res") or bool(KEEP_LOCALES.match(leaf))  # e.g. coll/ucadata.icu stays


def _align(n: int, to: int) -> int:
    return (n + to - 1) // to * to


def read_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item bytes)]) of an ICU common data package ("CmnD")."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count = struct.unpack_from("<I", package, header_size)[0]
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        start = header_size + name_off
        name = package[start:package.index(b"\0", start)].decode("ascii")
        begin = header_size + data_off
        end = header_size + entries[i + 1][1] if i + 1 < count else len(package)
        items.append((name, package[begin:end]))
    return package[:header_size], items


def build_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A common data package holding ``items`` in the given (sorted) order, items 16-byte aligned."""
    header_size = len(header)
    count = len(items)
    names = b""
    name_offsets = []
    for name, _data in items:
        name_offsets.append(4 + 8 * count + len(names))
        names += name.encode("ascii") + b"\0"
    toc_len = 4 + 8 * count + len(names)
    pos = _align(header_size + toc_len, 16)
    body = bytearray()
    data_offsets = []
    for _name, data in items:
        data_offsets.append(pos + len(body) - header_size)
        body += data + b"\0" * (_align(len(data), 16) - len(data))
    toc = struct.pack("<I", count) + b"".join(struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True))
    out = header + toc + names
    return out + b"\0" * (pos - len(out)) + bytes(body)


# ---- the ELF shared object around the data -------------------------------------------------------------


def _sections(elf: bytes) -> tuple[int, int, int, list[list[int]]]:
    e_shoff = struct.unpack_from("<Q", elf, 0x28)[0]
    e_shentsize, e_shnum, e_shstrndx = struct.unpack_from("<HHH", elf, 0x3A)
    shdrs = [list(struct.unpack_from("<IIQQQQIIQQ", elf, e_shoff + i * e_shentsize)) for i in range(e_shnum)]
    return e_shoff, e_shentsize, e_shstrndx, shdrs


def _section_names(elf: bytes, shdrs: list[list[int]], shstrndx: int) -> list[str]:
    strtab_off = shdrs[shstrndx][4]
    return [elf[strtab_off + s[0]:elf.index(b"\0", strtab_off + s[0])].decode() for s in shdrs]


def slim_library(elf: bytes) -> bytes:
    """The library with its data package reduced to the kept items.

    The library is what ICU's build makes: one read-only segment (hash, symbols, .rodata holding the
    package) and one segment with .dynamic, which holds no address inside .rodata, so only offsets and sizes
    after .rodata change.
    """
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    _shoff, shentsize, shstrndx, shdrs = _sections(elf)
    names = _section_names(elf, shdrs, shstrndx)
    idx = {n: i for i, n in enumerate(names)}
    if set(names) - {"", ".note.gnu.build-id", ".gnu.hash", ".dynsym", ".dynstr", ".rodata", ".eh_frame",
                     ".dynamic", ".shstrtab"}:
        raise ValueError(f"unexpected sections: {names}")
    ro = shdrs[idx[".rodata"]]
    package = elf[ro[4]:ro[4] + ro[5]]
    header, items = read_items(package)
    kept = [(n, d) for n, d in items if keep_item(n)]
    new_pkg = build_package(header, kept)
    ro_off, ro_addr = ro[4], ro[3]
    ro_end = ro_off + len(new_pkg)
    dyn = shdrs[idx[".dynamic"]]
    dyn_data = elf[dyn[4]:dyn[4] + dyn[5]]
    shstr = shdrs[shstrndx]
    shstr_data = elf[shstr[4]:shstr[4] + shstr[5]]
    page = 0x1000
    dyn_off = _align(ro_end, 16)
    dyn_addr = dyn_off + (dyn[3] - dyn[4])  # keep the old distance between address and offset (a page)
    if (dyn_addr - dyn_off) % page or dyn_addr < _align(ro_addr + len(new_pkg), page):
        raise ValueError("unexpected layout of the .dynamic segment")
    shstr_off = dyn_off + len(dyn_data)
    new_shoff = _align(shstr_off + len(shstr_data), 8)

    out = bytearray(elf[:ro_off]) + new_pkg
    out += b"\0" * (dyn_off - len(out)) + dyn_data + shstr_data
    out += b"\0" * (new_shoff - len(out))
    # section headers
    ro[5] = len(new_pkg)
    eh = shdrs[idx[".eh_frame"]]
    eh[3], eh[4] = ro_addr + len(new_pkg), ro_end
    dyn[3], dyn[4] = dyn_addr, dyn_off
    shstr[4] = shstr_off
    for s in shdrs:
        out += struct.pack("<IIQQQQIIQQ", *s)
    struct.pack_into("<Q", out, 0x28, new_shoff)
    # program headers
    e_phoff = struct.unpack_from("<Q", elf, 0x20)[0]
    e_phentsize, e_phnum = struct.unpack_from("<HH", elf, 0x36)
    old_dyn_off = struct.unpack_from("<IIQQQQIIQQ", elf, _shoff + idx[".dynamic"] * shentsize)[4]
    for i in range(e_phnum):
        at = e_phoff + i * e_phentsize
        p_type, p_flags, p_off, p_vaddr, p_paddr, p_filesz, p_memsz, p_align = struct.unpack_from("<IIQQQQQQ", elf, at)
        if p_type == 1 and p_off == 0:  # the read-only segment ending with .rodata
            p_filesz = p_memsz = ro_end
        elif p_off == old_dyn_off:  # LOAD (rw), DYNAMIC and GNU_RELRO of .dynamic
            p_off, p_vaddr, p_paddr = dyn_off, dyn_addr, dyn_addr
        struct.pack_into("<IIQQQQQQ", out, at, p_type, p_flags, p_off, p_vaddr, p_paddr, p_filesz, p_memsz, p_align)
    # the data symbol's size
    sym = shdrs[idx[".dynsym"]]
    for off in range(sym[4], sym[4] + sym[5], 24):
        if struct.unpack_from("<Q", out, off + 8)[0] == ro_addr:
            struct.pack_into("<Q", out, off + 16, len(new_pkg))
    return bytes(out)


def main(argv: list[str]) -> int:
    src = Path(argv[1])
    dst = Path(argv[2]) if len(argv) > 2 else src
    before = src.read_bytes()
    after = slim_library(before)
    dst.write_bytes(after)
    print(f"{src.name}: {len(before) / 1e6:.1f} MB -> {len(after) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
