"""Defences for bad, big and hostile input files: look before calamine touches a file.

Everything here is bounded: the zip's central directory is checked before anything is inflated,
no part is read past its declared (and checked) size, XML with a DOCTYPE is refused, nothing is
ever extracted to disk, and the look at a sheet's XML is a few byte-level regex scans (C speed),
never a Python parse of <sheetData> for a normal file.

`Refusal` carries a rule code (robust_rules / file_rules) and the reason/hint texts.
"""
from __future__ import annotations

import errno
import html
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from schemas.rules import Text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

# -- limits (one input: < 500 MB RSS, < 30 s) ---------------------------------------------------
MAX_MEMBERS = 5_000                 # parts in one package (official: ~150)
MAX_MEMBER_SIZE = 150 * 2**20       # uncompressed size of any one part
MAX_TOTAL_SIZE = 600 * 2**20        # uncompressed size of the whole package
MAX_RATIO = 250                     # uncompressed/compressed for parts over RATIO_MIN_SIZE (official: < 20)
RATIO_MIN_SIZE = 8 * 2**20
MAX_SST_SIZE = 30 * 2**20           # sharedStrings.xml (calamine loads it whole; official: 1 MB)
MAX_SST_COUNT = 2_000_000           # declared shared strings
MAX_SHEET_XML = 40 * 2**20          # a sheet handed to calamine (official: < 7 MB); larger: streamed, bounded
MAX_COLUMN = 1_000                  # columns read (the widest template sheet ends at ~OB = 392)
STREAM_CELL_BUDGET = 3_000_000      # XML elements looked at when streaming an oversized sheet
PROLOG_BYTES = 4096                 # where a DOCTYPE would have to be
REPORT_CAP = 20                     # findings of one kind per sheet


@dataclass
class Refusal(Exception):
    code: str
    reason_ja: str
    reason_en: str
    hint_ja: str = ""
    hint_en: str = ""

    def __str__(self):
        return self.reason_en


SAVE_HINT = ("Excelで開き、「Excelマクロ有効ブック(.xlsm)」として保存し直してください。",
             "Open it in Excel and save it as an Excel Macro-Enabled Workbook (.xlsm).")
EXPECTED = ("一括申請用テンプレートはExcelブック(.xlsm/.xlsx)です。Excelで開き、「Excelマクロ有効ブック(.xlsm)」として保存してください。",
            "The bulk-application template is an Excel workbook (.xlsm/.xlsx): open the file in Excel and save it "
            "as an Excel Macro-Enabled Workbook (.xlsm).")


