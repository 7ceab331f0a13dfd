"""The add-in's 「修正」 and 「元に戻す」 (xl_addin.fixing) on real xlwings Book objects, without Excel:
the openpyxl engine (the book is saved and inspected) and the remote engine (Office.js payload in, actions out);
and the desktop add-ins that carry the two buttons."""
from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")   # xlwings PRO, non-commercial use (our own tests)

import copy
import datetime as dt
import zipfile

import openpyxl
import pytest
import xlwings as xw
from defusedxml import ElementTree as ET

from conftest import SSW, golden_rows
from linter.engine import lint_path
from linter import result_sheet as L
from xl_addin import RESULT_SHEET
from xl_addin import build as B
from xl_addin.fixing import FIX_SHEET, decode, encode, fix_in_place, undo_fixes
from devtools.openpyxl_engine import officejs_payload, open_book

COMMON = "申請情報入力(在留資格変更許可申請)"
KUBUN = "申請情報入力(区分V)"
ON = dt.date(2026, 6, 1)


def fixable_rows() -> dict:
    rows = copy.deepcopy(golden_rows("henkou_v_clean"))
    rows[COMMON][0]["C"] = "1998/05/12"               # a date with slashes: 19980512
    rows[COMMON][1]["J"] = "160-0023"                 # a postal code with a hyphen
    rows[COMMON][1]["Q"] = 12345678                   # a passport number stored as a number
    rows[COMMON][0]["E"] = "男"                        # not mechanical: stays
    return rows


@pytest.fixture
def book_path(make_workbook):
    return make_workbook("henkou", fixable_rows(), SSW, name="fixme.xlsx")


def values_of(path) -> dict:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets
            if ws.title not in (RESULT_SHEET, FIX_SHEET)}


def test_typed_record_round_trip():
    for v in (None, "0123", "男", 7052881793.0, 12.5, True, dt.datetime(2027, 1, 28)):
        assert decode(encode(v)) == (None if v is None else v)


def test_fix_confirm_record_recheck_and_undo(book_path, tmp_path):
    before = lint_path(book_path)
    fixable = {(f.sheet, f.cell) for f in before.findings if f.fix is not None and f.fix.safe}
    assert fixable == {(COMMON, "C8"), (COMMON, "J9"), (COMMON, "Q9")}
    book = open_book(book_path)
    seen = len(book.app.impl.alerts)      # the test engine's app (and its alert list) is shared by the tests
    n = fix_in_place(book, on=ON)
    assert n == 3
    confirm = book.app.impl.alerts[seen]
    assert confirm["buttons"] == "ok_cancel" and "3 件のセルを修正します" in confirm["prompt"]
    fixed = tmp_path / "fixed.xlsx"
    book.save(fixed)
    wb = openpyxl.load_workbook(fixed)
    ws = wb[COMMON]
    assert (ws["C8"].value, ws["J9"].value, ws["Q9"].value) == ("19980512", "1600023", "12345678")
    assert ws["E8"].value == "男"
    log = list(wb[FIX_SHEET].iter_rows(values_only=True))
    assert log[0][:6] == ("No.", "シート", "セル", "項目", "修正前", "修正後")
    recs = {(r[1], r[2]): r for r in log[1:]}
    assert set(recs) == fixable
    assert recs[(COMMON, "Q9")][4] == "12345678" and recs[(COMMON, "Q9")][9] == "n:12345678.0"
    assert recs[(COMMON, "J9")][9] == "s:160-0023" and recs[(COMMON, "C8")][8] == "修正済み"
    # checked again: the result sheet lists what is left (E8), not the fixed cells
    results = list(wb[RESULT_SHEET].iter_rows(values_only=True))[L.FIRST_ROW - 1:]
    cells = {str(r[L.CELL]) for r in results}
    assert any("E8" in c for c in cells) and not any(x in c for c in cells for x in ('"C8"', '"J9"', '"Q9"'))
    after = lint_path(fixed)
    assert not fixable & {(f.sheet, f.cell) for f in after.findings}

    # 「元に戻す」: the values come back exactly (types included), the record says so, checked again
    wb[COMMON]["J9"] = "1600099"          # the user changed one cell after the fix: it stays
    wb.save(fixed)
    book = open_book(fixed)
    restored, kept = undo_fixes(book, on=ON)
    assert restored == 2 and kept == [f"{COMMON}!J9"]
    undone = tmp_path / "undone.xlsx"
    book.save(undone)
    wb2 = openpyxl.load_workbook(undone)
    assert wb2[COMMON]["C8"].value == "1998/05/12" and wb2[COMMON]["Q9"].value == 12345678
    assert wb2[COMMON]["J9"].value == "1600099"
    states = {(r[1], r[2]): r[8] for r in list(wb2[FIX_SHEET].iter_rows(values_only=True))[1:]}
    assert states == {(COMMON, "C8"): "元に戻した", (COMMON, "Q9"): "元に戻した", (COMMON, "J9"): "修正済み"}
    assert "2 件のセルを修正前に戻し" in book.app.impl.alerts[-1]["prompt"]


