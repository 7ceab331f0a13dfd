"""The Excel add-in (xl_addin): highlight() on real xlwings Book/Sheet/Range objects, without Excel.

(a) the remote engine: xw.Book(json=payload) with an Office.js-shaped payload; we assert the actions.
(b) devtools.openpyxl_engine, registered in xw.engines: the painted workbook is saved and inspected.
Plus the .xlam build, install paths and a LibreOffice rendering.
"""
from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")   # xlwings PRO, non-commercial use (our own tests)

import copy
import re
import shutil
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from defusedxml import ElementTree as ET
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

import xlwings as xw
from conftest import SSW, addin_defect_rows, golden_rows, official, require_tool
from linter import result_sheet as L
from xl_addin import ERROR_FILL, RESULT_SHEET, WARNING_FILL, highlight
from xl_addin import build as B
from xl_addin.cli import addin
from devtools.openpyxl_engine import TESTED_XLWINGS, officejs_payload, open_book
from xl_addin.protection import ADMIN_ACCESS_PASSWORD, JS_REPROTECT, JS_UNPROTECT

COMMON = "申請情報入力(在留資格変更許可申請)"
KUBUN = "申請情報入力(区分V)"
RED, YELLOW = "FF%02X%02X%02X" % ERROR_FILL, "FF%02X%02X%02X" % WARNING_FILL


def test_pinned_xlwings_version():
    # the openpyxl engine and the remote action format are internal to xlwings: keep the pin in step
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"xlwings=={TESTED_XLWINGS}"' in pyproject
    assert xw.__version__ == TESTED_XLWINGS





@pytest.fixture
def bad_book(make_workbook):
    return make_workbook("henkou", addin_defect_rows(), SSW, name="bad.xlsx")


def fill_of(ws, addr):
    f = ws[addr].fill
    return f.fgColor.rgb if f is not None and f.fill_type == "solid" else None


def values_of(path) -> dict:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets
            if ws.title != RESULT_SHEET}


# -- (b) the openpyxl engine: paint, save, inspect -------------------------------------------------------------
def test_paints_notes_result_sheet_and_summary(bad_book, tmp_path):
    book = open_book(bad_book)
    summary = highlight(book)
    out = tmp_path / "painted.xlsx"
    book.save(out)

    wb = openpyxl.load_workbook(out)
    ws = wb[COMMON]
    assert fill_of(ws, "C8") == RED and fill_of(ws, "J9") == RED and fill_of(ws, "Q9") == YELLOW
    assert fill_of(ws, "D8") is None and fill_of(ws, "C9") is None
    assert "生年月日" in ws["C8"].comment.text and "ZL102" in ws["C8"].comment.text
    assert "【警告】" in ws["Q9"].comment.text
    assert ws["D8"].comment is None

    res = wb[RESULT_SHEET]
    rows = list(res.iter_rows(values_only=True))
    findings = summary.result.findings
    assert len(rows) == L.HEADER_ROW + len(findings)
    assert list(rows[L.HEADER_ROW - 1]) == L.header("ja")
    first = rows[L.FIRST_ROW - 1]
    assert first[L.SHEET] == COMMON and first[L.CELL] == f"=HYPERLINK(\"#'{COMMON}'!C8\",\"C8\")"
    assert res.cell(L.FIRST_ROW, L.SEVERITY + 1).fill.fgColor.rgb == RED
    assert str(rows[L.VERDICT_ROW - 1][0]).startswith("2人中 ")       # the verdict line, as in a review copy
    by_sheet = Counter(r[L.SHEET] for r in rows[L.FIRST_ROW - 1:])
    assert by_sheet == Counter(f.sheet or "" for f in findings)
    n_err = sum(1 for f in findings if f.sheet == COMMON and f.severity == "error")
    n_warn = sum(1 for f in findings if f.sheet == COMMON and f.severity == "warning")
    assert n_err >= 4 and n_warn >= 1

    alert = book.app.impl.alerts[-1]
    assert alert["title"] == "在留申請チェック"
    assert f"{COMMON}: エラー {n_err}、警告 {n_warn}" in alert["prompt"]
    assert "チェック結果" in alert["prompt"]
    # values of the input sheets are never changed
    assert values_of(out) == values_of(bad_book)


