"""fix_in_place(book) / undo_fixes(book): the add-in's 「修正」 and 「元に戻す」.

The fixes come from linter.fixes (safe fixes only, the same as `zairyu-lint fix`); no rule logic lives here.
「修正」 asks for confirmation stating the count, writes the new values into the input cells, records every
change with its old value on the sheet 「修正履歴」, and checks again (xl_addin.highlight). A macro's change
cannot be undone with Ctrl+Z, so 「元に戻す」 puts the recorded old values back (only where the cell still
holds the fixed value) and checks again.

Old values are recorded typed ("s:" text, "n:" number, "d:" date, "b:" boolean, "e:" empty) in text cells, so
a phone number's leading zero or a date survives the round trip through the record.
"""
from __future__ import annotations

import datetime as dt

from linter.engine import Options
from linter.fixes import fix_workbook, old_text

from .options import book_options
from .painting import RESULT_SHEET, highlight
from .protection import ProtectionError, book_unprotected, unprotected
from .reading import read_book

FIX_SHEET = "修正履歴"
TITLE = "在留申請チェック"
CONFIRM_CALLBACK = "zairyuFixConfirmed"   # static/js/main.js of the server project
HEADER_JA = ["No.", "シート", "セル", "項目", "修正前", "修正後", "内容", "ルール", "状態",
             "修正前の値（復元用）", "修正前の表示形式（復元用）"]
HEADER_EN = ["No.", "Sheet", "Cell", "Field", "Before", "After", "What", "Rules", "State",
             "Old value (for undo)", "Old number format (for undo)"]
COL_SHEET, COL_CELL, COL_NEW, COL_STATE, COL_OLD, COL_FMT = 1, 2, 5, 8, 9, 10
APPLIED = ("修正済み", "fixed")
UNDONE = ("元に戻した", "undone")


def encode(v) -> str:
    if v is None or v == "":
        return "e:"
    if isinstance(v, bool):
        return "b:" + ("1" if v else "0")
    if isinstance(v, (int, float)):
        return "n:" + repr(float(v))
    if isinstance(v, (dt.date, dt.datetime)):
        return "d:" + v.isoformat()
    return "s:" + str(v)


def decode(text):
    t = "" if text is None else str(text)
    kind, _, body = t.partition(":")
    if kind == "n":
        f = float(body)
        return int(f) if f.is_integer() else f
    if kind == "d":
        return dt.datetime.fromisoformat(body)
    if kind == "b":
        return body == "1"
    if kind == "s":
        return body
    return None


def planned(book, lang: str | None = None, on: dt.date | None = None, *, options: Options | None = None) -> list:
    """The safe changes for the open book (nothing written); select/ignore of the settings file apply."""
    options = options or book_options(book, alert=False, lang=lang, on=on)
    data = read_book(book)
    data.sheet_names = [n for n in data.sheet_names if n not in (RESULT_SHEET, FIX_SHEET)]
    _, changes = fix_workbook(data, options, unsafe=False)
    return [c for c in changes if c.safe]


def _is_remote(book) -> bool:
    return book.app.engine.name == "remote"


def fix_in_place(book, lang: str | None = None, on: dt.date | None = None, confirmed: bool = False,
                 alert: bool = True) -> int:
    """「修正」: returns the number of cells changed (0 when cancelled or nothing to fix).

    On the desktop the confirmation is a modal OK/Cancel box. Excel on the web cannot wait for an answer: the
    box calls back CONFIRM_CALLBACK, which runs the script again with confirmed=True.
    """
    options = book_options(book, alert=alert, lang=lang, on=on)
    lang = options.lang
    en = lang == "en"
    changes = planned(book, options=options)
    if not changes:
        if alert:
            book.app.alert("Nothing to fix automatically." if en else "自動で直せる項目はありません。", title=TITLE)
        return 0
    if not confirmed:
        prompt = (f"Fix {len(changes)} cell(s)? Each change and its old value are recorded on the sheet "
                  f"「{FIX_SHEET}」; 「元に戻す」 restores them (Ctrl+Z cannot)." if en else
                  f"{len(changes)} 件のセルを修正します。よろしいですか？\n変更内容と修正前の値はシート「{FIX_SHEET}」に"
                  f"記録され、「元に戻す」で戻せます（Ctrl+Z では戻せません）。")
        if _is_remote(book):
            book.app.alert(prompt, title=TITLE, buttons="ok_cancel", mode="info", callback=CONFIRM_CALLBACK)
            return 0
        if book.app.alert(prompt, title=TITLE, buttons="ok_cancel", mode="info") != "ok":
            return 0
    by_sheet: dict[str, list] = {}
    for c in changes:
        by_sheet.setdefault(c.sheet, []).append(c)
    formats: dict[tuple[str, str], str] = {}
    done = []
    for name, cs in by_sheet.items():
        sheet = book.sheets[name]
        try:
            with unprotected(sheet):
                for c in cs:
                    rng = sheet.range(c.cell)
                    formats[(c.sheet, c.cell)] = _number_format(rng)
                    _set_text_format(rng)
                    rng.value = c.new
                    done.append(c)
        except ProtectionError:
            continue
    _record(book, done, formats, lang)
    highlight(book, alert=False, options=options)
    if alert:
        book.app.alert(f"{len(done)} cell(s) fixed and checked again. 「元に戻す」 restores them." if en else
                       f"{len(done)} 件のセルを修正し、もう一度チェックしました。「元に戻す」で修正前に戻せます。", title=TITLE)
    return len(done)


