"""The add-in's task-pane JavaScript (xl_addin/templates/server/static/js/main.js), run with Node against a
stand-in for the Office.js objects it touches (tests/js/harness.mjs): sheet and workbook unprotect /
reprotect, and the fill record that keeps a user's own fill on Excel on the web."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, require_tool
from linter import result_sheet as L
from xl_addin.painting import RESULT_SHEET
from xl_addin.protection import (ADMIN_ACCESS_PASSWORD, JS_RECORD_FILLS, JS_REPROTECT, JS_REPROTECT_BOOK,
                                 JS_UNPROTECT, JS_UNPROTECT_BOOK, JS_WRITE_FILLS, PASSWORDS)

MAIN_JS = REPO / "xl_addin" / "templates" / "server" / "static" / "js" / "main.js"
HARNESS = REPO / "tests" / "js" / "harness.mjs"
SHEET = "申請情報入力(在留資格変更許可申請)"
OPTIONS = {"allowFormatCells": False, "allowInsertRows": False, "selectionMode": "Normal"}


def prepare_js(d: Path) -> Path:
    """main.js in `d`, with its one import (xlwings' custom-scripts registry) replaced by the harness's."""
    require_tool("node")
    d.mkdir(parents=True, exist_ok=True)
    shutil.copy(MAIN_JS, d / "main.js")
    (d / "custom-scripts").mkdir(exist_ok=True)
    (d / "custom-scripts" / "index.js").write_text(
        "export function registerCallback(fn) { globalThis.__zairyuRegister(fn); }\n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def js_dir(tmp_path_factory) -> Path:
    return prepare_js(tmp_path_factory.mktemp("js"))


def run_js(js_dir: Path, scenario: dict) -> dict:
    out = subprocess.run([shutil.which("node"), str(HARNESS), str(js_dir)], input=json.dumps(scenario),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_every_callback_python_calls_is_registered(js_dir):
    state = run_js(js_dir, {"sheets": {}, "calls": []})
    from xl_addin.exporting import JS_DOWNLOAD
    from xl_addin.fixing import CONFIRM_CALLBACK
    assert set(state["callbacks"]) == {JS_UNPROTECT, JS_REPROTECT, JS_UNPROTECT_BOOK, JS_REPROTECT_BOOK,
                                       JS_RECORD_FILLS, JS_WRITE_FILLS, JS_DOWNLOAD, CONFIRM_CALLBACK}


def test_unprotect_then_reprotect_puts_back_password_and_options(js_dir):
    sheets = {SHEET: {"protection": {"protected": True, "password": ADMIN_ACCESS_PASSWORD, "options": OPTIONS}}}
    state = run_js(js_dir, {"sheets": sheets, "calls": [[JS_UNPROTECT, SHEET, ["wrong", *PASSWORDS]]]})
    assert state["errors"] == [] and state["sheets"][SHEET]["protection"]["protected"] is False
    assert [x[2] for x in state["log"] if x[0] == "unprotect"] == ["wrong", ADMIN_ACCESS_PASSWORD]

    state = run_js(js_dir, {"sheets": sheets, "calls": [[JS_UNPROTECT, SHEET, list(PASSWORDS)],
                                                        [JS_REPROTECT, SHEET]]})
    p = state["sheets"][SHEET]["protection"]
    assert state["errors"] == [] and p["protected"] is True
    assert p["password"] == ADMIN_ACCESS_PASSWORD and p["options"] == OPTIONS
    assert ["protect", SHEET, ADMIN_ACCESS_PASSWORD] in state["log"]


def test_an_unprotected_sheet_stays_unprotected(js_dir):
    sheets = {SHEET: {"protection": {"protected": False}}}
    state = run_js(js_dir, {"sheets": sheets, "calls": [[JS_UNPROTECT, SHEET, list(PASSWORDS)],
                                                        [JS_REPROTECT, SHEET]]})
    assert state["errors"] == [] and state["log"] == []
    assert state["sheets"][SHEET]["protection"]["protected"] is False


def test_unknown_password_is_an_error_and_leaves_the_sheet_protected(js_dir):
    sheets = {SHEET: {"protection": {"protected": True, "password": "secret", "options": OPTIONS}}}
    state = run_js(js_dir, {"sheets": sheets, "calls": [[JS_UNPROTECT, SHEET, list(PASSWORDS)],
                                                        [JS_REPROTECT, SHEET]]})
    assert state["errors"] == [[JS_UNPROTECT, f"シート「{SHEET}」の保護を解除できません。"]]
    assert state["sheets"][SHEET]["protection"]["protected"] is True
    assert not [x for x in state["log"] if x[0] == "protect"]       # nothing to put back


def test_workbook_unprotect_and_reprotect(js_dir):
    book = {"protected": True, "password": ADMIN_ACCESS_PASSWORD}
    state = run_js(js_dir, {"sheets": {}, "book": book, "calls": [[JS_UNPROTECT_BOOK, list(PASSWORDS)]]})
    assert state["errors"] == [] and state["book"]["protected"] is False
    state = run_js(js_dir, {"sheets": {}, "book": book, "calls": [[JS_UNPROTECT_BOOK, list(PASSWORDS)],
                                                                  [JS_REPROTECT_BOOK]]})
    assert state["book"] == {"protected": True, "password": ADMIN_ACCESS_PASSWORD}
    state = run_js(js_dir, {"sheets": {}, "book": {"protected": True, "password": "x"},
                            "calls": [[JS_UNPROTECT_BOOK, list(PASSWORDS)]]})
    assert state["errors"] == [[JS_UNPROTECT_BOOK, "ブックの保護を解除できません。"]]


def result_values(*records):
    """A result sheet's values in the shared layout (linter.result_sheet), title and verdict line included."""
    top = [["zairyu-lint チェック結果", *[None] * (L.WIDTH - 1)], ["1人中 1人が要確認見込み", *[None] * (L.WIDTH - 1)]]
    body = L.table([], "ja", [L.Record(sheet, cell, prior, True) for sheet, cell, prior in records])
    return top + [L.header("ja")] + body


def test_fills_are_recorded_before_painting_and_written_into_the_result_sheet(js_dir):
    sheets = {SHEET: {"fills": {"C8": "#92d050", "J9": "#FFFFFF"}},
              RESULT_SHEET: {"values": result_values((SHEET, "C8", "?"), (SHEET, "J9", "?"), (SHEET, "Q9", "#FFEB9C"),
                                                     (SHEET, "D8", "?"))}}
    state = run_js(js_dir, {"sheets": sheets, "calls": [
        [JS_RECORD_FILLS, SHEET, ["$C$8", "$J$9", "$D$8"]],
        [JS_WRITE_FILLS, RESULT_SHEET, L.SHEET + 1, L.REC_CELL + 1, L.REC_PRIOR + 1]]})
    assert state["errors"] == []
    got = {row[L.REC_CELL]: row[L.REC_PRIOR] for row in state["sheets"][RESULT_SHEET]["values"][L.FIRST_ROW - 1:]}
    # the user's green is kept, white (= no fill in Office.js) is no fill, a known record is left alone
    assert got == {"C8": "#92D050", "J9": "", "Q9": "#FFEB9C", "D8": ""}