# -- the path itself -------------------------------------------------------------------------------
def check_path(path: Path) -> int:
    """Reject what is not a regular, readable, non-empty file. Returns its size."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Refusal("ZL024", "シンボリックリンクが循環しています", "it is a symbolic link loop",
                          "リンクを削除し、実際のファイルを指定してください。", "Remove the link and give the real file.")
        if os.path.islink(path):
            raise Refusal("ZL024", "リンク先がありません（リンク切れ）", "it is a broken link (its target does not exist)",
                          "リンク先のファイルを確認してください。", "Check the file the link points to.")
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise Refusal("ZL024", "読み取り権限がありません", "permission denied",
                          "ファイルの権限を確認してください。", "Check the file's permissions.")
        raise Refusal("ZL024", "ファイルがありません", "the file does not exist",
                      "パスを確認してください。", "Check the path.")
    if stat.S_ISDIR(st.st_mode):
        raise Refusal("ZL024", "フォルダです", "it is a folder, not a file",
                      "ブックのファイルを指定してください（フォルダはそのまま指定すると中のブックをすべて検査します）。",
                      "Give a workbook file (or pass the folder itself to check every workbook in it).")
    if not stat.S_ISREG(st.st_mode):
        raise Refusal("ZL024", "通常のファイルではありません", "it is not a regular file",
                      "保存されたブックのファイルを指定してください。", "Give a saved workbook file.")
    if st.st_size == 0:
        raise Refusal("ZL022", "空のファイル（0バイト）です", "the file is empty (0 bytes)",
                      "保存が途中で失敗した可能性があります。元のブックを" + SAVE_HINT[0],
                      "Saving may have failed. " + SAVE_HINT[1])
    return st.st_size


# -- what kind of file ----------------------------------------------------------------------------
def _ole_streams(path: Path) -> list[str] | None:
    try:
        import olefile
        with olefile.OleFileIO(str(path)) as ole:
            return ["/".join(e) for e in ole.listdir(streams=True, storages=False)]
    except Exception:
        return None


def sniff_format(path: Path, head: bytes) -> None:
    """Refuse non-xlsx formats with a message that says which format is expected."""
    suffix = path.suffix.lower()
    if head.startswith(OLE_MAGIC):
        streams = _ole_streams(path)
        if streams is not None and {"EncryptionInfo", "EncryptedPackage"} & set(streams):
            raise Refusal("ZL021", "パスワードで暗号化されたブックです", "the workbook is encrypted with a password",
                          "Excelで開き、「ファイル→情報→ブックの保護→パスワードを使用して暗号化」でパスワードを消してから、"
                          "パスワードなしで .xlsm として保存してください。",
                          "Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with "
                          "Password, clear it) and save it as .xlsm without a password.")
        what = ("旧形式のExcelブック(.xls)です", "it is a legacy Excel 97-2003 workbook (.xls)") \
            if streams is None or any(s.lower() in ("workbook", "book") for s in streams) else \
            ("OLE複合ファイル（Excelブックではありません）です", "it is an OLE compound file, not an Excel workbook")
        raise Refusal("ZL020", what[0], what[1], *EXPECTED)
    if head.startswith(b"PK"):
        return   # a zip: looked at by check_package
    if suffix == ".xlsb":
        raise Refusal("ZL020", "バイナリ形式(.xlsb)です", "it is a binary workbook (.xlsb)", *EXPECTED)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"<?xml", b"<")) and b"Workbook" in head:
        raise Refusal("ZL020", "XMLスプレッドシート(2003)形式です", "it is an XML Spreadsheet 2003 file", *EXPECTED)
    if text.startswith((b"<html", b"<!DOCTYPE html", b"<HTML")) or b"<table" in head[:2048].lower():
        raise Refusal("ZL020", "HTMLファイルです", "it is an HTML file", *EXPECTED)
    if _looks_like_text(head):
        if suffix in (".csv", ".tsv", ".txt") or b"," in head or b"\t" in head:
            raise Refusal("ZL020", "CSV/テキストファイルですが、公式ツールが出力したアップロードファイル（UTF-16・タブ区切り）ではありません",
                          "it is a CSV/text file, but not the upload file the official tool exports (UTF-16, tab-separated)",
                          *EXPECTED)
        raise Refusal("ZL020", "テキストファイルです", "it is a text file", *EXPECTED)
    raise Refusal("ZL023", "Excelブック(zip)ではありません（壊れているか、別の形式です）",
                  "it is not an Excel workbook (not a zip package: damaged or another format)", *EXPECTED)


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head[:1024]:
        return head.startswith((b"\xff\xfe", b"\xfe\xff"))
    for enc in ("utf-8", "cp932"):
        try:
            head[:1024].decode(enc)
            return True
        except UnicodeDecodeError as exc:
            if exc.start > 1000:     # cut in the middle of a character
                return True
    return False


# -- the package -----------------------------------------------------------------------------------
@dataclass
class Package:
    """What check_package learned: sheet name -> part, shared strings facts."""
    sheets: dict[str, str] = field(default_factory=dict)      # sheet name -> zip member
    sizes: dict[str, int] = field(default_factory=dict)
    sst: str | None = None


CORRUPT_HINT = ("ファイルが壊れています（途中で切れている可能性があります）。元のブックをExcelで開いて保存し直すか、"
                "送り直してもらってください。",
                "The file is damaged (perhaps cut short). Save the original again from Excel, or ask for it again.")


def _corrupt(detail_en: str) -> Refusal:
    return Refusal("ZL023", f"ブックのzipパッケージが壊れています: {detail_en}",
                   f"the workbook's zip package is damaged: {detail_en}", *CORRUPT_HINT)


def _hostile(ja: str, en: str) -> Refusal:
    return Refusal("ZL025", f"安全のため読み込みを中止しました: {ja}", f"reading was stopped for safety: {en}",
                   "Excelで開けるなら、新しいブックに保存し直してください。心当たりがなければ開かないでください。",
                   "If Excel opens it, save it again as a new workbook; if you do not know where it came from, do not open it.")


def check_package(zf: zipfile.ZipFile) -> Package:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _hostile(f"zipの要素が多すぎます（{len(infos)}個）", f"too many parts in the zip ({len(infos)})")
    total = 0
    names = {}
    for info in infos:
        name = info.filename
        p = PurePosixPath(name.replace("\\", "/"))
        if p.is_absolute() or ".." in p.parts or (len(name) > 1 and name[1] == ":"):
            raise _hostile(f"不正なパス名の要素があります（{name[:80]}）", f"a part has an unsafe path name ({name[:80]!r})")
        if info.file_size > MAX_MEMBER_SIZE:
            raise _hostile(f"展開後のサイズが大きすぎる要素があります（{name[:80]}: {info.file_size:,}バイト）",
                           f"a part inflates to {info.file_size:,} bytes ({name[:80]}): a zip bomb?")
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _hostile(f"圧縮率が異常です（{name[:80]}）", f"a part has an absurd compression ratio ({name[:80]}): a zip bomb?")
        total += info.file_size
        names[name] = info
    if total > MAX_TOTAL_SIZE:
        raise _hostile(f"展開後の合計サイズが大きすぎます（{total:,}バイト）", f"the package inflates to {total:,} bytes: a zip bomb?")
    if "xl/workbook.xml" not in names and "xl/workbook.bin" in names:
        raise Refusal("ZL020", "バイナリ形式(.xlsb)です", "it is a binary workbook (.xlsb)", *EXPECTED)
    if "mimetype" in names and "content.xml" in names:
        raise Refusal("ZL020", "OpenDocument スプレッドシート(.ods)です", "it is an OpenDocument spreadsheet (.ods)", *EXPECTED)
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names or "ppt/presentation.xml" in names:
            raise Refusal("ZL020", "Word/PowerPointのファイルです", "it is a Word or PowerPoint file", *EXPECTED)
        raise Refusal("ZL020", "Excelブックではないzipファイルです", "it is a zip file but not an Excel workbook", *EXPECTED)
    pkg = Package(sizes={n: i.file_size for n, i in names.items()})
    wb_xml = read_part(zf, "xl/workbook.xml")
    rels = read_part(zf, "xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
    targets = {}
    for m in re.finditer(rb"<Relationship\b[^>]*>", rels):
        tag = m.group(0)
        rid, target = _attr(tag, b"Id"), _attr(tag, b"Target")
        if rid and target:
            t = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[rid] = _normalise(t)
    for m in re.finditer(rb"<(?:\w+:)?sheet\b[^>]*>", wb_xml):
        tag = m.group(0)
        name = _attr(tag, b"name")
        rid = _attr(tag, b"r:id") or _attr(tag, b"id")
        if name is not None and rid in targets:
            pkg.sheets[name] = targets[rid]
    sst = next((t for t in targets.values() if t.endswith("sharedStrings.xml")), None)
    if sst is None and "xl/sharedStrings.xml" in names:
        sst = "xl/sharedStrings.xml"
    if sst in names:
        pkg.sst = sst
        if names[sst].file_size > MAX_SST_SIZE:
            raise _hostile(f"共有文字列が大きすぎます（{names[sst].file_size:,}バイト）",
                           f"the shared strings part is {names[sst].file_size:,} bytes")
        head = read_part(zf, sst, PROLOG_BYTES)
        m = re.search(rb"<(?:\w+:)?sst\b[^>]*>", head)
        if m:
            for key in (b"count", b"uniqueCount"):
                v = _attr(m.group(0), key)
                if v is not None:
                    n = int(v) if v.isdigit() and len(v) < 15 else -1
                    if n < 0 or (n > MAX_SST_COUNT and n > names[sst].file_size // 7):
                        raise _hostile(f"共有文字列の数が異常です（{key.decode()}={v[:20]}）",
                                       f"an absurd shared-string count ({key.decode()}={v[:20]})")
    for part in ("[Content_Types].xml", "xl/styles.xml"):
        if part in names:
            read_part(zf, part, PROLOG_BYTES)
    return pkg


def _normalise(p: str) -> str:
    out = []
    for seg in p.split("/"):
        if seg == "..":
            if out:
                out.pop()
        elif seg and seg != ".":
            out.append(seg)
    return "/".join(out)


def _attr(tag: bytes, key: bytes) -> str | None:
    m = re.search(rb"(?:^|\s)" + re.escape(key) + rb"\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", tag)
    if not m:
        return None
    raw = m.group(1) if m.group(1) is not None else m.group(2)
    return html.unescape(raw.decode("utf-8", "replace"))


def read_part(zf: zipfile.ZipFile, name: str, limit: int | None = None) -> bytes:
    """Read one part (at most `limit` bytes), refusing DTDs; zipfile never inflates past the declared size."""
    try:
        with zf.open(name) as fh:
            data = fh.read(limit) if limit else fh.read()
    except KeyError:
        raise _corrupt(f"part {name} is missing") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError,
            RuntimeError) as exc:
        raise _corrupt(f"{name}: {exc}") from None
    except Exception as exc:   # zlib.error and friends
        raise _corrupt(f"{name}: {type(exc).__name__}: {exc}") from None
    prolog = data[:PROLOG_BYTES]
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise _hostile(f"XMLに DOCTYPE/ENTITY 宣言があります（{name}）",
                       f"{name} declares a DOCTYPE/ENTITY (entity expansion or external entities)")
    return data


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise _corrupt(str(exc)) from None
    except (OSError, EOFError, ValueError, NotImplementedError, zipfile.LargeZipFile) as exc:
        raise _corrupt(f"{type(exc).__name__}: {exc}") from None


# -- the light look at an input sheet's XML --------------------------------------------------------
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,4})(\d{1,9})(?::([A-Z]{1,4})(\d{1,9}))?"')
_COL = re.compile(rb"<(?:\w+:)?col\b[^>]*>")
_DIM = re.compile(rb'<(?:\w+:)?dimension\b[^>]*\bref="([A-Z]{0,4})(\d{0,9})(?::([A-Z]{1,4})(\d{1,9}))?"')
_SST_RICH = re.compile(rb"<(?:\w+:)?si>(<(?:\w+:)?r>)?")
_SST_CELL = re.compile(rb't="s"[^>]*><v>(\d{1,9})<')


def col_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode():
        n = n * 26 + ord(ch) - 64
    return n


def col_name(n: int) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


@dataclass
class Extent:
    last_row: int
    wide: bool            # cells beyond MAX_COLUMN
    needs_stream: bool
    unplaced: bool = False   # rows/cells without r= first (placed by position only)


_ODD_CELL = re.compile(rb'<c(?:>|/>|\s(?!r="[A-Z]{1,2}\d))')   # not placeable cheaply, or past column ZZ
_ODD_ROW = re.compile(rb'<row(?:>|/>|\s(?!r="))')
_CELL_AT = re.compile(rb'<c r="([A-Z]{1,4})(\d{1,9})"')
_ROW_AT = re.compile(rb'<row r="(\d{1,9})"')
# literal tokens scanned by re rather than bytes.find: its literal search is faster on XML (fewer false starts)
_ERROR_VALUE = re.compile(rb't="e"')
_PREFIXED_CELL = re.compile(rb":c ")
# a cell placed on a row of 4+ digits: calamine sizes its grid by the farthest cell, whatever its <row>
_FAR_CELL = re.compile(rb'<c r="[A-Z]{1,3}(\d{4,})"')
# every cell _ODD_CELL or _FAR_CELL matches, and few others, plus every row _ODD_ROW matches: one scan, not three
_ODD_OR_FAR = re.compile(rb'<(?:c(?:>|/>|\s(?!r="[A-Z]{1,2}\d{1,3}"))|row(?:>|/>|\s(?!r=")))')
# the look's one scan: row tags (whole), formulas and inline rich text
_LOOK = re.compile(rb'<(?:row r="(\d{1,9})"[^>]*>|f[ >/]|is><r)')


def sheet_data_bounds(data: bytes) -> tuple[int, int]:
    start = data.find(b"<sheetData")
    end = data.rfind(b"</sheetData>")
    if start < 0:
        return -1, -1
    return start, (end if end > start else len(data))


def extent(data: bytes, row_limit: int) -> Extent:
    """How far the sheet reaches: byte counts and literal searches only (a few ms for the official sheets).

    Excel writes every <row> and <c> with r= as the first attribute; anything else (no r=, prefixed
    elements) cannot be placed cheaply and is streamed, bounded, instead of given to calamine.
    """
    s, e = sheet_data_bounds(data)
    if s < 0:
        # no (unprefixed) sheetData: empty sheet, or prefixed elements that we stream
        return Extent(0, False, b":sheetData" in data)
    i = data.rfind(b'<row r="', s, e)
    m = _ROW_AT.match(data, i) if i >= 0 else None
    last = int(m.group(1)) if m else 0
    wide = unplaced = odd_row = False
    odd_done = far_done = False
    stop = e
    # one pass over the few unusual cells and rows (_ODD_OR_FAR); a cell is then told as _ODD_CELL and/or _FAR_CELL
    for m in _ODD_OR_FAR.finditer(data, s, e):
        at = m.start()
        if data[at + 1:at + 2] == b"r":     # a <row> without r= first
            odd_row = True
            continue
        if not odd_done and _ODD_CELL.match(data, at, e):   # cells without r= first, or with 3+ letters
            ref = _CELL_AT.match(data, at)
            if ref is None:
                unplaced = odd_done = True
            elif col_number(ref.group(1)) > MAX_COLUMN:
                wide = odd_done = True
        far = None if far_done else _FAR_CELL.match(data, at, e)
        if far is not None:
            last = max(last, int(far.group(1)))
            far_done = last > row_limit
        if odd_done and far_done:
            stop = m.end()
            break
    odd_row = odd_row or (stop < e and _ODD_ROW.search(data, stop, e) is not None)
    unplaced = unplaced or odd_row or _PREFIXED_CELL.search(data, s, e) is not None
    return Extent(last, wide, last > row_limit or wide or unplaced, unplaced)


def rich_indices(zf: zipfile.ZipFile, pkg: Package) -> set[int]:
    if pkg.sst is None:
        return set()
    data = read_part(zf, pkg.sst)
    if b"<r>" not in data and b":r>" not in data:
        return set()
    return {i for i, m in enumerate(_SST_RICH.finditer(data)) if m.group(1)}


def look(data: bytes, sheet: str, first_row: int, last_row: int, rich) -> list[tuple]:
    """Findings (code, sheet, row, col, params) for the data area rows first_row..last_row, from cols B on.

    Literal byte searches only; nothing is parsed outside the few hits.
    """
    notes: list[tuple] = []
    start, end = sheet_data_bounds(data)
    if start < 0:
        return notes
    head, tail = data[:start], data[end:]
    # one scan of the data area: its byte range (from the first row tag at/after first_row to the first one past
    # last_row), the hidden rows in it (a row tag's own attribute), and where formulas and inline rich text are
    a = b = None
    hidden_rows: list[int] = []
    found: dict[bytes, list[int]] = {b"f": [], b"i": []}
    for m in _LOOK.finditer(data, start, end):
        if m.group(1) is None:      # <f ...> or <is><r>
            if a is not None:
                found[data[m.start() + 1:m.start() + 2]].append(m.start())
            continue
        r = int(m.group(1))
        if a is None and r >= first_row:
            a = m.start()
        if r > last_row:
            b = m.start()
            break
        if a is not None:
            h = m.group(0).find(b'hidden="')
            if h >= 0 and m.group(0)[h + 8:h + 9] in (b"1", b"t"):
                hidden_rows.append(r)
    a = end if a is None else a
    b = end if b is None else b
    for r in hidden_rows:
        if _count(notes, "ZL029") >= REPORT_CAP:
            break
        notes.append(("ZL029", sheet, r, None, {"what": Text(f"{r}行目", f"row {r}"), "sheet": sheet}))
    width = _data_width(head)
    # hidden columns (the <cols> part, before <sheetData>)
    for m in _COL.finditer(head):
        tag = m.group(0)
        if not _HIDDEN.search(tag):
            continue
        lo, hi = _attr(tag, b"min"), _attr(tag, b"max")
        if not (lo and hi and lo.isdigit() and hi.isdigit()):
            continue
        lo_i, hi_i = max(int(lo), 2), min(int(hi), width)
        if lo_i <= hi_i and _count(notes, "ZL029") < REPORT_CAP:
            span = col_name(lo_i) + (f"〜{col_name(hi_i)}" if hi_i > lo_i else "")
            span_en = col_name(lo_i) + (f"-{col_name(hi_i)}" if hi_i > lo_i else "")
            notes.append(("ZL029", sheet, None, col_name(lo_i),
                          {"what": Text(f"{span}列", f"column(s) {span_en}"), "sheet": sheet,
                           "_cols": (lo_i - 1, hi_i - 1)}))
    # merged cells touching the data area (the <mergeCells> part, after </sheetData>)
    for m in _MERGE.finditer(tail):
        c1, r1 = col_number(m.group(1)), int(m.group(2))
        c2 = col_number(m.group(3)) if m.group(3) else c1
        r2 = int(m.group(4)) if m.group(4) else r1
        if r2 >= first_row and r1 <= last_row and c2 >= 2 and _count(notes, "ZL028") < REPORT_CAP:
            ref = m.group(0).split(b'ref="')[1].rstrip(b'"').decode()
            notes.append(("ZL028", sheet, max(r1, first_row), col_name(max(c1, 2)), {"ref": ref, "sheet": sheet}))
    if a >= b:
        return notes
    # formulas, error values, inline rich text inside the data area rows
    for at in found[b"f"]:
        _cell_note(data, notes, sheet, a, b, at, "f", first_row, last_row)
    for m in _ERROR_VALUE.finditer(data, a, b):
        _cell_note(data, notes, sheet, a, b, m.start(), "e", first_row, last_row)
    for at in found[b"i"]:
        _cell_note(data, notes, sheet, a, b, at, "is", first_row, last_row)
    if rich is not None:
        idx = rich()
        if idx:
            for m in _SST_CELL.finditer(data, a, b):
                if int(m.group(1)) in idx:
                    _cell_note(data, notes, sheet, a, b, m.start(), "sst", first_row, last_row)
    return notes


def _cell_note(data, notes, sheet, a, b, i, kind, first_row, last_row):
    cs = data.rfind(b"<c ", a, i + 1)
    ref = _CELL_AT.match(data, cs) if cs >= 0 else None
    if ref is None:
        return
    col, row = ref.group(1).decode(), int(ref.group(2))
    if col == "A" or not (first_row <= row <= last_row):
        return     # column A holds the template's own row-number formula
    ce = data.find(b"</c>", i, b)
    if ce < 0 or data.find(b"<c ", i, ce) >= 0:
        ce = data.find(b">", i) + 1
    cell = data[cs:ce]
    if kind == "f":
        cached = re.search(rb"<v>[^<]", cell) is not None or (b'"inlineStr"' in cell and b"<t" in cell)
        code = "ZL026" if cached else "ZL027"
    elif kind == "e":
        code = "ZL031"
    elif kind == "is":
        code = "ZL030"
    else:
        code = "ZL030"
    if _count(notes, code) >= REPORT_CAP or _count_cell(notes, code, col, row):
        return
    params = {"cell": f"{col}{row}", "sheet": sheet}
    if code == "ZL031":
        v = re.search(rb"<v>([^<]{0,40})<", cell)
        params["value"] = v.group(1).decode("utf-8", "replace") if v else "#?"
    notes.append((code, sheet, row, col, params))


def _data_width(head: bytes) -> int:
    """The sheet's used width from <dimension> (bounded), else MAX_COLUMN."""
    m = _DIM.search(head)
    if m and m.group(3):
        return min(col_number(m.group(3)), MAX_COLUMN)
    return MAX_COLUMN


