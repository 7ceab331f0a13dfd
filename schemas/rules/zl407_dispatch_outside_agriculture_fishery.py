"""ZL407 dispatch-outside-agriculture-fishery: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: a (12)派遣先 cell filled while no 特定産業分野 allows dispatch (one
check over the group). Only when the menu status is 特定技能 (ssw.is_ssw).
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


DISPATCH_FIELDS = ("農業分野", "漁業分野")


def check(F) -> list:
    from schemas.business.frame import STATUS, norm
    from schemas.business.ssw import _group_checks, is_ssw
    from schemas.cells import col_index
    if not is_ssw(F):
        return []
    sheet = F.sheet(STATUS)
    if not sheet:
        return []
    cols = [c for c, lab in sorted(F.snap.headers.get(sheet, {}).items(), key=lambda x: col_index(x[0]))
            if "(12)派遣先" in norm(lab)]
    return _group_checks(F, "ZL407", "dispatch", cols, _not_dispatch_field)


def _not_dispatch_field(F):
    import numpy as np
    from schemas.business.ssw import field_is
    any_filled = np.zeros(F.n, dtype=bool)
    allowed = np.zeros(F.n, dtype=bool)
    for k in (k for k in F.locs if k.startswith("field")):
        any_filled |= F.present(k)
        allowed |= field_is(F, k, DISPATCH_FIELDS).to_numpy()
    return any_filled & ~allowed


DISPATCH_OUTSIDE_AGRICULTURE_FISHERY = rule(
    "ZL407", "dispatch-outside-agriculture-fishery", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value'), check=check,
    summary=("農業・漁業以外で派遣先が入力されています", "Dispatch data for a field other than agriculture/fishery"),
    message=("{label}が入力されていますが（「{value}」）、派遣は農業分野・漁業分野だけです。",
             "{label} is filled (「{value}」) but dispatch is allowed only in agriculture and fishery."),
    explain=(f"""
何を調べるか: 特定産業分野に農業分野・漁業分野がないのに (12)派遣先 の欄が入力されていないか（最初の入力セルに報告）。
なぜ問題か: 特定技能は直接雇用が原則で、派遣は農業・漁業に限られます（{_TR} §10; ISA の特定技能ガイドブックで分野ごとの雇用形態が
「直接」「直接、派遣」とされています）。申請を止める規則ではなく審査で確認される事項のため警告です。
例: 外食業分野で派遣先の名称を入力。
直し方: 分野か派遣先の欄を直してください。
""", f"""
What it checks: (12) dispatch columns filled while no field is agriculture or fishery (first filled cell).
Why: 特定技能 is direct employment; dispatch only in agriculture and fishery ({_TR} §10; ISA's 特定技能 guidebook lists
the employment form of each field as direct or direct/dispatch); the examiner will ask, hence a warning.
Example: food service field with a dispatch destination.
Fix: correct the field or clear the dispatch columns.
"""),
    source=cited("特定技能の雇用形態は直接雇用、派遣は農業・漁業分野のみ（特定技能ガイドブック www.moj.go.jp/isa/content/930006033.pdf を出典とする gagr.co.jp/specific/農業; global-saiyo-lab.jp、cipenglishschool.com）。",
                  "特定技能 is direct employment; dispatch only in agriculture and fishery (ISA guidebook 930006033.pdf as cited by gagr.co.jp; global-saiyo-lab.jp, cipenglishschool.com)."))
