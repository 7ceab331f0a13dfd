"""Bad, big and hostile inputs (issue 6): each gets its named finding, nothing crashes, hangs or writes.

Inputs are made here from bare workbooks (devtools.bare) and byte/XML surgery on them; the official
workbooks are only read. The CLI is run once on a folder holding all of them.
"""
from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from linter.engine import lint_path
from tests.conftest import golden_rows

HENKOU_COMMON = "申請情報入力(在留資格変更許可申請)"
KUBUN_V = "申請情報入力(区分V)"


def codes(path) -> set[str]:
    return {f.rule for f in lint_path(path).findings}


def fingerprint(path: Path):
    st = os.lstat(path)
    data = path.read_bytes() if path.is_file() else b""
    return st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest()


def rewrite(src: Path, dst: Path, edits: dict, add: dict | None = None, drop=()) -> Path:
    """Copy a zip package, changing parts: edits {name: fn(bytes) -> bytes}, add {name: bytes}."""
    out = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            body = zin.read(info.filename)
            if info.filename in edits:
                body = edits[info.filename](body)
            zout.writestr(info.filename, body)
        for name, body in (add or {}).items():
            zout.writestr(name, body)
    dst.write_bytes(out.getvalue())
    return dst


def replace_cell(x: bytes, ref: str, new: bytes) -> bytes:
    i = x.find(b'<c r="%s"' % ref.encode())
    assert i >= 0, ref
    j = x.find(b">", i)
    j = j + 1 if x[j - 1:j] == b"/" else x.find(b"</c>", i) + 4
    return x[:i] + new + x[j:]


def sheet_part(path: Path, sheet: str) -> str:
    from linter import safety
    with zipfile.ZipFile(path) as zf:
        return safety.check_package(zf).sheets[sheet]


@pytest.fixture
def clean(make_workbook):
    return make_workbook("henkou", golden_rows("henkou_v_clean"), name="clean.xlsx")


def encrypted_bytes(src: Path) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile
    out = io.BytesIO()
    with open(src, "rb") as fh:
        OOXMLFile(fh).encrypt("secret", out)
    return out.getvalue()


def legacy_xls_bytes(src: Path) -> bytes:
    """An OLE compound file with a 'Workbook' stream (what a .xls is), made by renaming streams."""
    b = bytearray(encrypted_bytes(src))
    for old, new in (("EncryptedPackage", "Workbook"), ("EncryptionInfo", "Book")):
        p = bytes(b).find(old.encode("utf-16-le"))
        nb = new.encode("utf-16-le")
        b[p:p + 64] = nb + b"\0" * (64 - len(nb))
        b[p + 64:p + 66] = ((len(new) + 1) * 2).to_bytes(2, "little")
    return bytes(b)


