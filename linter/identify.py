"""Which template is this: procedure, version and status, from the banner or the header rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from schemas import rules as R
from schemas.cells import cell_text, col_index
from schemas.importer import NotAnOfficialWorkbook, detect_procedure, find_banner, import_workbook
from schemas.sheet_layout import grid_has_data
from schemas.snapshot import (
    LABEL_ROW, PROCEDURES, Snapshot, Status, load_snapshot, shipped_snapshots,
)
from .findings import Finding
from .workbook import WorkbookData

MENU = "メニュー"


@dataclass
class Identity:
    snapshot: Snapshot
    status: Status | None
    source: str                      # snapshot | workbook | nearest
    findings: list[Finding] = field(default_factory=list)


def _file_finding(rule, lang, **params) -> Finding:
    return Finding(rule.code, rule.severity, None, None, None, None, None, rule.message(lang, **params),
                   params=params)


def _header_score(snap: Snapshot, wb: WorkbookData) -> int:
    grid = wb.sheet(snap.common_sheet)
    if grid is None or len(grid.rows) < LABEL_ROW:
        return 0
    row = grid.rows[LABEL_ROW - 1]
    expected = snap.headers.get(snap.common_sheet, {})
    return sum(1 for c, lab in expected.items() if col_index(c) < len(row) and cell_text(row[col_index(c)]) == lab)


def sheet_has_data(wb: WorkbookData, name: str) -> bool:
    return grid_has_data(wb.sheet(name))


def identify(wb: WorkbookData, lang: str = "ja") -> Identity | Finding:
    procedure = detect_procedure(wb.sheet_names)
    if procedure is None:
        expected = " / ".join(p[1] for p in PROCEDURES.values())
        return _file_finding(R.get("ZL002"), lang, expected=expected)
    findings: list[Finding] = []
    banner = None
    menu = wb.sheet(MENU) if MENU in wb.sheet_names else None
    if menu is not None:
        banner = find_banner(menu.rows[:30])
    snap, source = None, "snapshot"
    if banner is not None:
        snap = load_snapshot(procedure, banner[1])
        if snap is None:
            if wb.has_definitions and Path(wb.path).is_file():
                try:
                    snap, source = import_workbook(wb.path), "workbook"
                    how = R.Text("ブック自身の非表示シート（列項目TBL）の定義で検査しました。",
                                 "Checked with the definitions in the workbook's own hidden sheets.")
                except (NotAnOfficialWorkbook, ImportError):   # ImportError: no python-calamine (Pyodide)
                    snap = None
            if snap is None:
                how = R.Text("最も近い版の定義で検査しました。", "Checked with the nearest shipped version.")
            findings.append(_file_finding(R.get("ZL003"), lang, version=banner[1], how=how))
    if snap is None:
        candidates = [load_snapshot(p, v) for (p, v) in shipped_snapshots() if p == procedure]
        if not candidates:
            return _file_finding(R.get("ZL002"), lang, expected=PROCEDURES[procedure][1])
        snap = max(candidates, key=lambda s: (_header_score(s, wb), s.version))
        source = "nearest" if banner is not None else "headers"
    status = _status(snap, wb, menu, findings, lang)
    return Identity(snap, status, source, findings)


def _status(snap: Snapshot, wb: WorkbookData, menu, findings: list[Finding], lang: str) -> Status | None:
    if menu is not None:
        chosen = cell_text(menu.value(*snap.menu_status_cell())).strip()   # a template fact (D15)
        st = snap.status_by_label(chosen)
        if st is not None and st.sheet in wb.sheet_names:
            return st
    # no menu choice: the visible 区分 sheet of an official workbook, else the one holding data
    kubun = [s for s in wb.sheet_names if s.startswith("申請情報入力(区分")]
    visible = [s for s in kubun if wb.visible.get(s)]
    pick = visible[0] if len(visible) == 1 else next((s for s in kubun if sheet_has_data(wb, s)), None)
    if pick is None:
        return None
    hosted = snap.statuses_of_sheet(pick)
    st = hosted[0] if hosted else None
    # say so when a choice was actually made for the user: a menu left blank, or a sheet shared by statuses
    if st is not None and (menu is not None or len(hosted) > 1):
        findings.append(_file_finding(R.get("ZL008"), lang, status=st.label))
    return st
