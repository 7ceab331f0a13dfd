"""The engine: workbook data in, findings out. It never prints, paints or exits."""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from schemas import rules as R
from schemas.model import WorkbookModel
from schemas.cells import cell_text, col_index, col_letter, expand_cols
from schemas.cell_table import CellTable
from schemas.rules.zl108_filled_but_not_applicable import in_hidden_columns
from schemas.sheet_layout import SheetLayout
from schemas.snapshot import SIMULTANEOUS_SHEET, Snapshot, Status
from schemas.template_schema import (
    KIND_DATE, KIND_NUMBER, KIND_OTHER, KIND_TEXT, SheetInput, build_cells, cell_failures, sheet_plan,
)
from .findings import Finding, FileResult, Template
from .identify import Identity, identify
from .reader import ReadError, read_workbook
from .workbook import SheetGrid, WorkbookData



@dataclass
class Options:
    on: dt.date = field(default_factory=dt.date.today)   # the filing date
    lang: str = "ja"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fixes: bool = True     # lint_path: find the fixes of the findings (linter.fixes) and mark them

    def wants(self, code: str) -> bool:
        if self.select and not R.matches(code, self.select):
            return False
        return not (self.ignore and R.matches(code, self.ignore))


def lint_path(path: str | Path, options: Options | None = None) -> FileResult:
    """Read and lint one workbook file; an unreadable file gives one ZL001 finding."""
    options = options or Options()
    t0 = time.perf_counter()
    try:
        wb = read_workbook(path)
        if options.fixes:
            from .fixes import fix_workbook
            result, _ = fix_workbook(wb, options, fast=True)   # `fix` itself plans in full
        else:
            result = lint_workbook(wb, options)
    except ReadError as err:
        return unreadable(str(path), err, options)
    except Exception as exc:   # no traceback reaches the user: ZL033, and the run goes on with the next file
        return internal_error(str(path), R.raised(exc, 200), options)
    result.timings["total"] = time.perf_counter() - t0
    return result


def internal_error(path: str, detail: "str | R.Text", options: Options) -> FileResult:
    """ZL033 for a file whose check failed inside the linter; the run goes on with the other files.

    `detail` is an exception's own text (the same in both languages) or a Text."""
    detail = detail if isinstance(detail, R.Text) else R.Text(detail, detail)
    err = ReadError(detail.ja, detail.en,
                    "他のファイルのチェックは続行しました。可能であればファイルを添えて報告してください。",
                    "The other files were still checked. Please report this with the file if you can.",
                    code="ZL033")
    return unreadable(path, err, options)


def unreadable(path: str, err: ReadError, options: Options) -> FileResult:
    rule = R.get(getattr(err, "code", "ZL001"))
    params = {"reason": R.Text(err.reason_ja, err.reason_en), "hint": R.Text(err.hint_ja, err.hint_en)}
    return FileResult(path=path, template=None, applicants=0, unreadable=True,
                      findings=[Finding(rule.code, rule.severity, None, None, None, None, None,
                                        rule.message(options.lang, **params), params=params)])


def lint_workbook(wb: WorkbookData, options: Options | None = None) -> FileResult:
    return lint_workbook_context(wb, options)[0]


def lint_workbook_context(wb: WorkbookData, options: Options | None = None) -> tuple[FileResult, "_Context | None"]:
    """lint_workbook, also giving the run's context (snapshot, status, applicant rows) for linter.fixes."""
    options = options or Options()
    timings = {}
    t = time.perf_counter()
    ident = identify(wb, options.lang)
    if isinstance(ident, Finding):
        return FileResult(path=wb.path, template=None, applicants=0, findings=_filter([ident], options)), None
    ctx = _Context(wb, ident, options)
    ctx.run()
    notes_for = getattr(wb, "notes_for", None)   # the reader's look at the checked sheets (linter.safety)
    for code, sheet, row, col, params in (notes_for(list(ctx.inputs)) if notes_for else ()):
        if code == "ZL029" and ctx.hidden_by_status(sheet, params.get("_cols")):
            continue   # hidden by the status's own definition (表示シート制御マスタ): expected; data there is ZL108
        ctx.add(code, sheet, row, col, ctx.label(sheet, col) if col else None, **params)
    timings["validate"] = time.perf_counter() - t
    snap, st = ident.snapshot, ident.status
    template = Template(procedure=snap.procedure_ja, version=snap.version,
                        status=st.label.split(" ")[0] if st else None, status_label=st.label if st else None,
                        source=ident.source)
    findings = _filter(ident.findings + ctx.findings, options)
    findings.sort(key=lambda f: (f.sheet is not None, _sheet_order(snap, f.sheet), f.row or 0,
                                 col_index(f.column) if f.column else -1, f.rule))
    from .verdicts import people_of
    return FileResult(path=wb.path, template=template, applicants=len(ctx.applicant_rows), findings=findings,
                      timings=timings, fees=ctx.fees, keys=ctx.keys, people=people_of(ctx)), ctx


