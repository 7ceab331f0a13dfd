"""ZL501 expiry-on-or-before-filing: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: 在留期間の満了日 against the filing date (options.on), for 変更
and 更新.
"""
from __future__ import annotations

from . import online_system, rule

_SR = "system-rules"


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.frame import ymd
    on = F.model.options.on
    if F.snap.procedure not in ("henkou", "koushin"):
        return []
    return [BCheck("ZL501", "expiry", lambda F: F.s("expiry").map(lambda t: (d := ymd(t)) is None or d > on),
                   lambda F, i: {"on": on.isoformat()})]


EXPIRY_ON_OR_BEFORE_FILING = rule(
    "ZL501", "expiry-on-or-before-filing", "error",
    on="applicant-frame", by=__name__, params=('label', 'value', 'on'), check=check,
    summary=("在留期間の満了日以後はオンライン申請できません", "On or after the expiry day: no online filing"),
    message=("{label}「{value}」が申請日（{on}）以前です。満了日当日以後はオンラインで申請できません。地方出入国在留管理官署の窓口で申請してください。",
             "{label} 「{value}」 is on or before the filing date ({on}); online filing is impossible from the expiry day on — file at the regional immigration office counter."),
    explain=(f"""
何を調べるか: 変更・更新で、在留期間の満了日が申請日（--on）より後か。
なぜ問題か: 「在留期限の最終日（在留期間満了日の当日）に在留申請オンラインシステムで申請することはできません。
最寄りの地方出入国在留管理官署において申請してください。」（ISA; {_SR} §2）。満了後はオンラインでは受け付けられません。
例: 満了日 20260630、申請日 2026-06-30。
直し方: 窓口で申請してください。満了日の入力誤りなら直してください。
""", f"""
What it checks: for change and renewal, the expiry date of the current period is after the filing date (--on).
Why: ISA: online filing is not possible on the last day of the period of stay, nor after it; file at the counter ({_SR} §2).
Example: expiry 20260630, filing date 2026-06-30.
Fix: file at the counter, or correct the expiry date.
"""),
    source=online_system("ISA「在留期限の最終日（在留期間満了日の当日）に在留申請オンラインシステムで申請することはできません」"
                  "（onlineshinsei.html、202312210705466010637.onamaeweb.jp/?p=1668 が引用; bridge2n.jp/16683217570343）。",
                  "ISA: the online system cannot be used on the last day of the period of stay (onlineshinsei.html, quoted by "
                  "202312210705466010637.onamaeweb.jp/?p=1668; bridge2n.jp/16683217570343)."))
