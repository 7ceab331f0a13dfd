"""ZL010 sheet-too-large: one rule as one unit — its documentation, message, source and check.

The check reads what the reader says of each checked sheet: a used range longer than the rows it read
(the read limit) is reported.
"""
from __future__ import annotations

from schemas.model import Violation
from schemas.sheet_layout import SheetLayout

from . import official_tool, rule


def check(L: SheetLayout) -> list[Violation]:
    return [Violation("ZL010", sheet, None, None, None, dict(sheet=sheet, rows=g.total_rows, limit=len(g.rows)))
            for sheet, g in L.grids.items() if g.total_rows and g.total_rows > len(g.rows)]


TOO_LARGE = rule(
    "ZL010", "sheet-too-large", "error",
    on="file", by=__name__, check=check, params=('sheet', 'rows', 'limit'),
    summary=("シートが大きすぎます", "Sheet far larger than the template"),
    message=("{sheet}は{rows}行以上あります。{limit}行目以降は読み込みませんでした。",
             "{sheet} has {rows} or more rows; rows after {limit} were not read."),
    explain=("""
何を調べるか: 入力シートがテンプレートの範囲（307行目）を大きく超えていないか。
なぜ問題か: 300人を超えるデータは受け付けられず、巨大なシートは読み込みに時間とメモリを使います。
直し方: 不要な行を削除し、300人ずつのファイルに分けてください。
""", """
What it checks: the input sheets do not extend far past the template's range (row 307).
Why: more than 300 applicants are not accepted, and huge sheets cost time and memory.
Fix: delete the unused rows and split the data into files of at most 300 applicants.
"""),
    source=official_tool('VBA 定数 IPTSHT_INPUT_MXROW = 300。',
                        'VBA constant IPTSHT_INPUT_MXROW = 300.'))
