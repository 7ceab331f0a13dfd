"""Lint the upload file the official tool exports (申請情報一括登録ファイル, e.g. SA_03_002_05V1_ver001.csv).

The file (template-reference §3): UTF-16LE with BOM, tab-separated despite ".csv", CRLF between lines,
no final line break. Line 1 holds the CSV header names (列項目TBL col P; the first three empty); every
further line is one applicant: row number, the first three characters of the screen code, the screen
code (e.g. 05V1), then each field at its per-status CSV column number, with codes instead of labels.

How it is checked: the procedure comes from the name prefix (SA_03_001/002/003), the status from the
screen code in column 3, the template version from the shipped snapshot whose header row matches best.
Every column is mapped back to its field with schemas.upload_layout — the same layout `zairyu-lint export`
writes with (header line per status incl. the 高度専門職ポイント表 names, Field.csv per Status.csv_letter,
dates split into year/month/day columns); codes are turned back into labels (the field's list; a dependent
list through its parent's code); a 「有 Yes」 whose code is empty (A036), which the export leaves out, is put
back where a field under it holds a value; and the values are put into bare input-sheet grids, so the very
same engine rules run (linter.engine).

Where findings point (there are no cells in an upload file):
  sheet = None, cell = None,
  row    = the physical line number in the file (line 1 = header, line 2 = first applicant),
  column = the CSV header name of the column (e.g. "WCCBS010Dto:selNationalityAndRegion"),
  field  = the field label (論理項目名),
  and the message starts with "<line>行目 <n>列目（<header>）: " / "line <line>, column <n> (<header>): ".
JSON output adds (conventions.md: keys may be added) "line", "csv_column" (1-based column number) and
"csv_header", plus "template_sheet"/"template_column" (where the value sits in the workbook).
File-format problems are ZL011-ZL019, each a unit schemas/rules/zl01N_*.py run over a read-only view of the
decoded file (schemas.upload_file.UploadFile). The reading refuses only a file it cannot read at all or an
empty one (ZL001, through linter.engine); a wrong encoding or separator is read by the best guess and recorded
in the view, so ZL012 and ZL013 are units like the others.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from schemas import rules as R
from schemas.snapshot import (
    FIRST_ROW, LABEL_ROW, PROCEDURES, Field, Snapshot, Status,
    load_snapshot, shipped_snapshots,
)
from schemas.template_schema import is_dependent
from schemas.upload_file import TOOL_ENCODING, UploadFile, UploadLine
from schemas.upload_layout import DELIM, NoLayout, UploadLayout, empty_code_labels, layout_for
from .findings import FileResult, Finding, Template
from .workbook import SheetGrid, WorkbookData

NAME_PREFIX_RE = re.compile(r"^SA_03_(00[123])", re.IGNORECASE)
PREFIX_PROCEDURE = {v[2][-3:]: k for k, v in PROCEDURES.items()}   # "002" -> "henkou"
MENU = "メニュー"


@dataclass
class UploadFinding(Finding):
    """A finding in an upload file: also names the line and the CSV column."""
    line: int | None = None
    csv_column: int | None = None
    csv_header: str | None = None
    template_sheet: str | None = None
    template_column: str | None = None
    located: bool = field(default=False, compare=False)   # the message starts with where it is: text(lang) says it again

    def text(self, lang: str | None = None) -> str:
        body = super().text(lang)
        if not self.located or lang is None or self.params is None or body == self.message:
            return body
        return _where(lang, self.line, self.csv_column, self.csv_header) + body

    def to_json(self) -> dict:
        out = asdict(self)
        out.pop("params", None)   # the message parameters are not part of the JSON contract
        out.pop("located", None)
        return out


# --- reading the bytes --------------------------------------------------------------------

@dataclass
class Decoded:
    text: str
    encoding: str       # what the bytes were read as (schemas.upload_file.ENCODINGS); ZL012 judges it


def decode(data: bytes) -> Decoded:
    """The text by the best guess of the encoding: never refuses, an encoding not the tool's is ZL012's."""
    if data.startswith(codecs.BOM_UTF16_LE):
        try:
            return Decoded(data[2:].decode("utf-16-le"), TOOL_ENCODING)
        except UnicodeDecodeError:
            return Decoded(data[2:].decode("utf-16-le", errors="replace"), "utf-16-le-bom-broken")
    if data.startswith(codecs.BOM_UTF16_BE):
        return Decoded(data[2:].decode("utf-16-be", errors="replace"), "utf-16-be-bom")
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[3:].decode("utf-8", errors="replace"), "utf-8-bom")
    # UTF-16LE without BOM: every second byte of ASCII text is zero
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
        return Decoded(data.decode("utf-16-le", errors="replace"), "utf-16-le")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp932"), "cp932")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "unknown")


# --- the column map of one template version and status ------------------------------------
# One mapping both ways: schemas.upload_layout is what `zairyu-lint export` writes with.

@dataclass
class ColumnMap:
    snap: Snapshot
    status: Status
    layout: UploadLayout
    sheets: list[str]                      # sheets whose values the file carries
    fields: list[Field]                    # exported fields, in 列項目TBL order
    by_col: dict[int, list[Field]]         # CSV column number (1-based) -> fields written there
    headers: dict[int, str]                # CSV column number -> header name (the whole header line)

    def header_score(self, header: list[str]) -> int:
        return sum(1 for c, h in self.headers.items() if c - 1 < len(header) and header[c - 1] == h)


def column_map(snap: Snapshot, status: Status) -> ColumnMap | None:
    try:
        layout = layout_for(snap, status)
    except NoLayout:
        return None      # 高度専門職: the columns depend on the 主たる活動内容 as well
    fields = [f for f, _ in layout.data_fields()]
    headers = {i + 1: h for i, h in enumerate(layout.header) if h}
    return ColumnMap(snap, status, layout, list(layout.data_sheets), fields, layout.by_col(), headers)


def _csv_col(cmap: ColumnMap, f: Field) -> int:
    return cmap.layout.column_of(f)


# --- codes back to labels -----------------------------------------------------------------

def _reverse(snap: Snapshot, list_id: str) -> dict[str, str]:
    key = ("reverse", list_id)
    if key not in snap._index:
        cl = snap.lists.get(list_id)
        rev: dict[str, str] = {}
        if cl is not None:
            for label, code in cl.items:
                if code != "" and code not in rev:
                    rev[code] = label
        snap._index[key] = rev
    return snap._index[key]


def _dependent_list_id(cmap: ColumnMap, f: Field, pcode: str) -> list[str]:
    """Candidate list ids of a dependent field given its parent's code (as outputFile builds them)."""
    lid = cmap.layout.list_for(f, pcode)
    # the check looks C970 without a parent up in C970_T02 (chkGymCode)
    return [lid, "C970_T02"] if f.code_list == "C970" and not pcode else [lid]


