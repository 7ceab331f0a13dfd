"""ZL0xx: the file and the template as a whole."""
from . import official_tool, cited, rule

UNREADABLE = rule(
    "ZL001", "unreadable-file", "error",
    on="file", by="linter.reader", params=('reason', 'hint'),
    summary=("ファイルを読み込めません", "The file cannot be read"),
    message=("ファイルを読み込めません（{reason}）。{hint}", "The file cannot be read ({reason}). {hint}"),
    explain=("""
何を調べるか: ファイルがExcelブック（.xlsx/.xlsm）として開けるかどうか。
なぜ問題か: 開けないファイルは一括登録用Excelツールでもアップロードファイルを作れません。
例: 壊れたzip、空のファイル、パスワード付きブック、.xls/.ods 形式。
直し方: Excelで開き直し、「Excelマクロ有効ブック(.xlsm)」としてパスワードなしで保存してください。
""", """
What it checks: the file can be opened as an Excel workbook (.xlsx/.xlsm).
Why: a file that cannot be opened cannot produce an upload file either.
Example: a broken zip, an empty file, a password-protected workbook, an .xls/.ods file.
Fix: open it in Excel and save it as an "Excel Macro-Enabled Workbook (.xlsm)" without a password.
"""),
    source=official_tool('Excel でも公式ツールでも開けないファイルからはアップロードファイルを出力できません。',
                        'a file neither Excel nor the official tool can open cannot produce an upload file.'))

NOT_A_TEMPLATE = rule(
    "ZL002", "not-a-template", "error",
    on="file", by="linter.identify", params=('expected',),
    summary=("一括申請用テンプレートではありません", "Not a bulk-application template"),
    message=("一括申請用テンプレートの入力シート（{expected}）が見つかりません。",
             "No input sheet of the bulk-application template ({expected}) was found."),
    explain=("""
何を調べるか: ブックに「申請情報入力(在留資格変更許可申請)」「申請情報入力(在留期間更新許可申請)」
「申請情報入力(在留資格認定証明書交付申請)」のいずれかの共通シートがあるか。
なぜ問題か: 入管庁の一括登録用Excelツール（またはその入力シートのコピー）以外は申請データになりません。
直し方: 入管庁の一括登録用Excelツールに入力してください。シート名は変更しないでください。
""", """
What it checks: the workbook has one of the common input sheets of the official bulk tool
(申請情報入力(在留資格変更許可申請) / (在留期間更新許可申請) / (在留資格認定証明書交付申請)).
Why: only the official template (or a copy of its input sheets) becomes an application.
Fix: enter the data in the official ISA workbook and keep its sheet names.
"""),
    source=official_tool('アップロードファイルを出力するのは公式テンプレートのVBA（mdMain）だけです。',
                        "only the official template's VBA (mdMain) writes the upload file."))

UNKNOWN_VERSION = rule(
    "ZL003", "unknown-template-version", "warning",
    on="file", by="linter.identify", params=('version', 'how'),
    summary=("テンプレートの版が不明です", "Unknown template version"),
    message=("テンプレートの版（{version}）の定義がありません。{how}",
             "No definitions ship for template version {version}. {how}"),
    explain=("""
何を調べるか: メニューシートの版表示「…（YYYY/MM/DD版）」が、zairyu-lint の持つ定義（スナップショット）にあるか。
なぜ問題か: 版ごとにコード表・項目が変わります（template-reference §12）。定義がない版は、ブック自身の
非表示シート（列項目TBL・マスタ）から定義を読んで検査します。非表示シートがない場合は最も近い版で検査します。
直し方: 入管庁のサイトで最新のテンプレートを確認し、`zairyu-lint schema import 公式ブック.xlsm` で定義を追加してください。
""", """
What it checks: the version banner 「…（YYYY/MM/DD版）」 on sheet メニュー has a shipped snapshot.
Why: code lists and fields change between versions (template-reference §12). An unknown version is
checked with the definitions read from the workbook's own hidden sheets (列項目TBL, マスタ); without
them, with the nearest shipped version.
Fix: get the current template from the ISA site; add its definitions with `zairyu-lint schema import`.
"""),
    source=cited('出入国在留管理庁「一括登録用Excelツール」は版ごとに項目・コード表が変わります（メニュー B1 の版表示; template-reference §12）。',
                 'ISA\'s bulk Excel tool changes fields and code lists between versions (version banner in メニュー B1; template-reference §12).'))

