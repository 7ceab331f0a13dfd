"""ZL203 card-or-special-permanent-number: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: the 12-character card-or-certificate numbers (在日親族, 同時申請).
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    return [BCheck("ZL203", key, lambda F, k=key: F.per_value(k, _twelve_ok).astype(bool))
            for key in [k for k in F.locs if k.startswith("rel_card")] + ["sim_card_no"]]


def _twelve_ok(text: str) -> bool:
    """Not 12 characters (the length is ZL104's), or a card / special permanent resident certificate number."""
    from schemas.business.formats import CARD_OR_SPR_RE
    return len(text) != 12 or CARD_OR_SPR_RE.match(text) is not None


CARD_OR_SPECIAL_PERMANENT_NUMBER = rule(
    "ZL203", "card-or-special-permanent-number", "error",
    on="applicant-frame", by=__name__, params=('label', 'value'), check=check,
    summary=("在留カード番号・特別永住者証明書番号に使えない文字があります",
             "Card / special permanent resident certificate number with invalid characters"),
    message=("{label}「{value}」は半角英大文字と数字の12桁で入力してください。",
             "{label} 「{value}」 must be 12 half-width capital letters and digits."),
    explain=(f"""
何を調べるか: 在留カード番号又は特別永住者証明書番号を入れる欄（在日親族、同時申請）が半角英大文字・数字の12桁か
（12桁でないものは ZL104 が報告します）。
なぜ問題か: どちらの番号も半角英大文字と数字の12桁です（{_TR} §5, §7, §9b）。小文字や記号は番号として一致しません。
例: ab12345678cd、AB-2345678CD。
直し方: カードの番号を大文字で入力してください。
""", f"""
What it checks: fields that may hold a residence card or special permanent resident certificate number
(relatives, 同時申請) are 12 half-width capitals/digits (a wrong length is ZL104).
Why: both numbers are 12 capitals/digits ({_TR} §5, §7, §9b).
Example: ab12345678cd, AB-2345678CD.
Fix: enter the number in capitals.
"""),
    source=cited("在留カード番号・特別永住者証明書番号はいずれも英大文字と数字の12桁（template-reference §5, §7）。",
                  "residence card and special permanent resident certificate numbers are 12 capitals/digits (template-reference §5, §7)."))
