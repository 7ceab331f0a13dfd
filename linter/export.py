"""Write the upload file (申請情報一括登録ファイル) as the official 「申請情報一括登録ファイル出力」 does.

The layout (which column, which header, labels → codes, dates split) is schemas.upload_layout, the
same mapping the upload-file check reads with. This module reads the cells (official or bare
workbooks alike), runs the check first and refuses on errors unless told otherwise, and writes the
bytes atomically. It knows nothing of Excel; the add-in calls `export_workbook`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from schemas.cells import col_index, number_text
from schemas.snapshot import FIRST_ROW, LAST_ROW, Snapshot, Status, load_snapshot, shipped_snapshots
from schemas.upload_layout import (
    DELIM, ENCODING_BOM, LINE_END, NoLayout, UploadLayout, date_part, is_dependent, layout_for,
    lookup_sheet, to_code,
)
from .atomic import atomic_output
from .findings import FileResult, Finding
from .workbook import SheetGrid, WorkbookData

MENU = "メニュー"
# rules whose findings mean rows are left out of the file silently by the official routine
SKIPPED_ROW_RULES = ("ZL005", "ZL006", "ZL007")


class ExportError(Exception):
    """Nothing was written; the message says why (ja, en)."""

    def __init__(self, ja: str, en: str):
        super().__init__(ja)
        self.ja, self.en = ja, en

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


# --- cell text as VBA's String conversion gives it -------------------------------------------

def vba_text(v) -> str:
    """`Range.Value` assigned to a String (CStr), for the values a reader gives."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "True" if v else "False"
    if isinstance(v, (int, float)):
        return number_text(float(v))
    if isinstance(v, dt.datetime):
        if v.time() == dt.time():
            return f"{v.year:04d}/{v.month:02d}/{v.day:02d}"
        return f"{v.year:04d}/{v.month:02d}/{v.day:02d} {v.hour}:{v.minute:02d}:{v.second:02d}"
    if isinstance(v, dt.date):
        return f"{v.year:04d}/{v.month:02d}/{v.day:02d}"
    return str(v)


def _blank(v) -> bool:
    # COUNTBLANK counts empty cells and cells holding "" as blank
    return v is None or (isinstance(v, str) and v == "")


def last_common_col(snap: Snapshot) -> int:
    """0-based index of the last labelled column of the common sheet (column A's COUNTBLANK range B:…)."""
    return max((col_index(c) for c in snap.headers.get(snap.common_sheet, {})), default=1)


def exported_rows(snap: Snapshot, common: SheetGrid | None) -> list[int]:
    """Rows the routine writes: from row 8 while column A (=ROW()-7 when any of B… is filled) is not blank."""
    rows: list[int] = []
    if common is None:
        return rows
    last = last_common_col(snap)
    for r in range(FIRST_ROW, LAST_ROW + 1):      # column A holds its formula on the 300 input rows only
        if r - 1 >= len(common.rows):
            break
        row = common.rows[r - 1]
        if all(_blank(row[c]) if c < len(row) else True for c in range(1, last + 1)):
            break
        rows.append(r)
    return rows


BREAKING = ("\t", "\r", "\n")


