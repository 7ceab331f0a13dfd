"""Read a workbook file with python-calamine into WorkbookData (only the sheets the engine asks for).

Before calamine sees a file, linter.safety looks at it: the path, the format (encrypted, .xls,
.xlsb, .ods, CSV...), the zip's central directory (zip bombs, unsafe names, absurd shared-string
counts) and, for each sheet loaded, its XML extent (a sheet far beyond the template is streamed,
bounded, instead of being loaded whole) and a light byte-level look at the data area (formulas,
merged cells, hidden rows/columns, rich text, error values). Every refusal is a ReadError with a
rule code; the look's findings go to `WorkbookData.notes` as (code, sheet, row, col, params).
"""
from __future__ import annotations

from pathlib import Path


from schemas.rules import Text
from schemas.snapshot import FIRST_ROW, LAST_ROW
from . import safety
from .workbook import SheetGrid, WorkbookData

# Read this many rows at most: enough to see applicants past row 307 (ZL005), bounded for huge sheets
# (every row read may be validated: 800 rows keep a worst case near 3 full templates of work).
READ_ROW_LIMIT = LAST_ROW + 500
KEEP_XML_BYTES = 8 * 2**20     # an input sheet's XML kept from load to look (official sheets: < 7 MB)
OLE_MAGIC = safety.OLE_MAGIC
INPUT_SHEET_PREFIX = "申請情報入力"


class ReadError(Exception):
    """The file cannot be read as a workbook; `reason` and `hint` are for the user, `code` names the rule."""

    def __init__(self, reason_ja: str, reason_en: str, hint_ja: str = "", hint_en: str = "", code: str = "ZL001"):
        super().__init__(reason_en)
        self.reason_ja, self.reason_en, self.hint_ja, self.hint_en = reason_ja, reason_en, hint_ja, hint_en
        self.code = code

    @classmethod
    def of(cls, r: safety.Refusal) -> "ReadError":
        return cls(r.reason_ja, r.reason_en, r.hint_ja, r.hint_en, code=r.code)


SAVE_HINT = safety.SAVE_HINT


def _fatal(exc: BaseException) -> bool:
    return isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit))


def sniff(path: Path) -> int:
    """Reject what is not an xlsx/xlsm package before handing it to the parser. Returns the size."""
    try:
        size = safety.check_path(path)
        with open(path, "rb") as fh:
            head = fh.read(4096)
        safety.sniff_format(path, head)
    except safety.Refusal as r:
        raise ReadError.of(r) from None
    except OSError as exc:
        raise ReadError("ファイルを開けません", f"the file cannot be opened ({exc.strerror or exc})",
                        "ファイルの権限と場所を確認してください。", "Check the file's permissions and location.",
                        code="ZL024") from None
    return size


