"""Review copies (linter.annotate), split (linter.split) and their commands (linter.cli_review).

The official workbook is filled by editing its sheet XML (linter.xlsx_package), never through openpyxl,
so the tests also show that a package edited part by part keeps everything else byte-for-byte.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
from click.testing import CliRunner
from defusedxml import ElementTree as DET

from linter import result_sheet as L
from linter.annotate import FILL_RGB, RESULT_SHEET, annotate_file
from linter.engine import Options, lint_path
from linter.reader import read_workbook
from linter.split import split_workbook
from linter.xlsx_package import (
    OutputExists, Package, attrs_of,
)
from schemas.cells import cell_text

from conftest import SSW, cells_of, fill_official, golden_rows, official, snapshot

ON = dt.date(2026, 5, 1)
OPTIONS = Options(on=ON)


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """The official 変更 workbook with the golden 特定技能 rows (errors included) filled in."""
    src = official("henkou")
    rows = golden_rows("henkou_v")
    values = {s: {c: cell_text(v) for c, v in cells.items()} for s, cells in cells_of(rows).items()}
    path = fill_official(src, tmp_path_factory.mktemp("official") / "filled.xlsm", values, SSW)
    return path, lint_path(path, OPTIONS)


@pytest.fixture(scope="module")
def annotated(filled, tmp_path_factory):
    path, result = filled
    before = sha(path)
    _, out = annotate_file(path, tmp_path_factory.mktemp("review") / "filled.xlsm", OPTIONS, result=result)
    assert sha(path) == before          # the input is never modified
    return path, result, out


# --- the review copy of an official workbook -------------------------------------------------

def test_only_the_needed_parts_change(annotated):
    src, result, out = annotated
    a, b = parts(src), parts(out)
    assert set(a) <= set(b)
    flagged = {f.sheet for f in result.findings if f.cell}
    sheet_parts = {s.name: s.part for s in Package(src).sheets()}
    allowed = {"[Content_Types].xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"}
    for name in flagged:
        allowed |= {sheet_parts[name], Package.rels_name(sheet_parts[name])}
    changed = {n for n in a if a[n] != b[n]}
    assert changed <= allowed
    assert {"xl/styles.xml", "xl/workbook.xml"} <= changed
    # VBA, shared strings, calc chain, shapes, printer settings, customXml... byte-for-byte
    for n in ("xl/vbaProject.bin", "xl/sharedStrings.xml", "xl/calcChain.xml", "docProps/app.xml"):
        assert a[n] == b[n]
    added = set(b) - set(a)
    assert added and all(re.fullmatch(r"xl/(comments\d+\.xml|drawings/vmlDrawing\d+\.vml|worksheets/sheet\d+\.xml)", n)
                         for n in added)
    for n in changed | added:
        if n.endswith((".xml", ".rels", ".vml")):
            DET.fromstring(b[n])        # every edited part is still well-formed XML


def test_workbook_keeps_names_protection_and_validations(annotated):
    src, result, out = annotated
    a, b = parts(src), parts(out)
    wa, wb = a["xl/workbook.xml"].decode(), b["xl/workbook.xml"].decode()
    for tag in ("definedNames", "workbookProtection", "bookViews", "calcPr"):
        m = re.search(rf"<{tag}\b.*?(</{tag}>|/>)", wa, re.S)
        if m:
            assert m.group() in wb
    # the only change to workbook.xml is one more <sheet> at the end of the list
    assert re.sub(r'<sheet name="チェック結果"[^>]*/>', "", wb) == wa
    part = Package(src).sheet("申請情報入力(区分V)").part
    sa, sb = a[part].decode(), b[part].decode()
    for tag in ("sheetProtection", "dataValidations", "extLst", "mergeCells", "conditionalFormatting", "drawing", "cols"):
        for m in re.finditer(rf"<{tag}\b.*?(</{tag}>|/>)", sa, re.S):
            assert m.group() in sb, tag
    # values are untouched: only the s attribute of cells changes
    strip = lambda x: re.sub(r'\s+s="\d+"', "", re.search(r"<sheetData>.*</sheetData>", x, re.S).group())
    assert strip(sa) == re.sub(r"<c r=\"[A-Z]+\d+\"/>", "", strip(sb)) or strip(sa) == strip(sb)


def test_x14_validations_kept_on_a_marked_sheet(filled, tmp_path):
    """申請情報入力(区分L) is the sheet with x14 (extLst) data validations: mark cells on it directly."""
    from linter.findings import FileResult, Finding
    src, _ = filled
    sheet = "申請情報入力(区分L)"
    findings = [Finding("ZL101", "error", sheet, "B8", 8, "B", "x", "required"),
                Finding("ZL208", "warning", sheet, "C9", 9, "C", "y", "check"),
                Finding("ZL101", "error", sheet, "ZZ400", 400, "ZZ", "z", "far away cell")]
    res = FileResult(path=str(src), template=None, applicants=0, findings=findings)
    _, out = annotate_file(src, tmp_path / "x14.xlsm", OPTIONS, result=res)
    a, b = parts(src), parts(out)
    part = Package(src).sheet(sheet).part
    sa, sb = a[part].decode(), b[part].decode()
    assert sa != sb and "<x14:dataValidations" in sa
    assert re.search(r"<extLst>.*</extLst>", sa, re.S).group() in sb
    assert re.search(r"<dataValidations\b.*?</dataValidations>", sa, re.S).group() in sb
    DET.fromstring(b[part])
    assert re.search(r'<row r="400"><c r="ZZ400" s="\d+"/></row>', sb)
    assert read_workbook(out).sheet_names[-1] == RESULT_SHEET


def _fill_rgb(pkg_parts: dict[str, bytes], style: int) -> str | None:
    styles = pkg_parts["xl/styles.xml"].decode()
    xfs = re.findall(r"<xf\b[^>]*?(?:/>|>.*?</xf>)", re.search(r"<cellXfs\b.*?</cellXfs>", styles, re.S).group(), re.S)
    fill_id = int(re.search(r'fillId="(\d+)"', xfs[style]).group(1))
    fills = re.findall(r"<fill>.*?</fill>|<fill/>", re.search(r"<fills\b.*?</fills>", styles, re.S).group(), re.S)
    m = re.search(r'fgColor rgb="(\w+)"', fills[fill_id])
    return m.group(1) if m else None


def _cell_style(pkg_parts, part: str, ref: str) -> int:
    m = re.search(rf'<c r="{ref}"([^>]*?)/?>', pkg_parts[part].decode())
    return int(attrs_of(m.group(1))["s"])


def test_cells_filled_and_noted(annotated):
    src, result, out = annotated
    b = parts(out)
    pkg = Package(out)
    err = next(f for f in result.findings if f.severity == "error" and f.cell)
    warn = next(f for f in result.findings if f.severity == "warning" and f.cell
                and not any(g.cell == f.cell and g.sheet == f.sheet and g.severity == "error" for g in result.findings))
    for f, rgb in ((err, FILL_RGB["error"]), (warn, FILL_RGB["warning"])):
        part = pkg.sheet(f.sheet).part
        assert _fill_rgb(b, _cell_style(b, part, f.cell)) == rgb
        comments = next(r["part"] for r in pkg.rels(part) if r["type"].endswith("/comments"))
        text = b[comments].decode()
        assert f'ref="{f.cell}"' in text and escape(f.message)[:40] in text
        assert "<legacyDrawing" in b[part].decode()
    # the format of a flagged cell keeps its protection, borders and number format: only the fill differs
    styles = b["xl/styles.xml"].decode()
    xfs = re.findall(r"<xf\b[^>]*?(?:/>|>.*?</xf>)", re.search(r"<cellXfs\b.*?</cellXfs>", styles, re.S).group(), re.S)
    orig = _cell_style(parts(src), Package(src).sheet(err.sheet).part, err.cell)
    new = _cell_style(b, pkg.sheet(err.sheet).part, err.cell)
    norm = lambda x: re.sub(r'\s(fillId|applyFill)="\w+"', "", x)
    assert norm(xfs[orig]) == norm(xfs[new])


def test_result_sheet_and_copy_still_checks_the_same(annotated):
    src, result, out = annotated
    wb = read_workbook(out)
    assert wb.sheet_names[-1] == RESULT_SHEET
    rows = wb.sheet(RESULT_SHEET).rows
    assert rows[L.HEADER_ROW - 1][:L.WIDTH] == L.header("ja")
    body = rows[L.FIRST_ROW - 1:]
    assert len([r for r in body if r and r[L.RULE]]) == len(result.findings)
    assert {(r[L.RULE], r[L.CELL]) for r in body} >= {(f.rule, f.cell) for f in result.findings if f.cell}
    again = lint_path(out, OPTIONS)
    assert [(f.rule, f.sheet, f.cell) for f in again.findings] == [(f.rule, f.sheet, f.cell) for f in result.findings]


# --- bare workbooks (fast) -----------------------------------------------------------------

def _bare_rows(n: int) -> dict:
    snap = snapshot("henkou")
    st = snap.status_by_label(SSW)
    return {snap.common_sheet: [{"B": "ベトナム Viet Nam", "D": f"PERSON {i + 1}"} for i in range(n)],
            st.sheet: [{"B": f"V{i + 1}"} for i in range(n)],
            "申請情報入力(同時申請)": [{"E": f"S{i + 1}"} if i % 7 == 0 else {} for i in range(n)]}


def test_annotate_bare_workbook_adds_missing_cells(make_workbook, tmp_path):
    snap = snapshot("henkou")
    src = make_workbook("henkou", {snap.common_sheet: [{"B": "ベトナム", "D": "NGUYEN VAN AN"}]})
    result = lint_path(src, OPTIONS)
    required = next(f for f in result.findings if f.rule == "ZL101" and f.cell)
    res, out = annotate_file(src, tmp_path / "review.xlsx", OPTIONS, result=result)
    wb = openpyxl.load_workbook(out)          # still a workbook other tools can open
    ws = wb[required.sheet]
    cell = ws[required.cell]
    assert cell.fill.fgColor.rgb == FILL_RGB["error"]
    assert cell.comment is not None and required.rule in cell.comment.text
    assert ws["B8"].value == "ベトナム" and ws["B8"].comment is not None
    assert wb.sheetnames[-1] == RESULT_SHEET


def test_annotate_refuses_to_overwrite(make_workbook, tmp_path):
    src = make_workbook("henkou", _bare_rows(2))
    out = tmp_path / "review.xlsx"
    annotate_file(src, out, OPTIONS)
    first = sha(out)
    with pytest.raises(OutputExists):
        annotate_file(src, out, OPTIONS)
    assert sha(out) == first
    annotate_file(src, out, OPTIONS, force=True)
    assert not list(tmp_path.glob(".*.tmp"))      # no temp file left behind


def test_split_320_applicants(make_workbook, tmp_path):
    src = make_workbook("henkou", _bare_rows(320))
    before = sha(src)
    out = split_workbook(src, tmp_path / "parts")
    assert sha(src) == before
    assert [p.name for p in out] == [f"{src.stem}_01.xlsx", f"{src.stem}_02.xlsx"]
    snap = snapshot("henkou")
    kubun = snap.status_by_label(SSW).sheet
    seen = []
    for p, n in zip(out, (300, 20)):
        wb = read_workbook(p)
        common = wb.sheet(snap.common_sheet).rows
        names = [cell_text(r[3]) for r in common[7:] if len(r) > 3 and cell_text(r[3])]
        assert len(names) == n
        v = wb.sheet(kubun).rows
        sim = wb.sheet("申請情報入力(同時申請)").rows
        for i, name in enumerate(names):
            k = int(name.split()[1])
            assert cell_text(v[7 + i][1]) == f"V{k}"                       # the same row on every sheet
            s = cell_text(sim[7 + i][4]) if 7 + i < len(sim) and len(sim[7 + i]) > 4 else ""
            assert s == (f"S{k}" if (k - 1) % 7 == 0 else "")
        seen += names
        assert lint_path(p, Options(on=ON, select=("ZL005", "ZL006", "ZL007"))).findings == []
    assert seen == [f"PERSON {i + 1}" for i in range(320)]
    # outputs are not overwritten without force
    with pytest.raises(OutputExists):
        split_workbook(src, tmp_path / "parts")
    assert split_workbook(src, tmp_path / "parts", force=True) == out
    assert split_workbook(make_workbook("henkou", _bare_rows(300)), tmp_path / "small") == []


def test_split_official_keeps_other_parts(filled, tmp_path):
    src, result = filled
    out = split_workbook(src, tmp_path, max_rows=10)
    assert len(out) == 2
    a = parts(src)
    input_parts = {s.part for s in Package(src).sheets() if s.name.startswith("申請情報入力(")}
    for p in out:
        b = parts(p)
        assert set(a) == set(b)
        changed = {n for n in a if a[n] != b[n]}
        assert "xl/workbook.xml" in changed and changed - {"xl/workbook.xml"} <= input_parts
        assert re.sub(r' fullCalcOnLoad="1"', "", b["xl/workbook.xml"].decode()) == a["xl/workbook.xml"].decode()
        for part in changed - {"xl/workbook.xml"}:
            sa, sb = a[part].decode(), b[part].decode()
            for tag in ("sheetProtection", "dataValidations", "extLst"):
                for m in re.finditer(rf"<{tag}\b.*?(</{tag}>|/>)", sa, re.S):
                    assert m.group() in sb
    # values moved by whole rows: part 1 = rows 8-17, part 2 = rows 18-… of the input, on every input sheet
    whole = read_workbook(src)
    names = [n for n in whole.sheet_names if n.startswith("申請情報入力(") and whole.visible[n]]
    texts = lambda g, r: [cell_text(v) for v in (g.rows[r - 1][1:] if r - 1 < len(g.rows) else [])]
    for k, p in enumerate(out):
        wb = read_workbook(p)
        for name in names:
            g0, g1 = whole.sheet(name), wb.sheet(name)
            assert [texts(g1, r) for r in range(1, 8)] == [texts(g0, r) for r in range(1, 8)]
            for r in range(8, 18):
                assert texts(g1, r) == texts(g0, r + 10 * k), (p.name, name, r)
            assert not any(any(texts(g1, r)) for r in range(18, 308))


# --- the commands ----------------------------------------------------------------------------

def test_cli_annotate_split_and_check_annotate(make_workbook, tmp_path):
    from linter.cli import main
    runner = CliRunner()
    src = make_workbook("henkou", _bare_rows(3))
    out = tmp_path / "copy.xlsx"
    r = runner.invoke(main, ["annotate", str(src), "-o", str(out), "--on", "2026-05-01", "--lang", "en"])
    assert r.exit_code == 1 and out.exists(), r.output          # 1: the workbook has errors
    r = runner.invoke(main, ["annotate", str(src), "-o", str(out), "--on", "2026-05-01"])
    assert r.exit_code == 2 and "--force" in r.output
    r = runner.invoke(main, ["annotate", str(src), "-o", str(out), "--force", "--on", "2026-05-01"])
    assert r.exit_code == 1
    r = runner.invoke(main, ["annotate", str(src), "-o", str(tmp_path / "copy.xlsm")])
    assert r.exit_code == 2
    big = make_workbook("henkou", _bare_rows(305))
    r = runner.invoke(main, ["split", str(big), "--max", "300", "-o", str(tmp_path / "parts")])
    assert r.exit_code == 0 and len(r.stdout.split()) == 2
    r = runner.invoke(main, ["split", str(big), "-o", str(tmp_path / "parts")])
    assert r.exit_code == 2
    r = runner.invoke(main, ["check", str(src), "--on", "2026-05-01", "--annotate", str(tmp_path / "review")])
    assert r.exit_code == 1 and (tmp_path / "review" / src.name).exists()
    r = runner.invoke(main, ["check", str(src), "--on", "2026-05-01", "--annotate", str(tmp_path / "review")])
    assert r.exit_code == 2
    r = runner.invoke(main, ["check", str(src), "--on", "2026-05-01", "--annotate", str(tmp_path / "review"), "--force"])
    assert r.exit_code == 1


def _marked(path: Path) -> dict[str, set[str]]:
    """{sheet: cells with a note} of a review copy (read back with openpyxl)."""
    wb = openpyxl.load_workbook(path)
    return {ws.title: {c.coordinate for row in ws.iter_rows() for c in row if c.comment is not None}
            for ws in wb.worksheets if ws.title != RESULT_SHEET}


def test_cli_annotate_default_name_next_to_the_input(make_workbook, tmp_path):
    """No -o: the copy is <name>_checked.<ext> next to the input, marked exactly where the check flags."""
    from linter.cli import main
    src = make_workbook("henkou", _bare_rows(3), name="clients.xlsx")
    before = sha(src)
    r = CliRunner().invoke(main, ["annotate", str(src), "--on", "2026-05-01"])
    assert r.exit_code == 1, r.output
    out = src.with_name("clients_checked.xlsx")
    assert out.exists() and sha(src) == before
    assert sorted(p.name for p in src.parent.iterdir()) == ["clients.xlsx", "clients_checked.xlsx"]
    expected = {}
    for f in lint_path(src, OPTIONS).findings:
        if f.cell and f.severity in ("error", "warning"):
            expected.setdefault(f.sheet, set()).add(f.cell)
    got = {k: v for k, v in _marked(out).items() if v}
    assert got == expected
    assert f"{out}:" in r.stderr and "marked" in r.stderr


def test_cli_annotate_several_inputs_into_a_folder(make_workbook, tmp_path):
    from linter.cli import main
    a = make_workbook("henkou", _bare_rows(2), name="a.xlsx")
    sub = tmp_path / "other"
    sub.mkdir()
    b = make_workbook("henkou", golden_rows("henkou_v_clean"), name="other/a.xlsx")   # the same name
    c = make_workbook("koushin", golden_rows("koushin_v"), name="c.xlsx")
    runner = CliRunner()
    r = runner.invoke(main, ["annotate", str(a), str(b), str(c), "--on", "2026-05-01"])
    assert r.exit_code == 2 and "-o DIR" in r.output          # several inputs need a folder
    review = tmp_path / "review"
    r = runner.invoke(main, ["annotate", str(a), str(b), str(c), "-o", str(review), "--on", "2026-05-01"])
    assert r.exit_code == 1, r.output
    names = sorted(p.name for p in review.iterdir())
    assert names == ["a.xlsx", "a_2.xlsx", "c.xlsx"]           # no copy overwrites another
    for src in (a, b, c):
        result = lint_path(src, OPTIONS)
        copy = review / ("a_2.xlsx" if src == b else src.name)
        wb = openpyxl.load_workbook(copy)
        listed = [row for row in wb[RESULT_SHEET].iter_rows(values_only=True)
                  if any(isinstance(v, str) and re.fullmatch(r"ZL\d{3}", v) for v in row)]
        assert len(listed) == len(result.findings) > 0, src
    # a folder as input: its workbooks, again into a folder; existing copies need --force
    r = runner.invoke(main, ["annotate", str(sub), "-o", str(tmp_path / "review2"), "--on", "2026-05-01"])
    assert r.exit_code in (0, 1) and (tmp_path / "review2" / "a.xlsx").exists(), r.output
    r = runner.invoke(main, ["annotate", str(a), str(c), "-o", str(review), "--on", "2026-05-01"])
    assert r.exit_code == 2 and "--force" in r.output
    r = runner.invoke(main, ["annotate", str(a), str(c), "-o", str(review), "--on", "2026-05-01", "--force"])
    assert r.exit_code == 1


def test_cli_split_force(make_workbook, tmp_path):
    from linter.cli import main
    runner = CliRunner()
    big = make_workbook("henkou", _bare_rows(305), name="big.xlsx")
    parts_dir = tmp_path / "parts"
    r = runner.invoke(main, ["split", str(big), "--max", "300", "-o", str(parts_dir)])
    assert r.exit_code == 0 and r.stdout.split() == [str(parts_dir / "big_01.xlsx"), str(parts_dir / "big_02.xlsx")]
    first = {p.name: sha(p) for p in parts_dir.iterdir()}
    # a different split into the same folder: refused without --force, nothing changed
    r = runner.invoke(main, ["split", str(big), "--max", "200", "-o", str(parts_dir)])
    assert r.exit_code == 2 and "--force" in r.output
    assert {p.name: sha(p) for p in parts_dir.iterdir()} == first
    r = runner.invoke(main, ["split", str(big), "--max", "200", "-o", str(parts_dir), "--force"])
    assert r.exit_code == 0, r.output
    assert sha(parts_dir / "big_01.xlsx") != first["big_01.xlsx"]
    counts = [read_workbook(parts_dir / n).sheet(snapshot("henkou").common_sheet).rows for n in ("big_01.xlsx", "big_02.xlsx")]
    assert [sum(1 for r in rows[7:] if any(cell_text(v) for v in r[1:])) for rows in counts] == [200, 105]
    assert not [p for p in parts_dir.iterdir() if p.name.startswith(".")]     # no temp file left
