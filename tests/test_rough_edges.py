"""What a new user meets first: verdicts per applicant in every output, output file modes, spreadsheets
in other formats inside folders, row references in Excel's form, the add-in commands' help."""
from __future__ import annotations

import datetime as dt
import json
import os
import stat
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.engine import Options, lint_path
from linter.verdicts import mask, summary_line, verdicts

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_workbooks"
MISTAKES = SAMPLES / "koushin_ssw_mistakes.xlsx"
OVER_300 = SAMPLES / "koushin_ssw_320.xlsx"     # 320 applicants: ZL005 on the first row past the 300th
ON = "2026-12-01"
OPTIONS = Options(on=dt.date(2026, 12, 1))


def cli(*args) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture(scope="module")
def mistakes():
    return lint_path(MISTAKES, OPTIONS)


@pytest.fixture(scope="module")
def over_300():
    return lint_path(OVER_300, OPTIONS)


# -- verdicts ----------------------------------------------------------------------------------------------
def test_verdicts_follow_the_findings_of_each_row(mistakes):
    vs = verdicts(mistakes)
    assert len(vs) == mistakes.applicants == 30
    wb = openpyxl.load_workbook(MISTAKES, read_only=True)
    sheet = wb[next(s for s in wb.sheetnames if s.startswith("申請情報入力(在留期間更新"))]   # the common sheet
    header = [c.value for c in next(sheet.iter_rows(min_row=5, max_row=5))]
    name_col = next(i for i, h in enumerate(header) if h and str(h).replace(" ", "").replace("\u3000", "") == "氏名")
    names = {8 + i: r[name_col] for i, r in enumerate(sheet.iter_rows(min_row=8, max_row=60, values_only=True))}
    for v in vs:
        sev = {f.severity for f in mistakes.findings if f.row == v.row}
        assert v.status == ("error" if "error" in sev else "warning" if "warning" in sev else "ok")
        assert v.name == str(names[v.row]).strip()
        assert v.key_kind in ("card", "passport")
    line = summary_line(vs, "ja")
    bad = [v for v in vs if v.status == "error"]
    assert line.startswith(f"30人中 {len(bad)}人が要確認見込み: {bad[0].row}行 {bad[0].name} (エラー{bad[0].errors})")
    assert summary_line(vs, "en").startswith(f"{len(bad)} of 30 applicant(s) need review: row {bad[0].row}")
    assert mask("AB12345678CD") == "********78CD" and mask("12") == "**"


def test_text_and_json_carry_the_verdicts():
    code, text, _ = cli("check", MISTAKES, "--on", ON)
    assert code == 1 and "30人中 " in text and "人が要確認見込み: " in text
    code, out, _ = cli("check", MISTAKES, "--on", ON, "--format", "json")
    (f,) = json.loads(out)["files"]
    assert len(f["verdicts"]) == f["applicants"] == 30
    v = next(v for v in f["verdicts"] if v["status"] == "error")
    assert set(v) >= {"verdict", "status", "row", "name", "key", "errors", "warnings", "infos"}
    assert v["verdict"] == "要確認見込み" and v["key"].startswith("****")
    assert not any(len(x["key"].strip("*")) > 4 for x in f["verdicts"])


def test_review_copy_result_sheet_has_the_verdict_line(tmp_path):
    code, _, err = cli("annotate", MISTAKES, "-o", tmp_path, "--on", ON)
    assert code in (0, 1), err
    (copy,) = list(tmp_path.glob("*.xlsx"))
    ws = openpyxl.load_workbook(copy)["チェック結果"]
    assert str(ws["A2"].value).startswith("30人中 ") and "要確認見込み" in ws["A2"].value


# -- outputs get the normal mode for new files ---------------------------------------------------------------
def test_outputs_get_the_umask_mode(tmp_path):
    old = os.umask(0o022)
    try:
        report = tmp_path / "report.json"
        cli("check", MISTAKES, "--on", ON, "--format", "json", "--output", report)
        (tmp_path / "review").mkdir()
        cli("annotate", MISTAKES, "-o", tmp_path / "review", "--on", ON)
        os.umask(0o027)
        cli("check", MISTAKES, "--on", ON, "--format", "html", "--output", tmp_path / "r.html")
    finally:
        os.umask(old)
    assert stat.S_IMODE(report.stat().st_mode) == 0o644
    (copy,) = list((tmp_path / "review").glob("*.xlsx"))
    assert stat.S_IMODE(copy.stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "r.html").stat().st_mode) == 0o640