def _number_format(rng) -> str:
    try:
        return rng.number_format or ""
    except Exception:       # the remote engine cannot read it synchronously; the template's cells are 文字列
        return ""


def _set_text_format(rng) -> None:
    # a digit string typed into a General or date cell would become a number or a date again
    try:
        rng.number_format = "@"
    except Exception:       # engines without number formats (the test engine): the value is written as text anyway
        pass


def _record(book, changes, formats, lang: str) -> None:
    en = lang == "en"
    rows = []
    names = [s.name for s in book.sheets]
    with book_unprotected(book):
        if FIX_SHEET in names:
            log = book.sheets[FIX_SHEET]
            start = log.used_range.row + log.used_range.shape[0]
            first_no = start - 1
        else:
            log = book.sheets.add(name=FIX_SHEET, after=book.sheets[-1])
            rows.append(HEADER_EN if en else HEADER_JA)
            start, first_no = 1, 1
        for i, c in enumerate(changes):
            rows.append([str(first_no + i), c.sheet, c.cell, c.field or "", old_text(c.old), c.new,
                         c.reason_text(lang), ",".join(c.rules), APPLIED[1 if en else 0], encode(c.old),
                         formats.get((c.sheet, c.cell), "")])
        if not rows:
            return
        rng = log.range((start, 1), (start + len(rows) - 1, len(HEADER_JA)))
        _set_text_format(rng)
        rng.value = rows


def undo_fixes(book, lang: str | None = None, on: dt.date | None = None, alert: bool = True) -> tuple[int, list[str]]:
    """「元に戻す」: restore the recorded old values (latest first); returns (restored, cells left as they are)."""
    options = book_options(book, alert=alert, lang=lang, on=on)
    lang = options.lang
    en = lang == "en"
    if FIX_SHEET not in [s.name for s in book.sheets]:
        if alert:
            book.app.alert("There is nothing to undo." if en else "元に戻す修正はありません。", title=TITLE)
        return 0, []
    log = book.sheets[FIX_SHEET]
    last = log.used_range.row + log.used_range.shape[0] - 1
    records = log.range((2, 1), (last, len(HEADER_JA))).options(ndim=2).value if last >= 2 else []
    restored, kept, states = 0, [], []
    sheet_names = [s.name for s in book.sheets]
    for i in reversed(range(len(records))):
        rec = records[i]
        state = str(rec[COL_STATE] or "")
        if state not in APPLIED:
            continue
        name, cell = str(rec[COL_SHEET] or ""), str(rec[COL_CELL] or "")
        if name not in sheet_names or not cell:
            continue
        sheet = book.sheets[name]
        rng = sheet.range(cell)
        now = rng.value
        if _text(now) != _text(rec[COL_NEW]):
            kept.append(f"{name}!{cell}")        # changed again since the fix: the user's value stays
            continue
        try:
            with unprotected(sheet):
                fmt = str(rec[COL_FMT] or "")
                if fmt:
                    try:
                        rng.number_format = fmt
                    except Exception:
                        pass
                rng.value = decode(rec[COL_OLD])
        except ProtectionError:
            kept.append(f"{name}!{cell}")
            continue
        restored += 1
        states.append((i, UNDONE[1 if en else 0]))
    with book_unprotected(book):
        for i, text in states:
            log.range((2 + i, COL_STATE + 1)).value = text
    highlight(book, alert=False, options=options)
    if alert:
        msg = (f"{restored} cell(s) restored and checked again." if en else
               f"{restored} 件のセルを修正前に戻し、もう一度チェックしました。")
        if kept:
            msg += ("\nLeft as they are (changed since the fix): " if en else
                    "\n修正後に変更されたため戻していないセル: ") + "、".join(kept)
        book.app.alert(msg, title=TITLE)
    return restored, kept


def _text(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return "" if v is None else str(v)


__all__ = ["fix_in_place", "undo_fixes", "planned", "FIX_SHEET", "encode", "decode"]
