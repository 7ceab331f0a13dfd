"""The add-in takes its Options from linter.config.resolve_options, as the command line does: the settings file
([tool.zairyu-lint] in pyproject.toml or zairyu-lint.toml) found upward from the workbook's own folder, with
the caller's values on top. Real bare workbooks, painted with the openpyxl test engine and the remote engine."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")   # xlwings PRO, non-commercial use (our own tests)

import openpyxl
import pytest

import xlwings as xw
from conftest import SSW, addin_defect_rows
from devtools.openpyxl_engine import officejs_payload, open_book
from linter.config import BadDate, resolve_options
from xl_addin import RESULT_SHEET, highlight
from xl_addin.fixing import planned

COMMON = "申請情報入力(在留資格変更許可申請)"
ON = dt.date(2026, 6, 1)




@pytest.fixture
def project(tmp_path, make_workbook, monkeypatch):
    """tmp_path/office/clients/2026/bad.xlsx; the current folder is elsewhere (never where settings are looked for)."""
    folder = tmp_path / "office" / "clients" / "2026"
    folder.mkdir(parents=True)
    book = make_workbook("henkou", addin_defect_rows(), SSW, name="bad.xlsx")
    target = folder / "bad.xlsx"
    book.rename(target)
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return tmp_path / "office", target


def rules_of(summary) -> set[str]:
    return {f.rule for f in summary.result.findings}


def test_settings_file_in_the_workbooks_folder(project, tmp_path):
    root, path = project
    before = highlight(open_book(path), on=ON, alert=False)
    assert {"ZL102", "ZL601"} <= rules_of(before)
    (path.parent / "zairyu-lint.toml").write_text(f'lang = "en"\nignore = ["ZL601"]\non = "{ON}"\n', encoding="utf-8")
    book = open_book(path)
    summary = highlight(book)
    assert "ZL601" not in rules_of(summary) and rules_of(summary) == rules_of(before) - {"ZL601"}
    assert "errors" in book.app.impl.alerts[-1]["prompt"]                 # lang = "en" of the file
    book.save(tmp_path / "painted.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "painted.xlsx")
    assert wb[COMMON]["Q9"].comment is None                               # the ignored warning is not painted
    assert wb[COMMON]["C8"].comment is not None
    assert "ZL601" not in {r[5] for r in wb[RESULT_SHEET].iter_rows(min_row=2, values_only=True)}


def test_pyproject_found_upward_from_the_workbook_not_from_the_current_folder(project):
    root, path = project
    (root / "pyproject.toml").write_text('[project]\nname = "office"\n\n[tool.zairyu-lint]\nselect = ["ZL6"]\n',
                                         encoding="utf-8")
    (root.parent / "elsewhere" / "zairyu-lint.toml").write_text('select = ["ZL1"]\n', encoding="utf-8")
    summary = highlight(open_book(path), on=ON, alert=False)
    assert rules_of(summary) == {"ZL601"}


def test_the_callers_values_override_the_file(project):
    root, path = project
    (root / "zairyu-lint.toml").write_text('ignore = ["ZL601"]\nlang = "en"\n', encoding="utf-8")
    summary = highlight(open_book(path), on=ON, alert=False, ignore=["ZL102"], lang="ja")
    assert "ZL601" in rules_of(summary) and "ZL102" not in rules_of(summary)
    assert any("生年月日" in f.message for f in summary.result.findings)   # Japanese, as asked


def test_fix_plans_only_the_selected_codes(project):
    root, path = project
    assert {c.cell for c in planned(open_book(path), on=ON)} == {"C8", "J9", "Q9"}
    (root / "zairyu-lint.toml").write_text('select = ["ZL601"]\n', encoding="utf-8")
    assert {c.cell for c in planned(open_book(path), on=ON)} == {"Q9"}


def test_a_bad_settings_file_is_said_and_the_defaults_apply(project):
    root, path = project
    (root / "zairyu-lint.toml").write_text('ignore = ["ZL601"\n', encoding="utf-8")       # not TOML
    book = open_book(path)
    seen = len(book.app.impl.alerts)                                       # the test engine's app is shared
    summary = highlight(book, on=ON)
    first, last = book.app.impl.alerts[seen:]
    assert first["mode"] == "critical" and "zairyu-lint.toml" in first["prompt"] and "設定ファイル" in first["prompt"]
    assert "ZL601" in rules_of(summary) and "警告" in last["prompt"]        # nothing left out


def test_remote_book_has_no_folder_so_no_settings_file(remote, project, monkeypatch):
    """Excel on the web sends values, not a file: the server's current folder is not the workbook's."""
    root, path = project
    (root / "zairyu-lint.toml").write_text('ignore = ["ZL102"]\n', encoding="utf-8")
    monkeypatch.chdir(root)
    book = xw.Book(json=officejs_payload(path))
    assert "ZL102" in rules_of(highlight(book, on=ON, alert=False))
    book = xw.Book(json=officejs_payload(path))
    summary = highlight(book, on=ON, alert=False, select=["ZL1"], ignore=["ZL104"])
    assert rules_of(summary) == {"ZL102"}


def test_resolve_options_file_then_given_values(tmp_path):
    (tmp_path / "zairyu-lint.toml").write_text('on = "2026-06-01"\nselect = "ZL1, zl2"\nlang = "en"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    o = resolve_options(start=deep)
    assert (o.on, o.lang, o.select, o.ignore) == (ON, "en", ("ZL1", "ZL2"), ())
    o = resolve_options(start=deep, lang="ja", select=["ZL6"], ignore="ZL601", on=dt.date(2027, 1, 2), fixes=False)
    assert (o.on, o.lang, o.select, o.ignore, o.fixes) == (dt.date(2027, 1, 2), "ja", ("ZL6",), ("ZL601",), False)
    with pytest.raises(BadDate):
        resolve_options(start=deep, on="2026/06/01")


def test_addin_build_names_the_extra_when_xlwings_is_missing(tmp_path, monkeypatch):
    import importlib.util

    from click.testing import CliRunner
    from xl_addin.cli import addin
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "xlwings" else real(name, *a))
    result = CliRunner().invoke(addin, ["build", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and 'pip install "zairyu-lint[addin]"' in result.output
    assert not (tmp_path / "out").exists()