class _LineMapper:
    """Turns the cells of one upload line into {sheet: {column letter: label text}}."""

    def __init__(self, cmap: ColumnMap):
        self.cmap = cmap
        self.snap = cmap.snap
        self.bad_codes: list[tuple[Field, str, str]] = []   # (field, raw code, list id) not found
        self._flags: list | None = None
        self._conditioned: dict | None = None

    def parent_of(self, f: Field) -> Field | None:
        return self.snap.field_at(f.list_parent_sheet, f.list_parent_col) if is_dependent(f) else None

    def map_line(self, cells: list[str]) -> dict[str, dict[str, str]]:
        cmap, snap = self.cmap, self.snap
        self.bad_codes = []
        out: dict[str, dict[str, str]] = {s: {} for s in cmap.sheets}

        def raw(col: int) -> str:
            return cells[col - 1] if col - 1 < len(cells) else ""

        def put(f: Field, text: str):
            out.setdefault(f.sheet, {})[f.col] = text

        codes: dict[tuple[str, str], str] = {}    # (sheet, col) -> code as exported, for children
        done: set[int] = set()
        # 1. columns shared by a parent and its dependent child (住所: 都道府県 + 市区町村): the child's code wins
        for col, fs in cmap.by_col.items():
            if len(fs) < 2:
                continue
            value = raw(col)
            done.update(id(f) for f in fs)
            if value == "":
                continue
            child = next((f for f in reversed(fs) if is_dependent(f) and self.parent_of(f) in fs), None)
            parent = self.parent_of(child) if child else None
            if child is not None and parent is not None:
                prefix = f"{parent.code_list}_"
                hit = next(((lid, lab) for lid in snap.lists if lid.startswith(prefix)
                            for lab in [_reverse(snap, lid).get(value)] if lab is not None), None)
                if hit is not None:
                    pcode = hit[0][len(prefix):]
                    put(child, hit[1])
                    put(parent, _reverse(snap, parent.code_list).get(pcode, pcode))
                    codes[(parent.sheet, parent.col)] = pcode
                    continue
                plabel = _reverse(snap, parent.code_list).get(value)
                if plabel is not None:       # only the parent was filled
                    put(parent, plabel)
                    codes[(parent.sheet, parent.col)] = value
                    continue
                put(child, value)
                self.bad_codes.append((child, value, prefix + "…"))
                continue
            last = fs[-1]
            put(last, self.convert(last, value, codes) if last.code_list else value)
        # 2. dates split over several columns by a regex (年月 → year, month)
        groups: dict[tuple[str, tuple[str, ...]], list[Field]] = {}
        for f in cmap.fields:
            if id(f) not in done and f.date_regex and not f.code_list:
                groups.setdefault((f.sheet, tuple(f.cols)), []).append(f)
        for fs in groups.values():
            if len(fs) < 2:
                continue
            fs.sort(key=lambda f: _csv_col(cmap, f))
            parts = [raw(_csv_col(cmap, f)) for f in fs]
            done.update(id(f) for f in fs)
            if not any(parts):
                continue
            joined = "".join(parts)
            if re.fullmatch(fs[0].date_regex, joined):
                text = joined
            elif len(set(parts)) == 1:
                text = parts[0]      # repExp leaves a value that does not match the pattern unchanged
            else:
                text = joined
            put(fs[0], text)
        # 3. every other field: its own column; parents before children (列項目TBL order puts them first)
        for f in cmap.fields:
            if id(f) in done:
                continue
            value = raw(_csv_col(cmap, f))
            if value == "":
                continue
            if f.code_list:
                value = self.convert(f, value, codes)
            put(f, value)
        # 4. a choice whose code is empty (A036 「有 Yes」) is not written at all: it is back where a field
        #    that applies only under that choice holds a value (else it stays blank: the file cannot tell)
        for f, labels in self.flags():
            if out.get(f.sheet, {}).get(f.col):
                continue
            for g, values in self.conditioned_on(f):
                hit = next((v for v in values if v in labels), None)
                if hit is not None and out.get(g.sheet, {}).get(g.col):
                    put(f, hit)
                    break
        return out

    def flags(self) -> list[tuple[Field, list[str]]]:
        if self._flags is None:
            self._flags = [(f, labels) for f in self.cmap.fields if f.code_list and not is_dependent(f)
                           for labels in [empty_code_labels(self.snap, f.code_list)] if labels]
        return self._flags

    def conditioned_on(self, f: Field) -> list[tuple[Field, list[str]]]:
        """Fields checked only when `f` holds one of `values` (列項目TBL チェック親列/値)."""
        if self._conditioned is None:
            idx: dict[tuple[str, str], list] = {}
            for g in self.cmap.fields:
                if not g.cond_cols:
                    continue
                sheet = self.snap.common_sheet if "在" in g.cond_cols else g.sheet
                for c in g.cond_cols.replace("在", "").split(","):
                    idx.setdefault((sheet, c.strip()), []).append((g, g.cond_values.split("｜")))
            self._conditioned = idx
        return self._conditioned.get((f.sheet, f.col), [])

    def convert(self, f: Field, code: str, codes: dict) -> str:
        snap = self.snap
        if is_dependent(f):
            pcode = codes.get((f.list_parent_sheet, f.list_parent_col), "")
            candidates = _dependent_list_id(self.cmap, f, pcode)
        else:
            candidates = [f.code_list]
        for lid in candidates:
            label = _reverse(snap, lid).get(code)
            if label is not None:
                codes[(f.sheet, f.col)] = code
                return label
        self.bad_codes.append((f, code, candidates[0] if candidates else f.code_list))
        return code


