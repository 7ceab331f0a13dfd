"""The upload file (tab-separated UTF-16 ".csv" the official tool exports): linter/upload.py."""
from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from linter.engine import Options
from linter.upload import decode, lint_upload, split_lines
from schemas import rules as R

DATA = Path(__file__).parent / "data" / "upload"
REAL = DATA / "SA_03_002_05V1_ver001.csv"
ON = dt.date(2026, 5, 1)
NATIONALITY = "WCCBS010Dto:selNationalityAndRegion"


# the official tool's exports of the *_clean golden fixtures, one per procedure (tests/golden/README.md)
EXPORTS = {"henkou": DATA / "SA_03_002_05V1_ver001.csv", "koushin": DATA / "SA_03_003_04V1_ver001.csv",
           "nintei": DATA / "SA_03_001_01V1_ver001.csv"}
PROCEDURE_JA = {"henkou": "変更", "koushin": "更新", "nintei": "認定"}
# a filing date that fits the data: a renewal is filed at most about 3 months before the expiry date
# (the 更新 rows expire 2026-08-20 at the latest); the others use ON
FILING = {"koushin": dt.date(2026, 5, 25)}


def real_export() -> Path:
    assert REAL.exists(), REAL          # committed with the tests
    return REAL


def corporate_number(base12: str) -> str:
    """A 13-digit corporate number with its correct check digit (法人番号の指定等に関する省令 第2条)."""
    digits = [int(c) for c in reversed(base12)]
    total = sum(d * (1 if n % 2 == 0 else 2) for n, d in enumerate(digits))
    return str(9 - total % 9) + base12


def lines_of(path: Path, real_corporate_numbers: bool = True) -> list[list[str]]:
    """The export's lines split into cells. The golden fixtures' corporate numbers are made up (the
    official tool does not check the check digit, ZL210 does): by default they get a real check digit,
    so that the file is clean for every rule and each test sees only the fault it plants."""
    text = path.read_bytes().decode("utf-16")
    rows = [ln.split("\t") for ln in text.split("\r\n")]
    if real_corporate_numbers:
        header = rows[0]
        cols = [i for i, h in enumerate(header) if h.endswith("HujnNo")]     # 法人番号
        for r in rows[1:]:
            for i in cols:
                if i < len(r) and len(r[i]) == 13 and r[i].isdigit():
                    r[i] = corporate_number(r[i][1:])
    return rows


def write_upload(path: Path, rows: list[list[str]], encoding="utf-16", sep="\t", eol="\r\n") -> Path:
    if sep == "\t":
        text = eol.join(sep.join(r) for r in rows)
    else:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator=eol)
        w.writerows(rows)
        text = buf.getvalue()[: -len(eol)]
    path.write_bytes(text.encode(encoding))   # "utf-16" writes the BOM (little-endian here)
    return path


def lint(path: Path, **kw):
    return lint_upload(path, Options(on=ON, **kw))


def codes(result) -> set[str]:
    return {f.rule for f in result.findings}


@pytest.mark.parametrize("procedure", sorted(EXPORTS))
def test_real_exports_are_clean_for_every_rule(procedure, tmp_path):
    """The official tool's own exports (変更, 更新, 認定), every rule on: no finding at all once the made-up
    corporate numbers carry a real check digit; as exported, ZL210 on exactly those numbers."""
    path = EXPORTS[procedure]
    on = FILING.get(procedure, ON)
    res = lint_upload(path, Options(on=on))
    assert res.template is not None
    assert (res.template.procedure, res.template.status) == (PROCEDURE_JA[procedure], "特定技能")
    assert res.applicants == len(lines_of(path)) - 1 == 2
    assert all(f.line and f.csv_header and f.sheet is None for f in res.findings)
    errors = [f for f in res.findings if f.severity == "error"]
    assert errors and {f.rule for f in errors} == {"ZL210"}
    assert all(len(f.message) and f.csv_header for f in errors)
    fixed = lint_upload(write_upload(tmp_path / path.name, lines_of(path)), Options(on=on))
    assert [(f.rule, f.line, f.csv_header) for f in fixed.findings] == []


def test_real_export_shape():
    rows = lines_of(real_export(), real_corporate_numbers=False)
    assert REAL.read_bytes()[:2] == b"\xff\xfe"
    assert all(len(r) == len(rows[0]) for r in rows)
    assert rows[0][:3] == ["", "", ""] and rows[1][1:3] == ["05V", "05V1"]
    text, bare = split_lines(decode(REAL.read_bytes()).text)
    assert bare == [] and len(text) == len(rows)


def test_rules_registered():
    for code in ("ZL011", "ZL012", "ZL013", "ZL014", "ZL015", "ZL016", "ZL017", "ZL018", "ZL019"):
        assert R.get(code).severity == "error"


