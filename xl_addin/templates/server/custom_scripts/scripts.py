"""The ribbon buttons post the workbook here; the same xl_addin functions as the desktop add-in run.

「チェック」 → zairyu_check (highlight); 「アップロードファイル出力」 → zairyu_export (check first, then the
upload file as a browser download).
"""
import xlwings as xw
from xlwings.server import script

from xl_addin import highlight
from xl_addin.exporting import export_upload


@script
def zairyu_check(book: xw.Book):
    highlight(book)


@script
def zairyu_export(book: xw.Book):
    export_upload(book)
