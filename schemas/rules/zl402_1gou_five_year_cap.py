"""ZL402 1gou-five-year-cap: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: 1号 time so far + the period applied for (+ for 更新 the time
left to the current expiry) against the 5-year cap. Only when the menu status is 特定技能 (ssw.is_ssw).
"""
from __future__ import annotations

import datetime as dt

from . import cited, rule

_SR = "system-rules"


CAP_MONTHS = 60
# since 2025-09-30 a 1号 holder who scored at least 80 % of the 2号 pass mark may stay up to 6 years in total
# (運用要領 as quoted by yell-office.jp/news/2026/02/2830, bp.proudcorp.com/post/gaigokujin-guide-00002)
CAP_EXCEPTION_MONTHS, CAP_EXCEPTION_SINCE = 72, dt.date(2025, 9, 30)


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.ssw import is_ssw
    if not is_ssw(F):
        return []
    target = "want_period" if F.has("want_period") else "stay_y" if F.has("stay_y") else "total_y"
    return [BCheck("ZL402", target, _cap_ok, lambda F, i: {"total": _total(F).iat[i], "months": _cap_sum(F).iat[i],
                                                            "until": _until_expiry(F).iat[i] or 0,
                                                            "cap": _cap(F)})]


def _total(F):
    import pandas as pd
    from schemas.business.frame import to_int
    y, m = [to_int(t) for t in F.s("total_y")], [to_int(t) for t in F.s("total_m")]
    return pd.Series([None if a is None and b is None else (a or 0) * 12 + (b or 0) for a, b in zip(y, m)],
                     index=F.df.index, dtype=object)


def _until_expiry(F):
    """更新: whole months from the filing date to the current expiry (still 1号 time before the new period)."""
    import pandas as pd
    from schemas.business.frame import ymd
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


def _cap_sum(F):
    import pandas as pd
    from schemas.business.ssw import desired_months
    return pd.Series([None if t is None or d is None else t + d + (u or 0)
                      for t, d, u in zip(_total(F), desired_months(F), _until_expiry(F))],
                     index=F.df.index, dtype=object)


def _cap(F) -> int:
    return CAP_EXCEPTION_MONTHS if F.model.options.on >= CAP_EXCEPTION_SINCE else CAP_MONTHS


def _cap_ok(F):
    import pandas as pd
    from schemas.business.ssw import gou
    return pd.Series([g != 1 or s is None or s <= CAP_MONTHS for g, s in zip(gou(F), _cap_sum(F))], index=F.df.index)


SSW_1GOU_FIVE_YEAR_CAP = rule(
    "ZL402", "1gou-five-year-cap", "warning",
    on="applicant-frame", by=__name__, params=('total', 'until', 'label', 'value', 'months', 'cap'), check=check,
    summary=("特定技能１号の通算在留期間が5年を超えます", "特定技能１号 total stay would exceed 5 years"),
    message=("通算在留期間（{total}か月）、満了日までの残り（{until}か月）と{label}「{value}」の合計が{months}か月で、"
             "原則の上限5年（60か月）を超えます（2号評価試験で合格基準点の8割以上の場合は最長{cap}か月、"
             "産前産後・育児・病気等の休業期間は通算しません）。",
             "Total stay so far ({total} months), the time left until expiry ({until} months) and {label} 「{value}」 add up to "
             "{months} months, over the normal 5-year (60-month) cap (up to {cap} months for those who scored at least 80 % "
             "of the 2号 pass mark; documented maternity, childcare and illness leave does not count)."),
    explain=(f"""
何を調べるか: １号で、区分Vの「申請時における特定技能1号での通算在留期間」（年・月）、更新なら申請日から現在の満了日までの
月数、希望する在留期間（認定は滞在予定期間）の合計が60か月を超えるか。
なぜ問題か: １号の通算在留期間は原則5年が上限です。2025-09-30 以降、2号評価試験に不合格でも合格基準点の8割以上の者は
通算6年まで認められ得ます。また、書類で確認できる産前産後・育児・病気・負傷による休業期間は通算しません
（運用要領; yell-office.jp/news/2026/02/2830, bp.proudcorp.com/post/gaigokujin-guide-00002; {_SR} §8.2）。
zairyu-lint は試験の得点や休業期間を知り得ないため、警告にとどめます。
例: 通算4年6月＋希望1年＝66か月。
直し方: 希望する在留期間を短くするか、6年の特例・休業期間の除外に当たるか確認し、その資料を添付してください。
""", f"""
What it checks: for 1号, the total 1号 stay so far (years/months on 区分V), for a renewal also the months from the
filing date to the current expiry, plus the desired period (認定: the intended stay) exceed 60 months.
Why: 1号 is normally capped at 5 years. Since 2025-09-30, a 1号 holder who failed the 2号 test but scored at
least 80 % of its pass mark may stay up to 6 years, and documented leave for pregnancy/childbirth, childcare,
illness or injury does not count (運用要領; yell-office.jp/news/2026/02/2830,
bp.proudcorp.com/post/gaigokujin-guide-00002; {_SR} §8.2). zairyu-lint cannot know scores or leave, so a warning.
Example: 4 years 6 months so far + 1 year = 66 months.
Fix: shorten the desired period, or check the 6-year exception or the leave exclusion and attach the evidence.
"""),
    source=cited("特定技能運用要領（2025-09-30 改正）: １号の通算在留期間は原則5年、2号評価試験で合格基準点の8割以上の者は6年まで、"
                 "産休・育休・病気等の休業期間は除外（yell-office.jp/news/2026/02/2830, bp.proudcorp.com/post/gaigokujin-guide-00002, nagoyavisa.com/2158, legal-information.co.jp/?p=1386）。",
                 "特定技能 operating guidelines (amended 2025-09-30): 1号 total stay normally 5 years, up to 6 for those scoring at least 80 % "
                 "of the 2号 pass mark, leave excluded (yell-office.jp/news/2026/02/2830, bp.proudcorp.com/post/gaigokujin-guide-00002, nagoyavisa.com/2158, legal-information.co.jp/?p=1386)."))
