"""Importing people, donations and resources from a clerk's spreadsheet: a preview, then an all-or-nothing commit.

``preview_import`` reads the whole file and checks every row with the register's own check function (the
same checks and messages as the forms) without writing anything or holding a lock, and the clerk sees every
problem of every row at once. ``commit_import`` reads the file again and checks every row again, still
without a lock, keeping the rows that pass in a temporary file; only then does it take the write lock and
write them, many chunks at a time with the register's bulk insert, in one transaction: if any of them is refused,
nothing at all is written. Colleagues are kept waiting for the writing alone, not for the checking.

Both stream the file, report ``progress(done, total)`` and honour ``cancel()``; memory stays bounded by
the problems found, not by the size of the file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from rfdesk.exchange import import_rules
from rfdesk.exchange.columns import FIELDS, REGISTER_LABELS, field_of, header_score, suggest_mapping
from rfdesk.exchange.import_report import SAMPLE_ROWS, ImportPreview, ImportRefused, ImportResult, Problem
from rfdesk.exchange.import_writing import CheckedRows, write_checked
from rfdesk.exchange.progress import CHECKING, CancelCheck, Cancelled, Progress, Stage, Ticker
from rfdesk.exchange.readers import cell_text, open_table
from rfdesk.services.bulk import ImportSource
from rfdesk.services.errors import RfdeskError, ValidationError

# A row with many bad cells is reported with its first few problems; enough to see what is wrong.
PROBLEMS_PER_ROW = 8


def _file_fingerprint(path: Path) -> tuple[int, str]:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return os.path.getsize(path), h.hexdigest()


def _resolve_mapping(headers: list[str], register: str, mapping: dict[Any, Any] | None) -> dict[int, str]:
    """Suggested column → field, overridden by the clerk's choices (by column index or header text)."""
    result = suggest_mapping(headers, register)
    if not mapping:
        return result
    known = {f.key for f in FIELDS[register]}
    for col_ref, key in mapping.items():
        if isinstance(col_ref, int):
            cols = [col_ref]
        else:
            cols = [i for i, h in enumerate(headers) if h == cell_text(col_ref)]
            if not cols:
                raise ValidationError("mapping", f"表中没有“{col_ref}”列", f"The file has no column “{col_ref}”")
        for col in cols:
            if not key:
                result.pop(col, None)
                continue
            if key not in known:
                raise ValidationError("mapping", f"未知字段“{key}”", f"Unknown field “{key}”")
            for other in [c for c, k in result.items() if k == key]:
                del result[other]
            result[col] = key
    return dict(sorted(result.items()))


def _check_register(register: str) -> None:
    if register not in FIELDS:
        raise ValidationError("register", f"不能导入“{register}”，可导入：人员、捐赠、战备资源",
                              f"Cannot import “{register}”; choose people, donations or resources")


def _check_required_columns(register: str, mapping: dict[int, str], headers: list[str]) -> None:
    present = set(mapping.values())
    for group in import_rules.REQUIRED_COLUMNS[register]:
        if not present & set(group):
            names = "或".join(f"“{field_of(register, k).zh}”" for k in group)
            found = "、".join(h for h in headers if h) or "（无）"
            raise ValidationError("mapping", f"表中没有{names}列（表头为：{found}），请在对应关系中指定",
                                  f"The file has no column for {' or '.join(group)}; map one in the dialog")


# Columns whose cells repeat down a list (units, genders, posts, dates, names): each distinct text is read
# once, up to this many per column. A cell's value depends on its text alone; ID numbers and phone numbers
# hardly ever repeat and are not remembered.
_REPEATING = {"text", "code", "organisation", "person", "person_name", "date", "money", "quantity", "integer"}
_SEEN_PER_COLUMN = 10_000
_UNSEEN = object()


class _RowReader:
    """Turns each spreadsheet row into the register's data, collecting problems per row."""

    def __init__(self, session: Session, register: str, mapping: dict[int, str]) -> None:
        self.session = session
        self.register = register
        self.fields: list[tuple[int, Any, dict[str, Any] | None]] = [
            (col, field_of(register, key), {} if field_of(register, key).kind in _REPEATING else None)
            for col, key in mapping.items()]
        self.rule = import_rules.RULES[register](session)

    def values(self, row: int, cells: list[Any]) -> tuple[dict[str, Any], list[Problem]]:
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        width = len(cells)
        for col, f, seen in self.fields:
            raw = cells[col] if col < width else None
            if seen is not None and type(raw) is str:
                known = seen.get(raw, _UNSEEN)
                if known is not _UNSEEN:
                    values[f.key] = known
                    continue
            try:
                values[f.key] = value = import_rules.read_value(f, raw)
            except RfdeskError as exc:
                problems.append(Problem(row, f.key, exc.zh, exc.en))
                continue
            if seen is not None and type(raw) is str and len(seen) < _SEEN_PER_COLUMN:
                seen[raw] = value
        return values, problems

    def data(self, row: int, values: dict[str, Any]) -> tuple[dict[str, Any] | None, list[Problem]]:
        """The data dict for the register's create function, or the problems that stop it."""
        try:
            data, issues = self.rule.prepare(values, row)
        except RfdeskError as exc:
            return None, [Problem(row, exc.field, exc.zh, exc.en)]
        if not issues:
            return data, []
        problems = [Problem(row, i.field, i.zh, i.en, i.kind) for i in issues]
        return (None if any(p.blocking for p in problems) else data), problems


