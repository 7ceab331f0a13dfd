"""ZL312–ZL313: contradictions across the files of one run (checked in linter/crossfile.py).

The ZL3xx rules of one file are one unit each: schemas/rules/zl3NN_*.py.
"""
from . import rule, unverified

_TR = "template-reference"

rule("ZL312", "duplicate-across-files", "warning",
    on="run", by="linter.crossfile", params=('value', 'other_file', 'other'),
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

rule("ZL313", "duplicate-name-birth-across-files", "warning",
    on="run", by="linter.crossfile", params=('value', 'other_file', 'other'),
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
