"""ZL504 passport-expires-during-stay: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: 旅券の有効期限 against the end of the period applied for.
"""
from __future__ import annotations

from . import unverified, rule


def check(F) -> list:
    from schemas.business import BCheck
    return [BCheck("ZL504", "passport_exp", _passport_covers,
                   lambda F, i: {"end": _stay_end(F, i).isoformat() if _stay_end(F, i) else ""})]


def _stay_end(F, i: int):
    return _stay_end_of(F, F.v("want_period", i), F.v("expiry", i))


def _stay_end_of(F, want_period: str, expiry: str):
    from schemas.business.frame import add_months, period_months, ymd
    months = period_months(want_period)
    if months is None:
        return None
    on = F.model.options.on
    base = on
    exp = ymd(expiry)
    if F.snap.procedure == "koushin" and exp and exp > on:
        base = exp          # a renewal's new period starts the day after the current one ends
    return add_months(base, months)


def _passport_covers(F):
    import numpy as np
    from schemas.business.frame import ymd
    on, ends = F.model.options.on, {}
    out = np.empty(F.n, dtype=bool)
    # applicants share their (period, expiry) pairs: the end of each pair's stay is computed once
    for i, (passport, period, expiry) in enumerate(zip(F.a("passport_exp").tolist(), F.a("want_period").tolist(),
                                                      F.a("expiry").tolist())):
        if (period, expiry) not in ends:
            ends[period, expiry] = _stay_end_of(F, period, expiry)
        d, end = ymd(passport), ends[period, expiry]
        out[i] = d is None or end is None or d < on or d >= end   # expired: ZL503
    return out


PASSPORT_EXPIRES_DURING_STAY = rule(
    "ZL504", "passport-expires-during-stay", "info",
    on="applicant-frame", by=__name__, params=('label', 'value', 'end'), check=check,
    summary=("希望する在留期間の途中で旅券が切れます", "Passport expires before the desired period ends"),
    message=("{label}「{value}」が希望する在留期間の終わり（概ね {end}）より前です。旅券の更新を予定しておくと安心です。",
             "{label} 「{value}」 is before the end of the desired period (about {end}); plan the passport's renewal."),
    explain=("""
何を調べるか: 旅券の有効期限が、希望する在留期間の終わり（更新は現在の満了日から、変更・認定は申請日から数えた概算）より前か。
なぜ問題か: 問題とは限りません。在留期間が旅券の有効期限に縛られるという資料は見つかっていません（未確認）。
旅券の更新を忘れないための情報です。
例: 旅券 20261231 まで、2026-05-01 申請で希望１年。
直し方: 必要に応じて旅券の更新を予定してください。
""", """
What it checks: the passport expires before the end of the desired period (renewal: counted from the current
expiry; change/COE: from the filing date; approximate).
Why: not necessarily a problem: no source says the period of stay is tied to the passport (unverified).
A reminder to renew the passport.
Example: passport to 20261231, filed 2026-05-01 for 1 year.
Fix: plan the passport's renewal if needed.
"""),
    source=unverified("在留期間が旅券の有効期限に縛られるという資料は見つかっていません。", "no source says the period of stay is tied to the passport's validity."))