def test_english_messages(bad_book):
    book = open_book(bad_book)
    highlight(book, lang="en")
    note = book.sheets[COMMON]["C8"].note.text
    assert "【error】" in note and "生年月日" in note
    assert "errors" in book.app.impl.alerts[-1]["prompt"]


def test_rerun_removes_only_what_the_previous_run_added(bad_book, tmp_path):
    # the user's own fill and note: one on a cell that stays clean, one on a cell the check will flag
    wb = openpyxl.load_workbook(bad_book)
    ws = wb[COMMON]
    ws["E8"].fill = PatternFill("solid", fgColor="FF00B0F0")
    ws["E8"].comment = Comment("自分のメモ", "user")
    ws["C8"].fill = PatternFill("solid", fgColor="FF92D050")   # green by the user, then flagged
    ws["B20"].fill = PatternFill("solid", fgColor="FF00B0F0")
    wb.save(bad_book)
    first = tmp_path / "first.xlsx"
    book = open_book(bad_book)
    highlight(book)
    book.save(first)

    # the user fixes C8 and J9, then checks again
    wb = openpyxl.load_workbook(first)
    wb[COMMON]["C8"] = "19980512"
    wb[COMMON]["J9"] = "1600023"
    wb.save(first)
    second = tmp_path / "second.xlsx"
    book = open_book(first)
    s2 = highlight(book)
    book.save(second)

    wb = openpyxl.load_workbook(second)
    ws = wb[COMMON]
    assert fill_of(ws, "C8") == "FF92D050"          # the user's green is back
    assert fill_of(ws, "J9") is None and ws["J9"].comment is None and ws["C8"].comment is None
    assert fill_of(ws, "Q9") == YELLOW and ws["Q9"].comment is not None
    assert fill_of(ws, "E8") == "FF00B0F0" and ws["E8"].comment.text.startswith("自分のメモ")
    assert fill_of(ws, "B20") == "FF00B0F0"
    assert wb.sheetnames.count(RESULT_SHEET) == 1
    assert len(list(wb[RESULT_SHEET].iter_rows())) == L.HEADER_ROW + len(s2.result.findings)
    assert values_of(second) == values_of(first)

    # a third run on an unchanged book gives the same picture
    third = tmp_path / "third.xlsx"
    book = open_book(second)
    highlight(book)
    book.save(third)
    wb3 = openpyxl.load_workbook(third)
    for addr in ("C8", "J9", "Q9", "E8", "B20"):
        assert fill_of(wb3[COMMON], addr) == fill_of(ws, addr)
        assert bool(wb3[COMMON][addr].comment) == bool(ws[addr].comment)


def _official_protection() -> tuple[dict, dict]:
    """The protection attributes of the official workbook's input sheet and workbook (read from its XML)."""
    path = official("henkou")
    with zipfile.ZipFile(path) as z:
        wbxml = z.read("xl/workbook.xml").decode("utf-8")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
        rid = re.search(r'<sheet name="' + re.escape(COMMON) + r'"[^>]*r:id="(rId\d+)"', wbxml).group(1)
        target = re.search(r'Id="' + rid + r'"[^>]*Target="([^"]+)"', rels) or \
            re.search(r'Target="([^"]+)"[^>]*Id="' + rid + r'"', rels)
        sheet_xml = z.read("xl/" + target.group(1).lstrip("/").replace("xl/", "")).decode("utf-8")
    sp = re.search(r"<sheetProtection ([^>]*)/>", sheet_xml).group(1)
    wp = re.search(r"<workbookProtection ([^>]*)/>", wbxml).group(1)
    attrs = lambda s: dict(re.findall(r'(\w+)="([^"]*)"', s))  # noqa: E731
    return attrs(sp), attrs(wp)


