"""The bundled sample workbooks (sample_workbooks/, made by linter.samplegen)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from linter.engine import Options, lint_path
from linter.samplegen import (SAMPLES, build_all, corporate_number, corporate_number_ok, koushin_rows,
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


# verified by reading `zairyu-lint check sample_workbooks/koushin_ssw_mistakes.xlsx --on 2026-12-01`
EXPECTED_MISTAKES = {
    ("ZL602", C, "N9"),     # mobile phone typed as a number: leading 0 lost
    ("ZL102", C, "I10"),    # postal code with a hyphen
    ("ZL104", C, "I10"),
    ("ZL105", C, "B11"),    # 'ベトナム' without the English part of the label
    ("ZL102", C, "L12"),    # half-width digits in the 全角 street address
    ("ZL101", C, "V13"),    # card number blank although 在留カードの有無 = 有
    ("ZL106", C, "K14"),    # municipality not in the prefecture
    ("ZL604", C, "T15"),    # expiry date typed as an Excel date
    ("ZL108", C, "W16"),    # ED number filled although the card is held
    ("ZL105", C, "E17"),    # '男' instead of '男 male'
    ("ZL106", C, "Y18"),    # 2号 period for a 1号 holder
    ("ZL102", C, "BW19"),   # full-width ＠ in the e-mail address
    ("ZL101", C, "Z20"),    # reason left blank
    ("ZL601", V, "EK21"),   # corporate number stored as a number
    ("ZL201", C, "T22"),    # expiry date written with slashes (the official tool lets it through)
    ("ZL102", V, "IT23"),   # registration number in half-width digits
    ("ZL602", C, "I24"),    # Hokkaido postal code typed as a number
    ("ZL104", C, "I24"),
    ("ZL102", V, "CS25"),   # monthly pay with a thousands comma
    ("ZL006", C, None),     # blank row 36 before applicants in rows 37-38
}
PLANTED_ROWS = set(range(9, 26)) | {37}


def test_mistakes_sample_reports_the_planted_mistakes(results):
    r = results["koushin_ssw_mistakes.xlsx"]
    got = {(f.rule, f.sheet, f.cell) for f in r.findings}
    assert EXPECTED_MISTAKES <= got, sorted(EXPECTED_MISTAKES - got)
    zl006 = [f for f in r.findings if f.rule == "ZL006"]
    assert len(zl006) == 1 and zl006[0].row == 37
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
