"""ZL201 real-date: one rule as one unit — its documentation, message, source and check.

A per-cell rule: `cell_ok` runs over the long cell frame (one row per non-empty date or text cell,
schemas.business.formats.cell_frame) in schemas.business.run_cell_checks; nothing per applicant.
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def cell_ok(df):
    """Per cell: True unless a date cell holds no real date (formats.real_date_ok)."""
    import pandas as pd
    from schemas.business.formats import real_date_ok
    return pd.Series([k != "date" or real_date_ok(v, d, b, c) for v, k, d, b, c in
                      zip(df["value"].tolist(), df["kind"].tolist(), df["digits"].tolist(),
                          df["birth"].tolist(), df["checked"].tolist())],
                     index=df.index)


def cell_params(rec) -> dict:
    return {"expected": _date_hint(rec["digits"], rec["birth"])}


def _date_hint(digits: int, birth: bool):
    if digits == 6:
        return "YYYYMM"
    if birth:
        from . import Text
        return Text("YYYYMMDD（不明は 99999999 / YYYY0000 / YYYYMM00）", "YYYYMMDD (unknown: 99999999 / YYYY0000 / YYYYMM00)")
    return "YYYYMMDD"


def check(F) -> list:
    return []   # per cell, not per applicant: cell_ok above


REAL_DATE = rule(
    "ZL201", "real-date", "error",
    on="applicant-frame", by=__name__, params=('label', 'value', 'expected'), check=check,
    fix=('「YYYY/MM/DD」「YYYY-MM-DD」「YYYY.MM.DD」を8桁の文字列にします。',
         'writes YYYY/MM/DD, YYYY-MM-DD and YYYY.MM.DD as 8 digits.'),
    summary=("実在しない日付です", "Not a real calendar date"),
    message=("{label}「{value}」は実在する日付ではありません（{expected}）。",
             "{label} 「{value}」 is not a real date ({expected})."),
    explain=(f"""
何を調べるか: 日付の項目（列項目TBLに「日付出力」がある YYYYMMDD / YYYYMM の項目）が実在する日付か。
生年月日は、不明を表す 99999999・YYYY0000・YYYYMM00 を認めます。桁数・文字種は ZL104/ZL102 が調べます。
列項目TBLに文字種・桁数のない日付（在留期間の満了日、旅券の有効期限）は、このルールが形式（8桁の数字）も調べます。
なぜ問題か: 公式ツールは桁数と数字しか調べず、20260231 や 202613 もそのまま出力します。システムで日付として
受け付けられず、申請が差し戻されます（{_TR} §9b「Dates must be real calendar dates」、§12）。
例: 20260230、19990431、202513（職歴の年月）。
直し方: 在留カード・旅券・契約書を確認して正しい日付を入力してください。
""", f"""
What it checks: date fields (those with a 日付出力 pattern in 列項目TBL, YYYYMMDD or YYYYMM) hold a real
calendar date. Birth dates also accept the 'unknown' forms 99999999, YYYY0000 and YYYYMM00. Length and
character class are ZL104/ZL102; for dates the column table leaves unchecked (在留期間の満了日, the passport's
expiry) this rule also checks the form (8 digits): "2027/02/25" passes the official tool.
Why: the official tool checks only digits and length, so 20260231 or 202613 are exported and then fail
as dates ({_TR} §9b, §12).
Example: 20260230, 19990431, 202513 (a job-history month).
Fix: enter the date from the card, passport or contract.
"""),
    source=cited("一括登録用Excelツールの記載例: 日付は西暦の YYYYMMDD（年月は YYYYMM）; 実在しない日付は日付として成り立ちません（template-reference §9b, §12）。",
                  "the bulk tool's instructions: dates are written YYYYMMDD (months YYYYMM); a non-existent day is not a date (template-reference §9b, §12)."))
