"""ZL409 technical-intern-status-for-ssw: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: 希望する在留資格 naming 技能実習. Only when the menu status is 特定技能 (ssw.is_ssw).
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.ssw import is_ssw
    if not is_ssw(F):
        return []
    return [BCheck("ZL409", "want_status", lambda F: ~F.s("want_status").str.contains("技能実習"))]


TECHNICAL_INTERN_STATUS_FOR_SSW = rule(
    "ZL409", "technical-intern-status-for-ssw", "error",
    on="applicant-frame", by=__name__, params=('label', 'value'), check=check,
    summary=("特定技能の申請で技能実習の在留資格が選ばれています", "A 技能実習 status chosen in a 特定技能 application"),
    message=("{label}「{value}」は技能実習の在留資格です。特定技能１号／２号を入力してください。",
             "{label} 「{value}」 is a 技能実習 status; enter 特定技能１号 or ２号."),
    explain=(f"""
何を調べるか: メニューで「特定技能」を選んだ変更の申請で、希望する在留資格が技能実習になっていないか。
なぜ問題か: 変更テンプレート 2026/04/01 版は名前定義の入れ違いにより、特定技能のメニューで希望する在留資格の
プルダウンに技能実習１号イ〜３号ロを出します（{_TR} §12 Q1）。公式ツールはこれを通し、区分Vの１号条件も働きません。
例: 「技能実習１号イ Technical intern training (i)(a)」。
直し方: 「特定技能１号 Specified Skilled Worker ( i )」（または２号）を貼り付けて入力してください。
""", f"""
What it checks: a change application under menu 特定技能 whose desired status is a 技能実習 status.
Why: the 2026/04/01 change template swaps two named ranges, so the drop-down offers 技能実習 statuses under
特定技能 ({_TR} §12 Q1); the tool accepts them and the 区分V 1号 conditions never fire.
Example: 「技能実習１号イ Technical intern training (i)(a)」.
Fix: paste 「特定技能１号 Specified Skilled Worker ( i )」 (or ２号).
"""),
    source=cited("変更テンプレート 2026/04/01 版の名前定義の入れ違い（template-reference §12 Q1）; 特定技能のメニューで技能実習は申請できません。",
                  "the 2026/04/01 change template's swapped named ranges (template-reference §12 Q1); a 技能実習 status cannot be filed under 特定技能."))
