"""ZL213 outside-jis-x-0208: one rule as one unit — its documentation, message, source and check.

A per-cell rule: `cell_ok` runs over the long cell frame (its free-text cells, schemas.business.formats.cell_frame)
in schemas.business.run_cell_checks, with the character classes of formats.char_problems; nothing per applicant.
"""
from __future__ import annotations

from . import unverified, rule


def cell_ok(df):
    from schemas.business.formats import _problems
    return _problems(df, 0) == ""


def cell_params(rec) -> dict:
    from schemas.business.formats import _allowed, char_problems
    return {"bad": _allowed(char_problems(rec["value"])[0], rec["pat"])}


def check(F) -> list:
    return []   # per cell, not per applicant: cell_ok above


OUTSIDE_JIS_X_0208 = rule(
    "ZL213", "outside-jis-x-0208", "info",
    on="applicant-frame", by=__name__, params=('label', 'bad'), check=check,
    summary=("JIS第1・第2水準にない文字があります", "Characters outside JIS X 0208 (levels 1–2)"),
    message=("{label}にJIS第1・第2水準にない文字「{bad}」があります。公式ツールは受け付けますが、常用の字体にすると確実です。",
             "{label} contains characters outside JIS X 0208 levels 1–2: 「{bad}」; the official tool accepts them, a standard form is safer."),
    explain=("""
何を調べるか: 文字種を満たす自由記述の文字のうち、JIS X 0208（第1・第2水準と記号）で表せないもの（iso2022_jp で符号化できないもの）。
なぜ問題か: 問題とは限りません。公式ツールの漢字の文字種は U+4E00〜U+A000 を受け付け（列項目TBL・VBA removeChr）、
アップロードファイルは UTF-16 です。JIS 第1・第2水準に限るという定めは e-Gov 等の別のシステムのもので、
このシステムについての根拠は見つかっていません（未確認）。そのため情報にとどめます。
例: 鷗、剝、噓、𠮷、貼り付けたダッシュや記号。
直し方: 必要なら常用の字体（鴎、剥、嘘、吉）に置き換えてください。
""", """
What it checks: class-valid free-text characters that JIS X 0208 (levels 1–2 and symbols) cannot represent
(not encodable as iso2022_jp).
Why: not necessarily a problem. The official tool's kanji class accepts U+4E00–U+A000 (列項目TBL, VBA removeChr)
and the upload file is UTF-16. The 'JIS levels 1–2 only' rule belongs to other systems (e-Gov); no source
says it for this one (unverified), so this is advice only.
Example: 鷗, 剝, 噓, 𠮷, pasted dashes or symbols.
Fix: if you like, use the standard form (鴎, 剥, 嘘, 吉).
"""),
    source=unverified("このシステムが JIS 第1・第2水準外の文字を拒否するという資料は見つかっていません（template-reference §9b は実務上の扱い）。公式ツールは U+4E00〜U+A000 を受け付けます。",
                      "no source says this system rejects characters outside JIS levels 1–2 (template-reference §9b is practice); the official tool accepts U+4E00–U+A000."))
