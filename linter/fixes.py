"""Fixes: the mechanical mistakes a cell's column definition lets us correct without guessing.

A fix is proposed only for a cell that has a finding, from the column's definition in the snapshot
(character class, length, code list) and the date/name/phone facts the rules already use. Every
proposal is then verified: the changed values are linted again (in memory) and a fix is kept only
when it makes at least one finding of its cell disappear and brings no new error (an unsafe one: no new finding).
The fix is attached to exactly the findings it resolves.

Safe fixes (deterministic, meaning kept):
  width    全角⇄半角 of digits, Latin letters, spaces and symbols the class allows (never kana)
  trim     spaces around a value; in names also double spaces
  case     upper case where the column allows capitals only (names)
  date     8-digit text from a date cell or YYYY/MM/DD, YYYY-MM-DD, YYYY.MM.DD (6-digit YYYYMM alike)
  number   a number stored as a number written back as text
  zero     a lost leading zero, from the fixed length or a Japanese phone number (single leading 0)
  list     a code-list value that differs from exactly one label only in case, width or spacing
  hyphen   hyphens removed from postal codes and 法人番号
Unsafe fixes (offered with --unsafe-fixes only):
  label    a value equal to the Japanese part of exactly one list label → that label
  comma    thousands separators removed from a half-width-digit amount
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from schemas.cells import col_index, number_text
from schemas.charclass import class_pattern

SPACES = " \u3000\t"
HYPHENS = "-－‐‑−ー―"
DATE8_RE = re.compile(r"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$")
DATE6_RE = re.compile(r"^(\d{4})[/\-.](\d{1,2})$")
NAME_RE = re.compile(r"^[A-Z]+( [A-Z]+)*$")
THOUSANDS_RE = re.compile(r"^\d{1,3}(,\d{3})+$")
MAX_ROUNDS = 4

REASONS = {
    "width": ("全角・半角を変換", "full-/half-width converted"),
    "trim": ("前後の空白を削除", "spaces trimmed"),
    "case": ("大文字に変換", "upper-cased"),
    "date": ("日付を8桁の文字列に", "date written as digits"),
    "number": ("数値を文字列に", "number written as text"),
    "zero": ("先頭の0を復元", "leading zero restored"),
    "list": ("リストの表記に統一", "list label spelling"),
    "hyphen": ("ハイフンを削除", "hyphens removed"),
    "label": ("リストの項目を補完", "list label completed"),
    "comma": ("桁区切りのカンマを削除", "thousands separators removed"),
}


@dataclass
class Fix:
    safe: bool
    replacement: str

    def to_json(self) -> dict:
        return {"safe": self.safe, "replacement": self.replacement}


@dataclass
class Change:
    """One cell to change: old raw value (as read) → new text."""
    sheet: str
    cell: str
    row: int
    column: str
    field: str | None
    old: object
    new: str
    safe: bool
    reasons: tuple[str, ...]
    rules: tuple[str, ...] = ()      # the findings it resolves
    depends: tuple = ()              # (sheet, column) of its list parent and condition cells (same row)

    def reason_text(self, lang: str = "ja") -> str:
        i = 1 if lang == "en" else 0
        return "・".join(REASONS[r][i] for r in self.reasons) if i == 0 else ", ".join(REASONS[r][i] for r in self.reasons)

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "cell": self.cell, "field": self.field, "old": old_text(self.old),
                "new": self.new, "safe": self.safe, "reasons": list(self.reasons), "rules": list(self.rules)}


def old_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ") if v.time() != dt.time() else v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        return repr(v) if isinstance(v, float) and v != int(v) else str(int(v))
    return str(v)


# --- width ---------------------------------------------------------------------------------

def to_half(ch: str) -> str:
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    return " " if ch == "\u3000" else ch


def to_full(ch: str) -> str:
    o = ord(ch)
    if 0x21 <= o <= 0x7E:
        return chr(o + 0xFEE0)
    return "\u3000" if ch == " " else ch


def convert_width(value: str, pattern: re.Pattern, upper_only: bool) -> str:
    """Each character the class refuses, replaced by its other-width form (or capital) when the class takes that."""
    out = []
    for ch in value:
        if pattern.fullmatch(ch):
            out.append(ch)
            continue
        for alt in (to_half(ch), to_full(ch), to_half(ch).upper() if upper_only else ch):
            if alt != ch and pattern.fullmatch(alt):
                out.append(alt)
                break
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=4096)    # list labels are folded again for every proposal against their list
def fold(value: str) -> str:
    """Case, width and spacing folded away (for comparing a value with list labels)."""
    t = "".join(to_half(ch) for ch in value).lower()
    return " ".join(t.split())


# --- the column facts a fix needs ------------------------------------------------------------

@dataclass
class Column:
    field: object               # schemas.snapshot.Field
    label: str
    classes: tuple[str, ...]
    date_digits: int = 0        # 8 or 6 for a date column
    name: bool = False          # a Latin-capitals name (ZL206)
    phone: bool = False
    hyphen_free: bool = False   # postal code / 法人番号


def column_facts(ctx) -> dict[tuple[str, str], Column]:
    """(sheet, column letter) -> Column, for the single-cell fields of the checked sheets."""
    from schemas.business.frame import norm
    snap = ctx.snap
    out = {}
    for sheet in ctx.inputs:
        for f in snap.fields_of(sheet):
            if len(f.cols) != 1 or (sheet, f.col) in out:
                continue
            header = norm(snap.headers.get(sheet, {}).get(f.col, "") or f.label)
            classes = tuple(f.classes)
            c = Column(f, header, classes)
            digits_only = classes == ("半角数字",)
            c.date_digits = snap.date_digits(sheet, f.col)   # a template fact (schema import)
            c.name = (header.endswith("氏名") and classes == ()) or set(classes) == {"半角スペース", "半角英大文字"}
            c.phone = digits_only and snap.is_phone(sheet, f.col)
            c.hyphen_free = digits_only and ("郵便番号" in header or "法人番号" in header)
            out[(sheet, f.col)] = c
    return out


# --- proposals -----------------------------------------------------------------------------

def propose(col: Column, raw, list_id: str, snap) -> tuple[str, tuple[str, ...], bool] | None:
    """(new text, reasons, safe) for one cell value, or None when nothing mechanical applies."""
    f = col.field
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, (dt.date, dt.datetime)):
        if not col.date_digits or (isinstance(raw, dt.datetime) and raw.time() != dt.time()):
            return None
        return raw.strftime("%Y%m%d" if col.date_digits == 8 else "%Y%m"), ("date",), True
    if isinstance(raw, (int, float)):
        if raw != raw or abs(raw) >= 1e15 or raw != int(raw) or raw < 0:
            return None           # fractions, exponent forms: the digits are not certain
        cl = snap.lists.get(list_id) if list_id else None
        if cl is not None and cl.numeric:
            return None           # a numeric list takes numbers
        text, reasons = number_text(raw), ["number"]
        if col.classes == ("半角数字",):
            if f.exact and f.length and len(text) < f.length:
                text, reasons = text.zfill(f.length), ["zero"]
            elif col.phone:
                if len(text) not in (9, 10):
                    return None   # not a Japanese number that lost its 0 (e.g. +81… without the +): not certain
                text, reasons = "0" + text, ["zero"]
        return text, tuple(reasons), True
    if not isinstance(raw, str) or raw == "":
        return None
    v, reasons = raw, []

    def step(new: str, why: str):
        nonlocal v
        if new != v:
            v = new
            if why not in reasons:
                reasons.append(why)

    step(v.strip(SPACES), "trim")
    if col.name:
        step("".join(to_half(ch) for ch in v), "width")
        step(re.sub(" +", " ", v), "trim")
        step(v.upper(), "case")
    if col.date_digits:
        half = "".join(to_half(ch) for ch in v)
        m = (DATE8_RE if col.date_digits == 8 else DATE6_RE).match(half)
        if m:
            y, mo = m.group(1), int(m.group(2))
            step(f"{y}{mo:02d}" + (f"{int(m.group(3)):02d}" if col.date_digits == 8 else ""), "date")
        elif half.isdigit() and half.isascii():
            step(half, "width")
    if col.hyphen_free:
        half = "".join(to_half(ch) for ch in v)
        stripped = "".join(ch for ch in half if ch not in HYPHENS)
        if stripped.isascii() and stripped.isdigit() and stripped != half:
            step(stripped, "hyphen")
    pat = class_pattern(col.classes)
    if pat is not None and not pat.fullmatch(v):
        upper_only = "半角英大文字" in col.classes and "半角英字" not in col.classes
        step(convert_width(v, pat, upper_only), "width")
    safe = True
    if list_id:
        table = snap.lookup(list_id)
        if table and v not in table:
            key = fold(v)
            same = [lab for lab in table if fold(lab) == key]
            if len(same) == 1:
                step(same[0], "list")
            else:
                head = v.replace("\u3000", " ").split(" ")[0]
                by_part = [lab for lab in table if lab.replace("\u3000", " ").split(" ")[0] == head and lab != v]
                if len(by_part) == 1 and head == v.strip():
                    step(by_part[0], "label")
                    safe = False
    if col.classes == ("半角数字",) and THOUSANDS_RE.match(v):
        step(v.replace(",", ""), "comma")
        safe = False
    if v == raw or not reasons:
        return None
    return v, tuple(reasons), safe


# --- planning and verification ---------------------------------------------------------------

def _key(f) -> tuple:
    return (f.rule, f.sheet, f.cell or (str(f.row) if f.row else None))


def patched(wb, changes: list[Change]):
    """A copy of the workbook data with the changes' values in place (the sheets are shared otherwise)."""
    from .workbook import SheetGrid, WorkbookData
    grids = dict(wb.grids)
    by_sheet: dict[str, list[Change]] = {}
    for c in changes:
        by_sheet.setdefault(c.sheet, []).append(c)
    for sheet, cs in by_sheet.items():
        g = wb.sheet(sheet)
        rows = list(g.rows)
        for c in cs:
            r = list(rows[c.row - 1])
            ci = col_index(c.column)
            if ci >= len(r):
                r.extend([""] * (ci + 1 - len(r)))
            r[ci] = c.new
            rows[c.row - 1] = r
        grids[sheet] = SheetGrid(g.name, rows, g.visible, g.total_rows)
    out = WorkbookData(wb.path, wb.sheet_names, wb.visible, wb.loader, grids, wb.has_definitions)
    if hasattr(wb, "notes_for"):
        out.notes_for = wb.notes_for
    return out