def _rows(path: Path, register: str, header_row: int | None, sheet: str | None) -> Any:
    return open_table(path, header_score(register), header_row=header_row, sheet=sheet or None)


@dataclass(frozen=True)
class FileLayout:
    """What the mapping dialog shows before a preview: the header found, the suggested mapping, a few rows."""

    headers: list[str]
    header_row: int
    sheet_name: str
    encoding: str
    suggested: dict[int, str]
    first_rows: list[tuple[int, list[str]]]


def inspect_file(register: str, path: str | os.PathLike[str], *, header_row: int | None = None,
                 sheet: str | None = None, rows: int = 10) -> FileLayout:
    """Find the header of a file and suggest which column holds which field, reading only its first rows."""
    _check_register(register)
    with _rows(Path(path), register, header_row, sheet) as table:
        first: list[tuple[int, list[str]]] = []
        for number, cells in table.rows():
            first.append((number, [cell_text(c) for c in cells]))
            if len(first) >= rows:
                break
        return FileLayout(table.headers, table.header_row, table.sheet_name, table.encoding,
                          suggest_mapping(table.headers, register), first)


def preview_import(session: Session, register: str, path: str | os.PathLike[str],
                   mapping: dict[Any, Any] | None = None, progress: Progress | None = None,
                   cancel: CancelCheck | None = None, *, header_row: int | None = None,
                   sheet: str | None = None) -> ImportPreview:
    """Read ``path`` and report every row's problems without writing anything.

    Rows are checked in chunks by the register's own check function (the same checks and messages as the
    forms, writing nothing); an ID number twice in the file is caught by the rule. The preview reads
    through a session of its own and ends its read transaction after every chunk, so it never holds a
    lock: other clerks keep writing while a big file is checked. Refuses a file it cannot read, or one
    lacking a required column. Raises :class:`Cancelled` when ``cancel()`` turns true.
    """
    preview, _created = _scan(session, register, path, mapping, progress, cancel, header_row, sheet,
                              skip=set(), write=False, stage=None)
    return preview


def import_file(session: Session, register: str, path: str | os.PathLike[str], *,
                mapping: dict[Any, Any] | None = None, skip_rows: Iterable[int] = (),
                progress: Progress | None = None, cancel: CancelCheck | None = None,
                header_row: int | None = None, sheet: str | None = None,
                stage: Stage | None = None) -> tuple[ImportPreview, ImportResult]:
    """Preview and write in a single reading of the file (the command line's import).

    Every row is checked as in :func:`preview_import`, without a lock, and the rows that pass wait in a
    temporary file; only when no row outside ``skip_rows`` has a problem are they written, in ``session``
    under the write lock, all at once (see :func:`~rfdesk.exchange.import_writing.write_checked`). When any row outside ``skip_rows`` is
    bad, :class:`ImportRefused` (carrying the preview as ``.preview``) is raised and nothing is written.
    ``stage(zh, en, total)`` is told when the checking and when the writing begin; ``progress`` counts the rows
    read while checking, then the rows written.
    """
    skip = set(skip_rows)
    preview, created = _scan(session, register, path, mapping, progress, cancel, header_row, sheet,
                             skip=skip, write=True, stage=stage)
    return preview, ImportResult(register, created[0], len(preview.left_out),
                                 (created[1], created[2]) if created[0] else None)


# Rows checked (and written) together: one duplicate look-up and one INSERT per chunk.
CHUNK_ROWS = 500


