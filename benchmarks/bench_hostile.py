"""Peak memory and time of `lint_path` on each hostile input, one fresh subprocess per input.

    python benchmarks/bench_hostile.py [--keep DIR]

Builds the inputs (as tests/test_hostile.py does, plus the official workbooks when present), runs each
in `python -c` child measuring wall time and ru_maxrss (resource.getrusage(RUSAGE_SELF) in the child),
and prints a table; exits 1 when an input goes over 500 MB or 30 s.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
OFFICIAL = REPO.parent / "shared" / "official"
LIMIT_MB, LIMIT_S = 500, 30

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
t = time.perf_counter()
from linter.engine import lint_path
t_import = time.perf_counter() - t
t = time.perf_counter()
r = lint_path(sys.argv[1])
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
try:   # VmHWM starts afresh at exec; ru_maxrss may carry the parent's peak on some kernels
    hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")) / 1024
    rss = min(rss, hwm)
except Exception:
    pass
print(json.dumps({"seconds": wall, "import": t_import, "peak_mb": rss, "codes": sorted({f.rule for f in r.findings})[:6],
                  "unreadable": r.unreadable}))
"""


def build(folder: Path) -> dict[str, Path]:
    from devtools.bare import write_bare_workbook
    from schemas.snapshot import load_snapshot
    from tests.test_hostile import build_unreadable, rewrite, sheet_part
    snap = load_snapshot("henkou", "2026/04/01")
    rows = json.loads((REPO / "tests/golden/henkou_v_clean.rows.json").read_text(encoding="utf-8"))
    clean = write_bare_workbook(snap, folder / "clean.xlsx", rows, "特定技能 Specified Skilled Worker")
    big = {s: (r * 150)[:300] for s, r in rows.items()}
    out = {"clean (2 applicants)": clean,
           "bare 300 applicants": write_bare_workbook(snap, folder / "b300.xlsx", big, "特定技能 Specified Skilled Worker")}
    for name, (p, _) in build_unreadable(folder, clean).items():
        out[name] = p
    common = sheet_part(clean, snap.common_sheet)
    bomb = folder / "bomb.xlsx"
    with zipfile.ZipFile(clean) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        with zout.open("xl/media/big.bin", "w", force_zip64=True) as fh:
            for _ in range(1024):
                fh.write(b"\0" * 2**20)      # 1 GB of zeros, ~1 MB compressed
    out["zip bomb 1 GB"] = bomb
    out["billion laughs"] = rewrite(clean, folder / "lol.xlsx", {common: lambda x: (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' +
        b"".join(b'<!ENTITY a%d "&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;">' % ((i,) + (b"" if i == 1 else str(i - 1).encode(),) * 10)
                 for i in range(1, 10)) + b"]>" + x.split(b"?>", 1)[-1])})
    out["far cell XFD1048576"] = rewrite(clean, folder / "far.xlsx", {common: lambda x: x.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>', 1)})

    def rows_(n):
        return lambda x: x.replace(b"</sheetData>", b"".join(
            b'<row r="%d"><c r="B%d" t="inlineStr"><is><t>x%d</t></is></c><c r="C%d"><v>%d</v></c></row>' % (r, r, r, r, r)
            for r in range(400, 400 + n)) + b"</sheetData>", 1)
    out["150,000 rows"] = rewrite(clean, folder / "rows150k.xlsx", {common: rows_(150_000)})
    out["1,000,000 rows (streamed)"] = rewrite(clean, folder / "rows1m.xlsx", {common: rows_(1_000_000)})
    out["cells without r= (10k wide)"] = rewrite(clean, folder / "noref.xlsx", {common: lambda x: x.replace(
        b"</sheetData>", b'<row r="9">' + b"<c><v>1</v></c>" * 10_000 + b"</row></sheetData>", 1)})
    out["shared strings count 4e9"] = rewrite(clean, folder / "sst.xlsx", {}, add={
        "xl/sharedStrings.xml": b'<sst count="4000000000" uniqueCount="4000000000"><si><t>a</t></si></sst>'})
    for f in sorted(OFFICIAL.glob("*.xlsm")):
        out[f"official {f.stem}"] = f
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", default=None, help="build the inputs in this folder and keep them")
    ap.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="zl_bench_"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.build_only:
        (folder / "inputs.json").write_text(json.dumps({k: str(v) for k, v in build(folder).items()}), encoding="utf-8")
        return 0
    # build in a child, so that this process stays small and its children start small
    subprocess.run([sys.executable, __file__, "--keep", str(folder), "--build-only"], check=True)
    inputs = {k: Path(v) for k, v in json.loads((folder / "inputs.json").read_text(encoding="utf-8")).items()}
    bad = 0
    print(f"{'input':34} {'size':>10} {'seconds':>8} {'peak MB':>8}  codes")
    for name, path in inputs.items():
        try:
            done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(REPO)], capture_output=True, text=True,
                                  timeout=120)
            r = json.loads(done.stdout.strip().splitlines()[-1])
        except Exception as exc:   # a hang or crash is a result too
            print(f"{name:34} FAILED: {type(exc).__name__} {getattr(exc, 'stderr', '')[-300:] if hasattr(exc, 'stderr') else ''}")
            bad += 1
            continue
        size = path.stat().st_size if path.exists() and path.is_file() else 0
        over = r["peak_mb"] > LIMIT_MB or r["seconds"] > LIMIT_S
        bad += over
        print(f"{name:34} {size:>10,} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f}  {' '.join(r['codes'])}{'  OVER LIMIT' if over else ''}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
