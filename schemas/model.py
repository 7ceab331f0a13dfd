"""The workbook model: what every rule family reads, built once per lint by the engine.

Each checked sheet's applicant rows as text (SheetInput: every cell's text made once, with its original
kind kept aside), the snapshot and status of the template, the filing date and the language. The rule
families (cell table, applicant frame) read it; none of them calls back into the engine.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .snapshot import Snapshot, Status
from .template_schema import SheetInput


@dataclass
class WorkbookModel:
    snap: Snapshot
    status: Status | None
    options: object                      # linter.engine.Options: `on` (the filing date), `lang`
    applicant_rows: list[int] = field(default_factory=list)
    inputs: dict[str, SheetInput] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return getattr(self.options, "lang", "ja")

    def label(self, sheet: str, col: str) -> str:
        """The field's 論理項目名 (row 5) of the snapshot, or the column letter."""
        return self.snap.headers.get(sheet, {}).get(col, col)


@dataclass
class Violation:
    """One failed check, before it is a Finding: the rule, the place and the message parameters."""
    code: str
    sheet: str | None
    row: int | None
    col: str | None
    label: str | None
    params: dict
