"""Regenerate the sample workbooks in this folder: python sample_workbooks/make_samples.py [OUT_DIR]

The files are made from the shipped snapshots by devtools.samplegen (fictional applicants, fixed seed);
they are never copies of an official workbook.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devtools.samplegen import SAMPLES, build_all  # noqa: E402


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    for path in build_all(out):
        print(f"{path}  {SAMPLES[path.name][4]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
