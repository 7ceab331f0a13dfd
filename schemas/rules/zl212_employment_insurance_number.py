"""ZL212 employment-insurance-number: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: every 雇用保険適用事業所番号 the column table does not already hold
to 11 half-width digits.
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    out = []
    for key in [k for k in F.locs if k.startswith("emp_ins")]:
        loc = F.locs[key]
        f = F.snap.field_at(loc.sheet, loc.col)
        if f is not None and f.exact and f.length == 11 and list(f.classes) == ["半角数字"]:
            continue   # the column table already enforces 11 half-width digits (ZL102/ZL104)
        out.append(BCheck("ZL212", key, lambda F, k=key: ~F.filled(k) | F.s(k).str.fullmatch(r"\d{11}")))
    return out


EMPLOYMENT_INSURANCE_NUMBER = rule(
    "ZL212", "employment-insurance-number", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value'), check=check,
    summary=("雇用保険適用事業所番号は数字11桁です", "Employment insurance office number has 11 digits"),
    message=("{label}「{value}」は数字11桁（ハイフンなし）で入力してください。",
             "{label} 「{value}」 should be 11 digits without hyphens."),
    explain=(f"""
何を調べるか: 雇用保険適用事業所番号が数字11桁か（列項目TBLが既に11桁一致の半角数字としている欄は ZL102/ZL104 に任せます）。
なぜ問題か: 番号は 4桁-6桁-1桁 の11桁です（{_TR} §6）。ハイフン付きでも同じ番号を表すため、警告にとどめます。
例: 「1301-12345」（桁不足）。
直し方: ハイフンを除いた11桁を入力してください。
""", f"""
What it checks: employment insurance office numbers are 11 digits (fields the column table already fixes to
11 half-width digits are left to ZL102/ZL104).
Why: the number has 4-6-1 = 11 digits ({_TR} §6); written with hyphens it is still the same number, so a warning.
Example: 「1301-12345」 (too short).
Fix: enter the 11 digits without hyphens.
"""),
    source=cited("雇用保険適用事業所番号は 4-6-1 の11桁（template-reference §6）。", "the office number has 4-6-1 = 11 digits (template-reference §6)."))
