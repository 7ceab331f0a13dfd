"""Trust: every rule states its source and earns its severity; generic rules work on every status.

The severity policy (README 「重大度の方針」): an error only when the official tool rejects the value, the
online system rejects it, or a cited rule makes it wrong; an unverified rule is never an error.
"""
from __future__ import annotations

import copy
import datetime as dt

import openpyxl
import pytest

from linter.engine import Options, lint_path
from schemas import rules as R
from schemas.business.frame import find_cols
from conftest import golden_rows, snapshot

HENKOU = "申請情報入力(在留資格変更許可申請)"
ON = dt.date(2026, 5, 1)


# -- the policy, enforced ------------------------------------------------------------------------------
def test_every_rule_has_a_source_line():
    for r in R.all_rules():
        assert r.source is not None, r.code
        assert r.source.kind in R.SOURCE_KINDS, r.code
        ja, en = r.explain("ja").splitlines(), r.explain("en").splitlines()
        assert any(line.startswith("根拠:") for line in ja), r.code
        assert any(line.startswith("Source:") for line in en), r.code


def test_no_unverified_error():
    for r in R.all_rules():
        if r.severity == "error":
            assert r.source.kind in ("official-tool", "online-system", "cited", "linter"), r.code
        if r.source.kind == "unverified":
            assert r.severity != "error", r.code
    # "linter" (the file was not checked) is only for the few rules that say so
    assert {r.code for r in R.all_rules() if r.source.kind == "linter"} <= {"ZL021", "ZL025", "ZL032", "ZL033"}


def test_registry_refuses_an_unverified_error():
    with pytest.raises(AssertionError):
        R.rule("ZL999", "x", "error", summary=("a", "a"), message=("a", "a"), explain=("a", "a"),
               source=R.unverified("a", "a"))
    assert "ZL999" not in R.RULES


def test_cli_rules_shows_the_source_kind():
    from click.testing import CliRunner
    from linter.cli import main
    out = CliRunner().invoke(main, ["rules"]).output
    line = next(ln for ln in out.splitlines() if ln.startswith("ZL213"))
    assert line.split()[1:3] == ["info", "unverified"]
    line = next(ln for ln in out.splitlines() if ln.startswith("ZL501"))
    assert line.split()[1:3] == ["error", "online-system"]


# -- ZL301 on statuses other than 特定技能, pairs found from the labels ---------------------------------
def _other_status(procedure: str, prefix: str):
    return next(st for st in snapshot(procedure).statuses if st.label.startswith(prefix))


def _common_rows(procedure: str = "henkou") -> list[dict]:
    return copy.deepcopy(golden_rows(f"{procedure}_v_clean")[HENKOU])


@pytest.mark.parametrize("prefix, start_label, end_label, start, end", [
    # 教授 (区分I): job history, month form; the 4-digit year twin (month unknown) is not a date of its own
    ("教授", "職歴入社年月", "職歴退社年月", "202004", "201903"),
    # 技能実習 (区分Y): the training period, day form
    ("技能実習", "技能実習期間(始期)", "技能実習期間(終期)", "20240401", "20230331"),
])
def test_date_order_on_other_statuses(make_workbook, prefix, start_label, end_label, start, end):
    st = _other_status("henkou", prefix)
    heads = snapshot("henkou").headers[st.sheet]
    s_col = find_cols(heads, start_label, "suffix")[0]
    e_col = find_cols(heads, end_label, "suffix")[0]
    rows = {HENKOU: _common_rows(), st.sheet: [{s_col: start, e_col: end}, {s_col: end, e_col: start}]}
    res = lint_path(make_workbook("henkou", rows, status=st.label), Options(on=ON))
    got = [f for f in res.findings if f.rule == "ZL301"]
    assert [(f.sheet, f.cell) for f in got] == [(st.sheet, f"{e_col}8")], [(f.rule, f.cell) for f in res.findings]


def test_year_only_job_field_is_not_a_bad_date(make_workbook):
    """区分I 職歴: with the month unknown the year goes to a 4-digit field; that is not a broken YYYYMM."""
    st = _other_status("henkou", "教授")
    heads = snapshot("henkou").headers[st.sheet]
    year_col = find_cols(heads, "職歴入社年月")[1]
    rows = {HENKOU: _common_rows(), st.sheet: [{year_col: "2019"}, {}]}
    res = lint_path(make_workbook("henkou", rows, status=st.label), Options(on=ON))
    assert not [f for f in res.findings if f.rule in ("ZL201", "ZL301") and f.cell == f"{year_col}8"]


# -- ZL029 / ZL108: columns the status itself hides ------------------------------------------------------
def _hide(path, sheet, cols):
    wb = openpyxl.load_workbook(path)
    for c in cols:
        wb[sheet].column_dimensions[c].hidden = True
    wb.save(path)
    return path


