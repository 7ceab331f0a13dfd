"""`zairyu-lint` takes the commands of other packages from the entry-point group zairyu_lint.commands
(the add-in's `addin`): linter never imports xl_addin itself."""
from __future__ import annotations

import tomllib
from importlib.metadata import EntryPoint
from pathlib import Path

from click.testing import CliRunner

import linter.cli as cli

REPO = Path(__file__).resolve().parents[1]


def test_pyproject_declares_the_addin_commands():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["entry-points"][cli.PLUGIN_GROUP] == {"addin": "xl_addin.cli:addin"}
    assert project["scripts"] == {"zairyu-lint": "linter.cli:main"}


def fake_entry_points(monkeypatch, **targets):
    eps = [EntryPoint(name=n, value=v, group=cli.PLUGIN_GROUP) for n, v in targets.items()]
    monkeypatch.setattr(cli, "entry_points", lambda group: [e for e in eps if e.group == group])


def test_an_entry_point_becomes_a_command(monkeypatch):
    fake_entry_points(monkeypatch, addin="xl_addin.cli:addin")
    listed = CliRunner().invoke(cli.main, ["--help"])
    assert listed.exit_code == 0 and "addin" in listed.output and "check" in listed.output
    res = CliRunner().invoke(cli.main, ["addin", "--help"])
    assert res.exit_code == 0 and "build" in res.output and "install" in res.output


def test_without_the_entry_point_there_is_no_addin_command(monkeypatch):
    fake_entry_points(monkeypatch)
    res = CliRunner().invoke(cli.main, ["addin", "--help"])
    assert res.exit_code == 2 and "No such command 'addin'" in res.output
    assert "addin" not in CliRunner().invoke(cli.main, ["--help"]).output


def test_a_broken_entry_point_is_a_message_not_a_traceback(monkeypatch):
    fake_entry_points(monkeypatch, broken="no_such_package.cli:group", odd="linter.cli:PLUGIN_GROUP")
    listed = CliRunner().invoke(cli.main, ["--help"])
    assert listed.exit_code == 0 and "broken" in listed.output and "check" in listed.output
    res = CliRunner().invoke(cli.main, ["broken", "x", "--flag"])
    assert res.exit_code == 1
    assert "no_such_package.cli:group" in res.output and "ModuleNotFoundError" in res.output
    res = CliRunner().invoke(cli.main, ["odd"])
    assert res.exit_code == 1 and "not a click command" in res.output
