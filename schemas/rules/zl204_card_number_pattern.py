"""ZL204 card-number-pattern: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: a 12-character card-or-certificate number (在日親族, 同時申請) that
is not in the residence card pattern.
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    return [BCheck("ZL204", key, lambda F, k=key: F.per_value(k, _card_ok).astype(bool))
            for key in [k for k in F.locs if k.startswith("rel_card")] + ["sim_card_no"]]


def _card_ok(text: str) -> bool:
    """Not a 12-character card/certificate number at all, or one of the residence card's pattern."""
    from schemas.business.formats import CARD_OR_SPR_RE, CARD_RE
    return CARD_OR_SPR_RE.match(text) is None or CARD_RE.match(text) is not None


CARD_NUMBER_PATTERN = rule(
    "ZL204", "card-number-pattern", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value'), check=check,
    summary=("在留カード番号の形式ではありません（特別永住者証明書番号なら問題ありません）",
             "Not the residence card pattern (fine if it is a special permanent resident certificate number)"),
    message=("{label}「{value}」は在留カード番号の形式（AB12345678CD）ではありません。特別永住者証明書番号であれば問題ありません。",
             "{label} 「{value}」 is not in the residence card pattern (AB12345678CD); fine if it is a special permanent resident certificate number."),
    explain=(f"""
何を調べるか: 在留カード番号又は特別永住者証明書番号を入れる欄の値が、在留カード番号の形式（英2＋数8＋英2）か。
なぜ問題か: 在留カード番号なら形式が決まっています（{_TR} §9b）。特別永住者証明書番号の形式は確認できていないため、
警告にとどめます。
例: 1234567890AB。
直し方: 在留カードの番号であれば見直してください。特別永住者証明書番号であればそのままで構いません。
""", f"""
What it checks: a card-or-certificate number field holds the residence card pattern (2 letters + 8 digits + 2 letters).
Why: residence card numbers have that structure ({_TR} §9b); the structure of special permanent resident
certificate numbers could not be verified, so this is only a warning.
Example: 1234567890AB.
Fix: check it if it is a residence card number; leave it if it is a certificate number.
"""),
    source=cited("在留カード番号の形式（英2＋数8＋英2）; 特別永住者証明書番号の形式は未確認（template-reference §9b）。",
                  "the residence card pattern (2 letters + 8 digits + 2 letters); the certificate's pattern is not verified (template-reference §9b)."))
