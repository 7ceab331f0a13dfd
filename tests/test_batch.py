"""`zairyu-lint check DIR...`: folders, globs, skipped files, parallel workers, summary table, exit codes."""
from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SSW, golden_rows, snapshot
from linter import run as run_mod
from linter.bare import write_bare_workbook
from linter.cli import collect_inputs, main
from linter.engine import Options
from linter.progress import Progress

ON = "2026-05-01"
RUNS: dict[str, str] = {}       # JSON output of the mixed folder per --jobs, shared between tests


def few_defect_rows(n: int = 4) -> dict:
    """The first rows of the golden defect fixture: enough errors, quick to lint."""
    return {sheet: rows[:n] for sheet, rows in golden_rows("henkou_v").items()}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """good.xlsx (clean), sub/bad.xlsm (defects), broken.xlsx (garbage), empty.xlsm, ~$good.xlsx, notes.txt."""
    root = tmp_path_factory.mktemp("clients")
    snap = snapshot("henkou")
    write_bare_workbook(snap, root / "good.xlsx", golden_rows("henkou_v_clean"), SSW)
    write_bare_workbook(snap, root / "sub" / "bad.xlsm", few_defect_rows(), SSW)
    (root / "broken.xlsx").write_bytes(bytes(range(256)) * 8)
    (root / "empty.xlsm").write_bytes(b"")
    (root / "~$good.xlsx").write_bytes(b"\x00lock")
    (root / "notes.txt").write_text("memo", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def only_lintable(folder, tmp_path_factory) -> Path:
    """A folder with the good and the bad workbook only (no unreadable file)."""
    root = tmp_path_factory.mktemp("readable")
    for name in ("good.xlsx", "sub/bad.xlsm"):
        dst = root / Path(name).name
        dst.write_bytes((folder / name).read_bytes())
    return root


def invoke(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)], catch_exceptions=False)


def test_mixed_folder_each_file_handled(folder, monkeypatch):
    calls = []
    real = run_mod.apply_run_rules

    def spy(results, options):               # the cross-file rules run once, on all results
        calls.append([Path(r.path).name for r in results])
        return real(results, options)
    monkeypatch.setattr(run_mod, "apply_run_rules", spy)
    res = invoke(folder, "--on", ON, "--lang", "en", "--format", "json", "--jobs", "2")
    assert calls == [["bad.xlsm", "broken.xlsx", "empty.xlsm", "good.xlsx"]] or \
        calls == [["broken.xlsx", "empty.xlsm", "good.xlsx", "bad.xlsm"]]
    assert res.exit_code == 2, res.output          # broken.xlsx and empty.xlsm could not be read
    RUNS["2"] = res.stdout
    doc = json.loads(res.stdout)
    by_name = {Path(f["path"]).name: f for f in doc["files"]}
    assert sorted(by_name) == ["bad.xlsm", "broken.xlsx", "empty.xlsm", "good.xlsx"]
    assert [f["path"] for f in doc["files"]] == sorted(f["path"] for f in doc["files"])
    for name in ("broken.xlsx", "empty.xlsm"):
        f = by_name[name]
        assert f["template"] is None and f["applicants"] == 0
        (only,) = f["findings"]                        # one ZL0xx finding that says why
        assert only["rule"].startswith("ZL0") and only["severity"] == "error"
    assert by_name["good.xlsx"]["template"]["procedure"] == "変更"
    assert by_name["good.xlsx"]["applicants"] == 2
    assert not any(x["rule"].startswith("ZL0") for x in by_name["good.xlsx"]["findings"])
    assert by_name["bad.xlsm"]["applicants"] > 0
    assert any(x["severity"] == "error" for x in by_name["bad.xlsm"]["findings"])
    assert doc["version"] == 1 and doc["summary"]["files"] == 4
    assert "~$good.xlsx: Excel lock file, skipped" in res.stderr
    assert "notes.txt: not a workbook, skipped" in res.stderr


def test_jobs_1_and_2_give_identical_json(folder):
    one = invoke(folder, "--on", ON, "--lang", "en", "--format", "json", "--jobs", "1")
    assert one.exit_code == 2
    if "2" not in RUNS:
        two = invoke(folder, "--on", ON, "--lang", "en", "--format", "json", "--jobs", "2")
        RUNS["2"] = two.stdout
    assert one.stdout == RUNS["2"]


