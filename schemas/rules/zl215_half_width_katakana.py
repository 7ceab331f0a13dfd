"""ZL215 half-width-katakana: one rule as one unit — its documentation, message, source and check.

A per-cell rule: `cell_ok` runs over the long cell frame (its free-text cells, schemas.business.formats.cell_frame)
in schemas.business.run_cell_checks, with the character classes of formats.char_problems; nothing per applicant.
"""
from __future__ import annotations

from . import unverified, rule


def cell_ok(df):
    return _hankana(df) == ""


def cell_params(rec) -> dict:
    from schemas.business.formats import char_problems
    return {"bad": char_problems(rec["value"])[2]}


def _hankana(df):
    import pandas as pd
    from schemas.business.formats import char_problems
    return pd.Series([char_problems(v)[2] if k == "text" and p is None else ""
                      for v, k, p in zip(df["value"].tolist(), df["kind"].tolist(), df["pat"].tolist())],
                     index=df.index, dtype=object)


def check(F) -> list:
    return []   # per cell, not per applicant: cell_ok above


HALF_WIDTH_KATAKANA = rule(
    "ZL215", "half-width-katakana", "info",
    on="applicant-frame", by=__name__, params=('label', 'bad'), check=check,
    summary=("半角カタカナがあります", "Half-width katakana"),
    message=("{label}に半角カタカナ「{bad}」があります。全角カタカナにすると確実です。",
             "{label} contains half-width katakana 「{bad}」; full-width katakana are safer."),
    explain=("""
何を調べるか: 文字種の制限がない（すべて）欄にある半角カタカナ。文字種の決まった欄では ZL102 が報告します。
なぜ問題か: 文字種の制限がない欄では公式ツールが受け付けます。システムが拒否するという資料は見つかっていないため
（未確認）、情報にとどめます。
例: 変更の理由に「ｶﾞｲｼｮｸ」。
直し方: 必要なら全角カタカナに変換してください。
""", """
What it checks: half-width katakana in fields of unrestricted class (other fields: ZL102).
Why: the official tool accepts them in unrestricted fields; no source says the system refuses them
(unverified), so this is advice only.
Example: 「ｶﾞｲｼｮｸ」 in the reason field.
Fix: if you like, convert to full-width katakana.
"""),
    source=unverified("半角カタカナをこのシステムが拒否するという資料は見つかっていません。",
                      "no source says this system refuses half-width katakana."))
