"""The add-in's second button 「アップロードファイル出力」 (xl_addin.exporting.export_upload): check first, paint,
and only without errors write the upload file — next to the workbook on the desktop (openpyxl engine), as a
browser download on xlwings Server (remote engine, Office.js payload in, actions out)."""
from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")   # xlwings PRO, non-commercial use (our own tests)

import base64
import datetime as dt
import shutil
from pathlib import Path

import pytest

import xlwings as xw
from devtools.bare import write_bare_workbook
from upload_goldens import upload_goldens
from xl_addin.exporting import JS_DOWNLOAD, export_upload
from devtools.openpyxl_engine import officejs_payload, open_book
from xl_addin.painting import RESULT_SHEET

ON = dt.date(2026, 4, 15)
SAMPLES = Path(__file__).resolve().parents[1] / "sample_workbooks"



@pytest.fixture
def clean(tmp_path):
    """A golden the official tool exported and our check finds nothing in, as a workbook."""
    g = next((g for g in upload_goldens() if g.name == "nintei_N_gijinkoku"), None)
    if g is None:
        pytest.skip("golden nintei_N_gijinkoku not available")
    d = tmp_path / "book"
    d.mkdir()
    return g, write_bare_workbook(g.snap, d / "applicants.xlsx", g.rows, g.status.label)


@pytest.fixture
def with_errors(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    return Path(shutil.copy(SAMPLES / "koushin_ssw_mistakes.xlsx", d / "mistakes.xlsx"))


def _actions(book, func):
    return [a for a in book.impl.json()["actions"] if a["func"] == func]


def test_desktop_clean_saves_next_to_the_workbook(clean):
    g, path = clean
    book = open_book(path)
    done = export_upload(book, on=ON)
    target = path.parent / "SA_03_001_01N2_ver001.csv"
    assert done.written == target
    assert target.read_bytes() == g.csv.read_bytes()          # byte for byte the official export
    alert = book.app.impl.alerts[-1]
    assert alert["mode"] == "info" and str(target) in alert["prompt"]
    # pressed again: the file is there, nothing is overwritten
    target.write_bytes(b"mine")
    again = export_upload(open_book(path), on=ON)
    assert again.written is None and "既にあります" in again.message and target.read_bytes() == b"mine"


def test_desktop_errors_paint_and_write_nothing(with_errors):
    book = open_book(with_errors)
    done = export_upload(book, on=ON)
    assert done.written is None
    assert list(with_errors.parent.iterdir()) == [with_errors]
    alert = book.app.impl.alerts[-1]
    assert alert["mode"] == "critical" and "出力していません" in alert["prompt"]
    assert RESULT_SHEET in [s.name for s in book.sheets]      # the check painted as the first button does
    assert done.check.painted > 0


def test_remote_clean_hands_the_file_to_the_browser(remote, clean):
    g, path = clean
    book = xw.Book(json=officejs_payload(path))
    done = export_upload(book, on=ON, lang="en")
    calls = [a for a in _actions(book, "runMacro") if a["args"][0] == JS_DOWNLOAD]
    assert len(calls) == 1
    name, b64 = calls[0]["args"][1:3]
    assert name == done.downloaded == "SA_03_001_01N2_ver001.csv"
    assert base64.b64decode(b64) == g.csv.read_bytes()
    assert list(path.parent.iterdir()) == [path]              # nothing written on the server side
    assert "download" in _actions(book, "alert")[-1]["args"][0]


def test_remote_errors_paint_and_say_why(remote, with_errors):
    book = xw.Book(json=officejs_payload(with_errors))
    export_upload(book, on=ON)
    assert not [a for a in _actions(book, "runMacro") if a["args"][0] == JS_DOWNLOAD]
    assert _actions(book, "setRangeColors")
    assert "出力していません" in _actions(book, "alert")[-1]["args"][0]


def test_desktop_unsaved_book_is_not_written_anywhere(clean, monkeypatch, tmp_path):
    g, path = clean
    book = open_book(path)
    monkeypatch.setattr(type(book.impl), "fullname", property(lambda self: "Book1"))
    monkeypatch.chdir(tmp_path)
    done = export_upload(book, on=ON)
    assert done.written is None and "保存" in done.message
    assert not list(tmp_path.glob("*.csv"))
