"""ZL020-ZL03x: bad, big and hostile input files (linter.safety, linter.reader).

ZL020-ZL025 make a file unreadable (exit code 2, like ZL001); their messages take the reader's
{reason} and {hint}. ZL026-ZL032 come from the light look at an input sheet's XML.
"""
from . import official_tool, linter, rule

WRONG_FORMAT = rule(
    "ZL020", "wrong-file-format", "error",
    on="file", by="linter.safety", params=('reason', 'hint'),
    summary=("Excelブック(.xlsm/.xlsx)ではありません", "Not an Excel workbook (.xlsm/.xlsx)"),
    message=("ファイルの形式が違います（{reason}）。{hint}", "Wrong file format ({reason}). {hint}"),
    explain=("""
何を調べるか: ファイルが .xlsm/.xlsx（Office Open XML）のブックかどうか。旧形式(.xls)、バイナリ形式(.xlsb)、
OpenDocument(.ods)、CSV・テキスト、HTML などを見分けます。
なぜ問題か: 一括登録用Excelツールは .xlsm のブックです。ほかの形式に保存すると入力規則・マクロ・非表示シートが失われます。
直し方: Excelで開き、「Excelマクロ有効ブック(.xlsm)」として保存してください。CSVはツールが作るアップロード用ファイルで、検査するのはその元のブックです。
""", """
What it checks: the file is an .xlsm/.xlsx (Office Open XML) workbook; it recognises legacy .xls, .xlsb,
.ods, CSV/text and HTML files.
Why: the official bulk tool is an .xlsm workbook; other formats lose its validation, macros and hidden sheets.
Fix: open it in Excel and save it as an Excel Macro-Enabled Workbook (.xlsm). The upload CSV is produced
by the tool: check the workbook it was made from.
"""),
    source=official_tool('一括登録用Excelツールはマクロ付きの .xlsm です。ほかの形式ではVBAが動かず出力できません。',
                        'the bulk tool is a macro workbook (.xlsm); in other formats its VBA cannot run and nothing is exported.'))

ENCRYPTED = rule(
    "ZL021", "encrypted-workbook", "error",
    on="file", by="linter.safety", params=('reason', 'hint'),
    summary=("パスワードで暗号化されています", "The workbook is password-encrypted"),
    message=("ブックを読み込めません（{reason}）。{hint}", "The workbook cannot be read ({reason}). {hint}"),
    explain=("""
何を調べるか: ブックが「パスワードを使用して暗号化」されていないか（OLE複合ファイルの EncryptionInfo / EncryptedPackage）。
なぜ問題か: 暗号化されたブックはパスワードなしでは中身を読めず、検査もアップロードファイルの作成もできません。
直し方: Excelで開き、ファイル→情報→ブックの保護→パスワードを使用して暗号化 でパスワードを消し、.xlsm として保存してください。
""", """
What it checks: the workbook is not "Encrypt with Password"-protected (an OLE compound file holding
EncryptionInfo / EncryptedPackage streams).
Why: an encrypted workbook cannot be read without the password.
Fix: in Excel, File > Info > Protect Workbook > Encrypt with Password: clear the password, save as .xlsm.
"""),
    source=linter('暗号化されたブックは zairyu-lint が読めないため、検査されていません。', 'zairyu-lint cannot read an encrypted workbook, so it was not checked.'))

EMPTY_FILE = rule(
    "ZL022", "empty-file", "error",
    on="file", by="linter.safety", params=('reason', 'hint'),
    summary=("空のファイルです", "The file is empty"),
    message=("ファイルを読み込めません（{reason}）。{hint}", "The file cannot be read ({reason}). {hint}"),
    explain=("""
何を調べるか: ファイルが0バイトでないか。
なぜ問題か: 保存やコピー、ダウンロードが途中で失敗したファイルです。
直し方: 元のブックをExcelで開いて保存し直すか、送り直してもらってください。
""", """
What it checks: the file is not 0 bytes long.
Why: saving, copying or downloading it failed.
Fix: save the original workbook again from Excel, or ask for it again.
"""),
    source=official_tool('空のファイルはブックではなく、ツールも開けません。',
                        'an empty file is not a workbook; the tool cannot open it either.'))

