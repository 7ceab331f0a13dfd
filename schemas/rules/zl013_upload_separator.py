"""ZL013 upload-separator: one rule as one unit — its documentation, message, source and check.

The check reads the decoded upload file (schemas.upload_file): the fields were split at tabs. The reader splits
a line 1 with commas and no tab at commas instead (a file re-saved as CSV), so this never stops the reading.
"""
from __future__ import annotations

from schemas.upload_file import TOOL_FORMAT, UploadFile, UploadViolation
from schemas.upload_layout import DELIM

from . import Text, official_tool, rule

FOUND = {",": Text("カンマ", "commas")}     # how the message names a separator that is not the tool's tab
HINT = Text("ツールで出力し直してください。", "Export it again with the tool.")


def check(f: UploadFile) -> list[UploadViolation]:
    if f.separator == DELIM:
        return []
    return [UploadViolation({"found": FOUND[f.separator], "hint": HINT})]


UPLOAD_SEPARATOR = rule(
    "ZL013", "upload-separator", "error",
    on="upload-line", by=__name__, check=check, params=('found', 'hint'),
    summary=("アップロードファイルの区切りがタブではありません", "The upload file is not tab-separated"),
    message=("項目の区切りが{found}です。拡張子は .csv ですが、ツールの出力はタブ区切りです。{hint}",
             "Fields are separated by {found}; despite the .csv name, the tool's output is tab-separated. {hint}"),
    explain=("""
何を調べるか: 項目の区切りがタブ文字か。
なぜ問題か: 公式ツールは拡張子 .csv でもタブ区切りで出力します（OUTCSV_DELIM = vbTab）。Excelで開いて
「CSV」として保存し直すとカンマ区切りになります。
直し方: ツールで出力し直したファイルを、Excelで開かずにアップロードしてください。
""", """
What it checks: fields are separated by tab characters.
Why: the official tool writes tabs even though the file is named .csv (OUTCSV_DELIM = vbTab); saving it
again as CSV from Excel turns it into a comma-separated file.
Fix: export again with the tool and upload without opening the file in Excel.
"""),
    source=official_tool(*TOOL_FORMAT))

