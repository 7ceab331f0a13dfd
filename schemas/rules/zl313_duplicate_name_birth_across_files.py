"""ZL313 duplicate-name-birth-across-files: one rule as one unit — its documentation, message, source and check.

The check runs over the whole run (cross-file): a name and birth date of this file that an earlier file of
the same run holds too.
"""
from __future__ import annotations

from . import rule, unverified

_TR = "template-reference"
KINDS = ('name_birth',)     # identity keys (schemas.business.keys.KINDS) this rule compares across files


def check(seen: dict, path: str, keys: dict) -> list:
    """The run's files are given in order, each once, with one `seen` per run (see linter.crossfile)."""
    from schemas.business.keys import repeats
    return repeats("ZL313", KINDS, seen, path, keys)


DUPLICATE_NAME_BIRTH_ACROSS_FILES = rule(
    "ZL313", "duplicate-name-birth-across-files", "warning",
    on="run", by=__name__, check=check, params=('value', 'other_file', 'other'),
     summary=("同じ氏名・生年月日が別のファイルにもあります", "Same name and birth date in another file"),
     message=("「{value}」（氏名 / 生年月日）は {other_file} の {other} にもあります。",
              "「{value}」 (name / birth date) is also in {other_file} at {other}."),
     explain=(f"""
何を調べるか: 複数ファイルの間での氏名と生年月日の組の重複。
なぜ問題か: 重複申請のおそれ（{_TR} §9c）。同姓同名もあり得るため警告です。
例: a.xlsx と b.xlsx の両方に NGUYEN VAN AN・19980512。
直し方: 別人であればそのままで構いません。
""", f"""
What it checks: the same name and birth date in two files of one run.
Why: possibly the same person twice ({_TR} §9c); a warning, as namesakes exist.
Example: NGUYEN VAN AN, 19980512 in both a.xlsx and b.xlsx.
Fix: none if they are different people.
"""),
     source=unverified("重複申請のおそれ（同姓同名もあり得ます）。", "a possible double filing (namesakes exist)."))