def candidates(wb, ctx, findings) -> list[Change]:
    """One proposal per cell that has a finding (verification comes later)."""
    from schemas.template_schema import effective_lists
    facts = column_facts(ctx)
    row_pos = {r: i for i, r in enumerate(ctx.applicant_rows)}
    lists_cache: dict = {}
    out, seen = [], set()
    for f in findings:
        if not (f.sheet and f.cell and f.column and f.row) or (f.sheet, f.cell) in seen:
            continue
        seen.add((f.sheet, f.cell))
        col = facts.get((f.sheet, f.column))
        if col is None or f.row not in row_pos:
            continue
        g = wb.sheet(f.sheet)
        raw = g.value(f.row, col_index(f.column)) if g is not None else None
        list_id = ""
        if col.field.code_list:
            key = (f.sheet, f.column)
            if key not in lists_cache:
                lists_cache[key] = effective_lists(col.field, ctx.snap, ctx.status, ctx.inputs, len(ctx.applicant_rows))
            list_id = lists_cache[key][row_pos[f.row]]
        p = propose(col, raw, list_id, ctx.snap)
        if p is None:
            continue
        new, reasons, safe = p
        out.append(Change(f.sheet, f.cell, f.row, f.column, f.field, raw, new, safe, reasons,
                          depends=_depends(col.field, f.sheet, ctx.snap)))
    return out


