"""ZL107 list-parent-missing: a dependent drop-down is filled while its list-parent is empty.

As in the official tool, the finding is on the parent's cell, and the child gets no other check (the
`checked` mask of the cell table leaves such cells out).
"""
from __future__ import annotations

from schemas.cell_table import CellReport, CellTable

from . import COLUMN_TABLE_BASIS, official_tool, rule

_SRC_JA, _SRC_EN = COLUMN_TABLE_BASIS


def check(t: CellTable):
    return ~(t.filled & t.parent_empty)


def report(t: CellTable, positions) -> list[CellReport]:
    out = []
    for i in positions:
        f = t.field_at(i)
        # reported on the parent cell, as the official tool does
        parent = t.label(f.list_parent_sheet, f.list_parent_col)
        out.append(CellReport(f.list_parent_sheet, t.row_at(i), f.list_parent_col, parent,
                              {"child": t.label(t.sheet, f.col), "parent": parent}))
    return out


PARENT_MISSING = rule(
    "ZL107", "list-parent-missing", "error",
    on="cell-table", by=__name__, check=check, report=report, params=('child', 'parent'),
    summary=("親項目が未入力です", "A dependent value without its parent"),
    message=("{child}を入力している場合は、{parent}を入力してください。",
             "{child} is filled, so {parent} must be filled too."),
    explain=(f"""
何を調べるか: 連動プルダウンの子項目（例: 市区町村）が入力されているのに、親項目（例: 都道府県）が空でないか。
指摘は親のセルに付けます（公式ツールと同じ）。この指摘がある子項目には、他の検査は行いません。
なぜ問題か: 公式ツールが「{{子}}を入力している場合は、{{親}}を入力してください。」とします。{_SRC_JA}。
直し方: 親項目を入力するか、子項目を消してください。
""", f"""
What it checks: a dependent drop-down (e.g. municipality) is not filled while its parent (e.g.
prefecture) is empty. Reported on the parent's cell, as the official tool does; the child gets no
other finding.
Why: the official tool reports 「{{child}}を入力している場合は、{{parent}}を入力してください。」. {_SRC_EN}.
Fix: fill the parent, or clear the child.
"""),
    source=official_tool())
