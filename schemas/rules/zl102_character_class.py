"""ZL102 character-class: the value has characters of a class the field does not allow (チェック種別).

The classes and their ranges are the official VBA's (removeChr), compiled per field in the sheet plan.
"""
from __future__ import annotations

import numpy as np

from schemas.cell_table import CellTable, each_cell, label_and_value
from schemas.charclass import class_pattern, describe

from . import COLUMN_TABLE_BASIS, official_tool, rule

_SRC_JA, _SRC_EN = COLUMN_TABLE_BASIS


def check(t: CellTable):
    ok = np.ones(len(t), dtype=bool)
    cand = np.flatnonzero(t.checked & t.filled)
    fcand = t.field[cand]
    order = np.argsort(fcand, kind="stable")          # the cells of each field together
    bounds = np.flatnonzero(np.diff(fcand[order])) + 1
    for pos in np.split(cand[order], bounds):
        pat = t.plan.patterns[t.field[pos[0]]] if len(pos) else None
        if pat is None:
            continue
        vals = t.value[pos].tolist()
        # the pattern is one character class repeated: the joined values match exactly when every value does
        if pat.fullmatch("".join(vals)) is None:
            ok[pos] = [pat.fullmatch(v) is not None for v in vals]
    return ok


def params(t: CellTable, i: int) -> dict:
    f, out = t.field_at(i), label_and_value(t, i)
    value = out["value"]
    pat = class_pattern(tuple(f.classes))
    bad = "".join(dict.fromkeys(ch for ch in value if pat and not pat.fullmatch(ch)))
    out.update(classes=describe(f.classes), bad=bad)
    return out


report = each_cell(params)


CHAR_CLASS = rule(
    "ZL102", "character-class", "error",
    on="cell-table", by=__name__, check=check, report=report, params=('label', 'classes', 'bad'),
    fix=('その列で使える文字の全角・半角に変換します（数字・英字・空白・記号。カナは推測しません）。郵便番号・法人番号はハイフンを削除、日付の「/」「-」「.」区切りは8桁にします。',
         'converts to the width the column allows (digits, Latin letters, spaces, symbols; never kana); removes hyphens from postal codes and 法人番号; writes YYYY/MM/DD-style dates as 8 digits.'),
    summary=("使えない文字が含まれています", "Characters of a class the field does not allow"),
    message=("{label}の入力形式が正しくありません（使える文字: {classes}; 使えない文字: 「{bad}」）。",
             "{label}: wrong characters (allowed: {classes}; not allowed: 「{bad}」)."),
    explain=(f"""
何を調べるか: 値が、列項目TBLの「チェック種別」（半角数字、全角のみ等）の文字だけでできているか。
範囲は公式VBA（removeChr）と同じです。漢字は U+4E00〜U+A000 のみ（互換漢字は不可）。
なぜ問題か: 公式ツールが「{{0}}の入力形式が正しくありません。」とします。{_SRC_JA}。
例: 全角のみの住所に半角数字「1-1-1」、半角数字の郵便番号に全角「１００」、全角欄の半角スペース。
直し方: 指定された文字種に直してください（全角欄は全角、半角欄は半角）。
""", f"""
What it checks: the value consists only of the character classes of 列項目TBL (half-width digits,
full-width only, ...), with the exact ranges of the official VBA (removeChr).
Why: the official tool reports 「{{0}}の入力形式が正しくありません。」. {_SRC_EN}.
Example: half-width "1-1-1" in a full-width-only address; full-width digits in a postal code.
Fix: use the required width/class.
"""),
    source=official_tool())