# --- the lint ----------------------------------------------------------------------------

def _rule_finding(code: str, lang: str, line: int | None = None, csv_column: int | None = None,
                  csv_header: str | None = None, field: str | None = None, **params) -> UploadFinding:
    rule = R.get(code)
    params = dict(params, line=line)
    return UploadFinding(rule.code, rule.severity, None, None, line, csv_header, field,
                         rule.message(lang, **params), params=params, line=line, csv_column=csv_column,
                         csv_header=csv_header)


def _where(lang: str, line: int, col: int | None, header: str | None) -> str:
    if lang == "en":
        return f"line {line}" + (f", column {col} ({header})" if col else "") + ": "
    return f"{line}行目" + (f" {col}列目（{header}）" if col else "") + ": "


def split_lines(text: str) -> tuple[list[str], list[int]]:
    """Lines of the text, and the (1-based) numbers of lines ending with a bare LF or CR."""
    lines, breaks = split_breaks(text)
    return lines, [n for n, brk in enumerate(breaks, start=1) if brk != "\r\n"]


def split_breaks(text: str) -> tuple[list[str], list[str]]:
    """Lines of the text split at any line break, and the breaks themselves in order (breaks[i] ends line i + 1)."""
    lines, breaks = [], []
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        lines.append(text[pos:m.start()])
        breaks.append(m.group())
        pos = m.end()
    lines.append(text[pos:])
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()     # a final line break is tolerated (the tool writes none); ZL014 still sees its kind
    return lines, breaks


