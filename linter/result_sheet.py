"""The result sheet 「チェック結果」: one layout for the review copy (linter.annotate) and the add-in (xl_addin.painting).

Row 1 a title, row 2 the per-applicant verdict line (linter.verdicts; empty without applicants), row 3 the
header, then one finding a row (linter.flatten). The last three columns record what the writer painted: the
cell, its fill before ('#RRGGBB', '' for none, PENDING while the add-in's client has still to write it) and
'1' when the note on it is the writer's own. Whoever writes the sheet next (the add-in, after its own run or
on a review copy made on the command line) puts back exactly those fills, deletes exactly those notes and
touches nothing else.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .findings import FileResult, Finding
from .flatten import excel_place, finding_row

RESULT_SHEET = "チェック結果"
TITLE_ROW, VERDICT_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4          # 1-based rows
COLUMNS = (  # key, Japanese header, English header
    ("no", "No.", "No."), ("severity", "重要度", "Severity"), ("sheet", "シート", "Sheet"),
    ("cell", "セル", "Cell"), ("field", "項目", "Field"), ("rule", "ルール", "Rule"),
    ("message", "メッセージ", "Message"), ("rec_cell", "セル番地（復元用）", "Address (for undo)"),
    ("rec_prior", "塗る前の色（復元用）", "Fill before (for undo)"), ("rec_note", "メモ追加（復元用）", "Note added (for undo)"),
)
NO, SEVERITY, SHEET, CELL, FIELD, RULE, MESSAGE, REC_CELL, REC_PRIOR, REC_NOTE = range(len(COLUMNS))   # 0-based
WIDTH = len(COLUMNS)
PENDING = "?"
SEVERITY_LABELS = {"ja": {"error": "エラー", "warning": "警告", "info": "情報"},
                   "en": {"error": "error", "warning": "warning", "info": "info"}}


def header(lang: str | None) -> list[str]:
    return [en if lang == "en" else ja for _, ja, en in COLUMNS]


def severity_label(severity: str, lang: str | None) -> str:
    return SEVERITY_LABELS["en" if lang == "en" else "ja"].get(severity, severity)


def severity_of(label) -> str:
    for labels in SEVERITY_LABELS.values():
        for k, v in labels.items():
            if v == label:
                return k
    return ""


def title(result: FileResult, lang: str | None, on: dt.date | None = None) -> str:
    t = result.template
    desc = f"{t.procedure} {t.version} {t.status or ''}".strip() if t else "-"
    day = (on or dt.date.today()).isoformat()
    errors, warnings = result.count("error"), result.count("warning")
    name = Path(result.path).name if result.path else ""
    if lang == "en":
        return f"zairyu-lint {name} [{desc}] {day}: {errors} error(s), {warnings} warning(s)"
    return f"zairyu-lint チェック結果 {name} [{desc}] {day}: エラー {errors} 件、警告 {warnings} 件"


def verdict_line(result: FileResult, lang: str | None) -> str:
    from .verdicts import summary_line, verdicts
    return summary_line(verdicts(result), lang)   # 「30人中 4人が要確認見込み: 8行 …」


@dataclass
class Record:
    """One painted cell: where, its fill before (hex, '' or PENDING) and whether the note is the writer's."""
    sheet: str
    address: str
    prior: str = ""
    note_added: bool = False

    def cells(self) -> list[str]:
        return [self.address, self.prior, "1" if self.note_added else "0"]


def table(findings: Iterable[Finding], lang: str | None, records: Iterable[Record] = ()) -> list[list]:
    """The rows from FIRST_ROW on: one per finding (the CELL column holds the place, the writer links it),
    each painted cell's record on the first finding of that cell, then records no finding of the run names."""
    by_cell = {(r.sheet, r.address): r for r in records}
    done: set[tuple] = set()
    out = []
    for i, f in enumerate((finding_row("", f, lang) for f in findings), 1):
        row = [""] * WIDTH
        row[NO], row[SEVERITY], row[SHEET] = i, severity_label(f["severity"], lang), f["sheet"] or ""
        row[CELL], row[FIELD], row[RULE], row[MESSAGE] = excel_place(f), f["field"] or "", f["rule"], f["message"]
        key = (f["sheet"], f["cell"])
        if key in by_cell and key not in done:
            done.add(key)
            row[REC_CELL:REC_NOTE + 1] = by_cell[key].cells()
        out.append(row)
    for key, rec in by_cell.items():
        if key not in done:
            row = [""] * WIDTH
            row[SHEET] = rec.sheet
            row[REC_CELL:REC_NOTE + 1] = rec.cells()
            out.append(row)
            done.add(key)
    return out


def read_records(rows: Iterable[list]) -> list[Record]:
    """The painted cells recorded in a result sheet's rows (from FIRST_ROW on, as read back from any engine)."""
    out = []
    for row in rows:
        row = list(row) + [None] * (WIDTH - len(row))
        sheet, address = row[SHEET], str(row[REC_CELL] or "").strip().replace("$", "").upper()
        letters = "".join(ch for ch in address if ch.isalpha())
        digits = "".join(ch for ch in address if ch.isdigit())
        if not sheet or not letters or not digits or address != letters + digits or int(digits) < 1:
            continue
        prior = "" if row[REC_PRIOR] is None else str(row[REC_PRIOR]).strip()
        note = str(row[REC_NOTE]).strip() in ("1", "1.0", "True", "TRUE")
        out.append(Record(str(sheet), address, prior, note))
    return out


def hex_of(rgb) -> str:
    """(r, g, b) -> '#RRGGBB'; no fill -> ''; PENDING stays."""
    if rgb == PENDING:
        return PENDING
    if not rgb:
        return ""
    r, g, b = rgb
    return f"#{r:02X}{g:02X}{b:02X}"


def rgb_of(text) -> tuple | None:
    """'#RRGGBB' -> (r, g, b); anything else (no fill) -> None."""
    text = str(text or "").strip().lstrip("#")
    if len(text) != 6:
        return None
    try:
        return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return None