def test_summary_table_and_statistics(folder):
    res = invoke(folder, "--on", ON, "--lang", "en", "--jobs", "1", "--statistics")
    assert res.exit_code == 2
    out = res.stdout
    head = next(line for line in out.splitlines() if line.startswith("file "))
    for col in ("procedure/version", "applicants", "errors", "warnings", "fees"):
        assert col in head
    table = out[out.index(head):]
    assert "good.xlsx" in table and "変更 2026/04/01" in table and "(unreadable)" in table
    assert any(line.startswith("total ") for line in table.splitlines())
    stats = next(line for line in out.splitlines() if line.startswith("rule "))
    assert "count" in stats
    doc = json.loads(RUNS.get("2") or invoke(folder, "--on", ON, "--lang", "en", "--format", "json").stdout)
    stats = Counter(x["rule"] for f in doc["files"] for x in f["findings"])
    assert stats
    for code, n in stats.items():
        assert any(line.split()[:2] == [code, str(n)] for line in out.splitlines())
    last = [line for line in out.rstrip().splitlines() if not line.startswith("[*] ") and "--unsafe-fixes" not in line][-1]
    assert last.endswith("info")      # the summary closes the report (then only the fixable count)


def test_readable_folder_exit_codes(only_lintable):
    res = invoke(only_lintable, "--on", ON, "--jobs", "1", "-q")
    assert res.exit_code == 1                       # error findings in bad.xlsm
    assert res.stderr == ""
    res = invoke(only_lintable, "--on", ON, "--jobs", "1", "--exit-zero", "--format", "json")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["summary"]["errors"] > 0


def test_glob_expanded_by_the_tool(folder):
    files, skipped = collect_inputs([f"{folder}/**/*.xlsm"])
    assert sorted(f.name for f in files) == ["bad.xlsm", "empty.xlsm"]
    res = invoke(f"{folder}/**/*.xlsx", "--on", ON, "--format", "json", "--jobs", "1")
    names = [Path(f["path"]).name for f in json.loads(res.stdout)["files"]]
    assert names == ["broken.xlsx", "good.xlsx"]     # the lock file matches the glob but is skipped
    assert "Excel lock file, skipped" in res.stderr
    res = invoke(f"{folder}/nothing-*.xlsx")
    assert res.exit_code == 2 and "no file matches" in res.stderr


def test_upload_files_taken_or_skipped(tmp_path):
    csv_file = tmp_path / "SA_03_001_20260401_ver1.csv"
    csv_file.write_text("a,b\n", encoding="utf-8")
    (tmp_path / "other.csv").write_text("a,b\n", encoding="utf-8")
    files, skipped = collect_inputs([str(tmp_path)])
    assert any("other.csv: not a workbook" in s for s in skipped)
    if run_mod.upload_support() is None:
        assert files == [] and any("SA_03_001" in s and "skipped" in s for s in skipped)
    else:
        assert files == [csv_file]


def test_a_crash_in_one_file_does_not_stop_the_others(folder, monkeypatch):
    real = run_mod.lint_path

    def flaky(path, options):
        if Path(path).name == "good.xlsx":
            raise RuntimeError("boom")
        return real(path, options)
    monkeypatch.setattr(run_mod, "lint_path", flaky)
    files = [folder / "good.xlsx", folder / "sub" / "bad.xlsm"]
    results = run_mod.lint_many(files, Options(lang="en"), jobs=1)
    assert [Path(r.path).name for r in results] == ["good.xlsx", "bad.xlsm"]
    crashed = results[0]
    assert crashed.unreadable and crashed.findings[0].rule == "ZL033"
    assert "RuntimeError: boom" in crashed.findings[0].message
    assert results[1].template is not None and not results[1].unreadable


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal():
    tty, pipe = _Tty(), io.StringIO()
    for stream in (tty, pipe):
        with Progress(3, stream=stream, min_interval=0) as bar:
            for name in ("a.xlsx", "b.xlsx", "c.xlsx"):
                bar.update(name)
    assert "3/3" in tty.getvalue() and "c.xlsx" in tty.getvalue()
    assert pipe.getvalue() == ""
    quiet = _Tty()
    with Progress(3, enabled=False, stream=quiet) as bar:
        bar.update("a.xlsx")
    assert quiet.getvalue() == ""
