"""The cell-table rules (ZL1xx, ZL6xx) are one-file units: declaration, check and report in one module.

And ZL108's reason, prose built from the row's condition, is data in both languages: a finding shown in
the other language than the run's reads wholly in that language.
"""
from __future__ import annotations

import copy
import datetime as dt
import importlib
from pathlib import Path

from conftest import golden_rows, snapshot
from linter.engine import Options, lint_path
from schemas import rules as R
from schemas.template_schema import sheet_schema

ON = dt.date(2026, 5, 1)
HENKOU = snapshot("henkou").common_sheet
SIM = "申請情報入力(同時申請)"
RULES_DIR = Path(R.__file__).parent


def test_every_cell_table_rule_is_a_unit():
    cell_rules = [r for r in R.all_rules() if r.on == "cell-table"]
    assert len(cell_rules) >= 12
    for r in cell_rules:
        unit = f"{r.code.lower()}_{r.name.replace('-', '_')}"
        assert r.by == f"schemas.rules.{unit}", (r.code, r.by)       # its own module, named after it
        assert (RULES_DIR / f"{unit}.py").is_file(), r.code
        module = importlib.import_module(r.by)
        assert callable(r.check) and callable(r.report), r.code   # the check and where its findings go
        assert r.check is module.check and r.report is module.report, r.code
    assert R.checks_on("cell-table") == cell_rules
    # the family modules hold no cell-table rule any more
    assert not (RULES_DIR / "column_rules.py").exists() and not (RULES_DIR / "damage_rules.py").exists()


def test_the_sheet_schema_runs_the_registered_checks():
    snap = snapshot("henkou")
    schema = sheet_schema(snap, None, snap.common_sheet)
    assert [c.name for c in schema.checks] == [r.code for r in R.checks_on("cell-table")]


# the prose of the reason in each language (the field labels and values are Japanese in both)
JA_PROSE = ("のときだけ入力します", "項目", "では使われない列", "ではありません")
EN_PROSE = ("only when", "fields", "not used for the status", "is not 「")


def _zl108_in_both_languages(path: Path) -> list:
    found = []
    for lang in ("ja", "en"):
        res = lint_path(path, Options(on=ON, lang=lang, fixes=False))
        found.append([f for f in res.findings if f.rule == "ZL108"])
    ja_run, en_run = found
    assert [f.cell for f in ja_run] == [f.cell for f in en_run] and ja_run
    for f_ja, f_en in zip(ja_run, en_run):
        assert f_ja.text("ja") == f_ja.message == f_en.text("ja")     # either run renders each language alike
        assert f_en.text("en") == f_en.message == f_ja.text("en")
        ja, en = f_ja.text("ja"), f_ja.text("en")
        assert any(p in ja for p in JA_PROSE) and not any(p in ja for p in EN_PROSE), ja
        assert any(p in en for p in EN_PROSE) and not any(p in en for p in JA_PROSE), en
    return ja_run


def test_zl108_reason_is_in_the_language_it_is_shown_in(make_workbook):
    rows = copy.deepcopy(golden_rows("henkou_v_simul"))
    rows[HENKOU][0].update(X="AB", Y="1234567")     # ED番号 while 在留カードの有無 = 有: two fields, one condition
    rows[SIM][0]["AF"] = "成田"                       # a 再入国 block field while its kind (B) is 無
    got = _zl108_in_both_languages(make_workbook("henkou", rows))
    assert [(f.sheet, f.cell) for f in got] == [(HENKOU, "X8"), (SIM, "AF8")]
    assert "X8〜Y8 の 2 項目" in got[0].text("ja") and "2 fields X8–Y8" in got[0].text("en")


def test_zl108_hidden_column_reason_is_in_the_language_it_is_shown_in(make_workbook):
    st = next(st for st in snapshot("henkou").statuses if st.label.startswith("教授"))
    rows = {HENKOU: copy.deepcopy(golden_rows("henkou_v_clean")[HENKOU]), st.sheet: [{"BN": "データ"}, {}]}
    got = _zl108_in_both_languages(make_workbook("henkou", rows, status=st.label))
    assert [(f.sheet, f.cell) for f in got] == [(st.sheet, "BN8")]
    assert "「教授」" in got[0].text("ja") and "「教授」" in got[0].text("en")


def test_the_reason_parameter_is_text_in_both_languages(make_workbook):
    rows = copy.deepcopy(golden_rows("henkou_v_clean"))
    rows[HENKOU][0].update(X="AB")
    res = lint_path(make_workbook("henkou", rows), Options(on=ON, fixes=False))
    f = next(f for f in res.findings if f.rule == "ZL108")
    assert isinstance(f.params["reason"], R.Text)
