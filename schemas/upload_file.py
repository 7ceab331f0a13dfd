"""The decoded upload file as the upload-line rules (ZL011-ZL019, schemas/rules/zl01N_*.py) see it.

linter.upload reads the bytes: it decodes them with its best guess of the encoding, splits the lines at any
line break and the fields at tabs (or commas, for a file re-saved as CSV), and matches the file to a template
version and status (schemas.upload_layout). The reading never refuses a file that has bytes: it records what
it found here, and the rules judge it. Each rule's `check(file: UploadFile) -> [UploadViolation]`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from schemas.upload_layout import UploadLayout

# the encodings linter.upload.decode tells apart; the tool writes the first (ADODB.Stream charset "unicode")
TOOL_ENCODING = "utf-16-le-bom"
ENCODINGS = (TOOL_ENCODING, "utf-16-le-bom-broken", "utf-16-be-bom", "utf-8-bom", "utf-16-le", "utf-8", "cp932",
             "unknown")

# the ground every upload-line rule cites: what the official tool writes
TOOL_FORMAT = ('公式ツールが出力するアップロードファイルの形式（mdMain.writeFile: UTF-16LE＋BOM、タブ区切り、CRLF、'
               'ヘッダ1行＋申請人300行まで、ファイル名の「ver」以降）。',
               'the upload file format the official tool writes (mdMain.writeFile: UTF-16LE with BOM, tabs, CRLF, '
               'one header + up to 300 applicants, the name from 「ver」 on).')


@dataclass(frozen=True)
class UploadLine:
    number: int                  # the physical line number (1 = the header, 2 = the first applicant)
    fields: tuple[str, ...]      # its fields, split at the separator

    @property
    def blank(self) -> bool:
        return not any(c.strip() for c in self.fields)


@dataclass(frozen=True)
class UploadFile:
    """A read-only view of one decoded upload file."""
    name: str                        # the file name, without its folder
    encoding: str                    # what the bytes were read as (ENCODINGS)
    separator: str                   # what the fields were split at: "\t" (the tool's) or ","
    breaks: tuple[str, ...]          # every line break in order ("\r\n", "\n" or "\r"); breaks[i] ends line i + 1
    header: tuple[str, ...]          # the fields of line 1
    lines: tuple[UploadLine, ...]    # every line after the header, blank ones too
    procedure: str | None            # from the name prefix SA_03_00N or the screen code; None when neither tells
    screen: str                      # the first screen code in column 3 of an applicant line ("" when none)
    layout: UploadLayout | None = field(default=None, compare=False)   # what it was matched to; None = unknown

    @cached_property
    def applicants(self) -> tuple[UploadLine, ...]:
        """The lines that are not blank: one applicant each."""
        return tuple(ln for ln in self.lines if not ln.blank)


@dataclass(frozen=True)
class UploadViolation:
    """What an upload-line check found. linter.upload adds `line` to the parameters (a message may name it)."""
    params: dict
    line: int | None = None          # the physical line; None = the file as a whole
    column: int | None = None        # the CSV column number (1-based)
    header: str | None = None        # the header name the finding names for that column
