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
    facts = template_facts(_rows(wb, "メニュー", 30), fields, headers, lists,
                           _rows(wb, SIMULTANEOUS_SHEET, LABEL_ROW) if SIMULTANEOUS_SHEET in sheet_names else [])
    return Snapshot(
        procedure=procedure, version=version, banner=banner_text, common_sheet=common,
        simultaneous_checked=vba_shows_simultaneous and SIMULTANEOUS_SHEET in sheet_names,
        statuses=statuses, fields=fields, headers=headers, lists=lists,
        source_sha256=hashlib.sha256(path.read_bytes()).hexdigest(), facts=facts,
    )


# --- template facts: what rules need beyond the column table, read from the workbook's own layout ------
MENU_STATUS_LABEL = "在留資格"                       # the menu's label left of the status drop-down (VBA INPUT_PTN_1_RNG)
SIM_FLAG_LABEL = "同時申請種別選択"                     # 列項目TBL's label of the kind flags (B–D)
SIM_HEADING_ROW = 3                                  # 同時申請: the block headings (共通項目 / 再入国許可申請 / …)
# a half-width-digit field whose row-5 label names a date (the common and 同時申請 sheets have no 日付出力 pattern)
DATE8_LABEL = re.compile(r"(生年月日|年月日|有効期限|満了日|\(始期\)|\(終期\))$")
DATE6_LABEL = re.compile(r"年月$")


def _norm(label: str) -> str:
    import unicodedata
    return re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", label or ""))


def template_facts(menu_rows: list[list], fields: list[Field], headers: dict[str, dict[str, str]],
                   lists: dict[str, CodeList], sim_rows: list[list]) -> dict:
    """Facts of the template layout: the menu's status cell, the 有/無 labels, the 同時申請 blocks,
    the date fields (8 or 6 digits) and the telephone / postal-code fields. Rules read these from the
    snapshot instead of repeating column letters and label patterns."""
    facts: dict = {}
    for r, row in enumerate(menu_rows, start=1):
        for c, v in enumerate(row):
            if cell_text(v).strip() == MENU_STATUS_LABEL and "menu_status_cell" not in facts:
                facts["menu_status_cell"] = f"{col_letter(c + 1)}{r}"   # the drop-down right of its label
    # 有/無: the labels of a yes/no code list (the 同時申請 kind flags, 在留カードの有無, …)
    for cl in lists.values():
        labels = [it[0] for it in cl.items]
        yes = [x for x in labels if re.fullmatch(r"有\s*Yes", x)]
        no = [x for x in labels if re.fullmatch(r"無\s*No", x)]
        if yes and no:
            facts["yes"], facts["no"] = yes[0], no[0]
            break
    # 同時申請: the kind flags are the 同時申請種別選択 fields (row 5 names the kind); each kind's block starts
    # at its heading on row 3 and runs to the next kind's heading; the common block runs before the first
    if sim_rows and len(sim_rows) >= LABEL_ROW:
        heads = [(c + 1, _norm(cell_text(v))) for c, v in enumerate(sim_rows[SIM_HEADING_ROW - 1])
                 if c > 0 and cell_text(v).strip()]
        labels = sim_rows[LABEL_ROW - 1]
        starts = []
        for f in fields:
            if f.sheet != SIMULTANEOUS_SHEET or _norm(f.label) != SIM_FLAG_LABEL or len(f.cols) != 1:
                continue
            flag_label = _norm(cell_text(labels[col_index(f.cols[0])])) if col_index(f.cols[0]) < len(labels) else ""
            first = next((c for c, name in heads if name and flag_label.startswith(name)), None)
            if first is not None:
                starts.append((first, f.cols[0]))
        starts.sort()
        if starts:
            blocks = [{"flag": None, "first": 2, "last": starts[0][0] - 1}]   # column B onwards: the common items
            for i, (first, flag) in enumerate(starts):
                blocks.append({"flag": flag, "first": first, "last": starts[i + 1][0] - 1 if i + 1 < len(starts) else None})
            facts["simultaneous_blocks"] = blocks
    # date fields, telephone numbers and postal codes, by sheet and column
    dates: dict[str, dict[str, int]] = {}
    phones: dict[str, list[str]] = {}
    postal: dict[str, list[str]] = {}
    for f in fields:
        if len(f.cols) != 1:
            continue
        col = f.cols[0]
        header = _norm(headers.get(f.sheet, {}).get(col, "") or f.label)
        digits = 0
        if f.date_regex:
            digits = 8 if f.date_regex.count(r"\d{") >= 3 else 6
        elif not f.code_list and list(f.classes) in ([], ["半角数字"]):
            digits = 8 if DATE8_LABEL.search(header) else 6 if DATE6_LABEL.search(header) else 0
        if digits and col not in dates.setdefault(f.sheet, {}):
            dates[f.sheet][col] = digits
        if "電話" in f.label or "電話" in header:
            phones.setdefault(f.sheet, []).append(col)
        if "郵便" in f.label or "郵便" in header:
            postal.setdefault(f.sheet, []).append(col)
    facts["date_fields"] = {s: d for s, d in dates.items() if d}
    facts["phone_fields"] = {s: sorted(set(cs), key=col_index) for s, cs in phones.items()}
    facts["postal_fields"] = {s: sorted(set(cs), key=col_index) for s, cs in postal.items()}
    return facts
