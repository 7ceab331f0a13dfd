"""ZL410 under-18-close: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: 変更・更新, under 18 on the filing date; 認定, turning 18 after filing
+ 3 months but by filing + 6 months (later is ZL404). Only when the menu status is 特定技能 (ssw.is_ssw).
"""
from __future__ import annotations

from . import cited, rule

_SR = "system-rules"


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.ssw import COE_PROCESSING_MONTHS, COE_VALID_MONTHS, _adult_by, _adult_on, is_ssw
    if not is_ssw(F):
        return []
    if F.snap.procedure == "nintei":
        return [BCheck("ZL410", "birth", lambda F: ~_adult_by(F, COE_PROCESSING_MONTHS + COE_VALID_MONTHS)
                       | _adult_by(F, COE_VALID_MONTHS),
                       lambda F, i: {"adult": _adult_on(F, i), "on": F.model.options.on.isoformat()})]
    return [BCheck("ZL410", "birth", lambda F: _adult_by(F, 0),
                   lambda F, i: {"adult": _adult_on(F, i), "on": F.model.options.on.isoformat()})]


UNDER_18_CLOSE = rule(
    "ZL410", "under-18-close", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value', 'adult', 'on'), check=check,
    summary=("18歳になる前の申請です", "Filed before the applicant is 18"),
    message=("{label}「{value}」では18歳になるのが {adult} で、申請日（{on}）より後です。特定技能は18歳以上が基準です（認定は上陸時）。",
             "With {label} 「{value}」 the applicant turns 18 on {adult}, after the filing date ({on}); 特定技能 requires 18 or older (認定: at entry)."),
    explain=(f"""
何を調べるか: 変更・更新で申請日に18歳未満か。認定では、18歳の誕生日が「申請日＋3か月」より後で「申請日＋6か月」以前か
（審査が早いと認定証明書の有効期間内に18歳にならないおそれ）。
なぜ問題か: 特定技能は18歳以上が基準です（{_SR} §8.2）。認定は上陸時点で満たせばよいとされます（ZL404）。変更・更新で
どの時点の年齢で判断されるかの資料は見つかっていないため、警告にとどめます。
例: 変更で生年月日 20090101、申請日 2026-05-01。
直し方: 生年月日を確認してください。18歳になってから申請するか、審査で確認されることを見込んでください。
""", f"""
What it checks: for 変更/更新, under 18 on the filing date; for 認定, an 18th birthday after filing + 3 months but
no later than filing + 6 months (a fast decision could leave no time to land at 18).
Why: 特定技能 requires 18 or older ({_SR} §8.2); for 認定 at landing (ZL404). No source says at which moment a
変更/更新 applicant's age is judged, so this is a warning.
Example: a change filed 2026-05-01 for someone born 20090101.
Fix: check the birth date; file after the 18th birthday or expect the examiner to ask.
"""),
    source=cited("特定技能外国人は18歳以上（tokutei-ginou.co.jp/?p=557, gyosei-katuedo.com/custom3.html）; 変更・更新で判断される時点は未確認。",
                 "特定技能 workers must be 18 or older (tokutei-ginou.co.jp/?p=557, gyosei-katuedo.com/custom3.html); the moment it is judged for 変更/更新 is not verified."))
