"""ZL011 upload-file-name: one rule as one unit — its documentation, message, source and check.

The check reads the decoded upload file (schemas.upload_file): its name keeps the tail the tool gave it, from
「ver」 on — the tail of the status's own file name when the file was matched to a template, else ver001.csv.
"""
from __future__ import annotations

import re

from schemas.upload_file import TOOL_FORMAT, UploadFile, UploadViolation

from . import official_tool, rule

VER_TAIL = "ver001.csv"     # the tail of most statuses' names, and the one asked for when the status is unknown


def check(f: UploadFile) -> list[UploadViolation]:
    # the tail the tool gives, from 「ver」 on: ver001.csv, or the status's own (認定 文化活動: ver002.csv)
    if f.layout is None:
        tail = VER_TAIL
    else:
        official = f.layout.file_name()
        tail = official[official.rindex("_ver") + 1:]
    if f.name.endswith(tail):
        return []
    example = re.sub(r"(_?ver.*)?\.csv$", "", f.name, flags=re.IGNORECASE) + "_" + tail
    return [UploadViolation({"name": f.name, "expected": tail, "example": example})]


UPLOAD_NAME = rule(
    "ZL011", "upload-file-name", "error",
    on="upload-line", by=__name__, check=check, params=('name', 'expected', 'example'),
    summary=("アップロードファイル名の「ver」以降が変更されています", "The ver… tail of the upload file name was changed"),
    message=("ファイル名「{name}」の末尾が「{expected}」ではありません（「ver」以降は変更できません。例: {example}）。",
             "The file name 「{name}」 does not end in 「{expected}」 (the part from 「ver」 on must not change, e.g. {example})."),
    explain=("""
何を調べるか: アップロードファイルの名前が、ツールが付けた名前の「ver」以降（ver001.csv）を保っているか。
なぜ問題か: メニューの注意書き「出力したCSVファイルのファイル名を修正する場合は、末尾の「ver」以降の記載は
変更せずに修正してください。当該箇所を変更したファイルを画面に読み込むとエラーとなります。」（template-reference §1-4）。
例: SA_03_002_05V1_ver001.csv → 株式会社A_ver001.csv は可、SA_03_002_05V1_ver002.csv・SA_03_002_05V1.csv は不可。
直し方: 名前の末尾を「ver001.csv」に戻してください。
""", """
What it checks: the upload file's name keeps the tail the tool gave it, from 「ver」 on (ver001.csv).
Why: the menu says the part of the name from 「ver」 on must not be changed; a file renamed there is
rejected by the online system (template-reference §1-4).
Example: SA_03_002_05V1_ver001.csv → CompanyA_ver001.csv is fine; …_ver002.csv or …_05V1.csv is not.
Fix: restore the 「ver001.csv」 ending.
"""),
    source=official_tool(*TOOL_FORMAT))

