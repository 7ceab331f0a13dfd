"""ZL105 not-in-code-list: a drop-down field's value is not a label (with a code) of its code list.

The list is the one the VBA searches (chkGymCode / getChgGymCd), on the master sheet it expects; build_cells
has put each cell's list in `list_id`. Dependent drop-downs are ZL106's (the same search, another message).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from schemas.cell_table import CellTable, each_cell, label_and_value
from schemas.template_schema import code_found, is_dependent, list_sheet_for

from . import COLUMN_TABLE_BASIS, official_tool, rule

_SRC_JA, _SRC_EN = COLUMN_TABLE_BASIS


def in_list(t: CellTable, dependent: bool):
    """True where the cell passes the code-list search; only the dependent (or only the other) fields are looked at."""
    ok = np.ones(len(t), dtype=bool)
    dep = t.fact("dependent", lambda: np.array([is_dependent(f) for f in t.plan.fields], dtype=bool))[t.field]
    sheet_of = t.fact("list_sheet", lambda: np.array([list_sheet_for(f) for f in t.plan.fields], dtype=object))
    cand = np.flatnonzero(t.checked & t.filled & (dep if dependent else ~dep))
    list_ids = t.list_id[cand]
    keep = list_ids != ""
    cand, list_ids = cand[keep], list_ids[keep]
    # one group per list, in order of first appearance (as groupby(sort=False)): factorised once, split by code
    codes, names = pd.factorize(list_ids)
    order = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.diff(codes[order])) + 1
    for list_id, pos in zip(names, np.split(cand[order], bounds)):
        found = code_found(t.snap, list_id, t.value[pos], sheet_of[t.field[pos]])
        ok[pos[~found]] = False
    return ok


def check(t: CellTable):
    return in_list(t, dependent=False)


def params(t: CellTable, i: int) -> dict:
    out = label_and_value(t, i)
    out.update(list_id=t.list_id[i])
    return out


report = each_cell(params)


NOT_IN_LIST = rule(
    "ZL105", "not-in-code-list", "error",
    on="cell-table", by=__name__, check=check, report=report, params=('label', 'value', 'list_id'),
    fix=('大文字小文字・全角半角・空白だけが違う項目が1つだけなら、その項目の表記にします。日本語部分だけの値（「男」）の補完は --unsafe-fixes のときだけです。',
         "when exactly one list label differs only in case, width or spacing, that label; completing a value that is only a label's Japanese part (「男」) is an unsafe fix (--unsafe-fixes)."),
    summary=("選択肢にない値です", "Value not in the code list"),
    message=("{label}に該当する情報がありません（「{value}」はリスト{list_id}にありません）。",
             "{label}: 「{value}」 is not in list {list_id}."),
    explain=(f"""
何を調べるか: プルダウン項目の値が、マスタのリストの表示名と完全に一致するか（大文字小文字・空白も含む）。
なぜ問題か: ツールは表示名をコードに変換して出力します。一致しない値は「{{0}}に該当する情報がありません。」
となります。{_SRC_JA}。例: 「ベトナム」（英語名なし）、「男 Male」（正しくは「男 male」）。
直し方: プルダウンから選び直してください（貼り付けは表示名を完全に一致させてください）。
""", f"""
What it checks: a drop-down field's value equals a label of its code list exactly (case and spaces included).
Why: the tool converts labels to codes; a label that does not match gives 「{{0}}に該当する情報がありません。」.
{_SRC_EN}. Example: 「ベトナム」 without the English name, 「男 Male」 (the list has 「男 male」).
Fix: pick the value from the drop-down (or paste the exact label).
"""),
    source=official_tool())
