"""The goldens that have a real upload file written by the official export, and how to rebuild their workbooks.

A golden is `tests/golden/[sweep/]<name>.rows.json` + `<name>.oracle.json` (the oracle's verdict, naming
the official workbook it ran on and, when the export ran, `upload_file`). Its upload file is kept at
  tests/data/upload/<name>/SA_….csv          (fixtures of this repository with their own folder),
  tests/data/upload/sweep/<name>.csv         (the all-status sweep),
  tests/data/upload/<official file name>     (the three first *_clean fixtures).
The status is the screen code in column 3 of the file's first applicant line.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from schemas.snapshot import Snapshot, Status, load_snapshot

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
UPLOAD = REPO / "tests" / "data" / "upload"


@dataclass
class UploadGolden:
    name: str
    rows: dict
    oracle: dict
    csv: Path
    snap: Snapshot
    status: Status

    def __str__(self):
        return self.name


def _csv_for(oracle_path: Path, name: str, oracle: dict) -> Path | None:
    sub = UPLOAD / name
    if sub.is_dir():
        found = sorted(sub.glob("*.csv"))
        if found:
            return found[0]
    if oracle_path.parent.name == "sweep":
        p = UPLOAD / "sweep" / f"{name}.csv"
        return p if p.exists() else None
    p = UPLOAD / Path(oracle["upload_file"]).name
    return p if p.exists() else None


def upload_goldens() -> list[UploadGolden]:
    out = []
    for oracle_path in sorted(GOLDEN.glob("*.oracle.json")) + sorted(GOLDEN.glob("sweep/*.oracle.json")):
        oracle = json.loads(oracle_path.read_text(encoding="utf-8"))
        if not oracle.get("upload_file") or oracle.get("errors"):
            continue
        name = oracle_path.name[: -len(".oracle.json")]
        csv = _csv_for(oracle_path, name, oracle)
        rows_path = oracle_path.with_name(f"{name}.rows.json")
        if csv is None or not rows_path.exists():
            continue
        proc, _, ver = Path(oracle["template"]).stem.partition("_")
        snap = load_snapshot(proc, ver.replace("-", "/"))
        lines = csv.read_bytes()[2:].decode("utf-16-le").split("\r\n")
        if snap is None or len(lines) < 2:
            continue
        screen = lines[1].split("\t")[2]
        status = next((s for s in snap.statuses if s.screen_code == screen), None)
        if status is None:
            continue
        out.append(UploadGolden(name, json.loads(rows_path.read_text(encoding="utf-8")), oracle, csv, snap, status))
    return out


def first_difference(expected: bytes, got: bytes) -> str | None:
    """None when equal, else where they first differ: line, column number and its header name."""
    if expected == got:
        return None
    if expected[:2] != got[:2]:
        return f"BOM differs: {expected[:2]!r} vs {got[:2]!r}"
    el = expected[2:].decode("utf-16-le").split("\r\n")
    gl = got[2:].decode("utf-16-le", errors="replace").split("\r\n")
    header = el[0].split("\t") if el else []
    for i in range(max(len(el), len(gl))):
        a = el[i] if i < len(el) else None
        b = gl[i] if i < len(gl) else None
        if a == b:
            continue
        if a is None or b is None:
            return f"line {i + 1}: {'missing' if b is None else 'extra'} line"
        ac, bc = a.split("\t"), b.split("\t")
        for j in range(max(len(ac), len(bc))):
            x = ac[j] if j < len(ac) else None
            y = bc[j] if j < len(bc) else None
            if x != y:
                name = header[j] if j < len(header) else "?"
                return f"line {i + 1}, column {j + 1} ({name}): expected {x!r}, got {y!r}"
    return "same text, different bytes (line ends or final line break)"
