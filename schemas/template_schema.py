"""Pandera schemas of the input sheets, compiled from a snapshot's column table.

A sheet is validated in long form: one row per (applicant row, field), carrying the cell's text and
the facts the column table gives for it on that row (is its condition met, which code list applies
after its list-parent, is the list-parent empty, what type the cell had). The checks are vectorised
over all cells of the sheet at once, one pandera Check per rule (each rule's check lives in its unit,
schemas/rules/zlNNN_*.py, and reads the table through schemas.cell_table.CellTable), so a 300 × 265
sheet validates in a few tens of milliseconds and the failure cases are exactly the failing cells.

How conditions are evaluated reproduces the official VBA (mdMain.chkInputErrRow / chkParentInput /
chkGymCode / chkParentForChild); see the comments on each step.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .cells import col_index, expand_cols
from .charclass import class_pattern
from .snapshot import SIMULTANEOUS_SHEET, Field, Snapshot, Status

MASTER, LINKED_MASTER = "マスタ", "連動マスタ"
# lists whose entries may carry an empty code (VBA chkGymCode exempts them)
EMPTY_CODE_OK = {"A036", "CC34"}
CELL_REF_PARENT = re.compile(r"^AA[1-9]$")      # VBA: ci.sRelCol Like "AA[1-99]"

KIND_TEXT, KIND_NUMBER, KIND_DATE, KIND_OTHER = 0, 1, 2, 3


@dataclass
class SheetInput:
    """Text of one sheet's applicant rows, and the type each raw cell had."""
    name: str
    rows: np.ndarray        # Excel row numbers of the applicant rows checked
    text: dict[str, np.ndarray]   # column letter -> text per applicant row
    kind: dict[str, np.ndarray]   # column letter -> KIND_* per applicant row

    def col(self, letter: str) -> np.ndarray:
        got = self.text.get(letter)
        return got if got is not None else np.full(len(self.rows), "", dtype=object)

    def kinds(self, letter: str) -> np.ndarray:
        got = self.kind.get(letter)
        return got if got is not None else np.zeros(len(self.rows), dtype=np.int8)


def list_sheet_for(field: Field) -> str:
    """Which master the VBA searches for this field's code (getChgGymCd's sRelCol argument)."""
    if not field.list_parent_col or CELL_REF_PARENT.match(field.list_parent_col) or field.list_parent_col[-1].isdigit():
        return MASTER
    return LINKED_MASTER


def screen_keyed(snap: Snapshot) -> frozenset[str]:
    """Dependent lists keyed by their own name: `<list>_<parent's code>`, or `<list>_<screen code>` when the
    parent is a 高度専門職 status (T8[1-3]); every other dependent list is `<parent's list>_<parent's code>`.

    The VBA names them in a fixed set that differs per workbook (変更: CC13_3, CC02_4, CC02_5, CC02_7;
    更新: CC13_3, CC13_5, CC02_4; 認定: CC13_3, CC02_6, CC02_7). They are exactly the lists of dependent
    fields for which the snapshot has a list `<list>_<a code of the parent's list>`, so they are found there.
    """
    key = ("screen_keyed",)
    if key not in snap._index:
        found = set()
        for f in snap.fields:
            if not (is_dependent(f) and f.code_list) or f.code_list == "C970" or f.code_list in found:
                continue
            parent = snap.field_at(f.list_parent_sheet, f.list_parent_col)
            plist = snap.lists.get(parent.code_list) if parent is not None else None
            if plist and any(code and f"{f.code_list}_{code}" in snap.lists for _, code in plist.items):
                found.add(f.code_list)
        snap._index[key] = frozenset(found)
    return snap._index[key]


def is_dependent(field: Field) -> bool:
    return bool(field.list_parent_col) and not field.list_parent_col[-1].isdigit()


def field_text(field: Field, sheet: SheetInput) -> np.ndarray:
    if len(field.cols) == 1:
        return sheet.col(field.col)
    parts = [sheet.col(c) for c in field.cols]
    out = parts[0].copy()
    for p in parts[1:]:
        out = np.array([a + field.delim + b if b or a else "" for a, b in zip(out, p)], dtype=object)
    return out