def test_utf8_reexport(tmp_path):
    p = write_upload(tmp_path / REAL.name, lines_of(real_export()), encoding="utf-8")
    res = lint(p)
    assert codes(res) == {"ZL012"}
    assert "UTF-8" in res.findings[0].message and "UTF-16" in res.findings[0].message


def test_utf8_bom_english(tmp_path):
    p = tmp_path / REAL.name
    p.write_bytes(b"\xef\xbb\xbf" + "\r\n".join("\t".join(r) for r in lines_of(real_export())).encode("utf-8"))
    res = lint(p, lang="en")
    assert codes(res) == {"ZL012"}
    assert "UTF-8 with BOM" in res.findings[0].message


def test_comma_reexport(tmp_path):
    p = write_upload(tmp_path / REAL.name, lines_of(real_export()), sep=",")
    res = lint(p)
    assert codes(res) == {"ZL013"}
    assert "タブ" in res.findings[0].message


def test_renamed_ver_tail(tmp_path):
    rows = lines_of(real_export())
    bad = lint(write_upload(tmp_path / "SA_03_002_05V1_ver002.csv", rows))
    assert codes(bad) == {"ZL011"}
    assert "ver001.csv" in bad.findings[0].message
    assert codes(lint(write_upload(tmp_path / "SA_03_002_05V1.csv", rows))) == {"ZL011"}
    # the part before "ver" may change; the procedure then comes from the screen code
    ok = lint(write_upload(tmp_path / "株式会社サンプル_ver001.csv", rows))
    assert codes(ok) == set() and ok.template.procedure == "変更"


def test_blank_line(tmp_path):
    rows = lines_of(real_export())
    rows.insert(2, [""])
    res = lint(write_upload(tmp_path / REAL.name, rows))
    assert "ZL015" in codes(res)
    f = next(f for f in res.findings if f.rule == "ZL015")
    assert f.row == 3 and f.line == 3


def test_lf_line_breaks(tmp_path):
    res = lint(write_upload(tmp_path / REAL.name, lines_of(real_export()), eol="\n"))
    assert codes(res) == {"ZL014"}


def test_301_applicants(tmp_path):
    rows = lines_of(real_export())
    body = [list(rows[1 + i % (len(rows) - 1)]) for i in range(301)]
    for n, r in enumerate(body, start=1):
        r[0] = str(n)
    res = lint(write_upload(tmp_path / REAL.name, [rows[0]] + body), select=("ZL0",))
    assert codes(res) == {"ZL016"}
    assert "301" in res.findings[0].message
    ok = lint(write_upload(tmp_path / REAL.name, [rows[0]] + body[:300]), select=("ZL0",))
    assert codes(ok) == set()


def test_bad_code_names_line_and_header(tmp_path):
    rows = lines_of(real_export())
    assert rows[0][3] == NATIONALITY
    rows[2][3] = "999"
    res = lint(write_upload(tmp_path / REAL.name, rows))
    errs = [f for f in res.findings if f.severity == "error"]
    assert [f.rule for f in errs] == ["ZL105"]
    f = errs[0]
    assert f.row == 3 and f.line == 3 and f.csv_column == 4
    assert f.column == NATIONALITY and f.csv_header == NATIONALITY and f.field == "国籍・地域"
    assert f.sheet is None and f.cell is None
    assert f.message.startswith(f"3行目 4列目（{NATIONALITY}）") and "999" in f.message
    doc = f.to_json()
    assert doc["line"] == 3 and doc["csv_header"] == NATIONALITY and doc["template_column"] == "B"


def test_label_instead_of_code(tmp_path):
    rows = lines_of(real_export())
    rows[1][3] = "ベトナム Viet Nam"     # the label, not its code 283
    res = lint(write_upload(tmp_path / REAL.name, rows))
    assert [(f.rule, f.line, f.csv_column) for f in res.findings if f.severity == "error"] == [("ZL105", 2, 4)]


def test_bad_dependent_address_code(tmp_path):
    rows = lines_of(real_export())
    col = rows[0].index("WCCBS010Dto:hdnSearchedAddress")
    rows[1][col] = "999999"
    res = lint(write_upload(tmp_path / REAL.name, rows))
    errs = [f for f in res.findings if f.severity == "error"]
    assert errs and all(f.line == 2 for f in errs)
    assert any(f.csv_column == col + 1 for f in errs)


def test_required_field_missing(tmp_path):
    rows = lines_of(real_export())
    col = rows[0].index("txtName")
    rows[1][col] = ""
    res = lint(write_upload(tmp_path / REAL.name, rows))
    assert ("ZL101", 2, "txtName") in {(f.rule, f.line, f.column) for f in res.findings}


def test_header_and_line_shape(tmp_path):
    rows = lines_of(real_export())
    rows[0][4] = "txtNameX"
    rows[1] = rows[1][:-1]
    rows[2][2] = "05Y1"
    res = lint(write_upload(tmp_path / REAL.name, rows), select=("ZL0",))
    got = [(f.rule, f.line) for f in res.findings]
    assert ("ZL017", 1) in got and ("ZL018", 2) in got and ("ZL018", 3) in got


