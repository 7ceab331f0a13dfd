"""ZL5xx: filing-date rules, relative to --on (schemas/business/filing.py)."""
from . import cited, online_system, rule, unverified

_TR = "template-reference"
_SR = "system-rules"

rule("ZL501", "expiry-on-or-before-filing", "error",
    on="applicant-frame", by="schemas.business.filing", params=('label', 'value', 'on'),
     summary=("在留期間の満了日以後はオンライン申請できません", "On or after the expiry day: no online filing"),
     message=("{label}「{value}」が申請日（{on}）以前です。満了日当日以後はオンラインで申請できません。地方出入国在留管理官署の窓口で申請してください。",
              "{label} 「{value}」 is on or before the filing date ({on}); online filing is impossible from the expiry day on — file at the regional immigration office counter."),
     explain=(f"""
何を調べるか: 変更・更新で、在留期間の満了日が申請日（--on）より後か。
なぜ問題か: 「在留期限の最終日（在留期間満了日の当日）に在留申請オンラインシステムで申請することはできません。
最寄りの地方出入国在留管理官署において申請してください。」（ISA; {_SR} §2）。満了後はオンラインでは受け付けられません。
例: 満了日 20260630、申請日 2026-06-30。
直し方: 窓口で申請してください。満了日の入力誤りなら直してください。
""", f"""
What it checks: for change and renewal, the expiry date of the current period is after the filing date (--on).
Why: ISA: online filing is not possible on the last day of the period of stay, nor after it; file at the counter ({_SR} §2).
Example: expiry 20260630, filing date 2026-06-30.
Fix: file at the counter, or correct the expiry date.
"""),
     source=online_system("ISA「在留期限の最終日（在留期間満了日の当日）に在留申請オンラインシステムで申請することはできません」"
                   "（onlineshinsei.html、202312210705466010637.onamaeweb.jp/?p=1668 が引用; bridge2n.jp/16683217570343）。",
                   "ISA: the online system cannot be used on the last day of the period of stay (onlineshinsei.html, quoted by "
                   "202312210705466010637.onamaeweb.jp/?p=1668; bridge2n.jp/16683217570343)."))

rule("ZL502", "filing-too-early", "warning",
    on="applicant-frame", by="schemas.business.filing", params=('label', 'value', 'on', 'from'),
     summary=("満了日の3か月より前の更新申請です", "Renewal filed more than about 3 months before expiry"),
     message=("{label}「{value}」まで3か月以上あります（申請日 {on}）。更新の申請は概ね {from} 以後に受け付けられます。",
              "{label} 「{value}」 is more than 3 months after the filing date ({on}); renewals are accepted from about {from}."),
     explain=(f"""
何を調べるか: 更新で、申請日が在留期間の満了日の3か月前より前か（在留期間が6か月未満のときは調べません）。
変更は調べません: 変更は変更の事由が生じた時点で申請できます（留学→就労、技能実習→特定技能、特定技能の転職など）。
なぜ問題か: 6か月以上の在留期間を有する者の更新は「在留期間の満了する概ね3か月前から」とされ、入院・長期の出張等の
特別な事情があれば3か月以上前でも受け付けられます（hiraishi.jp/zairyu/zairyukikankosin, nara-visa.com/?p=985,
asofficeflw.com/visa/1178; 変更について matsutani-gyosei.com）。特別な事情があり得るため警告です。
例: 更新で満了日 20260630、申請日 2026-03-01。
直し方: 申請日（--on）を確認し、早すぎる場合は後日申請するか、理由書を添えてください。
""", f"""
What it checks: for a renewal, the filing date is earlier than 3 months before expiry (not checked for periods
under 6 months). Changes of status are not checked: a change may be filed as soon as its cause arises
(student to work, technical intern to 特定技能, a 特定技能 job change).
Why: renewals are accepted from about 3 months before expiry for periods of 6 months or more, earlier with
special reasons such as hospitalisation or a long business trip (hiraishi.jp/zairyu/zairyukikankosin,
nara-visa.com/?p=985, asofficeflw.com/visa/1178; for changes matsutani-gyosei.com). Hence a warning.
Example: renewal, expiry 20260630, filed 2026-03-01.
Fix: check --on; file later, or attach a statement of reasons.
"""),
     source=cited("在留期間更新は6か月以上の在留期間を有する者は満了の概ね3か月前から（hiraishi.jp/zairyu/zairyukikankosin, nara-visa.com/?p=985, "
                  "asofficeflw.com/visa/1178）; 変更は事由が生じた時点で申請可（matsutani-gyosei.com のビザ更新・変更のコラム）。",
                  "renewal from about 3 months before expiry for periods of 6 months or more (hiraishi.jp/zairyu/zairyukikankosin, "
                  "nara-visa.com/?p=985, asofficeflw.com/visa/1178); a change may be filed when its cause arises (matsutani-gyosei.com column)."))

rule("ZL503", "passport-expired", "warning",
    on="applicant-frame", by="schemas.business.filing", params=('label', 'value', 'on'),
     summary=("旅券の有効期限が過ぎています", "Passport expired"),
     message=("{label}「{value}」が申請日（{on}）より前です。新しい旅券があれば番号と有効期限を入力し、更新中なら理由書を添付してください。",
              "{label} 「{value}」 is before the filing date ({on}): enter the new passport if there is one, or attach a statement of reasons while it is being renewed."),
     explain=(f"""
何を調べるか: 旅券の有効期限が申請日以後か。
なぜ問題か: 新しい旅券の番号・期限の入れ忘れが多い誤りです。ただし、旅券が期限切れ・更新中・紛失中でも、その理由を説明する
理由書を添えて在留申請はできます（office-immi-lawyer.com/blog/immigration-law/your-passport-has-expired-can-you-update,
onwa-office.best/2025/07/04/visa_passport/）。そのため警告です。
例: 有効期限 20260401、申請日 2026-05-01。
直し方: 新しい旅券の番号と有効期限を入力してください。更新中なら理由書を添付してください。
""", f"""
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

rule("ZL504", "passport-expires-during-stay", "info",
    on="applicant-frame", by="schemas.business.filing", params=('label', 'value', 'end'),
     summary=("希望する在留期間の途中で旅券が切れます", "Passport expires before the desired period ends"),
     message=("{label}「{value}」が希望する在留期間の終わり（概ね {end}）より前です。旅券の更新を予定しておくと安心です。",
              "{label} 「{value}」 is before the end of the desired period (about {end}); plan the passport's renewal."),
     explain=(f"""
何を調べるか: 旅券の有効期限が、希望する在留期間の終わり（更新は現在の満了日から、変更・認定は申請日から数えた概算）より前か。
なぜ問題か: 問題とは限りません。在留期間が旅券の有効期限に縛られるという資料は見つかっていません（未確認）。
旅券の更新を忘れないための情報です。
例: 旅券 20261231 まで、2026-05-01 申請で希望１年。
直し方: 必要に応じて旅券の更新を予定してください。
""", f"""
What it checks: the passport expires before the end of the desired period (renewal: counted from the current
expiry; change/COE: from the filing date; approximate).
Why: not necessarily a problem: no source says the period of stay is tied to the passport (unverified).
A reminder to renew the passport.
Example: passport to 20261231, filed 2026-05-01 for 1 year.
Fix: plan the passport's renewal if needed.
"""),
     source=unverified("在留期間が旅券の有効期限に縛られるという資料は見つかっていません。", "no source says the period of stay is tied to the passport's validity."))
