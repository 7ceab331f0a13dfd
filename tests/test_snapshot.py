"""`zairyu-lint schema import` on the official workbooks reproduces the shipped snapshots, and a
workbook of an unknown version is checked with the definitions in its own hidden sheets (ZL003).

The official workbooks are read from ../shared/official (skipped when absent) and never copied
into the repository; modified copies live only in tmp_path.
"""
from __future__ import annotations

import gzip
import json
import zipfile

import pytest
from click.testing import CliRunner

from conftest import OFFICIAL_FILES, SNAPSHOT_VERSIONS, official, snapshot
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
