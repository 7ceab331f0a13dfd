"""ZL4xx: 特定技能 programme rules (run only when the menu status is 特定技能)."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from schemas.cells import col_index
from . import BCheck
from .frame import STATUS, Frame, add_months, norm, period_months, ssw_number, to_int, ymd

# 特定産業分野 without 特定技能２号 (template-reference §10; system-rules §8.1; the three fields added
# by the cabinet decision of 2026-01-23 are assumed to have no 2号 yet).
NO_2GOU_FIELDS = ("介護分野", "自動車運送業分野", "鉄道分野", "林業分野", "木材産業分野",
                  "リネンサプライ分野", "物流倉庫分野", "資源循環分野")
DISPATCH_FIELDS = ("農業分野", "漁業分野")
CAP_MONTHS = 60
# since 2025-09-30 a 1号 holder who scored at least 80 % of the 2号 pass mark may stay up to 6 years in total
# (運用要領 as quoted by yell-office.jp/news/2026/02/2830, bp.proudcorp.com/post/gaigokujin-guide-00002)
CAP_EXCEPTION_MONTHS, CAP_EXCEPTION_SINCE = 72, dt.date(2025, 9, 30)
# 認定: the certificate is valid 3 months from issue, and the standard processing time is at most about 3 months
COE_VALID_MONTHS, COE_PROCESSING_MONTHS = 3, 3
# allowed periods per grant, by the date they took effect (system-rules §8.2)
PERIODS = [
    (dt.date(2025, 9, 30), {1: set(range(4, 37)), 2: {6, 12, 24, 36}}),
    (dt.date(1900, 1, 1), {1: {4, 6, 12}, 2: {6, 12, 36}}),
]


def allowed_periods(on: dt.date, go: int) -> set[int]:
    for since, table in PERIODS:
        if on >= since:
            return table[go]
    return PERIODS[-1][1][go]


def gou(F: Frame) -> pd.Series:
    """1 / 2 / 0 per applicant: the 号 applied for (変更 希望する在留資格, 更新 現に有する在留資格, 認定 入国目的)."""
    cached = F.cache.get("gou")
    if cached is not None:
        return cached
    key = {"henkou": "want_status", "koushin": "cur_status", "nintei": "purpose"}.get(F.snap.procedure, "")
    F.cache["gou"] = F.s(key).map(lambda t: ssw_number(t) or 0)
    return F.cache["gou"]


def desired_months(F: Frame) -> pd.Series:
    if not F.has("want_period") and F.has("stay_y"):
        # 認定 has no desired period; its 滞在予定期間 (years / months) is the intended stay
        y, m = [to_int(t) for t in F.s("stay_y")], [to_int(t) for t in F.s("stay_m")]
        return pd.Series([None if a is None and b is None else (a or 0) * 12 + (b or 0) for a, b in zip(y, m)],
                         index=F.df.index, dtype=object)
    return pd.Series([period_months(t) for t in F.s("want_period")], index=F.df.index, dtype=object)


def field_is(F: Frame, key: str, names) -> pd.Series:
    return F.s(key).map(lambda t: any(norm(t).startswith(n) for n in names))


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def checks(F: Frame) -> list[BCheck]:
    out: list[BCheck] = []
    sheet = F.sheet(STATUS)
    fields = [k for k in F.locs if k.startswith("field")]
    for k in fields:
        out.append(BCheck("ZL401", k, lambda F, k=k: ~((gou(F) == 2) & field_is(F, k, NO_2GOU_FIELDS))))
        # 更新 2026/02/27: old 分野 codes carry their 号 (建設分野（特定技能１号）)
        out.append(BCheck("ZL408", k, lambda F, k=k: pd.Series(
            [not g or not (n := ssw_number(t)) or n == g for g, t in zip(gou(F), F.s(k))], index=F.df.index),
            lambda F, i: {"gou": gou(F).iat[i]}))
    target = "want_period" if F.has("want_period") else "stay_y" if F.has("stay_y") else "total_y"
    out.append(BCheck("ZL402", target, _cap_ok, lambda F, i: {"total": _total(F).iat[i], "months": _cap_sum(F).iat[i],
                                                               "until": _until_expiry(F).iat[i] or 0,
                                                               "cap": _cap(F)}))
    out.append(BCheck("ZL403", "want_period", _period_ok, lambda F, i: {"gou": gou(F).iat[i]}))
    if F.snap.procedure == "nintei":
        # 18 is required at entry, not at filing (the certificate may be applied for at 17)
        out.append(BCheck("ZL404", "birth", lambda F: _adult_by(F, COE_PROCESSING_MONTHS + COE_VALID_MONTHS),
                          lambda F, i: {"adult": _adult_on(F, i), "by": _coe_lapse(F).isoformat()}))
        out.append(BCheck("ZL410", "birth", lambda F: ~_adult_by(F, COE_PROCESSING_MONTHS + COE_VALID_MONTHS)
                          | _adult_by(F, COE_VALID_MONTHS),
                          lambda F, i: {"adult": _adult_on(F, i), "on": F.model.options.on.isoformat()}))
    else:
        out.append(BCheck("ZL410", "birth", lambda F: _adult_by(F, 0),
                          lambda F, i: {"adult": _adult_on(F, i), "on": F.model.options.on.isoformat()}))
    out.append(BCheck("ZL405", "support_choice", lambda F: ~((gou(F) == 1) & ~F.filled("support_choice"))))
    if sheet and F.has("support_choice"):
        start = col_index(F.locs["support_choice"].col)
        cols = sorted((c for c in F.snap.headers.get(sheet, {}) if col_index(c) >= start), key=col_index)
        out += _group_checks(F, "ZL406", "support", cols, lambda F: gou(F) == 2)
    if sheet:
        cols = [c for c, lab in sorted(F.snap.headers.get(sheet, {}).items(), key=lambda x: col_index(x[0]))
                if "(12)派遣先" in norm(lab)]
        out += _group_checks(F, "ZL407", "dispatch", cols, _not_dispatch_field)
    out.append(BCheck("ZL409", "want_status", lambda F: ~F.s("want_status").str.contains("技能実習")))
    return out


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
        any_filled = np.zeros(len(F.df.index), dtype=bool)
        for k in keys:      # numpy: the groups have many columns
            any_filled |= F.s(k).to_numpy(object) != ""
        return ~(applies(F) & pd.Series(any_filled, index=F.df.index))

    def first(F, i):
        return next((k for k in keys if F.v(k, i) != ""), keys[0])
    return [BCheck(code, keys[0], ok, cell=first)]


def _not_dispatch_field(F: Frame) -> pd.Series:
    fields = [k for k in F.locs if k.startswith("field")]
    if not fields:
        return pd.Series(False, index=F.df.index)
    any_filled = pd.Series(False, index=F.df.index)
    allowed = pd.Series(False, index=F.df.index)
    for k in fields:
        any_filled |= F.filled(k)
        allowed |= field_is(F, k, DISPATCH_FIELDS)
    return any_filled & ~allowed


def _total(F: Frame) -> pd.Series:
    y, m = [to_int(t) for t in F.s("total_y")], [to_int(t) for t in F.s("total_m")]
    return pd.Series([None if a is None and b is None else (a or 0) * 12 + (b or 0) for a, b in zip(y, m)],
                     index=F.df.index, dtype=object)


def _until_expiry(F: Frame) -> pd.Series:
    """更新: whole months from the filing date to the current expiry (still 1号 time before the new period)."""
    on = F.model.options.on
    out = []
    for t in F.s("expiry"):
        d = ymd(t)
        if F.snap.procedure != "koushin" or d is None or d <= on:
            out.append(None)
            continue
        months = (d.year - on.year) * 12 + d.month - on.month - (d.day < on.day)
        out.append(max(months, 0))
    return pd.Series(out, index=F.df.index, dtype=object)


def _cap_sum(F: Frame) -> pd.Series:
    return pd.Series([None if t is None or d is None else t + d + (u or 0)
                      for t, d, u in zip(_total(F), desired_months(F), _until_expiry(F))],
                     index=F.df.index, dtype=object)


def _cap(F: Frame) -> int:
    return CAP_EXCEPTION_MONTHS if F.model.options.on >= CAP_EXCEPTION_SINCE else CAP_MONTHS


def _cap_ok(F: Frame) -> pd.Series:
    return pd.Series([g != 1 or s is None or s <= CAP_MONTHS for g, s in zip(gou(F), _cap_sum(F))], index=F.df.index)


def _period_ok(F: Frame) -> pd.Series:
    on = F.model.options.on
    return pd.Series([g not in (1, 2) or d is None or d in allowed_periods(on, g)
                      for g, d in zip(gou(F), desired_months(F))], index=F.df.index)


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


def _coe_lapse(F: Frame) -> dt.date:
    return add_months(F.model.options.on, COE_PROCESSING_MONTHS + COE_VALID_MONTHS)


def _adult_by(F: Frame, months: int) -> pd.Series:
    """True where the applicant is 18 by the filing date + `months` (or the birth date is unreadable / future)."""
    on = F.model.options.on
    limit = add_months(on, months)
    return F.s("birth").map(lambda t: (b := ymd(t)) is None or b > on or _eighteenth(t) <= limit)
