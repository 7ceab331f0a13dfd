"""highlight(book): check the open workbook with the engine and mark the findings in place.

No rule logic lives here: the findings come from linter.engine.lint_workbook, exactly as on the command
line. This module only reads (xl_addin.reading) and paints:

* a fill on every cell with an error (ERROR_FILL) or a warning (WARNING_FILL), in one set_colors call per
  block of the sheet's data area (rows 8–307), never one call per cell;
* a note on each such cell with the finding messages (Japanese by default);
* a result sheet 「チェック結果」 listing every finding, with a HYPERLINK formula to its cell;
* a message box with the counts per sheet.

The result sheet has the layout of linter.result_sheet, shared with the command line's review copy. What a
run adds is recorded in its last three columns (cell, fill before, note added), so the next run (on this
add-in's sheet or on a review copy's) first puts back exactly those fills, deletes exactly those notes and the
old result sheet, and touches nothing else. Cell values of the input sheets are never written.

On Excel on the web (xlwings Server, the "remote" engine) Python cannot read a fill. There the add-in's
JavaScript reads the fills of the cells about to be painted (JS_RECORD_FILLS, before painting) and writes
them into the result sheet's "fill before" column, where Python left "?" (JS_WRITE_FILLS), so a user's own
fill on a flagged cell comes back as on the desktop.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from linter.engine import Options, lint_workbook
from linter.findings import FileResult, Finding
from linter.result_sheet import (  # noqa: F401  (RESULT_SHEET, PENDING, REC_*: also this module's names)
    CELL, FIRST_ROW as TABLE_ROW, HEADER_ROW, MESSAGE, PENDING, REC_CELL, REC_NOTE, REC_PRIOR, RESULT_SHEET,
    SEVERITY, SHEET, TITLE_ROW, WIDTH, Record, header, hex_of, read_records, rgb_of, severity_label, severity_of,
    table, title, verdict_line,
)
from schemas.cells import col_index, col_letter
from schemas.snapshot import FIRST_ROW, LAST_ROW

from .options import book_options
from .protection import JS_RECORD_FILLS, JS_WRITE_FILLS, ProtectionError, book_unprotected, unprotected
from .reading import read_book

TITLE = "在留申請チェック"
ERROR_FILL = (255, 199, 206)     # light red
WARNING_FILL = (255, 235, 156)   # light yellow
FILLS = {"error": ERROR_FILL, "warning": WARNING_FILL}
MAX_BLOCK_CELLS = 10_000         # xlwings' limit for one Range.set_colors call


@dataclass
class Mark:
    sheet: str
    row: int
    col: int                     # 1-based
    severity: str = "info"
    messages: list[str] = field(default_factory=list)
    prior: tuple | None = None   # fill before this run painted it
    note_added: bool = False

    @property
    def address(self) -> str:
        return f"{col_letter(self.col - 1)}{self.row}"


@dataclass
class Summary:
    result: FileResult
    counts: dict[str, dict[str, int]]     # sheet (or "") -> {"error": n, "warning": n, "info": n}
    painted: int
    notes: int
    notes_supported: bool = True
    skipped_sheets: list[str] = field(default_factory=list)   # could not unprotect
    message: str = ""


def highlight(book, lang: str | None = None, on: dt.date | None = None, alert: bool = True, *,
              select=None, ignore=None, options: Options | None = None) -> Summary:
    """Check `book` (any xlwings Book) and mark its findings; returns what was done.

    lang/on/select/ignore override the settings file found upward from the book's folder (xl_addin.options);
    `options` (already resolved by the caller) replaces all of them."""
    if options is None:
        options = book_options(book, alert=alert, lang=lang, on=on, select=select, ignore=ignore)
    lang = options.lang
    sheet_names = [s.name for s in book.sheets]
    data = read_book(book)
    data.sheet_names = [n for n in data.sheet_names if n != RESULT_SHEET]
    result = lint_workbook(data, options)
    previous = _read_previous(book) if RESULT_SHEET in sheet_names else []
    marks = _marks(result.findings, set(sheet_names) - {RESULT_SHEET}, lang)

    summary = Summary(result=result, counts=_counts(result.findings), painted=0, notes=0)
    by_sheet_prev: dict[str, dict[tuple, Mark]] = defaultdict(dict)
    for m in previous:
        by_sheet_prev[m.sheet][(m.row, m.col)] = m
    by_sheet_new: dict[str, dict[tuple, Mark]] = defaultdict(dict)
    for m in marks:
        by_sheet_new[m.sheet][(m.row, m.col)] = m

    for name in [n for n in sheet_names if n in by_sheet_prev or n in by_sheet_new]:
        sheet = book.sheets[name]
        try:
            with unprotected(sheet):
                _paint_sheet(sheet, by_sheet_prev.get(name, {}), by_sheet_new.get(name, {}), summary)
        except ProtectionError:
            # nothing painted here: keep the previous record so a later run can still undo it
            summary.skipped_sheets.append(name)
            marks = [m for m in marks if m.sheet != name] + list(by_sheet_prev.get(name, {}).values())

    with book_unprotected(book):
        if RESULT_SHEET in [s.name for s in book.sheets]:
            book.sheets[RESULT_SHEET].delete()
        _write_result_sheet(book, result, marks, lang)
        if any(m.prior == PENDING for m in marks):
            book.app.macro(JS_WRITE_FILLS)(RESULT_SHEET, SHEET + 1, REC_CELL + 1, REC_PRIOR + 1)

    summary.message = _message(summary, lang)
    if alert:
        book.app.alert(summary.message, title=TITLE, mode="critical" if summary.result.count("error") else "info")
    return summary


# -- what to paint -----------------------------------------------------------------------------------------
def _marks(findings: list[Finding], sheets: set[str], lang: str) -> list[Mark]:
    marks: dict[tuple, Mark] = {}
    for f in findings:
        if f.severity not in FILLS or not (f.sheet in sheets and f.row and f.column):
            continue
        if not FIRST_ROW <= f.row <= LAST_ROW:
            continue
        key = (f.sheet, f.row, col_index(f.column) + 1)
        m = marks.setdefault(key, Mark(*key))
        if m.severity != "error":
            m.severity = f.severity
        m.messages.append(f"【{severity_label(f.severity, lang)}】{f.text(lang)}（{f.rule}）")
    return list(marks.values())


def _counts(findings: list[Finding]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for f in findings:
        c = counts.setdefault(f.sheet or "", {"error": 0, "warning": 0, "info": 0})
        c[f.severity] = c.get(f.severity, 0) + 1
    return counts


# -- painting ----------------------------------------------------------------------------------------------
def _read_color(sheet, row: int, col: int):
    try:
        return sheet.range((row, col)).color
    except NotImplementedError:      # remote engine: Python cannot read fills; the client records them
        return PENDING


def _paint_sheet(sheet, prev: dict[tuple, Mark], new: dict[tuple, Mark], summary: Summary) -> None:
    colors: dict[tuple, object] = {}
    for key, m in prev.items():
        colors[key] = m.prior                      # undo the previous run
    for key, m in new.items():
        m.prior = prev[key].prior if key in prev else _read_color(sheet, *key)
        colors[key] = FILLS[m.severity]
    pending = [m for m in new.values() if m.prior == PENDING]
    if pending:                                    # before painting: the client reads the fills as they are
        sheet.book.app.macro(JS_RECORD_FILLS)(sheet.name, [m.address for m in pending])
    _set_colors(sheet, colors)
    summary.painted += len(new)

    for key, m in prev.items():
        if m.note_added:
            note = sheet.range(key).note
            if note is not None:
                note.delete()
    for key, m in new.items():
        if not summary.notes_supported:
            break
        cell = sheet.range(key)
        try:
            if cell.note is not None:          # someone else's note: leave it, the result sheet has the message
                continue
            cell.add_note("\n".join(m.messages))
        except NotImplementedError:            # Office.js without ExcelApi 1.18
            summary.notes_supported = False
            continue
        m.note_added = True
        summary.notes += 1


def _set_colors(sheet, colors: dict[tuple, object]) -> None:
    """Apply {(row, col): colour or None} with as few set_colors calls as possible (one per block)."""
    if not colors:
        return
    rows = [r for r, _ in colors]
    cols = [c for _, c in colors]
    r0, r1, c0, c1 = min(rows), max(rows), min(cols), max(cols)
    width = c1 - c0 + 1
    step = max(1, MAX_BLOCK_CELLS // width)
    for top in range(r0, r1 + 1, step):
        bottom = min(r1, top + step - 1)
        block = [[colors.get((r, c), ...) for c in range(c0, c1 + 1)] for r in range(top, bottom + 1)]
        if all(v is ... for row in block for v in row):
            continue
        sheet.range((top, c0), (bottom, c1)).set_colors(block)


# -- the result sheet (layout: linter.result_sheet) ---------------------------------------------------------
def _link(sheet: str, cell: str) -> str:
    """A HYPERLINK formula to a cell, or to a whole row in Excel's row form ('308:308')."""
    target = "#'" + sheet.replace("'", "''") + "'!" + cell
    return '=HYPERLINK("' + target.replace('"', '""') + '","' + cell + '")'


