"""Findings are data: a prose parameter is a Text (ja and en), so a finding renders wholly in either language.

Each rule whose parameters used to be built in the run's language is triggered here by a real input
(hostile files as in test_hostile, workbooks as in test_engine_rules, upload files as in test_upload).
The same input is checked in both languages: the parameters must be the same data (none depends on
`--lang`), each run's message is the rendering of its rule + parameters, and a finding rendered in the
other language is exactly the message a run in that language gives, with the Text in that language only.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from linter import report, safety
from linter.engine import Options, lint_path
from linter.upload import lint_upload
from schemas.rules import Text
from tests.conftest import golden_rows
from tests.test_hostile import HENKOU_COMMON, build_unreadable, rewrite, sheet_part

sys.path.insert(0, str(Path(__file__).parent))   # test_upload imports conftest by its bare name
from test_upload import REAL, lines_of, write_upload  # noqa: E402

ON = dt.date(2026, 5, 1)
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")     # kana and kanji
ENGLISH_PROSE = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")   # two English words in a row
QUOTED = re.compile(r"「[^」]*」")


def both(run):
    """run(lang) -> FileResult, for ja and en."""
    return run("ja"), run("en")


def shared(t: Text) -> list[str]:
    """What a Text's two languages have in common (6+ characters): words the input or a library supplied
    (an exception's text, a path), the same in both languages."""
    m = difflib.SequenceMatcher(None, t.ja, t.en, autojunk=False)
    return [t.ja[b.a:b.a + b.size] for b in m.get_matching_blocks() if b.size >= 6]


def prose(f, lang: str) -> str:
    """The finding rendered in `lang`, less what the workbook or file supplies (non-Text parameters, text
    common to both languages of a Text, and 「quotes」)."""
    text = f.text(lang)
    data = [str(v) for v in f.params.values() if not isinstance(v, Text) and v is not None]
    data += [s for v in f.params.values() if isinstance(v, Text) for s in shared(v)]
    for v in sorted(data, key=len, reverse=True):
        if v:
            text = text.replace(v, "")
    return QUOTED.sub("", text)


def check_pair(ja_result, en_result, codes: set[str], texts: tuple[str, ...]) -> list:
    """The findings of `codes` agree across the two runs, and their Text parameters `texts` render in one
    language each."""
    fja = [f for f in ja_result.findings if f.rule in codes]
    fen = [f for f in en_result.findings if f.rule in codes]
    assert fja and len(fja) == len(fen), (codes, [f.rule for f in ja_result.findings])
    for a, b in zip(fja, fen):
        assert (a.rule, a.sheet, a.cell, a.row) == (b.rule, b.sheet, b.cell, b.row)
        assert a.params == b.params, (a.rule, a.params, b.params)     # no parameter depends on --lang
        for name in texts:
            assert isinstance(a.params[name], Text), (a.rule, name, a.params[name])
            t = a.params[name]
            assert "Text(" not in a.text("ja") and "Text(" not in a.text("en")
            assert t.ja in a.text("ja") and t.en in a.text("en")
            if t.ja != t.en:
                assert t.en not in a.text("ja") and t.ja not in a.text("en"), (a.rule, name, t)
        # each run's stored message is unchanged by rendering; the other language's is that run's message
        assert a.message == a.text("ja") and b.message == b.text("en")
        assert a.text("en") == b.message and b.text("ja") == a.message, (a.rule, a.text("en"), b.message)
        assert not JAPANESE.search(prose(a, "en")), (a.rule, a.text("en"))
        assert not ENGLISH_PROSE.search(prose(a, "ja")), (a.rule, a.text("ja"))
    return fja


@pytest.fixture
def clean(make_workbook):
    return make_workbook("henkou", golden_rows("henkou_v_clean"), name="clean.xlsx")


# -- read errors: ZL020-ZL025 (the reader's refusals), ZL001 (an upload file that cannot be read) ------
def test_unreadable_inputs_render_in_either_language(tmp_path, clean):
    seen = set()
    for name, (path, code) in build_unreadable(tmp_path, clean).items():
        ja, en = both(lambda lang: lint_path(path, Options(lang=lang)))
        check_pair(ja, en, {code}, ("reason", "hint"))
        seen.add(code)
    assert seen == {"ZL020", "ZL021", "ZL022", "ZL023"}


def test_paths_and_hostile_packages_render_in_either_language(tmp_path, clean):
    (tmp_path / "folder.xlsx").mkdir()
    (tmp_path / "broken.xlsx").symlink_to(tmp_path / "nowhere.xlsx")
    for name in ("folder.xlsx", "broken.xlsx"):
        ja, en = both(lambda lang: lint_path(tmp_path / name, Options(lang=lang)))
        check_pair(ja, en, {"ZL024"}, ("reason", "hint"))
    trav = rewrite(clean, tmp_path / "trav.xlsx", {}, add={"../../evil.txt": b"x"})
    ratio = rewrite(clean, tmp_path / "ratio.xlsx", {}, add={"xl/media/zeros.bin": b"\x00" * (20 * 2**20)})
    for p in (trav, ratio):
        ja, en = both(lambda lang: lint_path(p, Options(lang=lang)))
        check_pair(ja, en, {"ZL025"}, ("reason", "hint"))


def test_unreadable_upload_file_renders_in_either_language(tmp_path):
    empty = tmp_path / "SA_03_002_05V1_ver001.csv"
    empty.write_bytes(b"")
    ja, en = both(lambda lang: lint_upload(empty, Options(on=ON, lang=lang)))
    check_pair(ja, en, {"ZL001"}, ("reason", "hint"))


# -- ZL033: a check that failed inside the linter ---------------------------------------------------------
def test_internal_error_renders_in_either_language(clean, monkeypatch):
    from linter import engine

    def boom(path):
        raise RuntimeError("synthetic failure")
    monkeypatch.setattr(engine, "read_workbook", boom)
    ja, en = both(lambda lang: lint_path(clean, Options(on=ON, lang=lang, fixes=False)))
    f = check_pair(ja, en, {"ZL033"}, ("reason", "hint"))[0]
    assert f.params["reason"] == Text("RuntimeError: synthetic failure", "RuntimeError: synthetic failure")


def test_a_raising_check_renders_in_either_language(clean, monkeypatch):
    from schemas.business import formats

    def boom(*_a, **_k):
        raise RuntimeError("synthetic failure")
    monkeypatch.setattr(formats, "email_ok", boom)
    ja, en = both(lambda lang: lint_path(clean, Options(on=ON, lang=lang, fixes=False)))
    f = check_pair(ja, en, {"ZL033"}, ("reason", "hint"))[0]
    assert "ZL207 の検査" in f.text("ja") and "check ZL207" in f.text("en")


# -- ZL004: the labels moved (a column inserted, rows inserted above the header) ----------------------------
@pytest.mark.parametrize("edit", ["insert_cols", "insert_rows"])
def test_zl004_renders_in_either_language(make_workbook, edit):
    path = make_workbook("henkou", golden_rows("henkou_v_clean"))
    wb = openpyxl.load_workbook(path)
    getattr(wb[HENKOU_COMMON], edit)(5 if edit == "insert_cols" else 2)
    wb.save(path)
    ja, en = both(lambda lang: lint_path(path, Options(on=ON, lang=lang)))
    f = check_pair(ja, en, {"ZL004"}, ("what",))[0]
    assert ("行目にあります" in f.text("ja")) == (edit == "insert_rows")


# -- ZL029 (hidden rows and columns) and ZL032 (a sheet read in part): the reader's notes -----------------
def test_zl029_renders_in_either_language(tmp_path, clean):
    part = sheet_part(clean, HENKOU_COMMON)

    def edit(x: bytes) -> bytes:
        x = x.replace(b'<row r="9"', b'<row r="9" hidden="1"', 1)
        return x.replace(b"<sheetData>", b'<cols><col min="10" max="11" hidden="1" width="9"/></cols><sheetData>', 1)
    p = rewrite(clean, tmp_path / "hidden.xlsx", {part: edit})
    ja, en = both(lambda lang: lint_path(p, Options(on=ON, lang=lang)))
    got = check_pair(ja, en, {"ZL029"}, ("what",))
    assert {f.params["what"] for f in got} == {Text("9行目", "row 9"), Text("J〜K列", "column(s) J-K")}


def test_zl032_renders_in_either_language(tmp_path, clean, monkeypatch):
    part = sheet_part(clean, HENKOU_COMMON)
    wide = rewrite(clean, tmp_path / "wide.xlsx", {part: lambda x: x.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>', 1)})
    unplaced = rewrite(clean, tmp_path / "unplaced.xlsx", {part: lambda x: x.replace(
        b"</sheetData>", b"<row><c><v>1</v></c></row></sheetData>", 1)})
    whats = set()
    for p in (wide, unplaced):
        ja, en = both(lambda lang: lint_path(p, Options(on=ON, lang=lang)))
        whats |= {f.params["what"] for f in check_pair(ja, en, {"ZL032"}, ("what",))}
    # a sheet whose XML is over the bound (lowered here: the real one is 40 MB) is streamed
    big = len(zipfile.ZipFile(clean).read(part))
    monkeypatch.setattr(safety, "MAX_SHEET_XML", big - 1)
    ja, en = both(lambda lang: lint_path(clean, Options(on=ON, lang=lang)))
    whats |= {f.params["what"] for f in check_pair(ja, en, {"ZL032"}, ("what",))}
    assert {("bytes" in w.en, "column" in w.en, "r=" in w.en) for w in whats} == \
        {(True, False, False), (False, True, False), (False, False, True)}, whats


# -- ZL003: a version newer than the shipped definitions --------------------------------------------------
def test_zl003_renders_in_either_language(make_workbook):
    p = make_workbook("henkou", golden_rows("henkou_v_clean"), name="newer.xlsx")
    wb = openpyxl.load_workbook(p)
    wb["メニュー"]["B1"] = wb["メニュー"]["B1"].value.replace("2026/04/01", "2099/01/01")
    wb.save(p)
    ja, en = both(lambda lang: lint_path(p, Options(on=ON, lang=lang)))
    check_pair(ja, en, {"ZL003"}, ("how",))


# -- ZL207: why an address cannot receive mail ------------------------------------------------------------
@pytest.mark.parametrize("address", ["nguyen@@example.com", "@example.com", "nguyen@example"])
def test_zl207_renders_in_either_language(make_workbook, address):
    rows = golden_rows("henkou_v_clean")
    rows[HENKOU_COMMON][0]["P"] = address
    p = make_workbook("henkou", rows)
    ja, en = both(lambda lang: lint_path(p, Options(on=ON, lang=lang)))
    assert [f.cell for f in check_pair(ja, en, {"ZL207"}, ("reason",))] == ["P8"]


# -- ZL201: the expected form of a birth date (unknown parts allowed) --------------------------------------
def test_zl201_renders_in_either_language(make_workbook):
    rows = golden_rows("henkou_v_clean")
    rows[HENKOU_COMMON][0]["C"] = "19980230"    # 生年月日: no 30 February
    p = make_workbook("henkou", rows)
    ja, en = both(lambda lang: lint_path(p, Options(on=ON, lang=lang)))
    f = check_pair(ja, en, {"ZL201"}, ("expected",))[0]
    assert f.cell == "C8" and "不明は" in f.text("ja") and "unknown:" in f.text("en")


def test_email_reason_keeps_its_callers_signature():
    from schemas.business.formats import email_ok, email_reason
    assert email_reason("nguyen@@example.com", "en") == email_reason("nguyen@@example.com") \
        == Text("@ が1つではありません", "@ must appear exactly once")
    assert email_reason("nguyen.an@example.com", "ja") == "" and email_ok("nguyen.an@example.com")
    assert not email_ok("nguyen@@example.com")


# -- upload files: ZL012, ZL013, ZL018, ZL019 --------------------------------------------------------------
def test_upload_rules_render_in_either_language(tmp_path):
    def lint(p):
        return both(lambda lang: lint_upload(p, Options(on=ON, lang=lang)))
    rows = lines_of(REAL)
    for enc in ("utf-8", "utf-16-be"):
        check_pair(*lint(write_upload(tmp_path / REAL.name, rows, encoding=enc)), {"ZL012"}, ("found", "hint"))
    check_pair(*lint(write_upload(tmp_path / REAL.name, rows, sep=",")), {"ZL013"}, ("found", "hint"))
    shaped = [r[:] for r in rows]
    shaped[1] = shaped[1][:-1]
    shaped[1][0] = "7"
    shaped[2][2] = "05Y1"
    got = check_pair(*lint(write_upload(tmp_path / REAL.name, shaped)), {"ZL018"}, ("problem",))
    assert [f.line for f in got] == [2, 3]
    assert got[0].text("ja").count("。") == 1 and got[0].text("en").count("; ") == 1    # two problems
    unknown = [r[:] for r in rows]
    for r in unknown[1:]:
        r[1], r[2] = "99Z", "99Z1"
    for name in ("upload_ver001.csv", REAL.name):     # no procedure at all; a procedure without that screen
        check_pair(*lint(write_upload(tmp_path / name, unknown)), {"ZL019"}, ("reason",))


# -- the reporters show the Text in their language, never its repr ----------------------------------------
def test_reporters_render_text_parameters(tmp_path, clean):
    part = sheet_part(clean, HENKOU_COMMON)
    p = rewrite(clean, tmp_path / "hidden.xlsx", {part: lambda x: x.replace(b'<row r="9"', b'<row r="9" hidden="1"', 1)})
    res = lint_path(p, Options(on=ON, lang="ja"))
    assert any(f.rule == "ZL029" for f in res.findings)
    for name, fmt in report.FORMATS.items():
        for lang in ("ja", "en"):
            out = fmt([res], lang)
            assert "Text(" not in out, (name, lang)
            if name == "json":
                assert "9行目" in out          # JSON's message stays in the run's language
            elif lang == "en":
                assert "row 9 on" in out and "9行目" not in out, name
            else:
                assert "9行目" in out and "row 9" not in out, name


def test_upload_cell_findings_render_in_either_language(tmp_path):
    """The engine's findings on an upload file name the line and CSV column: that prefix too is rendered."""
    rows = lines_of(REAL)
    rows[1][rows[0].index("txtName")] = ""                 # ZL101
    rows[1][3] = "ベトナム Viet Nam"                          # ZL105: the label, not its code
    rows[2][3] = "999"                                      # ZL105: no such code
    mail = next(i for i, h in enumerate(rows[0]) if "mail" in h.lower())
    rows[2][mail] = "nguyen@@example.com"                   # ZL207, with its reason a Text
    p = write_upload(tmp_path / REAL.name, rows)
    ja, en = both(lambda lang: lint_upload(p, Options(on=ON, lang=lang)))
    assert [f.rule for f in ja.findings] == [f.rule for f in en.findings]
    got = {(f.rule, f.line) for f in ja.findings}
    assert {("ZL101", 2), ("ZL105", 2), ("ZL105", 3), ("ZL207", 3)} <= got, got
    for a, b in zip(ja.findings, en.findings):
        assert a.message == a.text("ja") and b.message == b.text("en")
        assert a.text("en") == b.message and b.text("ja") == a.message, (a.rule, a.text("en"), b.message)
        assert "located" not in a.to_json()
    f = next(f for f in ja.findings if f.rule == "ZL207")
    assert f.text("en").startswith(f"line 3, column {mail + 1} (") and "must appear exactly once" in f.text("en")
