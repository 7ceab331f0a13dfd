"""ZL017 upload-header-mismatch: one rule as one unit — its documentation, message, source and check.

The check reads the decoded upload file (schemas.upload_file): line 1 holds, column by column, the header
names of the layout the file was matched to (the first three columns empty). The first ten differing columns
are reported; nothing when the file matched no template (ZL019 says so).
"""
from __future__ import annotations

from schemas.upload_file import TOOL_FORMAT, UploadFile, UploadViolation

from . import official_tool, rule

SHOWN = 10      # columns reported at most: a file from another template differs nearly everywhere


def check(f: UploadFile) -> list[UploadViolation]:
    layout = f.layout
    if layout is None:
        return []
    snap, status = layout.snap, layout.status
    template = f"{snap.procedure_ja} {snap.version} {status.label.split(' ')[0]}"
    header, names = f.header, layout.header
    out = []
    for c in range(1, max(len(header), layout.width) + 1):
        found = header[c - 1] if c - 1 < len(header) else ""
        expected = (names[c - 1] or "") if 3 < c <= len(names) else ""   # the first three are empty
        if found != expected:
            out.append(UploadViolation({"column": c, "found": found, "expected": expected, "template": template},
                                       line=1, column=c, header=expected or found))
            if len(out) == SHOWN:
                break
    return out


UPLOAD_HEADER = rule(
    "ZL017", "upload-header-mismatch", "error",
    on="upload-line", by=__name__, check=check, params=('column', 'found', 'template', 'expected'),
    summary=("アップロードファイルのヘッダ行がテンプレートと違います", "The upload file's header row differs from the template"),
    message=("{column}列目のヘッダが「{found}」です。テンプレート（{template}）では「{expected}」です。",
             "Column {column} of the header is 「{found}」; the template ({template}) has 「{expected}」."),
    explain=("""
何を調べるか: 1行目（CSVヘッダ名）が、在留資格ごとの列項目TBLのCSV出力列番号・CSVヘッダ名と一致するか。
なぜ問題か: オンラインシステムはヘッダで項目を読みます。列の追加・削除・並べ替えや別版のテンプレートで
出力したファイルは、別の項目として読まれるか拒否されます。
直し方: 最新のテンプレートに入力し直し、ツールで出力してください。
""", """
What it checks: line 1 (the CSV header names) matches the CSV column numbers and header names of the
column table (列項目TBL) for the status.
Why: the online system reads fields by header; added, removed or reordered columns, or an export from
another template version, are read as other fields or rejected.
Fix: enter the data in the current template and export again.
"""),
    source=official_tool(*TOOL_FORMAT))

