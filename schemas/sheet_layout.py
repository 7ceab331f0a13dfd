"""The file's layout as the "file" rules see it (ZL004-ZL007, ZL009, ZL010): a read-only view the engine fills.

A layout rule is one unit (schemas/rules/zlNNN_*.py) whose `check(layout: SheetLayout) -> [Violation]` reads
the checked sheets as the reader gave them (rows of raw values), the snapshot and the status. The engine
needs some of the same facts for its own steps (the applicant rows, the sheets whose labels moved), so they
are made here once, on first use, and both read them: only the findings live in the units.

Nothing here knows the reader or the engine: a grid is anything with `name`, `rows` and `total_rows`
(linter.workbook.SheetGrid), and sheets outside the checked ones are loaded through the function given.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Mapping, Protocol, Sequence

from .cells import cell_text, col_index, col_letter
from .snapshot import FIRST_ROW, LABEL_ROW, Snapshot, Status


class Grid(Protocol):
    """One sheet as read: rows[0] is Excel row 1, rows[r][0] is column A (linter.workbook.SheetGrid)."""
    name: str
    rows: list[list]
    total_rows: int | None    # rows in the sheet's used range when more than were read


def row_filled(row: Sequence) -> bool:
    """A row holds data: some cell after column A has text."""
    return any(cell_text(v) != "" for v in row[1:])


def filled_rows(grid: Grid) -> list[int]:
    """The Excel rows from the first data row on that hold data."""
    return [r for r in range(FIRST_ROW, len(grid.rows) + 1) if row_filled(grid.rows[r - 1])]


def grid_has_data(grid: Grid | None) -> bool:
    if grid is None:
        return False
    return any(row_filled(r) for r in grid.rows[FIRST_ROW - 1:])


def row_labels(grid: Grid, r: int) -> dict[str, str]:
    """The non-empty texts of Excel row r after column A, by column letter."""
    row = grid.rows[r - 1] if len(grid.rows) >= r else []
    return {col_letter(i): cell_text(v) for i, v in enumerate(row) if i > 0 and cell_text(v)}


@dataclass(frozen=True)
class LabelShift:
    """The first column whose row-5 label is not the snapshot's, and the row the expected labels are on (if any)."""
    col: str
    found: str
    expected: str
    moved_to: int | None


def label_shift(expected: Mapping[str, str], grid: Grid) -> LabelShift | None:
    found = row_labels(grid, LABEL_ROW)
    for c in sorted(set(expected) | set(found), key=col_index):
        if expected.get(c, "") != found.get(c, ""):
            moved_to = next((r for r in range(1, FIRST_ROW + 3) if r != LABEL_ROW and row_labels(grid, r) == expected),
                            None)
            return LabelShift(c, found.get(c, ""), expected.get(c, ""), moved_to)
    return None


class SheetLayout:
    """The sheets of one workbook as the layout rules read them; filled once by the engine per lint.

    `grids`: the checked sheets that exist (the common sheet, the status's 区分 sheet, 同時申請), in that order.
    `sheet_names` / `visible`: every sheet of the workbook; `has_data(name)` loads one on demand."""

    def __init__(self, snap: Snapshot, status: Status | None, grids: Mapping[str, Grid],
                 sheet_names: Sequence[str], visible: Mapping[str, bool], load: Callable[[str], Grid | None]):
        self.snap, self.status = snap, status
        self.grids = MappingProxyType(dict(grids))
        self.sheet_names = tuple(sheet_names)
        self.visible = MappingProxyType(dict(visible))
        self._load = load
        self._filled: dict[str, list[int]] | None = None
        self._shift: dict[str, LabelShift | None] = {}

    @property
    def common(self) -> str:
        return self.snap.common_sheet

    def has_data(self, name: str) -> bool:
        """Some row from the first data row on of sheet `name` holds data (False when there is no such sheet)."""
        return grid_has_data(self._load(name))

    @property
    def filled(self) -> Mapping[str, list[int]]:
        """The rows holding data on each checked sheet (made once)."""
        if self._filled is None:
            self._filled = {s: filled_rows(g) for s, g in self.grids.items()}
        return MappingProxyType(self._filled)

    @property
    def applicant_rows(self) -> list[int]:
        """The applicants: the filled rows of the common sheet (the engine checks these; a new list each call)."""
        return list(self.filled.get(self.common, []))

    def shift(self, sheet: str) -> LabelShift | None:
        """Where the row-5 labels of a checked sheet leave the snapshot's (made once per sheet)."""
        if sheet not in self._shift:
            self._shift[sheet] = label_shift(self.snap.headers.get(sheet, {}), self.grids[sheet])
        return self._shift[sheet]
