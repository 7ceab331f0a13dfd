"""ZL307 duplicate-name-birth: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: the pair 氏名 + 生年月日 repeated in the file
(contradictions.dup_mask), naming the first row.
"""
from __future__ import annotations

from . import unverified, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.contradictions import dup_mask, first_row_of
    return [BCheck("ZL307", "name", lambda F: dup_mask(F, ["name", "birth"]),
                   lambda F, i: {"first": first_row_of(F, ["name", "birth"], i), "birth": F.v("birth", i)})]


DUPLICATE_NAME_BIRTH = rule(
    "ZL307", "duplicate-name-birth", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value', 'birth', 'first'), check=check,
    summary=("同じ氏名・生年月日の行があります", "Same name and birth date on two rows"),
    message=("{label}「{value}」（生年月日 {birth}）は {first} 行目と同じです。",
             "{label} 「{value}」 (born {birth}) is the same as on row {first}."),
    explain=(f"""
何を調べるか: 1ファイル内で氏名と生年月日の組が重複していないか。
なぜ問題か: 重複申請のおそれがあります（{_TR} §9c）。同姓同名・同日生まれもあり得るため警告です。
例: 8行目と9行目がともに NGUYEN VAN AN・19980512。
直し方: 別人であればそのままで構いません。
""", f"""
What it checks: the same name and birth date on two rows of a file.
Why: probably the same person twice ({_TR} §9c); a warning, as namesakes exist.
Example: rows 8 and 9 both NGUYEN VAN AN, 19980512.
Fix: none if they are different people.
"""),
    source=unverified("重複申請のおそれ（同姓同名・同日生まれもあり得ます）。", "a possible double filing (namesakes born the same day exist)."))
