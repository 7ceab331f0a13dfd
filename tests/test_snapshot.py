"""The shipped snapshots hold the official workbooks' facts, read independently of the importer
(openpyxl on 列項目TBL, マスタ and 表示シート制御マスタ, by header name); `zairyu-lint schema import`
reproduces them; a workbook of an unknown version is checked with the definitions in its own hidden
sheets (ZL003).

The official workbooks are read from ../shared/official (a skip when absent, a failure under CI=true) and never copied
into the repository; modified copies live only in tmp_path.
"""
from __future__ import annotations

import gzip
import json
import zipfile

import pytest
from click.testing import CliRunner

from conftest import OFFICIAL_FILES, SNAPSHOT_VERSIONS, SSW, official, snapshot
from linter.cli import main
from linter.engine import Options, lint_path
from schemas.snapshot import load_snapshot_file

PROCEDURES = sorted(OFFICIAL_FILES)
BANNER_TITLES = {"henkou": "在留資格変更情報入力メニュー", "koushin": "在留期間更新情報入力メニュー",
                 "nintei": "在留資格認定証明書情報入力メニュー"}
V = "申請情報入力(区分V)"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """procedure -> (CLI output, imported snapshot), each official workbook imported once."""
    cache = {}

    def get(procedure: str):
        if procedure not in cache:
            src = official(procedure)
            out_dir = tmp_path_factory.mktemp(f"snap_{procedure}")
            res = CliRunner().invoke(main, ["schema", "import", str(src), "-o", str(out_dir)])
            assert res.exit_code == 0, res.output
            files = list(out_dir.glob("*.json.gz"))
            assert len(files) == 1, files
            cache[procedure] = (res.output, files[0], load_snapshot_file(files[0]))
        return cache[procedure]
    return get


def _comparable(snap) -> dict:
    d = snap.to_json()
    d.pop("source_sha256")
    return d


