"""Review copies: the workbook with the flagged cells filled, a note on each, and a 「チェック結果」 sheet.

Only these parts change (linter.xlsx_package edits them as strings; every other part is copied
byte-for-byte, so VBA, hidden sheets, defined names, data validations (x14 too), shapes and protection
stay as they were):
  xl/styles.xml                     new fills and cell formats (a copy of each flagged cell's format + fill)
  xl/worksheets/sheetN.xml          the `s` attribute of flagged cells (+ <legacyDrawing> when notes are new)
  xl/commentsN.xml, xl/drawings/vmlDrawingN.vml and the sheet's .rels: the notes
  xl/workbook.xml, xl/_rels/workbook.xml.rels, [Content_Types].xml: the added 「チェック結果」 sheet
The 「チェック結果」 sheet has the add-in's layout (linter.result_sheet) and records each painted cell's fill
before and whether its note is new, so the add-in's check on the copy removes these marks as its own.
The input file is never modified; the copy is written to a temp file and moved into place.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .findings import FileResult, Finding
from .xlsx_package import (
    CELL_RE, CT_COMMENTS, CT_VML, NS_MAIN, REF_RE, REL_COMMENTS, REL_VML, Package, attrs_of,
    cell_xml, col_name, col_num, column_styles, expand_empty_sheet_data, inline_string_cell,
    insert_worksheet_child, row_xml, sheet_data_span,
)
from .result_sheet import (
    CELL, FIRST_ROW, HEADER_ROW, RESULT_SHEET, SEVERITY, SHEET, TITLE_ROW, VERDICT_ROW, WIDTH, Record, header,
    severity_label, table, title, verdict_line,
)

FILL_RGB = {"error": "FFFFC7CE", "warning": "FFFFEB9C", "info": "FFDDEBF7"}
AUTHOR = "zairyu-lint"


# --- styles --------------------------------------------------------------------------------

class StyleEditor:
    """Adds fills and cell formats to xl/styles.xml; `variant(s, severity)` gives a new cell-format index."""

    def __init__(self, pkg: Package):
        self.pkg = pkg
        self.xml = pkg.text("xl/styles.xml")
        self.fill_ids: dict[str, int] = {}
        self.cache: dict[tuple[int, str], int] = {}
        self.new_fills: list[str] = []
        self.new_xfs: list[str] = []
        m = re.search(r"<fills\b[^>]*>(.*?)</fills>", self.xml, re.S)
        self.fills = re.findall(r"<fill\b[^>]*?(?:/>|>.*?</fill>)", m.group(1), re.S) if m else []
        self.n_fills = len(re.findall(r"<fill\b", m.group(1))) if m else 0
        m = re.search(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", self.xml, re.S)
        self.xfs = re.findall(r"<xf\b[^>]*?(?:/>|>.*?</xf>)", m.group(1), re.S) if m else []

    def fill(self, severity: str) -> int:
        if severity not in self.fill_ids:
            rgb = FILL_RGB.get(severity, FILL_RGB["info"])
            self.new_fills.append(f'<fill><patternFill patternType="solid"><fgColor rgb="{rgb}"/>'
                                  f'<bgColor indexed="64"/></patternFill></fill>')
            self.fill_ids[severity] = self.n_fills + len(self.new_fills) - 1
        return self.fill_ids[severity]

    def fill_hex(self, style: int) -> str:
        """The solid fill of an original cell format as '#RRGGBB' ('' for none), as the add-in records a fill."""
        xf = self.xfs[style] if 0 <= style < len(self.xfs) else ""
        m = re.search(r'\bfillId="(\d+)"', xf[: xf.find(">") + 1])
        fill = self.fills[int(m.group(1))] if m and int(m.group(1)) < len(self.fills) else ""
        if not re.search(r'patternType="solid"', fill):
            return ""
        fg = re.search(r"<fgColor\b([^>]*)/?>", fill)
        return color_hex(attrs_of(fg.group(1)), self.pkg) if fg else ""

    def variant(self, style: int, severity: str) -> int:
        key = (style, severity)
        if key not in self.cache:
            base = self.xfs[style] if 0 <= style < len(self.xfs) else (self.xfs[0] if self.xfs else '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>')
            fid = self.fill(severity)
            m = re.match(r"<xf\b([^>]*?)(/?)>", base)
            head, selfclose, rest = m.group(1), m.group(2) == "/", base[m.end():]
            if re.search(r'\bfillId="\d+"', head):
                head = re.sub(r'\bfillId="\d+"', f'fillId="{fid}"', head)
            else:
                head += f' fillId="{fid}"'
            if re.search(r'\bapplyFill="\w+"', head):
                head = re.sub(r'\bapplyFill="\w+"', 'applyFill="1"', head)
            else:
                head += ' applyFill="1"'
            xf = f"<xf{head}/>" if selfclose else f"<xf{head}>{rest}"
            self.new_xfs.append(xf)
            self.cache[key] = len(self.xfs) + len(self.new_xfs) - 1
        return self.cache[key]

    def save(self) -> None:
        if not self.new_fills and not self.new_xfs:
            return
        xml = self.xml
        if self.new_fills:
            total = self.n_fills + len(self.new_fills)
            if re.search(r"<fills\b[^>]*/>", xml):
                xml = re.sub(r"<fills\b[^>]*/>", f'<fills count="{total}">' + "".join(self.new_fills) + "</fills>", xml, 1)
            else:
                xml = re.sub(r'(<fills\b[^>]*?)(\s+count="\d+")?(\s*>)', lambda m: f'{m.group(1)} count="{total}"{m.group(3)}', xml, 1)
                xml = xml.replace("</fills>", "".join(self.new_fills) + "</fills>", 1)
        if self.new_xfs:
            total = len(self.xfs) + len(self.new_xfs)
            xml = re.sub(r'(<cellXfs\b[^>]*?)(\s+count="\d+")?(\s*>)', lambda m: f'{m.group(1)} count="{total}"{m.group(3)}', xml, 1)
            xml = xml.replace("</cellXfs>", "".join(self.new_xfs) + "</cellXfs>", 1)
        self.pkg.set_text("xl/styles.xml", xml)


# the legacy indexed palette (ECMA-376 Part 1, 18.8.27 indexedColors), used when styles.xml has no own <colors>
INDEXED_COLORS = ("000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 "
                  "FF00FF 00FFFF 800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF "
                  "660066 FF8080 0066CC CCCCFF 000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF "
                  "CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 "
                  "003366 339966 003300 333300 993300 993366 333399 333333").split()


def color_hex(attrs: dict, pkg: Package) -> str:
    """A spreadsheetML colour (rgb, indexed or theme with tint) as '#RRGGBB'; '' when it cannot be told."""
    import colorsys
    rgb = ""
    if "rgb" in attrs and len(attrs["rgb"]) >= 6:
        rgb = attrs["rgb"][-6:]
    elif "indexed" in attrs:
        i = int(attrs["indexed"])
        rgb = INDEXED_COLORS[i] if i < len(INDEXED_COLORS) else ""   # 64 = system foreground: not a fill to keep
    elif "theme" in attrs and "xl/theme/theme1.xml" in pkg.parts:
        scheme = re.search(r"<a:clrScheme\b.*?</a:clrScheme>", pkg.text("xl/theme/theme1.xml"), re.S)
        found = re.findall(r'<a:(?:dk1|lt1|dk2|lt2|accent\d|hlink|folHlink)>.*?(?:val|lastClr)="([0-9A-Fa-f]{6})"',
                           scheme.group(0), re.S) if scheme else []
        order = [1, 0, 3, 2, 4, 5, 6, 7, 8, 9, 10, 11]      # theme index 0 is lt1, 1 dk1, 2 lt2, 3 dk2
        i = int(attrs["theme"])
        rgb = found[order[i]] if i < len(order) and order[i] < len(found) else ""
    if not rgb:
        return ""
    tint = float(attrs.get("tint", 0) or 0)
    if tint:
        h, l, s_ = colorsys.rgb_to_hls(*(int(rgb[k:k + 2], 16) / 255 for k in (0, 2, 4)))
        l = l * (1 + tint) if tint < 0 else l * (1 - tint) + tint
        rgb = "".join(f"{round(x * 255):02X}" for x in colorsys.hls_to_rgb(h, l, s_))
    return "#" + rgb.upper()


# --- cells ---------------------------------------------------------------------------------

def restyle_cells(xml: str, targets: dict[str, str], styles: StyleEditor, bases: dict[str, int] | None = None) -> str:
    """Give each cell of `targets` ({ref: severity}) its filled format; cells or rows that are missing are added.
    `bases`, when given, receives each cell's format before ({ref: cellXfs index})."""
    bases = {} if bases is None else bases
    xml = expand_empty_sheet_data(xml)
    start, end = sheet_data_span(xml)
    content = xml[start:end]
    by_row: dict[int, dict[int, str]] = defaultdict(dict)
    for ref, sev in targets.items():
        m = REF_RE.fullmatch(ref)
        if m:
            by_row[int(m.group(2))][col_num(m.group(1))] = sev
    col_styles = column_styles(xml)
    pieces, pos, seen = [], 0, set()
    row_iter = re.finditer(r"<row\b[^>]*?(?:/>|>.*?</row>)", content, re.S)
    pending = sorted(by_row)

    def new_row(r: int) -> str:
        return row_xml({"r": str(r)}, [_styled(c, r, sev, col_styles.get(c, 0), styles, bases)
                                       for c, sev in sorted(by_row[r].items())])

    for m in row_iter:
        text = m.group()
        r = int(re.search(r'\br="(\d+)"', text[: text.index(">") + 1]).group(1))
        while pending and pending[0] < r:
            pieces.append(content[pos:m.start()])
            pos = m.start()
            pieces.append(new_row(pending.pop(0)))
        if pending and pending[0] == r:
            pending.pop(0)
            pieces.append(content[pos:m.start()])
            pieces.append(_restyle_row(text, r, by_row[r], styles, col_styles, bases))
            pos = m.end()
            seen.add(r)
    pieces.append(content[pos:])
    for r in pending:
        pieces.append(new_row(r))
    return xml[:start] + "".join(pieces) + xml[end:]


