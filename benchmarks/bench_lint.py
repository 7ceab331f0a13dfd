"""Benchmark: the official 変更 workbook filled with 300 fictional applicants and about 100 defects.

    python benchmarks/bench_lint.py [--cache /tmp/zairyu-bench] [--runs 7] [--cli-runs 5] [--profile]

Targets (2-core machine): in-process lint (read + validate + findings) median <= 0.5 s;
cold `zairyu-lint check FILE --format json` median <= 2.5 s.

The input is built once into the cache folder (openpyxl with keep_vba=True loads the official
workbook in ~17 s): a copy of the read-only official workbook outside the repository, its input
sheets filled from devtools.samplegen. The repository never holds a copy of an official file.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
OFFICIAL = REPO.parent / "shared" / "official" / "henkou_2026-04-01.xlsm"
SSW = "特定技能 Specified Skilled Worker"
ON = dt.date(2026, 12, 1)
N_APPLICANTS = 300
TARGET_INPROC, TARGET_CLI = 0.5, 2.5
BENCH_NAME = "henkou_300_defects.xlsm"


def defect_rows(rows: dict, sheet_common: str, sheet_v: str) -> int:
    """Plant about 100 defects (a few kinds, spread over the rows). Returns the number planted."""
    planted = 0
    common, v = rows[sheet_common], rows[sheet_v]
    for i in range(0, N_APPLICANTS, 3):          # 100 rows, one defect each, cycling through kinds
        kind = (i // 3) % 10
        c, r = common[i], v[i]
        if kind == 0:
            c["O"] = int(c["O"])                     # phone as number (lost zero)
        elif kind == 1:
            c["J"] = c["J"][:3] + "-" + c["J"][3:]   # postal code with hyphen
        elif kind == 2:
            c["B"] = c["B"].split(" ")[0]            # nationality without English label
        elif kind == 3:
            c["M"] = c["M"].translate(str.maketrans("０１２３４５６７８９－", "0123456789-"))
        elif kind == 4:
            c.pop("W", None)                         # card number blank although 有
        elif kind == 5:
            c["L"] = "横浜市中区" if c["K"] != "神奈川県" else "新宿区"
        elif kind == 6:
            c["U"] = dt.date(int(c["U"][:4]), int(c["U"][4:6]), int(c["U"][6:]))
        elif kind == 7:
            c["X"], c["Y"] = "AB", "1234567"          # ED number although the card is held
        elif kind == 8:
            r["EK"] = float(r["EK"])                 # corporate number as a number
        else:
            c["E"] = "男"                            # not a list label
        planted += 1
    return planted


def build_input(cache: Path, name: str = BENCH_NAME, plant=None, what: str = "planted defects") -> Path:
    """Copy the official 変更 workbook into the cache as NAME and fill it (once); plant(rows, common, v) -> count."""
    out = cache / name
    if out.exists():
        return out
    if not OFFICIAL.exists():
        sys.exit(f"official workbook not found: {OFFICIAL}")
    import openpyxl
    from devtools.samplegen import henkou_rows, make_people
    from schemas.cells import col_index
    from schemas.snapshot import FIRST_ROW, load_snapshot
    cache.mkdir(parents=True, exist_ok=True)
    snap = load_snapshot("henkou", "2026/04/01")
    rows = henkou_rows(make_people(N_APPLICANTS))
    n = (plant or defect_rows)(rows, snap.common_sheet, "申請情報入力(区分V)")
    print(f"building {out} (300 applicants, {n} {what}; openpyxl keep_vba load takes a while)...",
          flush=True)
    t = time.perf_counter()
    tmp = cache / ("." + name)
    shutil.copyfile(OFFICIAL, tmp)
    wb = openpyxl.load_workbook(tmp, keep_vba=True)
    for sheet, rs in rows.items():
        ws = wb[sheet]
        for i, row in enumerate(rs):
            for col, value in row.items():
                ws.cell(FIRST_ROW + i, col_index(col) + 1, value)
    wb["メニュー"]["D15"] = SSW
    wb.save(tmp)
    tmp.replace(out)
    print(f"  built in {time.perf_counter() - t:.1f} s", flush=True)
    return out


def inprocess_once(path: Path) -> dict:
    from linter.engine import Options, lint_workbook
    from linter.reader import read_workbook
    from linter.report import to_json
    from schemas.snapshot import SIMULTANEOUS_SHEET
    t0 = time.perf_counter()
    wb = read_workbook(path)
    for s in ("メニュー", "申請情報入力(在留資格変更許可申請)", "申請情報入力(区分V)", SIMULTANEOUS_SHEET):
        if s in wb.sheet_names:
            wb.sheet(s)          # sheet loads are cached by WorkbookData; counted as read
    t1 = time.perf_counter()
    result = lint_workbook(wb, Options(on=ON))
    t2 = time.perf_counter()
    text = to_json([result])
    t3 = time.perf_counter()
    return {"read": t1 - t0, "validate": t2 - t1, "report": t3 - t2, "total": t3 - t0,
            "findings": len(result.findings), "errors": result.count("error"), "bytes": len(text)}


def cli_once(path: Path) -> float:
    exe = Path(sys.executable).with_name("zairyu-lint")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "linter"]
    t = time.perf_counter()
    subprocess.run(cmd + ["check", str(path), "--format", "json", "--on", ON.isoformat()],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/tmp")
    return time.perf_counter() - t


def import_once(module: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True, cwd="/tmp")
    return time.perf_counter() - t


def baseline_python() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - t


def profile(path: Path, top: int = 25) -> str:
    from linter.engine import Options, lint_path
    lint_path(path, Options(on=ON))   # warm
    pr = cProfile.Profile()
    pr.enable()
    lint_path(path, Options(on=ON))
    pr.disable()
    buf = io.StringIO()
    pstats.Stats(pr, stream=buf).sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default=os.environ.get("ZAIRYU_BENCH_CACHE", "/tmp/zairyu-bench"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--cli-runs", type=int, default=5)
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one in-process lint")
    args = ap.parse_args(argv)
    path = build_input(Path(args.cache))

    t = time.perf_counter()
    import linter.engine  # noqa: F401  (in-process import cost, first import in this process)
    import linter.report  # noqa: F401
    inproc_import = time.perf_counter() - t

    inprocess_once(path)   # warm-up (snapshot load, schema build caches)
    runs = [inprocess_once(path) for _ in range(args.runs)]
    med = {k: statistics.median(r[k] for r in runs) for k in ("read", "validate", "report", "total")}
    cli = [cli_once(path) for _ in range(args.cli_runs)]
    imp = [import_once("linter.cli") for _ in range(3)]
    py0 = statistics.median(baseline_python() for _ in range(3))

    cli_med = statistics.median(cli)
    print(f"\ninput: {path} ({N_APPLICANTS} applicants; {runs[0]['findings']} findings, "
          f"{runs[0]['errors']} errors; JSON {runs[0]['bytes']:,} bytes)")
    print(f"{'measure':<44}{'median s':>10}{'min s':>9}{'max s':>9}")
    rows = [("import linter.engine+report (in-process)", [inproc_import]),
            ("read (read_workbook + sheet loads)", [r["read"] for r in runs]),
            ("validate (lint_workbook)", [r["validate"] for r in runs]),
            ("report (report.to_json)", [r["report"] for r in runs]),
            ("in-process total (read+validate+report)", [r["total"] for r in runs]),
            ("python -c pass (interpreter start)", [py0]),
            ("python -c 'import linter.cli'", imp),
            ("cold CLI check --format json (wall)", cli)]
    for name, xs in rows:
        print(f"{name:<44}{statistics.median(xs):>10.3f}{min(xs):>9.3f}{max(xs):>9.3f}")
    ok1, ok2 = med["total"] <= TARGET_INPROC, cli_med <= TARGET_CLI
    print(f"\nin-process median {med['total']:.3f} s  target <= {TARGET_INPROC} s  {'PASS' if ok1 else 'FAIL'}")
    print(f"cold CLI median   {cli_med:.3f} s  target <= {TARGET_CLI} s  {'PASS' if ok2 else 'FAIL'}")
    if args.profile or not ok1:
        print("\ncProfile of one in-process lint (cumulative):")
        print(profile(path))
    return 0 if ok1 and ok2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
