"""One row per applicant: the fields the business rules need, located by their row-5 label.

Nothing here names a column letter: a field is found on its sheet by its 論理項目名 (row 5), after
NFKC normalisation and removal of spaces (the three templates write 「旅券　(1)番号」 and 「旅券　（1）番号」),
and by occurrence when the label repeats (職歴 slots, 在日親族 slots, 特定産業分野 1–3).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from schemas.cells import col_index
from schemas.snapshot import SIMULTANEOUS_SHEET

COMMON, STATUS, SIM = "common", "status", "sim"


@lru_cache(maxsize=8192)
def norm(label: str) -> str:
    return re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", label or ""))


def find_cols(headers: dict[str, str], label: str, how: str = "exact") -> list[str]:
    """Columns (left to right) whose row-5 label matches `label` (exact / prefix / suffix / contains)."""
    want = norm(label)
    out = []
    for col, lab in headers.items():
        n = norm(lab)
        if (how == "exact" and n == want) or (how == "prefix" and n.startswith(want)) or \
                (how == "suffix" and n.endswith(want)) or (how == "contains" and want in n):
            out.append(col)
    return sorted(out, key=col_index)


@dataclass
class Loc:
    key: str
    sheet: str
    col: str
    label: str


_STR_ONLY = frozenset({str})


class Frame:
    """The applicant DataFrame plus where each of its columns came from."""

    def __init__(self, model):
        self.model = model                    # schemas.model.WorkbookModel
        self.snap = model.snap
        self.rows = list(model.applicant_rows)
        self.n = len(self.rows)
        self.locs: dict[str, Loc] = {}
        self._data: dict[str, np.ndarray] = {}
        self.df: pd.DataFrame | None = None
        self._cols: dict[str, int] = {}
        self._mat: np.ndarray | None = None
        self.cache: dict = {}

    # -- sheets ------------------------------------------------------------------------------
    def sheet(self, role: str) -> str | None:
        if role == COMMON:
            s = self.snap.common_sheet
        elif role == STATUS:
            s = self.model.status.sheet if self.model.status is not None else None
        else:
            s = SIMULTANEOUS_SHEET
        return s if s in self.model.inputs else None

    def headers(self, role: str) -> dict[str, str]:
        s = self.sheet(role)
        return self.snap.headers.get(s, {}) if s else {}

    # -- fields ------------------------------------------------------------------------------
    def find(self, sheet: str, label: str, how: str = "exact") -> list[str]:
        """find_cols on a sheet's row-5 labels, remembered with the snapshot (the labels are its facts)."""
        key = ("find_cols", sheet, label, how)
        got = self.snap._index.get(key)
        if got is None:
            got = self.snap._index[key] = find_cols(self.snap.headers.get(sheet, {}), label, how)
        return got

    def add(self, key: str, role: str, label: str, occ: int = 0, how: str = "exact") -> bool:
        s = self.sheet(role)
        cols = self.find(s, label, how) if s else []
        if len(cols) <= occ:
            self._data[key] = np.full(self.n, "", dtype=object)
            return False
        return self.add_col(key, s, cols[occ])

    def add_all(self, prefix: str, role: str, label: str, how: str = "exact") -> list[str]:
        """Every occurrence of a repeated label: keys prefix1, prefix2, ..."""
        s = self.sheet(role)
        keys = []
        for i, c in enumerate(self.find(s, label, how) if s else []):
            key = f"{prefix}{i + 1}"
            self.add_col(key, s, c)
            keys.append(key)
        return keys

    def add_col(self, key: str, sheet: str, col: str) -> bool:
        self._data[key] = np.asarray(self.model.inputs[sheet].col(col), dtype=object)
        self.locs[key] = Loc(key, sheet, col, self.snap.headers.get(sheet, {}).get(col, col))
        return True

    def build(self) -> pd.DataFrame:
        """One object block (a single 2-D array), so pandera's per-check bookkeeping stays cheap."""
        keys = list(self._data)
        mat = np.empty((self.n, len(keys) + 1), dtype=object)
        mat[:, 0] = self.rows
        for j, k in enumerate(keys, start=1):
            col = self._data[k]
            if set(map(type, col)) <= _STR_ONLY:     # the usual case: strip in C, no Python loop
                mat[:, j] = list(map(str.strip, col))
            else:
                mat[:, j] = [str(v).strip() if v is not None else "" for v in col]
        self.df = pd.DataFrame(mat, columns=["_row"] + keys, dtype=object)
        self._cols = {k: j for j, k in enumerate(keys, start=1)}
        self._mat = mat
        return self.df

    # -- access --------------------------------------------------------------------------------
    def has(self, key: str) -> bool:
        return key in self.locs

    def s(self, key: str) -> pd.Series:
        if self.df is not None and key in self._cols:
            got = self.cache.get(("col", key))
            if got is None:    # a Series over the built matrix's column (no copy, no pandas column look-up)
                got = self.cache[("col", key)] = pd.Series(self._mat[:, self._cols[key]], index=self.df.index,
                                                           dtype=object, name=key, copy=False)
            return got
        return pd.Series([""] * self.n, dtype=object)

    def v(self, key: str, i: int) -> str:
        """One applicant's text (positional reads by the message and extractor code: numpy, not pandas .iat)."""
        return str(self.a(key)[i]) if self.n else ""

    # numpy views for the checks that run on every applicant: a pandas operation costs ~10x its numpy twin on
    # 300 rows, and a parse runs once per distinct value of a column, not once per applicant
    def a(self, key: str) -> np.ndarray:
        """The column as a numpy object array of its (stripped) text; all "" for a field this template lacks."""
        j = self._cols.get(key)
        if self._mat is None or j is None:
            return np.full(self.n, "", dtype=object)
        return self._mat[:, j]

    def present(self, key: str) -> np.ndarray:
        """True where the cell is filled (numpy bool)."""
        got = self.cache.get(("present", key))
        if got is None:
            got = self.cache[("present", key)] = self.a(key) != ""
        return got

    def per_value(self, key: str, fn) -> np.ndarray:
        """fn(cell text) for every applicant, fn called once per distinct value (object array; cached per fn)."""
        return self._distinct(key, fn, object)

    def numbers(self, key: str, fn) -> np.ndarray:
        """Like per_value for a function giving an int or None: int64, None as -1 (dates as day/month numbers)."""
        return self._distinct(key, lambda v: -1 if (x := fn(v)) is None else x, np.int64, fn)

    def _distinct(self, key: str, fn, dtype, name=None) -> np.ndarray:
        ck = (key, dtype, name or fn)
        got = self.cache.get(ck)
        if got is None:
            vals = self.a(key).tolist()
            table = {v: fn(v) for v in dict.fromkeys(vals)}
            got = self.cache[ck] = np.fromiter(map(table.__getitem__, vals), dtype=dtype, count=len(vals))
        return got

    def label(self, key: str) -> str:
        loc = self.locs.get(key)
        return loc.label if loc else key

    def where(self, key: str, i: int) -> str:
        loc = self.locs.get(key)
        return f"{loc.col}{self.rows[i]}" if loc else ""

    def filled(self, key: str) -> pd.Series:
        """present() as a pandas Series, for the checks that combine Series."""
        return pd.Series(self.present(key), index=self.s(key).index)


