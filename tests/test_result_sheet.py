"""The review copy and the add-in write one result-sheet layout (linter.result_sheet), so the add-in's check on a
review copy made by `zairyu-lint annotate` takes the copy's marks away as if they were its own: the fills and notes
of cells the current check no longer flags go, the user's own fill comes back, and the result sheet is the add-in's.

The copy is made of a sample workbook on one day and checked in the add-in months later, when some of the
「在留期間の満了日」 warnings (ZL502, relative to the day of the check) no longer apply."""
from __future__ import annotations

import datetime as dt
import os
import shutil

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")   # xlwings PRO, non-commercial use (our own tests)
import xlwings as xw  # noqa: E402
from conftest import REPO  # noqa: E402
from devtools.openpyxl_engine import officejs_payload, open_book
from linter import result_sheet as L
from linter.cli import main
from linter.engine import Options, lint_path
from xl_addin import ERROR_FILL, WARNING_FILL, highlight

MISTAKES = REPO / "sample_workbooks" / "koushin_ssw_mistakes.xlsx"
COMMON = "申請情報入力(在留期間更新許可申請)"
MADE, CHECKED = "2026-05-01", dt.date(2026, 11, 1)      # the copy's day, the add-in's day
GREEN, BLUE = "FF92D050", "FF00B0F0"
PAINT = {"FF%02X%02X%02X" % ERROR_FILL, "FF%02X%02X%02X" % WARNING_FILL}


def fill_of(ws, addr):
    f = ws[addr].fill
    return f.fgColor.rgb if f is not None and f.fill_type == "solid" else None


def records(path) -> list[L.Record]:
    ws = openpyxl.load_workbook(path)[L.RESULT_SHEET]
    return L.read_records(ws.iter_rows(min_row=L.FIRST_ROW, values_only=True))


@pytest.fixture(scope="module")
def review_copy(tmp_path_factory):
    """A review copy of the sample, where the user had filled T8 (flagged on MADE, not on CHECKED) green,
    and E20 (never flagged) blue with a note of their own."""
    d = tmp_path_factory.mktemp("review")
    src = d / "input.xlsx"
    shutil.copy(MISTAKES, src)
    wb = openpyxl.load_workbook(src)
    ws = wb[COMMON]
    ws["T8"].fill = PatternFill("solid", fgColor=GREEN)
    ws["E20"].fill = PatternFill("solid", fgColor=BLUE)
    ws["E20"].comment = Comment("自分のメモ", "user")
    wb.save(src)
    (d / "out").mkdir()
    res = CliRunner().invoke(main, ["annotate", str(src), "-o", str(d / "out"), "--on", MADE], catch_exceptions=False)
    assert res.exit_code in (0, 1), res.output
    return src, d / "out" / "input.xlsx"


def test_review_copy_records_what_it_painted(review_copy):
    src, copy = review_copy
    recs = {(r.sheet, r.address): r for r in records(copy)}
    flagged = {(f.sheet, f.cell) for f in lint_path(src, Options(on=dt.date.fromisoformat(MADE))).findings if f.cell}
    assert set(recs) == flagged and (COMMON, "T8") in recs
    assert recs[(COMMON, "T8")].prior == "#92D050"              # the user's fill, as the add-in records one
    assert all(r.note_added for r in recs.values())             # no flagged cell had a note before
    ws = openpyxl.load_workbook(copy)[L.RESULT_SHEET]
    assert [c.value for c in ws[L.HEADER_ROW]][:L.WIDTH] == L.header("ja")


def _check_after_highlight(copy, out, summary):
    before = {(r.sheet, r.address): r for r in records(copy)}
    now = {(f.sheet, f"{f.column}{f.row}") for f in summary.result.findings
           if f.severity in ("error", "warning") and f.column and f.row and 8 <= f.row <= 307}
    gone = set(before) - now
    assert (COMMON, "T8") in gone and (COMMON, "T9") in now       # ZL502 on T8 no longer applies on CHECKED
    wb = openpyxl.load_workbook(out)
    for sheet, addr in gone:                                      # no review-copy mark is left on them
        ws = wb[sheet]
        prior = before[(sheet, addr)].prior
        assert fill_of(ws, addr) == ("FF" + prior[1:] if prior else None), addr
        assert ws[addr].comment is None, addr
    assert fill_of(wb[COMMON], "T8") == GREEN                     # the user's green is back
    for sheet, addr in now:
        assert fill_of(wb[sheet], addr) in PAINT and "【" in wb[sheet][addr].comment.text
    assert fill_of(wb[COMMON], "E20") == BLUE and wb[COMMON]["E20"].comment.text.startswith("自分のメモ")
    # the result sheet is the add-in's: one sheet, its header, its own record (what it painted just now)
    assert wb.sheetnames.count(L.RESULT_SHEET) == 1 and not [n for n in wb.sheetnames if n.startswith(L.RESULT_SHEET + " (")]
    res = wb[L.RESULT_SHEET]
    assert [c.value for c in res[L.HEADER_ROW]] == L.header("ja")
    assert res.max_row == L.HEADER_ROW + len(summary.result.findings)
    mine = {(r.sheet, r.address): r for r in L.read_records(res.iter_rows(min_row=L.FIRST_ROW, values_only=True))}
    assert set(mine) == now
    # a cell flagged by both keeps the fill from before the review copy, not the copy's own paint
    assert all(mine[k].prior == before[k].prior for k in now & set(before))


def test_addin_removes_a_review_copys_marks(review_copy, tmp_path):
    src, copy = review_copy
    book = open_book(copy)
    summary = highlight(book, on=CHECKED, alert=False)
    out = tmp_path / "checked.xlsx"
    book.save(out)
    _check_after_highlight(copy, out, summary)

    def values(path):
        return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in openpyxl.load_workbook(path)
                if ws.title != L.RESULT_SHEET}
    assert values(out) == values(copy)                            # the cell values are not touched


def test_addin_on_the_web_removes_a_review_copys_marks(remote, review_copy):
    src, copy = review_copy
    payload = officejs_payload(copy)
    book = xw.Book(json=payload)
    summary = highlight(book, on=CHECKED, alert=False)
    before = {(r.sheet, r.address): r for r in records(copy)}
    now = {(f.sheet, f"{f.column}{f.row}") for f in summary.result.findings
           if f.severity in ("error", "warning") and f.column and f.row and 8 <= f.row <= 307}
    pos = [s["name"] for s in payload["sheets"]].index(COMMON)
    (paint,) = [a for a in book.impl.json()["actions"] if a["func"] == "setRangeColors" and a["sheet_position"] == pos]
    grid = paint["args"][0]

    def at(addr):
        col = openpyxl.utils.column_index_from_string(addr.rstrip("0123456789"))
        return grid[int(addr.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - 1 - paint["start_row"]][col - 1 - paint["start_column"]]
    gone = {a for s, a in set(before) - now if s == COMMON}
    assert "T8" in gone and at("T8").upper() == "#92D050"
    assert all((at(a) or "").upper() == before[(COMMON, a)].prior for a in gone)
    deleted = {x["args"][0].replace("$", "") for x in book.impl.json()["actions"]
               if x["func"] == "deleteNote" and x["sheet_position"] == pos}
    assert deleted >= gone


