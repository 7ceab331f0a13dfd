"""ZL005 over-300-applicants: one rule as one unit — its documentation, message, source and check.

The check reads the common sheet's filled rows: the first one past row 307 (the 300th applicant) is reported,
with the number of applicants found.
"""
from __future__ import annotations

from schemas.model import Violation
from schemas.sheet_layout import SheetLayout
from schemas.snapshot import LAST_ROW

from . import official_tool, rule


def check(L: SheetLayout) -> list[Violation]:
    rows = L.applicant_rows
    if not rows or rows[-1] <= LAST_ROW:
        return []
    first = next(r for r in rows if r > LAST_ROW)
    return [Violation("ZL005", L.common, first, None, None, dict(row=first, count=len(rows)))]


TOO_MANY = rule(
    "ZL005", "over-300-applicants", "error",
    on="file", by=__name__, check=check, params=('row', 'count'),
    summary=("申請人が300人を超えています", "More than 300 applicants"),
    message=("{row}行目に申請人のデータがあります。1ファイル300人（8〜307行目）までです（{count}人）。",
             "Row {row} holds applicant data; one file takes at most 300 applicants (rows 8-307); found {count}."),
    explain=("""
何を調べるか: 申請人の行が8〜307行目（300人）に収まっているか。
なぜ問題か: ツールの入力範囲は B8:…307（VBA定数 IPTSHT_INPUT_MXROW = 300）で、308行目以降は読まれません。
直し方: `zairyu-lint split` で300人ずつのブックに分けてください。
""", """
What it checks: applicant rows stay within rows 8-307 (300 people).
Why: the tool's input range is B8:…307 (VBA constant IPTSHT_INPUT_MXROW = 300); later rows are ignored.
Fix: split the workbook into files of at most 300 applicants (`zairyu-lint split`).
"""),
    source=official_tool('VBA 定数 IPTSHT_INPUT_MXROW = 300（入力範囲 8〜307行目）。',
                        'VBA constant IPTSHT_INPUT_MXROW = 300 (input rows 8–307).'))