def field_kind(field: Field, sheet: SheetInput) -> np.ndarray:
    return np.maximum.reduce([sheet.kinds(c) for c in field.cols]) if len(field.cols) > 1 else sheet.kinds(field.col)


def condition_met(field: Field, snap: Snapshot, inputs: dict[str, SheetInput]) -> np.ndarray | None:
    """chkParentInput: True where the check condition holds; None when the field has no condition."""
    if not field.cond_cols:
        return None
    cols = field.cond_cols
    sheet = inputs.get(field.sheet)
    if "在" in cols:
        sheet = inputs.get(snap.common_sheet)
        cols = cols.replace("在", "")
    n = len(next(iter(inputs.values())).rows)
    if sheet is None:
        return np.zeros(n, dtype=bool)
    values = field.cond_values
    met = np.zeros(n, dtype=bool)
    col_list = [c.strip() for c in cols.split(",")] if "," in cols else [cols]
    # a ｜-list: met where the cell holds one of the values, or (an empty entry) holds anything
    choices = values.split("｜") if "｜" in values else None
    wanted = frozenset(v for v in choices if v) if choices else frozenset()
    for c in col_list:
        cell = sheet.col(c)
        if choices is not None:
            if wanted:
                met |= np.fromiter(map(wanted.__contains__, cell), dtype=bool, count=len(cell))
            if "" in choices:
                met |= cell != ""
        else:
            met |= (cell == "") if values == "" else (cell == values)
    return met


def simultaneous_activity(field: Field, sheet: SheetInput, snap: Snapshot) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(full checks active, required check active, block applies) for a 同時申請 column, as the VBA runs them.

    The blocks and their kind flags (B–D) are template facts of the snapshot. The VBA sets the kind flags
    while walking them in order, so for the flag columns only the flags seen so far count; a column of a
    block is checked when its flag is 有 (the common block: when any flag is).
    """
    blocks = snap.simultaneous_blocks()
    flags = [b["flag"] for b in blocks if b["flag"]]
    on_of = {f: sheet.col(f) == snap.yes for f in flags}
    num = col_index(field.col) + 1
    n = len(sheet.rows)
    if field.col in on_of:
        so_far = [on_of[f] for f in flags[: flags.index(field.col)]]
        any_so_far = np.logical_or.reduce(so_far) if so_far else np.zeros(n, dtype=bool)
        return any_so_far, np.ones(n, dtype=bool), np.ones(n, dtype=bool)
    block = next((b for b in blocks if b["first"] <= num and (b["last"] is None or num <= b["last"])), None)
    if block is None or block["flag"] is None:
        on = np.logical_or.reduce(list(on_of.values())) if on_of else np.zeros(n, dtype=bool)
    else:
        on = on_of[block["flag"]]
    return on, on, on


def _cond_is_list_parent(field: Field) -> bool:
    """The field's condition is "its list-parent holds one of the parent's choices" (市区町村 ← 都道府県).

    Such a field is not hidden by a selection: an empty parent is ZL107 on the parent, a wrong parent
    is ZL105 on the parent, so the child gets no ZL108 of its own.
    """
    return is_dependent(field) and field.cond_cols.replace("在", "") == field.list_parent_col


def _parent_field(field: Field, snap: Snapshot) -> Field | None:
    return snap.field_at(field.list_parent_sheet, field.list_parent_col) if is_dependent(field) else None


def effective_lists(field: Field, snap: Snapshot, status: Status | None, inputs: dict[str, SheetInput],
                    n: int) -> np.ndarray:
    """The code list each row's value must belong to (VBA: ci.sGymCd after the list-parent step)."""
    if not field.code_list:
        return np.full(n, "", dtype=object)
    parent = _parent_field(field, snap)
    if not is_dependent(field):
        return np.full(n, field.code_list, dtype=object)
    parent_sheet = inputs.get(field.list_parent_sheet)
    parent_text = parent_sheet.col(field.list_parent_col) if parent_sheet is not None else np.full(n, "", dtype=object)
    parent_list = parent.code_list if parent else ""
    # getParentText looks the parent's label up in マスタ only
    codes = snap.lookup(parent_list) if snap.lists.get(parent_list) and snap.lists[parent_list].sheet == MASTER else {}
    pcode = np.array([codes.get(t, "") for t in parent_text], dtype=object)
    out = np.empty(n, dtype=object)
    keyed = screen_keyed(snap)
    for i, pc in enumerate(pcode):
        if field.code_list == "C970":
            out[i] = f"C970_{pc}" if pc else "C970_T02"   # chkGymCode: C970 without parent → C970_T02
        elif field.code_list in keyed:
            if re.fullmatch(r"T8[1-3]", pc or "") and status is not None:
                out[i] = f"{field.code_list}_{status.screen_code}"
            else:
                out[i] = f"{field.code_list}_{pc}" if pc else field.code_list
        else:
            out[i] = f"{parent_list}_{pc}" if pc else parent_list
    return out


