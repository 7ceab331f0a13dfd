"""The ribbon buttons post the workbook here; the same xl_addin functions as the desktop add-in run.

「チェック」 → zairyu_check (highlight); 「アップロードファイル出力」 → zairyu_export (check first, then the
upload file as a browser download); 「修正」 → zairyu_fix (confirmation) then zairyu_fix_apply; 「元に戻す」 → zairyu_undo.
"""
import xlwings as xw
from xlwings.server import script

from xl_addin import highlight
from xl_addin.exporting import export_upload
from xl_addin.fixing import fix_in_place, undo_fixes


@script
def zairyu_check(book: xw.Book):
    highlight(book)


@script
def zairyu_export(book: xw.Book):
    export_upload(book)


@script
def zairyu_fix(book: xw.Book):
    """「修正」: asks for confirmation (the answer comes back through zairyuFixConfirmed in main.js)."""
    fix_in_place(book)


@script
def zairyu_fix_apply(book: xw.Book):
    """Run by zairyuFixConfirmed after 「OK」: apply the safe fixes, record them, check again."""
    fix_in_place(book, confirmed=True)


@script
def zairyu_undo(book: xw.Book):
    """「元に戻す」: put back the values recorded on the sheet 「修正履歴」, check again."""
    undo_fixes(book)