def test_not_recognised(tmp_path):
    rows = lines_of(real_export())
    for r in rows[1:]:
        r[1], r[2] = "99Z", "99Z1"
    res = lint(write_upload(tmp_path / "upload_ver001.csv", rows))
    assert codes(res) == {"ZL019"} and res.template is None


def test_split_date_and_shared_address_columns_map_back():
    """年月 fields exported as two columns (year, month) and 住所 (都道府県 + 市区町村 in one column)."""
    from conftest import SSW, snapshot
    from linter.upload import _LineMapper, column_map
    snap = snapshot("henkou")
    cmap = column_map(snap, snap.status_by_label(SSW))
    header = [""] * 470
    for c, h in cmap.headers.items():
        header[c - 1] = h
    cells = [""] * 470
    cells[header.index("empHisList[1].selJobStartDateYear")] = "2020"
    cells[header.index("empHisList[1].selJobStartDateMonth")] = "04"
    cells[header.index("WCCBS010Dto:hdnSearchedAddress")] = "131041"     # 新宿区 (東京都)
    out = _LineMapper(cmap).map_line(cells)
    kubun = snap.status_by_label(SSW).sheet
    assert out[kubun]["AK"] == "202004"
    assert out[snap.common_sheet]["K"] == "東京都" and out[snap.common_sheet]["L"] == "新宿区"


# --- the reader on the same mapping as the exporter (issue 9: re-entry flags, header per status) ----

def _golden(name: str):
    from upload_goldens import upload_goldens
    g = next((g for g in upload_goldens() if g.name == name), None)
    if g is None:
        pytest.skip(f"golden {name} not available")
    return g


def _under_official_name(g, tmp_path: Path) -> Path:
    from schemas.upload_layout import layout_for
    out = tmp_path / layout_for(g.snap, g.status).file_name()
    out.write_bytes(g.csv.read_bytes())
    return out


def test_reentry_and_extra_activity_rows_no_false_zl108(tmp_path):
    # official export of 再入国許可 (r10) and 資格外活動 (r11) rows, 0 official errors: the 「有 Yes」 flags of
    # list A036 have an empty code, so the file leaves them blank; the fields under them are not "not applicable"
    g = _golden("koushin_v_simul")
    lines = lines_of(g.csv)
    header = lines[0]
    assert lines[3][header.index("re.knchTokoPurpsMti")] == ""      # 同時申請 X 「有 Yes」 → nothing
    assert lines[3][header.index("re.tokoPurpsCode")] != ""
    res = lint(_under_official_name(g, tmp_path))
    assert not [f for f in res.findings if f.rule == "ZL108"], [f.message for f in res.findings]
    assert not [f for f in res.findings if f.severity == "error" and f.rule.startswith(("ZL0", "ZL1"))]


@pytest.mark.parametrize("name", ["henkou_N_gijinkoku", "koushin_N_gijinkoku", "nintei_N_gijinkoku",
                                  "henkou_T_nihonjin", "koushin_T_nihonjin"])
def test_header_row_per_status(name, tmp_path):
    # the header line also carries the 高度専門職ポイント表's names at the status's columns (getOutDefList)
    g = _golden(name)
    res = lint(_under_official_name(g, tmp_path))
    assert not [f for f in res.findings if f.rule in ("ZL017", "ZL018", "ZL108")], [f.message for f in res.findings]


def test_header_row_wrong_name_still_reported(tmp_path):
    g = _golden("henkou_N_gijinkoku")
    rows = lines_of(g.csv)
    col = rows[0].index("WCCES010Dto:selGkrkCode")
    rows[0][col] = "selGkrkCode"
    from schemas.upload_layout import layout_for
    res = lint(write_upload(tmp_path / layout_for(g.snap, g.status).file_name(), rows))
    hits = [f for f in res.findings if f.rule == "ZL017"]
    assert [f.csv_column for f in hits] == [col + 1]


def test_file_name_tail_of_the_status(tmp_path):
    # 認定 文化活動: the workbook's formula names the file …_ver002.csv (表示シート制御マスタ F), which is fine;
    # the same file renamed …_ver001.csv is not
    g = _golden("nintei_J_bunka")
    ok = tmp_path / "SA_03_001_01J2_ver002.csv"
    ok.write_bytes(g.csv.read_bytes())
    assert "ZL011" not in codes(lint(ok))
    bad = tmp_path / "SA_03_001_01J2_ver001.csv"
    bad.write_bytes(g.csv.read_bytes())
    hits = [f for f in lint(bad).findings if f.rule == "ZL011"]
    assert len(hits) == 1 and "ver002.csv" in hits[0].message