def _styled(c: int, r: int, sev: str, base: int, styles: StyleEditor, bases: dict[str, int]) -> tuple:
    ref = f"{col_name(c)}{r}"
    bases[ref] = base
    return (ref, {"r": ref, "s": str(styles.variant(base, sev))}, None)


def _restyle_row(text: str, r: int, cols: dict[int, str], styles: StyleEditor, col_styles: dict[int, int],
                 bases: dict[str, int]) -> str:
    head_end = text.index(">") + 1
    if text[head_end - 2] == "/":      # <row .../>
        ra = attrs_of(text[4:head_end - 2])
        row_style = int(ra["s"]) if "s" in ra and ra.get("customFormat") == "1" else None
        return row_xml(ra, [_styled(c, r, sev, row_style if row_style is not None else col_styles.get(c, 0), styles, bases)
                            for c, sev in sorted(cols.items())])
    ra = attrs_of(text[4:head_end - 1])
    row_style = int(ra["s"]) if "s" in ra and ra.get("customFormat") == "1" else None
    inner = text[head_end:-len("</row>")]
    out, pos, todo = [], 0, dict(cols)
    for m in CELL_RE.finditer(inner):
        ca = attrs_of(m.group("attrs"))
        ref = ca.get("r", "")
        cm = REF_RE.fullmatch(ref)
        c = col_num(cm.group(1)) if cm else 0
        for missing in sorted(k for k in todo if k < c):
            out.append(inner[pos:m.start()])
            pos = m.start()
            out.append(_new_cell(missing, r, todo.pop(missing), styles, row_style, col_styles, bases))
        if c in todo:
            sev = todo.pop(c)
            base = int(ca.get("s", row_style if row_style is not None else col_styles.get(c, 0)))
            bases[ref] = base
            ca["s"] = str(styles.variant(base, sev))
            out.append(inner[pos:m.start()])
            out.append(cell_xml(ca, m.group("inner")))
            pos = m.end()
    out.append(inner[pos:])
    for c in sorted(todo):
        out.append(_new_cell(c, r, todo[c], styles, row_style, col_styles, bases))
    return text[:head_end] + "".join(out) + "</row>"


