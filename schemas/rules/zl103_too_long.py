"""ZL103 too-long: the value is longer than the field's 桁数 (counted as VBA Len does, in UTF-16 units)."""
from __future__ import annotations

from schemas.cell_table import CellTable, each_cell, length_params

from . import COLUMN_TABLE_BASIS, official_tool, rule

_SRC_JA, _SRC_EN = COLUMN_TABLE_BASIS


def check(t: CellTable):
    n = t.length
    return ~(t.checked & (n > 0) & ~t.exact & (t.maxlen > 0) & (n > t.maxlen))


report = each_cell(length_params)


TOO_LONG = rule(
    "ZL103", "too-long", "error",
    on="cell-table", by=__name__, check=check, report=report, params=('label', 'length', 'actual'),
    fix=('前後の空白を削除します。',
         'trims surrounding spaces.'),
    summary=("桁数が多すぎます", "Value longer than allowed"),
    message=("{label}は{length}桁以内で入力してください（{actual}桁）。",
             "{label} must be at most {length} characters ({actual} given)."),
    explain=(f"""
何を調べるか: 文字数が列項目TBLの「桁数」以内か（VBA Len と同じく UTF-16 の単位で数えます）。
なぜ問題か: 公式ツールが「{{0}}は{{1}}桁以内で入力してください。」とします。{_SRC_JA}。
直し方: 短くしてください。
""", f"""
What it checks: the length (counted as VBA Len does, in UTF-16 units) is within 列項目TBL's 桁数.
Why: the official tool reports 「{{0}}は{{1}}桁以内で入力してください。」. {_SRC_EN}.
Fix: shorten the value.
"""),
    source=official_tool())
