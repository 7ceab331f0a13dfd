"""ZL309 pay-below-japanese: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: the 特定技能 月額報酬 against the Japanese worker's.
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    return [BCheck("ZL309", "pay", _pay_ok, lambda F, i: {"jp": F.v("pay_jp", i), "other": F.where("pay_jp", i)})]


def _pay_ok(F):
    import pandas as pd
    from schemas.business.frame import to_int
    a, b = [to_int(t) for t in F.s("pay")], [to_int(t) for t in F.s("pay_jp")]
    return pd.Series([x is None or y is None or x >= y for x, y in zip(a, b)], index=F.df.index)


PAY_BELOW_JAPANESE = rule(
    "ZL309", "pay-below-japanese", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value', 'other', 'jp'), check=check,
    summary=("月額報酬が日本人の月額報酬より低い", "Monthly pay below the Japanese comparator"),
    message=("{label}「{value}」円が日本人の月額報酬（{other}「{jp}」円）より低くなっています。",
             "{label} 「{value}」 yen is below the Japanese worker's pay ({other}: {jp} yen)."),
    explain=(f"""
何を調べるか: 月額報酬と「同等の業務に従事する日本人の月額報酬」の両方があるとき、前者が後者以上か。
なぜ問題か: 特定技能雇用契約は日本人と同等以上の報酬が基準です（所属機関基準; {_TR} §9c）。
理由がある場合もあるため警告です。
例: 月額報酬 230000、日本人の月額報酬 250000。
直し方: 金額を確認してください。
""", f"""
What it checks: when both are given, the monthly pay is at least the Japanese comparator's.
Why: pay at least equal to a Japanese worker's is a contract standard ({_TR} §9c); a warning.
Example: pay 230000, Japanese comparator 250000.
Fix: check the amounts.
"""),
    source=cited("特定技能基準省令 第1条（報酬の額が日本人が従事する場合の報酬の額と同等以上）（visa-support-yamanashi.com/tokuteiginou-category/post-1946, tanaka-masato.com/archives/66）。",
                  "the 特定技能 standards ordinance, art. 1 (pay at least equal to a Japanese worker's) (visa-support-yamanashi.com/tokuteiginou-category/post-1946, tanaka-masato.com/archives/66)."))
