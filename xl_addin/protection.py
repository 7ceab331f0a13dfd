"""Unprotect an input sheet to paint it, then protect it again exactly as before.

xlwings has no protection API, so this speaks to each engine's native object:
  * excel (Windows): the COM Worksheet (ProtectContents, Protection.Allow*, Unprotect/Protect)
  * excel (macOS): the appscript worksheet object
  * remote (Office.js): two JavaScript functions of the add-in's task pane, called through
    xlwings' runMacro action (see templates/server/zairyu.js); they remember the protection
    options client-side and put them back
  * openpyxl (the test engine in devtools.openpyxl_engine): the openpyxl worksheet
"""
from __future__ import annotations

import sys
from contextlib import contextmanager

# The official workbook's VBA (module constant ADMIN_ACCESS_PASSWORD) protects its input sheets with this.
ADMIN_ACCESS_PASSWORD = "Ras@Ex01"
PASSWORDS = (ADMIN_ACCESS_PASSWORD, "")

JS_UNPROTECT = "zairyuUnprotect"
JS_REPROTECT = "zairyuReprotect"
# remote route: the client reads the fills before painting and writes them into the result sheet
JS_RECORD_FILLS = "zairyuRecordFills"
JS_WRITE_FILLS = "zairyuWriteFills"

# Worksheet.Protect's arguments after Password, in order (Excel VBA reference).
_WIN_PROTECT_ARGS = ("DrawingObjects", "Contents", "Scenarios", "UserInterfaceOnly")
_WIN_ALLOW = ("AllowFormattingCells", "AllowFormattingColumns", "AllowFormattingRows", "AllowInsertingColumns",
              "AllowInsertingRows", "AllowInsertingHyperlinks", "AllowDeletingColumns", "AllowDeletingRows",
              "AllowSorting", "AllowFiltering", "AllowUsingPivotTables")


class ProtectionError(Exception):
    pass


def _engine(sheet) -> str:
    return sheet.book.app.engine.name


# -- per engine: state() -> dict|None (None = not protected), unprotect(state), protect(state) ------------------
def _win_state(ws):
    if not (ws.ProtectContents or ws.ProtectDrawingObjects or ws.ProtectScenarios):
        return None
    state = {"DrawingObjects": bool(ws.ProtectDrawingObjects), "Contents": bool(ws.ProtectContents),
             "Scenarios": bool(ws.ProtectScenarios), "UserInterfaceOnly": False}
    p = ws.Protection
    for name in _WIN_ALLOW:
        state[name] = bool(getattr(p, name))
    return state


def _win_unprotect(ws, state):
    for pw in PASSWORDS:
        try:
            ws.Unprotect(pw)
        except Exception:
            continue
        if not ws.ProtectContents:
            state["password"] = pw
            return
    raise ProtectionError(ws.Name)


def _win_protect(ws, state):
    args = [state["password"]] + [state[k] for k in _WIN_PROTECT_ARGS] + [state[k] for k in _WIN_ALLOW]
    ws.Protect(*args)


def _mac_state(ws):
    if not ws.protect_contents.get():
        return None
    state = {"drawing_objects": bool(ws.protect_drawing_objects.get()), "contents": True,
             "scenarios": bool(ws.protect_scenarios.get())}
    try:
        p = ws.protection.get()
        for name in ("allow_formatting_cells", "allow_formatting_columns", "allow_formatting_rows",
                     "allow_inserting_columns", "allow_inserting_rows", "allow_inserting_hyperlinks",
                     "allow_deleting_columns", "allow_deleting_rows", "allow_sorting", "allow_filtering",
                     "allow_using_pivot_tables"):
            state[name] = bool(getattr(p, name).get())
    except Exception:
        pass
    return state


def _mac_unprotect(ws, state):
    for pw in PASSWORDS:
        try:
            ws.unprotect(password=pw)
        except Exception:
            continue
        if not ws.protect_contents.get():
            state["password"] = pw
            return
    raise ProtectionError(ws.name.get())


def _mac_protect(ws, state):
    kw = {k: v for k, v in state.items() if k != "password"}
    ws.protect_worksheet(password=state["password"], **kw)


@contextmanager
def unprotected(sheet):
    """Run the body with `sheet` unprotected; restore the protection it had, whatever happens."""
    engine = _engine(sheet)
    if engine == "remote":
        app = sheet.book.app
        # the client knows the protection state; it unprotects only a protected sheet and remembers how
        app.macro(JS_UNPROTECT)(sheet.name, list(PASSWORDS))
        try:
            yield
        finally:
            app.macro(JS_REPROTECT)(sheet.name)
        return
    if engine == "openpyxl":
        ws = sheet.api
        was = bool(ws.protection.sheet)
        ws.protection.sheet = False
        try:
            yield
        finally:
            ws.protection.sheet = was
        return
    if engine == "excel" and sys.platform.startswith("win"):
        state_of, off, on = _win_state, _win_unprotect, _win_protect
    elif engine == "excel" and sys.platform == "darwin":
        state_of, off, on = _mac_state, _mac_unprotect, _mac_protect
    else:   # an engine we don't know: paint and let it raise if the sheet refuses
        yield
        return
    ws = sheet.api
    state = state_of(ws)
    if state is None:
        yield
        return
    off(ws, state)
    try:
        yield
    finally:
        on(ws, state)


JS_UNPROTECT_BOOK = "zairyuUnprotectBook"
JS_REPROTECT_BOOK = "zairyuReprotectBook"


@contextmanager
def book_unprotected(book):
    """Run the body with the workbook structure unlocked (to add/delete the result sheet), then lock it again."""
    engine = book.app.engine.name
    if engine == "remote":
        book.app.macro(JS_UNPROTECT_BOOK)(list(PASSWORDS))
        try:
            yield
        finally:
            book.app.macro(JS_REPROTECT_BOOK)()
        return
    if engine == "openpyxl":
        sec = book.api.security
        was = bool(sec is not None and sec.lockStructure)
        if was:
            sec.lockStructure = False
        try:
            yield
        finally:
            if was:
                sec.lockStructure = True
        return
    wb = book.api if engine == "excel" else None
    if wb is None:
        yield
        return
    if sys.platform.startswith("win"):
        locked, windows = bool(wb.ProtectStructure), bool(wb.ProtectWindows)
        if not locked:
            yield
            return
        pw = _try_passwords(lambda p: wb.Unprotect(p), lambda: not wb.ProtectStructure, book.name)
        try:
            yield
        finally:
            wb.Protect(pw, True, windows)
        return
    if sys.platform == "darwin":
        if not wb.protect_structure.get():
            yield
            return
        windows = bool(wb.protect_windows.get())
        pw = _try_passwords(lambda p: wb.unprotect(password=p), lambda: not wb.protect_structure.get(), book.name)
        try:
            yield
        finally:
            wb.protect_workbook(password=pw, structure=True, windows=windows)
        return
    yield


def _try_passwords(unprotect, is_open, what):
    for pw in PASSWORDS:
        try:
            unprotect(pw)
        except Exception:
            continue
        if is_open():
            return pw
    raise ProtectionError(what)
