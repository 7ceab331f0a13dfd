"""Lint generated sweep rows with our own engine (fast loop before the official checker).

    python -m devtools.sweep_check [--all-rules] [NAME ...]     (default: every case)
"""
from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from devtools.bare import write_bare_workbook
from linter.engine import Options, lint_path
from schemas.snapshot import load_snapshot

from .sweep_cases import all_cases
from .sweepgen import sweep_rows

ON = dt.date(2026, 12, 1)


def lint_rows(case: dict, rows: dict, tmp: Path):
    snap = load_snapshot(case["procedure"], case["version"])
    path = write_bare_workbook(snap, tmp / f"{case['name']}.xlsx", rows, case["status"])
    return lint_path(path, Options(on=ON))


def main(argv: list[str]) -> int:
    all_rules = "--all-rules" in argv
    names = [a for a in argv if not a.startswith("--")]
    bad = 0
    with tempfile.TemporaryDirectory() as d:
        for case in all_cases():
            if names and case["name"] not in names:
                continue
            rows = sweep_rows(case["procedure"], case["version"], case["status"], slots=case.get("slots", 1))
            res = lint_rows(case, rows, Path(d))
            fs = [f for f in res.findings if all_rules or f.rule.startswith("ZL10") or f.severity == "error"]
            print(f"== {case['name']}: {len(fs)}")
            for f in fs:
                print(f"   {f.rule} {f.severity} {f.sheet and f.sheet[6:]} {f.cell} {f.field}: {f.message[:150]}")
            bad += bool(fs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