def test_undo_restores_every_value(book_path, tmp_path):
    book = open_book(book_path)
    fix_in_place(book, on=ON)
    fixed = tmp_path / "f.xlsx"
    book.save(fixed)
    book = open_book(fixed)
    undo_fixes(book, on=ON)
    back = tmp_path / "b.xlsx"
    book.save(back)
    assert values_of(back) == values_of(book_path)
    # a second undo finds nothing left to undo and changes nothing
    book = open_book(back)
    assert undo_fixes(book, on=ON) == (0, [])


def test_cancel_changes_nothing(book_path, tmp_path, monkeypatch):
    book = open_book(book_path)
    monkeypatch.setattr(type(book.app.impl), "alert", lambda self, *a, **k: "cancel")
    assert fix_in_place(book, on=ON) == 0
    out = tmp_path / "c.xlsx"
    book.save(out)
    assert values_of(out) == values_of(book_path)
    assert FIX_SHEET not in openpyxl.load_workbook(out).sheetnames


def test_nothing_to_fix(make_workbook):
    book = open_book(make_workbook("henkou", golden_rows("henkou_v_clean"), SSW, name="clean.xlsx"))
    assert fix_in_place(book, on=ON) == 0
    assert "自動で直せる項目はありません" in book.app.impl.alerts[-1]["prompt"]


# -- the remote engine (Excel on the web): confirmation by callback, then the actions -------------------------
def _actions(book, func):
    return [a for a in book.impl.json()["actions"] if a["func"] == func]


def test_remote_fix_asks_then_writes(remote, book_path):
    payload = officejs_payload(book_path)
    book = xw.Book(json=payload)
    assert fix_in_place(book, on=ON) == 0
    acts = book.impl.json()["actions"]
    assert [a["func"] for a in acts] == ["alert"]
    assert acts[0]["args"][2] == "ok_cancel" and acts[0]["args"][4] == "zairyuFixConfirmed"
    assert "3 件のセルを修正します" in acts[0]["args"][0]

    book = xw.Book(json=payload)
    assert fix_in_place(book, on=ON, confirmed=True) == 3
    pos = [s["name"] for s in payload["sheets"]].index(COMMON)
    written = {(a["start_row"] + 1, a["start_column"] + 1): a["values"] for a in _actions(book, "setValues")
               if a["sheet_position"] == pos}
    assert written == {(8, 3): [["19980512"]], (9, 10): [["1600023"]], (9, 17): [["12345678"]]}
    assert [a["args"][1] for a in _actions(book, "addSheet")] == [FIX_SHEET, RESULT_SHEET]
    assert "3 件のセルを修正し" in _actions(book, "alert")[-1]["args"][0]


def test_remote_undo_writes_old_values(remote, book_path, tmp_path):
    book = open_book(book_path)
    fix_in_place(book, on=ON)
    fixed = tmp_path / "fixed.xlsx"
    book.save(fixed)
    payload = officejs_payload(fixed)
    rb = xw.Book(json=payload)
    restored, kept = undo_fixes(rb, on=ON)
    assert restored == 3 and kept == []
    pos = [s["name"] for s in payload["sheets"]].index(COMMON)
    written = {(a["start_row"] + 1, a["start_column"] + 1): a["values"] for a in _actions(rb, "setValues")
               if a["sheet_position"] == pos}
    assert written == {(8, 3): [["1998/05/12"]], (9, 10): [["160-0023"]], (9, 17): [[12345678]]}


# -- the desktop add-ins carry the buttons ------------------------------------------------------------------
def test_build_has_fix_and_undo_buttons(tmp_path):
    B.build_addin(tmp_path)
    ns = {"c": "http://schemas.microsoft.com/office/2006/01/customui"}
    labels = {}
    for name in (B.ADDIN_NAME, *(B.ADDIN_NAME + b.suffix for b in B.COMPANIONS)):
        with zipfile.ZipFile(tmp_path / f"{name}.xlam") as z:
            ui = ET.fromstring(z.read(B.CUSTOM_UI_PATH))
        tab = ui.find(".//c:tab", ns)
        assert tab.get("idQ") == "z:zairyuTab" and tab.get("label") == "在留申請チェック"   # one shared tab
        for b in ui.iterfind(".//c:button", ns):
            assert b.get("onAction") == B.RIBBON_MACRO
            labels[b.get("label")] = name
        module = (tmp_path / f"{name}.py").read_text(encoding="utf-8")
        compile(module, f"{name}.py", "exec")
    assert labels == {"チェック": "zairyu_check", "修正": "zairyu_check_fix", "元に戻す": "zairyu_check_undo",
                      "アップロードファイル出力": "zairyu_check_export"}
    assert "fix_in_place(xw.Book.caller())" in (tmp_path / "zairyu_check_fix.py").read_text(encoding="utf-8")
    assert "undo_fixes(xw.Book.caller())" in (tmp_path / "zairyu_check_undo.py").read_text(encoding="utf-8")
    done = B.install_addin(tmp_path / f"{B.ADDIN_NAME}.xlam", platform="win32", home=tmp_path / "home",
                           interpreter="/py", env={"APPDATA": str(tmp_path / "home" / "AppData")})
    assert {p.name for p in done.addin.parent.iterdir()} == {f"{n}.xlam" for n in labels.values()}
