"""The add-in's import path without what Pyodide (xlwings Lite) lacks.

A fresh Python process blocks, before anything is imported: python-calamine, multiprocessing (and
concurrent.futures.process), the start of any thread or process, and any open() of a workbook file
(.xlsx/.xlsm/.xls/.xlsb). It then imports xlwings and `xl_addin.highlight`, builds a Book on xlwings'
remote engine from an Office.js-shaped payload (values only, as Excel sends them) and runs highlight.
The findings must be exactly those the command line finds in the same file.

This shows the code path needs none of those; it does not run Pyodide or Excel.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")   # the remote engine is xlwings PRO (our tests)

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_workbooks" / "koushin_ssw_mistakes.xlsx"
ON = "2026-12-01"

BLOCKER = textwrap.dedent('''
    import _thread, importlib.abc, sys, threading
    # hypothesis is a test-only extra here (pandera imports it when present); xlwings Lite has none
    BLOCKED = {"python_calamine", "multiprocessing", "_multiprocessing", "concurrent.futures.process", "hypothesis"}

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name in BLOCKED or name.split(".")[0] in BLOCKED:
                raise ModuleNotFoundError(f"No module named {name!r} (blocked)", name=name)
            return None

    sys.meta_path.insert(0, Block())
    for mod in [m for m in sys.modules if m.split(".")[0] in BLOCKED]:
        del sys.modules[mod]

    def no_thread(*args, **kwargs):
        raise RuntimeError("can't start new thread (blocked)")

    _thread.start_new_thread = no_thread
    threading.Thread.start = no_thread
    WORKBOOK = (".xlsx", ".xlsm", ".xls", ".xlsb")

    def audit(event, args):
        if event == "open" and isinstance(args[0], (str, bytes)) and str(args[0]).lower().endswith(WORKBOOK):
            raise PermissionError(f"blocked: read of a workbook file {args[0]}")
        if event in ("os.fork", "os.forkpty", "subprocess.Popen", "os.posix_spawn", "os.system", "os.exec",
                     "_thread.start_new_thread"):
            raise RuntimeError(f"blocked: {event}")

    sys.addaudithook(audit)
''')

RUNNER = textwrap.dedent('''
    import datetime as dt, json, sys
    import blocker   # noqa: F401  (first: everything after runs blocked)
    payload = json.load(open(sys.argv[1], encoding="utf-8"))
    import xlwings as xw
    if "remote" not in xw.engines.engines_by_name:
        from xlwings.pro import _xlremote
        xw.engines.add(xw.main.Engine(impl=_xlremote.engine))
    from xl_addin import highlight
    book = xw.Book(json=payload)
    s = highlight(book, on=dt.date.fromisoformat(sys.argv[2]), alert=False)
    print(json.dumps({
        "findings": sorted([f.rule, f.sheet or "", f.cell or "", f.row or 0] for f in s.result.findings),
        "painted": s.painted, "message": s.message,
        "modules": sorted(m for m in sys.modules if m.split(".")[0] in ("python_calamine", "multiprocessing")),
    }, ensure_ascii=False))
''')


def test_highlight_runs_with_calamine_processes_threads_and_file_reads_blocked(tmp_path):
    pytest.importorskip("xlwings")
    try:
        from xlwings.pro import _xlremote  # noqa: F401
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"xlwings' remote engine is not available: {exc}")
    from linter.engine import Options, lint_path
    from devtools.openpyxl_engine import officejs_payload
    import datetime as dt

    payload = tmp_path / "payload.json"
    payload.write_text(json.dumps(officejs_payload(SAMPLE), ensure_ascii=False, default=str), encoding="utf-8")
    (tmp_path / "blocker.py").write_text(BLOCKER, encoding="utf-8")
    (tmp_path / "runner.py").write_text(RUNNER, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(REPO)]),
               XLWINGS_LICENSE_KEY="noncommercial")
    proc = subprocess.run([sys.executable, str(tmp_path / "runner.py"), str(payload), ON], env=env,
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-4000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["modules"] == []
    cli = lint_path(SAMPLE, Options(on=dt.date.fromisoformat(ON)))
    expected = sorted([f.rule, f.sheet or "", f.cell or "", f.row or 0] for f in cli.findings)
    assert got["findings"] == expected and cli.count("error") > 0
    assert got["painted"] > 0 and "人中" in got["message"] and "要確認見込み" in got["message"]


def test_the_blocker_blocks(tmp_path):
    """The harness itself: each blocked thing really fails in the blocked process."""
    (tmp_path / "blocker.py").write_text(BLOCKER, encoding="utf-8")
    (tmp_path / "book.xlsx").write_bytes(b"PK")
    probe = textwrap.dedent('''
        import blocker, threading, subprocess, sys
        failed = []
        for what, fn in [("calamine", lambda: __import__("python_calamine")),
                         ("multiprocessing", lambda: __import__("multiprocessing")),
                         ("thread", lambda: threading.Thread(target=print).start()),
                         ("process", lambda: subprocess.run(["true"])),
                         ("open", lambda: open("book.xlsx", "rb"))]:
            try:
                fn()
            except Exception:
                failed.append(what)
        print(",".join(failed))
    ''')
    proc = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(tmp_path)))
    assert proc.stdout.strip() == "calamine,multiprocessing,thread,process,open", proc.stderr


def test_calamine_is_not_required_under_pyodide():
    """micropip (xlwings Lite) evaluates dependency markers: python-calamine is skipped on emscripten."""
    from packaging.requirements import Requirement
    deps = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    cal = next(Requirement(d) for d in deps if Requirement(d).name == "python-calamine")
    pyodide = {"sys_platform": "emscripten", "platform_system": "Emscripten"}
    assert cal.marker is not None and not cal.marker.evaluate(pyodide)
    assert cal.marker.evaluate({"sys_platform": "linux"}) and cal.marker.evaluate({"sys_platform": "win32"})
