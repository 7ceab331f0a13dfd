"""Benchmark: `zairyu-lint fix` against `zairyu-lint check` on an official 変更 workbook with 300 applicants
and 100 fixable findings (issue 13: fix at most 2x check).

    python benchmarks/bench_fix.py [--cache /tmp/zairyu-bench] [--runs 5]

The input is built once into the cache folder the way bench_lint.py builds its workbook (a copy of the
read-only official workbook outside the repository, filled through openpyxl keep_vba), with one mechanical
mistake in each of 100 rows, cycling through the kinds the safe fixes cover. Both commands are timed cold
(a new process each, as a user runs them), medians compared.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from benchmarks.bench_lint import N_APPLICANTS, ON   # noqa: E402
from benchmarks.bench_lint import build_input as build_official_input   # noqa: E402

BENCH_NAME = "henkou_300_fixable.xlsm"
TARGET_RATIO = 2.0


def fixable_rows(rows: dict, sheet_common: str, sheet_v: str) -> int:
    """One mechanical mistake in every third row (100 rows), ten kinds in turn. Returns the number planted."""
    planted = 0
    common, v = rows[sheet_common], rows[sheet_v]
    for i in range(0, N_APPLICANTS, 3):
        kind = (i // 3) % 10
        c, r = common[i], v[i]
        if kind == 0:
            c["O"] = int(c["O"])                                    # mobile phone as a number: leading 0 lost
        elif kind == 1:
            c["J"] = c["J"][:3] + "-" + c["J"][3:]                  # postal code with a hyphen
        elif kind == 2:
            c["E"] = c["E"].upper()                                  # list label in the wrong case
        elif kind == 3:
            c["M"] = c["M"].translate(str.maketrans("０１２３４５６７８９－", "0123456789-"))   # half-width in 全角
        elif kind == 4:
            c["D"] = c["D"].lower()                                  # lower-case name
        elif kind == 5:
            c["U"] = f"{c['U'][:4]}/{c['U'][4:6]}/{c['U'][6:]}"     # date with slashes
        elif kind == 6:
            c["U"] = dt.date(int(c["U"][:4]), int(c["U"][4:6]), int(c["U"][6:]))   # date cell
        elif kind == 7:
            c["P"] = c["P"].replace("@", "＠")                       # full-width at-sign
        elif kind == 8:
            r["EK"] = float(r["EK"])                                 # 法人番号 as a number
        else:
            c["C"] = f"{c['C'][:4]}-{c['C'][4:6]}-{c['C'][6:]}"     # birth date with hyphens
        planted += 1
    return planted


def build_input(cache: Path) -> Path:
    return build_official_input(cache, BENCH_NAME, fixable_rows, "fixable mistakes")


def cli(args: list[str]) -> float:
    exe = Path(sys.executable).with_name("zairyu-lint")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "linter"]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    t = time.perf_counter()
    subprocess.run(cmd + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/tmp", env=env)
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default=os.environ.get("ZAIRYU_BENCH_CACHE", "/tmp/zairyu-bench"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    path = build_input(Path(args.cache))

    from linter.engine import Options, lint_path
    result = lint_path(path, Options(on=ON))
    safe = sum(1 for f in result.findings if f.fix is not None and f.fix.safe)
    print(f"input: {path} ({N_APPLICANTS} applicants, {len(result.findings)} findings, {safe} fixable by safe fixes)")

    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "fixed.xlsm"
        check = [cli(["check", str(path), "--format", "json", "--on", ON.isoformat()]) for _ in range(args.runs)]
        fix = [cli(["fix", str(path), "-o", str(out), "--force", "--on", ON.isoformat()]) for _ in range(args.runs)]
        after = lint_path(out, Options(on=ON))
        # in-process: the check without and with the fix planning (which marks fixable findings), and fix_file
        from linter.fixes import fix_file
        inproc = {"lint, no fix planning": [], "lint + fix planning (check)": [], "fix_file (plan + write)": []}
        for _ in range(args.runs):
            for name, fn in (("lint, no fix planning", lambda: lint_path(path, Options(on=ON, fixes=False))),
                             ("lint + fix planning (check)", lambda: lint_path(path, Options(on=ON))),
                             ("fix_file (plan + write)", lambda: fix_file(path, out, Options(on=ON), force=True))):
                t = time.perf_counter()
                fn()
                inproc[name].append(time.perf_counter() - t)
    left = sum(1 for f in after.findings if f.fix is not None)
    c, f = statistics.median(check), statistics.median(fix)
    print(f"{'measure':<40}{'median s':>10}{'min s':>9}{'max s':>9}")
    for name, xs in (("cold CLI check --format json", check), ("cold CLI fix -o OUT", fix),
                     *((f"in-process {k}", v) for k, v in inproc.items())):
        print(f"{name:<40}{statistics.median(xs):>10.3f}{min(xs):>9.3f}{max(xs):>9.3f}")
    ratio = f / c
    ok = ratio <= TARGET_RATIO and left == 0
    print(f"\nfix / check = {ratio:.2f}  target <= {TARGET_RATIO}  {'PASS' if ok else 'FAIL'}"
          f"  (fixed copy: {len(after.findings)} findings left, {left} of them still fixable)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
