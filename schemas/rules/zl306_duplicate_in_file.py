"""ZL306 duplicate-in-file: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: the 在留カード番号 and the 旅券番号 repeated in the file
(contradictions.dup_mask), naming the first row.
"""
from __future__ import annotations

from . import unverified, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.contradictions import dup_mask, first_row_of
    # duplicates in the file
    return [BCheck("ZL306", key, lambda F, k=key: dup_mask(F, [k]),
                   lambda F, i, k=key: {"first": first_row_of(F, [k], i)})
            for key in ("card_no", "passport_no")]


DUPLICATE_IN_FILE = rule(
    "ZL306", "duplicate-in-file", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value', 'first'), check=check,
    summary=("同じ在留カード番号・旅券番号が複数の行にあります", "Same card or passport number on two rows"),
    message=("{label}「{value}」は {first} 行目と同じです。同じ人を二重に申請していないか確認してください。",
             "{label} 「{value}」 is the same as on row {first}; check the person is not filed twice."),
    explain=(f"""
何を調べるか: 1ファイル内で在留カード番号または旅券番号が重複していないか（2つ目以降の行に報告）。
なぜ問題か: 同一人の重複申請や、行をコピーして直し忘れた入力誤りです（{_TR} §9c）。申請システムが重複を拒否するかは
確認できていないため警告です。
例: 8行目と9行目の在留カード番号がともに AB12345678CD。
直し方: 重複した行を削除するか、番号を直してください。
""", f"""
What it checks: a residence card or passport number repeated within a file (reported on the later rows).
Why: the same person filed twice, or a copied row not corrected ({_TR} §9c); whether the system rejects
duplicates is not verified, so this is a warning.
Example: rows 8 and 9 both with card AB12345678CD.
Fix: remove the duplicate row or correct the number.
"""),
    source=unverified("申請システムが同一ファイル内の重複を拒否するという資料は見つかっていません。", "no source says the system rejects duplicates within a file."))