def _count(notes, code) -> int:
    return sum(1 for n in notes if n[0] == code)


def _count_cell(notes, code, col, row) -> bool:
    return any(n[0] == code and n[2] == row and n[3] == col for n in notes)


# -- streaming an oversized sheet (bounded) -------------------------------------------------------
def stream_sheet(zf: zipfile.ZipFile, part: str, sst_part: str | None, row_limit: int) -> tuple[list[list], int, bool]:
    """Read at most row_limit rows and MAX_COLUMN columns of a sheet without loading it all.

    Returns (rows, rows_seen_at_least, stopped_early). Values: str / float / bool (dates stay numbers).
    """
    from defusedxml.ElementTree import iterparse

    strings = _shared_strings(zf, sst_part) if sst_part else []
    rows: list[list] = []
    budget = STREAM_CELL_BUDGET
    cur_row = 0
    cur: dict[int, object] = {}
    seen = 0
    stopped = False
    try:
        with zf.open(part) as fh:
            it = iterparse(fh, events=("end",), forbid_dtd=True, forbid_entities=True, forbid_external=True)
            col_auto = 0
            for _, el in it:
                budget -= 1
                if budget <= 0:
                    stopped = True
                    break
                tag = el.tag.rsplit("}", 1)[-1]
                if tag == "c":
                    ref = el.get("r")
                    if ref:
                        letters = "".join(ch for ch in ref if ch.isalpha())
                        col = col_number(letters.upper()) if letters and len(letters) <= 4 else MAX_COLUMN + 1
                    else:
                        col = col_auto + 1
                    col_auto = col
                    if col <= MAX_COLUMN:
                        cur[col - 1] = _cell_value(el, strings)
                    el.clear()
                elif tag == "row":
                    r = el.get("r")
                    cur_row = int(r) if r and r.isdigit() else cur_row + 1
                    seen = max(seen, cur_row)
                    if cur_row > row_limit:
                        stopped = True
                        el.clear()
                        break
                    if cur:
                        while len(rows) < cur_row - 1:
                            rows.append([])
                        width = max(cur) + 1
                        line = [""] * width
                        for k, v in cur.items():
                            line[k] = v
                        rows.append(line)
                    cur = {}
                    col_auto = 0
                    el.clear()
                elif tag == "sheetData":
                    break
    except Exception as exc:
        if isinstance(exc, Refusal):
            raise
        if type(exc).__name__ in ("DTDForbidden", "EntitiesForbidden", "ExternalReferenceForbidden"):
            raise _hostile(f"XMLに DOCTYPE/ENTITY 宣言があります（{part}）", f"{part} declares a DOCTYPE/ENTITY") from None
        raise _corrupt(f"{part}: {type(exc).__name__}: {exc}") from None
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    return rows, seen, stopped