def _new_cell(c: int, r: int, sev: str, styles: StyleEditor, row_style, col_styles, bases) -> str:
    ref, attrs, _ = _styled(c, r, sev, row_style if row_style is not None else col_styles.get(c, 0), styles, bases)
    return cell_xml(attrs, None)


# --- notes ---------------------------------------------------------------------------------

VML_HEAD = ('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel">'
            '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{idmap}"/></o:shapelayout>'
            '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
            '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>')


def vml_shape(shape_id: int, ref: str, lines: int) -> str:
    m = REF_RE.fullmatch(ref)
    c, r = col_num(m.group(1)) - 1, int(m.group(2)) - 1
    height = max(3, min(12, lines + 1))
    return (f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;'
            f'margin-top:2pt;width:260pt;height:{height * 13}pt;z-index:{shape_id % 100000};visibility:hidden" '
            f'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/>'
            f'<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
            f'<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>'
            f'<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
            f'<x:Anchor>{c + 1}, 15, {max(r - 1, 0)}, 10, {c + 5}, 15, {r + height}, 4</x:Anchor>'
            f'<x:AutoFill>False</x:AutoFill><x:Row>{r}</x:Row><x:Column>{c}</x:Column></x:ClientData></v:shape>')


def comment_xml(ref: str, author_id: int, text: str) -> str:
    return (f'<comment ref="{ref}" authorId="{author_id}"><text><r><rPr><sz val="9"/><rFont val="Meiryo UI"/>'
            f'<family val="3"/><charset val="128"/></rPr><t xml:space="preserve">{escape(text)}</t></r></text></comment>')


