"""Write "bare" template workbooks (only the input sheets, with the template's header rows) from a snapshot.

Used for the bundled samples and the tests: the project makes its own workbooks from the snapshot's
facts and never copies an official file.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import PatternFill

from schemas.cells import col_index
from linter.atomic import atomic_output
from schemas.snapshot import FIRST_ROW, LABEL_ROW, SIMULTANEOUS_SHEET, Snapshot

TEXT_FORMAT = "@"


def write_bare_workbook(snap: Snapshot, path: str | Path, rows: dict[str, list[dict[str, object]]],
                        status_label: str | None = None, with_menu: bool = True) -> Path:
    """Write sheets with row-5 labels and `rows` ({sheet: [{col: value}], first = row 8}).

    Strings are written as text cells (the template's input cells are Text-formatted); numbers,
    dates and other values keep their type, which is how tests reproduce what Excel does to data.
    """
    path = Path(path)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if with_menu:
        menu = wb.create_sheet("メニュー")
        menu["B1"] = snap.banner
        menu["B4"], menu["B6"] = "在留資格", "主たる活動内容"
        if status_label:
            menu["D15"] = status_label
    sheets = [snap.common_sheet]
    status = snap.status_by_label(status_label) if status_label else None
    if status is not None:
        sheets.append(status.sheet)
    if snap.simultaneous_checked:
        sheets.append(SIMULTANEOUS_SHEET)
    sheets += [s for s in rows if s not in sheets]
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    for name in sheets:
        ws = wb.create_sheet(name)
        ws["B1"] = name
        ws["A5"] = "論理項目名"
        for col, label in snap.headers.get(name, {}).items():
            c = ws.cell(LABEL_ROW, col_index(col) + 1, label)
            c.fill = head_fill
        for i, row in enumerate(rows.get(name, [])):
            for col, value in row.items():
                cell = ws.cell(FIRST_ROW + i, col_index(col) + 1, value)
                if isinstance(value, str):
                    cell.number_format = TEXT_FORMAT
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(path) as tmp:
        wb.save(tmp)
    return path
