"""ZL311 hours-not-equal: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame (schemas.business.frame): it finds its field by its row-5 label on
the status's 区分 sheet and fails the applicants whose answer is 無.
"""
from __future__ import annotations

from . import cited, rule

FIELD = "hours_equal"
LABEL = "所定労働時間が通常の労働者の所定労働時間と同等であることの有無"


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.frame import STATUS
    if not F.add(FIELD, STATUS, LABEL, how="suffix"):
        return []   # no such field for this status
    return [BCheck("ZL311", FIELD, lambda F: ~F.s(FIELD).str.startswith("無"))]


HOURS_NOT_EQUAL = rule(
    "ZL311", "hours-not-equal", "warning",
    on="applicant-frame", by=__name__, params=("label", "value"), check=check,
    summary=("所定労働時間が通常の労働者と同等ではないとしています", "Working hours declared not equal to regular workers'"),
    message=("{label}が「{value}」です。特定技能はフルタイムの雇用が基準です。",
             "{label} is 「{value}」; 特定技能 requires full-time employment."),
    explain=("""
何を調べるか: 「所定労働時間が通常の労働者の所定労働時間と同等であることの有無」が「無」か。
なぜ問題か: 所定労働時間が通常の労働者と同等（フルタイム）であることが基準です（template-reference §9c）。
例: 「無 No」。
直し方: 契約内容を確認してください。
""", """
What it checks: the 'working hours equal to regular workers' answer is 無.
Why: full-time employment is a standard (template-reference §9c).
Example: 「無 No」.
Fix: check the contract.
"""),
    source=cited("特定技能基準省令 第1条（所定労働時間が通常の労働者の所定労働時間と同等）（visa-support-yamanashi.com/tokuteiginou-category/post-1946, tanaka-masato.com/archives/66）。",
                 "the 特定技能 standards ordinance, art. 1 (working hours equal to regular workers') (visa-support-yamanashi.com/tokuteiginou-category/post-1946, tanaka-masato.com/archives/66)."))