@dataclass
class SheetPlan:
    """What the schema needs to know of a sheet's fields for one status (built once, cached)."""
    fields: list[Field]
    checked: np.ndarray          # field is checked at all (sheet visible to the tool, column not hidden)
    required: np.ndarray         # 必須 and a CSV column for this status (VBA chkRequire)
    patterns: list               # compiled class pattern per field (None = anything)
    maxlen: np.ndarray
    exact: np.ndarray


@lru_cache(maxsize=64)
def sheet_plan(snap: Snapshot, status_label: str | None, sheet: str) -> SheetPlan:
    status = snap.status_by_label(status_label) if status_label else None
    fields = snap.fields_of(sheet)
    hidden = set()
    if status is not None and status.sheet == sheet:
        for spec in status.hidden_cols:
            hidden.update(expand_cols(spec))
    checked = np.array([f.col not in hidden for f in fields], dtype=bool)
    if status is not None and status.csv_letter:
        csv_ok = [bool(f.csv.get(status.csv_letter)) for f in fields]
    else:
        csv_ok = [bool(f.csv_all) for f in fields]
    required = np.array([f.required and ok for f, ok in zip(fields, csv_ok)], dtype=bool)
    patterns = [class_pattern(tuple(f.classes)) for f in fields]
    maxlen = np.array([f.length or 0 for f in fields], dtype=np.int64)
    exact = np.array([f.exact and bool(f.length) for f in fields], dtype=bool)
    return SheetPlan(fields, checked, required, patterns, maxlen, exact)


@dataclass(frozen=True)
class CellLayout:
    """The per-field facts build_cells needs for one sheet and status, in checked-field order (made once)."""
    fields: np.ndarray            # plan index of each checked field, left to right
    groups: tuple                 # positions of the fields sharing one condition, for each condition
    hides: np.ndarray             # the field's condition is a selection: an unmet one makes a value ZL108
    required: np.ndarray          # plan.required of each checked field
    parents: tuple                # ((parent sheet, parent col), positions): a dependent field's list-parent
    coded: np.ndarray             # positions of fields with a code list


@lru_cache(maxsize=64)
def cell_layout(snap: Snapshot, status_label: str | None, sheet: str) -> CellLayout:
    plan = sheet_plan(snap, status_label, sheet)
    fields = np.flatnonzero(plan.checked)
    groups: dict[tuple, list[int]] = {}
    parents: dict[tuple, list[int]] = {}
    hides, coded = [], []
    for k, i in enumerate(fields):
        f = plan.fields[i]
        if f.cond_cols:
            groups.setdefault((f.sheet, f.cond_cols, f.cond_values), []).append(k)
        hides.append(bool(f.cond_cols) and f.cond_values != "" and not _cond_is_list_parent(f))
        if f.list_parent_col and not CELL_REF_PARENT.match(f.list_parent_col) and is_dependent(f):
            parents.setdefault((f.list_parent_sheet, f.list_parent_col), []).append(k)
        if f.code_list:
            coded.append(k)
    return CellLayout(fields, tuple(np.array(pos) for pos in groups.values()),
                      np.array(hides, dtype=bool), plan.required[fields],
                      tuple((key, np.array(pos)) for key, pos in parents.items()), np.array(coded, dtype=np.int64))


