"""ZL012 upload-encoding: one rule as one unit — its documentation, message, source and check.

The check reads the decoded upload file (schemas.upload_file): the encoding the reader found the bytes in
(linter.upload.decode reads any of them with its best guess, so this never stops the reading) is the tool's.
"""
from __future__ import annotations

from schemas.upload_file import TOOL_ENCODING, TOOL_FORMAT, UploadFile, UploadViolation

from . import Text, official_tool, rule

FOUND = {   # how the message names each other encoding (schemas.upload_file.ENCODINGS)
    "utf-16-le-bom-broken": Text("UTF-16（壊れた文字を含む）", "UTF-16 with undecodable bytes"),
    "utf-16-be-bom": Text("UTF-16BE", "UTF-16BE"),
    "utf-8-bom": Text("UTF-8（BOM付き）", "UTF-8 with BOM"),
    "utf-16-le": Text("BOMのないUTF-16", "UTF-16 without a BOM"),
    "utf-8": Text("UTF-8", "UTF-8"),
    "cp932": Text("Shift_JIS（CP932）", "Shift_JIS (CP932)"),
    "unknown": Text("不明な文字コード", "an unknown encoding"),
}
HINT = Text("ツールで出力し直し、Excelやエディタで保存し直さないでください。",
            "Export it again with the tool and do not re-save it in Excel or an editor.")


def check(f: UploadFile) -> list[UploadViolation]:
    if f.encoding == TOOL_ENCODING:
        return []
    return [UploadViolation({"found": FOUND[f.encoding], "hint": HINT})]


UPLOAD_ENCODING = rule(
    "ZL012", "upload-encoding", "error",
    on="upload-line", by=__name__, check=check, params=('found', 'hint'),
    summary=("アップロードファイルの文字コードがUTF-16(BOM付き)ではありません", "The upload file is not UTF-16 with a BOM"),
    message=("文字コードが{found}です。ツールが出力したとおりのUTF-16（BOM付き）でなければなりません。{hint}",
             "The file is encoded as {found}; it must be UTF-16 with a BOM, as the tool writes it. {hint}"),
    explain=("""
何を調べるか: ファイルが UTF-16LE（先頭にBOM FF FE）で書かれているか。
なぜ問題か: 公式ツールは ADODB.Stream の charset "unicode"（UTF-16LE・BOM付き）で出力します（mdMain.writeFile）。
Excelやテキストエディタで開いて保存し直すと UTF-8 や Shift_JIS に変わることがあり、オンラインシステムが
読めるかどうかは保証されません。
直し方: ツールの「申請情報一括登録ファイル出力」で出力し直し、そのファイルを編集せずにアップロードしてください。
""", """
What it checks: the file is UTF-16LE with a byte-order mark (FF FE).
Why: the official tool writes it with ADODB.Stream charset "unicode" (UTF-16LE with BOM, mdMain.writeFile).
Re-saving it from Excel or an editor can turn it into UTF-8 or Shift_JIS, which the online system is not
known to accept.
Fix: export it again with the tool's button and upload that file unchanged.
"""),
    source=official_tool(*TOOL_FORMAT))

