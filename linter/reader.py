"""Read a workbook file with python-calamine into WorkbookData (only the sheets the engine asks for)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook, SheetVisibleEnum

from schemas.snapshot import LAST_ROW
from .workbook import SheetGrid, WorkbookData

# Read this many rows at most: enough to see applicants past row 307, bounded for huge sheets.
READ_ROW_LIMIT = LAST_ROW + 2000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ReadError(Exception):
    """The file cannot be read as a workbook; `reason` and `hint` are for the user."""

    def __init__(self, reason_ja: str, reason_en: str, hint_ja: str = "", hint_en: str = ""):
        super().__init__(reason_en)
        self.reason_ja, self.reason_en, self.hint_ja, self.hint_en = reason_ja, reason_en, hint_ja, hint_en


SAVE_HINT = ("Excelで開き、「Excelマクロ有効ブック(.xlsm)」として保存し直してください。",
             "Open it in Excel and save it as an Excel Macro-Enabled Workbook (.xlsm).")


def sniff(path: Path) -> None:
    """Reject what is not an xlsx/xlsm package before handing it to the parser."""
    if path.is_dir():
        raise ReadError("フォルダです", "it is a folder", "ファイルを指定してください。", "Give a file.")
    if not path.exists():
        raise ReadError("ファイルがありません", "the file does not exist",
                        "パスを確認してください（リンク切れのショートカットの可能性があります）。",
                        "Check the path (it may be a broken link).")
    size = path.stat().st_size
    if size == 0:
        raise ReadError("空のファイルです", "the file is empty", *SAVE_HINT)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        raise ReadError(
            "パスワードで暗号化されたブック、または旧形式(.xls)です",
            "it is an encrypted (password-protected) workbook or a legacy .xls file",
            "パスワードを解除し、.xlsm 形式で保存し直してください。",
            "Remove the password and save it as .xlsm.")
    if not zipfile.is_zipfile(path):
        raise ReadError("Excelブック(.xlsx/.xlsm)ではありません", "it is not an Excel workbook (.xlsx/.xlsm)",
                        *SAVE_HINT)


def read_workbook(path: str | Path) -> WorkbookData:
    path = Path(path)
    sniff(path)
    try:
        wb = CalamineWorkbook.from_path(str(path))
        meta = wb.sheets_metadata
    except Exception as exc:  # calamine raises its own error types for broken packages
        raise ReadError(f"ブックを解析できません: {exc}", f"the workbook cannot be parsed: {exc}", *SAVE_HINT) from None
    names = [m.name for m in meta]
    visible = {m.name: m.visible == SheetVisibleEnum.Visible for m in meta}

    def load(name: str) -> SheetGrid:
        try:
            sheet = wb.get_sheet_by_name(name)
            total = sheet.total_height
            rows = sheet.to_python(skip_empty_area=False, nrows=READ_ROW_LIMIT)
        except Exception as exc:
            raise ReadError(f"シート「{name}」を読めません: {exc}", f"sheet 「{name}」 cannot be read: {exc}",
                            *SAVE_HINT) from None
        return SheetGrid(name=name, rows=rows, visible=visible.get(name, True),
                         total_rows=total + 1 if total is not None and total + 1 > len(rows) else None)

    return WorkbookData(path=str(path), sheet_names=names, visible=visible, loader=load,
                        has_definitions="列項目TBL" in names)
