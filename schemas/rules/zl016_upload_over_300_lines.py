"""ZL016 upload-over-300-lines: one rule as one unit — its documentation, message, source and check.

The check reads the decoded upload file (schemas.upload_file): at most 300 applicant lines (blank lines are
not counted); the finding sits at the 301st.
"""
from __future__ import annotations

from schemas.snapshot import MAX_APPLICANTS
from schemas.upload_file import TOOL_FORMAT, UploadFile, UploadViolation

from . import official_tool, rule


def check(f: UploadFile) -> list[UploadViolation]:
    people = f.applicants
    if len(people) <= MAX_APPLICANTS:
        return []
    return [UploadViolation({"count": len(people)}, line=people[MAX_APPLICANTS].number)]


UPLOAD_TOO_MANY = rule(
    "ZL016", "upload-over-300-lines", "error",
    on="upload-line", by=__name__, check=check, params=('count',),
    summary=("アップロードファイルの申請人が300人を超えています", "More than 300 applicants in the upload file"),
    message=("申請人の行が{count}行あります。1ファイル300人（ヘッダを除き300行）までです。",
             "The file has {count} applicant lines; one file takes at most 300 (300 lines after the header)."),
    explain=("""
何を調べるか: ヘッダ行を除いた申請人の行数が300以下か。
なぜ問題か: 一括申請は1ファイル300人までです（VBA定数 IPTSHT_INPUT_MXROW = 300）。
直し方: ブックを `zairyu-lint split` で分け、それぞれから出力してください。
""", """
What it checks: at most 300 applicant lines after the header.
Why: one bulk application takes at most 300 people (VBA constant IPTSHT_INPUT_MXROW = 300).
Fix: split the workbook (`zairyu-lint split`) and export each part.
"""),
    source=official_tool(*TOOL_FORMAT))

