"""ZL211 rso-registration-number: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: 登録支援機関(6)登録番号 (２桁＋登＋６桁, full-width).
"""
from __future__ import annotations

import re

from . import cited, rule

_TR = "template-reference"


RSO_RE = re.compile(r"^[０-９]{2}登[０-９]{6}$")


def check(F) -> list:
    from schemas.business import BCheck
    return [BCheck("ZL211", "rso_number", lambda F: ~F.filled("rso_number") | F.s("rso_number").str.match(RSO_RE))]


RSO_REGISTRATION_NUMBER = rule(
    "ZL211", "rso-registration-number", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value'), check=check,
    fix=('半角数字を全角にします。',
         'half-width digits to full-width.'),
    summary=("登録支援機関の登録番号がテンプレートの記載例の形式ではありません", "Registered support organisation number not in the template's example form"),
    message=("{label}「{value}」はテンプレートの記載例の形式「全角数字2桁＋登＋全角数字6桁」（例 １９登１２３４５６）ではありません。",
             "{label} 「{value}」 is not in the template's example form: 2 full-width digits + 登 + 6 full-width digits (e.g. １９登１２３４５６)."),
    explain=(f"""
何を調べるか: 登録支援機関の登録番号が ^[０-９]{{2}}登[０-９]{{6}}$ か。
なぜ問題か: テンプレートの記載例が「９９登９９９９９９」（漢字＋全角数字9文字）です（{_TR} §6 IL–JF）。
記載例は規則ではないため、警告にとどめます。
例: 「19登123456」（半角）。
直し方: 登録通知書の番号を記載例の形式で入力してください。
""", f"""
What it checks: the registered support organisation number matches ^[０-９]{{2}}登[０-９]{{6}}$.
Why: the template's example is 「９９登９９９９９９」 ({_TR} §6). An example is not a rule, so this is a warning.
Example: 「19登123456」 (half-width).
Fix: enter the number from the registration notice in the example's form.
"""),
    source=cited("テンプレートの記載例「９９登９９９９９９」（template-reference §6）。", "the template's example 「９９登９９９９９９」 (template-reference §6)."))