DAMAGED = rule(
    "ZL023", "damaged-workbook", "error",
    on="file", by="linter.safety", params=('reason', 'hint'),
    summary=("ブックが壊れています", "The workbook is damaged"),
    message=("ブックを読み込めません（{reason}）。{hint}", "The workbook cannot be read ({reason}). {hint}"),
    explain=("""
何を調べるか: ブックのzipパッケージ（.xlsm/.xlsx の中身）が壊れていないか: 途中で切れたファイル、壊れた圧縮データ、欠けた部品。
なぜ問題か: 壊れたブックは読めず、Excelでも開けないか修復が必要です。
直し方: 元のブックをExcelで開いて保存し直すか、送り直してもらってください。
""", """
What it checks: the workbook's zip package is intact: not cut short, no corrupt compressed data, no missing parts.
Why: a damaged workbook cannot be read (Excel may need to repair it).
Fix: save the original workbook again from Excel, or ask for it again.
"""),
    source=official_tool('壊れたブックは Excel（とツール）が修復しないと開けません。',
                        'a damaged workbook cannot be opened by Excel (and the tool) without repair.'))

NOT_A_FILE = rule(
    "ZL024", "not-a-file", "error",
    on="file", by="linter.safety", params=('reason', 'hint'),
    summary=("ファイルとして開けません", "Not a readable file"),
    message=("ファイルを開けません（{reason}）。{hint}", "The file cannot be opened ({reason}). {hint}"),
    explain=("""
何を調べるか: 指定したパスが読み取れる通常のファイルかどうか: フォルダ、リンク切れ・循環したシンボリックリンク、権限のないファイルを見分けます。
直し方: 実際のブックのファイルを指定してください（フォルダを指定すると、中のブックをすべて検査します）。
""", """
What it checks: the path is a readable regular file, not a folder, a broken or looping symbolic link or a file
without read permission.
Fix: give the real workbook file (pass a folder to check every workbook in it).
"""),
    source=official_tool('ファイルでないものは開けません。',
                        'what is not a file cannot be opened.'))

HOSTILE = rule(
    "ZL025", "unsafe-package", "error",
    on="file", by="linter.safety", params=('reason', 'hint'),
    summary=("安全でないブックのため読み込みを中止しました", "Reading stopped: unsafe package"),
    message=("ブックを読み込めません（{reason}）。{hint}", "The workbook cannot be read ({reason}). {hint}"),
    explain=("""
何を調べるか: 展開すると巨大になるzip（zip爆弾）、異常な圧縮率、XMLのDOCTYPE/ENTITY宣言（実体展開・外部実体）、
異常な共有文字列数、「..」や絶対パスを含む要素名。Excelが保存したブックにはどれも現れません。
なぜ問題か: 読み込むとメモリや時間を使い果たしたり、別のファイルを読ませたりする細工です。zairyu-lint は中身を展開せずに読むのを止めます。
直し方: 出所を確認してください。Excelで開ける正しいブックなら、新しいブックとして保存し直してください。
""", """
What it checks: zip bombs (parts that inflate to huge sizes or with absurd ratios), XML DOCTYPE/ENTITY
declarations (entity expansion, external entities), absurd shared-string counts, part names with '..' or
absolute paths. None of them occurs in a workbook saved by Excel.
Why: they are crafted to exhaust memory or time, or to read other files; zairyu-lint stops before inflating.
Fix: check where the file came from; if Excel opens it correctly, save it again as a new workbook.
"""),
    source=linter('危険な構造のブックは zairyu-lint が展開せずに止めるため、検査されていません。', 'zairyu-lint stops before inflating a hostile package, so the workbook was not checked.'))

FORMULA = rule(
    "ZL026", "formula-in-input-cell", "info",
    on="file", by="linter.safety", params=('cell',),
    summary=("入力セルに数式があります", "A formula in an input cell"),
    message=("{cell}は数式です。保存時に計算された値で検査しました。アップロード前に値として貼り付けてください。",
             "{cell} holds a formula; its value cached at the last save was checked. Paste it as a value before the upload."),
    explain=("""
何を調べるか: 入力シートの申請人の行（8〜307行目、B列以降）に数式がないか。
なぜ問題か: ツールはセルの表示値を出力します。参照先が変わると値も変わり、ブックを再計算しないまま保存すると古い値が残ります。
直し方: 数式のセルをコピーし、「値として貼り付け」てください。
""", """
What it checks: formulas in the applicant rows (8-307, columns B on) of the input sheets.
Why: the tool exports the cell's value; it changes with what the formula refers to, and may be stale.
Fix: copy the cells and paste them as values.
"""),
    source=official_tool('ツールはセルの値を出力します。数式の値は参照先で変わります。',
                        "the tool exports the cell's value, which changes with what the formula refers to."))

