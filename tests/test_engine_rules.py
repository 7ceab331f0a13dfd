"""Each engine rule (ZL001-ZL010, ZL101-ZL108, ZL601-ZL604) fires on a real workbook, and does not fire
on the same workbook without the fault.

Workbooks are bare templates (devtools.bare) built from the clean golden rows, which the official
checker accepts (tests/golden/henkou_v_clean.oracle.json), with one field changed.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import SSW, golden_rows, snapshot, with_real_corporate_numbers
from linter.cli import main
from linter.engine import Options, lint_path
from schemas import rules as R

ON = dt.date(2026, 5, 1)                       # filing date used throughout
HENKOU = snapshot("henkou").common_sheet        # 申請情報入力(在留資格変更許可申請)
KOUSHIN = snapshot("koushin").common_sheet
NINTEI = snapshot("nintei").common_sheet
V = "申請情報入力(区分V)"
P = "申請情報入力(区分P)"
SIM = "申請情報入力(同時申請)"
STUDENT = "留学 Student"


# --- helpers ------------------------------------------------------------------------------------



def clean(name: str = "henkou_v_clean") -> dict:
    """The golden rows the official checker accepts, with real corporate-number check digits
    (the fixtures' numbers are made up, and ZL210 checks the check digit)."""
    return with_real_corporate_numbers(golden_rows(name))




def changed(rows: dict, sheet: str, col: str, value, index: int = 0) -> dict:
    """A copy of rows with one cell changed (value None = cleared)."""
    rows = copy.deepcopy(rows)
    if value is None:
        rows[sheet][index].pop(col, None)
    else:
        rows[sheet][index][col] = value
    return rows


def lint(make_workbook, rows: dict, procedure: str = "henkou", status: str | None = SSW, lang: str = "ja", **kw):
    return lint_path(make_workbook(procedure, rows, status, **kw), Options(on=ON, lang=lang))


def at(result, code: str) -> list[tuple[str | None, str | None]]:
    """(sheet, cell) of every finding of one rule."""
    return [(f.sheet, f.cell) for f in result.findings if f.rule == code]


def errors(result) -> list[str]:
    return [f"{f.rule} {f.sheet}!{f.cell} {f.message}" for f in result.findings if f.severity == "error"]


def replicate(rows: dict, n: int) -> dict:
    """n applicants, copies of the first row of each sheet with distinct names, passports and cards."""
    out = {}
    for sheet, rs in rows.items():
        out[sheet] = [dict(rs[0]) for _ in range(n)]
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for i, r in enumerate(out[HENKOU]):
        r["D"] = f"NGUYEN VAN {letters[i // 26 % 26]}{letters[i % 26]}{letters[i // 676 % 26]}"
        r["Q"] = f"C{i:07d}"
        r["W"] = f"AB{i:08d}CD"
    return out


# --- the clean baselines ------------------------------------------------------------------------

@pytest.mark.parametrize("procedure, name, common", [
    ("henkou", "henkou_v_clean", HENKOU), ("koushin", "koushin_v_clean", KOUSHIN), ("nintei", "nintei_v_clean", NINTEI),
])
def test_clean_rows_give_no_error(make_workbook, procedure, name, common):
    result = lint(make_workbook, clean(name), procedure)
    assert result.template.procedure == {"henkou": "変更", "koushin": "更新", "nintei": "認定"}[procedure]
    assert result.template.status == "特定技能"
    assert result.applicants == 2
    assert errors(result) == []


@pytest.mark.parametrize("procedure, name, common", [
    ("koushin", "koushin_v_clean", KOUSHIN), ("nintei", "nintei_v_clean", NINTEI),
])
def test_koushin_nintei_failing(make_workbook, procedure, name, common):
    rows = changed(clean(name), common, "B", None)                   # 国籍・地域 cleared
    rows = changed(rows, common, "C", "1998051", index=1)            # 生年月日 7 digits
    rows = changed(rows, V, "CF", "外食業分野")                         # not a label of list CC04
    result = lint(make_workbook, rows, procedure)
    assert (common, "B8") in at(result, "ZL101")
    assert (common, "C9") in at(result, "ZL104")
    assert (V, "CF8") in at(result, "ZL105")


def _student_rows() -> dict:
    rows = with_real_corporate_numbers(golden_rows("henkou_p"))
    return {sheet: rs[:2] for sheet, rs in rows.items()}     # rows 8-9 of the fixture are correct


def test_non_v_status_clean(make_workbook):
    result = lint(make_workbook, _student_rows(), "henkou", STUDENT)
    assert result.template.status_label == STUDENT
    assert result.applicants == 2
    assert errors(result) == []


def test_non_v_status_failing(make_workbook):
    rows = changed(_student_rows(), P, "B", "41")               # 修学年数: not in its list
    rows = changed(rows, HENKOU, "AA", "５年")                    # 希望する在留期間: not a period of 留学
    result = lint(make_workbook, rows, "henkou", STUDENT)
    assert (P, "B8") in at(result, "ZL105")
    assert (HENKOU, "AA8") in at(result, "ZL106")
    assert not any(f.sheet == V for f in result.findings)


def test_300_applicants_clean(make_workbook):
    result = lint(make_workbook, replicate(clean(), 300))
    assert result.applicants == 300
    assert errors(result) == []
    assert at(result, "ZL005") == []


# --- ZL0xx: file and template -------------------------------------------------------------------

def check_json(path, *extra):
    res = CliRunner().invoke(main, ["check", "--format", "json", "--lang", "en", str(path), *extra])
    assert res.exit_code == 2, res.output
    (f,) = json.loads(res.stdout)["files"]
    assert f["template"] is None and f["applicants"] == 0
    return f["findings"]


def test_zl001_unreadable_upload_file_via_cli(tmp_path, monkeypatch):
    """ZL001 is the upload reader's "cannot be read": an empty export, and one the user may not read."""
    empty = tmp_path / "SA_03_002_05V1_ver001.csv"
    empty.write_bytes(b"")
    (only,) = check_json(empty)
    assert (only["rule"], only["severity"]) == ("ZL001", "error")
    assert "the file is empty" in only["message"] and "Export it again" in only["message"]

    locked = tmp_path / "SA_03_003_04V1_ver001.csv"
    locked.write_bytes("\ufeffx".encode("utf-16-le"))
    real = Path.read_bytes

    def refuse(self):
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    (only,) = check_json(locked)
    assert only["rule"] == "ZL001" and "Permission denied" in only["message"]


def test_garbage_files_get_their_own_codes_via_cli(tmp_path):
    csv = tmp_path / "applicants.csv"
    csv.write_text("国籍,生年月日\nベトナム,19980512\n", encoding="utf-8")
    junk = tmp_path / "broken.xlsx"
    junk.write_bytes(b"PK\x03\x04 this is not a zip")
    for path, code in ((csv, "ZL020"), (junk, "ZL023")):
        (only,) = check_json(path)
        assert (only["rule"], only["severity"]) == (code, "error"), (path.name, only)


def test_zl002_not_a_template(tmp_path):
    path = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "名簿"
    wb.active["A1"], wb.active["B1"] = "氏名", "国籍"
    wb.save(path)
    result = lint_path(path, Options(on=ON))
    assert [f.rule for f in result.findings] == ["ZL002"]
    assert result.template is None


def test_zl004_inserted_column_is_one_finding(make_workbook):
    path = make_workbook("henkou", clean())
    wb = openpyxl.load_workbook(path)
    wb[HENKOU].insert_cols(5)           # a column inserted before 性別: every label from E on moves right
    wb.save(path)
    result = lint_path(path, Options(on=ON))
    assert at(result, "ZL004") == [(HENKOU, "E5")]
    assert not [f for f in result.findings if f.rule.startswith("ZL1") and f.sheet == HENKOU]
    assert len(result.findings) < 10


def test_zl004_extra_label(make_workbook):
    path = make_workbook("henkou", clean())
    wb = openpyxl.load_workbook(path)
    wb[V].cell(5, 400, "備考")            # a label where the template has none (column OJ)
    wb.save(path)
    result = lint_path(path, Options(on=ON))
    assert at(result, "ZL004") == [(V, "OJ5")]
    assert not [f for f in result.findings if f.rule.startswith("ZL1") and f.sheet == V]


def test_zl004_not_on_template(make_workbook):
    assert at(lint(make_workbook, clean()), "ZL004") == []


def test_zl005_over_300_is_one_finding(make_workbook):
    result = lint(make_workbook, replicate(clean(), 313))     # rows 8-320
    assert at(result, "ZL005") == [(HENKOU, None)]
    f = next(f for f in result.findings if f.rule == "ZL005")
    assert f.row == 308
    assert "313" in f.message


def test_zl006_blank_row_gap(make_workbook):
    rows = clean()
    for sheet in rows:
        rows[sheet] = [rows[sheet][0], {}, rows[sheet][1]]
    result = lint(make_workbook, rows)
    found = [f for f in result.findings if f.rule == "ZL006"]
    assert len(found) == 1
    assert found[0].sheet == HENKOU and found[0].row == 10
    assert "9行目" in found[0].message


def test_zl006_not_without_gap(make_workbook):
    assert at(lint(make_workbook, clean()), "ZL006") == []


def test_zl007_data_without_common_row(make_workbook):
    rows = clean()
    rows[V].append(dict(rows[V][0]))          # 区分V row 10 filled, common row 10 blank
    result = lint(make_workbook, rows)
    found = [f for f in result.findings if f.rule == "ZL007"]
    assert [(f.sheet, f.row) for f in found] == [(V, 10)]
    assert at(lint(make_workbook, clean()), "ZL007") == []


def test_zl008_status_inferred(make_workbook):
    result = lint(make_workbook, clean(), status=None)
    assert at(result, "ZL008") == [(None, None)]
    assert result.template.status_label == SSW
    assert errors(result) == []
    assert at(lint(make_workbook, clean()), "ZL008") == []


def test_zl009_data_on_unselected_sheet(make_workbook):
    rows = clean()
    rows[P] = _student_rows()[P]             # 区分P holds data, but 特定技能 (区分V) is selected
    result = lint(make_workbook, rows)
    assert [s for s, _ in at(result, "ZL009")] == [P]
    assert at(lint(make_workbook, clean()), "ZL009") == []


def test_zl010_sheet_too_large(make_workbook):
    path = make_workbook("henkou", clean())
    wb = openpyxl.load_workbook(path)
    wb[V].cell(5000, 2, "x")
    wb.save(path)
    result = lint_path(path, Options(on=ON))
    assert [s for s, _ in at(result, "ZL010")] == [V]
    assert at(lint(make_workbook, clean()), "ZL010") == []


# --- ZL1xx: the column table --------------------------------------------------------------------

def test_zl101_required(make_workbook):
    result = lint(make_workbook, changed(clean(), HENKOU, "F", None))
    assert at(result, "ZL101") == [(HENKOU, "F8")]
    f = next(f for f in result.findings if f.rule == "ZL101")
    assert f.message.startswith("出生地は必須入力です")
    assert f.field == "出生地" and f.row == 8 and f.column == "F"


def test_mobile_required_only_when_phone_blank(make_workbook):
    rows = changed(clean(), HENKOU, "O", None)                   # no phone (N) and no mobile (O)
    assert (HENKOU, "O8") in at(lint(make_workbook, rows), "ZL101")
    rows = changed(rows, HENKOU, "N", "0312345678")              # phone only: fine
    result = lint(make_workbook, rows)
    assert at(result, "ZL101") == []
    rows = changed(rows, HENKOU, "O", "09012345678")             # both: fine, no ZL108
    result = lint(make_workbook, rows)
    assert at(result, "ZL101") == [] and at(result, "ZL108") == []
    assert errors(result) == []


def test_zl102_character_class(make_workbook):
    result = lint(make_workbook, changed(clean(), HENKOU, "J", "１６０００２３"))
    assert at(result, "ZL102") == [(HENKOU, "J8")]
    assert "「１６０２３」" in next(f.message for f in result.findings if f.rule == "ZL102")
    assert at(lint(make_workbook, changed(clean(), HENKOU, "J", "1600023")), "ZL102") == []


def test_zl103_too_long(make_workbook):
    result = lint(make_workbook, changed(clean(), HENKOU, "H", "あ" * 41))
    assert at(result, "ZL103") == [(HENKOU, "H8")]
    assert at(lint(make_workbook, changed(clean(), HENKOU, "H", "あ" * 40)), "ZL103") == []


def test_zl104_exact_length(make_workbook):
    result = lint(make_workbook, changed(clean(), HENKOU, "J", "160002"))
    assert at(result, "ZL104") == [(HENKOU, "J8")]
    assert at(lint(make_workbook, clean()), "ZL104") == []


def test_zl105_not_in_list(make_workbook):
    result = lint(make_workbook, changed(clean(), HENKOU, "E", "男 Male"))
    assert at(result, "ZL105") == [(HENKOU, "E8")]
    assert next(f.message for f in result.findings if f.rule == "ZL105").startswith("性別に該当する情報がありません")
    assert at(lint(make_workbook, changed(clean(), HENKOU, "E", "女 female")), "ZL105") == []


def test_zl106_municipality_not_in_prefecture(make_workbook):
    rows = changed(clean(), HENKOU, "L", "大阪市北区")              # 都道府県 K is 東京都
    result = lint(make_workbook, rows)
    assert at(result, "ZL106") == [(HENKOU, "L8")]
    assert "東京都" in next(f.message for f in result.findings if f.rule == "ZL106")
    rows = changed(rows, HENKOU, "K", "大阪府")
    assert at(lint(make_workbook, rows), "ZL106") == []


def test_zl107_parent_missing_on_parent_cell(make_workbook):
    result = lint(make_workbook, changed(clean(), HENKOU, "K", None))   # 市区町村 L filled, 都道府県 K blank
    assert at(result, "ZL107") == [(HENKOU, "K8")]
    f = next(f for f in result.findings if f.rule == "ZL107")
    assert f.message.startswith("日本における連絡先　住居地(市区町村)を入力している場合は、"
                                "日本における連絡先　住居地(都道府県)を入力してください")
    # the child gets no other finding
    assert not [f for f in result.findings if f.cell == "L8"]
    assert at(lint(make_workbook, clean()), "ZL107") == []


def test_zl108_filled_but_not_applicable(make_workbook):
    rows = changed(clean(), HENKOU, "X", "AB")                   # 在留カードの有無 = 有 Yes, ED番号 filled
    rows = changed(rows, HENKOU, "Y", "1234567")
    result = lint(make_workbook, rows)
    assert at(result, "ZL108") == [(HENKOU, "X8")]              # one finding for the block X–Y
    assert "Y8" in next(f.message for f in result.findings if f.rule == "ZL108")
    rows = changed(rows, HENKOU, "V", "無 No")                   # no card: ED番号 applies, the card number not
    rows = changed(rows, HENKOU, "W", None)
    result = lint(make_workbook, rows)
    assert at(result, "ZL108") == [] and at(result, "ZL101") == []


def test_zl108_not_on_either_or_fields(make_workbook):
    rows = changed(clean(), HENKOU, "N", "0312345678")            # 電話番号 and 携帯電話番号 both filled
    assert at(lint(make_workbook, rows), "ZL108") == []


# --- ZL6xx: damaged values ----------------------------------------------------------------------

def test_zl601_number_for_text(make_workbook):
    result = lint(make_workbook, changed(clean(), V, "CS", 230000))
    assert at(result, "ZL601") == [(V, "CS8")]
    assert next(f.severity for f in result.findings if f.rule == "ZL601") == "warning"
    assert at(lint(make_workbook, clean()), "ZL601") == []


def test_zl602_lost_leading_zero(make_workbook):
    result = lint(make_workbook, changed(clean(), HENKOU, "O", 9012345678))
    assert at(result, "ZL602") == [(HENKOU, "O8")]
    assert "09012345678" in next(f.message for f in result.findings if f.rule == "ZL602")
    assert at(result, "ZL601") == []          # the damage is reported once, as ZL602
    assert at(lint(make_workbook, clean()), "ZL602") == []


def test_zl603_exponent_notation(make_workbook):
    result = lint(make_workbook, changed(clean(), V, "EK", "1.23457E+12"))
    assert (V, "EK8") in at(result, "ZL603")
    assert at(lint(make_workbook, changed(clean(), V, "EK", "1234567890123")), "ZL603") == []


def test_zl604_date_cell(make_workbook):
    result = lint(make_workbook, changed(clean(), V, "CD", dt.datetime(2026, 5, 1)))
    assert at(result, "ZL604") == [(V, "CD8")]
    assert at(lint(make_workbook, clean()), "ZL604") == []


# --- the command line ---------------------------------------------------------------------------

FINDING_KEYS = {"rule", "severity", "sheet", "cell", "row", "column", "field", "message"}


def _faulty(make_workbook):
    rows = changed(clean(), HENKOU, "F", None)                 # ZL101 F8
    rows = changed(rows, HENKOU, "E", "男 Male")                # ZL105 E8
    return make_workbook("henkou", rows)


def test_cli_json_follows_conventions(make_workbook):
    path = _faulty(make_workbook)
    res = CliRunner().invoke(main, ["check", "--format", "json", "--on", "2026-05-01", str(path)])
    assert res.exit_code == 1, res.output
    out = json.loads(res.stdout)
    assert out["version"] == 1
    assert {"version", "files", "summary"} <= set(out)
    assert {"files", "errors", "warnings", "infos"} <= set(out["summary"])
    assert out["summary"]["files"] == 1 and out["summary"]["errors"] >= 2
    f = out["files"][0]
    assert {"path", "template", "applicants", "findings"} <= set(f)
    assert f["template"]["procedure"] == "変更"
    assert f["template"]["version"] == "2026/04/01"
    assert f["template"]["status"] == "特定技能"
    assert f["applicants"] == 2
    for x in f["findings"]:
        assert FINDING_KEYS <= set(x)
        assert x["severity"] in ("error", "warning", "info")
    cells = {(x["rule"], x["sheet"], x["cell"], x["row"], x["column"]) for x in f["findings"]}
    assert ("ZL101", HENKOU, "F8", 8, "F") in cells
    assert ("ZL105", HENKOU, "E8", 8, "E") in cells
    assert sum(x["severity"] == "error" for x in f["findings"]) == out["summary"]["errors"]


def test_cli_clean_exit_0(make_workbook):
    res = CliRunner().invoke(main, ["check", "--on", "2026-05-01", str(make_workbook("henkou", clean()))])
    assert res.exit_code == 0, res.output


def test_cli_lang_en(make_workbook):
    res = CliRunner().invoke(main, ["check", "--format", "json", "--lang", "en", "--on", "2026-05-01",
                                    str(_faulty(make_workbook))])
    msgs = {x["rule"]: x["message"] for x in json.loads(res.stdout)["files"][0]["findings"]}
    assert msgs["ZL101"].endswith("is required.")
    assert "is not in list" in msgs["ZL105"]


def test_cli_select_ignore(make_workbook):
    res = CliRunner().invoke(main, ["check", "--format", "json", "--select", "ZL1", "--ignore", "ZL101",
                                    "--on", "2026-05-01", str(_faulty(make_workbook))])
    rules = [x["rule"] for x in json.loads(res.stdout)["files"][0]["findings"]]
    assert "ZL105" in rules
    assert all(r.startswith("ZL1") and r != "ZL101" for r in rules)


def test_cli_rules_lists_every_code():
    res = CliRunner().invoke(main, ["rules"])
    assert res.exit_code == 0
    listed = {line.split()[0] for line in res.output.splitlines() if line.strip()}
    assert listed == {r.code for r in R.all_rules()}
    wanted = {f"ZL00{i}" for i in range(1, 10)} | {"ZL010"} | {f"ZL10{i}" for i in range(1, 9)} \
        | {f"ZL60{i}" for i in range(1, 5)}
    assert wanted <= listed


def test_cli_explain():
    res = CliRunner().invoke(main, ["explain", "ZL101"])
    assert res.exit_code == 0
    assert res.output.startswith("ZL101 required (error, official-tool)")
    assert "\n根拠: 〔公式ツール〕" in res.output
    assert "必須入力" in res.output
    res = CliRunner().invoke(main, ["explain", "zl101", "--lang", "en"])
    assert res.exit_code == 0 and "required" in res.output
    res = CliRunner().invoke(main, ["explain", "ZL999"])
    assert res.exit_code == 2


def test_cli_settings_from_toml(make_workbook, tmp_path, monkeypatch):
    path = _faulty(make_workbook)
    (tmp_path / "zairyu-lint.toml").write_text(
        'format = "json"\nlang = "en"\non = "2026-05-01"\nignore = "ZL105"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["check", str(path)])
    out = json.loads(res.stdout)                               # format from the settings
    rules = {x["rule"]: x["message"] for x in out["files"][0]["findings"]}
    assert rules["ZL101"].endswith("is required.")             # lang from the settings
    assert "ZL105" not in rules                                # ignore from the settings
    res = CliRunner().invoke(main, ["check", "--lang", "ja", "--ignore", "ZL101", str(path)])
    rules = {x["rule"]: x["message"] for x in json.loads(res.stdout)["files"][0]["findings"]}
    assert "ZL101" not in rules and "ZL105" in rules           # the command line wins
    assert rules["ZL105"].startswith("性別に該当する情報がありません")


def test_cli_bad_settings_is_usage_error(make_workbook, tmp_path, monkeypatch):
    (tmp_path / "zairyu-lint.toml").write_text('colour = "red"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["check", str(make_workbook("henkou", clean()))])
    assert res.exit_code == 2
