"""What an import found and did: the problems of each row, the preview, the result, the refusal."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rfdesk.services.errors import ValidationError

SAMPLE_ROWS = 200


@dataclass(frozen=True)
class Problem:
    """Why one row cannot be imported. ``kind``: invalid, duplicate, missing_organisation, missing_place, or
    warning (shown to the clerk but not stopping the row, e.g. a donation that looks already recorded)."""

    row: int
    field: str
    zh: str
    en: str
    kind: str = "invalid"

    @property
    def blocking(self) -> bool:
        return self.kind != "warning"

    def line(self, lang: str = "zh") -> str:
        if lang.startswith("zh"):
            return f"第{self.row}行 {'（提醒）' if not self.blocking else ''}{self.zh}"
        return f"Row {self.row}: {'(warning) ' if not self.blocking else ''}{self.en}"


@dataclass
class ImportPreview:
    """What importing a file would do; nothing has been written.

    ``mapping`` is column index → field key. ``problems`` lists every bad row's problems in file order;
    ``missing_organisations`` maps each organisation name that is not in the register to the rows naming it
    (the window offers to create them, then previews again). ``sample`` holds the first rows' values as
    text for display.
    """

    register: str
    path: Path
    headers: list[str]
    header_row: int
    mapping: dict[int, str]
    sheet_name: str = ""
    encoding: str = ""
    file_size: int = 0
    file_sha256: str = ""
    rows_read: int = 0
    problems: list[Problem] = field(default_factory=list)
    missing_organisations: dict[str, list[int]] = field(default_factory=dict)
    sample: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    left_out: set[int] = field(default_factory=set, repr=False)  # rows read that the clerk left out

    @property
    def bad_rows(self) -> set[int]:
        return {p.row for p in self.problems if p.blocking}

    @property
    def good_count(self) -> int:
        return self.rows_read - len(self.bad_rows)

    @property
    def ok(self) -> bool:
        return not self.bad_rows

    @property
    def duplicate_rows(self) -> set[int]:
        return {p.row for p in self.problems if p.kind == "duplicate"}

    @property
    def warning_rows(self) -> set[int]:
        return {p.row for p in self.problems if not p.blocking}

    @property
    def unmapped_headers(self) -> list[str]:
        return [h for i, h in enumerate(self.headers) if h and i not in self.mapping]

    def report_lines(self, lang: str = "zh") -> list[str]:
        return [p.line(lang) for p in self.problems]


@dataclass(frozen=True)
class ImportResult:
    register: str
    created: int
    skipped: int
    record_ids: tuple[int, int] | None  # first and last id written


class ImportRefused(ValidationError):
    """The commit found a bad row that was not left out: nothing was written."""

    def __init__(self, problems: list[Problem], zh: str, en: str) -> None:
        super().__init__("import", zh, en)
        self.problems = problems
        self.preview: ImportPreview | None = None
