"""ZL603 exponent-notation: a digit field holds an exponent or decimal form (the cell table's `exponent`)."""
from __future__ import annotations

from schemas.cell_table import CellTable, each_cell, label_and_value

from . import official_tool, rule


def check(t: CellTable):
    return ~t.exponent


report = each_cell(label_and_value)


EXPONENT_FORM = rule(
    "ZL603", "exponent-notation", "error",
    on="cell-table", by=__name__, check=check, report=report, params=('label', 'value'),
    summary=("指数表記・小数になっています", "Number in exponent or decimal form"),
    message=("{label}が「{value}」になっています。Excelが数値に変換した形跡です。元の番号を文字列で入力してください。",
             "{label} reads 「{value}」: Excel turned it into a number. Re-enter the original number as text."),
    explain=("""
何を調べるか: 数字の欄が「1.23457E+12」のような指数表記や「1234567890123.0」のような小数表記になっていないか。
なぜ問題か: 13桁の法人番号などは数値にすると指数表記で表示・保存され、元の番号が失われます
（template-reference §4）。
直し方: 元の番号を確認し、文字列書式のセルに入力し直してください。
""", """
What it checks: digit fields do not hold exponent ("1.23457E+12") or decimal ("1234567890123.0") forms.
Why: a 13-digit corporate number saved as a number is shown and stored in exponent form and its
digits are lost (template-reference §4).
Fix: look up the original number and re-enter it in a Text cell.
"""),
    source=official_tool('指数表記の値は数字ではなく、ツールの文字種チェック（半角数字）に落ちます。',
                        "an exponent-form value is not digits and fails the tool's class check (half-width digits)."))
