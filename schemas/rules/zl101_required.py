"""ZL101 required: a required field (必須 in 列項目TBL, for this status's CSV) is empty.

A conditional field (check parent column/value) is required only on the rows that meet its condition;
build_cells has already put that in the cell table's `required` column.
"""
from __future__ import annotations

from schemas.cell_table import CellTable, each_cell, label_and_value

from . import COLUMN_TABLE_BASIS, official_tool, rule

_SRC_JA, _SRC_EN = COLUMN_TABLE_BASIS


def check(t: CellTable):
    # an empty list-parent blocks the checks of a *filled* child (ZL107); an empty required child
    # is still reported (official: 同時申請 在留期間 R with 現に有する在留資格 Q blank → 「在留期間は必須入力です。」)
    return ~(t.required & ~t.filled)


report = each_cell(label_and_value)


REQUIRED = rule(
    "ZL101", "required", "error",
    on="cell-table", by=__name__, check=check, report=report, params=('label',),
    summary=("必須項目が未入力です", "A required field is empty"),
    message=("{label}は必須入力です。", "{label} is required."),
    explain=(f"""
何を調べるか: 列項目TBLで「必須」の項目が空でないか。条件付きの項目（チェック親列・チェック親値）は、
条件を満たす行だけが必須です（例: 在留カードの有無＝有 のとき在留カード番号、電話番号が空のとき携帯電話番号）。
なぜ問題か: 公式ツールが「{{0}}は必須入力です。」とし、アップロードファイルを出力しません。{_SRC_JA}。
直し方: 値を入力してください。
""", f"""
What it checks: fields marked required (必須) in 列項目TBL are filled. Conditional fields (check parent
column/value) are required only on rows meeting the condition (e.g. the card number when 在留カードの有無 =
有, the mobile number when the telephone number is blank).
Why: the official tool reports 「{{0}}は必須入力です。」 and exports nothing. {_SRC_EN}.
Fix: enter the value.
"""),
    source=official_tool())