FORMULA_NO_VALUE = rule(
    "ZL027", "formula-without-value", "warning",
    on="file", by="linter.safety", params=('cell',),
    summary=("数式の計算結果が保存されていません", "A formula without a saved value"),
    message=("{cell}は数式ですが、計算結果が保存されていないため空として検査しました。Excelで開いて再計算・保存してください。",
             "{cell} holds a formula with no saved result, so it was checked as blank. Open the workbook in Excel, let it recalculate and save it."),
    explain=("""
何を調べるか: 入力セルの数式に、保存時の計算結果（キャッシュ値）があるか。
なぜ問題か: Excel以外のツールで作られたブックでは計算結果がなく、zairyu-lint には値が分かりません。
直し方: Excelで開いて再計算し、値として貼り付けて保存してください。
""", """
What it checks: formulas in input cells carry the result cached at the last save.
Why: workbooks written by other tools may have none; zairyu-lint cannot compute formulas.
Fix: open it in Excel, recalculate, paste the cells as values and save.
"""),
    source=official_tool('ツールはセルの保存された値を出力します。値のない数式は空として出力されます。',
                        "the tool exports the cell's stored value; a formula without one is exported blank."))

MERGED = rule(
    "ZL028", "merged-cells-in-data-area", "warning",
    on="file", by="linter.safety", params=('sheet', 'ref'),
    summary=("入力範囲にセルの結合があります", "Merged cells in the data area"),
    message=("{sheet}のセル範囲 {ref} が結合されています。結合を解除し、1セルに1項目を入力してください。",
             "Cells {ref} on {sheet} are merged. Unmerge them and keep one value per cell."),
    explain=("""
何を調べるか: 申請人の行（8〜307行目）に結合セルがないか。
なぜ問題か: 結合セルの値は左上のセルにしかなく、ほかのセルは空として出力されます。
直し方: 「セルを結合して中央揃え」を解除し、各セルに値を入れてください。
""", """
What it checks: no merged cells in the applicant rows (8-307).
Why: a merged range holds its value only in the top-left cell; the others are exported blank.
Fix: unmerge the cells and fill each one.
"""),
    source=official_tool('結合セルの値は左上のセルだけにあり、ほかのセルは空として出力されます。',
                        'a merged range holds its value only in its top-left cell; the others are exported blank.'))

HIDDEN = rule(
    "ZL029", "hidden-rows-or-columns", "warning",
    on="file", by="linter.safety", params=('sheet', 'what'),
    summary=("入力範囲に非表示の行・列があります", "Hidden rows or columns in the data area"),
    message=("{sheet}の{what}が非表示です。非表示の入力も申請データになります。再表示して内容を確認してください。",
             "{what} on {sheet} is hidden. Hidden data is still part of the application: unhide it and check it."),
    explain=("""
何を調べるか: 入力シートの申請人の行（8〜307行目）や入力列が非表示になっていないか。
なぜ問題か: 非表示の行・列の値もツールに読まれ、アップロードされますが、画面では確認できません。
直し方: 行・列を再表示して内容を確認してください。
""", """
What it checks: no applicant row (8-307) or input column of an input sheet is hidden.
Why: hidden cells are still read and uploaded by the tool, but nobody sees them on screen.
Fix: unhide the rows and columns and check their content.
"""),
    source=official_tool('ツールは非表示のセルも読み、出力します。',
                        'the tool reads and exports hidden cells too.'))