# -- spreadsheets in other formats in a folder ----------------------------------------------------------------
def test_other_spreadsheet_formats_are_reported_not_skipped(tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with zipfile.ZipFile(tmp_path / "list.ods", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    with zipfile.ZipFile(tmp_path / "bin.xlsb", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\x00")
    (tmp_path / "mac.numbers").mkdir()                      # a Numbers document is a folder on macOS
    (tmp_path / "mac.numbers" / "Index.zip").write_bytes(b"PK")
    (tmp_path / "make.py").write_text("print(1)", encoding="utf-8")
    (tmp_path / "~$lock.xlsx").write_bytes(b"\x00")
    code, out, err = cli("check", tmp_path, "--on", ON, "--format", "json")
    assert code == 2                                        # not checked: like an unreadable file
    doc = json.loads(out)
    names = sorted(Path(f["path"]).name for f in doc["files"])
    assert names == ["bin.xlsb", "list.ods", "mac.numbers", "old.xls"]
    for f in doc["files"]:
        (only,) = f["findings"]
        assert only["rule"] == "ZL020" and ".xlsm" in only["message"]
    assert doc["summary"]["skipped"] == 2 and err == ""     # make.py and the lock file: counted, not printed
    code, text, err = cli("check", tmp_path, "--on", ON)
    assert text.count("未チェック: .xlsmで保存してください") == 4 and "スキップ" in text and " 2 件" in text
    assert "make.py" not in err + text


def test_readme_first_command_prints_no_skip_line():
    code, text, err = cli("check", SAMPLES, "--on", ON)
    assert "make_samples.py" not in err and "not a workbook" not in err
    assert code == 1


# -- whole-row findings in Excel's row form ------------------------------------------------------------------
def test_row_findings_use_excel_row_form(over_300, tmp_path):
    (zl005,) = [f for f in over_300.findings if f.rule == "ZL005"]
    assert zl005.cell is None and zl005.row == 308
    ref = f"{zl005.sheet}!308:308"
    code, text, _ = cli("check", OVER_300, "--on", ON)
    assert ref in text and f"{zl005.sheet}!308 " not in text
    code, out, _ = cli("check", OVER_300, "--on", ON, "--format", "json")
    (j,) = [x for x in json.loads(out)["files"][0]["findings"] if x["rule"] == "ZL005"]
    assert j["ref"] == ref
    code, out, _ = cli("check", OVER_300, "--on", ON, "--format", "sarif")
    (s,) = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "ZL005"]
    assert s["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == ref
    # the add-in's result sheet links the row the same way
    from devtools.openpyxl_engine import open_book
    from xl_addin import highlight
    book = open_book(OVER_300)
    highlight(book, on=OPTIONS.on, alert=False)
    book.save(tmp_path / "painted.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "painted.xlsx")["チェック結果"].iter_rows(values_only=True))
    from linter import result_sheet as L
    (link,) = [r[L.CELL] for r in rows[L.FIRST_ROW - 1:] if r[L.RULE] == "ZL005"]
    target = "#'" + zl005.sheet + "'!308:308"
    assert link == f'=HYPERLINK("{target}","308:308")'


# -- help ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("cmd", [["addin"], ["addin", "build"], ["addin", "install"], ["addin", "server"]])
def test_addin_help_is_japanese_and_english(cmd):
    code, out, _ = cli(*cmd, "--help")
    assert code == 0
    desc = out.split("Options:")[0]
    assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in desc), out
    assert " / " in desc
    opts = out.split("Options:")[1]
    for line in [ln for ln in opts.splitlines() if ln.strip().startswith("-") and "--help" not in ln]:
        assert " / " in line or " / " in opts, out


def test_upload_file_verdicts_are_per_line():
    path = REPO / "tests" / "data" / "upload" / "SA_03_002_05V1_ver001.csv"
    code, out, _ = cli("check", path, "--on", ON, "--format", "json")
    (f,) = json.loads(out)["files"]
    assert len(f["verdicts"]) == f["applicants"] > 0
    lines = {x["row"] for x in f["findings"] if x["row"]}
    assert lines <= {v["row"] for v in f["verdicts"]}          # the row of an upload file is its line
    for v in f["verdicts"]:
        n = sum(1 for x in f["findings"] if x["row"] == v["row"] and x["severity"] == "error")
        assert v["errors"] == n and (v["verdict"] == "要確認見込み") == (n > 0) and v["name"]
