"""ZL5xx: filing-date rules, relative to --on (schemas/business/filing.py)."""
from . import rule

_TR = "template-reference"
_SR = "system-rules"

rule("ZL501", "expiry-on-or-before-filing", "error",
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
"""))

rule("ZL502", "filing-too-early", "warning",
     summary=("満了日の3か月より前の申請です", "More than about 3 months before expiry"),
     message=("{label}「{value}」まで3か月以上あります（申請日 {on}）。申請は概ね {from} 以後に受け付けられます。",
              "{label} 「{value}」 is more than 3 months after the filing date ({on}); applications are accepted from about {from}."),
     explain=(f"""
何を調べるか: 変更・更新で、申請日が在留期間の満了日の3か月前より前か（在留期間が6か月未満のときは調べません）。
なぜ問題か: 6か月以上の在留期間を有する者は「在留期間の満了する概ね3か月前から」申請できるとされています
（{_SR} §2; {_TR} §9c; 行政書士の解説、ISA の頁は未確認）。変更は事由が生じれば早く申請できる場合もあるため警告です。
例: 満了日 20260630、申請日 2026-03-01。
直し方: 申請日（--on）を確認し、早すぎる場合は後日申請してください。
""", f"""
What it checks: for change and renewal, the filing date is earlier than 3 months before expiry (not checked for
periods under 6 months).
Why: applications are accepted from about 3 months before expiry for periods of 6 months or more ({_SR} §2,
{_TR} §9c; practitioners' summaries of the ISA wording). A change may be filed earlier when its reason arises,
hence a warning.
Example: expiry 20260630, filing date 2026-03-01.
Fix: check --on; file later if too early.
"""))

rule("ZL503", "passport-expired", "error",
     summary=("旅券の有効期限が過ぎています", "Passport expired"),
     message=("{label}「{value}」が申請日（{on}）より前です。旅券の有効期限が切れています。",
              "{label} 「{value}」 is before the filing date ({on}): the passport has expired."),
     explain=(f"""
何を調べるか: 旅券の有効期限が申請日以後か。
なぜ問題か: 有効な旅券が必要です（{_TR} §9c）。更新した旅券の番号・期限の入れ忘れの可能性があります。
例: 有効期限 20260401、申請日 2026-05-01。
直し方: 新しい旅券の番号と有効期限を入力してください。
""", f"""
What it checks: the passport expiry is on or after the filing date.
Why: a valid passport is required ({_TR} §9c); often the new passport was not entered.
Example: passport expiry 20260401, filing date 2026-05-01.
Fix: enter the new passport's number and expiry.
"""))

rule("ZL504", "passport-expires-during-stay", "warning",
     summary=("希望する在留期間の途中で旅券が切れます", "Passport expires before the desired period ends"),
     message=("{label}「{value}」が希望する在留期間の終わり（概ね {end}）より前です。",
              "{label} 「{value}」 is before the end of the desired period (about {end})."),
     explain=(f"""
何を調べるか: 旅券の有効期限が、希望する在留期間の終わり（更新は現在の満了日から、変更・認定は申請日から数えた概算）より前か。
なぜ問題か: 在留期間は旅券の有効期限の範囲で決まることがあり、短い期間になるおそれがあります（{_TR} §9c; 実務上の扱い）。
例: 旅券 20261231 まで、2026-05-01 申請で希望１年。
直し方: 旅券の更新を検討してください。問題なければ無視して構いません。
""", f"""
What it checks: the passport expires before the end of the desired period (renewal: counted from the current
expiry; change/COE: from the filing date; approximate).
Why: the period granted may be limited by the passport's validity ({_TR} §9c; practice).
Example: passport to 20261231, filed 2026-05-01 for 1 year.
Fix: consider renewing the passport; ignore if fine.
"""))
