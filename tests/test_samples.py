"""The bundled sample workbooks (sample_workbooks/, made by devtools.samplegen)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from linter.engine import Options, lint_path
from devtools.samplegen import (SAMPLES, build_all, corporate_number, corporate_number_ok, koushin_rows,
                              make_people)

REPO = Path(__file__).resolve().parents[1]
SAMPLES_DIR = REPO / "sample_workbooks"
ON = Options(on=dt.date(2026, 12, 1))
C = "申請情報入力(在留期間更新許可申請)"
V = "申請情報入力(区分V)"


@pytest.fixture(scope="module")
def results():
    return {name: lint_path(SAMPLES_DIR / name, ON) for name in SAMPLES}


@pytest.mark.parametrize("name", ["koushin_ssw_clean.xlsx", "henkou_ssw_clean.xlsx"])
def test_clean_samples_have_no_errors(results, name):
    r = results[name]
    assert r.applicants == 30
    assert [f for f in r.findings if f.severity == "error"] == []


# The official kinds (ZL101-ZL107) on the mistakes sample: what the official checker itself reported for
# it (tests/golden/koushin_ssw_mistakes.oracle.json: oracle --from-workbook on the 更新 2026/02/27 workbook,
# status 特定技能). The other kinds are not checks of the official tool; each expectation below is the
# planted mistake (sample_workbooks/README.md) read against the rule's cited source (`zairyu-lint explain`).
OFFICIAL_KINDS = {"ZL101", "ZL102", "ZL103", "ZL104", "ZL105", "ZL106", "ZL107"}
MISTAKES_ORACLE = REPO / "tests" / "golden" / "koushin_ssw_mistakes.oracle.json"
PLANTED_OTHER = {
    # ZL602 "digit-only fields stored as numbers that lost their leading zero": 090… typed as a number
    ("ZL602", C, "N9"),
    # ZL604 "no input cell is date-typed": the expiry date entered as an Excel date
    ("ZL604", C, "T15"),
    # ZL108 "card number when 在留カードの有無 = 有 … not filled on a row that does not meet its condition":
    # the ED number (W) filled although the card is held
    ("ZL108", C, "W16"),
    # ZL601 "no input cell holds a numeric value": the 法人番号 stored as a number
    ("ZL601", V, "EK21"),
    # ZL201 "for dates the column table leaves unchecked (在留期間の満了日 …) also checks the form":
    # the expiry date written 2027/01/xx
    ("ZL201", C, "T22"),
    # ZL602 again: the Hokkaido postal code 060-0001 typed as the number 600001
    ("ZL602", C, "I24"),
}
PLANTED_ROWS = set(range(9, 26)) | {37}


def _reproduces(ours: str, official: str) -> bool:
    stem = official[:-1] if official.endswith("。") else official
    return ours == official or (ours.startswith(stem + "（") and ours.endswith("）。"))


def test_mistakes_sample_official_kinds_match_the_official_checker(results):
    oracle = json.loads(MISTAKES_ORACLE.read_text(encoding="utf-8"))
    assert oracle["ran"] and oracle["errors"]
    r = results["koushin_ssw_mistakes.xlsx"]
    gap = min(f.row for f in r.findings if f.rule == "ZL006")     # the official loop stops at the blank row
    ours = [f for f in r.findings if f.rule in OFFICIAL_KINDS and f.cell and f.row < gap]
    missed = [e for e in oracle["errors"]
              if not any(f.sheet == e["sheet"] and f.cell == e["cell"] and _reproduces(f.message, e["message"])
                         for f in ours)]
    assert not missed, missed
    official_cells = {(e["sheet"], e["cell"]) for e in oracle["errors"]}
    extra = [(f.rule, f.sheet, f.cell, f.message) for f in ours if (f.sheet, f.cell) not in official_cells]
    assert not extra, extra


def test_mistakes_sample_reports_the_planted_mistakes(results):
    r = results["koushin_ssw_mistakes.xlsx"]
    got = {(f.rule, f.sheet, f.cell) for f in r.findings}
    assert PLANTED_OTHER <= got, sorted(PLANTED_OTHER - got)
    # ZL006 "no filled row follows a blank row": row 36 is blank, rows 37-38 are filled; one finding, at 37
    zl006 = [f for f in r.findings if f.rule == "ZL006"]
    assert len(zl006) == 1 and zl006[0].row == 37 and zl006[0].sheet == C
    # nothing is reported on the rows without a planted mistake
    assert {f.row for f in r.findings} <= PLANTED_ROWS


def test_320_sample_gives_one_zl005(results):
    r = results["koushin_ssw_320.xlsx"]
    zl005 = [f for f in r.findings if f.rule == "ZL005"]
    assert len(zl005) == 1 and zl005[0].row == 308
    assert [f for f in r.findings if f.severity == "error" and f.rule != "ZL005"] == []


def test_generated_values_are_plausible():
    people = make_people(320)
    cards = [p["card"] for p in people]
    assert len(set(cards)) == len(cards)
    assert len({p["passport"] for p in people}) == len(people)
    assert all(len(c) == 12 and c[:2].isupper() and c[2:10].isdigit() and c[10:].isupper() for c in cards)
    ref = dt.date(2026, 12, 1)
    for p in people:
        assert (ref.year - p["dob"].year - ((ref.month, ref.day) < (p["dob"].month, p["dob"].day))) >= 18
        assert ref < p["expiry"] <= ref + dt.timedelta(days=92)
        assert p["contract_start"] <= p["contract_end"]
        assert p["email"].endswith(("@example.com", "@example.jp"))
    rows = koushin_rows(people[:12])
    for r in rows[V]:
        assert corporate_number_ok(r["EK"])
        if "IL" in r:
            assert corporate_number_ok(r["IL"])
    assert corporate_number("000012050002") == "7000012050002"   # 国税庁 own corporate number


def _values(path: Path) -> dict:
    wb = CalamineWorkbook.from_path(str(path))
    return {name: wb.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in wb.sheet_names}


def test_regenerating_gives_the_committed_values(tmp_path):
    build_all(tmp_path)
    for name in SAMPLES:
        assert _values(tmp_path / name) == _values(SAMPLES_DIR / name), name
