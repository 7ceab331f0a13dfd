"""ZL208 notification-email-reused: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: how many applicants of the file share one 通知送信用メールアドレス.
"""
from __future__ import annotations

from . import cited, rule

_SR = "system-rules"


REUSE_LIMIT = 3


def check(F) -> list:
    from schemas.business import BCheck
    return [BCheck("ZL208", "notify_email", _reuse_ok,
                   lambda F, i: {"count": int((F.s("notify_email").str.lower() == F.v("notify_email", i).lower()).sum())})]


def _reuse_ok(F):
    import numpy as np
    from collections import Counter
    vals = [t.lower() for t in F.a("notify_email").tolist()]
    counts = Counter(v for v in vals if v)
    return np.fromiter((v == "" or counts[v] < REUSE_LIMIT for v in vals), dtype=bool, count=len(vals))


NOTIFICATION_EMAIL_REUSED = rule(
    "ZL208", "notification-email-reused", "info",
    on="applicant-frame", by=__name__, params=('label', 'value', 'count'), check=check,
    summary=("同じ通知送信用メールアドレスが多数の申請人に使われています", "Notification address shared by many applicants"),
    message=("{label}「{value}」が{count}人の申請人に使われています。本人のアドレスがあればそれを入力し、ない場合は受付完了メールを本人に渡してください。",
             "{label} 「{value}」 is used for {count} applicants; enter the applicant's own address if they have one, otherwise pass the receipt mail on to them."),
    explain=(f"""
何を調べるか: 通知送信用メールアドレスが1ファイル内で3人以上に同じか（大文字小文字を区別しません）。
なぜ問題か: 問題ではありません。ISA は本人がメールアドレスを持たない場合に本人以外のアドレスを入力することを認め、
その場合は本人が受付完了メール（申請中の証明）を携帯できるよう留意するよう求めています
（horeigis.com/info/20240430110438.html が引用する ISA /isa/applications/online/11_00035.html; {_SR} §3）。そのため情報です。
例: 取次者の会社アドレスを全員の通知先にしている。
直し方: 本人のアドレスがあれば入力してください。ない場合はそのままで構いません。
""", f"""
What it checks: one notification address used for 3 or more applicants of a file (case-insensitive).
Why: not a defect. ISA allows someone else's address when the person has none, and asks that the person can
then still carry the receipt mail, their proof of a pending application (ISA 11_00035.html as quoted by
horeigis.com/info/20240430110438.html; {_SR} §3). Hence advice only.
Example: the agent's company address entered for every applicant.
Fix: use the applicant's own address if they have one; otherwise nothing to do.
"""),
    source=cited("ISA /isa/applications/online/11_00035.html（horeigis.com/info/20240430110438.html が引用）: 本人がメールアドレスを持たず本人以外のアドレスを入力した場合は、受付完了メールの携帯に留意。",
                 "ISA 11_00035.html (quoted by horeigis.com/info/20240430110438.html): when the person has no address and another one is entered, make sure the person can carry the receipt mail."))