# --- the official workbook read on its own, with openpyxl, by the header names of 列項目TBL ----------------
@pytest.fixture(scope="module")
def official_tables():
    """procedure -> {"tbl": [dict per 列項目TBL row], "masters": {sheet: rows}, "menu": [(label, sheet)]}."""
    import openpyxl
    cache = {}

    def get(procedure: str):
        if procedure not in cache:
            wb = openpyxl.load_workbook(official(procedure), read_only=True, data_only=True)
            rows = list(wb["列項目TBL"].iter_rows(values_only=True))
            head = list(rows[0])
            tbl = []
            for r in rows[1:]:
                if not r or not r[0]:
                    break
                tbl.append({h: r[i] for i, h in enumerate(head) if h and i < len(r)})
            masters = {m: [list(r) for r in wb[m].iter_rows(values_only=True)] for m in ("マスタ",)}
            menu = [(r[1], r[2]) for r in list(wb["表示シート制御マスタ"].iter_rows(values_only=True))[2:] if r[1]]
            wb.close()
            cache[procedure] = {"tbl": tbl, "masters": masters, "menu": menu}
        return cache[procedure]
    return get


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_snapshot_fields_match_the_official_column_table(procedure, official_tables):
    """300 rows of 列項目TBL, sampled with a fixed seed, against the shipped snapshot's fields."""
    import random
    tbl = official_tables(procedure)["tbl"]
    snap = snapshot(procedure)
    assert len(snap.fields) == len(tbl)
    by_key = {}
    for f in snap.fields:
        by_key.setdefault((f.sheet, ",".join(f.cols)), []).append(f)
    sample = random.Random(20260401).sample(range(len(tbl)), min(300, len(tbl)))
    for i in sample:
        row = tbl[i]
        key = (row["シート"], ",".join(c.strip() for c in _text(row["列位置"]).split(",")))
        f = snap.fields[i]
        assert (f.sheet, ",".join(f.cols)) == key, (i, key)
        where = f"{procedure} 列項目TBL row {i + 2} {key}"
        assert f.label == _text(row["列項目名"]), where
        assert f.classes == [c for c in _text(row["チェック種別"]).split("，") if c], where
        assert f.length == (int(row["桁数"]) if _text(row["桁数"]) else None), where
        assert f.exact == (_text(row["桁数一致"]) != ""), where
        assert f.required == (_text(row["必須"]) != ""), where
        assert f.code_list == _text(row["業務コード"]), where
        assert (f.list_parent_sheet, f.list_parent_col) == (_text(row["リスト連動親シート"]),
                                                             _text(row["リスト連動親列"])), where
        assert (f.cond_cols, f.cond_values) == (_text(row["チェック親列"]), _text(row["チェック親値"])), where
        assert f.csv_header == _text(row["CSVヘッダ名"]), where
        assert f.csv_all == (int(row["CSV出力列番号"]) if _text(row["CSV出力列番号"]) else 0), where


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_snapshot_code_lists_match_the_official_master_sheet(procedure, official_tables):
    """Every マスタ list of the snapshot: the labels and codes under its id in the sheet's first row."""
    grid = official_tables(procedure)["masters"]["マスタ"]
    snap = snapshot(procedure)
    ids = {_text(v): c for c, v in enumerate(grid[0]) if v}
    checked = 0
    for name, cl in snap.lists.items():
        if cl.sheet != "マスタ" or name not in ids:
            continue
        c = ids[name]
        items = [[_text(r[c]), _text(r[c + 1]) if c + 1 < len(r) else ""] for r in grid[2:]
                 if c < len(r) and _text(r[c]) != ""]
        assert [list(x) for x in cl.items] == items[:len(cl.items)], (procedure, name)
        checked += 1
    assert checked >= 50, checked
    # a few facts a reader can check by eye (golden README, facts 3-4)
    assert ["男 male", "1"] in [list(x) for x in snap.lists["C611"].items]
    assert ["ベトナム Viet Nam", "283"] in [list(x) for x in snap.lists["CA61"].items]


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_snapshot_statuses_match_the_official_menu_table(procedure, official_tables):
    """The 在留資格 menu is list CB18 of マスタ (label, screen code); each entry's 区分 sheet is in
    表示シート制御マスタ (column C of the row whose column B is the label)."""
    tables = official_tables(procedure)
    grid = tables["masters"]["マスタ"]
    c = [_text(v) for v in grid[0]].index("CB18")
    menu = [(_text(r[c]), _text(r[c + 1])) for r in grid[2:] if c < len(r) and _text(r[c])]
    sheet_of = {}
    for label, sheet in tables["menu"]:
        sheet_of.setdefault(label, sheet)
    snap = snapshot(procedure)
    assert [(s.label, s.screen_code, s.sheet) for s in snap.statuses] == \
        [(label, code, sheet_of[label]) for label, code in menu if label in sheet_of]
    assert len(snap.statuses) >= 20 and snap.status_by_label(SSW).sheet == V


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_import_reproduces_shipped_snapshot(procedure, imported):
    output, path, snap = imported(procedure)
    shipped = snapshot(procedure)
    version = SNAPSHOT_VERSIONS[procedure]
    assert path.name == f"{procedure}_{version.replace('/', '-')}.json.gz"
    # the banner version is detected
    assert snap.version == version
    assert snap.banner == f"{BANNER_TITLES[procedure]}（{version}版）"
    assert version in output and f"{len(snap.fields)} fields" in output
    # same facts as the shipped one, part by part (clearer failures), then as a whole
    assert snap.procedure == shipped.procedure
    assert snap.common_sheet == shipped.common_sheet
    assert snap.simultaneous_checked == shipped.simultaneous_checked
    assert snap.statuses == shipped.statuses
    assert snap.headers == shipped.headers
    assert snap.fields == shipped.fields
    assert snap.lists.keys() == shipped.lists.keys()
    assert snap.lists == shipped.lists
    assert _comparable(snap) == _comparable(shipped)
    assert len(snap.source_sha256) == 64


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_import_is_deterministic_json(procedure, imported):
    _, path, snap = imported(procedure)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    assert raw["version"] == SNAPSHOT_VERSIONS[procedure]
    assert raw == snap.to_json()


@pytest.mark.parametrize("procedure, kubun_v_fields", [("henkou", 265), ("nintei", 265), ("koushin", 263)])
def test_kubun_v_field_count(procedure, kubun_v_fields, imported):
    _, _, snap = imported(procedure)
    assert len(snap.headers[V]) == kubun_v_fields
    assert {f.col for f in snap.fields_of(V)} == set(snap.headers[V])
    ssw = snap.status_by_label("特定技能 Specified Skilled Worker")
    assert ssw is not None and ssw.sheet == V


def test_import_rejects_a_non_official_workbook(tmp_path, make_workbook):
    bare = make_workbook("henkou", {}, name="bare.xlsx")     # input sheets only, no 列項目TBL
    res = CliRunner().invoke(main, ["schema", "import", str(bare), "-o", str(tmp_path / "out")])
    assert res.exit_code == 2
    assert not list((tmp_path / "out").glob("*.json.gz")) if (tmp_path / "out").exists() else True


