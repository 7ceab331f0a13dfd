"""ZL604 date-typed-cell: an input cell is date-typed (the tool exports it in the PC's locale form)."""
from __future__ import annotations

from schemas.cell_table import CellTable, each_cell, label_and_value
from schemas.template_schema import KIND_DATE

from . import official_tool, rule


def check(t: CellTable):
    return t.kind != KIND_DATE


report = each_cell(label_and_value)


DATE_CELL = rule(
    "ZL604", "date-typed-cell", "warning",
    on="cell-table", by=__name__, check=check, report=report, params=('label', 'value'),
    fix=('日付型のセルを「YYYYMMDD」の8桁の文字列にします（日付の表示形式は文字列に）。',
         'writes the date cell as 8-digit text (its date format becomes text).'),
    summary=("日付型のセルです", "A date-typed cell"),
    message=("{label}が日付型で保存されています。「YYYYMMDD」の8桁の文字列で入力してください（読み取った値: {value}）。",
             "{label} is stored as a date; enter it as 8-digit text YYYYMMDD (read as {value})."),
    explain=("""
何を調べるか: 入力セルが日付型になっていないか。
なぜ問題か: 日付型のセルは、公式ツールが文字列に変換するときにパソコンの地域設定で「2026/04/01」などになり、
8桁の形式チェックに失敗します。
直し方: セルを文字列書式にして、「20260401」のように8桁で入力してください。
""", """
What it checks: no input cell is date-typed.
Why: the official tool converts a date cell to text with the PC's locale ("2026/04/01"), which fails
the 8-digit format.
Fix: format the cell as Text and enter 8 digits such as 20260401.
"""),
    source=official_tool('ツールは日付型のセルをPCの地域設定の表記（2026/04/01）で出力し、8桁の形式に合いません。',
                        "the tool exports a date cell in the PC's locale form (2026/04/01), not the 8-digit form."))
