"""The written xlwings Server project starts with the command docs/addin.md gives (a bare `xlwings-server`
in the project folder) and serves the manifest and the task pane on localhost.

The server is started in its own session under `timeout` (it stops itself even if the test run dies)
and its process group is ended when the test is done. Needs the extra zairyu-lint[server].
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import require

REPO = Path(__file__).resolve().parents[1]
PORT = 8000          # xlwings-server's development server always listens on 127.0.0.1:8000
LIFETIME = 120       # seconds: the server is killed by `timeout` after this whatever happens
START_WAIT = 60


def _server_command() -> str | None:
    here = Path(sys.executable).parent / "xlwings-server"
    return str(here) if here.exists() else shutil.which("xlwings-server")


def _port_free() -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", PORT)) != 0


def _get(path: str) -> tuple[int, str]:
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=10) as resp:
        return resp.status, resp.read().decode("utf-8")


def test_written_project_starts_with_the_documented_command(tmp_path):
    cmd = _server_command()
    require(cmd is not None, "xlwings-server (extra zairyu-lint[server])")
    require(shutil.which("timeout") is not None, "coreutils timeout (bounds the server's life)")
    if not _port_free():
        pytest.skip(f"port {PORT} is in use on this machine")
    from xl_addin.cli import addin
    project = tmp_path / "zairyu_server"
    res = CliRunner().invoke(addin, ["server", str(project)])
    assert res.exit_code == 0, res.output
    assert "xlwings-server run" not in res.output              # the subcommand does not exist
    assert f"cd {project} && xlwings-server" in res.output
    doc = (REPO / "docs" / "addin.md").read_text(encoding="utf-8")
    assert "xlwings-server run" not in doc

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
               XLWINGS_LICENSE_KEY="noncommercial")
    log = open(tmp_path / "server.log", "wb")
    proc = subprocess.Popen(["timeout", str(LIFETIME), cmd], cwd=project, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + START_WAIT
        manifest = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                manifest = _get("/manifest")
                break
            except OSError:
                time.sleep(0.5)
        assert manifest is not None, (tmp_path / "server.log").read_text(errors="replace")[-3000:]
        status, body = manifest
        assert status == 200 and "在留申請チェック" in body and "taskpane.html" in body
        status, page = _get("/taskpane.html")
        assert status == 200 and "<html" in page.lower()
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)     # the group started above: timeout, server, reloader
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
        log.close()
