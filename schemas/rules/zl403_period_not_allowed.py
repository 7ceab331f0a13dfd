"""ZL403 period-not-allowed: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: the period applied for against the periods allowed for its 号 on
the filing date. Only when the menu status is 特定技能 (ssw.is_ssw).
"""
from __future__ import annotations

import datetime as dt

from . import cited, rule

_TR = "template-reference"
_SR = "system-rules"


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


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.ssw import gou, is_ssw
    if not is_ssw(F):
        return []
    return [BCheck("ZL403", "want_period", _period_ok, lambda F, i: {"gou": gou(F).iat[i]})]


def _period_ok(F):
    import pandas as pd
    from schemas.business.ssw import desired_months, gou
    on = F.model.options.on
    return pd.Series([g not in (1, 2) or d is None or d in allowed_periods(on, g)
                      for g, d in zip(gou(F), desired_months(F))], index=F.df.index)


PERIOD_NOT_ALLOWED = rule(
    "ZL403", "period-not-allowed", "error",
    on="applicant-frame", by=__name__, params=('label', 'value', 'gou'), check=check,
    summary=("その号で許可されない在留期間です", "Period not granted for this 号"),
    message=("{label}「{value}」は特定技能{gou}号では許可されない期間です。",
             "{label} 「{value}」 is not a period granted for 特定技能 {gou}号."),
    explain=(f"""
何を調べるか: 希望する在留期間が、申請日に有効な期間の一覧にあるか。2025-09-30 以降: １号は3年以内（4月〜3年、月単位）、
２号は6月・1年・2年・3年。それより前: １号は4月・6月・1年、２号は6月・1年・3年。
なぜ問題か: 在留期間は施行規則で定められています（{_SR} §8.2, {_TR} §10）。
例: ２号で「４月」、2025-09-30 より前の申請で１号「３年」。
直し方: 許可される期間を選んでください。
""", f"""
What it checks: the desired period is one granted for the 号 on the filing date. From 2025-09-30: 1号 up to 3 years
(4 months to 3 years), 2号 6 months, 1, 2 or 3 years; before: 1号 4/6 months or 1 year, 2号 6 months, 1 or 3 years.
Why: the periods are set by the enforcement rules ({_SR} §8.2, {_TR} §10).
Example: 「４月」 for 2号; 「３年」 for 1号 filed before 2025-09-30.
Fix: choose a granted period.
"""),
    source=cited("出入国管理及び難民認定法施行規則 別表第二（特定技能の在留期間）: 2025-09-30 から１号は「3年を超えない範囲」、２号は3年・2年・1年・6月"
                  "（nagoyavisa.com/2158, visa-nihon.com/17623183839638, noborder.cloud/nortification/release00038.html）。",
                  "the enforcement rules, appended table 2 (特定技能 periods): from 2025-09-30 1号 'not exceeding 3 years', 2号 3 years, 2 years, 1 year or 6 months "
                  "(nagoyavisa.com/2158, visa-nihon.com/17623183839638, noborder.cloud/nortification/release00038.html)."))