def _used_idmaps(pkg: Package) -> set[int]:
    used = set()
    for name, data in pkg.parts.items():
        if name.endswith(".vml"):
            for m in re.finditer(rb'data="([\d,\s]+)"', data):
                used.update(int(x) for x in re.findall(rb"\d+", m.group(1)))
    return used


def add_notes(pkg: Package, sheet_part: str, notes: dict[str, str]) -> set[str]:
    """Put a note on each cell of `notes` ({ref: text}); reuses the sheet's comments part when it has one.
    Returns the cells whose note is new (on a cell with a note already, the text is added to that note)."""
    if not notes:
        return set()
    rels = pkg.rels(sheet_part)
    comments_part = next((r["part"] for r in rels if r["type"] == REL_COMMENTS), None)
    vml_part = next((r["part"] for r in rels if r["type"] == REL_VML), None)
    xml = pkg.text(sheet_part)
    # comments
    if comments_part and comments_part in pkg.parts:
        cx = pkg.text(comments_part)
        authors = re.findall(r"<author>(.*?)</author>", cx, re.S)
        if AUTHOR in authors:
            aid = authors.index(AUTHOR)
        else:
            aid = len(authors)
            cx = re.sub(r"<authors\s*/>", "<authors></authors>", cx, 1)
            cx = cx.replace("</authors>", f"<author>{AUTHOR}</author></authors>", 1)
        new, existing = [], set(re.findall(r'<comment\b[^>]*\bref="([A-Z]+\d+)"', cx))
        for ref, text in notes.items():
            if ref in existing:
                run = (f'<r><rPr><sz val="9"/><rFont val="Meiryo UI"/></rPr>'
                       f'<t xml:space="preserve">\n{escape(text)}</t></r>')
                cx = re.sub(rf'(<comment\b[^>]*\bref="{ref}"[^>]*>.*?)(</text>)', lambda m: m.group(1) + run + m.group(2),
                            cx, count=1, flags=re.S)
            else:
                new.append(comment_xml(ref, aid, text))
        cx = re.sub(r"<commentList\s*/>", "<commentList></commentList>", cx, 1)
        cx = cx.replace("</commentList>", "".join(new) + "</commentList>", 1)
        pkg.set_text(comments_part, cx)
        shapes_for = [ref for ref in notes if ref not in existing]
    else:
        comments_part = pkg.new_part_name("xl/comments{n}.xml")
        body = "".join(comment_xml(ref, 0, text) for ref, text in notes.items())
        pkg.set_text(comments_part, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                    f'<comments xmlns="{NS_MAIN}"><authors><author>{AUTHOR}</author></authors>'
                                    f'<commentList>{body}</commentList></comments>')
        pkg.ensure_content_type(comments_part, CT_COMMENTS)
        pkg.add_rel(sheet_part, REL_COMMENTS, comments_part)
        shapes_for = list(notes)
    # the VML shapes that show them
    if vml_part and vml_part in pkg.parts:
        vx = pkg.parts[vml_part].decode("utf-8", errors="surrogateescape")
        ids = [int(x) for x in re.findall(r'_x0000_s(\d+)', vx)]
        nxt = max(ids, default=1024) + 1
        shapes = "".join(vml_shape(nxt + i, ref, notes[ref].count("\n") + 1) for i, ref in enumerate(shapes_for))
        vx = vx[: vx.rindex("</xml>")] + shapes + vx[vx.rindex("</xml>"):]
        pkg.parts[vml_part] = vx.encode("utf-8", errors="surrogateescape")
    else:
        used = _used_idmaps(pkg)
        blocks = []
        n = 1
        while len(blocks) < len(shapes_for) // 1000 + 1:
            if n not in used:
                blocks.append(n)
            n += 1
        shapes = []
        for i, ref in enumerate(shapes_for):
            sid = blocks[i // 1000] * 1024 + 1 + i % 1000
            shapes.append(vml_shape(sid, ref, notes[ref].count("\n") + 1))
        vml_part = pkg.new_part_name("xl/drawings/vmlDrawing{n}.vml")
        pkg.parts[vml_part] = (VML_HEAD.format(idmap=",".join(map(str, blocks))) + "".join(shapes) + "</xml>").encode("utf-8")
        pkg.ensure_content_type(vml_part, CT_VML)
        rid = pkg.add_rel(sheet_part, REL_VML, vml_part)
        if 'xmlns:r="' not in xml[:3000]:
            element = f'<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"/>'
        else:
            element = f'<legacyDrawing r:id="{rid}"/>'
        xml = insert_worksheet_child(xml, element, "legacyDrawing")
        pkg.set_text(sheet_part, xml)
    return set(shapes_for)


# --- the results sheet (layout: linter.result_sheet, shared with the add-in) ---------------------

def results_sheet_xml(result: FileResult, lang: str, styles: StyleEditor, sheet_names: set[str],
                      records: list[Record] = ()) -> str:
    en = lang == "en"
    people = verdict_line(result, lang)
    head = styles.variant(0, "info")          # the add-in's header blue
    rows = [f'<row r="{TITLE_ROW}">{inline_string_cell(f"A{TITLE_ROW}", title(result, lang))}</row>',
            *([f'<row r="{VERDICT_ROW}">{inline_string_cell(f"A{VERDICT_ROW}", people)}</row>'] if people else []),
            f'<row r="{HEADER_ROW}">' + "".join(inline_string_cell(f"{col_name(i + 1)}{HEADER_ROW}", h, head)
                                                for i, h in enumerate(header(lang))) + "</row>"]
    links = []
    body = table(result.findings, lang, records)
    for i, (vals, f) in enumerate(zip(body, [*result.findings, *[None] * len(body)])):
        r = FIRST_ROW + i
        cells = []
        for j, v in enumerate(vals):
            if v == "" or v is None:
                continue
            if isinstance(v, int):
                cells.append(f'<c r="{col_name(j + 1)}{r}"><v>{v}</v></c>')
                continue
            style = styles.variant(0, f.severity) if j == SEVERITY and f is not None else None
            cells.append(inline_string_cell(f"{col_name(j + 1)}{r}", str(v), style))
        rows.append(f'<row r="{r}">' + "".join(cells) + "</row>")
        where, sheet = vals[CELL], vals[SHEET]
        if f is not None and sheet in sheet_names and where:
            loc = "'" + sheet.replace("'", "''") + "'!" + where
            links.append(f'<hyperlink ref="{col_name(CELL + 1)}{r}" location={quoteattr(loc)} display={quoteattr(where)}/>')
    if not result.findings:
        rows.append(f'<row r="{FIRST_ROW}">' + inline_string_cell(f"A{FIRST_ROW}", "OK" if en else "問題は見つかりませんでした")
                    + "</row>")
    widths = [6, 9, 34, 8, 34, 8, 110, 10, 10, 8]
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths))
    last = HEADER_ROW + max(len(body), 1)
    end = col_name(WIDTH)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{NS_MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<dimension ref="A1:{end}{last}"/>'
            f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{HEADER_ROW}" topLeftCell="A{FIRST_ROW}" '
            'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="13.5"/>'
            f'<cols>{cols}</cols><sheetData>{"".join(rows)}</sheetData>'
            f'<autoFilter ref="A{HEADER_ROW}:{end}{last}"/>'
            + (f'<hyperlinks>{"".join(links)}</hyperlinks>' if links else "")
            + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')


# --- the whole copy ------------------------------------------------------------------------

def note_text(findings: list[Finding], lang: str) -> str:
    return "\n".join(f"[{severity_label(f.severity, lang)}] {f.rule} {f.text(lang)}" for f in findings)


def annotate_package(pkg: Package, result: FileResult, lang: str = "ja") -> Package:
    styles = StyleEditor(pkg)
    sheets = {s.name: s for s in pkg.sheets()}
    by_sheet: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for f in result.findings:
        if f.sheet in sheets and f.cell and REF_RE.fullmatch(f.cell):
            by_sheet[f.sheet][f.cell].append(f)
    rank = {"error": 0, "warning": 1, "info": 2}
    records = []
    for name, cells in by_sheet.items():
        part = sheets[name].part
        targets = {ref: min((f.severity for f in fs), key=lambda s: rank.get(s, 3)) for ref, fs in cells.items()}
        bases: dict[str, int] = {}
        pkg.set_text(part, restyle_cells(pkg.text(part), targets, styles, bases))
        new_notes = add_notes(pkg, part, {ref: note_text(fs, lang) for ref, fs in cells.items()})
        # what the add-in needs to undo these marks: the fill before and whether the note is ours
        records += [Record(name, ref, styles.fill_hex(bases.get(ref, 0)), ref in new_notes) for ref in cells]
    name = RESULT_SHEET
    n = 2
    while name in sheets:
        name = f"{RESULT_SHEET} ({n})"
        n += 1
    xml = results_sheet_xml(result, lang, styles, set(sheets), records)
    styles.save()
    pkg.add_sheet(name, xml)
    return pkg


def annotate_file(src: str | Path, out: str | Path, options=None, force: bool = False,
                  result: FileResult | None = None) -> tuple[FileResult, Path]:
    """Lint `src` (unless `result` is given) and write its review copy to `out`."""
    from .engine import Options, lint_path
    options = options or Options()
    out = Path(out)
    from .xlsx_package import OutputExists
    if out.exists() and not force:
        raise OutputExists(f"{out} exists (use --force to overwrite)")
    result = result or lint_path(src, options)
    pkg = Package(src)
    annotate_package(pkg, result, options.lang)
    return result, pkg.save(out, force=force)


# --- cell values (linter.fixes) ---------------------------------------------------------------

class TextFormats:
    """The cell format to keep when a cell becomes text: its own, unless it shows a date (then a copy as 「文字列」)."""

    def __init__(self, styles: StyleEditor):
        from html import unescape
        from .xlsx_package import DATE_FORMAT_IDS, is_date_format
        self.styles = styles
        codes = {int(m.group(1)): unescape(m.group(2)) for m in
                 re.finditer(r'<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"', styles.xml)}
        self.date_ids = DATE_FORMAT_IDS | {i for i, c in codes.items() if is_date_format(c)}
        self.cache: dict[int, int] = {}

    def __call__(self, style: int | None) -> int | None:
        if style is None or not 0 <= style < len(self.styles.xfs):
            return style
        xf = self.styles.xfs[style]
        m = re.search(r'\bnumFmtId="(\d+)"', xf[: xf.index(">")])
        if not m or int(m.group(1)) not in self.date_ids:
            return style
        if style not in self.cache:
            head_end = xf.index(">")
            head = xf[:head_end]
            head = re.sub(r'\bnumFmtId="\d+"', 'numFmtId="49"', head)
            head = (re.sub(r'\bapplyNumberFormat="\w+"', 'applyNumberFormat="1"', head)
                    if "applyNumberFormat" in head else head.rstrip("/") + ' applyNumberFormat="1"' + ("/" if head.endswith("/") else ""))
            self.styles.new_xfs.append(head + xf[head_end:])
            self.cache[style] = len(self.styles.xfs) + len(self.styles.new_xfs) - 1
        return self.cache[style]


def write_values(pkg: Package, values: dict[str, dict[str, str]]) -> dict[str, set[str]]:
    """Set the cells of `values` ({sheet: {ref: text}}) as text cells; returns {sheet: refs written}.

    Only the sheets' XML changes (and xl/styles.xml when a date-formatted cell becomes text; and
    xl/workbook.xml's calcPr so that formulas reading the cells are recalculated on opening).
    """
    from .xlsx_package import set_text_cells
    styles = StyleEditor(pkg)
    formats = TextFormats(styles)
    sheets = {s.name: s for s in pkg.sheets()}
    written = {}
    for name, cells in values.items():
        if name not in sheets or not cells:
            written[name] = set()
            continue
        part = sheets[name].part
        xml, written[name] = set_text_cells(pkg.text(part), cells, formats)
        pkg.set_text(part, xml)
    styles.save()
    if any(written.values()):
        pkg.set_full_calc_on_load()
    return written