def lint_upload(path: str | Path, options=None) -> FileResult:
    from .engine import Options, lint_workbook, unreadable as engine_unreadable
    from .reader import ReadError
    options = options or Options()
    lang = options.lang
    t0 = time.perf_counter()
    path = Path(path)
    findings: list[UploadFinding] = []

    def unreadable(reason_ja, reason_en, hint_ja, hint_en) -> FileResult:
        return engine_unreadable(str(path), ReadError(reason_ja, reason_en, hint_ja, hint_en), options)

    try:
        data = path.read_bytes()
    except OSError as exc:
        return unreadable(f"読み込めません: {exc.strerror or exc}", f"cannot read it: {exc.strerror or exc}",
                          "ファイルの権限と場所を確認してください。", "Check the file's permissions and location.")
    if not data:
        return unreadable("空のファイルです", "the file is empty",
                          "公式ツールの「申請情報一括登録ファイル出力」で出力し直してください。",
                          "Export it again with the official tool's output button.")

    dec = decode(data)
    lines, breaks = split_breaks(dec.text)
    header_line = lines[0] if lines else ""
    if "\t" in header_line or "," not in header_line:
        separator, rows = DELIM, [ln.split("\t") for ln in lines]
    else:      # re-saved as CSV: read at the commas (ZL013 says so) so that the other rules still see the fields
        separator, rows = ",", [next(csv.reader(io.StringIO(ln)), []) if ln else [] for ln in lines]
    header = rows[0] if rows else []
    body = tuple(UploadLine(i + 1, tuple(r)) for i, r in enumerate(rows) if i > 0)
    data_lines = [(ln.number, ln.fields) for ln in body if not ln.blank]

    # procedure, status, version
    m = NAME_PREFIX_RE.match(path.name)
    procedure = PREFIX_PROCEDURE.get(m.group(1)) if m else None
    screen = next((c[2].strip() for _, c in data_lines if len(c) > 2 and c[2].strip()), "")
    if procedure is None and screen:
        # a renamed file: the screen code's first two digits give the procedure (01 認定, 05 変更, 04 更新)
        by_digits = {"01": "nintei", "05": "henkou", "04": "koushin"}
        procedure = by_digits.get(screen[:2])
    cmap = None
    if procedure is not None:
        candidates = []
        for (p, v) in shipped_snapshots():
            if p != procedure:
                continue
            snap = load_snapshot(p, v)
            st = next((s for s in snap.statuses if s.screen_code == screen), None) if screen else None
            if st is None and not screen:
                # no applicant line: guess the status from the header
                maps = [m for m in (column_map(snap, s) for s in snap.statuses) if m is not None]
                if maps:
                    candidates.append(max(maps, key=lambda cm: cm.header_score(header)))
                continue
            cm = column_map(snap, st) if st is not None else None
            if cm is not None:
                candidates.append(cm)
        if candidates:
            cmap = max(candidates, key=lambda cm: (cm.header_score(header), cm.snap.version))

    # the upload-line rules (ZL011-ZL019) judge what the reading found
    view = UploadFile(path.name, dec.encoding, separator, tuple(breaks), tuple(header), body, procedure, screen,
                      cmap.layout if cmap is not None else None)
    findings += upload_line_findings(view, options)
    if cmap is None:
        return _result(path, None, len(data_lines), findings, options, t0)
    snap, status = cmap.snap, cmap.status
    template = Template(procedure=snap.procedure_ja, version=snap.version, status=status.label.split(" ")[0],
                        status_label=status.label, source="upload")

    # rebuild bare input sheets and run the engine
    mapper = _LineMapper(cmap)
    grids_rows: dict[str, list[list]] = {}
    width = {s: 0 for s in cmap.sheets}
    from schemas.cells import col_index
    for s in cmap.sheets:
        for col in snap.headers.get(s, {}):
            width[s] = max(width[s], col_index(col) + 1)
    for s in cmap.sheets:
        label_row = [None] * width[s]
        label_row[0] = "論理項目名"
        for col, lab in snap.headers.get(s, {}).items():
            label_row[col_index(col)] = lab
        grids_rows[s] = [[None] * width[s] for _ in range(FIRST_ROW - 1)]
        grids_rows[s][LABEL_ROW - 1] = label_row
    line_of_row: dict[int, int] = {}
    bad_codes: dict[tuple[int, str, str], tuple[Field, str, str]] = {}
    for i, (line_no, cells) in enumerate(data_lines):
        excel_row = FIRST_ROW + i
        line_of_row[excel_row] = line_no
        values = mapper.map_line(cells)
        for f, code, lid in mapper.bad_codes:
            bad_codes[(excel_row, f.sheet, f.col)] = (f, code, lid)
        for s in cmap.sheets:
            row = [None] * width[s]
            row[0] = i + 1
            for col, v in values.get(s, {}).items():
                ci = col_index(col)
                if ci >= len(row):
                    row.extend([None] * (ci + 1 - len(row)))
                row[ci] = v
            grids_rows[s].append(row)
    menu = SheetGrid(MENU, [[None, snap.banner]] + [[None] * 4 for _ in range(13)] + [[None, None, None, status.label]])
    grids = {s: SheetGrid(s, rows) for s, rows in grids_rows.items()}
    grids[MENU] = menu
    names = [MENU] + cmap.sheets
    wb = WorkbookData(path=str(path), sheet_names=names, visible={n: True for n in names}, grids=grids)
    result = lint_workbook(wb, options)

    # rewrite the engine's findings: line and CSV column instead of sheet and cell
    reported = set()
    for f in result.findings:
        if f.rule == "ZL005":
            continue    # ZL016 says it for the file
        line = line_of_row.get(f.row) if f.row else None
        fld = snap.field_at(f.sheet, f.column) if f.sheet and f.column else None
        csv_col = _csv_col(cmap, fld) if fld is not None and fld in cmap.fields else None
        hdr = cmap.headers.get(csv_col) if csv_col else None
        prefix_txt = _where(lang, line, csv_col, hdr) if line else ""
        findings.append(UploadFinding(f.rule, f.severity, None, None, line, hdr, f.field or (fld.label if fld else None),
                                      prefix_txt + f.message, params=f.params, line=line, csv_column=csv_col,
                                      csv_header=hdr, template_sheet=f.sheet, template_column=f.column,
                                      located=bool(prefix_txt)))
        if f.row and f.sheet and f.column:
            reported.add((f.row, f.sheet, f.column))
    # a code that is no code (e.g. a label typed in) is always an error, even where the text is a valid label
    for (row, sheet, col), (fld, code, lid) in bad_codes.items():
        if (row, sheet, col) in reported or not options.wants("ZL105"):
            continue
        line = line_of_row[row]
        csv_col = _csv_col(cmap, fld)
        hdr = cmap.headers.get(csv_col)
        rule = R.get("ZL105")
        params = {"label": fld.label, "value": code, "list_id": lid}
        msg = _where(lang, line, csv_col, hdr) + rule.message(lang, **params)
        findings.append(UploadFinding(rule.code, rule.severity, None, None, line, hdr, fld.label, msg, params=params,
                                      line=line, csv_column=csv_col, csv_header=hdr, template_sheet=sheet,
                                      template_column=col, located=True))
    res = _result(path, template, len(data_lines), findings, options, t0, result)
    # who is on each line, for the per-applicant verdicts (linter.verdicts): the row of an upload file is its line
    res.people = [dict(p, row=line_of_row[p["row"]]) for p in result.people if p["row"] in line_of_row]
    return res


