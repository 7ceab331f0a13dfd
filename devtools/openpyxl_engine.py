"""A small xlwings engine backed by openpyxl, so the add-in runs on real xw.Book/Sheet/Range objects without Excel.

For tests and for previewing on Linux: `book = open_book(path)`, `highlight(book)`, `book.save(out)`.
It implements only what xl_addin uses. The engine interface is internal to xlwings: this is written
against xlwings 0.37.8 (pinned in pyproject.toml); check it again when that pin moves.

Also here: officejs_payload(path), a book payload shaped like the one xlwings' Office.js client posts,
for exercising the remote engine (xw.Book(json=...)) in tests.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

import xlwings as xw
from xlwings import base_classes

TESTED_XLWINGS = "0.37.8"
ENGINE_NAME = "openpyxl"


def _rgb_of(cell):
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return None
    rgb = fill.fgColor.rgb if fill.fgColor is not None and fill.fgColor.type == "rgb" else None
    if not isinstance(rgb, str) or len(rgb) < 6:
        return None
    rgb = rgb[-6:]
    return tuple(int(rgb[i:i + 2], 16) for i in (0, 2, 4))


class Engine:
    def __init__(self):
        self.apps = Apps()

    name = ENGINE_NAME
    type = "desktop"

    @staticmethod
    def clean_value_data(data, datetime_builder, empty_as, number_builder, err_to_str):
        out = []
        for row in data:
            r = []
            for v in row:
                if v is None or v == "":
                    v = empty_as
                elif isinstance(v, dt.datetime) and datetime_builder is not dt.datetime:
                    v = datetime_builder(year=v.year, month=v.month, day=v.day, hour=v.hour, minute=v.minute,
                                         second=v.second, microsecond=v.microsecond, tzinfo=None)
                elif number_builder is not None and isinstance(v, float):
                    v = number_builder(v)
                r.append(v)
            out.append(r)
        return out

    @staticmethod
    def prepare_xl_data_element(x, options):
        if x is None:
            return None
        try:
            import numpy as np
            if isinstance(x, np.generic):
                return x.item()
        except ImportError:
            pass
        return x


class Apps(base_classes.Apps):
    def __init__(self):
        self._apps = [App(self)]

    def __iter__(self):
        return iter(self._apps)

    def __len__(self):
        return len(self._apps)

    def __getitem__(self, index):
        return self._apps[index]

    def add(self, **kwargs):
        self._apps.insert(0, App(self))
        return self._apps[0]

    def keys(self):
        return [a.pid for a in self._apps]


class App(base_classes.App):
    def __init__(self, apps):
        self.apps = apps
        self._books = Books(self)
        self.alerts: list[dict] = []      # what app.alert would have shown
        self.macros: list[tuple] = []     # what app.macro(...)(...) would have run
        self._display_alerts = True
        self._screen_updating = True

    @property
    def display_alerts(self):
        return self._display_alerts

    @display_alerts.setter
    def display_alerts(self, value):
        self._display_alerts = value

    @property
    def screen_updating(self):
        return self._screen_updating

    @screen_updating.setter
    def screen_updating(self, value):
        self._screen_updating = value

    @property
    def engine(self):
        return engine

    @property
    def books(self):
        return self._books

    @property
    def pid(self):
        return -1000 - self.apps._apps.index(self) if self in self.apps._apps else -1000

    @property
    def version(self):
        return "openpyxl"

    def alert(self, prompt, title, buttons, mode, callback):
        self.alerts.append({"prompt": prompt, "title": title, "buttons": buttons, "mode": mode})
        return "ok"

    def run(self, macro, args):
        self.macros.append((macro, args))

    def activate(self, steal_focus=None):
        pass

    def quit(self):
        pass

    def kill(self):
        pass


class Books(base_classes.Books):
    def __init__(self, app):
        self.app = app
        self.books = []

    @property
    def active(self):
        return self.books[-1] if self.books else None

    def open(self, fullname, *args, **kwargs):
        path = Path(fullname)
        wb = openpyxl.load_workbook(path, keep_vba=path.suffix.lower() in (".xlsm", ".xlam"))
        book = Book(wb, self, str(path.resolve()))
        self.books.append(book)
        return book

    def add(self):
        wb = openpyxl.Workbook()
        book = Book(wb, self, f"Book{len(self.books) + 1}")
        self.books.append(book)
        return book

    def __len__(self):
        return len(self.books)

    def __iter__(self):
        return iter(self.books)

    def __call__(self, name_or_index):
        if isinstance(name_or_index, int):
            return self.books[name_or_index - 1]
        for b in self.books:
            if b.name == name_or_index or b.fullname == name_or_index:
                return b
        raise KeyError(name_or_index)


class Book(base_classes.Book):
    def __init__(self, wb, books, fullname):
        self._wb, self.books, self._fullname = wb, books, fullname

    @property
    def api(self):
        return self._wb

    @property
    def name(self):
        return Path(self._fullname).name

    @property
    def fullname(self):
        return self._fullname

    @property
    def sheets(self):
        return Sheets(self)

    @property
    def app(self):
        return self.books.app

    def save(self, path=None, password=None):
        self._wb.save(path or self._fullname)

    def close(self):
        self.books.books.remove(self)

    def activate(self):
        pass


class Sheets(base_classes.Sheets):
    def __init__(self, book):
        self.book = book

    @property
    def api(self):
        return self.book.api.worksheets

    @property
    def active(self):
        return Sheet(self.book, self.book.api.active)

    def __call__(self, name_or_index):
        wb = self.book.api
        if isinstance(name_or_index, int):
            return Sheet(self.book, wb.worksheets[name_or_index - 1])
        for ws in wb.worksheets:
            if ws.title.casefold() == str(name_or_index).casefold():
                return Sheet(self.book, ws)
        raise ValueError(f"Sheet '{name_or_index}' doesn't exist!")

    def add(self, before=None, after=None, name=None):
        wb = self.book.api
        if before is not None:
            index = wb.worksheets.index(before.api)
        elif after is not None:
            index = wb.worksheets.index(after.api) + 1
        else:
            index = 0
        ws = wb.create_sheet(name, index)
        wb.active = index
        return Sheet(self.book, ws)

    def __len__(self):
        return len(self.book.api.worksheets)

    def __iter__(self):
        for ws in self.book.api.worksheets:
            yield Sheet(self.book, ws)


class Sheet(base_classes.Sheet):
    def __init__(self, book, ws):
        self._book, self._ws = book, ws

    @property
    def api(self):
        return self._ws

    @property
    def name(self):
        return self._ws.title

    @name.setter
    def name(self, value):
        self._ws.title = value

    @property
    def book(self):
        return self._book

    @property
    def index(self):
        return self._book.api.worksheets.index(self._ws) + 1

    @property
    def visible(self):
        return self._ws.sheet_state == "visible"

    @visible.setter
    def visible(self, value):
        self._ws.sheet_state = "visible" if value else "hidden"

    def range(self, arg1, arg2=None):
        return Range(self, arg1, arg2)

    @property
    def cells(self):
        return Range(self, (1, 1), (1_048_576, 16_384))

    @property
    def used_range(self):
        ws = self._ws
        return Range(self, (ws.min_row, ws.min_column), (ws.max_row, ws.max_column))

    @property
    def notes(self):
        return [Note(Range(self, (c.row, c.column))) for row in self._ws.iter_rows() for c in row if c.comment]

    def activate(self):
        self._book.api.active = self._book.api.worksheets.index(self._ws)

    def select(self):
        self.activate()

    def delete(self):
        self._book.api.remove(self._ws)

    def autofit(self, axis=None):
        pass


class Range(base_classes.Range):
    def __init__(self, sheet, arg1, arg2=None):
        if isinstance(arg1, Range):
            arg1 = (arg1.row, arg1.column)
        if isinstance(arg2, Range):
            arg2 = (arg2.row + arg2.shape[0] - 1, arg2.column + arg2.shape[1] - 1)
        if isinstance(arg1, str):
            from xlwings import utils
            arg1, t2 = utils.a1_to_tuples(arg1)
            arg2 = arg2 or t2
        self.sheet, self.arg1, self.arg2 = sheet, tuple(arg1), tuple(arg2) if arg2 else None
        self.options = {}

    @property
    def api(self):
        return self.sheet.api

    @property
    def row(self):
        return self.arg1[0]

    @property
    def column(self):
        return self.arg1[1]

    @property
    def shape(self):
        if self.arg2:
            return self.arg2[0] - self.arg1[0] + 1, self.arg2[1] - self.arg1[1] + 1
        return 1, 1

    def __len__(self):
        return self.shape[0] * self.shape[1]

    def __call__(self, arg1, arg2=None):
        # 1-based (row, col) relative to this range, like Range(1, 1)
        if arg2 is None:
            return Range(self.sheet, (self.row + arg1[0] - 1, self.column + arg1[1] - 1))
        return Range(self.sheet, (self.row + arg1 - 1, self.column + arg2 - 1))

    @property
    def coords(self):
        return self.sheet.name, self.row, self.column, *self.shape

    def _cells(self):
        nrows, ncols = self.shape
        ws = self.sheet.api
        for r in range(nrows):
            yield [ws.cell(self.row + r, self.column + c) for c in range(ncols)]

    @property
    def raw_value(self):
        nrows, ncols = self.shape
        ws = self.sheet.api
        out = [[None] * ncols for _ in range(nrows)]
        for row in ws.iter_rows(min_row=self.row, max_row=min(self.row + nrows - 1, ws.max_row),
                                min_col=self.column, max_col=min(self.column + ncols - 1, ws.max_column)):
            for c in row:
                out[c.row - self.row][c.column - self.column] = c.value
        return out

    @raw_value.setter
    def raw_value(self, value):
        ws = self.sheet.api
        if not isinstance(value, (list, tuple)):
            nrows, ncols = self.shape
            value = [[value] * ncols for _ in range(nrows)]
        elif value and not isinstance(value[0], (list, tuple)):
            value = [value]
        for r, row in enumerate(value):
            for c, v in enumerate(row):
                ws.cell(self.row + r, self.column + c, v)

    def get_address(self, row_absolute=True, col_absolute=True, external=False):
        rp, cp = ("$" if row_absolute else ""), ("$" if col_absolute else "")
        a = f"{cp}{get_column_letter(self.column)}{rp}{self.row}"
        if self.shape != (1, 1):
            r2, c2 = self.row + self.shape[0] - 1, self.column + self.shape[1] - 1
            a += f":{cp}{get_column_letter(c2)}{rp}{r2}"
        return f"'{self.sheet.name}'!{a}" if external else a

    @property
    def address(self):
        return self.get_address()

    @property
    def color(self):
        return _rgb_of(self.sheet.api.cell(self.row, self.column))

    @color.setter
    def color(self, value):
        self.set_colors([[value] * self.shape[1] for _ in range(self.shape[0])])

    def set_colors(self, colors):
        ws = self.sheet.api
        fills = {}
        for r, row in enumerate(colors):
            for c, color in enumerate(row):
                if color is ...:
                    continue
                cell = ws.cell(self.row + r, self.column + c)
                if color is None:
                    cell.fill = PatternFill(fill_type=None)
                    continue
                if isinstance(color, str):
                    color = xw.utils.hex_to_rgb(color)
                hexrgb = "FF%02X%02X%02X" % tuple(color)
                if hexrgb not in fills:
                    fills[hexrgb] = PatternFill("solid", fgColor=hexrgb, bgColor=hexrgb)
                cell.fill = fills[hexrgb]

    @property
    def note(self):
        c = self.sheet.api.cell(self.row, self.column)
        return Note(self) if c.comment else None

    def add_note(self, text):
        c = self.sheet.api.cell(self.row, self.column)
        c.comment = Comment(text, "zairyu-lint", width=320, height=120)
        return Note(self)

    def add_hyperlink(self, address, text_to_display=None, screen_tip=None):
        c = self.sheet.api.cell(self.row, self.column)
        c.hyperlink = address
        c.value = text_to_display or address

    def autofit(self, axis=None):
        ws = self.sheet.api
        for c in range(self.column, self.column + self.shape[1]):
            width = max((8 if str(v).startswith("=") else len(str(v)) for v in
                         (ws.cell(r, c).value or "" for r in range(self.row, self.row + self.shape[0]))), default=8)
            ws.column_dimensions[get_column_letter(c)].width = min(80, max(8, width * 1.6))

    def clear_contents(self):
        self.raw_value = None


class Note(base_classes.Note):
    def __init__(self, rng):
        self.range = rng

    @property
    def api(self):
        return self.range.sheet.api.cell(self.range.row, self.range.column).comment

    @property
    def text(self):
        return self.api.text

    @text.setter
    def text(self, value):
        self.api.text = value

    def delete(self):
        self.range.sheet.api.cell(self.range.row, self.range.column).comment = None


engine = Engine()


def register() -> xw.main.Engine:
    """Add the engine to xw.engines once (it never becomes the active engine)."""
    if xw.__version__ != TESTED_XLWINGS:
        raise RuntimeError(f"devtools.openpyxl_engine is written for xlwings {TESTED_XLWINGS}, not {xw.__version__}")
    if ENGINE_NAME not in xw.engines.engines_by_name:
        xw.engines.add(xw.main.Engine(impl=engine))
    return xw.engines[ENGINE_NAME]


def open_book(path) -> xw.Book:
    register()
    return xw.Book(impl=engine.apps[0].books.open(path))


# -- Office.js-shaped payloads for the remote engine ----------------------------------------------------------
_VISIBILITY = {"visible": "Visible", "hidden": "Hidden", "veryHidden": "VeryHidden"}


def _js_value(v):
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(v, dt.date):
        return v.strftime("%Y-%m-%dT00:00:00.000Z")
    return v


def officejs_payload(path, notes_supported: bool = True, active_sheet: str | None = None) -> dict:
    """The book payload xlwings' Office.js client posts (values of every sheet, notes' addresses)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in wb.worksheets:
        values = [[_js_value(c.value) for c in row] for row in ws.iter_rows(min_row=1, min_col=1)] or [[]]
        notes = [{"address": f"${get_column_letter(c.column)}${c.row}"} for row in ws.iter_rows() for c in row
                 if c.comment]
        used = f"$A$1:${get_column_letter(ws.max_column)}${ws.max_row}" if ws.max_row > 1 or ws.max_column > 1 \
            or ws.cell(1, 1).value is not None else None
        sheets.append({
            "name": ws.title, "values": values, "visibility": _VISIBILITY.get(ws.sheet_state, "Visible"),
            "used_range_address": used, "pictures": [], "shapes": [], "charts": [], "tables": [],
            "pivot_tables": [], "show_gridlines": True, "print_area": None,
            "notes": notes if notes_supported else [], "notes_supported": notes_supported,
        })
    active = wb.sheetnames.index(active_sheet) if active_sheet else 0
    return {"client": "Office.js", "version": xw.__version__,
            "book": {"name": Path(path).name, "active_sheet_index": active, "selection": "A1"},
            "names": [], "sheets": sheets}