COLUMNS_MOVED = rule(
    "ZL004", "columns-moved", "error",
    on="file", by="linter.engine", params=('col', 'found', 'expected', 'what'),
    summary=("行・列が挿入・移動されています", "Rows or columns were inserted or moved"),
    message=("{col}列の項目名が「{found}」です。テンプレートでは「{expected}」です（{what}）。",
             "Column {col} is labelled 「{found}」 but the template has 「{expected}」 ({what})."),
    explain=("""
何を調べるか: 入力シートの5行目（論理項目名）が、テンプレートの定義と同じ列にあるか。
なぜ問題か: 利用手順に「行の追加，列の追加は行わないでください。」とあります。列がずれると、
ツールは別の項目として読み、アップロードファイルの内容が入れ替わります。
直し方: 挿入した列を削除し、元の位置に戻してください。
""", """
What it checks: the row-5 labels (論理項目名) of each input sheet sit in the columns of the template.
Why: the usage notes say 「行の追加，列の追加は行わないでください。」; shifted columns are read as other
fields and the upload file mixes up the data.
Fix: delete the inserted columns and restore the original layout.
"""),
    source=official_tool('メニューの注意書き「行の追加，列の追加は行わないでください。」; ツールは列の位置で項目を読みます。',
                        "the menu's note 「行の追加，列の追加は行わないでください。」; the tool reads fields by column position."))

TOO_MANY = rule(
    "ZL005", "over-300-applicants", "error",
    on="file", by="linter.engine", params=('row', 'count'),
    summary=("申請人が300人を超えています", "More than 300 applicants"),
    message=("{row}行目に申請人のデータがあります。1ファイル300人（8〜307行目）までです（{count}人）。",
             "Row {row} holds applicant data; one file takes at most 300 applicants (rows 8-307); found {count}."),
    explain=("""
何を調べるか: 申請人の行が8〜307行目（300人）に収まっているか。
なぜ問題か: ツールの入力範囲は B8:…307（VBA定数 IPTSHT_INPUT_MXROW = 300）で、308行目以降は読まれません。
直し方: `zairyu-lint split` で300人ずつのブックに分けてください。
""", """
What it checks: applicant rows stay within rows 8-307 (300 people).
Why: the tool's input range is B8:…307 (VBA constant IPTSHT_INPUT_MXROW = 300); later rows are ignored.
Fix: split the workbook into files of at most 300 applicants (`zairyu-lint split`).
"""),
    source=official_tool('VBA 定数 IPTSHT_INPUT_MXROW = 300（入力範囲 8〜307行目）。',
                        'VBA constant IPTSHT_INPUT_MXROW = 300 (input rows 8–307).'))

BLANK_ROW_GAP = rule(
    "ZL006", "blank-row-gap", "error",
    on="file", by="linter.engine", params=('blank', 'row', 'count'),
    summary=("空白行の後の申請人は出力されません", "Applicants after a blank row are dropped"),
    message=("{blank}行目が空白のため、{row}行目以降の申請人（{count}人）はツールに無視されます。",
             "Row {blank} is blank, so the official tool ignores the {count} applicant(s) from row {row} on."),
    explain=("""
何を調べるか: 共通シートで空白行の後に入力済みの行がないか。
なぜ問題か: 公式ツールは共通シートA列が空になった行で処理を終えます（mdMain: Do While A<row> <> ""）。
その後の申請人はチェックもアップロードファイルへの出力もされず、何も表示されません。
直し方: 空白行を削除して申請人を詰めてください（行の削除ではなく、内容を上に移動）。
""", """
What it checks: no filled row follows a blank row on the common sheet.
Why: the official tool stops at the first row whose column A is blank (mdMain: Do While A<row> <> "");
the applicants after it are neither checked nor exported, silently.
Fix: move the later applicants up so that there is no blank row between them.
"""),
    source=official_tool('mdMain の Do While（A列が空の最初の行で読み込みを止めます）。',
                        "mdMain's Do While loop stops at the first row whose column A is blank."))

