"""ZL502 filing-too-early: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: the filing date (options.on) against the 3 months before
在留期間の満了日, for 更新.
"""
from __future__ import annotations

from . import cited, rule


EARLY_MONTHS = 3


def check(F) -> list:
    from schemas.business import BCheck
    on = F.model.options.on
    if F.snap.procedure != "koushin":
        return []
    # the 3-month window is stated for renewals; a change may be filed as soon as its cause arises
    return [BCheck("ZL502", "expiry", _early_ok,
                   lambda F, i: {"on": on.isoformat(), "from": _window(F, i)})]


def _window(F, i: int) -> str:
    from schemas.business.frame import add_months, ymd
    d = ymd(F.v("expiry", i))
    return add_months(d, -EARLY_MONTHS).isoformat() if d else ""


def _early_ok(F):
    import pandas as pd
    from schemas.business.frame import add_months, period_months, ymd
    on = F.model.options.on
    res = []
    for t, cur in zip(F.s("expiry"), F.s("cur_period")):
        d, months = ymd(t), period_months(cur)
        short = months is not None and months < 6      # the 3-month window is stated for stays of 6 months or more
        res.append(d is None or short or on >= add_months(d, -EARLY_MONTHS))
    return pd.Series(res, index=F.df.index)


FILING_TOO_EARLY = rule(
    "ZL502", "filing-too-early", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value', 'on', 'from'), check=check,
    summary=("満了日の3か月より前の更新申請です", "Renewal filed more than about 3 months before expiry"),
    message=("{label}「{value}」まで3か月以上あります（申請日 {on}）。更新の申請は概ね {from} 以後に受け付けられます。",
             "{label} 「{value}」 is more than 3 months after the filing date ({on}); renewals are accepted from about {from}."),
    explain=("""
何を調べるか: 更新で、申請日が在留期間の満了日の3か月前より前か（在留期間が6か月未満のときは調べません）。
変更は調べません: 変更は変更の事由が生じた時点で申請できます（留学→就労、技能実習→特定技能、特定技能の転職など）。
なぜ問題か: 6か月以上の在留期間を有する者の更新は「在留期間の満了する概ね3か月前から」とされ、入院・長期の出張等の
特別な事情があれば3か月以上前でも受け付けられます（hiraishi.jp/zairyu/zairyukikankosin, nara-visa.com/?p=985,
asofficeflw.com/visa/1178; 変更について matsutani-gyosei.com）。特別な事情があり得るため警告です。
例: 更新で満了日 20260630、申請日 2026-03-01。
直し方: 申請日（--on）を確認し、早すぎる場合は後日申請するか、理由書を添えてください。
""", """
What it checks: for a renewal, the filing date is earlier than 3 months before expiry (not checked for periods
under 6 months). Changes of status are not checked: a change may be filed as soon as its cause arises
(student to work, technical intern to 特定技能, a 特定技能 job change).
Why: renewals are accepted from about 3 months before expiry for periods of 6 months or more, earlier with
special reasons such as hospitalisation or a long business trip (hiraishi.jp/zairyu/zairyukikankosin,
nara-visa.com/?p=985, asofficeflw.com/visa/1178; for changes matsutani-gyosei.com). Hence a warning.
Example: renewal, expiry 20260630, filed 2026-03-01.
Fix: check --on; file later, or attach a statement of reasons.
"""),
    source=cited("在留期間更新は6か月以上の在留期間を有する者は満了の概ね3か月前から（hiraishi.jp/zairyu/zairyukikankosin, nara-visa.com/?p=985, "
                 "asofficeflw.com/visa/1178）; 変更は事由が生じた時点で申請可（matsutani-gyosei.com のビザ更新・変更のコラム）。",
                 "renewal from about 3 months before expiry for periods of 6 months or more (hiraishi.jp/zairyu/zairyukikankosin, "
                 "nara-visa.com/?p=985, asofficeflw.com/visa/1178); a change may be filed when its cause arises (matsutani-gyosei.com column)."))