RICH_TEXT = rule(
    "ZL030", "rich-text-cell", "info",
    on="file", by="linter.safety", params=('cell',),
    summary=("書式付き文字列のセルがあります", "A rich-text cell"),
    message=("{cell}は一部に書式（太字・色など）が付いた文字列です。書式は失われ、文字だけが出力されます。",
             "{cell} holds rich text (partly bold, coloured...); only the characters are exported, not the formatting."),
    explain=("""
何を調べるか: 入力セルの文字列に部分的な書式（リッチテキスト）がないか。
なぜ問題か: 書式は出力されません。貼り付け元の見えない文字（ふりがな等）が混じることもあります。
直し方: セルを「値として貼り付け」し直してください。
""", """
What it checks: input cells hold plain text rather than rich text (partly formatted runs).
Why: formatting is not exported, and pasted rich text may carry invisible extras.
Fix: paste the cells again as values.
"""),
    source=official_tool('ツールは書式を出力しません。',
                        'the tool exports no formatting.'))

ERROR_VALUE = rule(
    "ZL031", "error-value", "error",
    on="file", by="linter.safety", params=('cell', 'value'),
    summary=("エラー値のセルがあります", "A cell holds an error value"),
    message=("{cell}がエラー値「{value}」です。正しい値を入力してください。",
             "{cell} holds the error value 「{value}」. Enter the right value."),
    explain=("""
何を調べるか: 入力セルが #N/A、#VALUE!、#REF! などのエラー値になっていないか。
なぜ問題か: エラー値は申請データになりません（数式や貼り付けの失敗の跡です）。
直し方: 元の値を確かめて、値を入力し直してください。
""", """
What it checks: no input cell holds an error value (#N/A, #VALUE!, #REF!...).
Why: an error value is not application data; it is left over from a failed formula or paste.
Fix: find the right value and enter it.
"""),
    source=official_tool('エラー値（#N/A など）はツールがエラーの文字として出力し、申請データになりません。',
                        'the tool exports an error value (#N/A ...) as its error text, which is not application data.'))

READ_LIMIT = rule(
    "ZL032", "sheet-read-limit", "error",
    on="file", by="linter.reader", params=('sheet', 'what', 'rows', 'cols'),
    summary=("シートが大きすぎるため一部だけ読み込みました", "Sheet too large: read only in part"),
    message=("{sheet}は{what}あり、テンプレートの範囲を大きく超えています。先頭の{rows}行・{cols}列だけを読み込みました。不要な行・列を削除してください。",
             "{sheet} is far larger than the template ({what}); only its first {rows} rows and {cols} columns were read. Delete the unused rows and columns."),
    explain=("""
何を調べるか: 入力シートのXMLの大きさと範囲（最終行・最終列）が、テンプレート（307行目・数百列）を大きく超えていないか。
なぜ問題か: 巨大なシートは読み込みに時間とメモリを使います。zairyu-lint は決めた範囲までしか読みません。
直し方: 307行目より下と、テンプレートの列より右の不要な行・列を削除して保存してください。
""", """
What it checks: the size and extent (last row, last column) of an input sheet's XML stay near the
template's (row 307, a few hundred columns).
Why: huge sheets cost time and memory; zairyu-lint reads only up to a fixed bound.
Fix: delete the unused rows below row 307 and the columns right of the template, and save.
"""),
    source=linter('読み込みの上限を超えた部分は検査されていません。', 'the part beyond the read bound was not checked.'))

INTERNAL = rule(
    "ZL033", "internal-error", "error",
    on="file", by="linter.engine", params=('reason', 'hint'),
    summary=("検査中に内部エラーが起きました", "Internal error while checking"),
    message=("このファイルの検査中に内部エラーが起きました（{reason}）。{hint}",
             "An internal error stopped the check of this file ({reason}). {hint}"),
    explain=("""
何を調べるか: 想定外の内容で zairyu-lint 自身が失敗した場合に、ほかのファイルの検査を続けるための結果です。
直し方: ファイルを添えて zairyu-lint の開発者に報告してください。Excelで開いて保存し直すと直ることがあります。
""", """
What it checks: zairyu-lint itself failed on unexpected content; the other files of the run are still checked.
Fix: report it to the zairyu-lint developers with the file; saving it again from Excel may help.
"""),
    source=linter('zairyu-lint 自身が失敗したため、このファイルは検査されていません。検査済みとして扱いません。', 'zairyu-lint itself failed, so this file was not checked; it is never treated as passed.'))
