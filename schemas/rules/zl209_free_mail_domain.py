"""ZL209 free-mail-domain: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: the domain of 通知送信用メールアドレス against the list in
schemas/business/freemail_domains.txt.
"""
from __future__ import annotations

from pathlib import Path

from . import cited, rule


FREEMAIL_FILE = Path(__file__).resolve().parents[1] / "business" / "freemail_domains.txt"


def freemail_domains() -> set[str]:
    try:
        lines = FREEMAIL_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    return {ln.split("#")[0].strip().lower() for ln in lines if ln.split("#")[0].strip()}


def check(F) -> list:
    from schemas.business import BCheck
    free = freemail_domains()
    return [BCheck("ZL209", "notify_email",
                   lambda F: ~F.s("notify_email").str.lower().str.rsplit("@", n=1).str[-1].isin(free) | ~F.s("notify_email").str.contains("@"),
                   lambda F, i: {"domain": F.v("notify_email", i).rsplit("@", 1)[-1]})]


FREE_MAIL_DOMAIN = rule(
    "ZL209", "free-mail-domain", "info",
    on="applicant-frame", by=__name__, params=('label', 'value', 'domain'), check=check,
    summary=("フリーメールのアドレスです（通知が届かないことがあります）", "Free-mail address (notices may not arrive)"),
    message=("{label}「{value}」はフリーメール（{domain}）です。通知が届かないことがあるため、受信設定を確認してください。",
             "{label} 「{value}」 is a free-mail address ({domain}); notices may not arrive, so check the mail settings."),
    explain=("""
何を調べるか: 通知送信用メールアドレスのドメインが、フリーメールの一覧（schemas/business/freemail_domains.txt:
gmail.com, yahoo.co.jp, yahoo.com, hotmail.com, outlook.com, icloud.com など）にあるか。
なぜ問題か: 問題ではありません。ISA は利用者（オンラインシステムの登録者）のアドレスについて、海外サーバーを経由する
フリーメールでは通知が届かないことがあるとして国内プロバイダのアドレスを推奨しています
（www.moj.go.jp/isa/applications/guide/online-riyoumoushide.html 注3）。申請人の通知送信用アドレスについての定めではなく、
多くの申請人はフリーメールを使うため、情報にとどめます。
例: 「nguyen@gmail.com」。
直し方: 受信拒否設定がある場合は送信元ドメインからの受信を許可してください。
""", """
What it checks: the notification address's domain is in the free-mail list
(schemas/business/freemail_domains.txt: gmail.com, yahoo.co.jp, yahoo.com, hotmail.com, outlook.com, icloud.com, ...).
Why: not a defect. ISA notes, for the registered user's own address, that free-mail services routed via
overseas servers may not receive notices and recommends a Japanese provider
(www.moj.go.jp/isa/applications/guide/online-riyoumoushide.html note 3). That is not a rule about the
applicant's notification address, and most applicants use free mail, so this is advice only.
Example: 「nguyen@gmail.com」.
Fix: allow mail from the sender's domain if the mailbox filters mail.
"""),
    source=cited("www.moj.go.jp/isa/applications/guide/online-riyoumoushide.html 注3: 海外のIPアドレスを制限しているため、海外サーバを経由するフリーメールでは通知メールが届かないことがある（利用者のアドレスについての記述）。",
                 "www.moj.go.jp/isa/applications/guide/online-riyoumoushide.html note 3: overseas IPs are blocked, so free mail routed via overseas servers may miss notices (said of the user's address)."))
