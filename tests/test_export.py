"""`zairyu-lint export`: byte-identical to the official export on every golden with a real upload file,
safe by default (refusal, --ignore, --force, no overwrite, skipped-row warnings), folders."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from devtools.bare import write_bare_workbook
from linter.cli import main
from linter.engine import Options
from linter.export import build_lines, encode, export_workbook
from linter.reader import read_workbook
from schemas.upload_layout import layout_for
from upload_goldens import first_difference, upload_goldens

GOLDENS = upload_goldens()
ON = dt.date(2026, 4, 15)


def golden_workbook(g, tmp_path: Path, with_menu: bool = True) -> Path:
    return write_bare_workbook(g.snap, tmp_path / f"{g.name}.xlsx", g.rows, g.status.label, with_menu=with_menu)


def test_goldens_found():
    # the three first *_clean fixtures at least; the sweep adds every status
    assert len(GOLDENS) >= 3
    assert {g.snap.procedure for g in GOLDENS} >= {"henkou", "koushin", "nintei"}


@pytest.fixture(scope="module")
def golden_books(tmp_path_factory):
    """One workbook per golden for the module (writing and checking them is most of the time)."""
    folder = tmp_path_factory.mktemp("goldens")
    cache = {}

    def get(g):
        if g.name not in cache:
            cache[g.name] = golden_workbook(g, folder)
        return cache[g.name]
    return get


@pytest.mark.parametrize("g", GOLDENS, ids=str)
def test_byte_identical(g, golden_books):
    wb = read_workbook(golden_books(g))
    layout = layout_for(g.snap, g.status)
    lines, _ = build_lines(layout, wb)
    got = encode(lines)
    expected = g.csv.read_bytes()
    assert first_difference(expected, got) is None, f"{g.name}: {first_difference(expected, got)}"
    assert layout.file_name() == Path(g.oracle["upload_file"]).name or g.csv.parent.name == "sweep"


def test_first_difference_names_line_and_header():
    a = "\ufeffx\ty\tz\r\n1\t05V\t05V1".encode("utf-16-le")
    b = "\ufeffx\ty\tz\r\n1\t05V\t05V2".encode("utf-16-le")
    assert first_difference(a, b) == "line 2, column 3 (z): expected '05V1', got '05V2'"


# --- the check agrees with itself on the upload file (issue 9 item 5, issue 12 item 6) ----------

# ZL6xx are about Excel cell types (a number or a date where text belongs): an upload file is all text
CELL_TYPE_RULES = ("ZL6",)


def _keys_workbook(result):
    return sorted((f.rule, f.row - 7 if f.row else None, f.sheet, f.column) for f in result.findings
                  if not f.rule.startswith(CELL_TYPE_RULES))


def _keys_upload(result):
    return sorted((f.rule, f.line - 1 if f.line else None, f.template_sheet, f.template_column)
                  for f in result.findings)


@pytest.mark.parametrize("g", GOLDENS, ids=str)
def test_workbook_and_upload_checks_agree(g, golden_books, tmp_path):
    """check on the workbook == check on its official upload file == check on what `export` writes."""
    from linter.engine import lint_path
    from linter.upload import lint_upload
    opts = Options(on=ON)
    book = golden_books(g)
    on_workbook = lint_path(book, opts)
    res = export_workbook(read_workbook(book), tmp_path, opts, force=True)
    assert res.written is not None and res.written.name == layout_for(g.snap, g.status).file_name()
    # the written file is the official one byte for byte, so one check of it is a check of both
    assert res.written.read_bytes() == g.csv.read_bytes()
    on_upload = lint_upload(res.written, opts)
    assert not on_workbook.unreadable and not on_upload.unreadable
    assert _keys_upload(on_upload) == _keys_workbook(on_workbook)
    # the official tool passed these: nothing of the column table may fire on either side
    assert not [f for f in on_upload.findings if f.rule.startswith(("ZL01", "ZL1"))]


# --- safe by default: the command line on real workbooks ------------------------------------------

SAMPLES = Path(__file__).resolve().parents[1] / "sample_workbooks"


def _golden(name):
    g = next((g for g in GOLDENS if g.name == name), None)
    if g is None:
        pytest.skip(f"golden {name} not available")
    return g


def run(*args):
    r = CliRunner().invoke(main, ["export", *map(str, args)])
    return r.exit_code, r.stdout, r.stderr


def test_clean_workbook_written_under_the_official_name(tmp_path):
    g = _golden("nintei_N_gijinkoku")        # no finding at all
    wb = golden_workbook(g, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    code, stdout, _ = run(wb, "-o", out, "--on", ON)
    assert code == 0
    written = out / layout_for(g.snap, g.status).file_name()
    assert written.name == "SA_03_001_01N2_ver001.csv"
    assert written.read_bytes() == g.csv.read_bytes()
    assert str(written) in stdout
    # default place: next to the workbook
    code, _, _ = run(wb, "--on", ON)
    assert code == 0 and (wb.parent / written.name).read_bytes() == g.csv.read_bytes()


def test_refuses_on_errors_and_prints_them_as_check_does(tmp_path):
    wb = SAMPLES / "koushin_ssw_mistakes.xlsx"
    out = tmp_path / "o.csv"
    code, stdout, stderr = run(wb, "-o", out, "--on", ON)
    assert code == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []
    check = CliRunner().invoke(main, ["check", str(wb), "--on", str(ON), "--no-show-fixes"])
    assert stdout == check.stdout            # the check's own text format (export plans no fixes)
    assert "ZL105" in stdout and "出力しませんでした" in stderr
    # a silently skipped row is said even when refusing
    assert "ZL006" not in stderr and "37行目以降" in stderr


def test_ignore_lets_a_known_rule_through(tmp_path):
    g = _golden("henkou_v_clean")            # the made-up 法人番号 fail ZL210 (ours, not the official tool's)
    wb = golden_workbook(g, tmp_path)
    out = tmp_path / "u.csv"
    assert run(wb, "-o", out, "--on", ON)[0] == 1 and not out.exists()
    code, _, _ = run(wb, "-o", out, "--on", ON, "--ignore", "ZL210")
    assert code == 0 and out.read_bytes() == g.csv.read_bytes()


def test_force_writes_despite_errors_and_overwrites_only_with_force(tmp_path):
    wb = SAMPLES / "koushin_ssw_mistakes.xlsx"
    out = tmp_path / "u.csv"
    out.write_bytes(b"keep")
    code, _, stderr = run(wb, "-o", out, "--on", ON, "--ignore", "ZL")
    assert code == 2 and out.read_bytes() == b"keep" and "--force" in stderr
    code, _, stderr = run(wb, "-o", out, "--on", ON, "--force")
    assert code == 0
    lines = out.read_bytes()[2:].decode("utf-16-le").split("\r\n")
    # row 36 is blank: the official loop stops there, rows 8-35 are written (28 applicants)
    assert len(lines) == 1 + 28 and lines[-1].split("\t")[0] == "28"
    assert "37行目以降" in stderr


def test_bare_workbook_without_menu_needs_the_status(tmp_path):
    g = _golden("nintei_N_gijinkoku")
    wb = golden_workbook(g, tmp_path, with_menu=False)
    out = tmp_path / "u.csv"
    code, _, _ = run(wb, "-o", out, "--on", ON, "--status", g.status.screen_code)
    assert code == 0 and out.read_bytes() == g.csv.read_bytes()
    code, _, stderr = run(wb, "-o", tmp_path / "v.csv", "--status", "存在しない資格")
    assert code == 2 and "存在しない資格" in stderr


def test_folder_summary(tmp_path):
    out = tmp_path / "out"
    code, stdout, _ = run(SAMPLES, "-o", out, "--on", ON, "--lang", "en")
    assert code == 1
    assert (out / "henkou_ssw_clean" / "SA_03_002_05V1_ver001.csv").exists()
    assert (out / "koushin_ssw_clean" / "SA_03_003_04V1_ver001.csv").exists()
    assert not (out / "koushin_ssw_mistakes" / "SA_03_003_04V1_ver001.csv").exists()
    table = stdout[stdout.index("\nworkbook "):]
    assert "2 written, 2 refused, 0 unreadable" in table
    mistakes = next(ln for ln in table.splitlines() if "koushin_ssw_mistakes" in ln)
    from linter.engine import Options, lint_path
    n_err = lint_path(SAMPLES / "koushin_ssw_mistakes.xlsx", Options(on=ON, fixes=False)).count("error")
    assert "refused" in mistakes and f" {n_err} " in mistakes and n_err > 0


def test_folder_reports_unreadable(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "broken.xlsx").write_bytes(b"not a zip")
    code, stdout, stderr = run(src, "-o", tmp_path / "out", "--lang", "en")
    assert code == 2 and "0 written, 0 refused, 1 unreadable" in stdout and "broken.xlsx" in stderr


def test_official_workbook_exports_like_the_official_tool(tmp_path):
    # the official 変更 workbook itself (copied outside the repository), the golden rows typed in
    from conftest import official
    from schemas.cells import cell_text
    from test_annotate import fill_official
    g = _golden("henkou_v_clean")
    values = {s: {f"{c}{8 + i}": cell_text(v) for i, row in enumerate(rs) for c, v in row.items() if cell_text(v) != ""}
              for s, rs in g.rows.items()}
    wb = fill_official(official("henkou"), tmp_path / "filled.xlsm", values, g.status.label)
    out = tmp_path / "out"
    out.mkdir()
    code, _, _ = run(wb, "-o", out, "--on", ON, "--ignore", "ZL210")
    assert code == 0
    assert (out / "SA_03_002_05V1_ver001.csv").read_bytes() == g.csv.read_bytes()


def test_split_export_one_upload_file_per_part(tmp_path):
    src = SAMPLES / "koushin_ssw_320.xlsx"       # 320 applicants, clean otherwise (dates as of 2026-12-01)
    out = tmp_path / "parts"
    r = CliRunner().invoke(main, ["split", str(src), "-o", str(out), "--export", "--on", "2026-12-01"])
    assert r.exit_code == 0, r.output
    files = sorted(out.glob("*/SA_03_003_04V1_ver001.csv"))
    assert [f.parent.name for f in files] == ["koushin_ssw_320_01", "koushin_ssw_320_02"]
    first, second = ([ln.split("\t") for ln in f.read_bytes()[2:].decode("utf-16-le").split("\r\n")] for f in files)
    assert len(first) == 1 + 300 and len(second) == 1 + 20
    assert [ln[0] for ln in second[1:]] == [str(n) for n in range(1, 21)]
    # the official routine on the whole workbook stops at row 307: the same file as part 1
    whole = tmp_path / "whole.csv"
    assert run(src, "-o", whole, "--on", "2026-12-01", "--force")[0] == 0
    assert whole.read_bytes() == files[0].read_bytes()
    # a second run does not overwrite
    r = CliRunner().invoke(main, ["split", str(src), "-o", str(out), "--export", "--on", "2026-12-01"])
    assert r.exit_code == 2


def test_tab_or_line_break_in_a_free_text_cell_is_refused(tmp_path):
    # 「すべて」 fields (e.g. 区分N DP 活動内容詳細) accept any character, so the official check passes a pasted
    # tab or line break and its export writes it raw: the upload line would shift or split
    import copy
    g = _golden("nintei_N_gijinkoku")
    rows = copy.deepcopy(g.rows)
    rows["申請情報入力(区分N)"][1]["DP"] = "翻訳業務\t通訳業務\n営業"
    wb = write_bare_workbook(g.snap, tmp_path / "tab.xlsx", rows, g.status.label)
    out = tmp_path / "u.csv"
    code, _, stderr = run(wb, "-o", out, "--on", ON)
    assert code == 1 and not out.exists()
    assert "申請情報入力(区分N)!DP9" in stderr and "タブまたは改行" in stderr
    code, _, _ = run(wb, "-o", out, "--on", ON, "--force")
    assert code == 0
    text = out.read_bytes()[2:].decode("utf-16-le")
    assert "翻訳業務\t通訳業務\n営業" in text           # written raw, as the official routine would


def test_file_name_follows_the_workbook_formula():
    # 表示シート制御マスタ L3: 変更/更新 "SA_03_00x_"&Z2&"_ver001.csv"; 認定 takes "ver" from column F of the
    # status's row, which is 002 for 文化活動 (snapshot Status.file_version, read by the importer)
    from conftest import snapshot
    from linter.export import find_status
    names = {p: {s.screen_code: layout_for(snapshot(p), s).file_name() for s in snapshot(p).statuses if s.csv_letter}
             for p in ("henkou", "koushin", "nintei")}
    assert names["henkou"]["05V1"] == "SA_03_002_05V1_ver001.csv"
    assert names["koushin"]["04J2"] == "SA_03_003_04J2_ver001.csv"
    assert names["nintei"]["01J2"] == "SA_03_001_01J2_ver002.csv"
    assert names["nintei"]["01J1"] == "SA_03_001_01J1_ver001.csv"
    assert find_status(snapshot("nintei"), "文化活動").screen_code == "01J2"


def test_lists_keyed_by_their_own_name_match_each_workbooks_vba():
    # mdMain.outputFile / chkInputErrRow name them per workbook:
    #   変更 CC13_3, CC02_4, CC02_5, CC02_7; 更新 CC13_3, CC13_5, CC02_4; 認定 CC13_3, CC02_6, CC02_7
    # (the 更新 CC13_5 — 所属機関 主たる業種 under 現に有する在留資格 — once looked up as CB19_T03: false ZL106)
    from conftest import snapshot
    from schemas.template_schema import screen_keyed
    vba = {"henkou": {"CC13_3", "CC02_4", "CC02_5", "CC02_7"}, "koushin": {"CC13_3", "CC13_5", "CC02_4"},
           "nintei": {"CC13_3", "CC02_6", "CC02_7"}}
    for proc, names in vba.items():
        snap = snapshot(proc)
        used = {f.code_list for f in snap.fields if f.code_list in names}
        assert screen_keyed(snap) == used, proc
    assert "CC13_5" in screen_keyed(snapshot("koushin"))


def test_highly_skilled_status_is_refused_with_a_reason(tmp_path):
    # 高度専門職: the CSV columns depend on the 主たる活動内容 too (no column letter for the status alone)
    from conftest import snapshot
    snap = snapshot("henkou")
    st = next(s for s in snap.statuses if not s.csv_letter)
    wb = write_bare_workbook(snap, tmp_path / "hsp.xlsx", {snap.common_sheet: [{"B": "x"}]}, st.label)
    res = export_workbook(read_workbook(wb), tmp_path, Options(on=ON), force=True)
    assert res.written is None and res.refused_for == "template" and "主たる活動内容" in res.refused
    assert not list(tmp_path.glob("*.csv"))
