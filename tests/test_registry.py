"""The rule registry is the one place per code: docs, parameters, checks and emitted codes agree with it."""
from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from schemas import rules as R
from schemas.rules.docs import DOC, markdown

REPO = Path(__file__).resolve().parents[1]
PRODUCT = ["linter", "schemas", "xl_addin"]


def test_docs_rules_md_is_current():
    # regenerate with `python -m schemas.rules.docs`
    assert DOC.read_text(encoding="utf-8") == markdown(), "docs/rules.md is stale: run python -m schemas.rules.docs"
    r = CliRunner().invoke(__import__("linter.cli", fromlist=["main"]).main, ["rules", "--markdown"])
    assert r.exit_code == 0 and r.output == markdown()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_rule_renders_with_its_declared_parameters(lang):
    for r in R.all_rules():
        text = r.message(lang, **{p: f"<{p}>" for p in r.params})
        for p in R.template_fields(r.message_en if lang == "en" else r.message_ja):
            assert f"<{p}>" in text, (r.code, p)
        with pytest.raises(KeyError):   # a parameter left out is an error, never a blank
            if r.params:
                r.message(lang, **{p: "x" for p in r.params[1:]})
                r.message("ja", **{p: "x" for p in r.params[1:]})
                r.message("en", **{p: "x" for p in r.params[1:]})
            else:
                raise KeyError("no parameters")


def test_every_rule_has_documentation_and_a_check_in_its_module():
    for r in R.all_rules():
        for lang, heads in (("ja", ("何を調べるか:", "直し方", "根拠:")), ("en", ("What it checks:", "Fix", "Source:"))):
            assert all(h in r.explain(lang) for h in heads), (r.code, lang)
        assert r.source is not None, r.code
        module = importlib.import_module(r.by)       # the check's module exists ...
        assert f'"{r.code}"' in inspect.getsource(module), (r.code, r.by)   # ... and emits this code
        assert r.fix_ja.strip() == "" or r.fix_en.strip(), r.code


def test_every_code_in_the_product_is_registered():
    codes = {r.code for r in R.all_rules()}
    for pkg in PRODUCT:
        for path in (REPO / pkg).rglob("*.py"):
            for code in re.findall(r'"(ZL\d{3})"', path.read_text(encoding="utf-8")):
                assert code in codes, f"{path}: {code} is not a registered rule"


def test_the_business_library_holds_no_rule_of_its_own():
    # the applicant-frame checks live in their rules' units; the library they import names no rule code
    from schemas.business import contradictions, formats, frame, ssw
    for module in (formats, contradictions, ssw, frame):
        assert not re.findall(r'"(ZL\d{3})"', inspect.getsource(module)), module.__name__


def test_every_applicant_frame_rule_is_one_unit():
    # one rule, one file (schemas/rules/zlNNN_<name>.py): its declaration and its check in its own module
    from schemas.business import formats
    frame = [r for r in R.all_rules() if r.on == "applicant-frame"]
    assert len(frame) >= 38
    for r in frame:
        assert r.by == f"{R.__name__}.{r.code.lower()}_{r.name.replace('-', '_')}", (r.code, r.by)
        assert r.by.rpartition(".")[2] in R.rule_modules() and r.by.rpartition(".")[2] not in R.FAMILIES
        assert r.check is not None and r.check is importlib.import_module(r.by).check, r.code
    # the per-cell ones (run over the cell frame, not per applicant) are exactly the units defining cell_ok
    assert set(formats.CELL_CHECKS) == {r.code for r in frame if hasattr(importlib.import_module(r.by), "cell_ok")}


def test_every_run_rule_is_one_unit():
    # the cross-file rules too: declaration and check in one module, run by linter.crossfile through the registry
    run = [r for r in R.all_rules() if r.on == "run"]
    assert {r.code for r in run} >= {"ZL312", "ZL313"}
    for r in run:
        assert r.by == f"{R.__name__}.{r.code.lower()}_{r.name.replace('-', '_')}", (r.code, r.by)
        assert r.check is not None and r.check is importlib.import_module(r.by).check, r.code


