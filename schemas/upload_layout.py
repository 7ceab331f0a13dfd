"""The upload file's layout for one template version and status: the one mapping used both ways.

What the official export (mdMain.outputFile, with getOutDefList / getChgGymCd / getParentText /
getParentGymCd / repExp / addStringIdx / writeFile) does, as data:

- The 列項目TBL rows it reads (getOutDefList): the common sheet, the status's 区分 sheet, the
  高度専門職ポイント表 sheet and the 同時申請 sheet. Every one of them puts its CSV header name (col P)
  into the header line at its column for the status (the status's letter, list CB18_2), in table
  order, a later row overwriting an earlier one — so the header also carries the ポイント表's names,
  whatever the status. A row without a column number for the status is not written.
- Values are written only from sheets the status shows (isShtVisible), and only when not empty.
- Every line has max(column of the status's letter over the whole table) + 1 cells: addStringIdx
  writes column n at index n-1 of an array dimensioned 0..max, so each line ends with a tab.
- Line: column 1 = column A of the common sheet (=ROW()-7 when any of B… is filled), column 2 = the
  first three characters of the screen code, column 3 = the screen code (表示シート制御マスタ Z2).
- Labels become codes (getChgGymCd): the first entry of the list whose label equals the text; the list
  is looked for on マスタ, or on 連動マスタ when the field has a list-parent column (an Excel name on the
  other sheet is error 1004 → empty). A dependent field's list is its parent's list + "_" + the parent's
  code; C970 and the lists keyed by their own name (template_schema.screen_keyed) have their own rules.
  A code list entry may have an empty code (A036 「有 Yes」): such a choice is not written at all.
- Dates: a field without a code list and with a 日付出力 pattern is replaced by the pattern's group 1
  (VBScript RegExp.Replace with "$1"), so 年月 200304 becomes two columns 2003 / 04.
- The file: lines joined by CRLF, no final line break, written by ADODB.Stream with charset "unicode"
  (UTF-16LE with BOM).
- Its name (表示シート制御マスタ L3): "<prefix>_<screen code>_ver<F of the status's row, 001 when the
  workbook's formula has a fixed 001>.csv".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .snapshot import PROCEDURES, SIMULTANEOUS_SHEET, Field, Snapshot, Status
from .template_schema import LINKED_MASTER, MASTER, is_dependent, screen_keyed

SHOW_SHEET = "表示シート制御マスタ"
POINTS_SHEET = "申請情報入力(高度専門職ポイント表)"
ENCODING_BOM = b"\xff\xfe"
LINE_END = "\r\n"
DELIM = "\t"


def lookup_sheet(f: Field) -> str:
    """The master getChgGymCd searches for the field's own value."""
    if not f.list_parent_col or f.list_parent_sheet == SHOW_SHEET:
        return MASTER
    return LINKED_MASTER


@dataclass(eq=False)
class UploadLayout:
    snap: Snapshot
    status: Status
    read_sheets: list[str]          # sheets whose 列項目TBL rows the routine reads (header)
    data_sheets: list[str]          # sheets the status shows: their values are written
    fields: list[Field]             # rows read, in table order
    cols: list[int]                 # CSV column (1-based) of each row of `fields`; 0 = none
    width: int                      # cells per line
    header: list[str]
    _parent: dict = field(default_factory=dict, repr=False)

    @property
    def screen(self) -> str:
        return self.status.screen_code

    def column_of(self, f: Field) -> int:
        i = self._index.get(id(f))
        return self.cols[i] if i is not None else 0

    @property
    def _index(self) -> dict[int, int]:
        idx = self._parent.get("_index")
        if idx is None:
            idx = self._parent["_index"] = {id(f): i for i, f in enumerate(self.fields)}
        return idx

    def data_fields(self) -> list[tuple[Field, int]]:
        """(field, column) of every value the routine can write, in table order."""
        key = "_data"
        if key not in self._parent:
            self._parent[key] = [(f, c) for f, c in zip(self.fields, self.cols)
                                 if c and f.sheet in self.data_sheets]
        return self._parent[key]

    def by_col(self) -> dict[int, list[Field]]:
        key = "_by_col"
        if key not in self._parent:
            out: dict[int, list[Field]] = {}
            for f, c in self.data_fields():
                out.setdefault(c, []).append(f)
            self._parent[key] = out
        return self._parent[key]

    def parent_list(self, f: Field) -> str:
        """getParentGymCd: the code list of the first row read with the list-parent's sheet and column."""
        key = ("plist", f.list_parent_sheet, f.list_parent_col)
        if key not in self._parent:
            self._parent[key] = next((p.code_list for p in self.fields if p.sheet == f.list_parent_sheet
                                      and ",".join(p.cols) == f.list_parent_col), "")
        return self._parent[key]

    def list_for(self, f: Field, parent_code: str) -> str:
        """The list a field's value is looked up in, given its list-parent's code (outputFile)."""
        if not is_dependent(f):
            return f.code_list
        if f.code_list == "C970":
            return "C970" + (f"_{parent_code}" if parent_code else "")
        if f.code_list in screen_keyed(self.snap):
            if re.fullmatch(r"T8[1-3]", parent_code):
                return f"{f.code_list}_{self.screen}"
            return f.code_list + (f"_{parent_code}" if parent_code else "")
        return self.parent_list(f) + (f"_{parent_code}" if parent_code else "")

    def file_name(self) -> str:
        prefix = PROCEDURES[self.snap.procedure][2]
        return f"{prefix}_{self.screen}_ver{self.status.file_version or '001'}.csv"


