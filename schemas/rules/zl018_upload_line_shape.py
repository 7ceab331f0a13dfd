"""ZL018 upload-line-shape: one rule as one unit — its documentation, message, source and check.

The check reads the decoded upload file (schemas.upload_file): every applicant line has as many fields as the
header, column 1 numbers the applicants 1, 2, … and columns 2-3 hold the screen code of the status the file
was matched to. One finding per line, naming all its problems; nothing when the file matched no template.
"""
from __future__ import annotations

from schemas.upload_file import TOOL_FORMAT, UploadFile, UploadViolation

from . import Text, official_tool, rule


def check(f: UploadFile) -> list[UploadViolation]:
    if f.layout is None:
        return []
    screen = f.layout.status.screen_code
    prefix = screen[:3]
    width = len(f.header)
    out = []
    for n, ln in enumerate(f.applicants, start=1):
        cells = ln.fields
        problems = []
        if len(cells) != width:
            problems.append(Text(f"列数が{len(cells)}です（ヘッダは{width}列）",
                                 f"{len(cells)} columns, the header has {width}"))
        if (cells[0] if cells else "") != str(n):
            problems.append(Text(f"1列目（行番号）が「{cells[0] if cells else ''}」です（{n}のはず）",
                                 f"column 1 (row number) is 「{cells[0] if cells else ''}」, expected {n}"))
        got = (cells[1] if len(cells) > 1 else "", cells[2] if len(cells) > 2 else "")
        if got != (prefix, screen):
            problems.append(Text(f"2・3列目が「{got[0]}」「{got[1]}」です（{prefix}・{screen}のはず）",
                                 f"columns 2-3 are 「{got[0]}」 「{got[1]}」, expected {prefix}, {screen}"))
        if problems:
            problem = Text("。".join(p.ja for p in problems), "; ".join(p.en for p in problems))
            out.append(UploadViolation({"problem": problem}, line=ln.number))
    return out


UPLOAD_LINE_SHAPE = rule(
    "ZL018", "upload-line-shape", "error",
    on="upload-line", by=__name__, check=check, params=('line', 'problem'),
    summary=("アップロードファイルの行の形が正しくありません", "An upload line has the wrong shape"),
    message=("{line}行目: {problem}", "Line {line}: {problem}"),
    explain=("""
何を調べるか: 各行の列数がヘッダと同じか、1列目が申請人の通し番号（1, 2, …）か、2・3列目が
画面コード（例 05V, 05V1）か。
なぜ問題か: ツールの出力は全行が同じ列数で、1〜3列目は行番号と画面コードです。ずれた行は
項目が別の列として読まれます。
直し方: ツールで出力し直してください。
""", """
What it checks: every line has as many columns as the header, column 1 numbers the applicants 1, 2, …,
and columns 2-3 hold the screen code (e.g. 05V, 05V1).
Why: the tool writes every line with the same number of columns, starting with the row number and the
screen code; a shifted line is read as other fields.
Fix: export again with the tool.
"""),
    source=official_tool(*TOOL_FORMAT))

