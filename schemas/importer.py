"""Compile an official workbook's hidden definition sheets into a Snapshot.

Reads 列項目TBL, マスタ, 連動マスタ, 表示シート制御マスタ, メニュー and the header rows of the
input sheets with python-calamine, and the `_<id>_L` defined names from xl/workbook.xml
(parsed with defusedxml: the workbook is user input).
"""
from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from defusedxml import ElementTree as DET

from .cells import col_index, col_letter, cell_text
from .snapshot import (
    BANNER_RE, LABEL_ROW, PROCEDURES, SIMULTANEOUS_SHEET, CodeList, Field, Snapshot, Status,
)

TBL = "列項目TBL"
SHOW = "表示シート制御マスタ"
MASTERS = ("マスタ", "連動マスタ")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
RANGE_RE = re.compile(r"^'?(?P<sheet>[^!']+)'?!\$?(?P<c1>[A-Z]+)\$?(?P<r1>\d+)(?::\$?(?P<c2>[A-Z]+)\$?(?P<r2>\d+))?$")
# 列項目TBL: first column holding per-status CSV positions, and the first one after them
TBL_STATUS_FIRST = col_index("S")


class NotAnOfficialWorkbook(ValueError):
    """The workbook lacks the hidden definition sheets."""


def defined_names(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        root = DET.fromstring(z.read("xl/workbook.xml"))
    out = {}
    for dn in root.iterfind(".//m:definedNames/m:definedName", NS):
        if dn.get("localSheetId") is None and dn.text:
            out[dn.get("name")] = dn.text
    return out


def find_banner(rows: list[list]) -> tuple[str, str] | None:
    for r in rows:
        for v in r:
            if isinstance(v, str):
                m = BANNER_RE.search(v)
                if m:
                    return v.strip(), m.group(1)
    return None


def detect_procedure(sheet_names: list[str]) -> str | None:
    for key, (_, common, _) in PROCEDURES.items():
        if common in sheet_names:
            return key
    return None


def _rows(wb: CalamineWorkbook, name: str, nrows: int | None = None) -> list[list]:
    sheet = wb.get_sheet_by_name(name)
    return sheet.to_python(skip_empty_area=False, nrows=nrows) if nrows else sheet.to_python(skip_empty_area=False)


def _code_lists(names: dict[str, str], masters: dict[str, list[list]]) -> dict[str, CodeList]:
    lists: dict[str, CodeList] = {}
    for name, ref in names.items():
        if not (name.startswith("_") and name.endswith("_L")):
            continue
        m = RANGE_RE.match(ref.strip())
        if not m or m["sheet"] not in masters:
            continue
        grid = masters[m["sheet"]]
        c = col_index(m["c1"])
        r1, r2 = int(m["r1"]), int(m["r2"] or m["r1"])
        items, numeric = [], True
        for r in range(r1 - 1, min(r2, len(grid))):
            row = grid[r]
            label = row[c] if c < len(row) else ""
            code = row[c + 1] if c + 1 < len(row) else ""
            if label == "" or label is None:
                continue
            numeric &= isinstance(label, (int, float)) and not isinstance(label, bool)
            items.append([cell_text(label), cell_text(code)])
        lists[name[1:-2]] = CodeList(sheet=m["sheet"], items=items, numeric=bool(items) and numeric)
    return lists


def import_workbook(path: str | Path) -> Snapshot:
    # imported here: the add-in's path (xl_addin.highlight, also under Pyodide) must not need python-calamine
    from python_calamine import CalamineWorkbook
    path = Path(path)
    wb = CalamineWorkbook.from_path(str(path))
    sheet_names = wb.sheet_names
    missing = [s for s in (TBL, SHOW, *MASTERS, "メニュー") if s not in sheet_names]
    procedure = detect_procedure(sheet_names)
    if missing or procedure is None:
        raise NotAnOfficialWorkbook(f"{path}: not an official bulk-application workbook (missing: {', '.join(missing) or 'common sheet'})")
    banner = find_banner(_rows(wb, "メニュー", 30))
    if banner is None:
        raise NotAnOfficialWorkbook(f"{path}: no version banner 「…（YYYY/MM/DD版）」 on sheet メニュー")
    banner_text, version = banner

    tbl = _rows(wb, TBL)
    header = tbl[0]
    status_letters = [col_letter(i) for i in range(TBL_STATUS_FIRST, len(header)) if header[i]]
    masters = {m: _rows(wb, m) for m in MASTERS}
    lists = _code_lists(defined_names(path), masters)

    fields: list[Field] = []
    for r in tbl[1:]:
        if not r or not r[0]:
            break   # the VBA stops at the first blank sheet name
        r = list(r) + [""] * (17 - len(r))
        csv = {}
        for letter in status_letters:
            v = r[col_index(letter)] if col_index(letter) < len(r) else ""
            if isinstance(v, (int, float)) and v:
                csv[letter] = int(v)
        length = r[4]
        fields.append(Field(
            sheet=r[0], cols=[c.strip() for c in str(r[1]).split(",")], label=cell_text(r[2]),
            classes=[c for c in str(r[3]).split("，") if c], length=int(length) if length not in ("", None) else None,
            exact=r[5] != "", required=r[6] != "", code_list=cell_text(r[7]), delim=cell_text(r[8]),
            newline=r[9] != "", csv_all=int(r[10]) if isinstance(r[10], (int, float)) else 0, csv=csv,
            list_parent_sheet=cell_text(r[11]), list_parent_col=cell_text(r[12]),
            cond_cols=cell_text(r[13]), cond_values=cell_text(r[14]), csv_header=cell_text(r[15]),
            date_regex=cell_text(r[16]),
        ))

    # status menu: label -> 区分 sheet and hidden columns (表示シート制御マスタ B/C/E from row 3)
    codes = dict(lists["CB18"].items) if "CB18" in lists else {}
    letters = dict(lists["CB18_2"].items) if "CB18_2" in lists else {}
    statuses = []
    for r in _rows(wb, SHOW)[2:]:
        r = list(r) + [""] * 6
        label, sheet, hidden = cell_text(r[1]), cell_text(r[2]), cell_text(r[4])
        file_version = cell_text(r[5])
        if not label:
            break
        if label not in codes:
            continue   # sub-choices (e.g. 主たる活動内容) appear further down
        hidden_cols = [h.strip() for h in hidden.split(",") if h.strip()]
        statuses.append(Status(label=label, sheet=sheet, hidden_cols=hidden_cols,
                               screen_code=codes[label], csv_letter=letters.get(codes[label], ""),
                               file_version=file_version))

    common = PROCEDURES[procedure][1]
    input_sheets = [s for s in sheet_names if s.startswith("申請情報入力(")]
    headers = {}
    for s in input_sheets:
        rows = _rows(wb, s, LABEL_ROW)
        label_row = rows[LABEL_ROW - 1] if len(rows) >= LABEL_ROW else []
        headers[s] = {col_letter(i): cell_text(v) for i, v in enumerate(label_row) if i > 0 and cell_text(v)}

    # the 認定 workbook never makes 同時申請 visible (its VBA line is commented out), so it is not checked
    vba_shows_simultaneous = procedure != "nintei"
    return Snapshot(
        procedure=procedure, version=version, banner=banner_text, common_sheet=common,
        simultaneous_checked=vba_shows_simultaneous and SIMULTANEOUS_SHEET in sheet_names,
        statuses=statuses, fields=fields, headers=headers, lists=lists,
        source_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
    )
