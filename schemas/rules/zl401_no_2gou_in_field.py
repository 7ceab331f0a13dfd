"""ZL401 no-2gou-in-field: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: each 特定産業分野 without ２号 against the 号 applied for
(ssw.gou). Only when the menu status is 特定技能 (ssw.is_ssw).
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"
_SR = "system-rules"


# 特定産業分野 without 特定技能２号 (template-reference §10; system-rules §8.1; the three fields added
# by the cabinet decision of 2026-01-23 are assumed to have no 2号 yet).
NO_2GOU_FIELDS = ("介護分野", "自動車運送業分野", "鉄道分野", "林業分野", "木材産業分野",
                  "リネンサプライ分野", "物流倉庫分野", "資源循環分野")


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.ssw import field_is, gou, is_ssw
    if not is_ssw(F):
        return []
    return [BCheck("ZL401", k, lambda F, k=k: ~((gou(F) == 2) & field_is(F, k, NO_2GOU_FIELDS)))
            for k in [k for k in F.locs if k.startswith("field")]]


NO_2GOU_IN_FIELD = rule(
    "ZL401", "no-2gou-in-field", "error",
    on="applicant-frame", by=__name__, params=('label', 'value'), check=check,
    summary=("この分野には特定技能２号がありません", "This field has no 特定技能２号"),
    message=("{label}「{value}」には特定技能２号がありません。",
             "{label} 「{value}」 has no 特定技能２号 (Specified Skilled Worker (ii))."),
    explain=(f"""
何を調べるか: ２号の申請で、特定産業分野が２号のない分野（介護、自動車運送業、鉄道、林業、木材産業、および2026年追加の
リネンサプライ、物流倉庫、資源循環）になっていないか。
なぜ問題か: ２号は11分野だけです（{_TR} §10, {_SR} §8.1; 更新テンプレート CC04 に２号コードがあるのは11分野のみ）。
追加3分野に２号がないことは推定です。
例: 希望する在留資格＝特定技能２号、特定産業分野＝介護分野。
直し方: 分野か号を直してください（介護は在留資格「介護」があります）。
""", f"""
What it checks: a 2号 application does not name a field without 2号 (介護, 自動車運送業, 鉄道, 林業, 木材産業 and the
three fields added in 2026: リネンサプライ, 物流倉庫, 資源循環).
Why: 2号 exists in 11 fields only ({_TR} §10, {_SR} §8.1); for the three new fields this is assumed.
Example: desired status 特定技能２号, field 介護分野.
Fix: correct the field or the 号.
"""),
    source=cited("2号は介護・自動車運送業・鉄道・林業・木材産業以外の11分野（hrc.or.jp/specific-skills/tokutei-joblist.html が引用する ISA の説明; rts-visa.com/column/5199）。2026年追加の3分野に2号がないことは推定。",
                  "2号 exists in the 11 fields other than 介護, 自動車運送業, 鉄道, 林業, 木材産業 (ISA text quoted by hrc.or.jp/specific-skills/tokutei-joblist.html; rts-visa.com/column/5199); for the three 2026 fields this is assumed."))
