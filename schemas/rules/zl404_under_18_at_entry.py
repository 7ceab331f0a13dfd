"""ZL404 under-18-at-entry: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame, for 認定: the applicant is 18 by the time the certificate
lapses (processing + validity). Only when the menu status is 特定技能 (ssw.is_ssw).
"""
from __future__ import annotations

from . import cited, rule


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.ssw import COE_PROCESSING_MONTHS, COE_VALID_MONTHS, _adult_by, _adult_on, is_ssw
    if not is_ssw(F) or F.snap.procedure != "nintei":
        return []
    # 18 is required at entry, not at filing (the certificate may be applied for at 17)
    return [BCheck("ZL404", "birth", lambda F: _adult_by(F, COE_PROCESSING_MONTHS + COE_VALID_MONTHS),
                   lambda F, i: {"adult": _adult_on(F, i), "by": _coe_lapse(F).isoformat()})]


def _coe_lapse(F):
    from schemas.business.frame import add_months
    from schemas.business.ssw import COE_PROCESSING_MONTHS, COE_VALID_MONTHS
    return add_months(F.model.options.on, COE_PROCESSING_MONTHS + COE_VALID_MONTHS)


UNDER_18_AT_ENTRY = rule(
    "ZL404", "under-18-at-entry", "error",
    on="applicant-frame", by=__name__, params=('label', 'value', 'adult', 'by'), check=check,
    summary=("認定証明書の有効期間内に18歳になりません", "Not 18 before the certificate would lapse"),
    message=("{label}「{value}」では18歳になるのが {adult} で、申請日から審査（最長3か月程度）と認定証明書の有効期間（3か月）を"
             "経た {by} より後です。特定技能は上陸時に18歳以上であることが必要です。",
             "With {label} 「{value}」 the applicant turns 18 on {adult}, after {by} (filing date + up to about 3 months of "
             "processing + the certificate's 3-month validity); 特定技能 requires 18 or older at entry."),
    explain=("""
何を調べるか: 認定（在留資格認定証明書交付申請）で、18歳の誕生日が「申請日＋3か月（審査）＋3か月（認定証明書の有効期間）」より後か。
なぜ問題か: 特定技能は18歳以上が基準ですが、認定証明書は18歳未満でも申請でき、日本に上陸する時点で18歳以上であればよいとされます。
認定証明書の標準処理期間は1〜3か月、有効期間は交付から3か月です（gyosei-katuedo.com/custom3.html が引用する運用要領;
tokutei-ginou.co.jp/?p=557; yamada-naomi.com/nintei.php）。
この期間内に18歳にならない場合、上陸できる時期がありません。
例: 生年月日 20090101 で 2026-05-01 に申請（18歳は 2027-01-01、期限は 2026-11-01）。
直し方: 生年月日を確認し、申請の時期を見直してください。
""", """
What it checks: in a 認定 (certificate of eligibility) application, whether the 18th birthday falls after
filing date + 3 months (processing) + 3 months (the certificate's validity).
Why: 特定技能 requires 18 or older, but the certificate may be applied for under 18 as long as the person is 18
when landing; the standard processing time is 1-3 months and the certificate is valid 3 months from issue (operating
guidelines as quoted by gyosei-katuedo.com/custom3.html; tokutei-ginou.co.jp/?p=557; yamada-naomi.com/nintei.php). If 18 comes later than that, there is no time to land.
Example: born 20090101, filed 2026-05-01 (18 on 2027-01-01, after 2026-11-01).
Fix: check the birth date, and the timing of the application.
"""),
    source=cited("特定技能運用要領: 18歳以上は上陸時点で満たせばよく、認定証明書は18歳未満でも申請可能; 認定証明書の標準処理期間は1〜3か月、"
                 "有効期間は3か月（gyosei-katuedo.com/custom3.html, tokutei-ginou.co.jp/?p=557, yamada-naomi.com/nintei.php）。",
                 "特定技能 operating guidelines: 18 or older at landing, the certificate may be applied for under 18; its standard processing "
                 "time is 1-3 months and it is valid 3 months (gyosei-katuedo.com/custom3.html, tokutei-ginou.co.jp/?p=557, yamada-naomi.com/nintei.php)."))
