"""ZL503 passport-expired: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: 旅券の有効期限 against the filing date (options.on).
"""
from __future__ import annotations

from . import cited, rule


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.frame import ymd
    on = F.model.options.on
    return [BCheck("ZL503", "passport_exp", lambda F: F.s("passport_exp").map(lambda t: (d := ymd(t)) is None or d >= on),
                   lambda F, i: {"on": on.isoformat()})]


PASSPORT_EXPIRED = rule(
    "ZL503", "passport-expired", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value', 'on'), check=check,
    summary=("旅券の有効期限が過ぎています", "Passport expired"),
    message=("{label}「{value}」が申請日（{on}）より前です。新しい旅券があれば番号と有効期限を入力し、更新中なら理由書を添付してください。",
             "{label} 「{value}」 is before the filing date ({on}): enter the new passport if there is one, or attach a statement of reasons while it is being renewed."),
    explain=("""
何を調べるか: 旅券の有効期限が申請日以後か。
なぜ問題か: 新しい旅券の番号・期限の入れ忘れが多い誤りです。ただし、旅券が期限切れ・更新中・紛失中でも、その理由を説明する
理由書を添えて在留申請はできます（office-immi-lawyer.com/blog/immigration-law/your-passport-has-expired-can-you-update,
onwa-office.best/2025/07/04/visa_passport/）。そのため警告です。
例: 有効期限 20260401、申請日 2026-05-01。
直し方: 新しい旅券の番号と有効期限を入力してください。更新中なら理由書を添付してください。
""", """
What it checks: the passport expiry is on or after the filing date.
Why: often the new passport was not entered. An application can still be filed with an expired passport, or
while it is being renewed, with a statement of reasons
(office-immi-lawyer.com/blog/immigration-law/your-passport-has-expired-can-you-update,
onwa-office.best/2025/07/04/visa_passport/), hence a warning.
Example: passport expiry 20260401, filing date 2026-05-01.
Fix: enter the new passport's number and expiry, or attach a statement of reasons while it is renewed.
"""),
    source=cited("旅券が期限切れ・更新中でも理由書を添えて在留申請はできる（office-immi-lawyer.com/blog/immigration-law/your-passport-has-expired-can-you-update, onwa-office.best/2025/07/04/visa_passport/）。",
                 "an application can be filed with an expired passport, or while it is renewed, with a statement of reasons (office-immi-lawyer.com, onwa-office.best)."))
