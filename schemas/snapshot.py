"""The schema snapshot: facts of one official template version, as data.

A snapshot is what `zairyu-lint schema import` derives from an official workbook: the column
table (列項目TBL), the code lists (マスタ/連動マスタ, through the workbook's `_<id>_L` names),
the status menu (表示シート制御マスタ, CB18, CB18_2) and the header rows of every input sheet.
Nothing here is hard-coded per version; rules read the snapshot.
"""
from __future__ import annotations

import gzip
import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
SNAPSHOT_FORMAT = 1

FIRST_ROW = 8          # IPTSHT_INPUT_STROW
MAX_APPLICANTS = 300   # IPTSHT_INPUT_MXROW
LAST_ROW = FIRST_ROW + MAX_APPLICANTS - 1
LABEL_ROW = 5          # 論理項目名

PROCEDURES = {
    # key: (Japanese name, common sheet, export file prefix)
    "henkou": ("変更", "申請情報入力(在留資格変更許可申請)", "SA_03_002"),
    "koushin": ("更新", "申請情報入力(在留期間更新許可申請)", "SA_03_003"),
    "nintei": ("認定", "申請情報入力(在留資格認定証明書交付申請)", "SA_03_001"),
}
SIMULTANEOUS_SHEET = "申請情報入力(同時申請)"
BANNER_RE = re.compile(r"（(\d{4}/\d{2}/\d{2})版）")


@dataclass
class Field:
    """One row of 列項目TBL: an input column (or a group of cells joined into one value)."""
    sheet: str
    cols: list[str]            # 列位置, split on ","
    label: str                 # 列項目名
    classes: list[str]         # チェック種別, split on "，"
    length: int | None         # 桁数
    exact: bool                # 桁数一致
    required: bool             # 必須
    code_list: str             # 業務コード
    delim: str                 # 区切り
    newline: bool              # 改行
    csv_all: int               # CSV出力列番号 (column K)
    csv: dict[str, int]        # per status column letter of 列項目TBL (see Status.csv_letter)
    list_parent_sheet: str     # リスト連動親シート
    list_parent_col: str       # リスト連動親列
    cond_cols: str             # チェック親列 (e.g. "HC", "在Z", "B,J")
    cond_values: str           # チェック親値 (values separated by ｜; empty = parent is empty)
    csv_header: str            # CSVヘッダ名
    date_regex: str            # 日付出力

    @property
    def col(self) -> str:
        return self.cols[0]


@dataclass
class Status:
    """One entry of the 在留資格 menu."""
    label: str                 # e.g. 特定技能 Specified Skilled Worker
    sheet: str                 # 区分 sheet shown for it
    hidden_cols: list[str]     # columns hidden on that sheet (not checked)
    screen_code: str           # e.g. 05V1 (list CB18)
    csv_letter: str            # column of 列項目TBL with its CSV positions (list CB18_2)
    # 表示シート制御マスタ column F: the "ver" part of the upload file name where the workbook's
    # file-name formula (L3) reads it (認定); "" where the formula has a fixed "_ver001" (変更, 更新)
    file_version: str = ""


@dataclass
class CodeList:
    sheet: str                 # マスタ or 連動マスタ
    items: list[list[str]]     # [label, code]
    numeric: bool = False      # labels are numbers (compared numerically, as VBA does)


