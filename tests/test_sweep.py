"""All-status false-positive sweep: valid applications the official checker passes get no error from us.

Each case in tests/golden/sweep/ is a set of generated applicants (devtools.sweepgen) for one 区分 sheet ×
procedure × status that the official workbook's own check reported 0 errors on (<name>.oracle.json,
made by tests/golden/sweep/make_sweep.py), and tests/data/upload/sweep/<name>.csv is the upload file its
official export wrote. Both must lint without any error finding on the filing date 2026-12-01.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from devtools.sweep_cases import all_cases
from linter.engine import Options, lint_path
from linter.run import lint_one
from schemas.snapshot import PROCEDURES

from conftest import snapshot

REPO = Path(__file__).resolve().parents[1]
SWEEP = REPO / "tests" / "golden" / "sweep"
UPLOAD = REPO / "tests" / "data" / "upload" / "sweep"
ON = dt.date(2026, 12, 1)
CASES = sorted(p.name[: -len(".rows.json")] for p in SWEEP.glob("*.rows.json"))
BY_NAME = {c["name"]: c for c in all_cases()}


def _errors(result) -> list:
    """Error findings, and warnings of a rule without a verified source (issue 9: neither on a clean workbook)."""
    from schemas.rules import get
    return [f for f in result.findings
            if f.severity == "error" or (f.severity == "warning" and get(f.rule).source_kind == "unverified")]


def _describe(findings) -> str:
    return "\n".join(f"  {f.rule} {f.sheet or ''}!{f.cell or ''} {f.field or ''}: {f.message}" for f in findings)


def _case(name: str) -> dict:
    case = BY_NAME.get(name)
    assert case is not None, f"{name} is not a case of devtools.sweep_cases"
    oracle = json.loads((SWEEP / f"{name}.oracle.json").read_text(encoding="utf-8"))
    # only cases the official checker accepted are goldens
    assert oracle["ran"] and oracle["errors"] == [], f"{name}: the official checker reported errors"
    return case


def test_sweep_has_cases():
    assert CASES, "no sweep goldens in tests/golden/sweep"


@pytest.mark.parametrize("name", CASES)
def test_sweep_workbook_has_no_error(name, make_workbook):
    case = _case(name)
    rows = json.loads((SWEEP / f"{name}.rows.json").read_text(encoding="utf-8"))
    path = make_workbook(case["procedure"], rows, case["status"], name=f"{name}.xlsx")
    result = lint_path(path, Options(on=ON))
    assert result.template is not None and result.template.status_label == case["status"]
    assert result.applicants == len(rows[snapshot(case["procedure"]).common_sheet])
    errors = _errors(result)
    assert not errors, f"{name}: {len(errors)} error finding(s) on a workbook the official checker passes:\n" \
                       + _describe(errors)


@pytest.mark.parametrize("name", CASES)
def test_sweep_upload_file_has_no_error(name, tmp_path):
    case = _case(name)
    snap = snapshot(case["procedure"])
    status = snap.status_by_label(case["status"])
    # the name the official export proposes (the committed copy is named after the case; 認定 文化活動 is ver002)
    target = tmp_path / f"{PROCEDURES[case['procedure']][2]}_{status.screen_code}_ver{status.file_version or '001'}.csv"
    shutil.copyfile(UPLOAD / f"{name}.csv", target)
    result = lint_one(str(target), Options(on=ON))
    assert result.template is not None and result.template.status_label == case["status"]
    errors = _errors(result)
    assert not errors, f"{name}: {len(errors)} error finding(s) on the official export of a clean workbook:\n" \
                       + _describe(errors)
