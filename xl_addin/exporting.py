"""export_upload(book): the ribbon button 「アップロードファイル出力」 — check first, then write the upload file.

The check is highlight() itself (cells painted, 「チェック結果」 sheet). With errors nothing is written and
the message box says why. Without errors the upload file is made by linter.export (the layout of the
official 「申請情報一括登録ファイル出力」, byte for byte) and
- desktop Excel (Windows, macOS through xlwings; no ADODB): saved next to the workbook under the name the
  official tool proposes, never over an existing file;
- xlwings Server (Excel on the web / Microsoft 365): handed to the browser as a download (the JavaScript
  callback zairyuDownload in static/js/main.js), since the server has no folder of the user's.
No rule logic here: the findings and the bytes come from the engine and linter.export.
"""
from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from linter.atomic import atomic_output
from linter.export import build_lines, encode
from linter.identify import identify
from linter.findings import Finding
from schemas.upload_layout import NoLayout, layout_for

from .options import book_options
from .painting import TITLE, Summary, highlight
from .reading import read_book

JS_DOWNLOAD = "zairyuDownload"


@dataclass
class ExportSummary:
    check: Summary
    written: Path | None = None        # desktop: where the file was saved
    downloaded: str | None = None      # server: the file name handed to the browser
    applicants: int = 0
    message: str = ""


def _refuse(summary: ExportSummary, book, text: str, alert: bool) -> ExportSummary:
    summary.message = text
    if alert:
        book.app.alert(text, title=TITLE, mode="critical")
    return summary


def export_upload(book, lang: str | None = None, on: dt.date | None = None, alert: bool = True) -> ExportSummary:
    """Check `book` (any xlwings Book), paint the findings, and write its upload file when it has no error.
    The settings file's select/ignore apply as in `zairyu-lint export` (xl_addin.options)."""
    options = book_options(book, alert=alert, lang=lang, on=on)
    lang = options.lang
    en = lang == "en"
    check = highlight(book, alert=False, options=options)
    out = ExportSummary(check)
    errors = check.result.count("error")
    if errors:
        text = (f"The check found {errors} error(s), so no upload file was written.\n"
                f"Fix the red cells (list: sheet 「チェック結果」) and press the button again." if en else
                f"チェックでエラーが {errors} 件見つかったため、アップロードファイルは出力していません。\n"
                f"赤いセル（一覧はシート「チェック結果」）を直してから、もう一度押してください。")
        return _refuse(out, book, text + "\n\n" + check.message, alert)
    data = read_book(book)
    ident = identify(data, lang)
    if isinstance(ident, Finding) or ident.status is None:
        return _refuse(out, book, "The template or its 在留資格 is unknown: choose it on the メニュー sheet." if en else
                       "テンプレートまたは在留資格が分かりません。メニューシートで在留資格を選んでください。", alert)
    try:
        layout = layout_for(ident.snapshot, ident.status)
    except NoLayout:
        return _refuse(out, book, f"「{ident.status.label}」 is not supported yet." if en else
                       f"「{ident.status.label}」のアップロードファイル出力にはまだ対応していません。", alert)
    breaks: list = []
    lines, rows = build_lines(layout, data, breaks)
    if breaks:
        shown = "、".join(f"{s}!{c}" for s, c in breaks[:5]) + (" …" if len(breaks) > 5 else "")
        return _refuse(out, book, f"Cells hold a tab or a line break ({shown}); they would shift the columns of the "
                       "upload file. Remove them and press the button again." if en else
                       f"タブまたは改行を含むセルがあります（{shown}）。アップロードファイルの列がずれるため出力していません。"
                       "取り除いてから、もう一度押してください。", alert)
    payload = encode(lines)
    name = layout.file_name()
    out.applicants = len(rows)
    if book.app.engine.name == "remote":
        book.app.macro(JS_DOWNLOAD)(name, base64.b64encode(payload).decode("ascii"))
        out.downloaded = name
        out.message = (f"The upload file {name} ({len(rows)} applicants) was handed to your browser as a download."
                       if en else f"アップロードファイル {name}（申請人 {len(rows)} 人）をダウンロードしました。")
    else:
        # an unsaved book's fullname is "Book1", a cloud one's a URL: neither has a folder here
        full = Path(book.fullname or "")
        folder = full.parent if full.is_absolute() and full.parent.is_dir() else None
        if folder is None:
            return _refuse(out, book, "Save the workbook on this computer first: the upload file goes next to it."
                           if en else "先にブックをこのコンピューターに保存してください。アップロードファイルはブックと"
                           "同じフォルダに出力します。", alert)
        target = folder / name
        if target.exists():
            return _refuse(out, book, f"{target} exists already; move or rename it, then press the button again."
                           if en else f"{target} が既にあります。移動するか名前を変えてから、もう一度押してください。", alert)
        with atomic_output(target) as tmp:
            tmp.write_bytes(payload)
        out.written = target
        out.message = (f"No errors. The upload file ({len(rows)} applicants) was saved:\n{target}" if en else
                       f"エラーはありません。アップロードファイル（申請人 {len(rows)} 人）を保存しました:\n{target}")
    if check.result.count("warning"):
        out.message += ("\n\nWarnings: see the sheet 「チェック結果」." if en else
                        "\n\n警告があります。シート「チェック結果」を確認してください。")
    if alert:
        book.app.alert(out.message, title=TITLE, mode="info")
    return out
