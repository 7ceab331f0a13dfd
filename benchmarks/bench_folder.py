"""Benchmark (not a test): `zairyu-lint check DIR --format json` over a folder of big workbooks.

Builds N bare 変更/特定技能 workbooks (default 200) of 300 applicants each, from the clean golden
rows with every person made unique per file, and about 100 defects per file (rows of the golden
defect fixture, varied per file), then times the whole command (wall time) over --runs runs and
prints the median and the per-file rate.

    /work/venv/bin/python benchmarks/bench_folder.py            # 200 files, 3 runs
    /work/venv/bin/python benchmarks/bench_folder.py -n 20 --runs 1 --keep /tmp/bench

Target: median <= 60 s for 200 files on a 2-core machine.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linter.bare import write_bare_workbook  # noqa: E402
from schemas.snapshot import load_snapshot  # noqa: E402

GOLDEN = REPO / "tests" / "golden"
SSW = "特定技能 Specified Skilled Worker"
PROCEDURE, VERSION = "henkou", "2026/04/01"
CONSONANTS = "BCDFGHJKLMNPRSTVWZ"
VOWELS = "AEIOU"


def golden(name: str) -> dict:
    return json.loads((GOLDEN / f"{name}.rows.json").read_text(encoding="utf-8"))


def _name(rng: random.Random) -> str:
    def word(n):
        return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(n))
    return f"{word(3)} {word(2)} {word(3)}"


def corporate_number(base12: str) -> str:
    """A 13-digit 法人番号 with a valid check digit (the first digit) for 12 base digits."""
    total = sum(int(d) * (2 if n % 2 == 0 else 1) for n, d in enumerate(reversed(base12), start=1))
    return f"{9 - total % 9}{base12}"


def _fix_corporate_numbers(rows: dict) -> dict:
    """The clean golden rows carry made-up 法人番号; give them valid check digits."""
    for sheet_rows in rows.values():
        for row in sheet_rows:
            for col, v in row.items():
                if isinstance(v, str) and len(v) == 13 and v.isdigit():
                    row[col] = corporate_number(v[1:])
    return rows


def build_rows(seed: int, applicants: int, defect_rows: int) -> dict:
    """`applicants` rows on every sheet: clean rows with unique people, `defect_rows` of them
    replaced by (varied) rows of the golden defect fixture."""
    rng = random.Random(seed)
    clean, bad = _fix_corporate_numbers(golden("henkou_v_clean")), golden("henkou_v")
    sheets = list(clean)
    out = {s: [] for s in sheets}
    defect_at = set(rng.sample(range(applicants), defect_rows))
    n_bad = min(len(v) for v in bad.values())
    # leave out the nearly empty defect rows (one of them alone gives ~80 "required" findings)
    usable = [k for k in range(n_bad) if sum(len(bad[s][k]) for s in sheets) >= 20] or list(range(n_bad))
    for i in range(applicants):
        if i in defect_at:
            k = rng.choice(usable)
            rows = {s: dict(bad[s][k]) for s in sheets}
        else:
            k = rng.randrange(min(len(v) for v in clean.values()))
            rows = {s: dict(clean[s][k]) for s in sheets}
        main = rows[sheets[0]]
        uid = seed * 10_000 + i
        # one person per row and per file: name, card, passport and mail differ
        if main.get("D"):
            main["D"] = _name(rng)
        if isinstance(main.get("W"), str) and len(main["W"]) == 12:
            main["W"] = f"{main['W'][:2]}{uid % 10**8:08d}{main['W'][10:]}"
        if isinstance(main.get("Q"), str) and len(main["Q"]) == 8:
            main["Q"] = f"{main['Q'][0]}{uid % 10**7:07d}"
        for col in ("P", "BY"):
            if isinstance(main.get(col), str) and "@" in main[col]:
                main[col] = f"a{uid}@{main[col].split('@', 1)[1]}"
        for s in sheets:
            out[s].append(rows[s])
    return out


def _write(args) -> str:
    folder, i, applicants, defect_rows = args
    snap = load_snapshot(PROCEDURE, VERSION)
    path = Path(folder) / f"client{i // 50:02d}" / f"batch_{i:04d}.xlsm"
    write_bare_workbook(snap, path, build_rows(i + 1, applicants, defect_rows), SSW)
    return str(path)


def build(folder: Path, n: int, applicants: int, defect_rows: int, jobs: int) -> None:
    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(_write, [(str(folder), i, applicants, defect_rows) for i in range(n)], chunksize=4))
    print(f"built {n} workbooks of {applicants} applicants in {time.perf_counter() - t:.1f} s", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--files", type=int, default=200)
    ap.add_argument("--applicants", type=int, default=300)
    ap.add_argument("--defect-rows", type=int, default=12,
                    help="rows taken from the defect fixture per file (about 8 findings each; default 12)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None, help="passed to zairyu-lint --jobs (default: its own)")
    ap.add_argument("--keep", type=Path, default=None, help="build into (and reuse) this folder")
    ap.add_argument("--on", default="2026-05-01")
    args = ap.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="zl-bench-"))
    existing = sorted(folder.rglob("*.xlsm")) if folder.exists() else []
    try:
        if len(existing) != args.files:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            build(folder, args.files, args.applicants, args.defect_rows, os.cpu_count() or 1)
        exe = shutil.which("zairyu-lint", path=str(Path(sys.executable).parent)) or "zairyu-lint"
        cmd = [exe, "check", str(folder), "--format", "json", "--on", args.on, "-q"]
        if args.jobs:
            cmd += ["--jobs", str(args.jobs)]
        times = []
        for run in range(args.runs):
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
            t = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            wall = time.perf_counter() - t
            times.append(wall)
            if proc.returncode not in (0, 1):
                print(proc.stderr[-2000:], file=sys.stderr)
                print(f"zairyu-lint exited {proc.returncode}", file=sys.stderr)
                return 1
            doc = json.loads(proc.stdout)
            s = doc["summary"]
            per_file = (s["errors"] + s["warnings"] + s["infos"]) / max(1, s["files"])
            applicants = sum(f["applicants"] for f in doc["files"])
            print(f"run {run + 1}: {wall:.1f} s  ({s['files']} files, {applicants} applicants, "
                  f"{per_file:.0f} findings/file, load before {load:.2f})", flush=True)
        med = statistics.median(times)
        print(f"median wall time: {med:.1f} s for {args.files} files x {args.applicants} applicants "
              f"= {args.files / med:.2f} files/s ({med / args.files * 1000:.0f} ms/file), cpus={os.cpu_count()}, "
              f"loadavg now {os.getloadavg()[0]:.2f}")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
