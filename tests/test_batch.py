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
from devtools.bare import write_bare_workbook
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
    # other files in a folder are skipped quietly: counted, no info line each
    assert "~$good.xlsx" not in res.stderr and "notes.txt" not in res.stderr
    assert doc["summary"]["skipped"] == 2


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
    assert names == ["broken.xlsx", "good.xlsx"]     # the lock file matches the glob but is skipped quietly
    assert "Excel lock file" not in res.stderr and json.loads(res.stdout)["summary"]["skipped"] == 1
    res = invoke(f"{folder}/nothing-*.xlsx")
    assert res.exit_code == 2 and "no file matches" in res.stderr


def test_upload_files_taken(tmp_path):
    csv_file = tmp_path / "SA_03_001_20260401_ver1.csv"
    csv_file.write_text("a,b\n", encoding="utf-8")
    (tmp_path / "other.csv").write_text("a,b\n", encoding="utf-8")
    assert run_mod.upload_support() is not None          # linter.upload ships with the package
    files, skipped = collect_inputs([str(tmp_path)])
    assert files == [csv_file]
    assert any("other.csv: not a workbook" in s for s in skipped)
    assert not any("SA_03_001" in s for s in skipped)


def test_upload_files_skipped_without_the_upload_reader(tmp_path, monkeypatch):
    """A build without linter.upload says why it leaves the upload file out (upload_support() is None)."""
    import linter.cli as cli
    csv_file = tmp_path / "SA_03_001_20260401_ver1.csv"
    csv_file.write_text("a,b\n", encoding="utf-8")
    monkeypatch.setattr(run_mod, "upload_support", lambda: None)
    monkeypatch.setattr(cli, "upload_support", lambda: None, raising=False)
    files, skipped = collect_inputs([str(tmp_path)])
    assert files == [] and any("SA_03_001" in s and "skipped" in s for s in skipped)


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


def test_zl033_engine_guard_on_a_real_workbook(folder, monkeypatch):
    """A bug inside the engine on one workbook: a ZL033 finding for it, no traceback, the message says why."""
    from linter import engine
    from linter.engine import lint_path

    def broken(wb, options=None):
        raise KeyError("申請情報入力(区分V)")
    # every way lint_path reaches the engine: plain, and through the fix planning (Options.fixes)
    monkeypatch.setattr(engine, "lint_workbook", broken)
    monkeypatch.setattr(engine, "lint_workbook_context", broken)
    res = lint_path(folder / "good.xlsx", Options(lang="en"))
    assert res.unreadable and res.template is None
    (only,) = res.findings
    assert (only.rule, only.severity) == ("ZL033", "error")
    assert "KeyError" in only.message and "申請情報入力(区分V)" in only.message
    assert "The other files were still checked" in only.message


def _die_on_crash_xlsx(path, options):
    import os
    if Path(path).name == "crash.xlsx":
        os._exit(3)                      # the worker process dies (as on a segfault or the OOM killer)
    return _REAL_LINT_PATH(path, options)


_REAL_LINT_PATH = run_mod.lint_path


def test_zl033_dead_worker_only_that_file(folder, tmp_path, monkeypatch):
    """A worker process that dies breaks the pool; the files are checked again one per process, and only the
    file that kills its process gets ZL033 'the worker process died'."""
    import multiprocessing
    files = [tmp_path / "a.xlsx", tmp_path / "crash.xlsx", tmp_path / "z.xlsx"]
    for f in files:
        f.write_bytes((folder / "good.xlsx").read_bytes())
    # fork (not forkserver) so that the workers inherit the injected crash
    monkeypatch.setattr(run_mod, "_pool_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(run_mod, "lint_path", _die_on_crash_xlsx)
    results = run_mod.lint_many(files, Options(lang="en"), jobs=2)
    by_name = {Path(r.path).name: r for r in results}
    assert sorted(by_name) == ["a.xlsx", "crash.xlsx", "z.xlsx"]
    crashed = by_name["crash.xlsx"]
    assert crashed.unreadable and [f.rule for f in crashed.findings] == ["ZL033"]
    assert "worker process died" in crashed.findings[0].message
    for name in ("a.xlsx", "z.xlsx"):
        assert not by_name[name].unreadable and by_name[name].template is not None and by_name[name].applicants == 2
