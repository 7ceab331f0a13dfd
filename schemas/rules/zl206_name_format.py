"""ZL206 name-format: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: 氏名 of the main sheet and of 同時申請.
"""
from __future__ import annotations

import re

from . import cited, rule

_TR = "template-reference"
_SR = "system-rules"


# words of capitals, hyphens/apostrophes inside a word (MARIE-CLAIRE, O'NEIL), separated by spaces or commas
def _name_ok(text: str) -> bool:
    return text == "" or (NAME_RE.match(text) is not None and len(text) <= 104)


NAME_RE = re.compile(r"^[A-Z]+(?:['-][A-Z]+)*(?:[ ,]+[A-Z]+(?:['-][A-Z]+)*)*$")


def check(F) -> list:
    from schemas.business import BCheck
    return [BCheck("ZL206", key, lambda F, k=key: F.per_value(k, _name_ok).astype(bool))
            for key in ("name", "sim_name")]


NAME_FORMAT = rule(
    "ZL206", "name-format", "error",
    on="applicant-frame", by=__name__, params=('label', 'value'), check=check,
    fix=('半角に変換し、前後と二重の空白を除き、大文字にします。',
         'half-width, spaces trimmed and collapsed, upper case.'),
    summary=("氏名の形式が違います", "Name not in passport form"),
    message=("{label}「{value}」は旅券どおり半角英大文字で入力してください（語の区切りは半角スペース、104文字以内、例 HOUMU TARO）。",
             "{label} 「{value}」 must be written as in the passport in half-width capitals (words separated by spaces, at most 104, e.g. HOUMU TARO)."),
    explain=(f"""
何を調べるか: 申請人の氏名（身分事項・同時申請）が半角英大文字の語でできているか（104文字以内）。
語の区切りは半角スペース（旧画面の記載例のカンマも認めます）、語の中のハイフンとアポストロフィ（旅券に
MARIE-CLAIRE、O'NEIL のように印字されるもの）は認めます。
なぜ問題か: テンプレートの記載要領が「旅券と同じ綴りで半角英字大文字、スペース区切り、104文字以内」と定めています
（{_TR} §5 氏名）。小文字は旧オンライン画面でエラーになったと報告されています（{_SR} §7）。
例: 「Nguyen Van An」（小文字）、全角文字、数字。
直し方: 旅券の氏名欄どおり大文字で入力してください。
""", f"""
What it checks: the applicant's name (main and 同時申請 sheets) consists of words of half-width capitals, at most
104 characters. Words are separated by spaces (a comma, as on the old screens, is accepted); hyphens and
apostrophes inside a word, as passports print them (MARIE-CLAIRE, O'NEIL), are accepted.
Why: the template's instructions require the passport spelling in half-width capitals, space-separated,
at most 104 ({_TR} §5); lower case was reported as an error on the old online screens ({_SR} §7).
Example: lower case, full-width letters, digits.
Fix: type the name as in the passport, in capitals.
"""),
    source=cited("テンプレートの記載要領（氏名: 旅券と同じ綴り、半角英字大文字、スペース区切り、104文字以内; template-reference §5）; "
                 "小文字は旧画面でエラー（dejimalaw.com、gyosei.xyz/sinseionline; system-rules §7）。",
                 "the template's instructions (name: passport spelling, half-width capitals, space-separated, at most 104; "
                 "template-reference §5); lower case rejected on the old screens (dejimalaw.com, gyosei.xyz/sinseionline; system-rules §7)."))
