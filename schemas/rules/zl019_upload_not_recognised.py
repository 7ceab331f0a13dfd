"""ZL019 upload-not-recognised: one rule as one unit — its documentation, message, source and check.

The check reads the decoded upload file (schemas.upload_file): the reader matched it to a template version and
status (the procedure from the name prefix SA_03_00N or the screen code's first digits, the status from the
screen code). Without that match its columns cannot be mapped to fields, and only the file-level rules run.
"""
from __future__ import annotations

from schemas.upload_file import TOOL_FORMAT, UploadFile, UploadViolation

from . import Text, official_tool, rule


def check(f: UploadFile) -> list[UploadViolation]:
    if f.layout is not None:
        return []
    if f.procedure is None:
        reason = Text("ファイル名がSA_03_001/002/003で始まらず、画面コードからも手続が分かりません",
                      "the name does not start with SA_03_001/002/003 and the screen code does not tell the procedure")
    else:
        reason = Text(f"画面コード「{f.screen}」はこの手続の在留資格にありません",
                      f"screen code 「{f.screen}」 is no status of this procedure")
    return [UploadViolation({"reason": reason})]


UPLOAD_UNKNOWN = rule(
    "ZL019", "upload-not-recognised", "error",
    on="upload-line", by=__name__, check=check, params=('reason',),
    summary=("アップロードファイルの手続・在留資格を判別できません", "The upload file's procedure or status is unknown"),
    message=("アップロードファイルとして判別できません（{reason}）。",
             "Not recognised as an upload file ({reason})."),
    explain=("""
何を調べるか: ファイル名の「SA_03_001/002/003」（認定/変更/更新）と3列目の画面コード（例 05V1）から、
手続と在留資格が分かるか。
なぜ問題か: 手続と在留資格が分からなければ、どの列がどの項目かを決められません。
直し方: ツールが付けたファイル名の先頭を残すか、ツールで出力し直してください。
""", """
What it checks: the procedure (file name prefix SA_03_001/002/003 = 認定/変更/更新) and the status (screen
code in column 3, e.g. 05V1) can be determined.
Why: without them the columns cannot be mapped to fields.
Fix: keep the SA_03_00N prefix the tool gave the file, or export again.
"""),
    source=official_tool(*TOOL_FORMAT))

