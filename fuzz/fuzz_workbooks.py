"""Fuzz lint_path with mutated template workbooks (zip bytes, sheet XML, cell values) for --minutes.

Each case runs in a child process with a timeout and an address-space limit: an exception escaping
lint_path is a crash, a timeout a hang, a MemoryError/kill by the limit a memory blow-up.
Usage: python fuzz/fuzz_workbooks.py --minutes 10 [--timeout 30] [--out /tmp/zl_fuzz]
Seeds: bare workbooks built from the shipped snapshots (tests' golden clean rows) and, when present,
the official workbooks in ../shared/official (read only; mutated copies go to --out, never kept).
"""
from __future__ import annotations

import argparse
import io
import json
import multiprocessing as mp
import random
import re
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
OFFICIAL = REPO.parent / "shared" / "official"
MEM_LIMIT = 1500 * 2**20


def seeds(out: Path) -> list[bytes]:
    from devtools.bare import write_bare_workbook
    from schemas.snapshot import load_snapshot
    got = []
    golden = REPO / "tests" / "golden"
    for proc, ver, name in (("henkou", "2026/04/01", "henkou_v_clean"), ("koushin", "2026/02/27", "koushin_v_clean"),
                            ("nintei", "2026/04/01", "nintei_v_clean")):
        snap = load_snapshot(proc, ver)
        f = golden / f"{name}.rows.json"
        rows = json.loads(f.read_text(encoding="utf-8")) if f.exists() else {}
        p = write_bare_workbook(snap, out / f"seed_{proc}.xlsx", rows, "特定技能 Specified Skilled Worker")
        got.append(p.read_bytes())
    for f in sorted(OFFICIAL.glob("*.xlsm"))[:1]:
        got.append(f.read_bytes())
    return got


def mutate_bytes(data: bytes, rnd: random.Random) -> bytes:
    b = bytearray(data)
    op = rnd.randrange(4)
    if op == 0:
        return bytes(b[:rnd.randrange(len(b))])          # truncate
    if op == 1:
        for _ in range(rnd.randint(1, 20)):
            b[rnd.randrange(len(b))] = rnd.randrange(256)  # flip bytes
        return bytes(b)
    if op == 2:
        i = rnd.randrange(len(b))
        return bytes(b[:i] + bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 64))) + b[i:])
    i = max(0, len(b) - rnd.randint(1, 200))               # the central directory
    b[i] = rnd.randrange(256)
    return bytes(b)


XML_MUTATIONS = [
    lambda x, r: x.replace(b'<row r="8"', b'<row r="8" hidden="1"', 1),
    lambda x, r: x.replace(b"<v>", b"<v>#N/A</v><v>", 1),
    lambda x, r: re.sub(rb'r="([A-Z]+)(\d+)"', lambda m: b'r="' + m.group(1) + str(int(m.group(2)) * r.randint(1, 5000)).encode() + b'"', x, count=r.randint(1, 5)),
    lambda x, r: re.sub(rb'<c r="([A-Z]+)', lambda m: b'<c r="' + b"XF" + m.group(1)[-1:], x, count=r.randint(1, 3)),
    lambda x, r: x.replace(b'r="', b'', r.randint(1, 50)),
    lambda x, r: x.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="B8:D9"/></mergeCells>', 1),
    lambda x, r: x.replace(b"<?xml", b'<!DOCTYPE x [<!ENTITY a "aaaa">]><?xml', 1),
    lambda x, r: x[: r.randrange(max(len(x), 1))],
    lambda x, r: x.replace(b'<c r="B8"', b'<c r="B8" t="e"', 1),
    lambda x, r: x.replace(b"<sheetData>", b'<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', 1),
    lambda x, r: x.replace(b'uniqueCount="', b'uniqueCount="9999999999', 1),
    lambda x, r: x.replace(b"<si><t", b"<si><r><t", 1),
    lambda x, r: x.replace(b'<c r="C8"', b'<c r="C8"><f>1/0</f></c><c r="ZZ8"', 1),
    lambda x, r: bytes(c if r.random() > 0.001 else r.randrange(256) for c in x[:200000]) + x[200000:],
    lambda x, r: x.replace(b'sheet', b'shet', 1),
]


