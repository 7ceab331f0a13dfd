"""ZL205 ed-number: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: the two ED number cells (英字 ×4, 数字 ×7).
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    return [BCheck("ZL205", "ed_alpha", lambda F: ~F.filled("ed_alpha") | F.s("ed_alpha").str.fullmatch(r"[A-Z]{4}"),
                   lambda F, i: {"expected": "A–Z ×4"}),
            BCheck("ZL205", "ed_num", lambda F: ~F.filled("ed_num") | F.s("ed_num").str.fullmatch(r"\d{7}"),
                   lambda F, i: {"expected": "0–9 ×7"})]


ED_NUMBER = rule(
    "ZL205", "ed-number", "error",
    on="applicant-frame", by=__name__, params=('label', 'value', 'expected'), check=check,
    summary=("ED番号の形式が違います", "ED number not in its format"),
    message=("{label}「{value}」の形式が違います（ED番号は英大文字4桁＋数字7桁; この欄は {expected}）。",
             "{label} 「{value}」 is not valid (an ED number is 4 capital letters + 7 digits; this part: {expected})."),
    explain=(f"""
何を調べるか: ED番号（英字）が英大文字4桁、ED番号（数字）が数字7桁か。
なぜ問題か: EDカード裏面右上の番号は英字4桁＋数字7桁です（{_TR} §5 「EDカード裏面右上 (英4+数7)」, §9b）。
例: 英字「ab12」、数字「123456」。
直し方: EDカードの番号を英字と数字に分けて入力してください。
""", f"""
What it checks: ED number (letters) is 4 capitals and ED number (digits) is 7 digits.
Why: the number at the top right of the back of the ED card is 4 letters + 7 digits ({_TR} §5, §9b).
Example: letters 「ab12」, digits 「123456」.
Fix: split the ED card number into its letters and its digits.
"""),
    source=cited("テンプレートの記載要領「EDカード裏面右上（英4＋数7）」（template-reference §5）。",
                  "the template's instructions: the number at the top right of the back of the ED card, 4 letters + 7 digits (template-reference §5)."))
