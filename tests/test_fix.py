"""Fixes (linter.fixes, `zairyu-lint fix`): what is fixed, that nothing else changes, and that the fixed
copies check clean where they were fixed (our re-check, and the official checker's golden)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from linter.cli import main
from linter.engine import Options, lint_path
from linter.fixes import column_facts, fix_file, fold, to_full
from linter.reader import read_workbook
from devtools.samplegen import SAMPLES
from schemas.cells import cell_text, col_index
from schemas.charclass import class_pattern
from schemas.template_schema import sheet_plan

from conftest import GOLDEN, SSW, golden_rows, snapshot

REPO = Path(__file__).resolve().parents[1]
SAMPLES_DIR = REPO / "sample_workbooks"
MISTAKES = SAMPLES_DIR / "koushin_ssw_mistakes.xlsx"
ON = dt.date(2026, 12, 1)
OPTIONS = Options(on=ON)
C = "申請情報入力(在留期間更新許可申請)"
V = "申請情報入力(区分V)"


def sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def keys(result) -> set[tuple]:
    return {(f.rule, f.sheet, f.cell or str(f.row)) for f in result.findings}


def assert_fix_is_clean(src: Path, out: Path, unsafe: bool = False):
    """After fix: every finding a (applied) fix resolves is gone, and no finding is new."""
    before = lint_path(src, OPTIONS)
    run = fix_file(src, out, OPTIONS, unsafe=unsafe)
    after = lint_path(out, OPTIONS)
    fixed = {(f.rule, f.sheet, f.cell) for f in before.findings
             if f.fix is not None and (f.fix.safe or unsafe)}
    assert not fixed & keys(after), "a fixable finding survived the fix"
    # nothing new but a warning that a fixed value lets a rule read (e.g. the 5-year count once 満了日 is a real
    # date) on a row the fix changed; never a new error
    new = [f for f in after.findings if (f.rule, f.sheet, f.cell or str(f.row)) not in keys(before)]
    assert all(f.severity != "error" and f.row in {c.row for c in run.applied} for f in new), \
        f"new findings: {[(f.rule, f.severity, f.sheet, f.cell) for f in new]}"
    # (a fix can also resolve a finding of another cell: a list parent spelled right clears its child's ZL106)
    assert len(run.applied) == len({(c.sheet, c.cell) for c in run.applied})
    # what check marks (planned on the changed rows only) is what fix finds (planned on the whole workbook)
    marked = {(f.rule, f.sheet, f.cell, f.fix.to_json()["replacement"]) for f in before.findings
              if f.fix is not None and (f.fix.safe or unsafe)}
    planned = {(f.rule, f.sheet, f.cell, f.fix.replacement) for f in run.result.findings
               if f.fix is not None and (f.fix.safe or unsafe)}
    assert marked == planned
    return before, run, after


# --- the mistakes sample: the mechanical mistakes of sample_workbooks/README.md are fixed ----------

# from sample_workbooks/README.md (the planted mistakes): the mechanical ones and the fix each needs
MECHANICAL = {
    (C, "N9"): "07052881793",     # mobile phone typed as a number: a Japanese phone number starts with 0
    (C, "I10"): "1606830",        # postal code with a hyphen
    (C, "L12"): "泉町１－１２－１１",  # half-width digits in the 全角 street address
    (C, "T15"): "20270128",       # expiry date typed as an Excel date
    (C, "BW19"): "aung.min.thu58@example.jp",   # full-width ＠
    (V, "EK21"): "2401234567891",  # 法人番号 stored as a number
    (C, "T22"): "20270225",       # expiry date written with slashes
    (V, "IT23"): "２０登２３４５６７",  # 登録番号 with half-width digits
    (C, "I24"): "0600001",        # Hokkaido postal code typed as a number
}
# the other planted mistakes: a person must decide (or an unsafe fix offers a guess)
NOT_MECHANICAL = {(C, "B11"), (C, "V13"), (C, "K14"), (C, "W16"), (C, "E17"), (C, "Y18"), (C, "Z20"), (V, "CS25")}
# once T22 (満了日) is a real date, ZL402 can count row 22's months: 47 + 2 to expiry + the 1 year asked = 61 > 60
REVEALED = {(C, "Y22")}
UNSAFE = {(C, "B11"): "ベトナム Viet Nam", (C, "E17"): "男 male", (V, "CS25"): "250000"}


@pytest.fixture(scope="module")
def mistakes_fixed(tmp_path_factory):
    out = tmp_path_factory.mktemp("fix") / "fixed.xlsx"
    before = sha(MISTAKES)
    result = assert_fix_is_clean(MISTAKES, out)
    assert sha(MISTAKES) == before       # the input is never modified
    return (out,) + result


def test_mistakes_sample_mechanical_ones_fixed(mistakes_fixed):
    out, before, run, after = mistakes_fixed
    assert {(c.sheet, c.cell): c.new for c in run.applied} == MECHANICAL
    assert all(c.safe for c in run.applied)
    assert {(c.sheet, c.cell): c.new for c in run.held_back} == UNSAFE
    wb = read_workbook(out)
    for (sheet, cell), value in MECHANICAL.items():
        v = wb.sheet(sheet).value(int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")), col_index(cell.rstrip("0123456789")))
        assert v == value and isinstance(v, str)
    # what is left are exactly the non-mechanical mistakes (and the blank row)
    left = {(f.sheet, f.cell) for f in after.findings if f.cell and f.cell[0].isalpha()}
    assert left == NOT_MECHANICAL | REVEALED
    assert after.count("error") < before.count("error")
    assert not any(f.fix for f in after.findings if f.fix is not None and f.fix.safe)


def test_mistakes_sample_unsafe_fixes(tmp_path):
    _, run, after = assert_fix_is_clean(MISTAKES, tmp_path / "u.xlsx", unsafe=True)
    assert {(c.sheet, c.cell): c.new for c in run.applied if not c.safe} == UNSAFE
    left = {(f.sheet, f.cell) for f in after.findings if f.cell and f.cell[0].isalpha()}
    assert left == (NOT_MECHANICAL - set(UNSAFE)) | REVEALED


def test_findings_carry_their_fix(mistakes_fixed):
    _, before, _, _ = mistakes_fixed
    by = {(f.rule, f.sheet, f.cell): f.fix for f in before.findings}
    assert by[("ZL602", C, "N9")].to_json() == {"safe": True, "replacement": "07052881793"}
    assert by[("ZL102", C, "I10")].replacement == by[("ZL104", C, "I10")].replacement == "1606830"
    assert by[("ZL105", C, "E17")].to_json() == {"safe": False, "replacement": "男 male"}
    assert by[("ZL101", C, "V13")] is None and by[("ZL106", C, "K14")] is None


# --- every sample and seeded workbook ---------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_sample_fixes_clean(name, tmp_path):
    assert_fix_is_clean(SAMPLES_DIR / name, tmp_path / name, unsafe=False)
    assert_fix_is_clean(SAMPLES_DIR / name, tmp_path / ("u_" + name), unsafe=True)


@pytest.mark.parametrize("golden,procedure", [("henkou_v", "henkou"), ("henkou_p", "henkou"),
                                              ("koushin_v", "koushin"), ("nintei_v", "nintei")])
def test_seeded_golden_workbooks_fix_clean(golden, procedure, make_workbook, tmp_path):
    status = {"henkou_p": "留学 Student"}.get(golden, SSW)
    src = make_workbook(procedure, golden_rows(golden), status=status)
    before, run, after = assert_fix_is_clean(src, tmp_path / "fixed.xlsx", unsafe=True)
    assert run.applied, "the seeded workbooks hold mechanical mistakes"


# --- the lossless copy -----------------------------------------------------------------------------

def parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_only_changed_cells_change(mistakes_fixed):
    import re
    out = mistakes_fixed[0]
    a, b = parts(MISTAKES), parts(out)
    assert set(a) == set(b)
    changed = {n for n in a if a[n] != b[n]}
    # the two edited sheets, styles (a date-formatted cell became text), calcPr of workbook.xml
    assert changed <= {"xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/styles.xml", "xl/workbook.xml"}
    wa, wb_ = a["xl/workbook.xml"].decode(), b["xl/workbook.xml"].decode()
    assert re.sub(r"<calcPr\b[^>]*/>", "", wa) == re.sub(r"<calcPr\b[^>]*/>", "", wb_)
    cell = re.compile(r'<c r="([A-Z]+\d+)"[^>]*?(?:/>|>.*?</c>)', re.S)
    for part in changed - {"xl/styles.xml", "xl/workbook.xml"}:
        xa, xb = a[part].decode(), b[part].decode()
        ma = {m.group(1): m.group(0) for m in cell.finditer(xa)}
        mb = {m.group(1): m.group(0) for m in cell.finditer(xb)}
        diff = {r for r in set(ma) | set(mb) if ma.get(r) != mb.get(r)}
        assert diff <= {cell_ref for (s, cell_ref) in MECHANICAL}
        # outside the cells, the part is unchanged
        assert cell.sub("", xa) == cell.sub("", xb)
        for r in diff:
            assert 't="inlineStr"' in mb[r]
            sa, sb = re.search(r'\bs="(\d+)"', ma[r]), re.search(r'\bs="(\d+)"', mb[r])
            if r != "T15":     # the date cell's format becomes text; every other cell keeps its style
                assert (sa and sa.group(1)) == (sb and sb.group(1))
            else:              # a copy of its format with 「文字列」 (numFmtId 49) instead of the date format
                xfs = re.findall(r"<xf\b[^>]*>", re.search(r"<cellXfs.*?</cellXfs>", b["xl/styles.xml"].decode(), re.S).group())
                assert 'numFmtId="49"' in xfs[int(sb.group(1))] and 'numFmtId="49"' not in xfs[int(sa.group(1))]


def test_official_workbook_parts_kept(tmp_path):
    """A filled official workbook: VBA, names, validations, protection and hidden sheets byte-identical."""
    from test_annotate import fill_official
    from conftest import official
    rows = golden_rows("henkou_v")
    values = {s: {f"{c}{8 + i}": cell_text(v) for i, row in enumerate(rs) for c, v in row.items() if cell_text(v) != ""}
              for s, rs in rows.items()}
    src = fill_official(official("henkou"), tmp_path / "filled.xlsm", values, SSW)
    out = tmp_path / "fixed.xlsm"
    before = sha(src)
    run = fix_file(src, out, OPTIONS, unsafe=True)
    assert sha(src) == before and run.applied
    a, b = parts(src), parts(out)
    assert set(a) == set(b)
    changed = {n for n in a if a[n] != b[n]}
    from linter.xlsx_package import Package
    sheet_parts = {s.name: s.part for s in Package(src).sheets()}
    allowed = {sheet_parts[c.sheet] for c in run.applied} | {"xl/styles.xml", "xl/workbook.xml"}
    assert changed <= allowed
    for n in ("xl/vbaProject.bin", "xl/sharedStrings.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"):
        assert a[n] == b[n]
    after = lint_path(out, OPTIONS)
    assert not {(f.rule, f.sheet, f.cell) for f in run.result.findings if f.fix} & keys(after)


# --- the command line --------------------------------------------------------------------------------

def test_cli_fix_diff_force_and_unsafe(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out.xlsx"
    r = runner.invoke(main, ["fix", str(MISTAKES), "--diff", "--on", "2026-12-01"])
    assert r.exit_code == 1 and not out.exists()
    assert "-7052881793\n+07052881793" in r.output and "+1606830" in r.output
    assert "ベトナム Viet Nam" in r.output     # listed separately, not applied
    r = runner.invoke(main, ["fix", str(MISTAKES), "-o", str(out), "--on", "2026-12-01"])
    assert r.exit_code == 0, r.output
    assert "9 件を修正しました" in r.output and "--unsafe-fixes で直せるもの 3 件" in r.output
    first = sha(out)
    r = runner.invoke(main, ["fix", str(MISTAKES), "-o", str(out), "--on", "2026-12-01"])
    assert r.exit_code == 2 and "--force" in r.output and sha(out) == first
    r = runner.invoke(main, ["fix", str(MISTAKES), "-o", str(out), "--on", "2026-12-01", "--force", "--unsafe-fixes",
                             "--format", "json", "--lang", "en"])
    assert r.exit_code == 0
    doc = json.loads(r.output)
    assert len(doc["applied"]) == 12 and doc["unsafe_not_applied"] == []
    r = runner.invoke(main, ["fix", str(MISTAKES), "-o", str(MISTAKES), "--force"])
    assert r.exit_code == 2
    r = runner.invoke(main, ["fix", str(tmp_path / "missing.xlsx"), "-o", str(tmp_path / "x.xlsx")])
    assert r.exit_code == 2 and "Traceback" not in r.output
    r = runner.invoke(main, ["fix", str(MISTAKES)])
    assert r.exit_code == 2
    r = runner.invoke(main, ["fix", str(MISTAKES), "-o", str(tmp_path / "x.xlsm")])
    assert r.exit_code == 2 and "extension" in r.output and not (tmp_path / "x.xlsm").exists()


def test_check_marks_fixable_in_text_json_sarif():
    runner = CliRunner()
    r = runner.invoke(main, ["check", str(MISTAKES), "--on", "2026-12-01", "-q"])
    lines = r.output.splitlines()
    assert any("!N9  ZL602 [*]  error" in ln for ln in lines)
    assert any("!V13  ZL101  error" in ln for ln in lines)
    assert lines[-1].startswith("[*] 13 件は --fix で直せます") and "ほかに 3 件は --unsafe-fixes" in lines[-1]
    r = runner.invoke(main, ["check", str(MISTAKES), "--on", "2026-12-01", "-q", "--lang", "en"])
    assert r.output.splitlines()[-1].startswith("[*] 13 fixable with --fix")
    doc = json.loads(runner.invoke(main, ["check", str(MISTAKES), "--on", "2026-12-01", "-q", "--format", "json"]).output)
    fixes = {(f["sheet"], f["cell"], f["rule"]): f.get("fix") for f in doc["files"][0]["findings"]}
    assert fixes[(C, "T22", "ZL201")] == {"safe": True, "replacement": "20270225"}
    assert fixes[(C, "Z20", "ZL101")] is None
    sarif = json.loads(runner.invoke(main, ["check", str(MISTAKES), "--on", "2026-12-01", "-q", "--format", "sarif"]).output)
    res = sarif["runs"][0]["results"]
    with_fix = [x for x in res if "fixes" in x]
    assert len(with_fix) == 16
    rep = with_fix[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert rep["insertedContent"]["text"] and rep["deletedRegion"]["properties"]["cell"]


# --- the official checker on a fixed copy (golden) ---------------------------------------------------

def test_official_checker_accepts_the_fixed_cells(mistakes_fixed):
    """tests/golden/koushin_mistakes_fixed.oracle.json: the official check of the fixed mistakes sample."""
    doc = json.loads((GOLDEN / "koushin_mistakes_fixed.oracle.json").read_text(encoding="utf-8"))
    assert doc["ran"]
    errors = {(e["sheet"], e["cell"]) for e in doc["errors"]}
    _, _, run, _ = mistakes_fixed
    fixed = {(c.sheet, c.cell) for c in run.applied}
    assert fixed == set(MECHANICAL)
    assert not fixed & errors, f"the official tool still rejects {fixed & errors}"
    # the tool did look at these rows: the non-mechanical mistakes it checks are still reported
    assert {(C, "V13"), (C, "K14"), (C, "E17"), (C, "Z20")} <= errors


# --- property: random mechanical damage to a clean workbook is undone --------------------------------

class _Ctx:
    def __init__(self, snap, sheets):
        self.snap, self.inputs = snap, dict.fromkeys(sheets)


def _damages(procedure: str, name: str) -> list[tuple[str, int, str, object]]:
    """(sheet, row index, column, damaged value) for every mechanical damage a clean cell allows."""
    from schemas.business.frame import ymd
    from schemas.snapshot import SIMULTANEOUS_SHEET
    snap = snapshot(procedure)
    rows = golden_rows(name)
    status = snap.status_by_label(SSW)
    checked_sheets = [snap.common_sheet, status.sheet] + ([SIMULTANEOUS_SHEET] if snap.simultaneous_checked else [])
    facts = column_facts(_Ctx(snap, checked_sheets))
    out = []
    for sheet, rs in rows.items():
        if sheet not in checked_sheets:
            continue       # the official tool does not check it: nothing is found there, nothing fixed
        plan = sheet_plan(snap, SSW, sheet)
        checked = {f.col for f, ok in zip(plan.fields, plan.checked) if ok}
        for i, row in enumerate(rs):
            for col, v in row.items():
                c = facts.get((sheet, col))
                if c is None or col not in checked or not isinstance(v, str) or not v:
                    continue
                f, pat = c.field, class_pattern(c.classes)
                d = []
                if c.date_digits == 8 and v.isdigit() and len(v) == 8 and ymd(v) is not None:
                    d += [f"{v[:4]}/{v[4:6]}/{v[6:]}", f"{v[:4]}-{v[4:6]}-{v[6:]}", f"{v[:4]}.{v[4:6]}.{v[6:]}",
                          dt.date(int(v[:4]), int(v[4:6]), int(v[6:]))]
                if c.classes == ("半角数字",) and v.isascii() and v.isdigit() and len(v) < 15:
                    if (f.exact and f.length == len(v)) or not v.startswith("0") or \
                            (c.phone and v.startswith("0") and not v.startswith("00")):
                        d.append(int(v))
                    if c.hyphen_free and len(v) > 4:
                        d.append(v[:3] + "-" + v[3:])
                if pat is not None and pat.fullmatch(v):
                    wide = "".join(to_full(ch) if ch.isascii() and ch.isalnum() else ch for ch in v)
                    if wide != v and not pat.fullmatch(wide):
                        d.append(wide)
                    narrow = "".join(chr(ord(ch) - 0xFEE0) if "０" <= ch <= "９" else ch for ch in v)
                    if narrow != v and not pat.fullmatch(narrow):
                        d.append(narrow)
                    if not pat.fullmatch(" "):
                        d.append(" " + v + " ")
                if c.name:
                    d += [v.lower(), "  " + v.replace(" ", "  ") + " "]
                if f.code_list and snap.lists.get(f.code_list) and v in snap.lookup(f.code_list):
                    for alt in (v.upper(), v.lower(), v.replace(" ", "  ")):
                        labels = [lab for lab in snap.lookup(f.code_list) if fold(lab) == fold(alt)]
                        if alt != v and labels == [v]:
                            d.append(alt)
                out += [(sheet, i, col, x) for x in d]
    return out


CLEAN = [("koushin", "koushin_v_clean"), ("henkou", "henkou_v_clean"), ("nintei", "nintei_v_clean")]
PROP_ON = dt.date(2026, 5, 1)


def _quiet_cells(proc: str, name: str) -> set[tuple[str, str]]:
    """Cells with a finding in the clean workbook at PROP_ON (e.g. ZL502 on an expiry date): not damaged, since
    a damaged value can hide such a finding and its fix would then bring it back."""
    import tempfile
    from devtools.bare import write_bare_workbook
    with tempfile.TemporaryDirectory() as d:
        p = write_bare_workbook(snapshot(proc), Path(d) / "clean.xlsx", golden_rows(name), SSW)
        return {(f.sheet, f.cell) for f in lint_path(p, Options(on=PROP_ON)).findings}


DAMAGES = {}
for _proc, _name in CLEAN:
    _busy = _quiet_cells(_proc, _name)
    DAMAGES[_name] = [d for d in _damages(_proc, _name) if (d[0], f"{d[2]}{8 + d[1]}") not in _busy]


@st.composite
def damaged(draw):
    proc, name = draw(st.sampled_from(CLEAN))
    options = DAMAGES[name]
    picks = draw(st.lists(st.integers(0, len(options) - 1), min_size=1, max_size=8, unique=True))
    chosen, cells = [], set()
    for k in picks:
        sheet, i, col, value = options[k]
        if (sheet, i, col) not in cells:
            cells.add((sheet, i, col))
            chosen.append(options[k])
    return proc, name, chosen


def test_damage_kinds_are_there():
    kinds = set()
    for opts in DAMAGES.values():
        for _, _, _, x in opts:
            kinds.add(type(x).__name__ if not isinstance(x, str) else ("hyphen" if "-" in x and x.replace("-", "").isdigit()
                                                                          else "slash" if "/" in x else "text"))
    assert {"int", "date", "hyphen", "slash", "text"} <= kinds


@settings(max_examples=15, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(case=damaged())
def test_property_fix_undoes_mechanical_damage(case, make_workbook, tmp_path_factory):
    proc, name, chosen = case
    clean = golden_rows(name)
    rows = {s: [dict(r) for r in rs] for s, rs in clean.items()}
    for sheet, i, col, value in chosen:
        rows[sheet][i][col] = value
    src = make_workbook(proc, rows)
    out = tmp_path_factory.mktemp("prop") / "fixed.xlsx"
    run = fix_file(src, out, Options(on=PROP_ON))
    # a damage the linter does not flag is not touched (a fix only ever answers a finding)
    flagged = {(f.sheet, f.cell) for f in run.result.findings}
    damaged_at = {(s, f"{col}{8 + i}"): v for s, i, col, v in chosen}
    assert sum((s, c) in flagged for s, c in damaged_at) >= len(damaged_at) - 1, [d for d in chosen if (d[0], f"{d[2]}{8 + d[1]}") not in flagged]
    wb = read_workbook(out)
    for sheet, rs in clean.items():
        g = wb.sheet(sheet)
        for i, row in enumerate(rs):
            for col, v in row.items():
                got = g.value(8 + i, col_index(col))
                ref = (sheet, f"{col}{8 + i}")
                want = damaged_at[ref] if ref in damaged_at and ref not in flagged else v
                assert cell_text(got) == cell_text(want), f"{sheet}!{ref[1]}: {got!r} != {want!r} after {chosen}"


def test_check_fix_and_fix_only(tmp_path):
    import shutil
    src = tmp_path / "m.xlsx"
    shutil.copyfile(MISTAKES, src)
    before = sha(src)
    runner = CliRunner()
    r = runner.invoke(main, ["check", str(src), "--on", "2026-12-01", "--fix", "-q", "--format", "json"])
    assert r.exit_code == 1                       # errors are left (the non-mechanical ones)
    out = tmp_path / "m_fixed.xlsx"
    assert out.exists() and sha(src) == before
    doc = json.loads(r.stdout if hasattr(r, "stdout") else r.output)
    assert doc["files"][0]["path"] == str(out)
    left = {(f["sheet"], f["cell"]) for f in doc["files"][0]["findings"] if f["cell"] and f["cell"][0].isalpha()}
    assert left == NOT_MECHANICAL | REVEALED
    r = runner.invoke(main, ["check", str(src), "--on", "2026-12-01", "--fix-only"])
    assert r.exit_code == 2 and "--force" in r.output          # the copy exists: never overwritten silently
    r = runner.invoke(main, ["check", str(src), "--on", "2026-12-01", "--fix-only", "--force", "--unsafe-fixes"])
    assert r.exit_code == 0 and "12 件を修正" in r.output and "「男」 → 「男 male」" in r.output


def test_fix_hints_belong_to_rules_and_cover_the_fixed_ones(mistakes_fixed):
    from schemas import rules as R
    from schemas.rules.fix_hints import FIX_HINTS, fix_hint
    codes = {r.code for r in R.all_rules()}
    assert set(FIX_HINTS) <= codes
    _, before, _, _ = mistakes_fixed
    assert all(fix_hint(f.rule, "ja") and fix_hint(f.rule, "en") for f in before.findings if f.fix is not None)
    r = CliRunner().invoke(main, ["explain", "ZL602", "--lang", "en"])
    assert "Fix (zairyu-lint fix): " in r.output


def test_check_no_show_fixes():
    runner = CliRunner()
    r = runner.invoke(main, ["check", str(MISTAKES), "--on", "2026-12-01", "-q", "--no-show-fixes", "--format", "json"])
    doc = json.loads(r.stdout)
    assert doc["files"][0]["findings"] and not any("fix" in f for f in doc["files"][0]["findings"])
    r = runner.invoke(main, ["check", str(MISTAKES), "--on", "2026-12-01", "-q", "--no-show-fixes"])
    assert "[*]" not in r.output and "--fix" not in r.output


def test_a_failing_fix_planner_never_costs_check_its_findings(monkeypatch):
    import linter.fixes as FX
    plain = lint_path(MISTAKES, Options(on=ON, fixes=False))

    def boom(*a, **k):
        raise RuntimeError("planner bug")
    monkeypatch.setattr(FX, "candidates", boom)
    r = lint_path(MISTAKES, OPTIONS)
    assert [f.to_json() for f in r.findings] == [f.to_json() for f in plain.findings]
    assert not any(f.rule == "ZL033" for f in r.findings)


def test_set_text_cells_adds_missing_cells_and_rows_and_leaves_formulas():
    from defusedxml import ElementTree as DET
    from linter.xlsx_package import set_text_cells
    xml = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols>'
           '<col min="3" max="3" width="9" style="7"/></cols><sheetData>'
           '<row r="8"><c r="B8" s="2" t="s"><v>0</v></c><c r="D8" s="3"><f>B8</f><v>1</v></c></row>'
           '<row r="10" s="5" customFormat="1"/>'
           '<row r="12"><c r="E12" s="4"><v>20270128</v></c></row></sheetData></worksheet>')
    styles = lambda s: None if s is None else s + 100     # noqa: E731 - shows which style each cell kept
    out, written = set_text_cells(xml, {"B8": "a&b", "C8": "x", "D8": "no", "A10": " y ", "C11": "z", "E12": "0012"},
                                  styles)
    DET.fromstring(out)
    assert written == {"B8", "C8", "A10", "C11", "E12"}           # D8 holds a formula: left alone
    assert '<c r="B8" s="102" t="inlineStr"><is><t xml:space="preserve">a&amp;b</t></is></c>' in out
    assert '<c r="C8" s="107" t="inlineStr">' in out                # a new cell takes its column's style
    assert '<c r="D8" s="3"><f>B8</f><v>1</v></c>' in out
    assert '<row r="10" s="5" customFormat="1"><c r="A10" s="105" t="inlineStr">' in out   # the row's style
    assert '<row r="11"><c r="C11" s="107" t="inlineStr">' in out   # a new row, in order
    assert out.index('r="10"') < out.index('r="11"') < out.index('r="12"')
    assert '<c r="E12" s="104" t="inlineStr"><is><t xml:space="preserve">0012</t></is></c>' in out