# -- value parsing (never raises) --------------------------------------------------------------
def ymd(text: str) -> dt.date | None:
    return _ymd(str(text or ""))


@lru_cache(maxsize=8192)   # dates repeat across applicants (filing dates, periods); a date is immutable
def _ymd(t: str) -> dt.date | None:
    if len(t) != 8 or not t.isascii() or not t.isdigit():
        return None
    try:
        return dt.date(int(t[:4]), int(t[4:6]), int(t[6:]))
    except ValueError:
        return None


def day_number(text: str) -> int | None:
    """The date's ordinal (ymd order), None when it is no date."""
    d = ymd(text)
    return d.toordinal() if d is not None else None


def month_number(text: str) -> int | None:
    """y * 12 + m - 1 of a YYYYMM value (ym order), None when it is no month."""
    m = ym(text)
    return m[0] * 12 + m[1] - 1 if m is not None else None


def ym(text: str) -> tuple[int, int] | None:
    t = str(text or "")
    if len(t) != 6 or not t.isascii() or not t.isdigit():
        return None
    y, m = int(t[:4]), int(t[4:])
    return (y, m) if 1 <= m <= 12 and y >= 1 else None


def dates(s: pd.Series) -> pd.Series:
    return s.map(ymd)


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    import calendar
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


_PERIOD = re.compile(r"(?:(\d+)年)?(?:(\d+)(?:月|か月|ヶ月))?")


def period_months(label: str) -> int | None:
    """「１年３月」, 「４月」, 「特定技能１号（１年） One year」 -> months; None when not a period."""
    t = norm(label)
    m = re.search(r"\(([^)]*)\)", t)   # 更新 labels carry the period in brackets
    if m and re.search(r"\d+(年|月)", m.group(1)):
        t = m.group(1)
    t = t.split(" ")[0]
    m = re.fullmatch(r"(?:(\d+)年)?(?:(\d+)月)?", re.sub(r"[A-Za-z].*$", "", t))
    if not m or not (m.group(1) or m.group(2)):
        return None
    return int(m.group(1) or 0) * 12 + int(m.group(2) or 0)


def to_int(text) -> int | None:
    t = unicodedata.normalize("NFKC", str(text or "")).replace(",", "").strip()
    return int(t) if t.isascii() and t.isdigit() else None


def ssw_number(label: str) -> int | None:
    """1 or 2 for a 特定技能１号/２号 label (any of the three spellings), else None."""
    m = re.search(r"特定技能\(?([12])号", norm(label))
    return int(m.group(1)) if m else None
