"""The engine reproduces every error of the official VBA checker (tests/golden/*.oracle.json).

Each golden fixture is a list of input rows (tests/golden/<name>.rows.json, first element = row 8)
and the errors the official workbook's own checks reported for them, run headless in LibreOffice
(tests/golden/make_goldens.sh). Each fixture is linted twice: as the **real official template** filled
with the same rows (its sheet XML edited; the sheets the official tool showed made visible, the menu
status set), and as a bare workbook built from the snapshot. On both, every official (sheet, cell,
message) must be matched by a ZL1xx finding on the same sheet and cell whose message starts with the
official text (ours may append details in （…）), and no ZL101-ZL107 cell of ours may be missing from the
official list. The engine may report more of its own kinds (ZL108, ZL6xx, the rows after a blank row, ...).
"""
from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import GOLDEN, SSW, golden_rows
from linter.engine import Options, lint_path

STATUS_P = "留学 Student"
FILING_DATE = dt.date(2026, 5, 1)


def _fixtures() -> list[str]:
    names = []
    for oracle in sorted(GOLDEN.glob("*.oracle.json")):
        name = oracle.name[: -len(".oracle.json")]
        if (GOLDEN / f"{name}.rows.json").exists():
            names.append(name)
    return names


# the menu status of each fixture kind, as in tests/golden/make_goldens.sh
STATUSES = {"v": SSW, "p": STATUS_P,
            "n": "技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer,Humanities specialist,Int'l Services/"
                 "Designated Activities（No.４６）",
            "t": "日本人の配偶者等 Spouse or Child of Japanese National"}


def _status(name: str) -> str:
    """The fixture's menu status: *_v* 特定技能, *_p* 留学, *_n* 技術・人文知識・国際業務, *_t* 日本人の配偶者等."""
    suffix = name.split("_", 1)[1]
    assert suffix[0] in STATUSES, f"unknown status for golden fixture {name}"
    return STATUSES[suffix[0]]


def _procedure(name: str) -> str:
    proc = name.split("_", 1)[0]
    assert proc in ("henkou", "koushin", "nintei"), name
    return proc


def _oracle(name: str) -> dict:
    return json.loads((GOLDEN / f"{name}.oracle.json").read_text(encoding="utf-8"))


def reproduces(ours: str, official: str) -> bool:
    """Our message is the official one, or the official one with details in （…） before its final 。."""
    if ours == official:
        return True
    stem = official[:-1] if official.endswith("。") else official
    return ours.startswith(stem + "（") and ours.endswith("）。")


FIXTURES = _fixtures()
# discrepancies the engine cannot reproduce yet: {(fixture, sheet, cell, message-prefix): reason}
KNOWN_MISSES: dict[tuple[str, str, str, str], str] = {}


ROUTES = ("official", "bare")


@pytest.fixture(scope="module")
def linted(tmp_path_factory):
    """(name, route) -> FileResult, each fixture linted once per route and module."""
    from conftest import cells_of, fill_official, official, snapshot
    from devtools.bare import write_bare_workbook
    cache = {}

    def get(name: str, route: str = "bare"):
        if (name, route) not in cache:
            folder = tmp_path_factory.mktemp(f"golden_{route}")
            rows = golden_rows(name)
            if route == "official":
                src = official(_procedure(name))
                visible = [s for s in _oracle(name)["visible_sheets"] if s != "エラー"]
                path = fill_official(src, folder / f"{name}{src.suffix}", cells_of(rows), _status(name), visible)
            else:
                path = write_bare_workbook(snapshot(_procedure(name)), folder / f"{name}.xlsx", rows, _status(name))
            cache[name, route] = lint_path(path, Options(on=FILING_DATE))
        return cache[name, route]
    return get


def test_golden_fixtures_present():
    assert {_procedure(n) for n in FIXTURES} == {"henkou", "koushin", "nintei"}
    for name in FIXTURES:
        assert _oracle(name)["errors"] is not None


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("name", FIXTURES)
def test_template_identified(name, route, linted):
    result = linted(name, route)
    assert not result.unreadable
    assert result.template is not None
    assert result.template.status_label == _status(name)
    assert result.applicants >= 1
    if route == "official":      # the real template: same applicants as its bare copy, the official version
        assert result.path.endswith(".xlsm") and result.template.source != "workbook"
        assert result.applicants == linted(name, "bare").applicants


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("name", FIXTURES)
def test_every_official_error_reproduced(name, route, linted):
    result = linted(name, route)
    by_cell: dict[tuple[str, str], list] = {}
    for f in result.findings:
        if f.rule.startswith("ZL1") and f.cell:
            by_cell.setdefault((f.sheet, f.cell), []).append(f)
    missing = []
    for err in _oracle(name)["errors"]:
        sheet, cell, message = err["sheet"], err["cell"], err["message"]
        found = [f for f in by_cell.get((sheet, cell), []) if reproduces(f.message, message)]
        if found:
            continue
        if any(k[:3] == (name, sheet, cell) and message.startswith(k[3]) for k in KNOWN_MISSES):
            continue
        got = [f"{f.rule} {f.message}" for f in by_cell.get((sheet, cell), [])]
        missing.append(f"{sheet}!{cell}: official 「{message}」; engine gave {got or 'nothing'}")
    assert not missing, f"{name}: {len(missing)} official error(s) not reproduced:\n" + "\n".join(missing)


@pytest.mark.parametrize("name", FIXTURES)
def test_engine_cells_are_official_cells(name, linted):
    """The converse for ZL101-ZL107 on the rows the official tool checks: no cell of ours that it does not flag.

    The official loop stops at the first blank row of the common sheet, so rows after a gap are not
    compared; ZL108 and ZL6xx are not checks of the official tool.
    """
    result = linted(name)
    official = {(e["sheet"], e["cell"]) for e in _oracle(name)["errors"]}
    gap = [f.row for f in result.findings if f.rule == "ZL006"]
    last = min(gap) - 1 if gap else 10**9
    extra = [f"{f.rule} {f.sheet}!{f.cell} {f.message}" for f in result.findings
             if f.rule in {"ZL101", "ZL102", "ZL103", "ZL104", "ZL105", "ZL106", "ZL107"}
             and f.cell and f.row < last and (f.sheet, f.cell) not in official]
    assert not extra, f"{name}: engine errors the official tool does not report:\n" + "\n".join(extra)


# families of the official checks and of the file/damage rules; ZL2xx-ZL5xx look beyond the official
# tool (e.g. ZL210 the corporate-number check digit, which the fixtures' made-up numbers fail)
OFFICIAL_FAMILIES = ("ZL0", "ZL1", "ZL6")


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("name", [n for n in FIXTURES if n.endswith("_clean")])
def test_clean_fixture_has_no_error(name, route, linted):
    assert _oracle(name)["errors"] == []
    errors = [f"{f.rule} {f.sheet}!{f.cell} {f.message}" for f in linted(name, route).findings
              if f.severity == "error" and f.rule.startswith(OFFICIAL_FAMILIES)]
    assert not errors, "\n".join(errors)