def _depends(field, sheet: str, snap) -> tuple:
    out = []
    if field.list_parent_col and field.list_parent_sheet:
        out.append((field.list_parent_sheet, field.list_parent_col))
    if field.cond_cols:
        cond_sheet = snap.common_sheet if "在" in field.cond_cols else sheet
        out += [(cond_sheet, c.strip()) for c in field.cond_cols.replace("在", "").split(",") if c.strip()]
    return tuple(out)


def rests_on_unsafe(changes: list[Change]) -> None:
    """A safe change whose list parent or condition cell gets an unsafe change counts as unsafe itself."""
    unsafe_cells = {(c.sheet, c.column, c.row) for c in changes if not c.safe}
    for c in changes:
        if c.safe and any((s, col, c.row) in unsafe_cells for s, col in c.depends):
            c.safe = False


def _not_blamed(todo: list[Change], new: list[tuple[int, str]], resolved) -> list[Change]:
    """The changes that resolve a finding of their cell and are not blamed for a new finding of their row.

    Rows are the applicants, across sheets. In a row with a new finding the unsafe changes are blamed first,
    the safe ones only when there are none. A safe change is blamed only for a new *error*: a warning it
    brings is one that a rule can now read (e.g. the 5-year count once 満了日 is a real date), not damage."""
    bad_any = {r for r, _ in new}
    bad_err = {r for r, sev in new if sev == "error"}
    unsafe_in = {c.row for c in todo if not c.safe and c.row in bad_any}
    keep = []
    for c in todo:
        c.rules = tuple(dict.fromkeys(resolved(c)))
        blamed = (c.row in bad_any) if not c.safe else (c.row in bad_err and c.row not in unsafe_in)
        if c.rules and not blamed:
            keep.append(c)
    return keep