def test_protected_like_the_official_workbook(bad_book, tmp_path):
    sheet_attrs, book_attrs = _official_protection()
    wb = openpyxl.load_workbook(bad_book)
    for name in (COMMON, KUBUN):
        p = wb[name].protection
        p.sheet = True
        for k in ("algorithmName", "hashValue", "saltValue", "spinCount"):
            setattr(p, k, sheet_attrs[k])
        p.formatCells = True   # formatting not allowed while protected (openpyxl: True = locked)
    from openpyxl.workbook.protection import WorkbookProtection
    wb.security = WorkbookProtection(lockStructure=True, workbookAlgorithmName=book_attrs.get("workbookAlgorithmName"),
                                     workbookHashValue=book_attrs.get("workbookHashValue"),
                                     workbookSaltValue=book_attrs.get("workbookSaltValue"),
                                     workbookSpinCount=book_attrs.get("workbookSpinCount"))
    wb.save(bad_book)
    before = {n: dict(wb[n].protection) for n in (COMMON, KUBUN)}

    seen = []
    from devtools import openpyxl_engine as OE
    orig = OE.Range.set_colors

    def spy(self, colors):
        seen.append((self.sheet.name, bool(self.sheet.api.protection.sheet)))
        return orig(self, colors)
    OE.Range.set_colors = spy
    try:
        book = open_book(bad_book)
        highlight(book)
    finally:
        OE.Range.set_colors = orig
    out = tmp_path / "out.xlsx"
    book.save(out)
    assert seen and all(not protected for name, protected in seen if name != RESULT_SHEET)
    wb2 = openpyxl.load_workbook(out)
    for n in (COMMON, KUBUN):
        assert dict(wb2[n].protection) == before[n]
    assert wb2.security.lockStructure and wb2.security.workbookHashValue == book_attrs.get("workbookHashValue")
    assert fill_of(wb2[COMMON], "C8") == RED
    assert ADMIN_ACCESS_PASSWORD == "Ras@Ex01"


def test_300_applicants_500_findings_paints_in_bulk(make_workbook, monkeypatch):
    """Painting cost only: the engine is stubbed with 500 findings on a 300-applicant workbook
    (the engine's own speed is tested with the engine)."""
    clean = golden_rows("henkou_v_clean")
    rows = {s: [copy.deepcopy(r[i % len(r)]) for i in range(300)] for s, r in clean.items()}
    path = make_workbook("henkou", rows, SSW, name="big.xlsx")
    from linter.findings import FileResult, Finding
    from xl_addin import painting as H
    cols = ["B", "C", "D", "J", "Q", "S", "AA", "AM"]
    findings = [Finding("ZL102" if i % 3 else "ZL601", "error" if i % 3 else "warning", COMMON,
                        f"{cols[i % len(cols)]}{8 + (i * 7) % 300}", 8 + (i * 7) % 300, cols[i % len(cols)],
                        "項目", f"メッセージ {i}") for i in range(450)]
    findings += [Finding("ZL210", "error", KUBUN, f"EK{8 + i}", 8 + i, "EK", "法人番号", "x") for i in range(50)]
    monkeypatch.setattr(H, "lint_workbook", lambda wb, opts: FileResult(wb.path, None, 300, findings))
    calls = []
    from devtools import openpyxl_engine as OE
    orig = OE.Range.set_colors
    monkeypatch.setattr(OE.Range, "set_colors", lambda self, c: (calls.append((self.sheet.name, self.shape)),
                                                                 orig(self, c))[1])
    book = open_book(path)
    t0 = time.perf_counter()
    summary = H.highlight(book, alert=False)
    elapsed = time.perf_counter() - t0
    painted = {(f.sheet, f.cell) for f in findings}
    assert summary.painted == len(painted)
    by_sheet = Counter(name for name, _ in calls if name != RESULT_SHEET)
    # one block per sheet area, split only where a block would pass xlwings' 10,000 cells per call
    assert by_sheet == {COMMON: 2, KUBUN: 1}
    assert all(r * c <= 10_000 for _, (r, c) in calls)
    assert elapsed < 10


