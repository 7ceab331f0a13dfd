"""The applicant frame's numpy views (schemas.business.frame): the same answers as the per-cell reading they replace.

Rules compare dates as day/month numbers (`Frame.numbers`) and parse once per distinct value (`per_value`);
these tests hold them to the plain per-cell parse, on random strings and on a real workbook's frame.
"""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from linter.engine import Options, lint_workbook_context
from linter.reader import read_workbook
from schemas.business import load_fields
from schemas.business.contradictions import _month, number_of
from schemas.business.frame import Frame, period_months, to_int, ym, ymd
from tests.conftest import golden_rows

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
# 8 or 6 characters, mostly digits: real dates, impossible days (20260230), month 00/13, non-digits
DATE_LIKE = st.one_of(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(lambda d: d.strftime("%Y%m%d")),
                      st.text("0123456789", min_size=6, max_size=8), st.text("0123456789０/-a", max_size=9))


@SETTINGS
@given(DATE_LIKE, DATE_LIKE)
def test_day_and_month_numbers_keep_the_order_of_the_dates(a, b):
    for parse in (ymd, ym, _month):
        number = number_of(parse)
        pa, pb, na, nb = parse(a), parse(b), number(a), number(b)
        assert (na is None) == (pa is None) and (nb is None) == (pb is None)
        if pa is not None and pb is not None:
            assert (na <= nb) == (pa <= pb) and (na == nb) == (pa == pb)


def test_per_value_and_numbers_equal_the_per_cell_reading(make_workbook):
    rows = golden_rows("henkou_v")       # the golden with planted mistakes: bad dates, periods, numbers
    path = make_workbook("henkou", rows)
    _, ctx = lint_workbook_context(read_workbook(path), Options(on=dt.date(2026, 5, 1)))
    F = Frame(ctx.model)
    load_fields(F)
    F.build()
    keys = [k for k in F.locs if F.present(k).any()]
    assert len(keys) > 40
    for key in keys:
        cells = [str(v) for v in F.s(key)]
        assert F.a(key).tolist() == cells
        assert F.present(key).tolist() == [v != "" for v in cells]
        for fn in (ymd, period_months, to_int):
            assert F.per_value(key, fn).tolist() == [fn(v) for v in cells], (key, fn.__name__)
        for parse in (ymd, ym, _month):
            got = F.numbers(key, number_of(parse)).tolist()
            assert got == [-1 if number_of(parse)(v) is None else number_of(parse)(v) for v in cells], key
    # a field this template lacks reads as empty everywhere
    assert F.a("no such field").tolist() == [""] * F.n and not F.present("no such field").any()