def _shared_strings(zf: zipfile.ZipFile, part: str) -> list[str]:
    from defusedxml.ElementTree import iterparse
    out: list[str] = []
    try:
        with zf.open(part) as fh:
            for _, el in iterparse(fh, events=("end",), forbid_dtd=True, forbid_entities=True, forbid_external=True):
                if el.tag.rsplit("}", 1)[-1] == "si":
                    out.append("".join(t.text or "" for t in el.iter() if t.tag.rsplit("}", 1)[-1] == "t"
                                       and not _in_rph(el, t)))
                    el.clear()
                    if len(out) > MAX_SST_COUNT:
                        break
    except Exception as exc:
        if type(exc).__name__ in ("DTDForbidden", "EntitiesForbidden", "ExternalReferenceForbidden"):
            raise _hostile(f"XMLに DOCTYPE/ENTITY 宣言があります（{part}）", f"{part} declares a DOCTYPE/ENTITY") from None
        raise _corrupt(f"{part}: {type(exc).__name__}: {exc}") from None
    return out


def _in_rph(si, t) -> bool:
    for rph in si:
        if rph.tag.rsplit("}", 1)[-1] == "rPh" and any(x is t for x in rph.iter()):
            return True
    return False


def _cell_value(el, strings: list[str]):
    t = el.get("t", "n")
    v = None
    text = None
    for ch in el:
        name = ch.tag.rsplit("}", 1)[-1]
        if name == "v":
            v = ch.text
        elif name == "is":
            text = "".join(x.text or "" for x in ch.iter() if x.tag.rsplit("}", 1)[-1] == "t")
    if t == "inlineStr":
        return text or ""
    if v is None:
        return ""
    if t == "s":
        try:
            return strings[int(v)]
        except (ValueError, IndexError):
            return ""
    if t in ("str", "d"):
        return v
    if t == "b":
        return v.strip() == "1"
    if t == "e":
        return ""
    try:
        return float(v)
    except ValueError:
        return v
