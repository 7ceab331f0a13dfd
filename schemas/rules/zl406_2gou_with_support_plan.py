"""ZL406 2gou-with-support-plan: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: 2号 applicants with any support-plan cell filled (the columns
from 登録支援機関 on, one check over the group). Only when the menu status is 特定技能 (ssw.is_ssw).
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"
_SR = "system-rules"


def check(F) -> list:
    from schemas.business.frame import STATUS
    from schemas.business.ssw import _group_checks, gou, is_ssw
    from schemas.cells import col_index
    if not is_ssw(F):
        return []
    sheet = F.sheet(STATUS)
    if not (sheet and F.has("support_choice")):
        return []
    start = col_index(F.locs["support_choice"].col)
    cols = sorted((c for c in F.snap.headers.get(sheet, {}) if col_index(c) >= start), key=col_index)
    return _group_checks(F, "ZL406", "support", cols, lambda F: gou(F) == 2)


SSW_2GOU_WITH_SUPPORT_PLAN = rule(
    "ZL406", "2gou-with-support-plan", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value'), check=check,
    summary=("２号なのに支援計画の欄が入力されています", "2号 with support-plan data"),
    message=("特定技能２号の申請ですが、{label}が入力されています（「{value}」）。２号は支援計画の入力は不要です。",
             "This is a 2号 application but {label} is filled (「{value}」); 2号 needs no support plan."),
    explain=(f"""
何を調べるか: ２号の申請で、支援の委託の有無から登録支援機関までの欄が入力されていないか（最初の入力セルに報告）。
なぜ問題か: テンプレートは「特定技能２号の場合は入力不要」としています（{_TR} §6 HC, §10, {_SR} §8.2）。
１号の内容が残っている可能性があります。
例: ２号で「委託する Entrust」。
直し方: 号を確認し、２号なら支援の欄を空にしてください。
""", f"""
What it checks: a 2号 application with any of the support columns (from the entrust question to the registered
support organisation) filled; reported on the first filled cell.
Why: the template says these are not needed for 2号 ({_TR} §6, §10, {_SR} §8.2).
Example: 2号 with 「委託する Entrust」.
Fix: check the 号; for 2号 clear the support columns.
"""),
    source=cited("テンプレートの記載要領「特定技能２号の場合は入力不要」（template-reference §6 HC）。",
                  "the template's instructions: not needed for 特定技能２号 (template-reference §6 HC)."))