def verify(wb, result, changes: list[Change], options, relint) -> tuple[list[Change], tuple | None]:
    """Keep the changes that resolve a finding of their cell and bring none anywhere; set their `rules`.

    Returns (kept changes, (patched workbook, its result, its context)) — the last re-check, which is the
    check of exactly the kept changes (None when nothing is kept)."""
    before = {_key(f) for f in result.findings}
    at_cell: dict[tuple, list] = {}
    for f in result.findings:
        if f.sheet and f.cell:
            at_cell.setdefault((f.sheet, f.cell), []).append(f)
    todo = list(changes)
    for _ in range(MAX_ROUNDS):
        if not todo:
            return [], None
        fixed_wb = patched(wb, todo)
        after_result, after_ctx = relint(fixed_wb)
        after = {_key(f) for f in after_result.findings}
        new = [f for f in after_result.findings if _key(f) not in before]
        if any(not f.row for f in new):
            return [], None   # a new file-level finding cannot be blamed on one cell: no fix at all
        keep = _not_blamed(todo, [(f.row, f.severity) for f in new],
                           lambda c: (f.rule for f in at_cell.get((c.sheet, c.cell), []) if _key(f) not in after))
        if len(keep) == len(todo):
            return keep, (fixed_wb, after_result, after_ctx)
        todo = keep
    return [], None


# findings a check of only some applicant rows cannot judge: they compare rows, or come from the reader's
# look at the package (formulas, rich text...), whose rows a row subset does not keep
CROSS_ROW = ("ZL005", "ZL006", "ZL007", "ZL208", "ZL306", "ZL307", "ZL312", "ZL313",
             "ZL026", "ZL027", "ZL028", "ZL029", "ZL030", "ZL031", "ZL032")


