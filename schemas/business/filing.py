"""ZL5xx: rules relative to the filing date (options.on)."""
from __future__ import annotations

import pandas as pd

from . import BCheck
from .frame import Frame, add_months, period_months, ymd

EARLY_MONTHS = 3


def checks(F: Frame) -> list[BCheck]:
    out: list[BCheck] = []
    on = F.model.options.on
    p = F.snap.procedure
    if p in ("henkou", "koushin"):
        out.append(BCheck("ZL501", "expiry", lambda F: F.s("expiry").map(lambda t: (d := ymd(t)) is None or d > on),
                          lambda F, i: {"on": on.isoformat()}))
    if p == "koushin":
        # the 3-month window is stated for renewals; a change may be filed as soon as its cause arises
        out.append(BCheck("ZL502", "expiry", _early_ok,
                          lambda F, i: {"on": on.isoformat(), "from": _window(F, i)}))
    out.append(BCheck("ZL503", "passport_exp", lambda F: F.s("passport_exp").map(lambda t: (d := ymd(t)) is None or d >= on),
                      lambda F, i: {"on": on.isoformat()}))
    out.append(BCheck("ZL504", "passport_exp", _passport_covers,
                      lambda F, i: {"end": _stay_end(F, i).isoformat() if _stay_end(F, i) else ""}))
    return out


def _window(F: Frame, i: int) -> str:
    d = ymd(F.v("expiry", i))
    return add_months(d, -EARLY_MONTHS).isoformat() if d else ""


def _early_ok(F: Frame) -> pd.Series:
    on = F.model.options.on
    res = []
    for t, cur in zip(F.s("expiry"), F.s("cur_period")):
        d, months = ymd(t), period_months(cur)
        short = months is not None and months < 6      # the 3-month window is stated for stays of 6 months or more
        res.append(d is None or short or on >= add_months(d, -EARLY_MONTHS))
    return pd.Series(res, index=F.df.index)


def _stay_end(F: Frame, i: int):
    months = period_months(F.v("want_period", i))
    if months is None:
        return None
    on = F.model.options.on
    base = on
    exp = ymd(F.v("expiry", i))
    if F.snap.procedure == "koushin" and exp and exp > on:
        base = exp          # a renewal's new period starts the day after the current one ends
    return add_months(base, months)


def _passport_covers(F: Frame) -> pd.Series:
    res = []
    for i, t in enumerate(F.s("passport_exp")):
        d, end = ymd(t), _stay_end(F, i)
        res.append(d is None or end is None or d < F.model.options.on or d >= end)   # expired: ZL503
    return pd.Series(res, index=F.df.index)
