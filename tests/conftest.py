"""Shared fixtures: the official workbooks (read-only, from ../shared/official) and workbook builders.

Under CI=true nothing the suite needs may be missing: `require()` turns what would be a skip on a
developer's machine (no ../shared/official, no LibreOffice, no Node) into a failure.
"""
from __future__ import annotations

import importlib
import json
import os
import shutil
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
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def require(available: bool, what: str) -> None:
    """Skip when `what` is missing on a developer's machine; fail under CI=true (CI must run everything)."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"CI=true but {what} is missing (.ci/run installs it)", pytrace=False)
    pytest.skip(f"{what} is missing")


def require_tool(name: str) -> str:
    path = shutil.which(name)
    require(path is not None, f"the program `{name}`")
    return path


def require_module(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        require(False, f"the Python module `{name}`")


def official(procedure: str) -> Path:
    path = OFFICIAL / OFFICIAL_FILES[procedure]
    require(path.exists(), f"the official workbook {path}")
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
