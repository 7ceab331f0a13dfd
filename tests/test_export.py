"""`zairyu-lint export`: byte-identical to the official export on every golden with a real upload file,
safe by default (refusal, --ignore, --force, no overwrite, skipped-row warnings), folders."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.bare import write_bare_workbook
from linter.cli import main
from linter.engine import Options
from linter.export import build_lines, encode, export_workbook, with_template
from linter.reader import read_workbook
from schemas.upload_layout import layout_for
from upload_goldens import first_difference, upload_goldens

GOLDENS = upload_goldens()
ON = dt.date(2026, 4, 15)


def golden_workbook(g, tmp_path: Path, with_menu: bool = True) -> Path:
    return write_bare_workbook(g.snap, tmp_path / f"{g.name}.xlsx", g.rows, g.status.label, with_menu=with_menu)


def test_goldens_found():
    # the three first *_clean fixtures at least; the sweep adds every status
    assert len(GOLDENS) >= 3
    assert {g.snap.procedure for g in GOLDENS} >= {"henkou", "koushin", "nintei"}


@pytest.mark.parametrize("g", GOLDENS, ids=str)
def test_byte_identical(g, tmp_path):
    wb = read_workbook(golden_workbook(g, tmp_path))
    layout = layout_for(g.snap, g.status)
    lines, _ = build_lines(layout, wb)
    got = encode(lines)
    expected = g.csv.read_bytes()
    assert first_difference(expected, got) is None, f"{g.name}: {first_difference(expected, got)}"
    assert layout.file_name() == Path(g.oracle["upload_file"]).name or g.csv.parent.name == "sweep"


def test_first_difference_names_line_and_header():
    a = "\ufeffx\ty\tz\r\n1\t05V\t05V1".encode("utf-16-le")
    b = "\ufeffx\ty\tz\r\n1\t05V\t05V2".encode("utf-16-le")
    assert first_difference(a, b) == "line 2, column 3 (z): expected '05V1', got '05V2'"


# --- the check agrees with itself on the upload file (issue 9 item 5, issue 12 item 6) ----------

def _keys_workbook(result):
    return sorted((f.rule, f.row - 7 if f.row else None, f.sheet, f.column) for f in result.findings)


def _keys_upload(result):
    return sorted((f.rule, f.line - 1 if f.line else None, f.template_sheet, f.template_column)
                  for f in result.findings)


def _as_official_name(g, tmp_path: Path) -> Path:
    """The sweep keeps its files under case names; the check reads the official name (ZL011 otherwise)."""
    d = tmp_path / "upload"
    d.mkdir(exist_ok=True)
    out = d / layout_for(g.snap, g.status).file_name()
    out.write_bytes(g.csv.read_bytes())
    return out


@pytest.mark.parametrize("g", GOLDENS, ids=str)
def test_workbook_and_upload_checks_agree(g, tmp_path):
    from linter.engine import lint_path
    from linter.upload import lint_upload
    opts = Options(on=ON)
    on_workbook = lint_path(golden_workbook(g, tmp_path), opts)
    on_upload = lint_upload(_as_official_name(g, tmp_path), opts)
    assert not on_workbook.unreadable and not on_upload.unreadable
    assert _keys_upload(on_upload) == _keys_workbook(on_workbook)
    # the official tool passed these: nothing of the column table may fire on either side
    assert not [f for f in on_upload.findings if f.rule.startswith(("ZL01", "ZL1"))]


@pytest.mark.parametrize("g", GOLDENS, ids=str)
def test_check_of_exported_file_equals_check_of_workbook(g, tmp_path):
    from linter.engine import lint_path
    from linter.upload import lint_upload
    opts = Options(on=ON)
    wbp = golden_workbook(g, tmp_path)
    res = export_workbook(read_workbook(wbp), tmp_path, opts, force=True)
    assert res.written is not None and res.written.name == layout_for(g.snap, g.status).file_name()
    assert _keys_upload(lint_upload(res.written, opts)) == _keys_workbook(lint_path(wbp, opts))