def test_a_raising_run_rule_is_zl033_on_that_file(make_workbook, monkeypatch):
    """A cross-file check that raises: ZL033 on each file it raised on; the other run rule still reports."""
    import copy
    import dataclasses
    import datetime as dt

    from linter.engine import Options, lint_path
    from linter.run import apply_run_rules
    from conftest import golden_rows
    rows = golden_rows("henkou_v_clean")
    a = make_workbook("henkou", copy.deepcopy(rows), name="a.xlsx")
    b = make_workbook("henkou", copy.deepcopy(rows), name="b.xlsx")

    def boom(seen, path, keys):
        raise RuntimeError("planted")
    monkeypatch.setitem(R.RULES, "ZL312", dataclasses.replace(R.get("ZL312"), check=boom))
    opts = Options(on=dt.date(2026, 5, 1))
    ra, rb = apply_run_rules([lint_path(p, opts) for p in (a, b)], opts)
    for res in (ra, rb):
        broken = [f for f in res.findings if f.rule == "ZL033"]
        assert len(broken) == 1 and "ZL312" in broken[0].text("ja") and "planted" in broken[0].text("en")
        assert not [f for f in res.findings if f.rule == "ZL312"]
    assert [f.cell for f in rb.findings if f.rule == "ZL313"] and not [f for f in ra.findings if f.rule == "ZL313"]


def test_every_upload_line_rule_is_one_unit():
    # the upload file's rules too: each a unit over the decoded file (schemas.upload_file), run by linter.upload
    # through the registry; the reader itself names none of their codes
    from linter import upload
    rules = [r for r in R.all_rules() if r.on == "upload-line"]
    assert {r.code for r in rules} == {f"ZL01{n}" for n in range(1, 10)}
    for r in rules:
        assert r.by == f"{R.__name__}.{r.code.lower()}_{r.name.replace('-', '_')}", (r.code, r.by)
        assert r.by.rpartition(".")[2] in R.rule_modules() and r.by.rpartition(".")[2] not in R.FAMILIES
        assert r.check is not None and r.check is importlib.import_module(r.by).check, r.code
    assert R.checks_on("upload-line") == rules
    assert not re.findall(r'"(ZL01[1-9])"', inspect.getsource(upload))


def test_a_raising_upload_line_rule_is_zl033_and_the_others_still_run(tmp_path, monkeypatch):
    """An upload-line check that raises: one ZL033 for that file naming it; every other finding stays."""
    import dataclasses
    import datetime as dt

    from linter.engine import Options
    from linter.upload import lint_upload
    from test_upload import REAL, lines_of, write_upload
    rows = lines_of(REAL)
    rows[0][4] = "txtNameX"          # ZL017 on the header
    rows[1] = rows[1][:-1]           # ZL018 on line 2
    rows.insert(2, [""])             # ZL015 on line 3
    path = write_upload(tmp_path / "SA_03_002_05V1_ver002.csv", rows)      # ZL011
    opts = Options(on=dt.date(2026, 5, 1))
    before = lint_upload(path, opts)
    assert {"ZL011", "ZL015", "ZL017", "ZL018"} <= {f.rule for f in before.findings}

    def boom(f):
        raise RuntimeError("planted")
    monkeypatch.setitem(R.RULES, "ZL017", dataclasses.replace(R.get("ZL017"), check=boom))
    for lang in ("ja", "en"):
        res = lint_upload(path, dataclasses.replace(opts, lang=lang))
        broken = [f for f in res.findings if f.rule == "ZL033"]
        assert len(broken) == 1 and broken[0].severity == "error" and not res.unreadable
        assert "ZL017" in broken[0].message and "planted" in broken[0].message
        assert ("検査済みではありません" in broken[0].message) == (lang == "ja")
    res = lint_upload(path, opts)
    assert [f for f in res.findings if f.rule != "ZL033"] == [f for f in before.findings if f.rule != "ZL017"]


