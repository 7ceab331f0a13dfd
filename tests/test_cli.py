"""`zairyu-lint check` settings ([tool.zairyu-lint] / zairyu-lint.toml found upward), the text report's
finding lines, and the pre-commit hook (.pre-commit-hooks.yaml), on real workbooks."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import linter.cli as cli
from conftest import REPO, SSW, golden_rows, snapshot
from devtools.bare import write_bare_workbook
from linter.cli import main
from linter.engine import Options, lint_path

ON = "2026-05-01"


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("books")
    snap = snapshot("henkou")
    rows = {s: rs[:12] for s, rs in golden_rows("henkou_v").items()}
    return {"bad": write_bare_workbook(snap, root / "bad.xlsx", rows, SSW),
            "good": write_bare_workbook(snap, root / "good.xlsx", golden_rows("henkou_v_clean"), SSW)}


@pytest.fixture
def spy(monkeypatch):
    """Records the options and jobs `check` passes to lint_many (the real lint_many still runs)."""
    seen = {}
    real = cli.lint_many

    def lint_many(files, options, jobs=None, **kw):
        seen.update(options=options, jobs=jobs)
        return real(files, options, jobs=1, **kw)
    monkeypatch.setattr(cli, "lint_many", lint_many)
    return seen


def project(tmp_path: Path, text: str, name: str = "pyproject.toml") -> Path:
    """A project folder holding the settings file, and a folder three levels below it."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    deep = tmp_path / "clients" / "2026" / "may"
    deep.mkdir(parents=True)
    return deep


def test_settings_found_upward_in_pyproject(tmp_path, workbooks, spy, monkeypatch):
    deep = project(tmp_path, f'''[project]
name = "office"

[tool.zairyu-lint]
format = "json"
on = "{ON}"
lang = "en"
select = ["ZL1"]
output = "report.json"
jobs = 3
''')
    monkeypatch.chdir(deep)
    res = CliRunner().invoke(main, ["check", str(workbooks["bad"])])
    assert res.exit_code == 1, res.output
    assert res.stdout == ""                                       # output = report.json (relative to the cwd)
    doc = json.loads((deep / "report.json").read_text(encoding="utf-8"))
    rules = {x["rule"] for f in doc["files"] for x in f["findings"]}
    assert rules and all(r.startswith("ZL1") for r in rules)     # select
    assert spy["options"].lang == "en"
    assert spy["options"].on.isoformat() == ON and spy["options"].select == ("ZL1",) and spy["jobs"] == 3
    # the same findings as the engine gives with those options
    engine = lint_path(workbooks["bad"], Options(on=spy["options"].on, lang="en", select=("ZL1",)))
    assert [x["message"] for x in doc["files"][0]["findings"]] == [f.message for f in engine.findings]


def test_command_line_wins_over_settings(tmp_path, workbooks, spy, monkeypatch):
    deep = project(tmp_path, '[tool.zairyu-lint]\nformat = "json"\non = "2026-01-01"\nselect = "ZL1"\njobs = 3\n')
    monkeypatch.chdir(deep)
    res = CliRunner().invoke(main, ["check", str(workbooks["bad"]), "--on", ON, "--select", "ZL6", "-j", "1",
                                    "--format", "text"])
    assert spy["options"].on.isoformat() == ON and spy["options"].select == ("ZL6",) and spy["jobs"] == 1
    assert not res.stdout.lstrip().startswith("{")


