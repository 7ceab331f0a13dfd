"""ZL0xx: the file and the template as a whole, where the reading is the check (reader, template identity).

The rules on the sheet layout (ZL004-ZL007, ZL009, ZL010) are one-file units: zl0NN_*.py on schemas.sheet_layout.
"""
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