class _Chunk:
    """Rows read and prepared, waiting to be checked by the register's bulk check.

    A row that continues the record of the row just above it (the next item of an in-kind donation, same
    receipt number) is merged into that record, so a chunk never ends inside a record. Rows the clerk leaves
    out are not added at all: the rows around them join as if they were not there.
    """

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.data: list[dict[str, Any]] = []
        self.problems: list[Problem] = []
        self.last_row, self.last_data_row = 0, -1

    def __len__(self) -> int:
        return len(self.rows)

    def add(self, reader: _RowReader, row: int, data: dict[str, Any] | None, problems: list[Problem],
            settle: Callable[[], None]) -> None:
        self.problems.extend(problems)
        joined = (data is not None and reader.rule.merges and self.data and self.last_data_row == self.last_row
                  and reader.rule.merge(self.data[-1], data))
        if data is not None and not joined:
            if len(self.data) >= CHUNK_ROWS:
                settle()  # checks the full chunk and empties it
            self.rows.append(row)
            self.data.append(data)
        if data is not None:
            self.last_data_row = row
        self.last_row = row

    def clear(self) -> None:
        self.rows, self.data, self.problems = [], [], []


def _check_chunk(reader: _RowReader, chunk: _Chunk) -> tuple[list[tuple[int, Any]], list[Problem]]:
    """(row, checked) of the rows that passed, and every problem of the chunk in file order."""
    passed: list[tuple[int, Any]] = []
    problems = list(chunk.problems)
    for row, result in zip(chunk.rows, reader.rule.check(chunk.data) if chunk.data else [], strict=True):
        if isinstance(result, RfdeskError):
            problems.append(Problem(row, result.field, result.zh, result.en))
        else:
            passed.append((row, result))
    problems.sort(key=lambda p: p.row)  # stable: each row's own problems keep their order
    return passed, problems


def _scan(session: Session, register: str, path: str | os.PathLike[str], mapping: dict[Any, Any] | None,
          progress: Progress | None, cancel: CancelCheck | None, header_row: int | None, sheet: str | None,
          *, skip: set[int], write: bool, stage: Stage | None) -> tuple[ImportPreview, tuple[int, int, int]]:
    """Check every row through a session of its own that ends its read transaction after every chunk (no
    lock held: other clerks keep writing); with ``write``, then write the rows that passed in ``session``
    if no row outside ``skip`` is bad, all or nothing."""
    _check_register(register)
    p = Path(path)
    reading = Session(bind=session.get_bind(), info=dict(session.info), expire_on_commit=False)
    checked: CheckedRows | None = None
    try:
        with _rows(p, register, header_row, sheet) as table:
            cols = _resolve_mapping(table.headers, register, mapping)
            _check_required_columns(register, cols, table.headers)
            size, digest = _file_fingerprint(p)
            preview = ImportPreview(register=register, path=p, headers=table.headers,
                                    header_row=table.header_row, mapping=cols, sheet_name=table.sheet_name,
                                    encoding=table.encoding, file_size=size, file_sha256=digest)
            reader = _RowReader(reading, register, cols)
            ticker = Ticker(progress, cancel, table.total_rows, stage=stage)
            if write:
                ticker.begin(CHECKING, table.total_rows)
            checked = CheckedRows(reader.rule, session) if write else None
            blocking = False
            chunk = _Chunk()

            def settle() -> None:
                nonlocal blocking
                passed, problems = _check_chunk(reader, chunk)
                preview.problems.extend(problems)
                blocking = blocking or any(pr.blocking and pr.row not in skip for pr in problems)
                if checked is not None and not blocking:
                    checked.add(passed)
                # Ends the read transaction, so no lock is held between chunks; unlike a rollback it
                # keeps the units and branches already loaded (the writing looks at them again).
                reading.commit()
                chunk.clear()

            for row, cells in table.rows():
                preview.rows_read += 1
                if row in skip:
                    preview.left_out.add(row)
                values, problems = reader.values(row, cells)
                if len(preview.sample) < SAMPLE_ROWS:
                    preview.sample.append((row, {k: _display(val) for k, val in values.items()}))
                if row in skip:
                    # Its cells' problems are reported; otherwise the row is as absent as in commit_import
                    # (an ID number in it is no duplicate of a later row, it joins no donation).
                    chunk.problems.extend(problems[:PROBLEMS_PER_ROW])
                    ticker.step()
                    continue
                data = None
                if not problems:
                    data, problems = reader.data(row, values)
                    for pr in problems:
                        if pr.kind == "missing_organisation":
                            preview.missing_organisations.setdefault(str(values.get(pr.field)), []).append(row)
                chunk.add(reader, row, data, problems[:PROBLEMS_PER_ROW], settle)
                ticker.step()
            settle()
        reading.close()
        if checked is None:
            ticker.finish()
            return preview, (0, 0, 0)
        if blocking:
            raise _refusal(preview, skip)
        ticker.finish()  # the whole file is checked: the clerk sees that part end before the writing begins
        created = write_checked(session, checked, ImportSource(p.name, digest), ticker)
        ticker.finish()
        return preview, created
    finally:
        reading.close()
        if checked is not None:
            checked.close()


