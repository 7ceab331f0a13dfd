"""ZL405 1gou-without-support: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: 1号 applicants without the 登録支援機関 answer. Only when the menu status is 特定技能 (ssw.is_ssw).
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"
_SR = "system-rules"


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.ssw import gou, is_ssw
    if not is_ssw(F):
        return []
    return [BCheck("ZL405", "support_choice", lambda F: ~((gou(F) == 1) & ~F.filled("support_choice")))]


SSW_1GOU_WITHOUT_SUPPORT = rule(
    "ZL405", "1gou-without-support", "warning",
    on="applicant-frame", by=__name__, params=('label',), check=check,
    summary=("１号なのに支援の方法が選ばれていません", "1号 without a support arrangement"),
    message=("特定技能１号の申請です。{label}（委託する／委託しない）を選んでください。",
             "This is a 1号 application; answer {label} (entrust / not entrust)."),
    explain=(f"""
何を調べるか: １号の申請で、登録支援機関への全部委託の有無（区分V「特定技能1号での在留を希望し登録支援機関に…」）が空でないか。
なぜ問題か: １号には1号特定技能外国人支援計画があり、全部を登録支援機関に委託するか自社で支援体制（33）〜（41）を
持つ必要があります（{_TR} §9a-7, §10, {_SR} §8.2）。列項目TBLはこの欄を必須にしていないため、公式ツールは見逃します。
支援計画は添付資料で示すため、審査で確認される事項として警告にします。
例: １号で支援の委託の有無が空欄。
直し方: 「委託する」なら登録支援機関欄、「委託しない」なら自社支援欄を入力してください。
""", f"""
What it checks: a 1号 application answers whether support is entirely entrusted to a registered support organisation.
Why: 1号 needs a support plan run by an organisation or in-house ({_TR} §9a-7, §10, {_SR} §8.2); 列項目TBL does not mark
this field required, so the official tool misses it. The plan itself is an attachment, so this is a warning.
Example: 1号 with the entrust question blank.
Fix: choose entrust (fill the organisation) or not entrust (fill the in-house support items).
"""),
    source=cited("入管法第2条の5・特定技能基準省令第3条、第4条: １号には1号特定技能外国人支援計画が必要（yamato-gyosei02.com; system-rules §8.2）。",
                  "Immigration Control Act art. 2-5 and the standards ordinance arts. 3-4: 1号 needs a support plan (yamato-gyosei02.com; system-rules §8.2)."))
