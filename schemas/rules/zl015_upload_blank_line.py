"""ZL015 upload-blank-line: one rule as one unit — its documentation, message, source and check.

The check reads the decoded upload file (schemas.upload_file): no line after the header is blank (only
empty or white-space fields); one finding per blank line.
"""
from __future__ import annotations

from schemas.upload_file import TOOL_FORMAT, UploadFile, UploadViolation

from . import official_tool, rule


def check(f: UploadFile) -> list[UploadViolation]:
    return [UploadViolation({}, line=ln.number) for ln in f.lines if ln.blank]


UPLOAD_BLANK_LINE = rule(
    "ZL015", "upload-blank-line", "error",
    on="upload-line", by=__name__, check=check, params=('line',),
    summary=("アップロードファイルに空行があります", "Blank line in the upload file"),
    message=("{line}行目が空行です。", "Line {line} is blank."),
    explain=("""
何を調べるか: ヘッダ行と申請人の行の間・途中に空行がないか。
なぜ問題か: ツールの出力には空行がありません（1行 = 1申請人）。空行は手作業の編集の跡で、
申請人として読まれるか拒否されるかは保証されません。
直し方: 空行を削除するか、ツールで出力し直してください。
""", """
What it checks: no blank line sits among the header and applicant lines.
Why: the tool's output has no blank lines (one line per applicant); a blank line comes from hand editing and
may be rejected or read as an applicant.
Fix: delete it, or export again with the tool.
"""),
    source=official_tool(*TOOL_FORMAT))