def build_cells(snap: Snapshot, status: Status | None, sheet_name: str,
                inputs: dict[str, SheetInput]) -> pd.DataFrame:
    """The long table of one sheet: a row per (applicant row, field) worth checking, field by field.

    Made as (checked field x applicant row) matrices, so the work per field is a few array rows, not a
    pass of its own: a field's condition is computed once per distinct condition, its list-parent's
    emptiness once per parent, its code lists only when the field has a cell in the table."""
    sheet = inputs[sheet_name]
    plan = sheet_plan(snap, status.label if status else None, sheet_name)
    lay = cell_layout(snap, status.label if status else None, sheet_name)
    n, m = len(sheet.rows), len(lay.fields)
    fields = [plan.fields[i] for i in lay.fields]
    value = np.empty((m, n), dtype=object)
    kind = np.empty((m, n), dtype=np.int8)
    for k, f in enumerate(fields):
        value[k] = field_text(f, sheet)
        kind[k] = field_kind(f, sheet)
    filled = value != ""
    cond = np.ones((m, n), dtype=bool)
    for pos in lay.groups:
        cond[pos] = condition_met(fields[pos[0]], snap, inputs)
    if sheet_name == SIMULTANEOUS_SHEET:
        full, req_on, block = (np.empty((m, n), dtype=bool) for _ in range(3))
        for k, f in enumerate(fields):
            full[k], req_on[k], block[k] = simultaneous_activity(f, sheet, snap)
        active, req_active = cond & full, cond & req_on
        # a block whose kind is not 有 must be blank; so must a field whose selection is not met
        not_applicable = ~block
    else:
        active = req_active = cond
        not_applicable = np.zeros((m, n), dtype=bool)
    not_applicable |= ~cond & lay.hides[:, None]    # only selections hide fields (see ZL108)
    required = lay.required[:, None] & req_active
    keep = filled | required
    fk, ri = np.nonzero(keep)                        # field-major: the fields in order, each row by row
    parent_empty = np.zeros((m, n), dtype=bool)
    for (psheet, pcol), pos in lay.parents:
        ps = inputs.get(psheet)
        if ps is not None:
            parent_empty[pos] = ps.col(pcol) == ""
    list_id = np.full((m, n), "", dtype=object)
    kept = keep.any(axis=1)
    for k in lay.coded:
        if kept[k]:
            list_id[k] = effective_lists(fields[k], snap, status, inputs, n)
    picked = value[fk, ri]
    cols = {"row": sheet.rows[ri], "field": lay.fields[fk], "value": picked, "length": utf16_len(picked),
            "kind": kind[fk, ri], "active": active[fk, ri], "required": required[fk, ri],
            "not_applicable": not_applicable[fk, ri], "parent_empty": parent_empty[fk, ri], "list_id": list_id[fk, ri]}
    return pd.DataFrame({c: np.asarray(v).astype(CELL_COLUMNS[c]) for c, v in cols.items()})


CELL_COLUMNS = {"row": "int64", "field": "int32", "value": "object", "length": "int64", "kind": "int8", "active": "bool",
                "required": "bool", "not_applicable": "bool", "parent_empty": "bool", "list_id": "object"}


def utf16_len(values) -> np.ndarray:
    # VBA Len counts UTF-16 code units: a character outside the BMP counts twice
    # = len(v) plus one per character outside the BMP; those are rare, so one search over all the text first
    out = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    text = "".join(values)
    if len(text.encode("utf-16-le")) != 2 * len(text):    # some character outside the BMP (faster than a search)
        out += np.fromiter((len(_ASTRAL.findall(v)) for v in values), dtype=np.int64, count=len(values))
    return out


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def make_checks(snap: Snapshot, plan: SheetPlan) -> list[pa.Check]:
    """One pandera Check per cell-table rule of the registry (schemas/rules/zlNNN_*.py: `check`).

    Each check receives the cell table as a schemas.cell_table.CellTable: one per DataFrame, so the numpy
    views and masks several checks share are made once per table; the facts of this sheet plan once per schema.
    """
    from schemas import rules as R
    from .cell_table import CellTable
    facts: dict = {}
    last: dict = {}

    def table(df: pd.DataFrame) -> CellTable:
        if last.get("df") is not df:     # holding the table keeps its id from being reused
            last.update(df=df, table=CellTable(df, plan, snap, facts))
        return last["table"]

    def as_check(rule) -> pa.Check:
        check = rule.check
        # ignore_na=False: nothing is NA in the cell table, and dropping NA rows per check costs more than the checks
        return pa.Check(lambda df: check(table(df)), name=rule.code, error=rule.code, ignore_na=False)

    return [as_check(r) for r in R.checks_on("cell-table")]