def test_status_hidden_columns_are_expected_and_their_data_is_not_applicable(make_workbook):
    st = _other_status("henkou", "教授")
    assert st.hidden_cols == ["BN:BP"]
    rows = {HENKOU: _common_rows(), st.sheet: [{"BN": "データ"}, {}]}
    path = _hide(make_workbook("henkou", rows, status=st.label), st.sheet, ["BN", "BO", "BP"])
    res = lint_path(path, Options(on=ON))
    assert not [f for f in res.findings if f.rule == "ZL029"], [(f.rule, f.cell) for f in res.findings]
    got = [(f.rule, f.sheet, f.cell) for f in res.findings if f.rule == "ZL108"]
    assert got == [("ZL108", st.sheet, "BN8")]
    msg = next(f.message for f in res.findings if f.rule == "ZL108")
    assert "教授" in msg


def test_other_hidden_columns_with_data_are_still_reported(make_workbook):
    st = _other_status("henkou", "教授")
    heads = snapshot("henkou").headers[st.sheet]
    col = find_cols(heads, "職歴勤務先名称(英字表記)")[0]      # not hidden for 教授
    rows = {HENKOU: _common_rows(), st.sheet: [{col: "ABC CO LTD"}, {}]}
    path = _hide(make_workbook("henkou", rows, status=st.label), st.sheet, [col])
    res = lint_path(path, Options(on=ON))
    assert [f.rule for f in res.findings if f.rule == "ZL029"] == ["ZL029"]
    assert not [f for f in res.findings if f.rule == "ZL108" and "メニューの選択で非表示" in f.message]


# -- a business check that raises is never a silent pass -------------------------------------------------
def test_a_raising_business_check_is_reported_as_zl033(make_workbook, monkeypatch):
    from schemas.rules import zl309_pay_below_japanese as zl309

    def boom(F):
        raise RuntimeError("synthetic failure")
    monkeypatch.setattr(zl309, "_pay_ok", boom)
    rows = copy.deepcopy(golden_rows("henkou_v_clean"))
    res = lint_path(make_workbook("henkou", rows), Options(on=ON))
    got = [f for f in res.findings if f.rule == "ZL033"]
    assert len(got) == 1 and got[0].severity == "error"
    assert "ZL309" in got[0].message and "synthetic failure" in got[0].message
    assert not res.unreadable      # the other checks still ran


# -- renewals of statuses whose period labels shorten the status name (the old ZL308 false error) -----------
@pytest.mark.parametrize("status_prefix, current, period", [
    ("技術・人文知識・国際業務", "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services",
     "技術・人文・国際（３年） 3years"),
    ("日本人の配偶者等", "日本人の配偶者等 Spouse or Child of Japanese National", "日本人配偶者（３年） 3years"),
])
def test_renewal_with_shortened_period_label_is_clean(make_workbook, status_prefix, current, period):
    koushin = "申請情報入力(在留期間更新許可申請)"
    st = _other_status("koushin", status_prefix)
    heads = snapshot("koushin").headers[koushin]
    cur_col, period_col = find_cols(heads, "現に有する在留資格")[0], find_cols(heads, "希望する在留期間")[0]
    rows = {koushin: copy.deepcopy(golden_rows("koushin_v_clean")[koushin])}
    for r in rows[koushin]:
        r[cur_col], r[period_col] = current, period
    res = lint_path(make_workbook("koushin", rows, status=st.label), Options(on=dt.date(2026, 5, 25)))
    assert not [f for f in res.findings if f.cell in (f"{period_col}8", f"{period_col}9") and f.severity == "error"], \
        [(f.rule, f.cell, f.message) for f in res.findings if f.severity == "error"]


def test_every_start_date_of_every_sheet_has_its_end():
    """ZL301's pairs come from the labels: every start-date field of every checked sheet finds its end field."""
    import types
    from schemas.business import contradictions
    from schemas.business.formats import date_fields
    from schemas.business.frame import Frame, norm
    starts = ("始期", "入社", "出国予定")
    total = 0
    for procedure in ("henkou", "koushin", "nintei"):
        snap = snapshot(procedure)
        for st in snap.statuses:
            sheets = [snap.common_sheet, st.sheet, "申請情報入力(同時申請)"]
            empty = types.SimpleNamespace(col=lambda c: [""])
            ctx = types.SimpleNamespace(snap=snap, status=st, applicant_rows=[8], options=None,
                                        inputs={s: empty for s in sheets if s in snap.headers})
            F = Frame(ctx)
            paired = {F.locs[k].col for pair in contradictions.order_pairs(F) for k in pair[:2]
                      if F.locs[k].sheet == st.sheet}
            for sheet, col, _, birth, _ in date_fields(F):
                label = norm(snap.headers[sheet].get(col, ""))
                if sheet != st.sheet or birth:
                    continue
                ends = {w: e for w, e in contradictions.PERIOD_WORDS if w in starts}
                word = next((w for w in starts if w in label), None)
                # a start without an end label on the sheet (雇用開始(入社)年月日) is no period
                if word and label.replace(word, ends[word], 1) in {norm(x) for x in snap.headers[sheet].values()}:
                    assert col in paired, (procedure, st.label, col, label)
                    total += 1
    assert total > 100