def build_lines(layout: UploadLayout, wb: WorkbookData, breaks: list | None = None) -> tuple[list[str], list[int]]:
    """The text lines of the upload file and the Excel rows they come from.

    `breaks` (when given) collects (sheet, cell) of values holding a tab or a line break: the official
    routine writes them as they are (a 「すべて」 field accepts any character), which shifts the columns or
    splits the line of the upload file.
    """
    snap = layout.snap
    grids = {s: wb.sheet(s) for s in layout.data_sheets}
    rows = exported_rows(snap, grids.get(snap.common_sheet))
    lines = [DELIM.join(layout.header)]
    data = layout.data_fields()
    screen = layout.screen

    sheet_grid: dict[str, object] = {}

    def grid(sheet: str):
        if sheet not in sheet_grid:
            sheet_grid[sheet] = grids[sheet] if sheet in grids else wb.sheet(sheet)
        return sheet_grid[sheet]

    # per field, once: where its value and its list-parent's value are (the row list of a sheet is looked up
    # once per Excel row, then each cell is one index: ~150,000 cells for 300 applicants)
    plan = []
    for f, c in data:
        grid(f.sheet)
        dep = is_dependent(f)
        if dep:
            grid(f.list_parent_sheet)
        plan.append((f, c, f.sheet, col_index(f.col), dep, f.list_parent_sheet if dep else None,
                     col_index(f.list_parent_col) if dep else 0))

    def at(row_of: dict, sheet: str, ci: int):
        values = row_of[sheet]
        return values[ci] if ci < len(values) else None

    for r in rows:
        line = [""] * layout.width
        line[0], line[1], line[2] = str(r - FIRST_ROW + 1), screen[:3], screen
        row_of = {s: (g.rows[r - 1] if g is not None and r - 1 < len(g.rows) else ()) for s, g in sheet_grid.items()}
        for f, c, sheet, ci, dep, psheet, pci in plan:
            v = at(row_of, sheet, ci)
            if v is None or v == "":
                continue      # an empty cell writes nothing (vba_text would give "")
            text = vba_text(v)
            list_id = f.code_list
            if dep:
                parent_text = vba_text(at(row_of, psheet, pci))
                parent_list = layout.parent_list(f)
                # getParentText: the parent's label looked up on マスタ with the parent's list
                pcode = to_code(snap, parent_list, parent_text, "マスタ") if parent_list and parent_text else ""
                list_id = layout.list_for(f, pcode)
            if list_id:
                text = to_code(snap, list_id, text, lookup_sheet(f))
            elif f.date_regex:
                text = date_part(f.date_regex, text)
            if text != "":
                if breaks is not None and any(ch in text for ch in BREAKING):
                    breaks.append((f.sheet, f"{f.col}{r}"))
                line[c - 1] = text
        lines.append(DELIM.join(line))
    return lines, rows


def encode(lines: list[str]) -> bytes:
    """ADODB.Stream, Charset "unicode": UTF-16LE with BOM; lines joined by CRLF, none at the end."""
    return ENCODING_BOM + LINE_END.join(lines).encode("utf-16-le", errors="surrogatepass")


# --- which template ---------------------------------------------------------------------------

def find_status(snap: Snapshot, text: str) -> Status | None:
    """A status by its menu label, its Japanese part, or its screen code."""
    t = text.strip()
    for s in snap.statuses:
        if t in (s.label, s.screen_code, s.label.split(" ")[0]):
            return s
    return None


def with_template(wb: WorkbookData, procedure: str | None, version: str | None, status: str | None) -> WorkbookData:
    """Make the identification use what the user gave: a メニュー sheet with that banner and status.

    Only the engine's view changes (the file is never touched). Without options the workbook is
    taken as it is.
    """
    if not (version or status):
        return wb
    from schemas.importer import detect_procedure, find_banner
    proc = procedure or detect_procedure(wb.sheet_names)
    if proc is None:
        raise ExportError("手続（変更・更新・認定）が分かりません。--procedure で指定してください。",
                          "The procedure (変更/更新/認定) is unknown; give it with --procedure.")
    menu = wb.sheet(MENU) if MENU in wb.sheet_names else None
    banner = find_banner(menu.rows[:30]) if menu is not None else None
    ver = version or (banner[1] if banner else None)
    if ver is None:
        versions = sorted(v for p, v in shipped_snapshots() if p == proc)
        ver = versions[-1] if versions else None
    snap = load_snapshot(proc, ver) if ver else None
    if snap is None:
        known = ", ".join(sorted(v for p, v in shipped_snapshots() if p == proc)) or "-"
        raise ExportError(f"{proc} {ver} の定義（スナップショット）がありません（あるもの: {known}）。",
                          f"No snapshot for {proc} {ver} (shipped: {known}).")
    label = None
    if status:
        st = find_status(snap, status)
        if st is None:
            raise ExportError(f"在留資格「{status}」はこのテンプレートのメニューにありません。",
                              f"Status 「{status}」 is not in this template's menu.")
        label = st.label
    elif menu is not None:
        label = vba_text(menu.value(15, 3)).strip() or None
    rows = [[None] * 4 for _ in range(15)]
    rows[0][1] = snap.banner
    rows[14][3] = label
    grids = dict(wb.grids)
    grids[MENU] = SheetGrid(MENU, rows)
    names = wb.sheet_names if MENU in wb.sheet_names else [MENU] + list(wb.sheet_names)
    out = WorkbookData(path=wb.path, sheet_names=names, visible=dict(wb.visible, **{MENU: True}),
                       loader=wb.loader, grids=grids, has_definitions=wb.has_definitions)
    if getattr(wb, "notes_for", None):
        out.notes_for = wb.notes_for
    return out