def _sheet_order(snap: Snapshot, sheet: str | None) -> int:
    if sheet == snap.common_sheet:
        return 0
    if sheet == SIMULTANEOUS_SHEET:
        return 2
    return 1


def _filter(findings: list[Finding], options: Options) -> list[Finding]:
    return [f for f in findings if options.wants(f.rule)]


def _kind(v) -> int:
    if v is None or isinstance(v, str):
        return KIND_TEXT
    if isinstance(v, bool):
        return KIND_OTHER
    if isinstance(v, (int, float)):
        return KIND_NUMBER
    if isinstance(v, (dt.date, dt.datetime)):
        return KIND_DATE
    return KIND_OTHER


class _Context:
    """One lint run over one workbook."""

    def __init__(self, wb: WorkbookData, ident: Identity, options: Options):
        self.wb, self.ident, self.options = wb, ident, options
        self.snap: Snapshot = ident.snapshot
        self.status: Status | None = ident.status
        self.lang = options.lang
        self.findings: list[Finding] = []
        self.applicant_rows: list[int] = []
        self.inputs: dict[str, SheetInput] = {}
        self.fees: dict | None = None        # set by the fee estimate (schemas.business)
        self.keys: dict = {}                 # identity keys per row, for duplicates across files
        self.broken: dict[str, str] = {}     # checks that raised: code -> what (reported once each as ZL033)

    # -- helpers ---------------------------------------------------------------------------
    def add(self, code: str, sheet=None, row=None, col=None, field_label=None, /, **params):
        # positional-only: message parameters may be named row/col/sheet too (ZL004-ZL007, ZL010)
        self.findings.append(self.finding(code, sheet, row, col, field_label, params))

    def finding(self, code: str, sheet, row, col, field_label, params: dict) -> Finding:
        rule = R.get(code)
        cell = f"{col}{row}" if col and row else None
        return Finding(rule.code, rule.severity, sheet, cell, row, col, field_label,
                       rule.message(self.lang, **params), params=params)

    def label(self, sheet: str, col: str) -> str:
        return self.snap.headers.get(sheet, {}).get(col, col)

    def status_hidden(self, sheet: str) -> list[str]:
        """Columns the selected status hides on its 区分 sheet (表示シート制御マスタ 非表示カラム), left to right."""
        if self.status is None or sheet != self.status.sheet:
            return []
        cols: set[str] = set()
        for spec in self.status.hidden_cols:
            cols.update(expand_cols(spec))
        return sorted(cols, key=col_index)

    def hidden_by_status(self, sheet: str, span) -> bool:
        """True when every column of a hidden span (0-based indexes lo, hi) is one the status itself hides."""
        if not span:
            return False
        hidden = {col_index(c) for c in self.status_hidden(sheet)}
        lo, hi = span
        return bool(hidden) and all(i in hidden for i in range(lo, hi + 1))

    def checked_sheets(self) -> list[str]:
        sheets = [self.snap.common_sheet]
        if self.status is not None and self.status.sheet in self.wb.sheet_names \
                and self.status.sheet != "申請情報入力(高度専門職ポイント表)":
            sheets.append(self.status.sheet)
        if self.snap.simultaneous_checked and SIMULTANEOUS_SHEET in self.wb.sheet_names:
            sheets.append(SIMULTANEOUS_SHEET)
        return sheets

    # -- the run ---------------------------------------------------------------------------
    def run(self):
        sheets = self.checked_sheets()
        grids = {s: self.wb.sheet(s) for s in sheets}
        grids = {s: g for s, g in grids.items() if g is not None}
        # the layout the "file" rules read; its applicant rows and moved labels steer the steps below
        self.layout = SheetLayout(self.snap, self.status, grids, self.wb.sheet_names, self.wb.visible, self.wb.sheet)
        shifted = {s for s in grids if self.layout.shift(s) is not None}
        self.applicant_rows = self.layout.applicant_rows
        self.run_file_rules()
        rows = np.array(self.applicant_rows, dtype=np.int64)
        for s, g in grids.items():
            self.inputs[s] = self.sheet_input(g, rows)
        # the workbook model every rule family reads (built once; the same dicts as this run's)
        self.model = WorkbookModel(self.snap, self.status, self.options, self.applicant_rows, self.inputs)
        for s in grids:
            if s in shifted:
                continue   # cell checks on shifted columns would only repeat ZL004 in other words
            self.validate_sheet(s)
        for s in grids:
            if s not in shifted:
                self.check_status_hidden_data(s)
        if not shifted:
            self.run_business_rules()
        self.report_broken(self.broken)

    def run_file_rules(self):
        """The rules on the file's layout (ZL004-ZL007, ZL009, ZL010): units on the sheet layout, from the registry.

        A unit that raises is reported as ZL033 for this file (report_broken); the other checks go on."""
        for r in R.checks_on("file"):
            if not self.options.wants(r.code):
                continue   # not asked for: ZL009 would load the other visible 区分 sheets for nothing
            try:
                found = [self.finding(v.code, v.sheet, v.row, v.col, v.label, v.params) for v in r.check(self.layout)]
            except Exception as exc:   # noqa: BLE001 - a rule must never break the run, nor pass silently
                self.broken.setdefault(r.code, R.raised(exc))
                continue
            self.findings += found

    def check_status_hidden_data(self, sheet: str):
        """ZL108: data in a column the selected status hides (表示シート制御マスタ) does not apply to it."""
        inp = self.inputs.get(sheet)
        if inp is None:
            return
        for c in in_hidden_columns(sheet, inp, self.status_hidden(sheet), self.status, self.label):
            self.add("ZL108", c.sheet, c.row, c.col, c.label, **c.params)

    def run_business_rules(self):
        """Rules beyond the column table (formats, contradictions, 特定技能, filing date): schemas.business.

        They read the workbook model and return violations; the fee estimate and the identity keys are
        extracted from the same applicant frame."""
        from schemas.business import extract, run as run_business
        listed = {(f.sheet, f.cell) for f in self.findings if f.rule in ("ZL105", "ZL106")}
        out = run_business(self.model, listed)
        for v in out.violations:
            try:
                self.add(v.code, v.sheet, v.row, v.col, v.label, **v.params)
            except (KeyError, IndexError, ValueError):   # a parameter the message cannot take: as before, skipped
                pass
        for code, detail in out.broken.items():
            self.broken.setdefault(code, detail)
        if out.frame is not None:
            self.keys, self.fees = extract(out.frame)

    def report_broken(self, broken: dict[str, str]) -> None:
        """ZL033 once for each check that raised: this file is then not fully checked, never a silent pass."""
        for code, detail in sorted(broken.items()):
            self.add("ZL033", None, None, None, None, **R.check_did_not_run(code, detail))

    def sheet_input(self, grid: SheetGrid, rows: np.ndarray) -> SheetInput:
        raw = [grid.rows[r - 1] if r - 1 < len(grid.rows) else [] for r in rows]
        width = max((len(r) for r in raw), default=0)
        # one object matrix, then column slices: far cheaper than a Python loop per column and cell
        if raw and all(len(r) == width for r in raw):    # calamine's rows are all of the sheet's width
            grid_arr = np.empty((len(raw), width), dtype=object)
            grid_arr[:] = raw
        else:
            grid_arr = np.full((len(raw), width), "", dtype=object)
            for i, r in enumerate(raw):
                grid_arr[i, :len(r)] = r
        text, kind = {}, {}
        # the usual case, a column of text cells (or empty) only, is told for the whole matrix at once
        types = np.fromiter(map(type, grid_arr.ravel()), dtype=object, count=grid_arr.size).reshape(grid_arr.shape)
        text_col = (types == str).all(axis=0)
        used = (grid_arr != "").any(axis=0)
        for c in range(1, width):
            vals = grid_arr[:, c]
            if text_col[c]:
                if not used[c]:
                    continue
                t, k = vals, np.zeros(len(vals), dtype=np.int8)
            else:
                t = np.array([cell_text(v) for v in vals], dtype=object)
                if not (t != "").any():
                    continue
                k = np.array([_kind(v) for v in vals], dtype=np.int8)
            letter = col_letter(c)
            text[letter], kind[letter] = t, k
        return SheetInput(grid.name, rows, text, kind)

    def validate_sheet(self, sheet: str):
        cells = build_cells(self.snap, self.status, sheet, self.inputs)
        if cells.empty:
            return
        status_label = self.status.label if self.status else None
        # a structural failure (column or dtype) means the cells table itself is wrong: it raises, never hidden
        # a check that raised goes to self.broken (ZL033 for this file, once); the other checks still count
        pairs = cell_failures(self.snap, status_label, sheet, cells, self.broken)
        if not pairs:
            return
        failing: dict[str, list[int]] = {}
        for code, idx in pairs:
            failing.setdefault(code, []).append(idx)
        # each rule's unit (schemas/rules/zlNNN_*.py) says where its findings go and with which parameters
        table = CellTable(cells, sheet_plan(self.snap, status_label, sheet), self.snap, sheet=sheet, inputs=self.inputs)
        for code, idxs in failing.items():
            for c in R.get(code).report(table, cells.index.get_indexer(idxs)):
                self.add(code, c.sheet, c.row, c.col, c.label, **c.params)
