"""ZL006 blank-row-gap: one rule as one unit — its documentation, message, source and check.

The check reads the common sheet's filled rows: the first filled row after a blank one (where the official
loop stops) is reported, with the number of applicants from there on.
"""
from __future__ import annotations

from schemas.model import Violation
from schemas.sheet_layout import SheetLayout
from schemas.snapshot import FIRST_ROW

from . import official_tool, rule


def check(L: SheetLayout) -> list[Violation]:
    rows = L.applicant_rows
    expected = FIRST_ROW
    for r in rows:
        if r != expected:
            dropped = [x for x in rows if x > expected]
            return [Violation("ZL006", L.common, r, None, None, dict(blank=expected, row=r, count=len(dropped)))]
        expected += 1
    return []


BLANK_ROW_GAP = rule(
    "ZL006", "blank-row-gap", "error",
    on="file", by=__name__, check=check, params=('blank', 'row', 'count'),
    summary=("空白行の後の申請人は出力されません", "Applicants after a blank row are dropped"),
    message=("{blank}行目が空白のため、{row}行目以降の申請人（{count}人）はツールに無視されます。",
             "Row {blank} is blank, so the official tool ignores the {count} applicant(s) from row {row} on."),
    explain=("""
何を調べるか: 共通シートで空白行の後に入力済みの行がないか。
なぜ問題か: 公式ツールは共通シートA列が空になった行で処理を終えます（mdMain: Do While A<row> <> ""）。
その後の申請人はチェックもアップロードファイルへの出力もされず、何も表示されません。
直し方: 空白行を削除して申請人を詰めてください（行の削除ではなく、内容を上に移動）。
""", """
What it checks: no filled row follows a blank row on the common sheet.
Why: the official tool stops at the first row whose column A is blank (mdMain: Do While A<row> <> "");
the applicants after it are neither checked nor exported, silently.
Fix: move the later applicants up so that there is no blank row between them.
"""),
    source=official_tool('mdMain の Do While（A列が空の最初の行で読み込みを止めます）。',
                        "mdMain's Do While loop stops at the first row whose column A is blank."))
