"""The cell table as the cell-table rules see it: what a check receives and what a report reads.

A cell-table rule is one unit (schemas/rules/zlNNN_*.py) with two functions:
- `check(t: CellTable) -> bool array`, True where the cell passes, vectorised over the whole table;
- `report(t: CellTable, positions) -> [CellReport]`: where each finding of the failing cells goes and its
  message parameters (one per cell with `each_cell`, or grouped as the rule needs).

The table's numpy views and the masks several rules share are made once per table, on first use, so every
check after the first reads them for free; facts of the sheet plan (one value per field) once per schema.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from .snapshot import Field, Snapshot
from .template_schema import KIND_NUMBER, SheetInput, SheetPlan

_EXPONENT = re.compile(r"^\d+(\.\d+)?[eE][+-]?\d+$|^\d+\.\d+$")


@dataclass
class CellReport:
    """One finding of a cell-table rule: its cell (sheet, row, column), the field label shown there, its parameters."""
    sheet: str
    row: int
    col: str
    label: str
    params: dict


class CellTable:
    """One sheet's cell table (schemas.template_schema.build_cells) with its sheet plan and snapshot.

    `facts` is shared by every table of one sheet schema (see `fact`). `sheet` and `inputs` (the run's sheet
    inputs) are known when the table is reported on; the checks do not need them."""

    def __init__(self, df: pd.DataFrame, plan: SheetPlan, snap: Snapshot, facts: dict | None = None,
                 sheet: str = "", inputs: dict[str, SheetInput] | None = None):
        self.df, self.plan, self.snap = df, plan, snap
        self.sheet, self.inputs = sheet, inputs or {}
        self._facts = {} if facts is None else facts

    def __len__(self) -> int:
        return len(self.df)

    def fact(self, key: str, make):
        """A fact of the sheet plan or snapshot (e.g. one flag per field): made once per schema by make()."""
        got = self._facts.get(key)
        if got is None:
            got = self._facts[key] = make()
        return got

    # -- the table's columns as numpy arrays ----------------------------------------------------------------
    @cached_property
    def value(self) -> np.ndarray:
        return self.df["value"].to_numpy(object)

    @cached_property
    def filled(self) -> np.ndarray:
        return self.value != ""

    @cached_property
    def field(self) -> np.ndarray:
        """The field's index in plan.fields, per cell."""
        return self.df["field"].to_numpy()

    @cached_property
    def row(self) -> np.ndarray:
        return self.df["row"].to_numpy()

    @cached_property
    def parent_empty(self) -> np.ndarray:
        return self.df["parent_empty"].to_numpy()

    @cached_property
    def checked(self) -> np.ndarray:
        """Cells the official tool runs checks 2-5 on: active and not blocked by a missing list-parent."""
        return self.df["active"].to_numpy() & ~self.parent_empty

    @cached_property
    def required(self) -> np.ndarray:
        return self.df["required"].to_numpy()

    @cached_property
    def not_applicable(self) -> np.ndarray:
        return self.df["not_applicable"].to_numpy()

    @cached_property
    def kind(self) -> np.ndarray:
        return self.df["kind"].to_numpy()

    @cached_property
    def length(self) -> np.ndarray:
        """Length as VBA Len counts it (UTF-16 units)."""
        return self.df["length"].to_numpy()

    @cached_property
    def list_id(self) -> np.ndarray:
        return self.df["list_id"].to_numpy(object)

    @cached_property
    def maxlen(self) -> np.ndarray:
        return self.plan.maxlen[self.field]

    @cached_property
    def exact(self) -> np.ndarray:
        return self.plan.exact[self.field]

    # -- masks shared by several rules ----------------------------------------------------------------------
    @property
    def digit_only(self) -> np.ndarray:
        """Per field: its only character class is half-width digits."""
        return self.fact("digit_only", lambda: np.array([f.classes == ["半角数字"] for f in self.plan.fields], dtype=bool))

    @property
    def phone_like(self) -> np.ndarray:
        """Per field: a telephone or postal-code field (its leading zero is part of the number)."""
        snap = self.snap
        return self.fact("phone_like", lambda: np.array(
            [snap.is_phone(f.sheet, f.col) or snap.is_postal(f.sheet, f.col) for f in self.plan.fields], dtype=bool))

    @cached_property
    def lost_zero(self) -> np.ndarray:
        """A digit field stored as a number that is short of its fixed length, or a phone/postal number without its 0."""
        f = self.field
        num = (self.kind == KIND_NUMBER) & self.digit_only[f]
        n = self.length
        short_exact = self.exact & (n < self.maxlen)
        phone_no_zero = self.phone_like[f] & num
        pos = np.flatnonzero(phone_no_zero)
        if len(pos):    # only numeric phone-like cells can have lost their leading zero
            phone_no_zero[pos] = [not v.startswith("0") for v in self.value[pos]]
        return num & (n > 0) & (short_exact | phone_no_zero)

    @cached_property
    def exponent(self) -> np.ndarray:
        """A digit field holding an exponent (1.23457E+12) or decimal (1234567890123.0) form."""
        out = np.zeros(len(self), dtype=bool)
        cand = np.flatnonzero(self.digit_only[self.field] & (self.length > 0))
        vals = self.value[cand].tolist()
        joined = "".join(vals)
        if "." in joined or "e" in joined or "E" in joined:    # neither form without a point or an e
            out[cand] = [_EXPONENT.match(v) is not None for v in vals]
        return out

    # -- what a report reads --------------------------------------------------------------------------------
    def field_at(self, i: int) -> Field:
        return self.plan.fields[int(self.field[i])]

    def row_at(self, i: int) -> int:
        return int(self.row[i])

    def label(self, sheet: str, col: str) -> str:
        """The column's row-5 label on that sheet (the column letter when the snapshot has none)."""
        return self.snap.headers.get(sheet, {}).get(col, col)

    def text_at(self, sheet: str, col: str, row: int) -> str | None:
        """The text of another cell of the same applicant row; None when that sheet was not read."""
        inp = self.inputs.get(sheet)
        if inp is None:
            return None
        return inp.col(col)[int(np.flatnonzero(inp.rows == row)[0])]


def label_and_value(t: CellTable, i: int) -> dict:
    """The parameters every per-cell finding starts with: the field's label and the cell's text."""
    f = t.field_at(i)
    return {"label": f.label or t.label(t.sheet, f.col), "value": t.value[i]}


def length_params(t: CellTable, i: int) -> dict:
    """label_and_value, the field's length and the value's length as VBA Len counts it (UTF-16 units)."""
    out = label_and_value(t, i)
    out.update(length=t.field_at(i).length, actual=int(t.length[i]))
    return out


def each_cell(params):
    """A report with one finding per failing cell, at that cell: `params(t, i)` gives its message parameters."""
    def report(t: CellTable, positions) -> list[CellReport]:
        out = []
        for i in positions:
            col = t.field_at(i).col
            out.append(CellReport(t.sheet, t.row_at(i), col, t.label(t.sheet, col), params(t, i)))
        return out
    return report
