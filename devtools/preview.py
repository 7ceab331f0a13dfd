"""Render a (painted) workbook to PNG with LibreOffice, to look at the colours and the result sheet.

    python -m devtools.preview painted.xlsx OUTDIR

Runs `soffice --headless --convert-to pdf` then `pdftoppm -png`; returns the PNG paths (one per page).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def preview_copy(workbook: str | Path, out: str | Path) -> Path:
    """A copy whose sheets print on one page each: columns A up to the last filled cell of the data area."""
    import openpyxl
    from openpyxl.utils import get_column_letter
    wb = openpyxl.load_workbook(workbook)
    for ws in wb.worksheets:
        filled = [(c.row, c.column) for row in ws.iter_rows() for c in row
                  if c.fill is not None and c.fill.fill_type == "solid" and c.row >= 8]
        if ws.title == "チェック結果" or not filled:
            last_row, last_col = ws.max_row, min(ws.max_column, 12)
        else:
            last_row = max(r for r, _ in filled) + 1
            last_col = max(c for _, c in filled) + 1
        ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
        ws.page_setup.orientation = "landscape"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1
    out = Path(out)
    wb.save(out)
    return out


def render_png(workbook: str | Path, out_dir: str | Path, dpi: int = 70, timeout: int = 120) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        raise RuntimeError("LibreOffice (soffice) and poppler (pdftoppm) are needed")
    workbook, out = Path(workbook).resolve(), Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), str(workbook)], check=True, capture_output=True, timeout=timeout)
    pdf = out / (workbook.stem + ".pdf")
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(out / workbook.stem)], check=True,
                   capture_output=True, timeout=timeout)
    return sorted(out.glob(f"{workbook.stem}*.png"))


if __name__ == "__main__":
    dest = Path(sys.argv[2] if len(sys.argv) > 2 else ".")
    dest.mkdir(parents=True, exist_ok=True)
    copy = preview_copy(sys.argv[1], dest / ("preview_" + Path(sys.argv[1]).name))
    for p in render_png(copy, dest):
        print(p)