def upload_line_findings(view: UploadFile, options) -> list[UploadFinding]:
    """The upload-line rules, each a unit found through the registry, over one decoded file. A check that
    raises is a ZL033 for this file (it is then not fully checked, never a silent pass); the others go on."""
    lang = options.lang
    out: list[UploadFinding] = []
    for r in R.checks_on("upload-line"):
        if not options.wants(r.code):
            continue
        try:
            found = list(r.check(view))
        except Exception as exc:   # noqa: BLE001 - reported as ZL033 on this file
            out.append(_rule_finding("ZL033", lang, **R.check_did_not_run(r.code, R.raised(exc))))
            continue
        out += [_rule_finding(r.code, lang, line=v.line, csv_column=v.column, csv_header=v.header, **v.params)
                for v in found]
    return out


def _result(path: Path, template, applicants: int, findings: list, options, t0: float, engine_result=None) -> FileResult:
    findings = [f for f in findings if options.wants(f.rule)]
    findings.sort(key=lambda f: (f.row or 0, getattr(f, "csv_column", None) or 0, f.rule))
    res = FileResult(path=str(path), template=template, applicants=applicants, findings=findings)
    if engine_result is not None:
        res.fees, res.keys = engine_result.fees, engine_result.keys
    res.timings["total"] = time.perf_counter() - t0
    return res
