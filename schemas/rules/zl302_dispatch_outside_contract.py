"""ZL302 dispatch-outside-contract: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: the 派遣期間 within the 特定技能 雇用契約期間.
"""
from __future__ import annotations

from . import unverified, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.contradictions import _le
    # dispatch within the contract
    return [BCheck("ZL302", "dispatch_start", lambda F: _le(F, "contract_start", "dispatch_start"),
                   lambda F, i: {"other": f"{F.where('contract_start', i)}（{F.label('contract_start')}）",
                                 "other_value": F.v("contract_start", i)}),
            BCheck("ZL302", "dispatch_end", lambda F: _le(F, "dispatch_end", "contract_end"),
                   lambda F, i: {"other": f"{F.where('contract_end', i)}（{F.label('contract_end')}）",
                                 "other_value": F.v("contract_end", i)})]


DISPATCH_OUTSIDE_CONTRACT = rule(
    "ZL302", "dispatch-outside-contract", "warning",
    on="applicant-frame", by=__name__, params=('label', 'value', 'other', 'other_value'), check=check,
    summary=("派遣期間が雇用契約期間の外にあります", "Dispatch period outside the employment contract"),
    message=("{label}「{value}」が雇用契約期間の外です（{other}「{other_value}」）。",
             "{label} 「{value}」 is outside the employment contract ({other} 「{other_value}」)."),
    explain=(f"""
何を調べるか: 派遣期間の始期が雇用契約の始期以後、終期が雇用契約の終期以前か。
なぜ問題か: 派遣は特定技能雇用契約に基づくもので、契約期間を超えて派遣することはできません（{_TR} §9c）。
契約の更新予定などもあり得るため、審査で確認される事項として警告にします。
例: 雇用契約 20260501〜20290430 に対し派遣期間 20260401〜。
直し方: 派遣期間か雇用契約期間を直してください。
""", f"""
What it checks: the dispatch period starts on or after the contract start and ends on or before the contract end.
Why: dispatch happens under the employment contract and cannot exceed it ({_TR} §9c); a renewal of the contract
may be planned, so this is a warning.
Example: contract 20260501–20290430, dispatch from 20260401.
Fix: correct the dispatch or the contract period.
"""),
    source=unverified("派遣期間が雇用契約期間の内にあることを定める一次資料は確認できていません（template-reference §9c）。",
                      "no primary source verified for 'the dispatch period lies within the contract' (template-reference §9c)."))
