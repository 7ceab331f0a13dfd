"""What the commands take and write: files to check from paths, folders and globs, and report files."""
from __future__ import annotations

import glob
import os
from pathlib import Path

from .atomic import atomic_output
from . import run
from .run import is_upload_file

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
GLOB_CHARS = set("*?[")


# Spreadsheets in another format are taken too, never skipped silently (a list saved in the old format must
# not be believed checked): the reader checks the OOXML templates (.xltx/.xltm) and reports the others as not
# checked, ZL020 "save as .xlsm". Other files in a folder are skipped quietly and only counted.
OTHER_SPREADSHEET_SUFFIXES = {".xls", ".xlsb", ".ods", ".numbers", ".xlt", ".xltx", ".xltm", ".fods"}


class Skipped(str):
    """'path: why' for a file not checked; `quiet` ones are only counted (a folder's other files)."""
    quiet: bool = False

    def __new__(cls, text: str, quiet: bool = False):
        obj = super().__new__(cls, text)
        obj.quiet = quiet
        return obj


def _classify(f: Path, upload_ok: bool) -> str | None:
    """None when the file is to be checked, else why it is skipped."""
    if f.name.startswith("~$"):
        return "Excel lock file, skipped"
    if f.suffix.lower() in WORKBOOK_SUFFIXES | OTHER_SPREADSHEET_SUFFIXES:
        return None
    if is_upload_file(f):
        return None if upload_ok else "upload file, but upload-file checking is not available here; skipped"
    return "not a workbook, skipped"


QUIET_REASONS = {"Excel lock file, skipped", "not a workbook, skipped"}


def _walk(folder: Path):
    """Files under `folder`, sorted; a macOS Numbers document (a folder named *.numbers) is one file."""
    for f in sorted(folder.rglob("*")):
        if any(p.suffix.lower() == ".numbers" for p in f.relative_to(folder).parents if str(p) != "."):
            continue   # inside a Numbers package
        if not f.is_dir() or f.suffix.lower() == ".numbers":
            yield f


def collect_inputs(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files to check (folders walked recursively, globs expanded) and lines about what was skipped.

    Templates (.xlsx/.xlsm), spreadsheets in another format (reported with ZL020) and, when linter.upload
    is there, upload files (SA_03_00?_*_ver*.csv) are checked; Excel lock files (~$...) and other files
    found in folders or by a glob are skipped quietly (their lines are `Skipped` with `quiet` set: counted,
    not printed). A file given by name is always reported on, even if unreadable.
    """
    upload_ok = run.upload_support() is not None   # looked up here: a test or a build may replace it
    files, skipped = [], []

    def found(f: Path):
        why = _classify(f, upload_ok)
        if why:
            skipped.append(Skipped(f"{f}: {why}", quiet=why in QUIET_REASONS))
        else:
            files.append(f)

    for p in paths:
        path = Path(p)
        if path.is_dir() and path.suffix.lower() != ".numbers":
            for f in _walk(path):
                found(f)
        elif not path.exists() and GLOB_CHARS & set(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                skipped.append(Skipped(f"{p}: no file matches this pattern"))
            for m in matches:
                mp = Path(m)
                if mp.is_dir() and mp.suffix.lower() != ".numbers":
                    for f in _walk(mp):
                        found(f)
                else:
                    found(mp)
        elif path.name.startswith("~$"):
            skipped.append(Skipped(f"{path}: Excel lock file, skipped"))
        elif is_upload_file(path) and not upload_ok:
            skipped.append(Skipped(f"{path}: {_classify(path, upload_ok)}"))
        else:
            files.append(path)   # a file given by name is always reported on, even if unreadable
    return files, skipped


def write_atomically(path: Path, text: str) -> None:
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="")


def output_problem(path: Path) -> str | None:
    """Why the report cannot be written to `path`, checked before linting; None when it looks fine."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return "is a folder"
    if not folder.exists():
        return f"the folder {folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is not writable"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    return None
