"""ZL312 duplicate-across-files: one rule as one unit — its documentation, message, source and check.

The check runs over the whole run (cross-file): a residence card or passport number of this file that an
earlier file of the same run holds too (reported in the later file, naming the earlier file and cell).
"""
from __future__ import annotations

from . import rule, unverified

_TR = "template-reference"
KINDS = ('card', 'passport')     # identity keys (schemas.business.keys.KINDS) this rule compares across files


def check(seen: dict, path: str, keys: dict) -> list:
    """The run's files are given in order, each once, with one `seen` per run (see linter.crossfile)."""
    from schemas.business.keys import repeats
    return repeats("ZL312", KINDS, seen, path, keys)


DUPLICATE_ACROSS_FILES = rule(
    "ZL312", "duplicate-across-files", "warning",
    on="run", by=__name__, check=check, params=('value', 'other_file', 'other'),
     summary=("同じ在留カード番号・旅券番号が別のファイルにもあります", "Same card or passport number in another file"),
     message=("「{value}」は {other_file} の {other} にもあります。同じ人を二重に申請していないか確認してください。",
              "「{value}」 is also in {other_file} at {other}; check the person is not filed twice."),
     explain=(f"""
何を調べるか: 1回の実行で調べた複数のファイルの間で、在留カード番号または旅券番号が重複していないか（後のファイルに報告）。
なぜ問題か: 別の担当者が同じ人を別ファイルで申請している可能性があります（{_TR} §9c）。重複が拒否されるかは確認できていないため警告です。
例: a.xlsx と b.xlsx の両方に在留カード番号 AB12345678CD。
直し方: どちらかのファイルから行を削除してください。
""", f"""
What it checks: a card or passport number found in two files of one run (reported in the later file).
Why: the same person filed twice from different files ({_TR} §9c); whether it is rejected is not verified, so a warning.
Example: card AB12345678CD in both a.xlsx and b.xlsx.
Fix: remove the row from one of the files.
"""),
     source=unverified("申請システムが別ファイルとの重複を拒否するという資料は見つかっていません。", "no source says the system rejects duplicates across files."))