@dataclass(eq=False)   # hashed by identity: schemas are cached per loaded snapshot
class Snapshot:
    procedure: str             # henkou | koushin | nintei
    version: str               # YYYY/MM/DD from the banner
    banner: str
    common_sheet: str
    simultaneous_checked: bool  # the 同時申請 sheet is shown (and checked) by this workbook
    statuses: list[Status]
    fields: list[Field]
    headers: dict[str, dict[str, str]]   # sheet -> column letter -> row-5 label
    lists: dict[str, CodeList]
    source_sha256: str = ""
    format: int = SNAPSHOT_FORMAT
    # template layout facts (schemas.importer.template_facts): menu_status_cell, yes / no labels,
    # simultaneous_blocks, date_fields {sheet: {col: 8|6}}, phone_fields {sheet: [cols]}
    facts: dict = field(default_factory=dict)
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    # --- derived views -------------------------------------------------------------------
    @property
    def procedure_ja(self) -> str:
        return PROCEDURES[self.procedure][0]

    def fields_of(self, sheet: str) -> list[Field]:
        key = ("fields", sheet)
        if key not in self._index:
            self._index[key] = [f for f in self.fields if f.sheet == sheet]
        return self._index[key]

    # --- template facts (schemas.importer.template_facts) ------------------------------------
    @property
    def yes(self) -> str:
        """The 「有」 label of the yes/no lists (「有 Yes」)."""
        return self.facts["yes"]

    @property
    def no(self) -> str:
        return self.facts["no"]

    def menu_status_cell(self) -> tuple[int, int]:
        """(1-based row, 0-based column) of the menu's 在留資格 drop-down."""
        ref = self.facts["menu_status_cell"]
        letters = ref.rstrip("0123456789")
        from .cells import col_index
        return int(ref[len(letters):]), col_index(letters)

    def simultaneous_blocks(self) -> list[dict]:
        """同時申請 blocks: [{"flag": column letter or None (the common items), "first", "last" (1-based; None = to the end)}]."""
        return self.facts.get("simultaneous_blocks", [])

    def date_digits(self, sheet: str, col: str) -> int:
        """8 (YYYYMMDD) or 6 (YYYYMM) for a date field, else 0."""
        return self.facts["date_fields"].get(sheet, {}).get(col, 0)

    def is_phone(self, sheet: str, col: str) -> bool:
        return col in self.facts["phone_fields"].get(sheet, ())

    def is_postal(self, sheet: str, col: str) -> bool:
        return col in self.facts["postal_fields"].get(sheet, ())

    def field_at(self, sheet: str, col: str) -> Field | None:
        key = ("at", sheet)
        if key not in self._index:
            self._index[key] = {f.col: f for f in self.fields_of(sheet)}
        return self._index[key].get(col)

    def status_by_label(self, label: str) -> Status | None:
        return next((s for s in self.statuses if s.label == label), None)

    def statuses_of_sheet(self, sheet: str) -> list[Status]:
        return [s for s in self.statuses if s.sheet == sheet]

    def lookup(self, list_id: str) -> dict[str, str]:
        """label -> code of a code list (empty when the list does not exist)."""
        key = ("lookup", list_id)
        if key not in self._index:
            cl = self.lists.get(list_id)
            self._index[key] = {} if cl is None else {lab: code for lab, code in cl.items}
        return self._index[key]

    # --- serialisation -------------------------------------------------------------------
    def to_json(self) -> dict:
        d = asdict(self)
        d.pop("_index")
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Snapshot":
        d = dict(d)
        d["statuses"] = [Status(**s) for s in d["statuses"]]
        d["fields"] = [Field(**f) for f in d["fields"]]
        d["lists"] = {k: CodeList(**v) for k, v in d["lists"].items()}
        return cls(**d)

    def file_name(self) -> str:
        return f"{self.procedure}_{self.version.replace('/', '-')}.json.gz"

    def save(self, directory: Path = DATA_DIR) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / self.file_name()
        payload = json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
        tmp = path.with_suffix(".tmp")
        # mtime=0 keeps the committed file byte-identical when nothing changed
        with open(tmp, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
            gz.write(payload)
        tmp.replace(path)
        return path


def load_snapshot_file(path: Path) -> Snapshot:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return Snapshot.from_json(json.load(fh))


@lru_cache(maxsize=None)
def shipped_snapshots() -> dict[tuple[str, str], Path]:
    """(procedure, version) -> snapshot file shipped with the package."""
    out = {}
    for p in sorted(DATA_DIR.glob("*.json.gz")):
        proc, _, ver = p.name[: -len(".json.gz")].partition("_")
        out[(proc, ver.replace("-", "/"))] = p
    return out


@lru_cache(maxsize=None)
def load_snapshot(procedure: str, version: str) -> Snapshot | None:
    path = shipped_snapshots().get((procedure, version))
    return None if path is None else load_snapshot_file(path)
