"""The engine's view of a workbook: raw cell grids of the sheets it needs, from any reader.

Readers (python-calamine for files, xlwings for the open book in Excel) fill this; the engine
never touches a file or Excel itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass
class SheetGrid:
    name: str
    rows: list[list]            # raw values; rows[0] is Excel row 1, rows[r][0] is column A
    visible: bool = True
    total_rows: int | None = None   # rows in the sheet's used range when more than were read

    def value(self, row: int, col: int):
        """Raw value at 1-based row, 0-based column (None when outside)."""
        if row - 1 < len(self.rows):
            r = self.rows[row - 1]
            if col < len(r):
                return r[col]
        return None


@dataclass
class WorkbookData:
    path: str
    sheet_names: list[str]
    visible: dict[str, bool]
    # loads a sheet on demand (readers decide how); results are cached in `grids`
    loader: Callable[[str], SheetGrid] | None = None
    grids: dict[str, SheetGrid] = field(default_factory=dict)
    has_definitions: bool = False     # holds the hidden 列項目TBL (a full official workbook)

    def sheet(self, name: str) -> SheetGrid | None:
        if name not in self.grids:
            if name not in self.sheet_names or self.loader is None:
                return None
            self.grids[name] = self.loader(name)
        return self.grids[name]
