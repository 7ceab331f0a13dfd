"""ZL207 email-syntax: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: both mail addresses, by formats.email_ok / email_reason (the
library's reading of an address).
"""
from __future__ import annotations

from . import cited, rule

_SR = "system-rules"


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.formats import email_ok, email_reason
    return [BCheck("ZL207", key, lambda F, k=key: F.s(k).map(email_ok), lambda F, i, k=key: {"reason": email_reason(F.v(k, i))})
            for key in ("email", "notify_email")]


EMAIL_SYNTAX = rule(
    "ZL207", "email-syntax", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value', 'reason'), check=check,
    fix=('全角の記号（＠など）を半角にします。',
         'full-width symbols (＠) to half-width.'),
    summary=("メールアドレスの形式が違います", "Invalid e-mail address"),
    message=("{label}「{value}」はメールアドレスとして正しくありません（{reason}）。",
             "{label} 「{value}」 is not a valid e-mail address ({reason})."),
    explain=(f"""
何を調べるか: メールアドレスと通知送信用メールアドレスが、メールを受け取れる形か（@ が1つ、@ の前後が空でない、
空白がない、ドメインが「.」で区切られた英数字・ハイフンのラベル）。到達確認はしません。
旧携帯キャリアのアドレス（a..b@docomo.ne.jp、abc.@ezweb.ne.jp）は実際に使われているため認めます。
なぜ問題か: 受付完了メール（申請受付番号）や結果の通知はこのアドレスに送られ、特例期間中の証明になります
（ISA /isa/applications/online/11_00035.html を引用する horeigis.com/info/20240430110438.html; {_SR} §3）。
申請システムが形式を拒否するかは確認できていないため警告です（公式ツールは半角英数記号60桁以内だけを調べます）。
例: 「name@@example.com」「name@example」「name@example,com」。
直し方: 正しいアドレスを入力してください。
""", f"""
What it checks: the e-mail and notification e-mail addresses can receive mail: one @, something on both sides,
no blanks, a domain of dot-separated letter/digit/hyphen labels. No DNS lookup. Old carrier addresses
(a..b@docomo.ne.jp, abc.@ezweb.ne.jp) are in real use and accepted.
Why: the filing receipt (with the application number) and results are sent there, and that mail is the
person's proof of a pending application (ISA 11_00035.html as quoted by horeigis.com; {_SR} §3). Whether the
online system rejects the form is not verified, so this is a warning (the tool checks only class and length).
Example: 「name@@example.com」, 「name@example」, 「name@example,com」.
Fix: enter a valid address.
"""),
    source=cited("ISA「オンライン申請中であることの確認方法」（/isa/applications/online/11_00035.html、horeigis.com/info/20240430110438.html が引用）: "
                 "申請受付番号を記載した受付完了メールがこのアドレスに送られ、申請中の証明になる。",
                 "ISA's note on proving a pending online application (/isa/applications/online/11_00035.html, quoted by "
                 "horeigis.com/info/20240430110438.html): the receipt with the application number is mailed to this address and is the proof."))
