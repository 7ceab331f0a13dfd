"""The ribbon button 「チェック」 posts the workbook here; the same xl_addin.highlight as the desktop add-in runs."""
import xlwings as xw
from xlwings.server import script

from xl_addin import highlight


@script
def zairyu_check(book: xw.Book):
    highlight(book)
