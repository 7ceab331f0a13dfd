"""ZL210 corporate-number-check-digit: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: every 法人番号 cell of the status sheet, by its check digit.
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def corp_check_digit(base12: str) -> int:
    ds = [int(c) for c in reversed(base12)]
    return 9 - sum(d * (1 if i % 2 == 0 else 2) for i, d in enumerate(ds)) % 9


def corp_ok(text: str) -> bool:
    t = str(text or "")
    if len(t) != 13 or not (t.isascii() and t.isdigit()):
        return True     # length / class: ZL104 / ZL102
    return int(t[0]) == corp_check_digit(t[1:])


def check(F) -> list:
    from schemas.business import BCheck
    return [BCheck("ZL210", key, lambda F, k=key: F.per_value(k, corp_ok).astype(bool),
                   lambda F, i, k=key: {"digit": corp_check_digit(F.v(k, i)[1:])})
            for key in [k for k in F.locs if k.startswith("corp_no")]]


CORPORATE_NUMBER_CHECK_DIGIT = rule(
    "ZL210", "corporate-number-check-digit", "error",
    on="applicant-frame", by=__name__, params=('label', 'value', 'digit'), check=check,
    summary=("法人番号のチェックデジットが合いません", "Corporate number check digit wrong"),
    message=("{label}「{value}」は法人番号として正しくありません（先頭のチェックデジットは {digit} のはずです）。",
             "{label} 「{value}」 is not a valid corporate number (its check digit should be {digit})."),
    explain=(f"""
何を調べるか: 13桁の法人番号の先頭1桁（チェックデジット）が 9 −（Σ Pn×Qn を 9 で割った余り）か。
Pn は右から n 桁目の数字（基礎番号12桁）、Qn は n が奇数なら1、偶数なら2。
なぜ問題か: 国税庁の法人番号の定めです（{_TR} §9a-8; qiita.com/mziyut/items/bab37dbce1c23771c817）。
公式ツールは13桁かどうかしか調べません。入力ミスの大半はこれで見つかります。
例: 1234567890123（正しくは 9234567890123）。
直し方: 国税庁法人番号公表サイトで番号を確認してください。
""", f"""
What it checks: the first digit of a 13-digit corporate number equals 9 − (Σ Pn×Qn mod 9), Pn the n-th digit
from the right of the 12-digit base, Qn = 1 for odd n, 2 for even n.
Why: the National Tax Agency's definition ({_TR} §9a-8); the tool checks only the length.
Example: 1234567890123 (valid would be 9234567890123).
Fix: look the number up on the NTA corporate-number site.
"""),
    source=cited("法人番号の指定等に関する省令 第2条（チェックデジットの計算式; 国税庁 法人番号公表サイト）。",
                  "the ordinance on corporate numbers, art. 2 (the check-digit formula; NTA corporate number site)."))
