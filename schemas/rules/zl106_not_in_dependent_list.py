"""ZL106 not-in-dependent-list: a dependent drop-down's value is not a choice of its parent's value.

The search is ZL105's (schemas.rules.zl105_not_in_code_list.in_list) over the dependent fields, whose list
build_cells derived from the parent's code.
"""
from __future__ import annotations

from schemas.cell_table import CellTable, each_cell, label_and_value

from . import COLUMN_TABLE_BASIS, official_tool, rule
from .zl105_not_in_code_list import in_list

_SRC_JA, _SRC_EN = COLUMN_TABLE_BASIS


def check(t: CellTable):
    return in_list(t, dependent=True)


def params(t: CellTable, i: int) -> dict:
    f, out = t.field_at(i), label_and_value(t, i)
    parent_value = t.text_at(f.list_parent_sheet, f.list_parent_col, t.row_at(i))
    out.update(parent_label=t.label(f.list_parent_sheet, f.list_parent_col),
               parent_value=parent_value if parent_value is not None else "")
    return out


report = each_cell(params)


NOT_IN_PARENT_LIST = rule(
    "ZL106", "not-in-dependent-list", "error",
    on="cell-table", by=__name__, check=check, report=report, params=('label', 'value', 'parent_label', 'parent_value'),
    fix=('ZL105 と同じ（連動リストの項目に合わせます）。',
         'as ZL105, against the dependent list.'),
    summary=("親項目の選択肢に属さない値です", "Value does not belong to its parent's list"),
    message=("{label}に該当する情報がありません（「{value}」は{parent_label}「{parent_value}」の選択肢にありません）。",
             "{label}: 「{value}」 is not a choice for {parent_label} 「{parent_value}」."),
    explain=(f"""
何を調べるか: 連動プルダウン（市区町村←都道府県、業務区分←特定産業分野、在留期間←在留資格、受領官署←住居地、
作業←職種）の値が、親項目で選んだ値の選択肢に含まれるか。
なぜ問題か: 親を変えた後に子を直し忘れると、ツールは子の値をコードに変換できず
「{{0}}に該当する情報がありません。」とします。{_SRC_JA}。
直し方: 親項目を確認し、子項目をプルダウンから選び直してください。
""", f"""
What it checks: a dependent drop-down (municipality in prefecture, job category in field, period in
status, receiving office in residence area, task in job type) belongs to the list of the parent's value.
Why: when the parent was changed and the child not, the tool cannot convert the child and reports
「{{0}}に該当する情報がありません。」. {_SRC_EN}.
Fix: check the parent and choose the child again from its drop-down.
"""),
    source=official_tool())
