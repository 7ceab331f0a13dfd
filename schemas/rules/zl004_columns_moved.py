"""ZL004 columns-moved: one rule as one unit — its documentation, message, source and check.

The check reads the checked sheets' row-5 labels (論理項目名) against the snapshot's: the first column that
differs gives one finding per sheet, saying whether the labels sit on another row (rows inserted or deleted
above the header) or the columns moved. The engine skips the cell checks of such a sheet (SheetLayout.shift).
"""
from __future__ import annotations

from schemas.model import Violation
from schemas.sheet_layout import SheetLayout
from schemas.snapshot import LABEL_ROW

from . import Text, official_tool, rule


def check(L: SheetLayout) -> list[Violation]:
    out = []
    for sheet in L.grids:
        s = L.shift(sheet)
        if s is None:
            continue
        if s.moved_to is not None:
            what = Text(f"ヘッダーの上で行が追加・削除されています。項目名が{s.moved_to}行目にあります",
                        f"rows were inserted or deleted above the data: the labels are on row {s.moved_to}")
        else:
            what = Text("列の追加・移動は禁止", "columns must not be inserted or moved")
        out.append(Violation("ZL004", sheet, LABEL_ROW, s.col, None,
                             dict(col=s.col, found=s.found, expected=s.expected, what=what)))
    return out


COLUMNS_MOVED = rule(
    "ZL004", "columns-moved", "error",
    on="file", by=__name__, check=check, params=('col', 'found', 'expected', 'what'),
    summary=("行・列が挿入・移動されています", "Rows or columns were inserted or moved"),
    message=("{col}列の項目名が「{found}」です。テンプレートでは「{expected}」です（{what}）。",
             "Column {col} is labelled 「{found}」 but the template has 「{expected}」 ({what})."),
    explain=("""
何を調べるか: 入力シートの5行目（論理項目名）が、テンプレートの定義と同じ列にあるか。
なぜ問題か: 利用手順に「行の追加，列の追加は行わないでください。」とあります。列がずれると、
ツールは別の項目として読み、アップロードファイルの内容が入れ替わります。
直し方: 挿入した列を削除し、元の位置に戻してください。
""", """
What it checks: the row-5 labels (論理項目名) of each input sheet sit in the columns of the template.
Why: the usage notes say 「行の追加，列の追加は行わないでください。」; shifted columns are read as other
fields and the upload file mixes up the data.
Fix: delete the inserted columns and restore the original layout.
"""),
    source=official_tool('メニューの注意書き「行の追加，列の追加は行わないでください。」; ツールは列の位置で項目を読みます。',
                        "the menu's note 「行の追加，列の追加は行わないでください。」; the tool reads fields by column position."))
