"""Benchmark (not a test): `zairyu-lint check DIR --format json` over a folder of big workbooks.

Two ways to build the folder of N workbooks (default 200), then the whole command is timed (wall
time) over --runs runs and the median and the per-file rate are printed.

bare (default): N bare 変更/特定技能 workbooks (only the input sheets, devtools/bare.py) of
  --applicants applicants each, from the clean golden rows with every person made unique per file,
  and about 100 defects per file (rows of the golden defect fixture, varied per file).

--official: N copies of the OFFICIAL 変更 workbook filled with 300 fictional applicants and about
  100 planted defects, i.e. the input of benchmarks/bench_lint.py (built once with openpyxl into
  --cache, ~17 s per load, from /work/shared/official; never copied into the repository). The copies
  are made without openpyxl: the .xlsm is re-zipped with only the applicant identity texts of the
  input sheets rewritten (inline strings or xl/sharedStrings.xml), per file, keeping their formats
  valid: name + 2 letters, residence card = its first 10 characters + 2 letters, passport + 2
  letters, e-mail local part + "." + 2 letters. So no applicant repeats across files (no ZL312 /
  ZL313 flood) and every other zip member is byte-identical. --applicants / --defect-rows do not
  apply. The folder is cached in --cache/official<N> (reused on the next run; --keep DIR to choose
  another folder). At most 676 files (the 2-letter per-file code).

    /work/venv/bin/python benchmarks/bench_folder.py                       # bare, 200 files, 3 runs
    /work/venv/bin/python benchmarks/bench_folder.py -n 20 --runs 1 --keep /tmp/bench
    /work/venv/bin/python benchmarks/bench_folder.py --official --runs 3   # official template

A folder given with --keep (or the --official cache) is reused when it holds N .xlsm files built
with the same settings (see its .bench-folder.json); otherwise it is emptied and rebuilt.

Target (issue 5): median <= 60 s for 200 official-template workbooks of 300 applicants and about
100 defects each, on a 2-core machine.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from devtools.bare import write_bare_workbook  # noqa: E402
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


# --- --official: copies of the filled official workbook, text rewritten with zipfile -------------
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAX_OFFICIAL = 26 * 26
# identity fields (schemas/business/__init__.py keys, found by their row-5 label like the linter does)
IDENTITY = {  # role -> [(label, how, kind)]
    "common": [("氏名", "exact", "name"), ("在留カード番号", "exact", "card"), ("旅券(1)番号", "exact", "passport"),
               ("メールアドレス", "exact", "email"), ("通知送信用メールアドレス", "exact", "email")],
    "sim": [("氏名", "exact", "name"), ("在留カード番号/特別永住者証明書番号", "exact", "card"),
            ("旅券(1)番号", "exact", "passport")],
}
CARD_RE = re.compile(r"^[A-Z]{2}\d{8}[A-Z]{2}$")


def file_code(i: int) -> str:
    """Two capital letters, distinct for i in 0..675."""
    return chr(65 + i // 26) + chr(65 + i % 26)


def vary(kind: str, text: str, code: str) -> str:
    """The per-file variant of one identity value; injective for a fixed code, distinct across codes."""
    if not text:
        return text
    if kind == "card":
        return text[:10] + code if CARD_RE.match(text) else text + code
    if kind == "passport":
        return text + code if len(text) <= 10 else text[:-2] + code   # column limit 12
    if kind == "email":
        local, at, domain = text.rpartition("@")
        return f"{local}.{code.lower()}@{domain}" if at else text + code.lower()
    return text + code                                                # name: last word + 2 capitals


def identity_columns(procedure: str, version: str) -> dict[str, dict[str, str]]:
    """{sheet: {column: kind}} of the identity fields, from the snapshot's row-5 labels."""
    from schemas.business.frame import find_cols
    from schemas.snapshot import SIMULTANEOUS_SHEET
    snap = load_snapshot(procedure, version)
    out: dict[str, dict[str, str]] = {}
    for role, sheet in (("common", snap.common_sheet), ("sim", SIMULTANEOUS_SHEET)):
        headers = snap.headers.get(sheet, {})
        for label, how, kind in IDENTITY[role]:
            for col in find_cols(headers, label, how)[:1]:
                out.setdefault(sheet, {})[col] = kind
    return out


def sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> zip member of its XML."""
    wb = z.read("xl/workbook.xml").decode("utf-8")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {}
    for rel in re.findall(r"<Relationship\b[^>]*>", rels):
        rid, target = re.search(r'\bId="([^"]+)"', rel), re.search(r'\bTarget="([^"]+)"', rel)
        if rid and target:
            t = target.group(1)
            targets[rid.group(1)] = t.lstrip("/") if t.startswith("/") else "xl/" + t
    out = {}
    for sh in re.findall(r"<sheet\b[^>]*>", wb):
        name, rid = re.search(r'\bname="([^"]*)"', sh), re.search(r'\br:id="([^"]+)"', sh)
        if name and rid and rid.group(1) in targets:
            out[html.unescape(name.group(1))] = targets[rid.group(1)]
    return out


_T_RE = re.compile(r"<t(\s[^>]*)?>(.*?)</t>|<t(\s[^>]*)?/>", re.S)


def _si_text(body: str) -> str:
    return "".join(html.unescape(m.group(2) or "") for m in _T_RE.finditer(body))


def _t(text: str) -> str:
    esc = html.escape(text, quote=False)
    return f'<t xml:space="preserve">{esc}</t>' if text != text.strip() else f"<t>{esc}</t>"


class SharedStrings:
    """xl/sharedStrings.xml: read the strings, append the new ones (old entries are left alone)."""

    def __init__(self, xml: str | None):
        self.xml = xml
        self.items = [_si_text(m.group(1)) for m in re.finditer(r"<si>(.*?)</si>|<si/>", xml or "", re.S)
                      ] if xml else []
        self.n0 = len(self.items)
        self.added: dict[str, int] = {}

    def index(self, text: str) -> int:
        if text not in self.added:
            self.added[text] = len(self.items)
            self.items.append(text)
        return self.added[text]

    def render(self) -> str:
        new = "".join(f"<si>{_t(t)}</si>" for t in list(self.added))
        xml = self.xml.replace("</sst>", new + "</sst>")
        xml = re.sub(r'\buniqueCount="\d+"', f'uniqueCount="{len(self.items)}"', xml, count=1)
        return xml


def rewrite_sheet(xml: str, cols: dict[str, str], code: str, first_row: int, sst: SharedStrings) -> tuple[str, int]:
    """Rewrite the identity cells (rows >= first_row) of one sheet. Returns (xml, cells changed)."""
    cell_re = re.compile(r'<c r="(' + "|".join(map(re.escape, cols)) + r')(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
    changed = 0

    def one(m: re.Match) -> str:
        nonlocal changed
        col, row, attrs, body = m.group(1), int(m.group(2)), m.group(3), m.group(4)
        if row < first_row or not body:
            return m.group(0)
        kind = cols[col]
        t = re.search(r'\bt="(\w+)"', attrs)
        t = t.group(1) if t else "n"
        if t == "inlineStr":
            is_ = re.search(r"<is>(.*?)</is>", body, re.S)
            if not is_:
                return m.group(0)
            old = _si_text(is_.group(1))
            new = vary(kind, old, code)
            if new == old:
                return m.group(0)
            changed += 1
            return f'<c r="{col}{row}"{attrs}>' + body.replace(is_.group(0), f"<is>{_t(new)}</is>") + "</c>"
        if t == "s":
            v = re.search(r"<v>(\d+)</v>", body)
            if not v or int(v.group(1)) >= sst.n0:
                return m.group(0)
            old = sst.items[int(v.group(1))]
            new = vary(kind, old, code)
            if new == old:
                return m.group(0)
            changed += 1
            return f'<c r="{col}{row}"{attrs}>' + body.replace(v.group(0), f"<v>{sst.index(new)}</v>") + "</c>"
        return m.group(0)      # numbers, formulas: not identity texts in this workbook

    return cell_re.sub(one, xml), changed


def _write_official(args) -> tuple[str, int]:
    folder, i, source = args
    from schemas.snapshot import FIRST_ROW
    code = file_code(i)
    path = Path(folder) / f"client{i // 50:02d}" / f"batch_{i:04d}.xlsm"
    path.parent.mkdir(parents=True, exist_ok=True)
    cols_by_sheet = identity_columns(PROCEDURE, VERSION)
    changed = 0
    with zipfile.ZipFile(source) as zin:
        parts = sheet_parts(zin)
        targets = {parts[s]: cols for s, cols in cols_by_sheet.items() if s in parts}
        names = set(zin.namelist())
        sst_name = "xl/sharedStrings.xml"
        sst = SharedStrings(zin.read(sst_name).decode("utf-8") if sst_name in names else None)
        new_parts: dict[str, bytes] = {}
        for part, cols in targets.items():
            xml, n = rewrite_sheet(zin.read(part).decode("utf-8"), cols, code, FIRST_ROW, sst)
            changed += n
            if n:
                new_parts[part] = xml.encode("utf-8")
        if sst.added:
            new_parts[sst_name] = sst.render().encode("utf-8")
        tmp = path.with_name("." + path.name)
        with zipfile.ZipFile(tmp, "w") as zout:
            for info in zin.infolist():   # same order, same ZipInfo (name, date, compression, attributes)
                zout.writestr(info, new_parts.get(info.filename) or zin.read(info))
        tmp.replace(path)
    return str(path), changed


def build_official(folder: Path, n: int, source: Path, jobs: int) -> None:
    if n > MAX_OFFICIAL:
        sys.exit(f"--official builds at most {MAX_OFFICIAL} files")
    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        got = list(pool.map(_write_official, [(str(folder), i, str(source)) for i in range(n)], chunksize=4))
    cells = sorted(c for _, c in got)
    print(f"built {n} official-template copies of {source.name} in {time.perf_counter() - t:.1f} s "
          f"({cells[0]}-{cells[-1]} identity cells rewritten per file)", flush=True)


def official_source(cache: Path) -> Path:
    """The filled official workbook of bench_lint.py (built there once, ~20 s with openpyxl)."""
    from bench_lint import build_input
    t = time.perf_counter()
    src = build_input(cache)
    took = time.perf_counter() - t
    if took > 1:
        print(f"source workbook built in {took:.1f} s", flush=True)
    return src


def manifest(args, source: Path | None) -> dict:
    if source is None:
        return {"mode": "bare", "files": args.files, "applicants": args.applicants, "defect_rows": args.defect_rows}
    st = source.stat()
    return {"mode": "official", "files": args.files, "source": str(source), "source_size": st.st_size,
            "source_mtime": int(st.st_mtime), "format": 1}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--files", type=int, default=200)
    ap.add_argument("--official", action="store_true",
                    help="copies of the filled OFFICIAL 変更 workbook (bench_lint.py's input) instead of bare "
                         "workbooks; cached in --cache/official<N>")
    ap.add_argument("--cache", type=Path, default=Path(os.environ.get("ZAIRYU_BENCH_CACHE", "/tmp/zairyu-bench")),
                    help="--official: where bench_lint.py's source workbook and the folder are cached "
                         "(default $ZAIRYU_BENCH_CACHE or /tmp/zairyu-bench)")
    ap.add_argument("--applicants", type=int, default=300, help="bare mode only (--official: 300)")
    ap.add_argument("--defect-rows", type=int, default=12,
                    help="bare mode only: rows taken from the defect fixture per file (about 8 findings each; "
                         "default 12)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None, help="passed to zairyu-lint --jobs (default: its own)")
    ap.add_argument("--keep", type=Path, default=None,
                    help="build into (and reuse) this folder (--official default: --cache/official<N>)")
    ap.add_argument("--on", default="2026-05-01")
    args = ap.parse_args()

    source = official_source(args.cache) if args.official else None
    if args.official and args.keep is None:
        args.keep = args.cache / f"official{args.files}"
    if args.official:
        args.applicants = 300
    folder = args.keep or Path(tempfile.mkdtemp(prefix="zl-bench-"))
    want = manifest(args, source)
    mark = folder / ".bench-folder.json"
    existing = sorted(folder.rglob("*.xlsm")) if folder.exists() else []
    try:
        have = json.loads(mark.read_text(encoding="utf-8")) if mark.exists() else None
        if len(existing) != args.files or have != want:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            if source is not None:
                build_official(folder, args.files, source, os.cpu_count() or 1)
            else:
                build(folder, args.files, args.applicants, args.defect_rows, os.cpu_count() or 1)
            mark.write_text(json.dumps(want), encoding="utf-8")
        else:
            print(f"reusing {folder} ({want['mode']}, {args.files} files)", flush=True)
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
        print(f"median wall time: {med:.1f} s for {args.files} {want['mode']} files x {args.applicants} applicants "
              f"= {args.files / med:.2f} files/s ({med / args.files * 1000:.0f} ms/file), cpus={os.cpu_count()}, "
              f"loadavg now {os.getloadavg()[0]:.2f}")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
