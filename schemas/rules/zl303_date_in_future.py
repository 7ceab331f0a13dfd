"""ZL303 date-in-future: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: dates of the past (birth dates, 登録年月日, 受理年月日, 職歴)
not after the filing date (options.on).
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.frame import ym, ymd
    # past dates not after the filing date
    past = [("birth", ymd), ("sim_birth", ymd), ("rso_date", ymd), ("agency_date", ymd)]
    past += [(k, ymd) for k in F.locs if k.startswith("rel_birth")]
    past += [(k, ym) for k in F.locs if k.startswith("job_in") or k.startswith("job_out")]
    return [BCheck("ZL303", key, lambda F, k=key, p=parse: _not_future(F, k, p),
                   lambda F, i: {"on": F.model.options.on.isoformat()})
            for key, parse in past]


def _not_future(F, key: str, parse):
    from schemas.business.contradictions import number_of
    from schemas.business.frame import ym
    on = F.model.options.on
    limit = on.year * 12 + on.month - 1 if parse is ym else on.toordinal()
    x = F.numbers(key, number_of(parse))    # day or month numbers, each value parsed once; -1: no date
    return (x < 0) | (x <= limit)


DATE_IN_FUTURE = rule(
    "ZL303", "date-in-future", "error",
    on="applicant-frame", by=__name__, params=('label', 'value', 'on'), check=check,
    summary=("過去の日付のはずが申請日より後です", "A past date lies after the filing date"),
    message=("{label}「{value}」が申請日（{on}）より後です。",
             "{label} 「{value}」 is after the filing date ({on})."),
    explain=(f"""
何を調べるか: 生年月日（申請人・在日親族・同時申請）、登録支援機関の登録年月日、職業紹介事業者の受理年月日、
職歴の入社・退社年月が申請日（--on、既定は今日）以前か。
なぜ問題か: これらは過去の事実であり、未来の日付は入力誤りです（{_TR} §9c）。
例: 生年月日 20300101、登録年月日が申請日の翌月。
直し方: 正しい日付を入力してください（申請日が違う場合は --on を指定）。
""", f"""
What it checks: birth dates (applicant, relatives, 同時申請), the support organisation's registration date, the
employment agency's acceptance date and job-history months are on or before the filing date (--on, default today).
Why: these are past facts; a future date is a typing error ({_TR} §9c).
Example: birth date 20300101; registration date a month after the filing date.
Fix: enter the right date (or pass the right --on).
"""),
    source=cited("生年月日・登録年月日・受理年月日・職歴の年月は申請日以前の事実です（項目の定義; template-reference §9c）。",
                  "birth, registration and acceptance dates and job-history months are past facts by their definition (template-reference §9c)."))