def _with_banner(src, dest, old: str, new: str):
    """Copy an official workbook, replacing the banner text in xl/sharedStrings.xml only."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_STORED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                assert data.count(old.encode()) == 1
                data = data.replace(old.encode(), new.encode())
            item.compress_type = zipfile.ZIP_STORED
            zout.writestr(item, data)
    return dest


def test_unknown_version_checked_with_own_definitions(tmp_path):
    src = official("henkou")
    path = _with_banner(src, tmp_path / "henkou_2027.xlsm", "（2026/04/01版）", "（2027/01/01版）")
    result = lint_path(path, Options())
    assert not result.unreadable
    zl003 = [f for f in result.findings if f.rule == "ZL003"]
    assert len(zl003) == 1
    assert zl003[0].severity == "warning"
    assert "2027/01/01" in zl003[0].message
    assert "ブック自身の非表示シート" in zl003[0].message
    assert result.template.version == "2027/01/01"
    assert result.template.source == "workbook"
    assert result.template.procedure == "変更"
    assert not [f for f in result.findings if f.severity == "error"]     # an empty template


def test_unknown_version_without_definitions_uses_nearest(tmp_path, make_workbook):
    import openpyxl
    path = make_workbook("henkou", {}, name="bare2027.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["メニュー"]["B1"] = "在留資格変更情報入力メニュー（2027/01/01版）"
    wb.save(path)
    result = lint_path(path, Options())
    zl003 = [f for f in result.findings if f.rule == "ZL003"]
    assert len(zl003) == 1 and "最も近い版" in zl003[0].message
    assert result.template.version == "2026/04/01"
    assert result.template.source == "nearest"


def test_zl212_fires_when_the_column_table_no_longer_pins_11_digits(tmp_path):
    """ZL212 (雇用保険適用事業所番号 = 11 digits) steps in only where 列項目TBL does not already demand 11
    half-width digits (ZL102/ZL104); every shipped version does. A newer workbook whose own table drops
    the class and the exact length for 区分V EL (its definitions are used: ZL003) gets ZL212 instead."""
    from conftest import cells_of, fill_official, golden_rows
    from linter.xlsx_package import Package
    src = official("henkou")
    snap = snapshot("henkou")
    i = next(k for k, f in enumerate(snap.fields) if f.sheet == V and f.cols == ["EL"])
    row = i + 2                                           # 列項目TBL: header in row 1
    rows = golden_rows("henkou_v_clean")
    rows[V][0]["EL"] = "1301-123456"
    shipped = tmp_path / "shipped.xlsm"
    fill_official(src, shipped, cells_of(rows), SSW)
    res = lint_path(shipped, Options())
    got = {(f.rule, f.cell) for f in res.findings}
    assert ("ZL102", "EL8") in got and not [f for f in res.findings if f.rule == "ZL212"]

    relaxed = _with_banner(shipped, tmp_path / "relaxed.xlsm", "（2026/04/01版）", "（2027/01/01版）")
    from conftest import _set_cells
    pkg = Package(relaxed)
    part = {s.name: s.part for s in pkg.sheets()}["列項目TBL"]
    pkg.set_text(part, _set_cells(pkg.text(part), {f"D{row}": "", f"F{row}": ""}))
    pkg.save(tmp_path / "newer.xlsm")
    res = lint_path(tmp_path / "newer.xlsm", Options())
    assert res.template.source == "workbook" and any(f.rule == "ZL003" for f in res.findings)
    zl212 = [f for f in res.findings if f.rule == "ZL212"]
    assert [(f.sheet, f.cell) for f in zl212] == [(V, "EL8")]
    assert not [f for f in res.findings if f.cell == "EL8" and f.rule in ("ZL102", "ZL104")]


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_template_facts_match_the_official_workbook(procedure):
    """The layout facts rules read (menu cell, 有/無, 同時申請 blocks) agree with the official workbook itself."""
    import openpyxl
    import openpyxl.utils
    snap = snapshot(procedure)
    wb = openpyxl.load_workbook(official(procedure), keep_vba=False)
    try:
        row, col = snap.menu_status_cell()
        ref = f"{openpyxl.utils.get_column_letter(col + 1)}{row}"
        # the status cell is the menu's drop-down (a list validation), the 在留資格 label at its left
        assert any(ref in dv.sqref for dv in wb["メニュー"].data_validations.dataValidation), ref
        assert str(wb["メニュー"].cell(row, col).value).strip() == "在留資格"
        yes_no = {label for label, _ in snap.lists["A045"].items}
        assert {snap.yes, snap.no} <= yes_no
        blocks = snap.simultaneous_blocks()
        if snap.simultaneous_checked:
            sim = wb["申請情報入力(同時申請)"]
            flags = [b for b in blocks if b["flag"]]
            assert len(flags) == 3 and blocks[0]["flag"] is None and blocks[0]["first"] == 2
            for b in flags:   # each kind's heading on row 3 sits where its block starts, and names the flag's kind
                heading = str(sim.cell(3, b["first"]).value).strip()
                assert str(sim[f"{b['flag']}5"].value).startswith(heading), (b, heading)
    finally:
        wb.close()
