"""ZL310 pay-not-equal: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: the answer to 報酬の額が日本人と同等以上であることの有無.
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    return [BCheck("ZL310", "pay_equal", lambda F: ~F.s("pay_equal").str.startswith("無"))]


PAY_NOT_EQUAL = rule(
    "ZL310", "pay-not-equal", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value'), check=check,
    summary=("報酬が日本人と同等以上ではないとしています", "Pay declared not equal to Japanese workers'"),
    message=("{label}が「{value}」です。報酬が日本人と同等以上でない契約は基準に適合しません。",
             "{label} is 「{value}」; a contract paying less than Japanese workers does not meet the standard."),
    explain=(f"""
何を調べるか: 「報酬の額が日本人が従事する場合の報酬の額と同等以上であることの有無」が「無」か。
なぜ問題か: 同等以上の報酬は特定技能雇用契約の基準です（{_TR} §9c）。選択ミスの可能性が高いため警告します。
例: 「無 No」。
直し方: 契約内容を確認し、正しい方を選んでください。
""", f"""
What it checks: the 'pay at least equal to Japanese workers' answer is 無.
Why: equal pay is a contract standard ({_TR} §9c); likely a wrong choice.
Example: 「無 No」.
Fix: check the contract and choose the right answer.
"""),
    source=cited("特定技能基準省令 第1条（報酬の額が日本人が従事する場合の報酬の額と同等以上）（visa-support-yamanashi.com/tokuteiginou-category/post-1946, tanaka-masato.com/archives/66）。",
                  "the 特定技能 standards ordinance, art. 1 (pay at least equal to a Japanese worker's) (visa-support-yamanashi.com/tokuteiginou-category/post-1946, tanaka-masato.com/archives/66)."))