def mutate_xml(data: bytes, rnd: random.Random) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in zin.namelist() if n.endswith(".xml") or n.endswith(".rels")]
    targets = [n for n in names if "worksheets/" in n or "sharedStrings" in n or "workbook" in n]
    pick = set(rnd.sample(targets, min(len(targets), rnd.randint(1, 3))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename in pick:
                for _ in range(rnd.randint(1, 3)):
                    body = rnd.choice(XML_MUTATIONS)(body, rnd)
            name = info.filename if rnd.random() > 0.002 else "../" + info.filename
            zout.writestr(name, body)
    return out.getvalue()


def mutate_cells(rnd: random.Random, out: Path) -> bytes:
    from devtools.bare import write_bare_workbook
    from schemas.snapshot import load_snapshot
    snap = load_snapshot("henkou", "2026/04/01")
    cols = list(snap.headers.get(snap.common_sheet, {}))
    alphabet = "アイｱｲ漢字ABCabc0123-/　 \t\n\u3000\ufeff\u200b#=\"'<>&\ud7ff\U0001F600"
    row = {c: "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for c in rnd.sample(cols, min(len(cols), 15))}
    for c in rnd.sample(cols, 3):
        row[c] = rnd.choice([1e308, -0.0, 12345678901234567890, True, "=1+1", "#N/A", None])
    p = write_bare_workbook(snap, out / "cells.xlsx", {snap.common_sheet: [row] * rnd.randint(1, 3)},
                            rnd.choice([None, "特定技能 Specified Skilled Worker", "留学 Student"]))
    return p.read_bytes()


def _child(path: str, q):
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (MEM_LIMIT, MEM_LIMIT))
    except Exception:
        pass
    try:
        from linter.engine import lint_path
        r = lint_path(path)
        q.put(("ok", [f.rule for f in r.findings][:5]))
    except MemoryError:
        q.put(("memory", traceback.format_exc()))
    except BaseException:
        q.put(("crash", traceback.format_exc()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    rnd = random.Random(args.seed)
    out = Path(args.out or tempfile.mkdtemp(prefix="zl_fuzz_"))
    out.mkdir(parents=True, exist_ok=True)
    base = seeds(out)
    counts = {"cases": 0, "ok": 0, "crash": 0, "hang": 0, "memory": 0}
    findings: dict[str, int] = {}
    deadline = time.monotonic() + args.minutes * 60
    ctx = mp.get_context("fork")
    while time.monotonic() < deadline:
        seed = rnd.choice(base)
        kind = rnd.choice(["bytes", "xml", "xml", "cells"])
        try:
            data = mutate_bytes(seed, rnd) if kind == "bytes" else mutate_xml(seed, rnd) if kind == "xml" else mutate_cells(rnd, out)
        except Exception:
            continue
        case = out / f"case_{counts['cases']}.xlsx"
        case.write_bytes(data)
        q = ctx.Queue()
        p = ctx.Process(target=_child, args=(str(case), q))
        p.start()
        p.join(args.timeout)
        counts["cases"] += 1
        if p.is_alive():
            p.kill()
            p.join()
            status, info = "hang", f"timeout {args.timeout}s"
        else:
            try:
                status, info = q.get(timeout=5)
            except Exception:
                status, info = ("memory" if p.exitcode in (-9, -6) else "crash"), f"exit code {p.exitcode}"
        counts[status] += 1
        if status == "ok":
            for c in info:
                findings[c] = findings.get(c, 0) + 1
            case.unlink(missing_ok=True)
        else:
            keep = out / f"{status}_{counts[status]}_{kind}.xlsx"
            case.rename(keep)
            print(f"{status}: {keep}\n{info}", flush=True)
    print(json.dumps({"counts": counts, "findings": dict(sorted(findings.items())), "out": str(out)}, ensure_ascii=False))
    return 1 if counts["crash"] or counts["hang"] or counts["memory"] else 0


if __name__ == "__main__":
    sys.exit(main())
