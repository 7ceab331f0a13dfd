#!/usr/bin/env python3
"""Run sweep cases through the OFFICIAL checker and keep the clean ones as goldens (dev tool, slow).

For each case (devtools.sweep_cases): write the generated rows, run the oracle (the official workbook's
own VBA in headless LibreOffice, see ../shared/tools/official-checker/README.md) with --out, and when it
reports 0 errors keep, per case:
    tests/golden/sweep/<name>.rows.json      the oracle --rows input
    tests/golden/sweep/<name>.oracle.json    the oracle --json output, unedited
    tests/data/upload/sweep/<name>.csv       the upload file written by the official export
A case with official errors keeps nothing but leaves its output in $SWEEP_WORK (default /tmp/sweep_work).
NOT part of the test suite (about 1 minute per case).

Usage (repo root):  PYTHONPATH=. python tests/golden/sweep/make_sweep.py [--oracle CMD] [--keep-rows] NAME...|all|primary
  --oracle   the oracle command (default: /usr/bin/python3 ../shared/tools/official-checker/oracle.py)
  --keep-rows  use the committed rows.json instead of regenerating
"""
from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from devtools.sweep_cases import all_cases  # noqa: E402
from devtools.sweepgen import sweep_rows  # noqa: E402

GOLDEN = REPO / "tests/golden/sweep"
UPLOAD = REPO / "tests/data/upload/sweep"
OFFICIAL = Path(os.environ.get("OFFICIAL_DIR", REPO.parent.parent / "shared/official"))
WORKBOOK = {"henkou": "henkou_2026-04-01.xlsm", "koushin": "koushin_2026-02-27.xlsm",
            "nintei": "nintei_2026-04-01.xlsm"}


def run_case(case: dict, oracle: list[str], keep_rows: bool) -> bool:
    name = case["name"]
    work = Path(os.environ.get("SWEEP_WORK", "/tmp/sweep_work")) / name
    work.mkdir(parents=True, exist_ok=True)
    rows_path = work / f"{name}.rows.json"
    committed = GOLDEN / f"{name}.rows.json"
    if keep_rows and committed.exists():
        shutil.copy(committed, rows_path)
    else:
        rows = sweep_rows(case["procedure"], case["version"], case["status"], slots=case.get("slots", 1))
        rows_path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    out_json, out_csv = work / f"{name}.oracle.json", work / f"{name}.csv"
    out_csv.unlink(missing_ok=True)
    wb = OFFICIAL / WORKBOOK[case["procedure"]]
    cmd = oracle + [str(wb), "--status", case["status"], "--rows", str(rows_path), "--json", str(out_json),
                    "--out", str(out_csv)]
    print(f"== {name}: {case['status']}", flush=True)
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0 or not out_json.exists():
        print(f"   oracle failed (exit {proc.returncode}): {proc.stderr[-500:]}", flush=True)
        return False
    res = json.loads(out_json.read_text(encoding="utf-8"))
    errs = res.get("errors", [])
    print(f"   errors: {len(errs)}  upload: {res.get('upload_file')}  timing: {res.get('timing_s')}", flush=True)
    for e in errs[:40]:
        print(f"     {e.get('sheet')}!{e.get('cell')}: {e.get('message')}", flush=True)
    if errs or not out_csv.exists():
        return False
    GOLDEN.mkdir(parents=True, exist_ok=True)
    UPLOAD.mkdir(parents=True, exist_ok=True)
    shutil.copy(rows_path, GOLDEN / f"{name}.rows.json")
    shutil.copy(out_json, GOLDEN / f"{name}.oracle.json")
    shutil.copyfile(out_csv, UPLOAD / f"{name}.csv")
    return True


def main(argv: list[str]) -> int:
    oracle = shlex.split(f"/usr/bin/python3 {REPO.parent.parent / 'shared/tools/official-checker/oracle.py'}")
    keep_rows = False
    names = []
    it = iter(argv)
    for a in it:
        if a == "--oracle":
            oracle = shlex.split(next(it))
        elif a == "--keep-rows":
            keep_rows = True
        else:
            names.append(a)
    cases = all_cases(primary_only=names == ["primary"])
    if names and names not in (["all"], ["primary"]):
        cases = [c for c in cases if c["name"] in names]
        cases.sort(key=lambda c: names.index(c["name"]))
    failed = [c["name"] for c in cases if not run_case(c, oracle, keep_rows)]
    if failed:
        print("not clean: " + " ".join(failed), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