# --- the whole step ---------------------------------------------------------------------------

@dataclass
class ExportResult:
    path: str                              # the workbook
    check: FileResult                      # the check run first
    written: Path | None = None            # the upload file, when written
    applicants: int = 0                    # lines written
    refused: str | None = None             # why nothing was written (text in the chosen language)
    refused_for: str | None = None         # errors | breaks | exists | template
    warnings: list[Finding] = field(default_factory=list)   # rows the routine leaves out
    file_name: str | None = None           # the name the official tool proposes


def blocking(check: FileResult, ignore: tuple[str, ...] = ()) -> list[Finding]:
    from schemas import rules as R
    return [f for f in check.findings if f.severity == "error" and not (ignore and R.matches(f.rule, ignore))]


def export_workbook(wb: WorkbookData, out: str | Path | None, options=None, *, force: bool = False,
                    ignore: tuple[str, ...] = (), overwrite: bool = False) -> ExportResult:
    """Check `wb`, then write its upload file to `out` (a file, a folder, or None = next to the workbook).

    Refuses (writes nothing) when the check finds errors not in `ignore`, unless `force`; never
    replaces an existing file unless `overwrite`.
    """
    from .engine import Options, lint_workbook
    from .identify import identify
    options = options or Options()
    en = options.lang == "en"
    check = lint_workbook(wb, Options(on=options.on, lang=options.lang))
    res = ExportResult(path=wb.path, check=check)
    res.warnings = [f for f in check.findings if f.rule in SKIPPED_ROW_RULES]
    ident = identify(wb, options.lang)
    if isinstance(ident, Finding) or ident.status is None:
        res.refused_for = "template"
        res.refused = ("テンプレートの手続・版・在留資格が分かりません（--procedure / --version / --status で指定できます）。"
                       if not en else "The template's procedure, version or status is unknown "
                       "(give them with --procedure / --version / --status).")
        return res
    try:
        layout = layout_for(ident.snapshot, ident.status)
    except NoLayout:
        res.refused_for = "template"
        res.refused = (f"「{ident.status.label}」のアップロードファイルには主たる活動内容の選択が必要で、まだ対応していません。"
                       if not en else f"「{ident.status.label}」 needs its 主たる活動内容 (main activity) as well; not supported yet.")
        return res
    res.file_name = layout.file_name()
    errors = blocking(check, ignore)
    if errors and not force:
        res.refused_for = "errors"
        res.refused = (f"チェックでエラーが{len(errors)}件あるため、アップロードファイルを出力しませんでした。"
                       if not en else f"The check found {len(errors)} error(s), so no upload file was written.")
        return res
    breaks: list[tuple[str, str]] = []
    lines, rows = build_lines(layout, wb, breaks)
    if breaks and not force:
        shown = "、".join(f"{s}!{c}" for s, c in breaks[:5]) + (" …" if len(breaks) > 5 else "")
        res.refused_for = "breaks"
        res.refused = (f"タブまたは改行を含むセルがあります（{shown}）。公式ツールはそのまま書き出すため、アップロード"
                       "ファイルの列がずれるか行が切れます。セルから取り除いてください（--force で出力）。" if not en else
                       f"Cells hold a tab or a line break ({shown.replace('、', ', ')}); the official export writes "
                       "them as they are, which shifts the columns or splits the line of the upload file. Remove "
                       "them (or use --force).")
        return res
    target = Path(out) if out else Path(wb.path).parent
    if target.is_dir():
        target = target / layout.file_name()
    if target.exists() and not overwrite:
        res.refused_for = "exists"
        res.refused = (f"{target} は既にあります（上書きするには --force）。" if not en
                       else f"{target} exists already (use --force to overwrite).")
        return res
    data = encode(lines)
    with atomic_output(target) as tmp:
        tmp.write_bytes(data)
    res.written, res.applicants = target, len(rows)
    return res