def row_subset(wb, sheets, rows: list[int]):
    """The workbook data with only `rows` of `sheets` (moved up to rows 8.., headers kept)."""
    from schemas.snapshot import FIRST_ROW
    from .workbook import SheetGrid, WorkbookData
    grids = dict(wb.grids)
    for s in sheets:
        g = wb.sheet(s)
        if g is None:
            continue
        kept = [g.rows[r - 1] if r - 1 < len(g.rows) else [] for r in rows]
        grids[s] = SheetGrid(g.name, list(g.rows[:FIRST_ROW - 1]) + kept, g.visible, None)
    out = WorkbookData(wb.path, wb.sheet_names, wb.visible, wb.loader, grids, wb.has_definitions)
    out.notes_for = lambda _sheets: []
    return out


def verify_rows(wb, ctx, result, changes: list[Change], options, relint) -> tuple[list[Change], None]:
    """verify() on only the applicant rows that change (about half the cost of a whole re-check).

    Used by `check` to mark fixable findings; rules comparing rows (duplicates) are left to `fix`, which
    re-checks the whole workbook (verify) before writing."""
    from schemas.snapshot import FIRST_ROW
    at_cell: dict[tuple, list] = {}
    for f in result.findings:
        if f.sheet and f.cell and f.rule not in CROSS_ROW:
            at_cell.setdefault((f.sheet, f.cell), []).append(f)
    before = {_key(f) for f in result.findings}
    todo = list(changes)
    for _ in range(MAX_ROUNDS):
        if not todo:
            return [], None
        rows = sorted({c.row for c in todo})
        back = {FIRST_ROW + i: r for i, r in enumerate(rows)}
        after_result, _ = relint(row_subset(patched(wb, todo), list(ctx.inputs), rows))
        after = set()
        new = []
        for f in after_result.findings:
            if f.rule in CROSS_ROW:
                continue
            row = back.get(f.row, f.row) if f.row else None
            key = (f.rule, f.sheet, f"{f.column}{row}" if f.column and row else (str(row) if row else None))
            after.add(key)
            if key not in before:
                new.append((row, f.severity))
        if any(r is None for r, _ in new):
            return [], None
        keep = _not_blamed(todo, new,
                           lambda c: (f.rule for f in at_cell.get((c.sheet, c.cell), []) if _key(f) not in after))
        if len(keep) == len(todo):
            return keep, None
        todo = keep
    return [], None


def plan_from(wb, result, cands: list[Change], options, relint, unsafe: bool = True, ctx=None):
    """Verified changes, safe and unsafe checked together in one re-check (check pays for one re-check only).

    A safe change may rest on an unsafe one (a child list value on its completed parent): it then counts as
    unsafe (rests_on_unsafe); fix_file checks the safe ones alone again before writing them. Returns (changes, the re-check of exactly these changes or None)."""
    todo = cands if unsafe else [c for c in cands if c.safe]
    if ctx is not None:
        kept, last = verify_rows(wb, ctx, result, todo, options, relint)
    else:
        kept, last = verify(wb, result, todo, options, relint)
    rests_on_unsafe(kept)
    return kept, last


def attach(result, changes: list[Change]) -> None:
    """Mark the findings each change resolves with its fix."""
    by_cell = {(c.sheet, c.cell): c for c in changes}
    for f in result.findings:
        c = by_cell.get((f.sheet, f.cell))
        if c is not None and f.rule in c.rules:
            f.fix = Fix(c.safe, c.new)


def fix_workbook(wb, options, unsafe: bool = True, passes: int = 3, fast: bool = False):
    """Lint `wb` and plan its fixes: (result with fixes attached, verified changes).

    A fix can make another one possible (a list parent spelled right gives its child the right list), so
    planning repeats on the fixed values while it finds proposals it has not tried (as ruff iterates).
    fast (check): one pass, verified on the changed rows only (verify_rows); `fix` plans in full.
    """
    from .engine import lint_workbook_context
    result, ctx = lint_workbook_context(wb, options)
    if ctx is None or not result.findings:
        return result, []
    if fast:
        try:
            return _plan(wb, options, unsafe, passes, fast, result, ctx)
        except Exception:    # noqa: BLE001 - marking fixes must never cost `check` its findings
            for f in result.findings:
                f.fix = None
            return result, []
    return _plan(wb, options, unsafe, passes, fast, result, ctx)