# -- (a) the remote engine (Office.js payload in, actions out) ------------------------------------------------
def flagged(path, sheet) -> set[str]:
    """Addresses the engine flags (error/warning) in the data area of `sheet`, as $C$8."""
    from linter.engine import lint_path
    return {f"${f.column}${f.row}" for f in lint_path(path).findings
            if f.sheet == sheet and f.column and f.row and 8 <= f.row <= 307 and f.severity in ("error", "warning")}


def _actions(book, func):
    return [a for a in book.impl.json()["actions"] if a["func"] == func]


def test_remote_engine_actions(remote, bad_book):
    payload = officejs_payload(bad_book)
    book = xw.Book(json=payload)
    assert book.app.engine.name == "remote"
    highlight(book)
    acts = book.impl.json()["actions"]
    sheet_pos = [s["name"] for s in payload["sheets"]].index(COMMON)

    colors = [a for a in _actions(book, "setRangeColors") if a["sheet_position"] == sheet_pos]
    assert len(colors) == 1
    a = colors[0]
    grid = a["args"][0]
    cell = lambda r, c: grid[r - 1 - a["start_row"]][c - 1 - a["start_column"]]  # noqa: E731
    assert cell(8, 3) == "#ffc7ce" and cell(9, 10) == "#ffc7ce" and cell(9, 17) == "#ffeb9c"
    assert cell(8, 4) == "keep"
    notes = {x["args"][0]: x["args"][1] for x in _actions(book, "addNote") if x["sheet_position"] == sheet_pos}
    assert set(notes) == flagged(bad_book, COMMON) >= {"$C$8", "$J$9", "$Q$9"}
    assert "生年月日" in notes["$C$8"]
    # never a value written into an input sheet
    input_positions = {i for i, s in enumerate(payload["sheets"]) if s["name"].startswith("申請情報入力")}
    assert not [x for x in acts if x["func"] in ("setValues", "rangeClearContents") and
                x["sheet_position"] in input_positions]
    # the result sheet, then the message box
    assert _actions(book, "addSheet")[0]["args"][1] == RESULT_SHEET
    values = _actions(book, "setValues")[0]["values"]
    assert values[L.FIRST_ROW - 1][L.CELL].startswith("=HYPERLINK(")
    alert = _actions(book, "alert")[-1]
    assert alert["args"][1] == "在留申請チェック" and "エラー" in alert["args"][0]
    # every painted sheet is unprotected before and protected again after, in order
    macros = [x["args"][:2] for x in _actions(book, "runMacro")]
    assert [JS_UNPROTECT, COMMON] in macros and [JS_REPROTECT, COMMON] in macros
    i_un = acts.index(next(x for x in acts if x["func"] == "runMacro" and x["args"][:2] == [JS_UNPROTECT, COMMON]))
    i_re = acts.index(next(x for x in acts if x["func"] == "runMacro" and x["args"][:2] == [JS_REPROTECT, COMMON]))
    assert i_un < acts.index(a) < i_re


def test_remote_without_notes_api(remote, bad_book):
    book = xw.Book(json=officejs_payload(bad_book, notes_supported=False))
    summary = highlight(book)
    assert not _actions(book, "addNote") and not summary.notes_supported
    assert _actions(book, "setRangeColors")
    assert "ExcelApi 1.18" in _actions(book, "alert")[-1]["args"][0]


