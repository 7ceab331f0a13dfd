"""Before/after in one run: this checkout against another (e.g. `git worktree add /tmp/before 38c837f`).

    python benchmarks/bench_side_by_side.py --before /tmp/before [--rounds 3] [--runs 5]

Each round runs one fresh process per tree (PYTHONPATH = that tree), alternating, on the input of
bench_lint.py (300 applicants, ~100 defects; built once into the cache). Per process: the medians of
read, validate (lint_workbook), report (to_json) and their total, as bench_lint.py measures them, and
lint_path (read + validate + report) with and without the fix planner (Options.fixes, `--no-show-fixes`).
Printed: the median over rounds of those medians, per tree.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KEYS = ("read", "validate", "report", "total", "lint_path_fixes", "lint_path_no_fixes")

ONE = r'''
import json, statistics, sys, time, datetime as dt
runs, path = int(sys.argv[1]), sys.argv[2]
from linter.engine import Options, lint_path, lint_workbook
from linter.reader import read_workbook
from linter.report import to_json
from schemas.snapshot import SIMULTANEOUS_SHEET
ON = dt.date(2026, 12, 1)

def once():
    t0 = time.perf_counter()
    wb = read_workbook(path)
    for s in ("メニュー", "申請情報入力(在留資格変更許可申請)", "申請情報入力(区分V)", SIMULTANEOUS_SHEET):
        if s in wb.sheet_names:
            wb.sheet(s)
    t1 = time.perf_counter()
    result = lint_workbook(wb, Options(on=ON))
    t2 = time.perf_counter()
    to_json([result])
    t3 = time.perf_counter()
    return {"read": t1 - t0, "validate": t2 - t1, "report": t3 - t2, "total": t3 - t0, "findings": len(result.findings)}

def path_once(fixes):
    t0 = time.perf_counter()
    to_json([lint_path(path, Options(on=ON, fixes=fixes))])
    return time.perf_counter() - t0

once(); path_once(True)
rs = [once() for _ in range(runs)]
out = {k: statistics.median(r[k] for r in rs) for k in ("read", "validate", "report", "total")}
out["findings"] = rs[0]["findings"]
out["lint_path_fixes"] = statistics.median(path_once(True) for _ in range(runs))
out["lint_path_no_fixes"] = statistics.median(path_once(False) for _ in range(runs))
print(json.dumps(out))
'''


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True, help="the other checkout (its repository root)")
    ap.add_argument("--cache", default=os.environ.get("ZAIRYU_BENCH_CACHE", "/tmp/zairyu-bench"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench_lint import build_input
    path = build_input(Path(args.cache))
    trees = {"before": Path(args.before).resolve(), "after": REPO}
    got: dict[str, list[dict]] = {k: [] for k in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            env = dict(os.environ, PYTHONPATH=str(tree))
            out = subprocess.run([sys.executable, "-c", ONE, str(args.runs), str(path)], env=env, cwd="/tmp",
                                 capture_output=True, text=True, check=True).stdout
            got[name].append(json.loads(out.strip().splitlines()[-1]))
    print(f"input: {path}")
    print(f"{'median s':<22}" + "".join(f"{n + ' ' + str(t)[-28:]:>34}" for n, t in trees.items()))
    for k in KEYS:
        print(f"{k:<22}" + "".join(f"{statistics.median(r[k] for r in got[n]):>34.3f}" for n in trees))
    print(f"{'findings':<22}" + "".join(f"{got[n][0]['findings']:>34}" for n in trees))
    b, a = (statistics.median(r["validate"] for r in got[n]) for n in trees)
    print(f"validate: {b / a:.2f}x faster (target >= 1.5x); in-process total after: "
          f"{statistics.median(r['total'] for r in got['after']):.3f} s (target <= 0.2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
