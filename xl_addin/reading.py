"""Read an open xlwings Book into the engine's WorkbookData (only the sheets the engine asks for).

Values are read as Excel holds them (text cells as str, numbers as float, dates as datetime), the same
raw values python-calamine gives the command line, so the add-in and the CLI report the same findings.
"""
from __future__ import annotations

from linter.reader import READ_ROW_LIMIT
from linter.workbook import SheetGrid, WorkbookData


def _last_cell(sheet) -> tuple[int, int]:
    """(last row, last column), 1-based, of the sheet's used range."""
    used = sheet.used_range
    nrows, ncols = used.shape
    return used.row + nrows - 1, used.column + ncols - 1


def read_sheet(sheet) -> SheetGrid:
    last_row, last_col = _last_cell(sheet)
    nrows = min(last_row, READ_ROW_LIMIT)
    if nrows <= 1 and last_col <= 1:
        value = sheet.range((1, 1)).value
        rows = [[value]]
    else:
        rows = sheet.range((1, 1), (nrows, max(last_col, 1))).options(ndim=2, empty=None).value
    rows = [list(r) for r in rows]
    return SheetGrid(name=sheet.name, rows=rows, visible=bool(sheet.visible),
                     total_rows=last_row if last_row > nrows else None)


def read_book(book) -> WorkbookData:
    sheets = {s.name: s for s in book.sheets}
    visible = {name: bool(s.visible) for name, s in sheets.items()}

    def load(name: str) -> SheetGrid:
        return read_sheet(sheets[name])

    return WorkbookData(path=book.fullname or book.name, sheet_names=list(sheets), visible=visible,
                        loader=load, has_definitions="列項目TBL" in sheets)
