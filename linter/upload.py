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
File-format problems are ZL011-ZL019 (schemas/rules/upload_rules.py).
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
    FIRST_ROW, LABEL_ROW, MAX_APPLICANTS, PROCEDURES, Field, Snapshot, Status,
    load_snapshot, shipped_snapshots,
)
from schemas.template_schema import is_dependent
from schemas.upload_layout import NoLayout, UploadLayout, empty_code_labels, layout_for
from .findings import FileResult, Finding, Template
from .workbook import SheetGrid, WorkbookData

VER_TAIL = "ver001.csv"
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
    encoding_problem: tuple[str, str] | None   # (ja, en) description of the wrong encoding


def decode(data: bytes) -> Decoded:
    if data.startswith(codecs.BOM_UTF16_LE):
        try:
            return Decoded(data[2:].decode("utf-16-le"), None)
        except UnicodeDecodeError:
            return Decoded(data[2:].decode("utf-16-le", errors="replace"),
                           ("UTF-16（壊れた文字を含む）", "UTF-16 with undecodable bytes"))
    if data.startswith(codecs.BOM_UTF16_BE):
        return Decoded(data[2:].decode("utf-16-be", errors="replace"), ("UTF-16BE", "UTF-16BE"))
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[3:].decode("utf-8", errors="replace"), ("UTF-8（BOM付き）", "UTF-8 with BOM"))
    # UTF-16LE without BOM: every second byte of ASCII text is zero
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
        return Decoded(data.decode("utf-16-le", errors="replace"), ("BOMのないUTF-16", "UTF-16 without a BOM"))
    try:
        return Decoded(data.decode("utf-8"), ("UTF-8", "UTF-8"))
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp932"), ("Shift_JIS（CP932）", "Shift_JIS (CP932)"))
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), ("不明な文字コード", "an unknown encoding"))


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
    lines, bare = [], []
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        lines.append(text[pos:m.start()])
        if m.group() != "\r\n":
            bare.append(len(lines))
        pos = m.end()
    lines.append(text[pos:])
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()     # a final line break is tolerated (the tool writes none)
    return lines, bare


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

    def check_name(tail: str):
        # the tail the tool gives, from 「ver」 on: ver001.csv, or the status's own (認定 文化活動: ver002.csv)
        if not path.name.endswith(tail):
            example = re.sub(r"(_?ver.*)?\.csv$", "", path.name, flags=re.IGNORECASE) + "_" + tail
            findings.append(_rule_finding("ZL011", lang, name=path.name, expected=tail, example=example))

    dec = decode(data)
    if dec.encoding_problem:
        hint = R.Text("ツールで出力し直し、Excelやエディタで保存し直さないでください。",
                      "Export it again with the tool and do not re-save it in Excel or an editor.")
        findings.append(_rule_finding("ZL012", lang, found=R.Text(*dec.encoding_problem), hint=hint))
    text = dec.text
    lines, bare = split_lines(text)
    if bare:
        found = "LF" if "\n" in text.replace("\r\n", "") else "CR"
        findings.append(_rule_finding("ZL014", lang, line=bare[0], found=found))
    header_line = lines[0] if lines else ""
    if "\t" in header_line or "," not in header_line:
        rows = [ln.split("\t") for ln in lines]
    else:
        findings.append(_rule_finding("ZL013", lang, found=R.Text("カンマ", "commas"),
                                      hint=R.Text("ツールで出力し直してください。", "Export it again with the tool.")))
        rows = [next(csv.reader(io.StringIO(ln)), []) if ln else [] for ln in lines]
    header = rows[0] if rows else []
    body = [(i + 1, r) for i, r in enumerate(rows) if i > 0]
    data_lines = []
    for line_no, cells in body:
        if not any(c.strip() for c in cells):
            findings.append(_rule_finding("ZL015", lang, line=line_no))
        else:
            data_lines.append((line_no, cells))
    if len(data_lines) > MAX_APPLICANTS:
        findings.append(_rule_finding("ZL016", lang, line=data_lines[MAX_APPLICANTS][0], count=len(data_lines)))

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
    if cmap is None:
        if procedure is None:
            reason = R.Text("ファイル名がSA_03_001/002/003で始まらず、画面コードからも手続が分かりません",
                            "the name does not start with SA_03_001/002/003 and the screen code does not tell the procedure")
        else:
            reason = R.Text(f"画面コード「{screen}」はこの手続の在留資格にありません",
                            f"screen code 「{screen}」 is no status of this procedure")
        findings.append(_rule_finding("ZL019", lang, reason=reason))
        check_name(VER_TAIL)
        return _result(path, None, len(data_lines), findings, options, t0)
    official_name = cmap.layout.file_name()
    check_name(official_name[official_name.rindex("_ver") + 1:])
    snap, status = cmap.snap, cmap.status
    template = Template(procedure=snap.procedure_ja, version=snap.version, status=status.label.split(" ")[0],
                        status_label=status.label, source="upload")

    # header row
    tname = f"{snap.procedure_ja} {snap.version} {status.label.split(' ')[0]}"
    mism = 0
    for c in range(1, max(len(header), cmap.layout.width) + 1):
        found = header[c - 1] if c - 1 < len(header) else ""
        expected = cmap.headers.get(c, "")
        if c <= 3:
            expected = ""
        if found != expected:
            mism += 1
            if mism <= 10:
                findings.append(_rule_finding("ZL017", lang, line=1, csv_column=c, csv_header=expected or found,
                                              column=c, found=found, expected=expected, template=tname))
    # leading columns and widths
    prefix = status.screen_code[:3]
    for n, (line_no, cells) in enumerate(data_lines, start=1):
        problems = []
        if len(cells) != len(header):
            problems.append(R.Text(f"列数が{len(cells)}です（ヘッダは{len(header)}列）",
                                   f"{len(cells)} columns, the header has {len(header)}"))
        if (cells[0] if cells else "") != str(n):
            problems.append(R.Text(f"1列目（行番号）が「{cells[0] if cells else ''}」です（{n}のはず）",
                                   f"column 1 (row number) is 「{cells[0] if cells else ''}」, expected {n}"))
        got = (cells[1] if len(cells) > 1 else "", cells[2] if len(cells) > 2 else "")
        if got != (prefix, status.screen_code):
            problems.append(R.Text(f"2・3列目が「{got[0]}」「{got[1]}」です（{prefix}・{status.screen_code}のはず）",
                                   f"columns 2-3 are 「{got[0]}」 「{got[1]}」, expected {prefix}, {status.screen_code}"))
        if problems:
            problem = R.Text("。".join(p.ja for p in problems), "; ".join(p.en for p in problems))
            findings.append(_rule_finding("ZL018", lang, line=line_no, problem=problem))

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


def _result(path: Path, template, applicants: int, findings: list, options, t0: float, engine_result=None) -> FileResult:
    findings = [f for f in findings if options.wants(f.rule)]
    findings.sort(key=lambda f: (f.row or 0, getattr(f, "csv_column", None) or 0, f.rule))
    res = FileResult(path=str(path), template=template, applicants=applicants, findings=findings)
    if engine_result is not None:
        res.fees, res.keys = engine_result.fees, engine_result.keys
    res.timings["total"] = time.perf_counter() - t0
    return res