@lru_cache(maxsize=128)
def _layout(snap: Snapshot, screen: str) -> UploadLayout:
    status = next(s for s in snap.statuses if s.screen_code == screen)
    letter = status.csv_letter
    read = [snap.common_sheet, status.sheet, POINTS_SHEET, SIMULTANEOUS_SHEET]
    data = [snap.common_sheet, status.sheet]
    if snap.simultaneous_checked:
        data.append(SIMULTANEOUS_SHEET)
    fields = [f for f in snap.fields if f.sheet in read]
    cols = [f.csv.get(letter, 0) for f in fields]
    # WorksheetFunction.Max over the whole column of the status's letter, all sheets
    width = max((f.csv.get(letter, 0) for f in snap.fields), default=0) + 1
    header = [""] * width
    for f, c in zip(fields, cols):
        if c:
            header[c - 1] = f.csv_header
    return UploadLayout(snap, status, read, data, fields, cols, width, header)


class NoLayout(ValueError):
    """The status has no CSV column letter (e.g. 高度専門職 needs its 主たる活動内容 as well)."""


def layout_for(snap: Snapshot, status: Status) -> UploadLayout:
    if not status.csv_letter:
        raise NoLayout(status.label)
    return _layout(snap, status.screen_code)


# --- labels <-> codes ------------------------------------------------------------------------

def _vba_number(text: str) -> float | None:
    try:
        return float(text.strip())
    except ValueError:
        return None


def to_code(snap: Snapshot, list_id: str, text: str, sheet: str) -> str:
    """getChgGymCd: the code of the first entry whose label equals `text`; "" when none."""
    cl = snap.lists.get(list_id)
    if cl is None or cl.sheet != sheet:
        return ""          # no such name on that sheet: error 1004 → ""
    key = ("to_code", list_id)
    table = snap._index.get(key)
    if table is None:
        table = {}
        for label, code in cl.items:
            table.setdefault(label, code)
        snap._index[key] = table
    if cl.numeric:
        # a number cell compared with a String: the text is converted (no match when it is no number)
        x = _vba_number(text)
        if x is None:
            return ""
        return next((code for label, code in cl.items if _vba_number(label) == x), "")
    return table.get(text, "")


def from_code(snap: Snapshot, list_id: str, code: str) -> str | None:
    """The first label whose code is `code` (the reader's way back); None when the list has none."""
    key = ("from_code", list_id)
    table = snap._index.get(key)
    if table is None:
        table = {}
        cl = snap.lists.get(list_id)
        for label, c in (cl.items if cl else ()):
            table.setdefault(c, label)
        snap._index[key] = table
    return table.get(code)


def empty_code_labels(snap: Snapshot, list_id: str) -> list[str]:
    """Labels of a list whose code is empty: choosing them writes nothing (A036 「有 Yes」)."""
    cl = snap.lists.get(list_id)
    return [label for label, code in (cl.items if cl else ()) if code == ""]


# --- dates ------------------------------------------------------------------------------------

@lru_cache(maxsize=64)
def _vbscript_regex(pattern: str) -> re.Pattern:
    # VBScript's $ (MultiLine off) matches only at the very end, Python's also before a final \n
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def date_part(pattern: str, text: str) -> str:
    """repExp(text, pattern, "$1"): every match replaced by its group 1."""
    rx = _vbscript_regex(pattern)
    if rx.groups < 1:
        return rx.sub("$1", text)
    return rx.sub(lambda m: m.group(1) or "", text)
