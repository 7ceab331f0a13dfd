"""The add-in's Options: linter.config.resolve_options, as the command line has them, with the settings file
([tool.zairyu-lint] in pyproject.toml or zairyu-lint.toml) found upward from the workbook's own folder.

A book without a folder on this computer (unsaved, in the cloud, or on Excel on the web) has no settings
file: the defaults apply. A settings file that cannot be read is said in a message box, and the check runs
with the defaults (which report everything: never fewer findings than the file meant to show).
"""
from __future__ import annotations

from pathlib import Path

from linter.config import BadDate, ConfigError, find_settings, resolve_options
from linter.engine import Options

TITLE = "在留申請チェック"


def book_folder(book) -> Path | None:
    """The folder of `book` on this computer; None for an unsaved (fullname "Book1"), cloud (a URL) or web book."""
    try:
        full = Path(book.fullname or "")
    except Exception:      # an engine without a file behind the book
        return None
    return full.parent if full.is_absolute() and full.parent.is_dir() else None


def book_options(book, *, alert: bool = True, lang: str | None = None, on=None, select=None, ignore=None,
                 **extra) -> Options:
    """Options for checking `book`: the given values, else the settings file's, else the defaults."""
    folder = book_folder(book)
    given = dict(lang=lang, on=on, select=select, ignore=ignore, **extra)
    try:
        settings = find_settings(folder)[0] if folder is not None else {}
        return resolve_options(settings=settings, **given)
    except (ConfigError, BadDate) as exc:
        options = resolve_options(settings={}, **given)
        if alert:
            en = options.lang == "en"
            book.app.alert((f"The settings file was not used: {exc}\nThe check runs with the default settings."
                            if en else f"設定ファイルを使えません: {exc}\n既定の設定でチェックします。"),
                           title=TITLE, mode="critical")
        return options