def test_zairyu_lint_toml_and_the_nearest_file_win(tmp_path, workbooks, spy, monkeypatch):
    # the root's pyproject has settings; a nearer folder has zairyu-lint.toml; a pyproject in between has none
    (tmp_path / "pyproject.toml").write_text('[tool.zairyu-lint]\nselect = ["ZL6"]\n', encoding="utf-8")
    mid = tmp_path / "team"
    mid.mkdir()
    (mid / "zairyu-lint.toml").write_text(f'on = "{ON}"\nignore = "ZL2,ZL5"\n', encoding="utf-8")
    deep = mid / "x"
    deep.mkdir()
    (deep / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")   # no section: look further up
    monkeypatch.chdir(deep)
    CliRunner().invoke(main, ["check", str(workbooks["bad"])])
    assert spy["options"].on.isoformat() == ON
    assert spy["options"].ignore == ("ZL2", "ZL5") and spy["options"].select == ()


def test_unknown_or_broken_settings_are_usage_errors(tmp_path, workbooks, monkeypatch):
    deep = project(tmp_path, '[tool.zairyu-lint]\nformats = "json"\n')
    monkeypatch.chdir(deep)
    res = CliRunner().invoke(main, ["check", str(workbooks["good"])])
    assert res.exit_code == 2 and "unknown setting(s): formats" in res.output
    (tmp_path / "pyproject.toml").write_text("[tool.zairyu-lint\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(workbooks["good"])])
    assert res.exit_code == 2 and "cannot read settings" in res.output and "Traceback" not in res.output


# --- the text report -----------------------------------------------------------------------------------------
LINE = re.compile(r"^    (?P<where>\S+)  (?P<rule>ZL\d{3})(?P<fixable> \[\*\])?  (?P<sev>error|warning|info)  (?P<msg>.+)$")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_text_report_has_one_line_per_finding(workbooks, lang, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)                               # no settings file above
    res = CliRunner().invoke(main, ["check", str(workbooks["bad"]), "--on", ON, "--lang", lang, "-j", "1"])
    assert res.exit_code == 1
    out = res.stdout.splitlines()
    result = lint_path(workbooks["bad"], Options(on=dt_on(), lang=lang))
    assert out[0] == f"{workbooks['bad']}  [変更 2026/04/01 特定技能, " + \
        (f"{result.applicants} applicants]" if lang == "en" else f"申請人 {result.applicants} 人]")
    lines = [LINE.match(x) for x in out if x.startswith("    ")]
    assert all(lines) and len(lines) == len(result.findings)
    for m, f in zip(lines, result.findings):
        where = f"{f.sheet}!{f.cell}" if f.cell else (f"{f.sheet}!{f.row}:{f.row}" if f.row else (f.sheet or "-"))
        assert (m["where"], m["rule"], m["sev"], m["msg"]) == (where, f.rule, f.severity, f.message)
    # the per-applicant verdict line (linter/verdicts.py), then the sheet headings in the order the findings come
    errors_by_row = {f.row for f in result.findings if f.severity == "error" and f.row}
    assert out[1].startswith("  " + (f"{len(errors_by_row)} of {result.applicants} applicant(s) need review" if lang == "en"
                                     else f"{result.applicants}人中 {len(errors_by_row)}人が要確認見込み"))
    headings = [x.strip() for x in out[2:] if x.startswith("  ") and not x.startswith("    ")]
    assert headings == list(dict.fromkeys(f.sheet for f in result.findings if f.sheet))
    n_err = sum(f.severity == "error" for f in result.findings)
    (total,) = [x for x in out if x.startswith("1 file(s): " if lang == "en" else "1 ファイル: ")]
    assert total.startswith(f"1 file(s): {n_err} error(s), " if lang == "en" else f"1 ファイル: エラー {n_err} 件、")
    n_fix = sum(f.fix is not None and f.fix.safe for f in result.findings)
    assert (out[-1].startswith(f"[*] {n_fix} " if lang == "en" else f"[*] {n_fix} 件は --fix で直せます")
            if n_fix else out[-1] == total)


def test_text_report_of_a_clean_file(workbooks, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["check", str(workbooks["good"]), "--on", ON, "--select", "ZL0,ZL1"])
    assert res.exit_code == 0
    assert res.stdout.splitlines()[1:] == ["  問題は見つかりませんでした", "1 ファイル: エラー 0 件、警告 0 件、情報 0 件"]


def dt_on():
    import datetime as dt
    return dt.date.fromisoformat(ON)


# --- the pre-commit hook -------------------------------------------------------------------------------------
def test_pre_commit_hook_runs_on_staged_workbooks(workbooks, tmp_path):
    """The hook's own definition, run as pre-commit runs it: entry + args + the staged files that match."""
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "zairyu-lint" and hook["language"] == "python" and hook["pass_filenames"]
    files = re.compile(hook["files"])
    exclude = re.compile(hook["exclude"])
    staged = ["clients/bad.xlsx", "clients/good.xlsm", "clients/~$bad.xlsx", "notes.txt", "old/form.xls"]
    picked = [f for f in staged if files.search(f) and not exclude.search(f)]
    assert picked == ["clients/bad.xlsx", "clients/good.xlsm"]
    (tmp_path / "clients").mkdir()
    (tmp_path / "clients" / "bad.xlsx").write_bytes(workbooks["bad"].read_bytes())
    (tmp_path / "clients" / "good.xlsm").write_bytes(workbooks["good"].read_bytes())
    entry = hook["entry"].split()
    assert entry[0] == "zairyu-lint"
    # the console script zairyu-lint is linter.cli:main (pyproject [project.scripts])
    cmd = [sys.executable, "-m", "linter", *entry[1:], "--on", ON, "--lang", "en", *picked]
    bad = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1, bad.stderr                     # the commit is refused
    assert "clients/bad.xlsx" in bad.stdout and "error" in bad.stdout
    ok = subprocess.run([*cmd[:-2], "clients/good.xlsm", "--select", "ZL0,ZL1"], cwd=tmp_path,
                        capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stdout                       # a clean workbook: the commit goes through
    assert "clients/good.xlsm" in ok.stdout
