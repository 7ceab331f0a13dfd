"""Shared fixtures: the official workbooks (read-only, from ../shared/official) and workbook builders."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.bare import write_bare_workbook
from schemas.snapshot import load_snapshot

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
OFFICIAL = REPO.parent / "shared" / "official"
SSW = "特定技能 Specified Skilled Worker"
SNAPSHOT_VERSIONS = {"henkou": "2026/04/01", "koushin": "2026/02/27", "nintei": "2026/04/01"}
OFFICIAL_FILES = {"henkou": "henkou_2026-04-01.xlsm", "koushin": "koushin_2026-02-27.xlsm",
                  "nintei": "nintei_2026-04-01.xlsm"}


def official(procedure: str) -> Path:
    path = OFFICIAL / OFFICIAL_FILES[procedure]
    if not path.exists():
        pytest.skip(f"official workbook not available at {path}")
    return path


def snapshot(procedure: str):
    return load_snapshot(procedure, SNAPSHOT_VERSIONS[procedure])


def golden_rows(name: str) -> dict:
    return json.loads((GOLDEN / f"{name}.rows.json").read_text(encoding="utf-8"))


@pytest.fixture
def make_workbook(tmp_path):
    """make_workbook(procedure, rows, status=SSW, name=...) -> path of a bare template workbook."""
    counter = iter(range(10_000))

    def make(procedure: str, rows: dict, status: str | None = SSW, name: str | None = None, **kw) -> Path:
        path = tmp_path / (name or f"{procedure}_{next(counter)}.xlsx")
        return write_bare_workbook(snapshot(procedure), path, rows, status, **kw)
    return make
