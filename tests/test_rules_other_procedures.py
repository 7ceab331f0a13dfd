"""Format and filing-date rules (ZL2xx, ZL5xx) on 更新 and 認定 workbooks, not only 変更.

The clean golden rows of each procedure (accepted by the official checker; corporate numbers given a real
check digit) with one planted fault each; the rule must report that cell, and nothing of that rule
may be reported on the clean rows. Each fault is what the rule's cited source describes (its explain text).
"""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import golden_rows, snapshot, with_real_corporate_numbers
from linter.engine import Options, lint_path

V = "申請情報入力(区分V)"
ON = dt.date(2026, 5, 1)




def clean(procedure: str) -> dict:
    return with_real_corporate_numbers(golden_rows(f"{procedure}_v_clean"))


def wrong_check_digit(number: str) -> str:
    return str((int(number[0]) + 1) % 10) + number[1:]


# (procedure, sheet key, column, value or function of the clean value, rule, why - from the rule's explain)
CASES = [
    ("koushin", "C", "C", "19990231", "ZL201", "20260230, 19990431: not a real calendar date"),
    ("nintei", "C", "C", "20010231", "ZL201", "not a real calendar date"),
    ("koushin", "C", "T", "2026/06/30", "ZL201", "在留期間の満了日 has no format check in the table: 8 digits"),
    ("koushin", "V", "EK", wrong_check_digit, "ZL210", "the 法人番号's check digit"),
    ("nintei", "V", "EK", wrong_check_digit, "ZL210", "the 法人番号's check digit"),
    ("koushin", "C", "T", "20260430", "ZL501", "the period of stay ended before the filing date"),
]


def _lint(make_workbook, procedure, rows, on=ON):
    return lint_path(make_workbook(procedure, rows), Options(on=on, lang="en"))


@pytest.mark.parametrize("procedure", ["koushin", "nintei"])
def test_clean_rows_have_none_of_these_rules(make_workbook, procedure):
    res = _lint(make_workbook, procedure, clean(procedure))
    assert res.template is not None and res.applicants == 2
    rules = {rule for p, *_, rule, _ in CASES if p == procedure}
    assert not [f for f in res.findings if f.rule in rules], [f for f in res.findings if f.rule in rules]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[4]}-{c[2]}" for c in CASES])
def test_rule_fires_on_the_planted_cell(make_workbook, case):
    procedure, key, col, value, rule, _why = case
    rows = clean(procedure)
    sheet = snapshot(procedure).common_sheet if key == "C" else V
    old = rows[sheet][0].get(col)
    rows[sheet][0][col] = value(old) if callable(value) else value
    res = _lint(make_workbook, procedure, rows)
    got = [(f.sheet, f.cell) for f in res.findings if f.rule == rule]
    assert got == [(sheet, f"{col}8")], (rule, got)