def code_found(snap: Snapshot, list_id: str, values: pd.Series, expected_sheets: list[str]) -> np.ndarray:
    """chkGymCode/getChgGymCd: the label exists in the named list on the expected master sheet, with a code."""
    cl = snap.lists.get(list_id)
    if cl is None:
        return np.zeros(len(values), dtype=bool)
    sheet_ok = np.asarray(expected_sheets, dtype=object) == cl.sheet
    table = snap.lookup(list_id)
    allow_empty = list_id in EMPTY_CODE_OK
    if cl.numeric:
        # VBA compares a numeric cell with the String text numerically
        nums = {float(k): v for k, v in table.items()}

        def find(v):
            try:
                return nums.get(float(v))
            except ValueError:
                return None
        hit = np.array([(c := find(v)) is not None and (c != "" or allow_empty) for v in values], dtype=bool)
    else:   # a label is found when the list has it with a code: one set look-up per value, in C
        hit = np.fromiter(map(_accepted_labels(snap, list_id).__contains__, values), dtype=bool, count=len(values))
    return hit & sheet_ok


@lru_cache(maxsize=512)
def _accepted_labels(snap: Snapshot, list_id: str) -> frozenset[str]:
    """The labels of a (text) code list that have a code (an empty code only where EMPTY_CODE_OK allows)."""
    allow_empty = list_id in EMPTY_CODE_OK
    return frozenset(k for k, c in snap.lookup(list_id).items() if c is not None and (c != "" or allow_empty))


@lru_cache(maxsize=64)
def sheet_structure(snap: Snapshot, status_label: str | None, sheet: str) -> pa.DataFrameSchema:
    """The columns and dtypes of the cell table alone (its declared checks run in cell_failures)."""
    return pa.DataFrameSchema(columns=sheet_schema(snap, status_label, sheet).columns, name=sheet)


def cell_failures(snap: Snapshot, status_label: str | None, sheet: str, cells: pd.DataFrame,
                  broken: dict[str, str] | None = None) -> list[tuple[str, int]]:
    """The executor of a sheet's declared schema: (rule code, cell-table index) of every failing cell, by index.

    The structure (columns, dtypes) is validated by pandera; a wrong structure raises (never hidden). The
    checks, plain functions over the whole table, then run directly: pandera's lazy failure-case table
    cost more than the checks themselves. A check that raises is put in `broken` (code -> what it raised;
    the engine reports it as ZL033) and the other checks still run; without `broken` it raises.
    """
    sheet_structure(snap, status_label, sheet).validate(cells)
    out = []
    for chk in sheet_schema(snap, status_label, sheet).checks:
        try:
            ok = chk._check_fn(cells)
            ok = np.asarray(ok.to_numpy() if isinstance(ok, pd.Series) else ok)
            if ok.shape != (len(cells),):
                raise RuntimeError(f"gave {ok.shape}, not one result per cell")
        except Exception as exc:
            if broken is None:
                raise
            from .rules import raised
            broken.setdefault(str(chk.name), raised(exc))
            continue
        out.extend((str(chk.name), int(i)) for i in cells.index[~ok.astype(bool)])
    return sorted(out, key=lambda p: (p[1], p[0]))


@lru_cache(maxsize=64)
def sheet_schema(snap: Snapshot, status_label: str | None, sheet: str) -> pa.DataFrameSchema:
    """The pandera schema of one input sheet for one status (cached: built once per process)."""
    plan = sheet_plan(snap, status_label, sheet)
    return pa.DataFrameSchema(
        columns={
            "row": pa.Column("int64"),
            "field": pa.Column("int32"),
            "value": pa.Column(str),     # pandas stores text as its string dtype
            "list_id": pa.Column(str),
        },
        checks=make_checks(snap, plan),
        name=sheet,
        title=f"{snap.procedure_ja} {snap.version} {sheet}",
    )
