"""ZL305 reentry-needs-counter-receipt: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: 再入国許可申請 = 有 against 在留カードの受領方法.
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"
_SR = "system-rules"


def check(F) -> list:
    from schemas.business import BCheck
    # 再入国 = 有 -> 受領方法 = 窓口
    return [BCheck("ZL305", "receipt",
                   lambda F: (F.s("sim_reentry") != F.snap.yes) | ~F.filled("receipt") | F.s("receipt").str.startswith("窓口"),
                   lambda F, i: {"other": f"{F.locs['sim_reentry'].sheet}!{F.where('sim_reentry', i)}"
                                 if F.has("sim_reentry") else ""})]


REENTRY_NEEDS_COUNTER_RECEIPT = rule(
    "ZL305", "reentry-needs-counter-receipt", "error",
    on="applicant-frame", by=__name__, params=('other', 'label', 'value'), check=check,
    summary=("再入国許可を同時申請する場合、受領方法は窓口です", "Re-entry permit filed: card must be received at the counter"),
    message=("再入国許可を同時に申請しています（{other}）。{label}は「窓口」にしてください（現在「{value}」）。",
             "A re-entry permit is filed with this application ({other}); {label} must be the counter (now 「{value}」)."),
    explain=(f"""
何を調べるか: 同時申請で再入国許可が「有」の行の在留カードの受領方法が「窓口」か。
なぜ問題か: テンプレートの記載要領に「再入国許可申請を同時に申請する方は『窓口』」とあります（{_TR} §5, §9a-5）。
郵送中はカードが手元になく、みなし再入国もできません（{_SR} §3）。
例: 同時申請 B列＝有、受領方法＝郵送。
直し方: 受領方法を「窓口 Regional office counter」にし、住居地と受領官署を入力してください。
""", f"""
What it checks: rows filing a re-entry permit in 同時申請 receive the card at the counter.
Why: the template says applicants filing a re-entry permit at the same time choose 「窓口」 ({_TR} §5, §9a-5).
Example: 同時申請 column B = 有, receipt = 郵送 Mailing.
Fix: choose 「窓口 Regional office counter」 and fill the residence area and receiving office.
"""),
    source=cited("テンプレートの記載要領「再入国許可申請を同時に申請する方は『窓口』」（template-reference §5, §9a-5）。",
                  "the template's instructions: applicants filing a re-entry permit at the same time choose 「窓口」 (template-reference §5, §9a-5)."))
