"""ZL4xx: the library of the 特定技能 rules in schemas/rules/zl4NN_*.py (each rule is one unit there).

Shared by several rules: whether they apply at all (`is_ssw`: only when the menu status is 特定技能), the 号
applied for (`gou`), the period applied for (`desired_months`), the 特定産業分野 test (`field_is`), the check
over a group of columns (`_group_checks`) and the age at a date (`_adult_by`, `_adult_on`).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np
import pandas as pd

from . import BCheck
from .frame import STATUS, Frame, add_months, norm, period_months, ssw_number, to_int, ymd

# 認定: the certificate is valid 3 months from issue, and the standard processing time is at most about 3 months
COE_VALID_MONTHS, COE_PROCESSING_MONTHS = 3, 3


def is_ssw(F: Frame) -> bool:
    """The 特定技能 rules apply only when the menu status is 特定技能."""
    return F.model.status is not None and F.model.status.label.startswith("特定技能")


def gou(F: Frame) -> pd.Series:
    """1 / 2 / 0 per applicant: the 号 applied for (変更 希望する在留資格, 更新 現に有する在留資格, 認定 入国目的)."""
    cached = F.cache.get("gou")
    if cached is not None:
        return cached
    key = {"henkou": "want_status", "koushin": "cur_status", "nintei": "purpose"}.get(F.snap.procedure, "")
    F.cache["gou"] = pd.Series(F.per_value(key, _gou_of).astype(np.int64), index=F.df.index)
    return F.cache["gou"]


def _gou_of(text: str) -> int:
    return ssw_number(text) or 0


def desired_months(F: Frame) -> pd.Series:
    if not F.has("want_period") and F.has("stay_y"):
        # 認定 has no desired period; its 滞在予定期間 (years / months) is the intended stay
        y, m = F.per_value("stay_y", to_int), F.per_value("stay_m", to_int)
        return pd.Series([None if a is None and b is None else (a or 0) * 12 + (b or 0) for a, b in zip(y, m)],
                         index=F.df.index, dtype=object)
    return pd.Series(F.per_value("want_period", period_months), index=F.df.index, dtype=object)


def field_is(F: Frame, key: str, names) -> pd.Series:
    """True where the 特定産業分野 starts with one of `names` (each distinct value tested once)."""
    return pd.Series(F.per_value(key, _starts_with_any(tuple(names))).astype(bool), index=F.df.index)


@lru_cache(maxsize=None)
def _starts_with_any(names: tuple[str, ...]):
    """One test function per set of names, so Frame.per_value keeps its answers for it."""
    return lambda t: any(norm(t).startswith(n) for n in names)


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _group_checks(F: Frame, code: str, prefix: str, cols: list[str], applies) -> list[BCheck]:
    """One check over a group of columns; reported on the first filled cell of the group."""
    sheet = F.sheet(STATUS)
    keys = []
    for c in cols:
        key = f"{prefix}:{c}"
        F.add_col(key, sheet, c)
        keys.append(key)
    if not keys:
        return []

    def ok(F):
        any_filled = np.zeros(F.n, dtype=bool)
        for k in keys:      # numpy: the groups have many columns
            any_filled |= F.present(k)
        return ~(np.asarray(applies(F), dtype=bool) & any_filled)

    def first(F, i):
        return next((k for k in keys if F.v(k, i) != ""), keys[0])
    return [BCheck(code, keys[0], ok, cell=first)]


def _eighteenth(text: str) -> dt.date | None:
    b = ymd(text)
    if b is None:
        return None
    try:
        return b.replace(year=b.year + 18)
    except ValueError:          # born on 29 February: 18 on 1 March
        return dt.date(b.year + 18, 3, 1)


def _adult_on(F: Frame, i: int) -> str:
    d = _eighteenth(F.v("birth", i))
    return d.isoformat() if d else ""


def _adult_by(F: Frame, months: int) -> pd.Series:
    """True where the applicant is 18 by the filing date + `months` (or the birth date is unreadable / future)."""
    on = F.model.options.on
    limit = add_months(on, months)
    return pd.Series(F.per_value("birth", lambda t: (b := ymd(t)) is None or b > on or _eighteenth(t) <= limit)
                     .astype(bool), index=F.df.index)
