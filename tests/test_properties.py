"""Property tests (hypothesis) on in-memory workbooks of all three procedures (no xlsx per example).

A WorkbookData is built from SheetGrid lists of lists: the menu with the version banner and the
status, each input sheet with its row-5 labels and rows taken from the golden fixtures whose rows 8-9
the official checker accepts (tests/golden/*_clean, and henkou_p rows 8-9 under 留学). Hypothesis picks
the procedure, the row, the field and the value; CI runs 200 examples of each main property,
derandomized (a fixed seed: no flaky CI). fuzz/fuzz_workbooks.py explores at random for longer.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from hypothesis import HealthCheck, example, given, settings, strategies as st

from linter.engine import Options, lint_workbook
from linter.findings import FileResult
from linter.workbook import SheetGrid, WorkbookData
from schemas import rules as R
from schemas.cells import cell_text, col_index, col_letter
from schemas.snapshot import FIRST_ROW, LABEL_ROW
from tests.conftest import SSW, golden_rows, snapshot

ON = dt.date(2026, 5, 1)
# (golden fixture, procedure, menu status, number of clean rows from row 8)
FIXTURES = [("henkou_v_clean", "henkou", SSW, 2), ("koushin_v_clean", "koushin", SSW, 2),
            ("nintei_v_clean", "nintei", SSW, 2), ("henkou_p", "henkou", "留学 Student", 2)]
MAIN = settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
SIDE = settings(max_examples=50, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
OFFICIAL_KINDS = ("ZL101", "ZL102", "ZL103", "ZL104", "ZL105", "ZL106", "ZL107")


@lru_cache(maxsize=None)
def clean_rows(fixture: str) -> tuple:
    """The fixture's clean rows as {sheet: [row, …]} (frozen as a tuple of items for the cache)."""
    n = next(f[3] for f in FIXTURES if f[0] == fixture)
    return tuple((s, tuple(rs[:n])) for s, rs in golden_rows(fixture).items())


def rows_of(fixture: str) -> dict[str, list[dict]]:
    return {s: [dict(r) for r in rs] for s, rs in clean_rows(fixture)}


def grid_rows(snap, sheet: str, rows: list[dict], first: int = FIRST_ROW, extra_cols: int = 0) -> list[list]:
    headers = snap.headers.get(sheet, {})
    width = max([col_index(c) for c in headers] + [col_index(c) for r in rows for c in r] + [1]) + 1 + extra_cols
    out = [[None] * width for _ in range(first - 1 + len(rows))]
    out[0][1] = sheet
    out[LABEL_ROW - 1][0] = "論理項目名"
    for c, label in headers.items():
        out[LABEL_ROW - 1][col_index(c)] = label
    for i, row in enumerate(rows):
        for c, v in row.items():
            out[first - 1 + i][col_index(c)] = v
    return out


def workbook(procedure: str, status: str, rows: dict[str, list], blank_as=None, extra_cols: int = 0) -> WorkbookData:
    snap = snapshot(procedure)
    menu = [[None] * 4 for _ in range(15)]
    menu[0][1] = snap.banner
    menu[14][3] = status
    grids = {"メニュー": SheetGrid("メニュー", menu)}
    for s, rs in rows.items():
        g = grid_rows(snap, s, rs, extra_cols=extra_cols)
        if blank_as is not None:         # every blank cell of the data rows written as `blank_as`
            for r in g[FIRST_ROW - 1:]:
                r[1:] = [blank_as if v is None else v for v in r[1:]]
        grids[s] = SheetGrid(s, g)
    names = list(grids)
    return WorkbookData(path="<memory>", sheet_names=names, visible={n: True for n in names}, grids=grids)


def lint(procedure, status, rows, **kw) -> FileResult:
    return lint_workbook(workbook(procedure, status, rows, **kw), Options(on=ON, lang="en"))


def signature(res: FileResult):
    return sorted((f.rule, f.severity, f.sheet or "", f.cell or "", f.message) for f in res.findings)


@lru_cache(maxsize=None)
def baseline(fixture: str):
    _, procedure, status, _ = next(f for f in FIXTURES if f[0] == fixture)
    return signature(lint(procedure, status, rows_of(fixture)))


def fixture_of(name):
    return next(f for f in FIXTURES if f[0] == name)


@st.composite
def row_and_field(draw):
    """(fixture, row index, sheet, column): any header column of any input sheet of any procedure."""
    name = draw(st.sampled_from([f[0] for f in FIXTURES]))
    rows = rows_of(name)
    snap = snapshot(fixture_of(name)[1])
    sheet = draw(st.sampled_from(sorted(rows)))
    col = draw(st.sampled_from(sorted(snap.headers[sheet], key=col_index)))
    return name, draw(st.integers(0, fixture_of(name)[3] - 1)), sheet, col


texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
    st.sampled_from(["", " ", "\u3000", "#N/A", "=1+1", "\ufeff", "0", "-1", "1e309", "99999999999999999999",
                     "１２３", "ｱｲｳ", "\U0001F600", "a\nb", "\t", "\x00", "無 No", "有 Yes"]),
)
values = st.one_of(texts, st.none(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                   st.dates(min_value=dt.date(1, 1, 1)))


def with_value(name, i, sheet, col, value) -> dict:
    rows = rows_of(name)
    rows[sheet][i][col] = value
    return rows


def test_the_clean_rows_have_no_official_error():
    """What the official checker accepts, the engine accepts too (the goldens' clean rows, every procedure)."""
    for name, procedure, status, _ in FIXTURES:
        bad = [s for s in baseline(name) if s[0] in OFFICIAL_KINDS]
        assert not bad, (name, bad)


@MAIN
@given(case=row_and_field(), value=values)
@example(case=("henkou_v_clean", 0, "申請情報入力(在留資格変更許可申請)", "B"), value=float("inf"))  # once crashed cell_text
@example(case=("henkou_v_clean", 0, "申請情報入力(在留資格変更許可申請)", "B"), value=float("nan"))
def test_any_value_in_any_field_never_raises(case, value):
    name, i, sheet, col = case
    _, procedure, status, n = fixture_of(name)
    res = lint(procedure, status, with_value(name, i, sheet, col, value))
    assert isinstance(res, FileResult) and not res.unreadable
    assert not [f for f in res.findings if f.rule == "ZL033"]
    for f in res.findings:
        assert R.get(f.rule).code == f.rule and f.message
    assert res.applicants == n


def _equivalent_forms(draw, text: str):
    """Two representations of the same cell value that a workbook reader may hand over, or None."""
    if text.isdigit() and not text.startswith("0") and len(text) <= 15:
        return int(text), float(text)                   # openpyxl gives int, calamine float
    if len(text) == 8 and text.isdigit():
        try:
            d = dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            return None
        return d, dt.datetime(d.year, d.month, d.day)   # a date cell, read as date or as midnight
    return None


@MAIN
@given(case=row_and_field(), data=st.data())
def test_equivalent_representations_give_the_same_findings(case, data):
    """A number as int or float, a date as date or midnight datetime, a blank as None or '': same findings.

    The value is drawn so that there is something to normalise: a digit string of the field's own value
    or a random one, a date, or a blank."""
    name, i, sheet, col = case
    _, procedure, status, _ = fixture_of(name)
    own = cell_text(rows_of(name)[sheet][i].get(col))
    kind = data.draw(st.sampled_from(["number", "date", "blank"]))
    if kind == "number":
        text = own if own.isdigit() and not own.startswith("0") and len(own) <= 15 else \
            str(data.draw(st.integers(1, 10**15 - 1)))
        a, b = int(text), float(text)
    elif kind == "date":
        d = data.draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
        a, b = d, dt.datetime(d.year, d.month, d.day)
    else:
        a, b = None, ""
    assert type(a) is not type(b)
    sa = signature(lint(procedure, status, with_value(name, i, sheet, col, a)))
    sb = signature(lint(procedure, status, with_value(name, i, sheet, col, b)))
    assert sa == sb


def _shift_cell(cell: str, by: int) -> str:
    letters = cell.rstrip("0123456789")
    return f"{letters}{int(cell[len(letters):]) + by}"


@MAIN
@given(name=st.sampled_from([f[0] for f in FIXTURES]), data=st.data())
def test_a_clean_row_stays_clean_after_safe_normalisations(name, data):
    """The clean rows moved down below copies of themselves, every blank cell written as '' instead of
    None, and blank cells added right of the data: each moved row has exactly the findings it had at the
    top (rule, severity, sheet, column), and still no official error."""
    _, procedure, status, n = fixture_of(name)
    down = data.draw(st.integers(1, 10))
    blank = data.draw(st.sampled_from(["", None]))
    extra = data.draw(st.integers(0, 20))
    assert blank == "" or extra > 0 or down > 0          # always something to normalise (down >= 1)
    clean = rows_of(name)
    rows = {s: [dict(rs[k % n]) for k in range(down)] + [dict(r) for r in rs] for s, rs in clean.items()}
    res = lint(procedure, status, rows, blank_as=blank, extra_cols=extra)
    assert not res.unreadable and res.applicants == down + n
    moved = sorted((r, sev, sh, _shift_cell(c, -down), m) for r, sev, sh, c, m in signature(res)
                   if c and int(c.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) >= FIRST_ROW + down)
    # the rows above are copies of the same people: the rules that compare rows (ZL3xx contradictions and
    # duplicates, ZL208 one notification address for several applicants) rightly see them; the rest may not
    def cell_kinds(sig):
        return sorted({(r, sev, sh, c.rstrip("0123456789")) for r, sev, sh, c, _ in sig
                       if c and not r.startswith("ZL3") and r != "ZL208"})
    top = [s for s in baseline(name) if s[3]]
    assert cell_kinds(moved) == cell_kinds(top)
    assert not [s for s in moved if s[0] in OFFICIAL_KINDS]


@settings(SIDE, max_examples=20)
@given(case=row_and_field(), value=texts)
def test_findings_are_deterministic(case, value):
    name, i, sheet, col = case
    _, procedure, status, _ = fixture_of(name)
    rows = with_value(name, i, sheet, col, value)
    assert signature(lint(procedure, status, rows)) == signature(lint(procedure, status, rows))


@SIDE
@given(case=row_and_field(), value=texts)
def test_a_value_in_one_row_gives_no_cell_finding_on_another_row(case, value):
    """Cell-level rules (ZL1xx) about one row's value are reported on that row."""
    name, i, sheet, col = case
    _, procedure, status, _ = fixture_of(name)
    res = lint(procedure, status, with_value(name, i, sheet, col, value))
    base = {(rule, cell) for rule, _, _, cell, _ in baseline(name)}
    for f in res.findings:
        if f.rule.startswith("ZL1") and (f.rule, f.cell) not in base:
            assert f.row == FIRST_ROW + i, f


def test_col_letter_roundtrip():
    for k in (0, 25, 26, 701, 702, 16383):
        assert col_index(col_letter(k)) == k