ORPHAN_ROW = rule(
    "ZL007", "row-without-common-data", "error",
    on="file", by="linter.engine", params=('row', 'sheet', 'common'),
    summary=("共通シートが空の行に入力があります", "Data in a row whose common-sheet row is blank"),
    message=("{row}行目は{sheet}に入力がありますが、共通シート（{common}）の同じ行が空です。",
             "Row {row} has data on {sheet} but the same row of the common sheet ({common}) is blank."),
    explain=("""
何を調べるか: 区分シート・同時申請シートに入力された行が、共通シートの同じ行にも入力されているか。
なぜ問題か: 同じ行番号が同じ申請人です（テンプレート §2）。共通シートが空の行は処理されません。
直し方: 共通シートの同じ行に申請人の身分事項を入力するか、その行を削除してください。
""", """
What it checks: every row with data on a 区分 or 同時申請 sheet also has data on the common sheet.
Why: the same row number is the same person on every sheet (template §2); rows blank on the common
sheet are not processed.
Fix: fill the common sheet's row for that person, or clear the stray row.
"""),
    source=official_tool('同じ行番号が全シートで同じ申請人です（mdMain は共通シートの行から読みます）。',
                        "a row number is one applicant on every sheet; mdMain reads from the common sheet's rows."))

STATUS_ASSUMED = rule(
    "ZL008", "status-assumed", "info",
    on="file", by="linter.identify", params=('status',),
    summary=("在留資格をシートから推定しました", "The status was inferred from the sheets"),
    message=("メニューで在留資格が選ばれていないため、「{status}」として検査しました。",
             "No status is chosen on the menu; checked as 「{status}」."),
    explain=("""
何を調べるか: メニューシートの「在留資格」が選択されているか。選ばれていない（または入力シートだけのブック）場合は、
入力のある区分シートから在留資格を推定して検査します。
直し方: 公式ブックではメニューで在留資格を選び「選択」を押してください。
""", """
What it checks: the 在留資格 on the menu sheet. When none is chosen (or the workbook holds only the
input sheets), the status is inferred from the 区分 sheet that holds data.
Fix: in the official workbook choose the status on the menu and press 選択.
"""),
    source=official_tool('ツールはメニューで選んだ在留資格の区分シートだけを出力します。',
                        'the tool exports only the 区分 sheet of the status chosen on the menu.'))

WRONG_SHEET = rule(
    "ZL009", "data-on-unselected-sheet", "warning",
    on="file", by="linter.engine", params=('sheet', 'status'),
    summary=("選択されていない区分シートに入力があります", "Data on a 区分 sheet of another status"),
    message=("{sheet}に入力がありますが、選択中の在留資格（{status}）では使われません。",
             "{sheet} holds data, but the selected status ({status}) does not use it."),
    explain=("""
何を調べるか: 選択中の在留資格の区分シート以外（表示されているシート）に入力がないか。
なぜ問題か: ツールは選択中の区分シートしか出力しません。別の区分シートの入力は申請に含まれません。
直し方: 在留資格の選択を確認し、正しい区分シートに入力してください。
""", """
What it checks: no data sits on (visible) 区分 sheets other than the selected status's sheet.
Why: the tool exports only the selected sheet; data elsewhere is not part of the application.
Fix: check the chosen status and enter the data on its 区分 sheet.
"""),
    source=official_tool('ツールはメニューで選んだ在留資格の区分シートだけを出力します。',
                        'the tool exports only the 区分 sheet of the status chosen on the menu.'))

TOO_LARGE = rule(
    "ZL010", "sheet-too-large", "error",
    on="file", by="linter.engine", params=('sheet', 'rows', 'limit'),
    summary=("シートが大きすぎます", "Sheet far larger than the template"),
    message=("{sheet}は{rows}行以上あります。{limit}行目以降は読み込みませんでした。",
             "{sheet} has {rows} or more rows; rows after {limit} were not read."),
    explain=("""
何を調べるか: 入力シートがテンプレートの範囲（307行目）を大きく超えていないか。
なぜ問題か: 300人を超えるデータは受け付けられず、巨大なシートは読み込みに時間とメモリを使います。
直し方: 不要な行を削除し、300人ずつのファイルに分けてください。
""", """
What it checks: the input sheets do not extend far past the template's range (row 307).
Why: more than 300 applicants are not accepted, and huge sheets cost time and memory.
Fix: delete the unused rows and split the data into files of at most 300 applicants.
"""),
    source=official_tool('VBA 定数 IPTSHT_INPUT_MXROW = 300。',
                        'VBA constant IPTSHT_INPUT_MXROW = 300.'))
