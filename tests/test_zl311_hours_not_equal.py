"""ZL311 as one unit: its module declares the rule and registers its check; the engine finds it."""
from __future__ import annotations

import copy
import datetime as dt

import pytest

from conftest import golden_rows
from linter.engine import Options, lint_path
from schemas import rules as R

ON = dt.date(2026, 5, 1)
V = "申請情報入力(区分V)"


def test_the_rule_module_holds_declaration_and_check():
    r = R.get("ZL311")
    assert r.by == "schemas.rules.zl311_hours_not_equal" and r.on == "applicant-frame" and r.check is not None
    assert r in R.checks_on("applicant-frame")


@pytest.mark.parametrize("answer, fires", [("無 No", True), ("有 Yes", False), ("", False)])
def test_hours_not_equal(make_workbook, answer, fires):
    rows = copy.deepcopy(golden_rows("henkou_v_clean"))
    rows[V][0]["CR"] = answer           # 所定労働時間が通常の労働者の所定労働時間と同等であることの有無
    res = lint_path(make_workbook("henkou", rows), Options(on=ON, fixes=False))
    got = [f for f in res.findings if f.rule == "ZL311"]
    if not fires:
        assert got == []
        return
    assert [(f.sheet, f.cell, f.severity) for f in got] == [(V, "CR8", "warning")]
    assert "無 No" in got[0].message and got[0].text("en").endswith("特定技能 requires full-time employment.")
