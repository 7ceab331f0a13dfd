"""Split a workbook with more than 300 applicants into workbooks of at most `max_rows` applicants.

Applicant n (row 7+n) goes to part ⌈n/max⌉, to the same row on every input sheet (「申請情報入力(…)」:
the common sheet, the 区分 sheets, 同時申請), so one person stays one row across the sheets. Only the
input sheets' XML and xl/workbook.xml (calcPr fullCalcOnLoad, so the row-number formulas in column A
are recalculated on opening) change; every other part — VBA, hidden sheets, names, data validations,
shapes, protection — is copied byte-for-byte. Cells keep the destination row's formats and formulas;
only values move. The input is never modified; each part is written atomically.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

from schemas.cells import cell_text
from schemas.snapshot import FIRST_ROW, MAX_APPLICANTS
from .reader import read_workbook
from .xlsx_package import (
    CELL_RE, REF_RE, OutputExists, Package, attrs_of, col_num, expand_empty_sheet_data, row_xml,
    sheet_data_span,
)

INPUT_PREFIX = "申請情報入力("


def input_sheet_names(names: list[str]) -> list[str]:
    return [n for n in names if n.startswith(INPUT_PREFIX)]


def filled_rows(path: str | Path) -> tuple[int, list[str]]:
    """The last row (≥ 8) holding data in columns B… of any input sheet (7 when none), and the input
    sheets that hold data."""
    wb = read_workbook(path)
    last, with_data = FIRST_ROW - 1, []
    for name in input_sheet_names(wb.sheet_names):
        grid = wb.sheet(name)
        if grid is None:
            continue
        for r in range(len(grid.rows), FIRST_ROW - 1, -1):
            if any(cell_text(v) != "" for v in grid.rows[r - 1][1:]):
                last = max(last, r)
                with_data.append(name)
                break
    return last, with_data


def _split_cell_parts(inner: str | None) -> tuple[str | None, str | None]:
    """(formula element, value inner without the formula)."""
    if inner is None:
        return None, None
    m = re.search(r"<f\b[^>]*?(?:/>|>.*?</f>)", inner, re.S)
    if m is None:
        return None, inner
    return m.group(), inner[: m.start()] + inner[m.end():]


def move_rows(xml: str, offset: int, keep: int, first: int = FIRST_ROW) -> str:
    """Rows ≥ `first` of the sheet take the values of row + `offset`, for `keep` rows; later rows are emptied.

    Rows before `first` are untouched. Formula cells stay where they are (their cached value is dropped);
    formats stay with the destination row; a destination cell that did not exist takes the source's format.
    """
    xml = expand_empty_sheet_data(xml)
    start, end = sheet_data_span(xml)
    content = xml[start:end]
    matches = list(re.finditer(r"<row\b[^>]*?(?:/>|>.*?</row>)", content, re.S))
    head_end = next((m.start() for m in matches if int(_row_num(m.group())) >= first), len(content))
    tail_start = matches[-1].end() if matches else len(content)
    rows: dict[int, tuple[dict, dict[int, tuple[dict, str | None]]]] = {}
    for m in matches:
        r = int(_row_num(m.group()))
        if r < first:
            continue
        text = m.group()
        he = text.index(">") + 1
        selfclose = text[he - 2] == "/"
        ra = attrs_of(text[4: he - (2 if selfclose else 1)])
        cells = {}
        if not selfclose:
            for c in CELL_RE.finditer(text[he:-len("</row>")]):
                ca = attrs_of(c.group("attrs"))
                cm = REF_RE.fullmatch(ca.get("r", ""))
                if cm:
                    cells[col_num(cm.group(1))] = (ca, c.group("inner"))
        rows[r] = (ra, cells)
    dest_rows = {r for r in rows if r < first + keep or rows[r][1]}
    dest_rows |= {r - offset for r in rows if first <= r - offset < first + keep}
    out = []
    for r in sorted(dest_rows):
        dattrs, dcells = rows.get(r, (None, {}))
        src = r + offset
        scells = rows[src][1] if (r < first + keep and src in rows) else {}
        if dattrs is None:
            dattrs = dict(rows[src][0]) if src in rows else {}
        dattrs = dict(dattrs)
        dattrs["r"] = str(r)
        dattrs.pop("spans", None)
        cols = sorted(set(dcells) | set(scells))
        cells = []
        for c in cols:
            ref = _ref(c, r)
            d = dcells.get(c)
            s = scells.get(c)
            dformula = _split_cell_parts(d[1])[0] if d else None
            if dformula is not None:
                a = {k: v for k, v in d[0].items() if k not in ("t", "cm", "vm")}
                a["r"] = ref
                cells.append((ref, a, dformula))
                continue
            a = dict(d[0]) if d else (dict(s[0]) if s else {})
            a["r"] = ref
            a.pop("t", None)
            a.pop("cm", None)
            a.pop("vm", None)
            inner = None
            if s is not None:
                _, value = _split_cell_parts(s[1])
                if value:
                    if "t" in s[0]:
                        a["t"] = s[0]["t"]
                    inner = value
            if inner is None and d is None:
                continue
            cells.append((ref, a, inner))
        out.append(row_xml(dattrs, cells))
    new_content = content[:head_end] + "".join(out) + content[tail_start:]
    return xml[:start] + new_content + xml[end:]


def _row_num(text: str) -> str:
    return re.search(r'\br="(\d+)"', text[: text.index(">") + 1]).group(1)


def _ref(c: int, r: int) -> str:
    s, n = "", c
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return f"{s}{r}"


def split_workbook(src: str | Path, out_dir: str | Path, max_rows: int = MAX_APPLICANTS,
                   force: bool = False) -> list[Path]:
    """Write the parts; returns their paths ([] when the workbook already fits)."""
    src = Path(src)
    out_dir = Path(out_dir)
    if max_rows < 1:
        raise ValueError("--max must be at least 1")
    last, with_data = filled_rows(src)
    applicants = last - FIRST_ROW + 1
    if applicants <= max_rows:
        return []
    n_parts = math.ceil(applicants / max_rows)
    names = [out_dir / f"{src.stem}_{i + 1:02d}{src.suffix}" for i in range(n_parts)]
    existing = [p for p in names if p.exists()]
    if existing and not force:
        raise OutputExists(f"{existing[0]} exists (use --force to overwrite)")
    base = Package(src)
    sheets = [s for s in base.sheets() if s.name in with_data and s.part in base.parts]
    written = []
    for i, out in enumerate(names):
        pkg = Package.__new__(Package)
        pkg.path, pkg.infos, pkg.parts, pkg.original = base.path, base.infos, dict(base.parts), base.original
        for s in sheets:
            pkg.set_text(s.part, move_rows(base.text(s.part), offset=i * max_rows, keep=max_rows))
        pkg.set_full_calc_on_load()
        written.append(pkg.save(out, force=force))
    return written