# -- unreadable inputs: one named finding each --------------------------------------------------------
def build_unreadable(tmp: Path, clean: Path) -> dict[str, tuple[Path, str]]:
    data = clean.read_bytes()
    cases = {}

    def put(name, body, code):
        p = tmp / name
        p.write_bytes(body)
        cases[name] = (p, code)

    put("text.xlsx", "これはブックではありません\nhello\n".encode("utf-8"), "ZL020")
    put("noise.xlsx", bytes(range(256)) * 8, "ZL023")
    put("empty.xlsx", b"", "ZL022")
    put("truncated.xlsx", data[: len(data) // 2], "ZL023")
    broken = bytearray(data)
    i = data.find(b"xl/worksheets/sheet2.xml") + 200     # inside the compressed data of a sheet
    broken[i:i + 40] = b"\x00" * 40
    put("corrupt.xlsx", bytes(broken), "ZL023")
    put("encrypted.xlsx", encrypted_bytes(clean), "ZL021")
    put("legacy.xlsx", legacy_xls_bytes(clean), "ZL020")
    put("table.csv", "国籍,生年月日\nベトナム,19980512\n".encode("utf-8"), "ZL020")
    zb = io.BytesIO()
    with zipfile.ZipFile(zb, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\x00" * 10)
    put("binary.xlsb", zb.getvalue(), "ZL020")
    zo = io.BytesIO()
    with zipfile.ZipFile(zo, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    put("sheet.ods", zo.getvalue(), "ZL020")
    return cases


def test_each_unreadable_input_has_its_finding(tmp_path, clean):
    for name, (path, code) in build_unreadable(tmp_path, clean).items():
        before = fingerprint(path)
        res = lint_path(path)
        assert res.unreadable, name
        assert [f.rule for f in res.findings] == [code], (name, res.findings)
        assert res.findings[0].message and "Traceback" not in res.findings[0].message
        assert fingerprint(path) == before, name


def test_encrypted_message_says_save_without_password(tmp_path, clean):
    p = tmp_path / "enc.xlsm"
    p.write_bytes(encrypted_bytes(clean))
    from linter.engine import Options
    msg = lint_path(p, Options(lang="en")).findings[0].message
    assert "encrypted" in msg and "without a password" in msg
    p2 = tmp_path / "old.xls"
    p2.write_bytes(legacy_xls_bytes(clean))
    msg2 = lint_path(p2, Options(lang="en")).findings[0].message
    assert ".xls" in msg2 and ".xlsm" in msg2 and "encrypted" not in msg2


def test_paths_that_are_not_files(tmp_path):
    (tmp_path / "folder.xlsx").mkdir()
    (tmp_path / "broken.xlsx").symlink_to(tmp_path / "nowhere.xlsx")
    (tmp_path / "loop.xlsx").symlink_to(tmp_path / "loop.xlsx")
    for name, word in (("folder.xlsx", "folder"), ("broken.xlsx", "broken link"), ("loop.xlsx", "loop")):
        from linter.engine import Options
        res = lint_path(tmp_path / name, Options(lang="en"))
        assert res.unreadable and [f.rule for f in res.findings] == ["ZL024"], name
        assert word in res.findings[0].message, (name, res.findings[0].message)


# -- hostile packages ---------------------------------------------------------------------------------
def test_zip_bomb_is_refused_before_inflating(tmp_path, clean):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(clean) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        with zout.open("xl/media/big.bin", "w", force_zip64=True) as fh:
            chunk = b"\x00" * 2**20
            for _ in range(160):
                fh.write(chunk)
    assert bomb.stat().st_size < 2 * 2**20
    assert codes(bomb) == {"ZL025"}
    ratio = rewrite(clean, tmp_path / "ratio.xlsx", {}, add={"xl/media/zeros.bin": b"\x00" * (20 * 2**20)})
    assert codes(ratio) == {"ZL025"}


def test_entities_doctype_and_odd_names_are_refused(tmp_path, clean):
    part = sheet_part(clean, HENKOU_COMMON)
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>')
    ent = rewrite(clean, tmp_path / "ent.xlsx", {part: lambda x: lol + x.split(b"?>", 1)[-1] if x.startswith(b"<?xml") else lol + x})
    assert codes(ent) == {"ZL025"}
    ext = rewrite(clean, tmp_path / "ext.xlsx", {"xl/workbook.xml": lambda x: b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + x})
    assert codes(ext) == {"ZL025"}
    trav = rewrite(clean, tmp_path / "trav.xlsx", {}, add={"../../evil.txt": b"x"})
    assert codes(trav) == {"ZL025"}
    assert not (tmp_path.parent / "evil.txt").exists() and not Path("evil.txt").exists()
    sst = rewrite(clean, tmp_path / "sst.xlsx", {}, add={
        "xl/sharedStrings.xml": b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                                b'count="4000000000" uniqueCount="4000000000"><si><t>a</t></si></sst>'})
    assert codes(sst) == {"ZL025"}


# -- readable, with findings from the look at the sheet XML --------------------------------------------
def test_formulas_merges_hidden_rich_text_and_errors(tmp_path, clean):
    part = sheet_part(clean, HENKOU_COMMON)

    def edit(x: bytes) -> bytes:
        # D8: formula with a cached value; E9: formula without one; F8: #N/A; G9: rich inline text
        x = x.replace(b'<c r="D8" s="2" t="inlineStr"><is><t>NGUYEN VAN AN</t></is></c>',
                      b'<c r="D8" t="str"><f>UPPER("nguyen van an")</f><v>NGUYEN VAN AN</v></c>', 1)
        x = x.replace(b'<row r="9"', b'<row r="9" hidden="1"', 1)
        x = replace_cell(x, "F8", b'<c r="F8" t="e"><v>#N/A</v></c>')
        x = x.replace(b"</sheetData>", b"</sheetData><mergeCells count=\"1\"><mergeCell ref=\"H8:I8\"/></mergeCells>", 1)
        x = x.replace(b"<sheetData>", b'<cols><col min="10" max="10" hidden="1" width="9"/></cols><sheetData>', 1)
        return x
    p = rewrite(clean, tmp_path / "look.xlsx", {part: edit})
    data = zipfile.ZipFile(p).read(part)
    assert b'<f>UPPER' in data and b't="e"' in data     # the edits took
    res = lint_path(p)
    got = {(f.rule, f.cell) for f in res.findings if f.rule >= "ZL026" and f.rule < "ZL040"}
    assert ("ZL026", "D8") in got
    assert ("ZL031", "F8") in got
    assert ("ZL028", "H8") in got
    # ZL029: the hidden row 9 (a row, no cell) and the hidden column J (a column: it holds data in J8/J9)
    hidden = [(f.sheet, f.row, f.column, f.cell) for f in res.findings if f.rule == "ZL029"]
    assert len(hidden) == 2 and set(hidden) == {(HENKOU_COMMON, None, "J", None), (HENKOU_COMMON, 9, None, None)}, hidden
    assert not res.unreadable


def test_formula_without_cached_value_and_rich_text(tmp_path, clean):
    part = sheet_part(clean, KUBUN_V)

    def edit(x: bytes) -> bytes:
        x = replace_cell(x, "D8", b'<c r="D8"><f>1+1</f><v/></c>')
        return replace_cell(x, "J8", b'<c r="J8" t="inlineStr"><is><r><rPr><b/></rPr><t>\xe7\x89\xb9\xe5\xae\x9a</t></r>'
                                     b'<r><t>x</t></r></is></c>')
    p = rewrite(clean, tmp_path / "f.xlsx", {part: edit})
    got = {(f.rule, f.cell) for f in lint_path(p).findings}
    assert ("ZL027", "D8") in got and ("ZL030", "J8") in got


def test_huge_sheets_are_read_bounded(tmp_path, clean):
    part = sheet_part(clean, HENKOU_COMMON)
    far = rewrite(clean, tmp_path / "far.xlsx", {part: lambda x: x.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>', 1)})
    res = lint_path(far)
    assert "ZL032" in {f.rule for f in res.findings} and not res.unreadable

    def many(x: bytes) -> bytes:
        rows = b"".join(b'<row r="%d"><c r="B%d"><v>%d</v></c></row>' % (r, r, r) for r in range(400, 120_400))
        return x.replace(b"</sheetData>", rows + b"</sheetData>", 1)
    big = rewrite(clean, tmp_path / "rows.xlsx", {part: many})
    got = {f.rule for f in lint_path(big).findings}
    assert "ZL010" in got and ("ZL005" in got or "ZL006" in got)

    # found by the fuzzer: a cell placed millions of rows down inside <row r="1"> made the
    # parser allocate a grid of ~84 GB and abort the process
    stray = rewrite(clean, tmp_path / "stray.xlsx", {part: lambda x: x.replace(b'<c r="B1"', b'<c r="B13824765"', 1)})
    res = lint_path(stray)
    assert "ZL010" in {f.rule for f in res.findings} and not res.unreadable


def test_other_template_problems_are_findings_not_crashes(tmp_path, make_workbook):
    import openpyxl
    other = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "家計簿"
    wb.save(other)
    assert codes(other) == {"ZL002"}
    rows = golden_rows("henkou_v_clean")
    p = make_workbook("henkou", rows, name="newer.xlsx")
    wb = openpyxl.load_workbook(p)
    wb["メニュー"]["B1"] = wb["メニュー"]["B1"].value.replace("2026/04/01", "2099/01/01")
    wb.save(p)
    res = lint_path(p)
    assert "ZL003" in {f.rule for f in res.findings} and not res.unreadable
    wrong = make_workbook("henkou", {HENKOU_COMMON: rows[HENKOU_COMMON], "申請情報入力(区分I)": [{"B": "x"}]},
                          name="wrong_kubun.xlsx")
    assert "ZL009" in codes(wrong)


# -- the CLI on a folder of everything ------------------------------------------------------------------
def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_cli_folder_of_hostile_files(tmp_path, clean):
    folder = tmp_path / "in"
    folder.mkdir()
    build_unreadable(folder, clean)
    good = folder / "good.xlsx"
    good.write_bytes(clean.read_bytes())
    (folder / "broken.xlsx").symlink_to(folder / "gone.xlsx")
    (folder / "loop.xlsx").symlink_to(folder / "loop.xlsx")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)   # a folder loop
    before = {p: fingerprint(p) for p in folder.iterdir() if p.is_file() and not p.is_symlink()}
    out = run_cli("check", str(folder), "--format", "json", "--lang", "en")
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    import json
    results = {Path(r["path"]).name: r for r in json.loads(out.stdout)["files"]} if out.stdout.lstrip().startswith("{") \
        else {Path(r["path"]).name: r for r in json.loads(out.stdout)}
    assert "good.xlsx" in results and results["good.xlsx"]["template"] is not None
    for name in ("empty.xlsx", "truncated.xlsx", "encrypted.xlsx", "broken.xlsx", "loop.xlsx", "text.xlsx"):
        assert name in results, name
        assert results[name]["findings"] and results[name]["findings"][0]["rule"].startswith("ZL0"), name
    assert {p: fingerprint(p) for p in before} == before


def test_cli_unwritable_output(tmp_path, clean):
    out = run_cli("check", str(clean), "--output", str(tmp_path / "missing" / "dir" / "x.json"))
    assert out.returncode == 2
    assert "Traceback" not in out.stdout + out.stderr
    assert "x.json" in out.stderr
    existing = tmp_path / "report.txt"
    existing.write_text("old")
    out = run_cli("check", str(clean), "--output", str(existing))
    assert out.returncode in (0, 1) and existing.read_text() != "old"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report.txt.")]   # no temp file left
