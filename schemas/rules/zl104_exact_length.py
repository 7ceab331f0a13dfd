"""ZL104 exact-length: a field with 桁数一致 does not have exactly its 桁数 characters."""
from __future__ import annotations

from schemas.cell_table import CellTable, each_cell, length_params

from . import COLUMN_TABLE_BASIS, official_tool, rule

_SRC_JA, _SRC_EN = COLUMN_TABLE_BASIS


def check(t: CellTable):
    n = t.length
    return ~(t.checked & (n > 0) & t.exact & (n != t.maxlen))


report = each_cell(length_params)


WRONG_LENGTH = rule(
    "ZL104", "exact-length", "error",
    on="cell-table", by=__name__, check=check, report=report, params=('label', 'length', 'actual'),
    fix=('ハイフンの削除、数値で消えた先頭の0の復元（固定桁数の列）で桁数が合う場合に直します。',
         'fixed when removing hyphens or restoring leading zeros lost to a number (fixed-length columns) gives the length.'),
    summary=("桁数が違います", "Value not of the exact length"),
    message=("{label}は{length}桁で入力してください（{actual}桁）。",
             "{label} must be exactly {length} characters ({actual} given)."),
    explain=(f"""
何を調べるか: 「桁数一致」の項目（生年月日8桁、郵便番号7桁、法人番号13桁など）がちょうどその桁数か。
なぜ問題か: 公式ツールが「{{0}}は{{1}}桁で入力してください。」とします。{_SRC_JA}。
例: 郵便番号「100-0013」（ハイフン付き）や「100001」（6桁）。
直し方: 決められた桁数で入力してください（郵便番号が不明なら 0000000）。
""", f"""
What it checks: fields with 桁数一致 (birth date 8, postal code 7, corporate number 13, ...) have exactly
that many characters.
Why: the official tool reports 「{{0}}は{{1}}桁で入力してください。」. {_SRC_EN}.
Example: a postal code "100-0013" (with hyphen) or "100001" (6 digits).
Fix: enter exactly that many characters (unknown postal code: 0000000).
"""),
    source=official_tool())