def test_remote_rerun_undoes_previous(remote, bad_book, tmp_path):
    book = open_book(bad_book)
    highlight(book)
    painted = tmp_path / "painted.xlsx"
    book.save(painted)
    wb = openpyxl.load_workbook(painted)
    wb[COMMON]["C8"] = "19980512"           # fixed by the user
    wb.save(painted)
    payload = officejs_payload(painted)
    rb = xw.Book(json=payload)
    highlight(rb)
    pos = [s["name"] for s in payload["sheets"]].index(COMMON)
    deleted = {x["args"][0] for x in _actions(rb, "deleteNote") if x["sheet_position"] == pos}
    assert deleted == flagged(bad_book, COMMON)
    added = {x["args"][0] for x in _actions(rb, "addNote") if x["sheet_position"] == pos}
    assert added == flagged(painted, COMMON) and "$C$8" not in added and {"$J$9", "$Q$9"} <= added
    a = next(x for x in _actions(rb, "setRangeColors") if x["sheet_position"] == pos)
    grid = a["args"][0]
    assert grid[8 - 1 - a["start_row"]][3 - 1 - a["start_column"]] is None      # C8: fill removed
    assert [x["sheet_position"] for x in _actions(rb, "sheetDelete")] == \
        [[s["name"] for s in payload["sheets"]].index(RESULT_SHEET)]