def _write_result_sheet(book, result: FileResult, marks: list[Mark], lang: str) -> None:
    records = [Record(m.sheet, m.address, hex_of(m.prior), m.note_added) for m in marks]
    body = table(result.findings, lang, records)
    for row in body:
        if row[SHEET] and row[CELL]:
            row[CELL] = _link(row[SHEET], row[CELL])
    pad = [None] * (WIDTH - 1)
    rows = [[title(result, lang), *pad], [verdict_line(result, lang) or None, *pad], header(lang), *body]
    sheets = list(book.sheets)
    sheet = book.sheets.add(name=RESULT_SHEET, after=sheets[-1])
    sheet.range((TITLE_ROW, 1), (TITLE_ROW + len(rows) - 1, WIDTH)).value = rows   # one write, from A1
    sheet.range((HEADER_ROW, 1), (HEADER_ROW, WIDTH)).set_colors([[(221, 235, 247)] * WIDTH])
    fills = [[FILLS.get(severity_of(r[SEVERITY]), ...)] for r in body]
    for start in range(0, len(fills), MAX_BLOCK_CELLS):
        chunk = fills[start:start + MAX_BLOCK_CELLS]
        sheet.range((TABLE_ROW + start, SEVERITY + 1), (TABLE_ROW + start + len(chunk) - 1, SEVERITY + 1)).set_colors(chunk)
    try:
        sheet.range((HEADER_ROW, 1), (HEADER_ROW + len(body), MESSAGE + 1)).autofit()
    except Exception:   # autofit is cosmetic; some engines have none
        pass


