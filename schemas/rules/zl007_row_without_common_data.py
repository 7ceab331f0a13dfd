"""ZL007 row-without-common-data: one rule as one unit — its documentation, message, source and check.

The check reads the filled rows of the 区分 and 同時申請 sheets: each one whose common-sheet row is blank is
reported.
"""
from __future__ import annotations

from schemas.model import Violation
from schemas.sheet_layout import SheetLayout

from . import official_tool, rule


def check(L: SheetLayout) -> list[Violation]:
    common = set(L.applicant_rows)
    return [Violation("ZL007", sheet, r, None, None, dict(row=r, sheet=sheet, common=L.common))
            for sheet, rows in L.filled.items() if sheet != L.common
            for r in rows if r not in common]


ORPHAN_ROW = rule(
    "ZL007", "row-without-common-data", "error",
    on="file", by=__name__, check=check, params=('row', 'sheet', 'common'),
    summary=("共通シートが空の行に入力があります", "Data in a row whose common-sheet row is blank"),
    message=("{row}行目は{sheet}に入力がありますが、共通シート（{common}）の同じ行が空です。",
             "Row {row} has data on {sheet} but the same row of the common sheet ({common}) is blank."),
    explain=("""
何を調べるか: 区分シート・同時申請シートに入力された行が、共通シートの同じ行にも入力されているか。
なぜ問題か: 同じ行番号が同じ申請人です（テンプレート §2）。共通シートが空の行は処理されません。
直し方: 共通シートの同じ行に申請人の身分事項を入力するか、その行を削除してください。
""", """
What it checks: every row with data on a 区分 or 同時申請 sheet also has data on the common sheet.
Why: the same row number is the same person on every sheet (template §2); rows blank on the common
sheet are not processed.
Fix: fill the common sheet's row for that person, or clear the stray row.
"""),
    source=official_tool('同じ行番号が全シートで同じ申請人です（mdMain は共通シートの行から読みます）。',
                        "a row number is one applicant on every sheet; mdMain reads from the common sheet's rows."))
