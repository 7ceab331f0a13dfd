"""The suite's own rule for missing tools and files: a skip on a developer's machine, a failure under CI=true."""
from __future__ import annotations

import pytest

import conftest


@pytest.mark.parametrize("ci, outcome", [(True, pytest.fail.Exception), (False, pytest.skip.Exception)])
def test_missing_official_workbook(monkeypatch, tmp_path, ci, outcome):
    monkeypatch.setattr(conftest, "IN_CI", ci)
    monkeypatch.setattr(conftest, "OFFICIAL", tmp_path / "nowhere")
    with pytest.raises(BaseException) as info:      # a skip must not pass for a failure, nor the other way
        conftest.official("henkou")
    assert info.type is outcome and "official workbook" in str(info.value)


@pytest.mark.parametrize("ci, outcome", [(True, pytest.fail.Exception), (False, pytest.skip.Exception)])
def test_missing_program(monkeypatch, ci, outcome):
    monkeypatch.setattr(conftest, "IN_CI", ci)
    monkeypatch.setattr(conftest.shutil, "which", lambda name: None)
    with pytest.raises(BaseException) as info:
        conftest.require_tool("soffice")
    assert info.type is outcome and "soffice" in str(info.value)


def test_present_things_pass(monkeypatch):
    monkeypatch.setattr(conftest, "IN_CI", True)
    conftest.require(True, "anything")
    assert conftest.require_module("json") is not None
