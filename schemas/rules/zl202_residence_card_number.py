"""ZL202 residence-card-number: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame (schemas.business.frame): the 在留カード番号 of the main sheet.
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.formats import CARD_RE
    return [BCheck("ZL202", "card_no", lambda F: ~F.filled("card_no") | F.s("card_no").str.match(CARD_RE))]


RESIDENCE_CARD_NUMBER = rule(
    "ZL202", "residence-card-number", "error",
    on="applicant-frame", by=__name__, params=('label', 'value'), check=check,
    summary=("在留カード番号の形式が違います", "Residence card number not in the card format"),
    message=("{label}「{value}」は在留カード番号の形式（英大文字2桁＋数字8桁＋英大文字2桁、例 AB12345678CD）ではありません。",
             "{label} 「{value}」 is not a residence card number (2 capitals + 8 digits + 2 capitals, e.g. AB12345678CD)."),
    explain=(f"""
何を調べるか: 在留カード番号が ^[A-Z]{{2}}[0-9]{{8}}[A-Z]{{2}}$ か。
なぜ問題か: 在留カード番号は英字2桁・数字8桁・英字2桁の12桁です（{_TR} §5, §9b; gh-tec.co.jp/column/residence-card-number,
attorney-office.com/blog/20170213ci）。公式ツールは半角英数12桁以内しか調べません。
例: AB1234567CD（数字7桁）、ab12345678cd（小文字）、AB12345678（末尾なし）。
直し方: 在留カード表面右上の番号をそのまま入力してください。
""", f"""
What it checks: the residence card number matches ^[A-Z]{{2}}[0-9]{{8}}[A-Z]{{2}}$.
Why: a card number is 2 letters, 8 digits, 2 letters ({_TR} §5, §9b; gh-tec.co.jp, attorney-office.com);
the tool only checks 'alphanumeric, at most 12'.
Example: AB1234567CD (7 digits), lower case, missing final letters.
Fix: copy the number printed at the top right of the card.
"""),
    source=cited("在留カード番号は英字2桁・数字8桁・英字2桁の12桁（gh-tec.co.jp/column/residence-card-number, attorney-office.com/blog/20170213ci; template-reference §5）。",
                  "a residence card number is 2 letters, 8 digits, 2 letters (gh-tec.co.jp/column/residence-card-number, attorney-office.com/blog/20170213ci; template-reference §5)."))
