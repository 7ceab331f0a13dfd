"""ZL408 field-code-gou-mismatch: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: an old 特定産業分野 code carrying its 号 against the 号 applied for.
Only when the menu status is 特定技能 (ssw.is_ssw).
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def check(F) -> list:
    import pandas as pd
    from schemas.business import BCheck
    from schemas.business.frame import ssw_number
    from schemas.business.ssw import gou, is_ssw
    if not is_ssw(F):
        return []
    # 更新 2026/02/27: old 分野 codes carry their 号 (建設分野（特定技能１号）)
    return [BCheck("ZL408", k, lambda F, k=k: pd.Series(
        [not g or not (n := ssw_number(t)) or n == g for g, t in zip(gou(F), F.s(k))], index=F.df.index),
        lambda F, i: {"gou": gou(F).iat[i]})
        for k in [k for k in F.locs if k.startswith("field")]]


FIELD_CODE_GOU_MISMATCH = rule(
    "ZL408", "field-code-gou-mismatch", "error",
    on="applicant-frame", by=__name__, params=('label', 'value', 'gou'), check=check,
    summary=("分野の号が申請の号と違います", "Field code of another 号"),
    message=("{label}「{value}」は申請の号（特定技能{gou}号）と違う号の分野コードです。",
             "{label} 「{value}」 is a field code of another 号 than the application's (特定技能 {gou}号)."),
    explain=(f"""
何を調べるか: 号ごとに分かれた旧分野コード（更新 2026/02/27 版: 「建設分野（特定技能１号）」等）の号が、申請の号
（更新: 現に有する在留資格）と同じか。
なぜ問題か: 旧コードは号ごとに別コードです（{_TR} §8 CC04, §12）。号の違うコードは別の分野として扱われます。
例: １号の更新で「外食業分野（特定技能２号）」。
直し方: 申請の号に合った分野を選び直してください。
""", f"""
What it checks: old field codes split by 号 (renewal template 2026/02/27: 「建設分野（特定技能１号）」 ...) carry the 号
applied for.
Why: the old codes are distinct per 号 ({_TR} §8, §12).
Example: 1号 renewal with 「外食業分野（特定技能２号）」.
Fix: choose the field of the right 号.
"""),
    source=cited("更新テンプレート 2026/02/27 版の分野コード表 CC04 は旧コードを号ごとに分けています（template-reference §8, §12）。",
                  "the 2026/02/27 renewal template's code list CC04 splits old field codes by 号 (template-reference §8, §12)."))
