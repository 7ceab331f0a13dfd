"""ZL3xx: the library of the contradiction rules in schemas/rules/zl3NN_*.py (each rule is one unit there).

Shared by several rules: date comparison (`_le`), the start/end date pairs of the row-5 labels
(`order_pairs`), duplicates in the file (`dup_mask`, `first_row_of`) and who has a 同時申請 (`sim_active`).
"""
from __future__ import annotations

import numpy as np

from schemas.cells import col_index
from .frame import Frame, day_number, month_number, norm, ym, ymd


def _le(F: Frame, a: str, b: str, parse=ymd) -> np.ndarray:
    """a <= b where both parse; True otherwise (compared as day or month numbers, each value parsed once)."""
    number = number_of(parse)
    x, y = F.numbers(a, number), F.numbers(b, number)
    return (x < 0) | (y < 0) | (x <= y)


def sim_active(F: Frame) -> np.ndarray:
    got = F.cache.get("sim_active")     # the same for every 同時申請 pair check of this frame
    if got is None:
        yes = F.snap.yes   # the 有 label: a template fact
        got = F.cache["sim_active"] = (F.a("sim_reentry") == yes) | (F.a("sim_extra") == yes) | (F.a("sim_cert") == yes)
    return got


def dup_mask(F: Frame, keys: list[str]) -> np.ndarray:
    """False on a filled row whose values (the first one case-folded) repeat an earlier row's."""
    parts = [F.a(k).tolist() for k in keys]
    seen: set = set()
    ok = np.ones(F.n, dtype=bool)
    for i, vals in enumerate(zip(*parts)):
        if not all(vals):
            continue
        key = (vals[0].upper(),) + vals[1:]
        if key in seen:
            ok[i] = False
        seen.add(key)
    return ok


def first_row_of(F: Frame, keys: list[str], i: int) -> int:
    vals = tuple(F.v(k, i).upper() if n == 0 else F.v(k, i) for n, k in enumerate(keys))
    for j in range(F.n):
        if tuple(F.v(k, j).upper() if n == 0 else F.v(k, j) for n, k in enumerate(keys)) == vals:
            return F.rows[j]
    return F.rows[i]


# start/end words of a period in row-5 labels: a start field pairs with the nearest field to its right whose
# label is the start label with the word swapped (職歴 slots, 経歴 slots and 出演日程 repeat in order)
PERIOD_WORDS = (("始期", "終期"), ("入社", "退社"), ("出国予定", "再入国予定"), ("入学", "卒業"), ("開始", "終了"))


def _month(text) -> tuple[int, int] | None:
    t = str(text or "")
    return ym(t[:6]) if len(t) == 8 and ymd(t) else ym(t)


def _month_number(text) -> int | None:
    m = _month(text)
    return m[0] * 12 + m[1] - 1 if m is not None else None


def number_of(parse):
    """The int version of a date parser: the same order, None kept (ymd -> day number; ym, _month -> month number)."""
    return {ymd: day_number, ym: month_number, _month: _month_number}[parse]


def _when(digits: int):
    """A parser giving comparable values: YYYYMMDD -> date; when one side is YYYYMM, both -> (y, m)."""
    return _month if digits == 6 else ymd


def order_pairs(F: Frame) -> list[tuple[str, str, object]]:
    """(start key, end key, parser) for every date pair on the checked sheets, found from the row-5 labels."""
    from .formats import date_fields
    got = F.cache.get("order_pairs")
    if got is not None:
        return got
    by_sheet: dict[str, list[tuple[str, str, int]]] = {}
    for sheet, col, digits, birth, _ in date_fields(F):
        if not birth:
            by_sheet.setdefault(sheet, []).append((col, norm(F.snap.headers.get(sheet, {}).get(col, "")), digits))
    out = []
    for sheet, fields in by_sheet.items():
        fields.sort(key=lambda x: col_index(x[0]))
        used: set[str] = set()
        for col, label, digits in fields:
            for a, b in PERIOD_WORDS:
                if a not in label:
                    continue
                want = label.replace(a, b, 1)
                end = next((c for c, lab, d in fields if lab == want and c not in used
                            and col_index(c) > col_index(col)), None)
                if end is None:
                    continue
                used.add(end)
                d_end = next(d for c, _, d in fields if c == end)
                ks, ke = f"period:{sheet}:{col}", f"period:{sheet}:{end}"
                F.add_col(ks, sheet, col)
                F.add_col(ke, sheet, end)
                out.append((ks, ke, _when(min(digits, d_end))))
                break
    F.cache["order_pairs"] = out
    return out