# -- the desktop add-in: build and install ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("addin")
    result = CliRunner().invoke(addin, ["build", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_build_xlam_ribbon_and_macro(built):
    xlam = built / f"{B.ADDIN_NAME}.xlam"
    src = Path(xw.__file__).parent / "quickstart_addin_ribbon.xlam"
    with zipfile.ZipFile(xlam) as z, zipfile.ZipFile(src) as orig:
        assert sorted(z.namelist()) == sorted(orig.namelist())
        for name in z.namelist():        # only customUI.xml is rewritten
            if name != B.CUSTOM_UI_PATH:
                assert z.read(name) == orig.read(name), name
        ui = ET.fromstring(z.read(B.CUSTOM_UI_PATH))
        vba = z.read("xl/vbaProject.bin")
    ns = {"c": "http://schemas.microsoft.com/office/2006/01/customui"}
    tab = ui.find(".//c:tab", ns)
    button = tab.find(".//c:button", ns)
    assert tab.get("label") == "在留申請チェック"
    assert button.get("label") == "チェック"
    assert button.get("screentip") and "検査" in button.get("supertip")
    assert button.get("onAction") == "RibbonMyAddin.RunMain"

    from oletools.olevba import VBA_Parser
    parser = VBA_Parser("x.xlam", data=vba)
    modules = {stream: code for _, stream, _, code in parser.extract_macros()}
    ribbon = next(code for stream, code in modules.items() if stream.endswith("RibbonMyAddin"))
    assert "Sub RunMain(control As IRibbonControl)" in ribbon
    # the module name is the .xlam's name: zairyu_check.xlam runs `import zairyu_check; zairyu_check.main()`
    assert "mymodule = Left(ThisWorkbook.Name" in ribbon
    assert 'RunPython "import " & mymodule & ";" & mymodule & ".main()"' in ribbon
    module = (built / f"{B.ADDIN_NAME}.py").read_text(encoding="utf-8")
    assert "def main():" in module and "highlight(xw.Book.caller())" in module
    compile(module, "zairyu_check.py", "exec")


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_install_copies_addin_and_writes_config(built, tmp_path, platform):
    home = tmp_path / "home"
    conf = B.config_file(platform, home)
    conf.parent.mkdir(parents=True)
    conf.write_text('"INTERPRETER_WIN","old"\n"LOG FILE","keep me"\n"INTERPRETER_MAC","old"\n', encoding="utf-8")
    done = B.install_addin(built / f"{B.ADDIN_NAME}.xlam", platform=platform, home=home,
                           interpreter="/py/bin/python", env={"APPDATA": str(home / "AppData" / "Roaming")})
    assert done.addin.is_file() and done.addin.name == f"{B.ADDIN_NAME}.xlam"
    if platform == "win32":
        assert done.addin.parent == home / "AppData" / "Roaming" / "Microsoft" / "Excel" / "XLSTART"
        assert conf == home / ".xlwings" / "xlwings.conf"
    else:
        assert "Startup" in str(done.addin.parent)
        assert conf == home / "Library" / "Containers" / "com.microsoft.Excel" / "Data" / "xlwings.conf"
    text = conf.read_text(encoding="utf-8")
    key = "INTERPRETER_WIN" if platform == "win32" else "INTERPRETER_MAC"
    assert f'"{key}","/py/bin/python"' in text and text.count(f'"{key}"') == 1
    assert f'"PYTHONPATH","{built}"' in text and '"LOG FILE","keep me"' in text


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the message is for other systems")
def test_install_elsewhere_explains_itself():
    result = CliRunner().invoke(addin, ["install"])
    assert result.exit_code == 1
    assert "Windows or macOS" in result.output and "addin build" in result.output


# -- what it looks like ----------------------------------------------------------------------------------------
def _colour_pixels(pngs, rgb, tol=6) -> int:
    from PIL import Image
    n = 0
    for p in pngs:
        with Image.open(p) as im:
            for count, px in im.convert("RGB").getcolors(maxcolors=1 << 24):
                if all(abs(a - b) <= tol for a, b in zip(px, rgb)):
                    n += count
    return n


def test_render_painted_workbook(bad_book, tmp_path):
    """LibreOffice prints the painted input sheets with the red and yellow fills; unpainted, neither.
    (The result sheet, which has its own coloured column, is left out of the print.)"""
    require_tool("soffice")
    require_tool("pdftoppm")
    from devtools.preview import preview_copy, render_png
    book = open_book(bad_book)
    highlight(book)
    painted = tmp_path / "painted.xlsx"
    book.save(painted)
    copy_ = preview_copy(painted, tmp_path / "preview.xlsx")
    wb = openpyxl.load_workbook(copy_)
    del wb[RESULT_SHEET]
    wb.save(copy_)
    pngs = render_png(copy_, tmp_path / "png")
    assert pngs
    red, yellow = _colour_pixels(pngs, ERROR_FILL), _colour_pixels(pngs, WARNING_FILL)
    assert red > 50 and yellow > 20, (red, yellow)
    plain = render_png(preview_copy(bad_book, tmp_path / "plain.xlsx"), tmp_path / "png_plain")
    assert plain and _colour_pixels(plain, ERROR_FILL) == 0 and _colour_pixels(plain, WARNING_FILL) == 0
    keep = os.environ.get("ZAIRYU_KEEP_PREVIEW")
    if keep:
        for p in pngs:
            shutil.copy(p, keep)


# -- the web route keeps a user's own fill (the client records it; Python cannot read fills there) ----------
def test_remote_keeps_the_users_fill_on_a_flagged_cell(remote, bad_book, tmp_path):
    from xl_addin.painting import PENDING, REC_CELL, REC_PRIOR
    from xl_addin.protection import JS_RECORD_FILLS, JS_WRITE_FILLS
    require_tool("node")
    wb = openpyxl.load_workbook(bad_book)
    wb[COMMON]["C8"].fill = PatternFill("solid", fgColor="FF92D050")    # the user's green on a cell to be flagged
    wb.save(bad_book)

    payload = officejs_payload(bad_book)              # Office.js sends values, never fills
    book = xw.Book(json=payload)
    highlight(book)
    acts = book.impl.json()["actions"]
    pos = [s["name"] for s in payload["sheets"]].index(COMMON)
    record = next(a for a in _actions(book, "runMacro") if a["args"][0] == JS_RECORD_FILLS and a["args"][1] == COMMON)
    paint = next(a for a in _actions(book, "setRangeColors") if a["sheet_position"] == pos)
    assert acts.index(record) < acts.index(paint)                        # read before painting
    assert set(record["args"][2]) == {a.replace("$", "") for a in flagged(bad_book, COMMON)} >= {"C8", "J9"}
    table = _actions(book, "setValues")[0]["values"]
    assert {r[REC_CELL]: r[REC_PRIOR] for r in table[L.FIRST_ROW - 1:] if r[REC_CELL]}["C8"] == PENDING
    write = next(a for a in _actions(book, "runMacro") if a["args"][0] == JS_WRITE_FILLS)
    assert acts.index(write) > acts.index(_actions(book, "setValues")[0])

    # the client: run the add-in's JavaScript on these calls, with the workbook's real fills
    from test_addin_js import prepare_js, run_js
    d = prepare_js(tmp_path / "js")
    fills = {f"{c.column_letter}{c.row}": "#" + c.fill.fgColor.rgb[2:] for row in wb[COMMON].iter_rows()
             for c in row if c.fill is not None and c.fill.fill_type == "solid"}
    state = run_js(d, {"sheets": {COMMON: {"fills": fills}, RESULT_SHEET: {"values": table}},
                       "calls": [record["args"], write["args"]]})
    assert state["errors"] == []
    table = state["sheets"][RESULT_SHEET]["values"]
    assert {r[REC_CELL]: r[REC_PRIOR] for r in table[L.FIRST_ROW - 1:] if r[REC_CELL]}["C8"] == "#92D050"

    # the next run, after the user fixed C8: its fill goes back to the user's green
    wb = openpyxl.load_workbook(bad_book)
    wb[COMMON]["C8"] = "19980512"
    res = wb.create_sheet(RESULT_SHEET)
    for r in table:
        res.append(r)
    second = tmp_path / "second.xlsx"
    wb.save(second)
    payload = officejs_payload(second)
    rb = xw.Book(json=payload)
    highlight(rb)
    a = next(x for x in _actions(rb, "setRangeColors") if x["sheet_position"] == pos)
    grid = a["args"][0]
    assert grid[8 - 1 - a["start_row"]][3 - 1 - a["start_column"]].lower() == "#92d050"
    assert grid[9 - 1 - a["start_row"]][10 - 1 - a["start_column"]] == "#ffc7ce"     # J9 still flagged


# -- the add-in commands' options ------------------------------------------------------------------------------
def test_build_with_another_name(tmp_path):
    result = CliRunner().invoke(addin, ["build", "-o", str(tmp_path), "--name", "office_check"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"office_check{suffix}.{ext}" for suffix in ("", "_export", "_fix", "_undo") for ext in ("py", "xlam"))
    module = (tmp_path / "office_check.py").read_text(encoding="utf-8")
    assert 'RunPython "import office_check;office_check.main()"' in module and "def main():" in module
    with zipfile.ZipFile(tmp_path / "office_check.xlam") as z:
        assert ET.fromstring(z.read(B.CUSTOM_UI_PATH)).find(".//{*}tab").get("label") == "在留申請チェック"
    bad = CliRunner().invoke(addin, ["build", "-o", str(tmp_path / "x"), "--name", "office-check"])
    assert bad.exit_code == 2 and "Python module name" in bad.output and not (tmp_path / "x").exists()


def test_install_command_passes_the_interpreter(built, tmp_path, monkeypatch):
    """`addin install X.xlam --interpreter PY` on Windows (the platform and home are pinned: this is Linux)."""
    import functools
    import xl_addin.cli as addin_cli
    home = tmp_path / "home"
    monkeypatch.setattr(addin_cli.sys, "platform", "win32")
    monkeypatch.setattr(addin_cli, "install_addin", functools.partial(
        B.install_addin, platform="win32", home=home, env={"APPDATA": str(home / "AppData" / "Roaming")}))
    xlam = built / f"{B.ADDIN_NAME}.xlam"
    result = CliRunner().invoke(addin, ["install", str(xlam), "--interpreter", r"C:\py\python.exe"])
    assert result.exit_code == 0, result.output
    conf = B.config_file("win32", home).read_text(encoding="utf-8")
    assert '"INTERPRETER_WIN","C:\\py\\python.exe"' in conf
    assert (home / "AppData" / "Roaming" / "Microsoft" / "Excel" / "XLSTART" / xlam.name).is_file()
    assert "INTERPRETER_WIN = C:\\py\\python.exe" in result.output
    # without --interpreter: the Python running the command
    result = CliRunner().invoke(addin, ["install", str(xlam)])
    assert result.exit_code == 0 and f'"INTERPRETER_WIN","{sys.executable}"' in \
        B.config_file("win32", home).read_text(encoding="utf-8")


def test_server_refuses_a_folder_that_is_not_empty_without_force(tmp_path):
    target = tmp_path / "srv"
    target.mkdir()
    (target / "mine.txt").write_text("keep", encoding="utf-8")
    result = CliRunner().invoke(addin, ["server", str(target)])
    assert result.exit_code == 1 and "is not empty (use --force)" in result.output
    assert [p.name for p in target.iterdir()] == ["mine.txt"]
    result = CliRunner().invoke(addin, ["server", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert (target / "mine.txt").read_text(encoding="utf-8") == "keep"
    assert (target / "static" / "js" / "main.js").is_file() and (target / ".env").is_file()
    env = (target / ".env").read_text(encoding="utf-8")
    (target / ".env").write_text(env + "\nXLWINGS_HOSTNAME=mine.example.jp\n", encoding="utf-8")
    result = CliRunner().invoke(addin, ["server", str(target), "--force"])
    assert result.exit_code == 0 and "mine.example.jp" in (target / ".env").read_text(encoding="utf-8")


def test_generated_module_main_paints_the_calling_book(built, bad_book, tmp_path, monkeypatch):
    """zairyu_check.main() as the ribbon's RunPython calls it: xw.Book.caller() is the open workbook."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("zairyu_check_built", built / f"{B.ADDIN_NAME}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    book = open_book(bad_book)
    monkeypatch.setattr(xw.Book, "caller", classmethod(lambda cls: book))
    module.main()
    out = tmp_path / "after_main.xlsx"
    book.save(out)
    wb = openpyxl.load_workbook(out)
    assert fill_of(wb[COMMON], "C8") == RED and fill_of(wb[COMMON], "Q9") == YELLOW
    assert RESULT_SHEET in wb.sheetnames and book.app.impl.alerts[-1]["title"] == "在留申請チェック"


def test_build_has_the_upload_file_button(built):
    ns = {"c": "http://schemas.microsoft.com/office/2006/01/customui"}
    check, export = built / f"{B.ADDIN_NAME}.xlam", built / f"{B.ADDIN_NAME}_export.xlam"
    with zipfile.ZipFile(check) as a, zipfile.ZipFile(export) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        for name in a.namelist():      # the same VBA: RunMain imports the module named like the .xlam
            if name != B.CUSTOM_UI_PATH:
                assert a.read(name) == b.read(name), name
        ui_check, ui_export = (ET.fromstring(z.read(B.CUSTOM_UI_PATH)) for z in (a, b))
    tab_c, tab_e = ui_check.find(".//c:tab", ns), ui_export.find(".//c:tab", ns)
    assert tab_c.get("idQ") == tab_e.get("idQ") == "z:zairyuTab"      # one shared tab
    button = tab_e.find(".//c:button", ns)
    assert button.get("label") == "アップロードファイル出力"
    assert button.get("onAction") == "RibbonMyAddin.RunMain"
    module = (built / f"{B.ADDIN_NAME}_export.py").read_text(encoding="utf-8")
    assert "export_upload(xw.Book.caller())" in module
    compile(module, "zairyu_check_export.py", "exec")


def test_install_copies_the_export_companion(built, tmp_path):
    done = B.install_addin(built / f"{B.ADDIN_NAME}.xlam", platform="win32", home=tmp_path,
                           interpreter="python", env={"APPDATA": str(tmp_path / "AppData")})
    assert (done.addin.parent / f"{B.ADDIN_NAME}_export.xlam").is_file()
