"""ZL601 number-stored-for-text: an input cell (Text format) holds a number.

Numbers that lost a leading zero (ZL602) or are in exponent form (ZL603) are those rules'; a number in a
list whose labels are numbers is what the list expects.
"""
from __future__ import annotations

import numpy as np

from schemas.cell_table import CellTable, each_cell, label_and_value
from schemas.template_schema import KIND_NUMBER

from . import official_tool, rule


def check(t: CellTable):
    numeric_lists = t.fact("numeric_lists", lambda: {k for k, v in t.snap.lists.items() if v.numeric})
    bad = (t.kind == KIND_NUMBER) & ~t.lost_zero & ~t.exponent
    pos = np.flatnonzero(bad)
    if len(pos):    # few numeric cells: the list test runs on those alone
        bad[pos] = [x not in numeric_lists for x in t.list_id[pos]]
    return ~bad


report = each_cell(label_and_value)


NUMBER_FOR_TEXT = rule(
    "ZL601", "number-stored-for-text", "warning",
    on="cell-table", by=__name__, check=check, report=report, params=('label', 'value'),
    fix=('数値を同じ数字の文字列にします。',
         'writes the number back as text.'),
    summary=("文字列の欄に数値が入っています", "A number is stored where the template expects text"),
    message=("{label}が数値として保存されています（「{value}」）。文字列として入力してください。",
             "{label} is stored as a number (「{value}」); enter it as text."),
    explain=("""
何を調べるか: 文字列書式（@）の入力セルに、数値型の値が入っていないか。
なぜ問題か: 入力セルは文字列書式です（template-reference §4）。他のソフトから貼り付けたり、CSVを開き直したりすると
数値に変わり、先頭の0が消える・指数表記になるなどの破損が起きます。今は正しく見えても、次の編集で壊れます。
直し方: セルの書式を「文字列」にして入力し直してください（先頭に ' を付けても文字列になります）。
""", """
What it checks: no input cell (Text format, @) holds a numeric value.
Why: the input cells are Text-formatted (template-reference §4). Pasting from other software or
re-opening a CSV turns them into numbers, which lose leading zeros or turn into exponent form; a value
that still looks right breaks at the next edit.
Fix: format the cell as Text and enter the value again (or prefix it with ').
"""),
    source=official_tool('入力セルは文字列書式です。数値のセルはツールが表示形式で文字列にします（template-reference §4）。',
                        'the input cells are Text-formatted; the tool turns a number cell into text through its display format (template-reference §4).'))
