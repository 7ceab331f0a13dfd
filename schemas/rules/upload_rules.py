"""ZL011-ZL019: the upload file (申請情報一括登録ファイル, the tab-separated UTF-16 ".csv") as a file.

The field values inside an upload file are checked by the same ZL1xx-ZL5xx rules as a workbook
(linter/upload.py maps every column back to its field); these rules cover what only a file has.
"""
from . import official_tool, rule

UPLOAD_NAME = rule(
    "ZL011", "upload-file-name", "error",
    on="upload-line", by="linter.upload", params=('name', 'expected', 'example'),
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
    source=official_tool('公式ツールが出力するアップロードファイルの形式（mdMain.writeFile: UTF-16LE＋BOM、タブ区切り、CRLF、ヘッダ1行＋申請人300行まで、ファイル名の「ver」以降）。',
                        'the upload file format the official tool writes (mdMain.writeFile: UTF-16LE with BOM, tabs, CRLF, one header + up to 300 applicants, the name from 「ver」 on).'))

UPLOAD_ENCODING = rule(
    "ZL012", "upload-encoding", "error",
    on="upload-line", by="linter.upload", params=('found', 'hint'),
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
    source=official_tool('公式ツールが出力するアップロードファイルの形式（mdMain.writeFile: UTF-16LE＋BOM、タブ区切り、CRLF、ヘッダ1行＋申請人300行まで、ファイル名の「ver」以降）。',
                        'the upload file format the official tool writes (mdMain.writeFile: UTF-16LE with BOM, tabs, CRLF, one header + up to 300 applicants, the name from 「ver」 on).'))

UPLOAD_SEPARATOR = rule(
    "ZL013", "upload-separator", "error",
    on="upload-line", by="linter.upload", params=('found', 'hint'),
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
    source=official_tool('公式ツールが出力するアップロードファイルの形式（mdMain.writeFile: UTF-16LE＋BOM、タブ区切り、CRLF、ヘッダ1行＋申請人300行まで、ファイル名の「ver」以降）。',
                        'the upload file format the official tool writes (mdMain.writeFile: UTF-16LE with BOM, tabs, CRLF, one header + up to 300 applicants, the name from 「ver」 on).'))

UPLOAD_LINE_BREAKS = rule(
    "ZL014", "upload-line-breaks", "error",
    on="upload-line", by="linter.upload", params=('line', 'found'),
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
    source=official_tool('公式ツールが出力するアップロードファイルの形式（mdMain.writeFile: UTF-16LE＋BOM、タブ区切り、CRLF、ヘッダ1行＋申請人300行まで、ファイル名の「ver」以降）。',
                        'the upload file format the official tool writes (mdMain.writeFile: UTF-16LE with BOM, tabs, CRLF, one header + up to 300 applicants, the name from 「ver」 on).'))

UPLOAD_BLANK_LINE = rule(
    "ZL015", "upload-blank-line", "error",
    on="upload-line", by="linter.upload", params=('line',),
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
    source=official_tool('公式ツールが出力するアップロードファイルの形式（mdMain.writeFile: UTF-16LE＋BOM、タブ区切り、CRLF、ヘッダ1行＋申請人300行まで、ファイル名の「ver」以降）。',
                        'the upload file format the official tool writes (mdMain.writeFile: UTF-16LE with BOM, tabs, CRLF, one header + up to 300 applicants, the name from 「ver」 on).'))

UPLOAD_TOO_MANY = rule(
    "ZL016", "upload-over-300-lines", "error",
    on="upload-line", by="linter.upload", params=('count',),
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
    source=official_tool('公式ツールが出力するアップロードファイルの形式（mdMain.writeFile: UTF-16LE＋BOM、タブ区切り、CRLF、ヘッダ1行＋申請人300行まで、ファイル名の「ver」以降）。',
                        'the upload file format the official tool writes (mdMain.writeFile: UTF-16LE with BOM, tabs, CRLF, one header + up to 300 applicants, the name from 「ver」 on).'))

UPLOAD_HEADER = rule(
    "ZL017", "upload-header-mismatch", "error",
    on="upload-line", by="linter.upload", params=('column', 'found', 'template', 'expected'),
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
    source=official_tool('公式ツールが出力するアップロードファイルの形式（mdMain.writeFile: UTF-16LE＋BOM、タブ区切り、CRLF、ヘッダ1行＋申請人300行まで、ファイル名の「ver」以降）。',
                        'the upload file format the official tool writes (mdMain.writeFile: UTF-16LE with BOM, tabs, CRLF, one header + up to 300 applicants, the name from 「ver」 on).'))

UPLOAD_LINE_SHAPE = rule(
    "ZL018", "upload-line-shape", "error",
    on="upload-line", by="linter.upload", params=('line', 'problem'),
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
    source=official_tool('公式ツールが出力するアップロードファイルの形式（mdMain.writeFile: UTF-16LE＋BOM、タブ区切り、CRLF、ヘッダ1行＋申請人300行まで、ファイル名の「ver」以降）。',
                        'the upload file format the official tool writes (mdMain.writeFile: UTF-16LE with BOM, tabs, CRLF, one header + up to 300 applicants, the name from 「ver」 on).'))

UPLOAD_UNKNOWN = rule(
    "ZL019", "upload-not-recognised", "error",
    on="upload-line", by="linter.upload", params=('reason',),
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
    source=official_tool('公式ツールが出力するアップロードファイルの形式（mdMain.writeFile: UTF-16LE＋BOM、タブ区切り、CRLF、ヘッダ1行＋申請人300行まで、ファイル名の「ver」以降）。',
                        'the upload file format the official tool writes (mdMain.writeFile: UTF-16LE with BOM, tabs, CRLF, one header + up to 300 applicants, the name from 「ver」 on).'))
