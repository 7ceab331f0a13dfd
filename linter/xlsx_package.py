"""Edit an xlsx/xlsm package part by part, leaving every part we do not touch byte-for-byte.

openpyxl drops VBA-adjacent parts, x14 data validations, shapes and more, and takes ~17 s to load an
official workbook; the review copies (annotate) and the split workbooks are made here instead by small
string edits of the few XML parts that must change. Parts are read with defusedxml where they are parsed
as trees; writes are targeted string edits so that the rest of each part stays as Excel wrote it.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree as DET

from .atomic import atomic_output

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_WORKSHEET = NS_REL + "/worksheet"
REL_COMMENTS = NS_REL + "/comments"
REL_VML = NS_REL + "/vmlDrawing"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
# deflate level of written packages: 1 is ~3x faster than 6 on an official workbook, ~20 % larger
COMPRESS_LEVEL = 1
MAX_UNPACKED = 512 * 2**20     # an official workbook unpacks to ~30 MB; refuse zip bombs


class PackageError(Exception):
    pass


class OutputExists(Exception):
    pass


@dataclass
class SheetRef:
    name: str
    sheet_id: int
    rid: str
    state: str          # visible | hidden | veryHidden
    part: str           # e.g. xl/worksheets/sheet3.xml


class Package:
    """The parts of a zip package, in their original order, with their zip metadata."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            with zipfile.ZipFile(self.path) as zf:
                if sum(i.file_size for i in zf.infolist()) > MAX_UNPACKED:
                    raise PackageError(f"{path}: unpacks to more than {MAX_UNPACKED // 2**20} MB; not a template")
                self.infos = {i.filename: i for i in zf.infolist()}
                self.parts: dict[str, bytes] = {i.filename: zf.read(i) for i in zf.infolist()}
        except (zipfile.BadZipFile, OSError) as exc:
            raise PackageError(f"{path}: not a readable xlsx/xlsm package ({exc})") from None
        self.original = dict(self.parts)
        if "xl/workbook.xml" not in self.parts:
            raise PackageError(f"{path}: no xl/workbook.xml (not a workbook)")

    # -- text helpers ----------------------------------------------------------------------
    def text(self, name: str) -> str:
        return self.parts[name].decode("utf-8")

    def set_text(self, name: str, text: str) -> None:
        self.parts[name] = text.encode("utf-8")

    def changed_parts(self) -> set[str]:
        return {n for n, b in self.parts.items() if self.original.get(n) != b}

    # -- relationships and content types ---------------------------------------------------
    @staticmethod
    def rels_name(part: str) -> str:
        d, f = posixpath.split(part)
        return posixpath.join(d, "_rels", f + ".rels")

    def rels(self, part: str) -> list[dict]:
        name = self.rels_name(part)
        if name not in self.parts:
            return []
        root = DET.fromstring(self.parts[name])
        base = posixpath.dirname(part)
        out = []
        for el in root:
            target = el.get("Target", "")
            mode = el.get("TargetMode")
            full = target if mode == "External" else posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(base, target))
            out.append({"id": el.get("Id"), "type": el.get("Type"), "target": target, "part": full})
        return out

    def add_rel(self, part: str, rel_type: str, target_part: str) -> str:
        """Add a relationship from `part` to `target_part`; returns its new Id."""
        name = self.rels_name(part)
        existing = self.rels(part)
        used = {r["id"] for r in existing}
        n = 1
        while f"rId{n}" in used:
            n += 1
        rid = f"rId{n}"
        target = posixpath.relpath(target_part, posixpath.dirname(part))
        rel = f'<Relationship Id="{rid}" Type="{rel_type}" Target="{escape(target)}"/>'
        if name in self.parts:
            text = self.text(name)
            self.set_text(name, text.replace("</Relationships>", rel + "</Relationships>", 1))
        else:
            self.set_text(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                f'<Relationships xmlns="{NS_PKG_REL}">{rel}</Relationships>')
        return rid

    def ensure_content_type(self, part: str, content_type: str) -> None:
        ct = self.text("[Content_Types].xml")
        ext = part.rsplit(".", 1)[-1].lower()
        if f'PartName="/{part}"' in ct:
            return
        if re.search(rf'<Default\s+Extension="{re.escape(ext)}"\s+ContentType="{re.escape(content_type)}"', ct, re.I):
            return
        if ext == "vml" and not re.search(r'<Default\s+Extension="vml"', ct, re.I):
            entry = f'<Default Extension="vml" ContentType="{content_type}"/>'
        else:
            entry = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
        self.set_text("[Content_Types].xml", ct.replace("</Types>", entry + "</Types>", 1))

    def new_part_name(self, pattern: str) -> str:
        """First free name for pattern with {n}, e.g. 'xl/comments{n}.xml'."""
        n = 1
        while pattern.format(n=n) in self.parts:
            n += 1
        return pattern.format(n=n)

    # -- the workbook ----------------------------------------------------------------------
    def sheets(self) -> list[SheetRef]:
        root = DET.fromstring(self.parts["xl/workbook.xml"])
        rels = {r["id"]: r["part"] for r in self.rels("xl/workbook.xml")}
        out = []
        sheets_el = root.find(f"{{{NS_MAIN}}}sheets")
        for el in (sheets_el if sheets_el is not None else []):
            rid = el.get(f"{{{NS_REL}}}id")
            out.append(SheetRef(el.get("name"), int(el.get("sheetId")), rid, el.get("state", "visible"),
                                rels.get(rid, "")))
        return out

    def sheet(self, name: str) -> SheetRef | None:
        return next((s for s in self.sheets() if s.name == name), None)

    def add_sheet(self, name: str, xml: str) -> SheetRef:
        """Append a worksheet at the end of the sheet list (defined names' localSheetId stay valid)."""
        existing = self.sheets()
        if any(s.name == name for s in existing):
            raise PackageError(f"sheet {name!r} exists")
        part = self.new_part_name("xl/worksheets/sheet{n}.xml")
        self.set_text(part, xml)
        self.ensure_content_type(part, CT_WORKSHEET)
        rid = self.add_rel("xl/workbook.xml", REL_WORKSHEET, part)
        sheet_id = max((s.sheet_id for s in existing), default=0) + 1
        wb = self.text("xl/workbook.xml")
        entry = f'<sheet name={quoteattr(name)} sheetId="{sheet_id}" r:id="{rid}"/>'
        if 'xmlns:r="' + NS_REL + '"' not in wb[:2000]:
            entry = f'<sheet name={quoteattr(name)} sheetId="{sheet_id}" xmlns:r="{NS_REL}" r:id="{rid}"/>'
        wb = wb.replace("</sheets>", entry + "</sheets>", 1)
        self.set_text("xl/workbook.xml", wb)
        return SheetRef(name, sheet_id, rid, "visible", part)

    def set_full_calc_on_load(self) -> None:
        wb = self.text("xl/workbook.xml")
        m = re.search(r"<calcPr\b[^>]*?/?>", wb)
        if m is None:
            new = wb.replace("</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>', 1)
            # calcPr must precede these elements
            m2 = re.search(r"<(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|"
                           r"fileRecoveryPr|webPublishObjects|extLst)\b", wb)
            if m2:
                new = wb[:m2.start()] + '<calcPr fullCalcOnLoad="1"/>' + wb[m2.start():]
        elif "fullCalcOnLoad" in m.group():
            new = wb[:m.start()] + re.sub(r'fullCalcOnLoad="[^"]*"', 'fullCalcOnLoad="1"', m.group()) + wb[m.end():]
        else:
            tag = m.group()
            end = "/>" if tag.endswith("/>") else ">"
            new = wb[:m.start()] + tag[: -len(end)].rstrip() + ' fullCalcOnLoad="1"' + end + wb[m.end():]
        self.set_text("xl/workbook.xml", new)

    # -- writing ---------------------------------------------------------------------------
    def save(self, out: str | Path, force: bool = False) -> Path:
        out = Path(out)
        if out.exists() and not force:
            raise OutputExists(f"{out} exists (use --force to overwrite)")
        if out.resolve() == self.path.resolve():
            raise PackageError("the output would overwrite the input")
        out.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(out) as tmp:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as zf:
                for name, data in self.parts.items():
                    info = self.infos.get(name)
                    if info is not None:
                        zi = zipfile.ZipInfo(name, date_time=info.date_time)
                        zi.compress_type = info.compress_type
                        zi.external_attr = info.external_attr
                    else:
                        zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                        zi.compress_type = zipfile.ZIP_DEFLATED
                    zf.writestr(zi, data)
        return out


# --- cell and row XML --------------------------------------------------------------------

CELL_RE = re.compile(r'<c\b(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</c>)', re.S)
ROW_RE = re.compile(r'<row\b(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</row>)', re.S)
ATTR_RE = re.compile(r'([\w:]+)="([^"]*)"')
REF_RE = re.compile(r"([A-Z]+)(\d+)")


def attrs_of(text: str) -> dict[str, str]:
    return dict(ATTR_RE.findall(text))


def attrs_text(attrs: dict[str, str]) -> str:
    return "".join(f' {k}="{v}"' for k, v in attrs.items())


def col_num(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def col_name(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_data_span(xml: str) -> tuple[int, int]:
    """Start and end offsets of the content of <sheetData> (an empty <sheetData/> is expanded)."""
    m = re.search(r"<sheetData\s*/>", xml)
    if m:
        raise ValueError("empty sheetData")  # callers expand it first
    start = xml.index(">", xml.index("<sheetData")) + 1
    end = xml.index("</sheetData>", start)
    return start, end


def expand_empty_sheet_data(xml: str) -> str:
    return re.sub(r"<sheetData\s*/>", "<sheetData></sheetData>", xml, count=1)


def parse_rows(content: str) -> list[tuple[int, dict, list[tuple[str, dict, str | None]]]]:
    """sheetData content -> [(row number, row attrs, [(ref, cell attrs, inner or None)])]."""
    rows = []
    for m in ROW_RE.finditer(content):
        ra = attrs_of(m.group("attrs"))
        cells = []
        for c in CELL_RE.finditer(m.group("inner") or ""):
            ca = attrs_of(c.group("attrs"))
            cells.append((ca.get("r", ""), ca, c.group("inner")))
        rows.append((int(ra["r"]), ra, cells))
    return rows


def cell_xml(attrs: dict, inner: str | None) -> str:
    return f"<c{attrs_text(attrs)}/>" if inner is None else f"<c{attrs_text(attrs)}>{inner}</c>"


def row_xml(attrs: dict, cells: list[tuple[str, dict, str | None]]) -> str:
    if not cells:
        return f"<row{attrs_text(attrs)}/>"
    return f"<row{attrs_text(attrs)}>" + "".join(cell_xml(a, i) for _, a, i in cells) + "</row>"


def inline_string_cell(ref: str, text: str, style: int | None = None) -> str:
    s = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


WORKSHEET_TAIL_ORDER = ("sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter",
                        "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr",
                        "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins",
                        "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
                        "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
                        "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst")


def insert_worksheet_child(xml: str, element: str, tag: str) -> str:
    """Insert `element` (an XML string for a child <tag>) where the schema's order puts it."""
    after = WORKSHEET_TAIL_ORDER[WORKSHEET_TAIL_ORDER.index(tag) + 1:]
    positions = [m.start() for t in after for m in [re.search(rf"<{t}\b", xml)] if m]
    pos = min(positions) if positions else xml.rindex("</worksheet>")
    return xml[:pos] + element + xml[pos:]


# --- cell values -----------------------------------------------------------------------------

def text_cell_inner(text: str) -> str:
    return f'<is><t xml:space="preserve">{escape(text)}</t></is>'


def set_text_cells(xml: str, values: dict[str, str], style_for) -> tuple[str, set[str]]:
    """Write each cell of `values` ({ref: text}) as an inline-string cell; returns (xml, refs written).

    The cell keeps its attributes (its style `s`, through `style_for(old style or None)`, which may swap
    a date format for text); its value, type and any rich-text or cached value go. A formula cell is
    left alone (not in the refs written). Cells and rows that are missing are added in order; nothing
    else of the part changes.
    """
    xml = expand_empty_sheet_data(xml)
    start, end = sheet_data_span(xml)
    content = xml[start:end]
    by_row: dict[int, dict[int, str]] = {}
    for ref, text in values.items():
        m = REF_RE.fullmatch(ref)
        if m:
            by_row.setdefault(int(m.group(2)), {})[col_num(m.group(1))] = text
    written: set[str] = set()
    col_styles = column_styles(xml)

    def new_cell(c: int, r: int, text: str, row_style) -> str:
        ref = f"{col_name(c)}{r}"
        base = row_style if row_style is not None else col_styles.get(c)
        a = {"r": ref}
        s = style_for(base)
        if s is not None:
            a["s"] = str(s)
        a["t"] = "inlineStr"
        written.add(ref)
        return cell_xml(a, text_cell_inner(text))

    def edit_row(text: str, r: int, cols: dict[int, str]) -> str:
        head_end = text.index(">") + 1
        selfclose = text[head_end - 2] == "/"
        ra = attrs_of(text[4:head_end - (2 if selfclose else 1)])
        row_style = int(ra["s"]) if "s" in ra and ra.get("customFormat") == "1" else None
        if selfclose:
            return (f"<row{attrs_text(ra)}>" + "".join(new_cell(c, r, t, row_style) for c, t in sorted(cols.items()))
                    + "</row>")
        inner = text[head_end:-len("</row>")]
        out, pos, todo = [], 0, dict(cols)
        for m in CELL_RE.finditer(inner):
            ca = attrs_of(m.group("attrs"))
            cm = REF_RE.fullmatch(ca.get("r", ""))
            c = col_num(cm.group(1)) if cm else 0
            for missing in sorted(k for k in todo if k < c):
                out.append(inner[pos:m.start()])
                pos = m.start()
                out.append(new_cell(missing, r, todo.pop(missing), row_style))
            if c in todo:
                t = todo.pop(c)
                if "<f" in (m.group("inner") or ""):
                    continue        # a formula cell: never overwritten
                for k in ("t", "cm", "vm"):
                    ca.pop(k, None)
                s = style_for(int(ca["s"]) if "s" in ca else (row_style if row_style is not None else col_styles.get(c)))
                if s is not None:
                    ca["s"] = str(s)
                ca["t"] = "inlineStr"
                out.append(inner[pos:m.start()])
                out.append(cell_xml(ca, text_cell_inner(t)))
                written.add(ca["r"])
                pos = m.end()
        out.append(inner[pos:])
        for c in sorted(todo):
            out.append(new_cell(c, r, todo[c], row_style))
        return text[:head_end] + "".join(out) + "</row>"

    pieces, pos = [], 0
    pending = sorted(by_row)
    for m in re.finditer(r"<row\b[^>]*?(?:/>|>.*?</row>)", content, re.S):
        if not pending:
            break
        text = m.group()
        r = int(re.search(r'\br="(\d+)"', text[: text.index(">") + 1]).group(1))
        while pending and pending[0] < r:
            pieces.append(content[pos:m.start()])
            pos = m.start()
            nr = pending.pop(0)
            pieces.append(edit_row(f'<row r="{nr}"/>', nr, by_row[nr]))
        if pending and pending[0] == r:
            pending.pop(0)
            pieces.append(content[pos:m.start()])
            pieces.append(edit_row(text, r, by_row[r]))
            pos = m.end()
    pieces.append(content[pos:])
    for nr in pending:
        pieces.append(edit_row(f'<row r="{nr}"/>', nr, by_row[nr]))
    return xml[:start] + "".join(pieces) + xml[end:], written


def column_styles(xml: str) -> dict[int, int]:
    out = {}
    for m in re.finditer(r"<col\b([^>]*)/?>", xml):
        a = attrs_of(m.group(1))
        if "style" in a:
            for c in range(int(a.get("min", 1)), int(a.get("max", 1)) + 1):
                if c > 16384:
                    break
                out[c] = int(a["style"])
    return out


# built-in number formats that show a date or time (ECMA-376 18.8.30, plus the Japanese-locale ids)
DATE_FORMAT_IDS = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59))


def is_date_format(code: str) -> bool:
    """A custom number-format code that shows a date or time (letters outside quotes, brackets and escapes)."""
    t = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)
    return bool(re.search(r"[yYmMdDhHsSeg]", t.split(";")[0])) and "General" not in t
