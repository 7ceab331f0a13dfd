"""ZL014 upload-line-breaks: one rule as one unit — its documentation, message, source and check.

The check reads the decoded upload file (schemas.upload_file): every line break is CRLF. One finding, at the
first line that ends otherwise, naming LF if any break is a bare LF (else CR).
"""
from __future__ import annotations

from schemas.upload_file import TOOL_FORMAT, UploadFile, UploadViolation
from schemas.upload_layout import LINE_END

from . import official_tool, rule


def check(f: UploadFile) -> list[UploadViolation]:
    bare = [n for n, brk in enumerate(f.breaks, start=1) if brk != LINE_END]
    if not bare:
        return []
    return [UploadViolation({"found": "LF" if "\n" in f.breaks else "CR"}, line=bare[0])]


UPLOAD_LINE_BREAKS = rule(
    "ZL014", "upload-line-breaks", "error",
    on="upload-line", by=__name__, check=check, params=('line', 'found'),
    summary=("アップロードファイルの改行がCRLFではありません", "The upload file's line breaks are not CRLF"),
    message=("{line}行目の改行が{found}です。ツールの出力は CRLF 改行です。",
             "Line {line} ends with {found}; the tool writes CRLF line breaks."),
    explain=("""
何を調べるか: 行の区切りが CRLF か。
なぜ問題か: 公式ツールは行を CRLF でつなぎます。LF だけの改行はエディタ等で保存し直した印で、
項目の中の改行と区別できなくなります。
直し方: ツールで出力し直してください。
""", """
What it checks: lines are separated by CRLF.
Why: the tool joins lines with CRLF; bare LF breaks come from re-saving the file elsewhere and cannot be
told apart from line breaks inside a field.
Fix: export again with the tool.
"""),
    source=official_tool(*TOOL_FORMAT))