def test_every_layout_rule_is_one_unit():
    # the rules on the file's layout too: declaration and check in one module, given schemas.sheet_layout's view
    file = [r for r in R.all_rules() if r.on == "file"]
    units = [r for r in file if r.check is not None]
    assert {r.code for r in units} >= {"ZL004", "ZL005", "ZL006", "ZL007", "ZL009", "ZL010"}
    for r in units:
        assert r.by == f"{R.__name__}.{r.code.lower()}_{r.name.replace('-', '_')}", (r.code, r.by)
        assert r.by.rpartition(".")[2] in R.rule_modules() and r.by.rpartition(".")[2] not in R.FAMILIES
        assert r.check is importlib.import_module(r.by).check, r.code
    # the others are the reading itself (the reader, the template identity, the reader's look, ZL033): no check here
    assert {r.by for r in file if r.check is None} <= {"linter.reader", "linter.identify", "linter.safety", "linter.engine"}


def test_a_raising_layout_rule_is_zl033_and_the_others_still_run(make_workbook, monkeypatch):
    """A layout check that raises: ZL033 once for that file; every other finding is still there, in order."""
    import copy
    import dataclasses
    import datetime as dt

    from conftest import golden_rows
    from linter.engine import Options, lint_path
    rows = copy.deepcopy(golden_rows("henkou_v_clean"))
    for sheet in rows:                                    # row 9 blank: ZL006 on the common sheet ...
        rows[sheet] = [rows[sheet][0], {}, rows[sheet][1]]
    v = "申請情報入力(区分V)"
    rows[v].append(dict(rows[v][0]))                      # ... and a 区分V row with no common row: ZL007
    book = make_workbook("henkou", rows)
    opts = Options(on=dt.date(2026, 5, 1), fixes=False)
    before = lint_path(book, opts)
    assert {"ZL006", "ZL007"} <= {f.rule for f in before.findings}

    def boom(layout):
        raise RuntimeError("planted")
    monkeypatch.setitem(R.RULES, "ZL006", dataclasses.replace(R.get("ZL006"), check=boom))
    res = lint_path(book, opts)
    got = [f for f in res.findings if f.rule == "ZL033"]
    assert len(got) == 1 and "ZL006" in got[0].text("ja") and "planted" in got[0].text("en")
    assert got[0].severity == "error" and not res.unreadable
    assert [f for f in res.findings if f.rule != "ZL033"] == [f for f in before.findings if f.rule != "ZL006"]


def test_each_unit_gives_checks_of_its_own_code(make_workbook, monkeypatch):
    import datetime as dt
    import schemas.business as B
    from conftest import golden_rows
    from linter.engine import Options, lint_path
    frame = [r for r in R.all_rules() if r.on == "applicant-frame"]
    seen: dict[str, set] = {r.code: set() for r in frame}
    real = B.all_checks

    def recording(F):
        for r in frame:
            seen[r.code].update(c.code for c in r.check(F) if F.has(c.target))
        return real(F)
    monkeypatch.setattr(B, "all_checks", recording)
    for name in ("henkou_v_clean", "koushin_v_clean", "nintei_v_clean"):   # 特定技能, the three procedures
        lint_path(make_workbook(name.split("_")[0], golden_rows(name)), Options(on=dt.date(2026, 5, 1), fixes=False))
    assert all(got <= {code} for code, got in seen.items()), seen
    per_cell = {r.code for r in frame if hasattr(importlib.import_module(r.by), "cell_ok")}
    # silent here by design: the per-cell rules, and ZL212 where the column table already holds 雇用保険適用事業所番号
    # to 11 half-width digits (all three templates)
    assert {code for code, got in seen.items() if not got} == per_cell | {"ZL212"}


def test_a_missing_rule_module_is_an_import_error(monkeypatch):
    monkeypatch.setattr(R, "FAMILIES", R.FAMILIES + ("no_such_rules",))
    with pytest.raises(ImportError):
        R.all_rules()


def test_registry_refuses_undeclared_parameters_and_checks():
    ok = dict(summary=("a", "a"), message=("{x}", "{x}"), explain=("a", "a"), source=R.cited("a", "a"))
    with pytest.raises(AssertionError):
        R.rule("ZL998", "x", "info", on="file", by="linter.engine", params=(), **ok)
    with pytest.raises(AssertionError):
        R.rule("ZL998", "x", "info", on="nowhere", by="linter.engine", params=("x",), **ok)
    with pytest.raises(AssertionError):
        R.rule("ZL998", "x", "info", on="file", params=("x",), **ok)
    assert "ZL998" not in R.RULES