def read_workbook(path: str | Path) -> WorkbookData:
    # imported here: the add-in's path (xl_addin.highlight, also under Pyodide) needs ReadError and the
    # row limit from this module, never python-calamine
    from python_calamine import CalamineWorkbook, SheetVisibleEnum
    path = Path(path)
    sniff(path)
    try:
        zf = safety.open_zip(path)
        pkg = safety.check_package(zf)
    except safety.Refusal as r:
        raise ReadError.of(r) from None
    try:
        wb = CalamineWorkbook.from_path(str(path))
        meta = wb.sheets_metadata
    except BaseException as exc:  # calamine raises its own error types (and pyo3 panics) for broken packages
        if _fatal(exc):
            raise
        zf.close()
        raise ReadError(f"ブックを解析できません: {_short(exc)}", f"the workbook cannot be parsed: {_short(exc)}",
                        *safety.CORRUPT_HINT, code="ZL023") from None
    names = [m.name for m in meta]
    visible = {m.name: m.visible == SheetVisibleEnum.Visible for m in meta}
    notes: list[tuple] = []
    looks: dict[str, tuple[str, list, bytes | None]] = {}
    rich_cache: list[set[int]] = []

    def rich() -> set[int]:
        if not rich_cache:
            rich_cache.append(safety.rich_indices(zf, pkg))
        return rich_cache[0]

    def load(name: str) -> SheetGrid:
        try:
            part = pkg.sheets.get(name)
            data = None
            if part is not None and part in pkg.sizes:
                if pkg.sizes[part] > safety.MAX_SHEET_XML:
                    return _streamed(name, part, pkg.sizes[part])
                data = safety.read_part(zf, part)
                ext = safety.extent(data, READ_ROW_LIMIT)
                if ext.needs_stream:
                    del data
                    return _streamed(name, part, None, ext)
            sheet = wb.get_sheet_by_name(name)
            total = sheet.total_height
            rows = sheet.to_python(skip_empty_area=False, nrows=READ_ROW_LIMIT)
            if data is not None and name.startswith(INPUT_SHEET_PREFIX):
                # looked at only if the engine checks this sheet (notes_for); the XML just inflated is kept
                # for that look (one inflate less) unless it is unusually big
                looks[name] = (part, rows, data if len(data) <= KEEP_XML_BYTES else None)
        except safety.Refusal as r:
            raise ReadError.of(r) from None
        except ReadError:
            raise
        except BaseException as exc:
            if _fatal(exc):
                raise
            raise ReadError(f"シート「{name}」を読めません: {_short(exc)}", f"sheet 「{name}」 cannot be read: {_short(exc)}",
                            *safety.CORRUPT_HINT, code="ZL023") from None
        return SheetGrid(name=name, rows=rows, visible=visible.get(name, True),
                         total_rows=total + 1 if total is not None and total + 1 > len(rows) else None)

    def _streamed(name: str, part: str, size: int | None, ext: safety.Extent | None = None) -> SheetGrid:
        rows, seen, stopped = safety.stream_sheet(zf, part, pkg.sst, READ_ROW_LIMIT)
        if ext is not None and ext.last_row > seen:
            seen = ext.last_row
        if size is None and ext is not None and not ext.wide and not ext.unplaced:
            # only rows past the limit: like calamine's bounded read, ZL010 tells it (rows padded to the limit)
            rows.extend([] for _ in range(READ_ROW_LIMIT - len(rows)))
            return SheetGrid(name=name, rows=rows, visible=visible.get(name, True),
                             total_rows=seen if seen > len(rows) else None)
        if size is not None:
            what = Text(f"XMLが{size:,}バイト", f"its XML is {size:,} bytes")
        elif ext is not None and ext.wide:
            what = Text(f"{safety.MAX_COLUMN}列を超える", f"it reaches past column {safety.MAX_COLUMN}")
        else:
            what = Text("位置（r属性）のないセル・行が", "it has cells or rows without a position (r=)")
        notes.append(("ZL032", name, None, None, {"sheet": name, "what": what,
                                                   "rows": READ_ROW_LIMIT, "cols": safety.MAX_COLUMN}))
        # ZL032 says what was read: no ZL010 on top of it (total_rows stays None)
        return SheetGrid(name=name, rows=rows, visible=visible.get(name, True), total_rows=None)

    data = WorkbookData(path=str(path), sheet_names=names, visible=visible, loader=load,
                        has_definitions="列項目TBL" in names)
    def notes_for(sheets) -> list[tuple]:
        """The reader's findings (code, sheet, row, col, params) on these sheets; the XML look runs here."""
        out = [n for n in notes if n[1] in sheets]
        for name in sheets:
            if name not in looks:
                continue
            part, rows, xml = looks.pop(name)
            try:
                found = safety.look(xml if xml is not None else safety.read_part(zf, part),
                                    name, FIRST_ROW, LAST_ROW, rich)
            except safety.Refusal:
                continue     # the sheet was read already; the look is advice only
            notes.extend(n for n in found if _keep(n, rows))
            out.extend(n for n in found if _keep(n, rows))
        return out

    data.notes_for = notes_for     # called by engine.lint_workbook with the sheets it checks
    return data


def _keep(note: tuple, rows: list[list]) -> bool:
    """A hidden column is reported only when it holds data in the applicant rows (the template hides some)."""
    cols = note[4].get("_cols") if note[0] == "ZL029" else None
    if cols is None:
        return True
    lo, hi = cols
    return any(v not in (None, "") for r in rows[FIRST_ROW - 1:LAST_ROW] for v in r[lo:hi + 1])


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
