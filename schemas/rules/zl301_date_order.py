"""ZL301 date-order: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: every start/end date pair the row-5 labels name
(contradictions.order_pairs), reported on the end date, naming the start.
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business.contradictions import order_pairs
    # date order: every start/end pair the column table names (reported on the end, naming the start)
    return [_order("ZL301", F, end, start, parse=parse) for start, end, parse in order_pairs(F)]


def _order(code, F, later, earlier, parse):
    from schemas.business import BCheck
    from schemas.business.contradictions import _le
    return BCheck(code, later, lambda F: _le(F, earlier, later, parse),
                  lambda F, i: {"other": f"{F.where(earlier, i)}（{F.label(earlier)}）", "other_value": F.v(earlier, i)})


DATE_ORDER = rule(
    "ZL301", "date-order", "error",
    on="applicant-frame", by=__name__, params=('label', 'value', 'other', 'other_value'), check=check,
    summary=("終わりの日付が始まりより前です", "End date before start date"),
    message=("{label}「{value}」が {other}「{other_value}」より前です。",
             "{label} 「{value}」 is before {other} 「{other_value}」."),
    explain=(f"""
何を調べるか: 列項目TBLの項目名が組にしている日付すべて（どの区分シート・手続でも）: 「…(始期)」と「…(終期)」、
「入社」と「退社」、「出国予定年月日」と「再入国予定年月日」、「入学」と「卒業」、「開始」と「終了」。始まりの項目の右にある
最も近い対の項目と組にします（職歴・経歴の欄は順に組になります）。どちらも実在する日付のときだけ比べ、年月と年月日の組は
年月で比べます。報告は終わりの側のセルに出し、始まりのセルを示します。
なぜ問題か: 期間が逆転した申請は内容不備です（{_TR} §9c）。公式ツールは日付の前後を調べません。
例: 雇用契約 始期 20260501・終期 20250430。
直し方: どちらが誤りか確認して直してください。
""", f"""
What it checks: every pair of dates the column table's labels name, on any 区分 sheet and procedure: 「…(始期)」/
「…(終期)」, 入社/退社, 出国予定年月日/再入国予定年月日, 入学/卒業, 開始/終了. A start field pairs with the nearest
matching end field to its right (job and career slots pair in order). Compared only when both are real
dates; a month against a day compares months. Reported on the end cell, naming the start cell.
Why: a reversed period is a defect of the application ({_TR} §9c); the tool does not compare dates.
Example: contract start 20260501, end 20250430.
Fix: correct whichever date is wrong.
"""),
    source=cited("列項目TBLの項目名が定める期間（(始期)/(終期)、入社/退社、出国/再入国予定年月日）: 期間の終わりが始まりより前の申請は内容が自己矛盾します（template-reference §9c）。",
                  "the periods the column table's labels define ((始期)/(終期), 入社/退社, 出国/再入国予定年月日): an end before its start contradicts itself (template-reference §9c)."))
