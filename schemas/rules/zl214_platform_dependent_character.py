"""ZL214 platform-dependent-character: one rule as one unit — its documentation, message, source and check.

A per-cell rule: `cell_ok` runs over the long cell frame (its free-text cells, schemas.business.formats.cell_frame)
in schemas.business.run_cell_checks, with the character classes of formats.char_problems; nothing per applicant.
"""
from __future__ import annotations

from . import unverified, rule


def cell_ok(df):
    from schemas.business.formats import _problems
    return _problems(df, 1) == ""


def cell_params(rec) -> dict:
    from schemas.business.formats import _allowed, char_problems
    return {"bad": _allowed(char_problems(rec["value"])[1], rec["pat"])}


def check(F) -> list:
    return []   # per cell, not per applicant: cell_ok above


PLATFORM_DEPENDENT_CHARACTER = rule(
    "ZL214", "platform-dependent-character", "info",
    on="applicant-frame", by=__name__, params=('label', 'bad'), check=check,
    summary=("機種依存文字があります", "Platform-dependent characters"),
    message=("{label}に機種依存文字「{bad}」があります（①→(1)、Ⅰ→I、㈱→(株) などに置き換えると確実です）。",
             "{label} contains platform-dependent characters 「{bad}」 (replacing ① by (1), Ⅰ by I, ㈱ by (株) ... is safer)."),
    explain=("""
何を調べるか: NEC特殊文字（①、Ⅰ、㈱、㎡ など）や IBM 拡張文字（髙、﨑 など）— Windows の cp932 にはあるが JIS X 0208 にない文字。
なぜ問題か: 問題とは限りません。欄の文字種が許す文字は公式ツールが受け付け、アップロードファイルは UTF-16 です。
受け側で化けるという資料は見つかっていないため（未確認）、情報にとどめます。
例: 「①日本語学習」「髙田１－２－３」。
直し方: 必要なら (1)、I、(株)、高、崎 などに置き換えてください。
""", """
What it checks: NEC special characters (①, Ⅰ, ㈱, ㎡ ...) and IBM extensions (髙, 﨑 ...): present in Windows cp932
but not in JIS X 0208.
Why: not necessarily a problem: characters the field's class allows pass the official tool, and the upload is
UTF-16. No source says they are garbled or refused (unverified), so this is advice only.
Example: 「①日本語学習」, 「髙田１－２－３」.
Fix: if you like, replace by (1), I, (株), 高, 崎 ...
"""),
    source=unverified("機種依存文字をこのシステムが拒否するという資料は見つかっていません。",
                      "no source says this system refuses platform-dependent characters."))