def test_findings_carry_their_parameters_and_render_in_either_language():
    from linter.engine import Options, lint_path
    import datetime as dt
    seen = set()
    for book in sorted((REPO / "sample_workbooks").glob("*mistakes*.xlsx")):
        res = lint_path(book, Options(on=dt.date(2026, 6, 1), fixes=False))
        for f in res.findings:
            rule = R.get(f.rule)                      # every emitted code is registered
            assert f.params is not None, f.rule
            assert set(rule.params) <= set(f.params), (f.rule, rule.params, f.params)
            assert f.text("ja") == f.message          # the stored message is the rendering of rule + params
            assert f.text("en") == rule.message("en", **f.params)
            assert f.location in ("cell", "row", "sheet", "file")
            seen.add(f.rule)
    assert len(seen) >= 10


def test_rule_families_never_call_into_the_engine():
    # the applicant-frame rules read the workbook model and return violations; no engine context, no findings
    for path in (REPO / "schemas").rglob("*.py"):
        src = path.read_text(encoding="utf-8")
        assert "ctx.add" not in src and "ctx.fees" not in src and "ctx.keys" not in src, path
        assert not re.search(r"^\s*(from|import) linter\b", src, re.M), path


def test_a_raising_applicant_check_is_zl033_for_that_file(monkeypatch):
    import datetime as dt
    from linter.engine import Options, lint_path
    from schemas.business import formats

    def boom(*_a, **_k):
        raise RuntimeError("synthetic failure")
    monkeypatch.setattr(formats, "email_ok", boom)
    book = next((REPO / "sample_workbooks").glob("*mistakes*.xlsx"))
    res = lint_path(book, Options(on=dt.date(2026, 6, 1), fixes=False))
    got = [f for f in res.findings if f.rule == "ZL033"]
    assert len(got) == 1 and "ZL207" in got[0].message and "synthetic failure" in got[0].message


def test_a_raising_cell_table_check_is_zl033_and_the_others_still_run(monkeypatch):
    import datetime as dt
    import pandera.pandas as pa
    from linter.engine import Options, lint_path
    from schemas import template_schema as TS
    book = next((REPO / "sample_workbooks").glob("*mistakes*.xlsx"))
    before = lint_path(book, Options(on=dt.date(2026, 6, 1), fixes=False))
    real = TS.sheet_schema

    def boom(df):
        raise RuntimeError("synthetic failure")

    def with_a_broken_check(*args):
        schema = real(*args)
        return pa.DataFrameSchema(columns=schema.columns, checks=[pa.Check(boom, name="ZL103")] + schema.checks)
    monkeypatch.setattr(TS, "sheet_schema", with_a_broken_check)
    res = lint_path(book, Options(on=dt.date(2026, 6, 1), fixes=False))
    got = [f for f in res.findings if f.rule == "ZL033"]
    assert len(got) == 1 and "ZL103" in got[0].message and "synthetic failure" in got[0].message
    assert got[0].severity == "error" and not res.unreadable
    # every other finding is still there
    assert [f for f in res.findings if f.rule != "ZL033"] == before.findings


def test_text_parameter_renders_in_the_findings_language():
    """A parameter that is prose (R.Text) is data in both languages: the message picks the finding's one."""
    from linter.findings import Finding
    from schemas import rules as R
    reason = R.Text("表の検査が例外を出しました", "the table check raised") + R.Text("（1件）", " (1 case)")
    rule = R.get("ZL033")
    f = Finding("ZL033", rule.severity, None, None, None, None, None, rule.message("ja", reason=reason, hint=""),
                params={"reason": reason, "hint": ""})
    assert "表の検査が例外を出しました（1件）" in f.text("ja") and "the table check raised" not in f.text("ja")
    assert "the table check raised (1 case)" in f.text("en") and "表の検査" not in f.text("en")