def _read_previous(book) -> list[Mark]:
    """The record of what the previous run painted (the add-in's or a review copy's), from its result sheet."""
    sheet = book.sheets[RESULT_SHEET]
    last_row = sheet.used_range.row + sheet.used_range.shape[0] - 1
    if last_row < TABLE_ROW:
        return []
    values = sheet.range((TABLE_ROW, 1), (last_row, WIDTH)).options(ndim=2).value
    marks = []
    for rec in read_records(values):
        letters = rec.address.rstrip("0123456789")
        marks.append(Mark(rec.sheet, int(rec.address[len(letters):]), col_index(letters) + 1, prior=rgb_of(rec.prior),
                          note_added=rec.note_added))
    return marks


# -- the message box ---------------------------------------------------------------------------------------
def _message(s: Summary, lang: str) -> str:
    en = lang == "en"
    res = s.result
    if not res.findings:
        return "No problems found." if en else "問題は見つかりませんでした。"
    lines = []
    head = (f"{res.count('error')} errors, {res.count('warning')} warnings, {res.count('info')} notes"
            if en else f"エラー {res.count('error')} 件、警告 {res.count('warning')} 件、情報 {res.count('info')} 件")
    lines.append(head)
    from linter.verdicts import summary_line, verdicts
    people = summary_line(verdicts(res), lang)   # 「30人中 4人が要確認見込み: 8行 …」
    if people:
        lines.append(people)
    for sheet, c in s.counts.items():
        name = sheet or ("(workbook)" if en else "（ブック全体）")
        lines.append(f"・{name}: " + (f"errors {c['error']}, warnings {c['warning']}" if en
                                      else f"エラー {c['error']}、警告 {c['warning']}")
                     + (f", info {c['info']}" if en and c['info'] else f"、情報 {c['info']}" if c['info'] else ""))
    lines.append("")
    lines.append(f"See the sheet 「{RESULT_SHEET}」." if en else f"一覧はシート「{RESULT_SHEET}」にあります。")
    if not s.notes_supported:
        lines.append("Notes were not added: this Excel does not support them (ExcelApi 1.18)." if en else
                     "このExcelではメモを付けられないため、メモは省略しました（ExcelApi 1.18 が必要）。")
    if s.skipped_sheets:
        names = "、".join(s.skipped_sheets)
        lines.append(f"Could not unprotect (not painted): {names}" if en else
                     f"保護を解除できなかったため色を付けていません: {names}")
    return "\n".join(lines)
