"""Shared fixtures: the official workbooks (read-only, from ../shared/official) and workbook builders.

Under CI=true nothing the suite needs may be missing: `require()` turns what would be a skip on a
developer's machine (no ../shared/official, no LibreOffice, no Node) into a failure.
"""
from __future__ import annotations

import copy
import importlib
import json
import os
import shutil
from pathlib import Path

import pytest

from devtools.bare import write_bare_workbook
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



@pytest.fixture
def remote():
    """xlwings' remote engine (what Excel on the web drives), added even if xlwings was imported before the
    licence key was set (the add-in test modules set XLWINGS_LICENSE_KEY before importing xlwings)."""
    import xlwings as xw
    if "remote" not in xw.engines.engines_by_name:
        from xlwings.pro import _xlremote
        xw.engines.add(xw.main.Engine(impl=_xlremote.engine))
    return xw.engines["remote"]

# --- the official workbook filled with rows, by editing its sheet XML (never through openpyxl) ----------
def _set_cells(xml: str, values: dict) -> str:
    import re
    from xml.sax.saxutils import escape

    from linter.xlsx_package import CELL_RE, REF_RE, attrs_of, cell_xml, expand_empty_sheet_data, sheet_data_span
    xml = expand_empty_sheet_data(xml)
    start, end = sheet_data_span(xml)
    by_row: dict[int, dict] = {}
    for ref, v in values.items():
        by_row.setdefault(int(REF_RE.fullmatch(ref).group(2)), {})[ref] = v

    def fix_row(m):
        text = m.group(0)
        r = int(re.search(r'\br="(\d+)"', text).group(1))
        todo = dict(by_row.get(r, {}))
        if not todo:
            return text

        def fix_cell(cm):
            a = attrs_of(cm.group("attrs"))
            if a.get("r") not in todo:
                return cm.group(0)
            v = todo.pop(a["r"])
            if isinstance(v, (int, float)) and not isinstance(v, bool):    # a numeric cell, as typed in Excel
                a.pop("t", None)
                return cell_xml(a, f"<v>{v!r}</v>")
            a["t"] = "inlineStr"
            return cell_xml(a, f'<is><t xml:space="preserve">{escape(str(v))}</t></is>')
        text = CELL_RE.sub(fix_cell, text)
        assert not todo, f"cells not in the template: {todo}"
        return text
    content = re.sub(r"<row\b[^>]*?(?:/>|>.*?</row>)", fix_row, xml[start:end], flags=re.S)
    return xml[:start] + content + xml[end:]


def fill_official(src: Path, dst: Path, values: dict[str, dict], status: str, visible=None) -> Path:
    """A copy of the official workbook `src` with {sheet: {cell: value}} written into its sheet XML, the
    menu status set and the sheets `visible` (default: the filled ones) shown, as pressing 選択 does."""
    import re

    from linter.xlsx_package import Package
    pkg = Package(src)
    sheets = {s.name: s for s in pkg.sheets()}
    for name, cells in values.items():
        if cells:
            pkg.set_text(sheets[name].part, _set_cells(pkg.text(sheets[name].part), cells))
    wb = pkg.text("xl/workbook.xml")
    for name in (values if visible is None else visible):
        wb = re.sub(r'(<sheet name="%s"[^>]*?) state="(?:veryHidden|hidden)"' % re.escape(name), r"\1", wb)
    pkg.set_text("xl/workbook.xml", wb)
    menu = sheets["メニュー"].part
    pkg.set_text(menu, _set_cells(pkg.text(menu), {"D15": status}))
    return pkg.save(dst, force=True)


def cells_of(rows: dict) -> dict[str, dict]:
    """Golden rows ({sheet: [row8, row9, …]}) as {sheet: {cell: value}}, blanks left out."""
    from schemas.cells import cell_text
    return {s: {f"{c}{8 + i}": v for i, row in enumerate(rs) for c, v in row.items() if cell_text(v) != ""}
            for s, rs in rows.items()}


def corporate_number(base12: str) -> str:
    """A 13-digit corporate number with its correct check digit (法人番号の指定等に関する省令 第2条),
    written here from the ordinance, independently of the product code and the sample generator."""
    digits = [int(c) for c in reversed(base12)]
    total = sum(d * (1 if n % 2 == 0 else 2) for n, d in enumerate(digits))
    return str(9 - total % 9) + base12


def with_real_corporate_numbers(rows: dict) -> dict:
    """A copy of golden rows whose made-up 13-digit corporate numbers get real check digits (ZL210)."""
    rows = copy.deepcopy(rows)
    for sheet_rows in rows.values():
        for r in sheet_rows:
            for col, value in r.items():
                if isinstance(value, str) and len(value) == 13 and value.isdigit():
                    r[col] = corporate_number(value[1:])
    return rows


def addin_defect_rows() -> dict:
    """henkou_v_clean with three planted mistakes the add-in tests paint: errors on C8 and J9, a warning on Q9."""
    common = "申請情報入力(在留資格変更許可申請)"
    rows = copy.deepcopy(golden_rows("henkou_v_clean"))
    rows[common][0]["C"] = "1998/05/12"      # errors ZL102 + ZL104 on C8
    rows[common][1]["J"] = "160-0023"        # errors on J9
    rows[common][1]["Q"] = 12345678          # warning ZL601 (number stored for text) on Q9
    return rows