def _plan(wb, options, unsafe, passes, fast, result, ctx):
    from .engine import lint_workbook_context
    relint = lambda w: lint_workbook_context(w, options)   # noqa: E731
    original = {_key(f) for f in result.findings}
    merged: dict[tuple[str, str], Change] = {}
    tried: set[tuple] = set()
    current, cur_result, cur_ctx = wb, result, ctx
    for _ in range(passes):
        cands = [c for c in candidates(current, cur_ctx, cur_result.findings) if (c.sheet, c.cell, c.new) not in tried]
        if not cands:
            break
        tried.update((c.sheet, c.cell, c.new) for c in cands)
        changes, last = plan_from(current, cur_result, cands, options, relint, unsafe, cur_ctx if fast else None)
        if not changes:
            break
        rests_on_unsafe(list(merged.values()) + changes)
        for c in changes:
            prev = merged.get((c.sheet, c.cell))
            if prev is not None:
                c.old, c.safe = prev.old, prev.safe and c.safe
                c.reasons = tuple(dict.fromkeys(prev.reasons + c.reasons))
                c.rules = tuple(dict.fromkeys(prev.rules + c.rules))
            c.rules = tuple(r for r in c.rules if (r, c.sheet, c.cell) in original)
            merged[(c.sheet, c.cell)] = c
        if fast:
            break
        if last is not None:     # the last re-check was of exactly these values: no need to check again
            current, cur_result, cur_ctx = last
        else:
            current = patched(wb, list(merged.values()))
            cur_result, cur_ctx = lint_workbook_context(current, options)
    changes = [c for c in merged.values() if c.rules]
    attach(result, changes)
    return result, changes


# --- files -----------------------------------------------------------------------------------

@dataclass
class FixRun:
    result: object                  # FileResult before fixing (with the fixes attached)
    applied: list[Change]           # changes written (or, with --diff, to be written)
    held_back: list[Change]         # unsafe changes not applied (without --unsafe-fixes)
    skipped: list[Change]           # changes the writer could not make (formula cells)
    out: object = None              # Path written, or None


def fix_file(src, out=None, options=None, unsafe: bool = False, force: bool = False) -> FixRun:
    """Plan the fixes of `src` and, when `out` is given, write the fixed copy there (losslessly, atomically).

    Raises ReadError for an unreadable input, OutputExists / PackageError for an output that cannot be written.
    """
    from pathlib import Path
    from .annotate import write_values
    from .engine import Options
    from .reader import read_workbook
    from .xlsx_package import OutputExists, Package, PackageError
    options = options or Options()
    src = Path(src)
    if out is not None:
        out = Path(out)
        if out.exists() and not force:
            raise OutputExists(f"{out} exists (use --force to overwrite)")
        if out.resolve() == src.resolve():
            raise PackageError("the output would overwrite the input")
    wb = read_workbook(src)
    result, changes = fix_workbook(wb, options, unsafe=True)
    applied = [c for c in changes if c.safe or unsafe]
    held = [c for c in changes if not (c.safe or unsafe)]
    if held and applied:
        # the plan checked safe and unsafe together: make sure the safe ones alone bring no new finding
        from .engine import lint_workbook_context
        rules = {(c.sheet, c.cell): c.rules for c in applied}
        applied, _ = verify(wb, result, applied, options, lambda w: lint_workbook_context(w, options))
        for c in applied:
            c.rules = tuple(r for r in c.rules if r in rules[(c.sheet, c.cell)])
    run = FixRun(result, applied, held, [])
    if out is None:
        return run
    pkg = Package(src)
    values: dict[str, dict[str, str]] = {}
    for c in applied:
        values.setdefault(c.sheet, {})[c.cell] = c.new
    written = write_values(pkg, values)
    run.skipped = [c for c in applied if c.cell not in written.get(c.sheet, set())]
    run.applied = [c for c in applied if c not in run.skipped]
    run.out = pkg.save(out, force=force)
    return run
