"""ZL602 leading-zero-lost: a digit field stored as a number lost its leading zero.

The mask (short of the fixed length, or a phone/postal number without its 0) is the cell table's
`lost_zero`, shared with ZL601.
"""
from __future__ import annotations

from schemas.cell_table import CellTable, each_cell, label_and_value

from . import official_tool, rule


def check(t: CellTable):
    return ~t.lost_zero


def params(t: CellTable, i: int) -> dict:
    f, out = t.field_at(i), label_and_value(t, i)
    value = out["value"]
    n = f.length if f.exact and f.length else len(value) + 1
    out.update(length=n, fixed=value.zfill(n))
    return out


report = each_cell(params)


LEADING_ZERO_LOST = rule(
    "ZL602", "leading-zero-lost", "error",
    on="cell-table", by=__name__, check=check, report=report, params=('label', 'value', 'length', 'fixed'),
    fix=('固定桁数の列は桁数まで0を補い、電話番号は先頭に0を1つ付けて、文字列にします。',
         "pads with zeros to the fixed length, or puts back a phone number's single leading 0, as text."),
    summary=("先頭の0が消えています", "Leading zero lost"),
    message=("{label}の先頭の0が消えています（「{value}」は数値として保存され{length}桁に足りません。例: 「{fixed}」）。",
             "{label} lost its leading zero (「{value}」 is stored as a number, short of {length} digits; e.g. 「{fixed}」)."),
    explain=("""
何を調べるか: 数字だけの欄（電話番号・郵便番号・番号類）が数値として保存され、先頭の0が消えていないか。
なぜ問題か: 「0312345678」が「312345678」になると、桁数エラーになるか、別の番号として申請されます
（template-reference §4: 再出力されたCSVで実際に見られた破損）。
直し方: セルを文字列書式にして、0から正しく入力し直してください。
""", """
What it checks: digit-only fields (telephone, postal code, numbers) stored as numbers that lost their
leading zero.
Why: 「0312345678」 becoming 「312345678」 fails the length check or files a different number
(template-reference §4: seen in re-exported CSVs).
Fix: format the cell as Text and re-enter the number with its zero.
"""),
    source=official_tool('数値として保存された番号は先頭の0を失い、ツールの桁数チェック（列項目TBL）に落ちるか別の番号として出力されます。',
                        "a number stored as a number loses its leading zero and fails the tool's length check (列項目TBL) or is exported as another number."))