def _refusal(preview: ImportPreview, skip: set[int]) -> ImportRefused:
    bad = [p for p in preview.problems if p.row not in skip and p.blocking]
    rows = sorted({p.row for p in bad})
    listed = "、".join(str(r) for r in rows[:10]) + ("等" if len(rows) > 10 else "")
    refused = ImportRefused(bad, f"第{listed}行有问题（共{len(rows)}行），请修改文件或跳过这些行；未导入任何数据",
                            f"{len(rows)} rows have problems; fix the file or skip them. Nothing was imported")
    refused.preview = preview
    return refused


def _display(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def commit_import(session: Session, preview: ImportPreview, skip_rows: Iterable[int] = (),
                  progress: Progress | None = None, cancel: CancelCheck | None = None,
                  stage: Stage | None = None) -> ImportResult:
    """Write every row of the previewed file except ``skip_rows``, all or nothing, in one transaction.

    The file is read and every row checked again without a lock; then the rows are written under the
    write lock (see :func:`~rfdesk.exchange.import_writing.write_checked`). Refuses (writing nothing) when a row that is not skipped had
    a problem in the preview — except an unknown organisation that has since been created — or is refused
    now, or when the file changed since the preview. Raises :class:`Cancelled` (nothing written) when
    ``cancel()`` turns true. ``stage(zh, en, total)`` is told when the checking and when the writing begin;
    ``progress`` counts the rows read while checking, then the rows written.
    """
    skip = set(skip_rows)
    still_bad = [p for p in preview.problems
                 if p.blocking and p.row not in skip and not _fixed_since(session, preview, p)]
    if still_bad:
        raise _refusal(preview, skip | {p.row for p in preview.problems if p not in still_bad})
    size, digest = _file_fingerprint(preview.path)
    if (size, digest) != (preview.file_size, preview.file_sha256):
        raise ValidationError("file", "文件在预览之后被修改过，请重新预览", "The file changed after the preview; preview again")
    reading = Session(bind=session.get_bind(), info=dict(session.info), expire_on_commit=False)
    checked: CheckedRows | None = None
    try:
        with _rows(preview.path, preview.register, preview.header_row, preview.sheet_name) as table:
            reader = _RowReader(reading, preview.register, preview.mapping)
            ticker = Ticker(progress, cancel, table.total_rows, stage=stage)
            ticker.begin(CHECKING, table.total_rows)
            checked = CheckedRows(reader.rule, session)
            skipped = 0
            chunk = _Chunk()

            def settle() -> None:
                assert checked is not None
                passed, problems = _check_chunk(reader, chunk)
                problems = [p for p in problems if p.blocking]
                if problems:
                    row = problems[0].row
                    raise ImportRefused([p for p in problems if p.row == row],
                                        f"第{row}行：{problems[0].zh}；未导入任何数据",
                                        f"Row {row}: {problems[0].en}; nothing was imported")
                checked.add(passed)
                # Ends the read transaction, so no lock is held between chunks; unlike a rollback it
                # keeps the units and branches already loaded (the writing looks at them again).
                reading.commit()
                chunk.clear()

            for row, cells in table.rows():
                ticker.step()
                if row in skip:
                    skipped += 1
                    continue
                values, problems = reader.values(row, cells)
                data = None
                if not problems:
                    data, problems = reader.data(row, values)
                chunk.add(reader, row, data, problems, settle)
                if any(p.blocking for p in problems):
                    settle()
            settle()
        reading.close()
        ticker.finish()
        created, first_id, last_id = write_checked(session, checked, ImportSource(preview.path.name, digest),
                                                    ticker)
        ticker.finish()
    finally:
        reading.close()
        if checked is not None:
            checked.close()
    ids = (first_id, last_id) if created else None
    return ImportResult(preview.register, created, skipped, ids)


def _fixed_since(session: Session, preview: ImportPreview, problem: Problem) -> bool:
    """An unknown organisation the clerk has created after the preview no longer stops its row."""
    if problem.kind != "missing_organisation":
        return False
    from rfdesk.services.organisations import find_organisation

    names = [n for n, rows in preview.missing_organisations.items() if problem.row in rows]
    return bool(names) and all(find_organisation(session, n) is not None for n in names)


def register_label(register: str) -> str:
    return REGISTER_LABELS.get(register, (register, register))[0]


__all__ = ["SAMPLE_ROWS", "Cancelled", "FileLayout", "ImportPreview", "ImportRefused", "ImportResult", "Problem",
           "commit_import", "import_file", "inspect_file", "preview_import"]
