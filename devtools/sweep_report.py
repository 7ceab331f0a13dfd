"""Which of our rules fire on the sweep's clean workbooks and upload files (for the rules work).

    python -m devtools.sweep_report [--generated] > report.md
Uses the committed goldens (tests/golden/sweep, tests/data/upload/sweep); with --generated also the cases
that have no golden yet (rows from the generator, not confirmed by the official checker).
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from devtools.bare import write_bare_workbook
from linter.engine import Options, lint_path
from linter.run import lint_one
from schemas.snapshot import PROCEDURES, load_snapshot

from .sweep_cases import all_cases
from .sweepgen import sweep_rows

REPO = Path(__file__).resolve().parents[1]
SWEEP = REPO / "tests/golden/sweep"
UPLOAD = REPO / "tests/data/upload/sweep"
ON = dt.date(2026, 12, 1)


def main(argv):
    generated = "--generated" in argv
    by_rule = defaultdict(list)     # rule -> [(case, kind, severity, cell, field, message, official)]
    covered = []
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        for case in all_cases():
            name = case["name"]
            golden = SWEEP / f"{name}.rows.json"
            if golden.exists():
                rows = json.loads(golden.read_text(encoding="utf-8"))
                official = "0 official errors"
            elif generated:
                rows = sweep_rows(case["procedure"], case["version"], case["status"], slots=case.get("slots", 1))
                official = "not yet run through the official checker"
            else:
                continue
            covered.append((name, official))
            snap = load_snapshot(case["procedure"], case["version"])
            wb = write_bare_workbook(snap, d / f"{name}.xlsx", rows, case["status"])
            for f in lint_path(wb, Options(on=ON)).findings:
                by_rule[f.rule].append((name, "workbook", f.severity, f"{(f.sheet or '')[6:]}!{f.cell}", f.field,
                                        f.message, official))
            csv = UPLOAD / f"{name}.csv"
            if csv.exists():
                st = snap.status_by_label(case["status"])
                target = d / f"{PROCEDURES[case['procedure']][2]}_{st.screen_code}_ver{st.file_version or '001'}.csv"
                shutil.copyfile(csv, target)
                for f in lint_one(str(target), Options(on=ON)).findings:
                    by_rule[f.rule].append((name, "upload", f.severity, f.cell or "", f.field, f.message, official))
                target.unlink()
    print(f"Cases linted: {len(covered)}\n")
    for rule in sorted(by_rule):
        items = by_rule[rule]
        sev = sorted({i[2] for i in items})
        cases = sorted({i[0] for i in items})
        print(f"## {rule} ({'/'.join(sev)}): {len(items)} findings in {len(cases)} cases")
        print(f"cases: {', '.join(cases)}\n")
        seen = set()
        for name, kind, severity, cell, field, msg, official in items:
            key = (kind, field, msg[:60])
            if key in seen:
                continue
            seen.add(key)
            print(f"- {name} [{kind}, {official}] {cell} {field or ''}: {msg}")
            if len(seen) >= 12:
                print("- …")
                break
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
