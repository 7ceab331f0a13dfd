"""Benchmark: `export` of the official 変更 workbook with 300 applicants against `check` of it.

    python benchmarks/bench_export.py [--cache /tmp/zairyu-bench] [--runs 7] [--cli-runs 5]

Target (issue 12): exporting takes at most 1.5x the time of checking (export = check + the upload file).
The input is bench_lint.py's workbook (a copy of the official workbook outside the repository, 300
fictional applicants, ~100 planted defects), so the export runs with --force.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
from bench_lint import ON, build_input  # noqa: E402

TARGET = 1.5


def check_once(path: Path) -> float:
    from linter.engine import Options, lint_workbook
    from linter.reader import read_workbook
    t = time.perf_counter()
    lint_workbook(read_workbook(path), Options(on=ON))
    return time.perf_counter() - t


def export_once(path: Path, out_dir: Path) -> tuple[float, int]:
    from linter.engine import Options
    from linter.export import export_workbook
    from linter.reader import read_workbook
    t = time.perf_counter()
    res = export_workbook(read_workbook(path), out_dir, Options(on=ON), force=True, overwrite=True)
    return time.perf_counter() - t, res.applicants


def cli_once(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "linter", *args], cwd=REPO, capture_output=True, check=False)
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=Path("/tmp/zairyu-bench"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--cli-runs", type=int, default=5)
    a = ap.parse_args()
    path = build_input(a.cache)
    out = Path(tempfile.mkdtemp())
    check_once(path)
    export_once(path, out)                       # warm up: snapshot load, imports
    checks, exports = [], []
    for _ in range(a.runs):                      # interleaved, so machine load hits both alike
        checks.append(check_once(path))
        t, n = export_once(path, out)
        exports.append(t)
    c, e = statistics.median(checks), statistics.median(exports)
    print(f"in-process, {n} applicants: check median {c:.3f} s, export median {e:.3f} s, ratio {e / c:.2f} "
          f"(target <= {TARGET})")
    cc, ce = [], []
    for _ in range(a.cli_runs):
        cc.append(cli_once(["check", str(path), "--on", ON.isoformat(), "--format", "json"]))
        ce.append(cli_once(["export", str(path), "--on", ON.isoformat(), "--force", "-o", str(out / "u.csv")]))
    c2, e2 = statistics.median(cc), statistics.median(ce)
    print(f"cold CLI: check median {c2:.2f} s, export median {e2:.2f} s, ratio {e2 / c2:.2f} (target <= {TARGET})")
    sys.exit(0 if e / c <= TARGET and e2 / c2 <= TARGET else 1)


if __name__ == "__main__":
    main()
