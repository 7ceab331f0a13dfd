"""ZL1xx: per-field rules of the official column table (列項目TBL), as the official VBA (mdlChk) runs them.

Order of precedence for one cell, as in chkInputErrRow: list-parent missing (ZL107) stops the
others; then character class, length / exact length, required, code list. Messages reproduce the
official ones (so users recognise them from the 「エラー」 sheet) and add what is expected.
"""
from . import official_tool, cited, rule

_SRC_JA = "根拠: 公式ツールの列項目TBLとVBA（mdlChk）"
_SRC_EN = "Basis: the official tool's column table 列項目TBL and its VBA (module mdlChk)"

REQUIRED = rule(
    "ZL101", "required", "error",
    on="cell-table", by="schemas.template_schema", params=('label',),
    summary=("必須項目が未入力です", "A required field is empty"),
    message=("{label}は必須入力です。", "{label} is required."),
    explain=(f"""
何を調べるか: 列項目TBLで「必須」の項目が空でないか。条件付きの項目（チェック親列・チェック親値）は、
条件を満たす行だけが必須です（例: 在留カードの有無＝有 のとき在留カード番号、電話番号が空のとき携帯電話番号）。
なぜ問題か: 公式ツールが「{{0}}は必須入力です。」とし、アップロードファイルを出力しません。{_SRC_JA}。
直し方: 値を入力してください。
""", f"""
What it checks: fields marked required (必須) in 列項目TBL are filled. Conditional fields (check parent
column/value) are required only on rows meeting the condition (e.g. the card number when 在留カードの有無 =
有, the mobile number when the telephone number is blank).
Why: the official tool reports 「{{0}}は必須入力です。」 and exports nothing. {_SRC_EN}.
Fix: enter the value.
"""),
    source=official_tool())

CHAR_CLASS = rule(
    "ZL102", "character-class", "error",
    on="cell-table", by="schemas.template_schema", params=('label', 'classes', 'bad'),
    fix=('その列で使える文字の全角・半角に変換します（数字・英字・空白・記号。カナは推測しません）。郵便番号・法人番号はハイフンを削除、日付の「/」「-」「.」区切りは8桁にします。',
         'converts to the width the column allows (digits, Latin letters, spaces, symbols; never kana); removes hyphens from postal codes and 法人番号; writes YYYY/MM/DD-style dates as 8 digits.'),
    summary=("使えない文字が含まれています", "Characters of a class the field does not allow"),
    message=("{label}の入力形式が正しくありません（使える文字: {classes}; 使えない文字: 「{bad}」）。",
             "{label}: wrong characters (allowed: {classes}; not allowed: 「{bad}」)."),
    explain=(f"""
何を調べるか: 値が、列項目TBLの「チェック種別」（半角数字、全角のみ等）の文字だけでできているか。
範囲は公式VBA（removeChr）と同じです。漢字は U+4E00〜U+A000 のみ（互換漢字は不可）。
なぜ問題か: 公式ツールが「{{0}}の入力形式が正しくありません。」とします。{_SRC_JA}。
例: 全角のみの住所に半角数字「1-1-1」、半角数字の郵便番号に全角「１００」、全角欄の半角スペース。
直し方: 指定された文字種に直してください（全角欄は全角、半角欄は半角）。
""", f"""
What it checks: the value consists only of the character classes of 列項目TBL (half-width digits,
full-width only, ...), with the exact ranges of the official VBA (removeChr).
Why: the official tool reports 「{{0}}の入力形式が正しくありません。」. {_SRC_EN}.
Example: half-width "1-1-1" in a full-width-only address; full-width digits in a postal code.
Fix: use the required width/class.
"""),
    source=official_tool())

TOO_LONG = rule(
    "ZL103", "too-long", "error",
    on="cell-table", by="schemas.template_schema", params=('label', 'length', 'actual'),
    fix=('前後の空白を削除します。',
         'trims surrounding spaces.'),
    summary=("桁数が多すぎます", "Value longer than allowed"),
    message=("{label}は{length}桁以内で入力してください（{actual}桁）。",
             "{label} must be at most {length} characters ({actual} given)."),
    explain=(f"""
何を調べるか: 文字数が列項目TBLの「桁数」以内か（VBA Len と同じく UTF-16 の単位で数えます）。
なぜ問題か: 公式ツールが「{{0}}は{{1}}桁以内で入力してください。」とします。{_SRC_JA}。
直し方: 短くしてください。
""", f"""
What it checks: the length (counted as VBA Len does, in UTF-16 units) is within 列項目TBL's 桁数.
Why: the official tool reports 「{{0}}は{{1}}桁以内で入力してください。」. {_SRC_EN}.
Fix: shorten the value.
"""),
    source=official_tool())

WRONG_LENGTH = rule(
    "ZL104", "exact-length", "error",
    on="cell-table", by="schemas.template_schema", params=('label', 'length', 'actual'),
    fix=('ハイフンの削除、数値で消えた先頭の0の復元（固定桁数の列）で桁数が合う場合に直します。',
         'fixed when removing hyphens or restoring leading zeros lost to a number (fixed-length columns) gives the length.'),
    summary=("桁数が違います", "Value not of the exact length"),
    message=("{label}は{length}桁で入力してください（{actual}桁）。",
             "{label} must be exactly {length} characters ({actual} given)."),
    explain=(f"""
何を調べるか: 「桁数一致」の項目（生年月日8桁、郵便番号7桁、法人番号13桁など）がちょうどその桁数か。
なぜ問題か: 公式ツールが「{{0}}は{{1}}桁で入力してください。」とします。{_SRC_JA}。
例: 郵便番号「100-0013」（ハイフン付き）や「100001」（6桁）。
直し方: 決められた桁数で入力してください（郵便番号が不明なら 0000000）。
""", f"""
What it checks: fields with 桁数一致 (birth date 8, postal code 7, corporate number 13, ...) have exactly
that many characters.
Why: the official tool reports 「{{0}}は{{1}}桁で入力してください。」. {_SRC_EN}.
Example: a postal code "100-0013" (with hyphen) or "100001" (6 digits).
Fix: enter exactly that many characters (unknown postal code: 0000000).
"""),
    source=official_tool())

NOT_IN_LIST = rule(
    "ZL105", "not-in-code-list", "error",
    on="cell-table", by="schemas.template_schema", params=('label', 'value', 'list_id'),
    fix=('大文字小文字・全角半角・空白だけが違う項目が1つだけなら、その項目の表記にします。日本語部分だけの値（「男」）の補完は --unsafe-fixes のときだけです。',
         "when exactly one list label differs only in case, width or spacing, that label; completing a value that is only a label's Japanese part (「男」) is an unsafe fix (--unsafe-fixes)."),
    summary=("選択肢にない値です", "Value not in the code list"),
    message=("{label}に該当する情報がありません（「{value}」はリスト{list_id}にありません）。",
             "{label}: 「{value}」 is not in list {list_id}."),
    explain=(f"""
何を調べるか: プルダウン項目の値が、マスタのリストの表示名と完全に一致するか（大文字小文字・空白も含む）。
なぜ問題か: ツールは表示名をコードに変換して出力します。一致しない値は「{{0}}に該当する情報がありません。」
となります。{_SRC_JA}。例: 「ベトナム」（英語名なし）、「男 Male」（正しくは「男 male」）。
直し方: プルダウンから選び直してください（貼り付けは表示名を完全に一致させてください）。
""", f"""
What it checks: a drop-down field's value equals a label of its code list exactly (case and spaces included).
Why: the tool converts labels to codes; a label that does not match gives 「{{0}}に該当する情報がありません。」.
{_SRC_EN}. Example: 「ベトナム」 without the English name, 「男 Male」 (the list has 「男 male」).
Fix: pick the value from the drop-down (or paste the exact label).
"""),
    source=official_tool())

NOT_IN_PARENT_LIST = rule(
    "ZL106", "not-in-dependent-list", "error",
    on="cell-table", by="schemas.template_schema", params=('label', 'value', 'parent_label', 'parent_value'),
    fix=('ZL105 と同じ（連動リストの項目に合わせます）。',
         'as ZL105, against the dependent list.'),
    summary=("親項目の選択肢に属さない値です", "Value does not belong to its parent's list"),
    message=("{label}に該当する情報がありません（「{value}」は{parent_label}「{parent_value}」の選択肢にありません）。",
             "{label}: 「{value}」 is not a choice for {parent_label} 「{parent_value}」."),
    explain=(f"""
何を調べるか: 連動プルダウン（市区町村←都道府県、業務区分←特定産業分野、在留期間←在留資格、受領官署←住居地、
作業←職種）の値が、親項目で選んだ値の選択肢に含まれるか。
なぜ問題か: 親を変えた後に子を直し忘れると、ツールは子の値をコードに変換できず
「{{0}}に該当する情報がありません。」とします。{_SRC_JA}。
直し方: 親項目を確認し、子項目をプルダウンから選び直してください。
""", f"""
What it checks: a dependent drop-down (municipality in prefecture, job category in field, period in
status, receiving office in residence area, task in job type) belongs to the list of the parent's value.
Why: when the parent was changed and the child not, the tool cannot convert the child and reports
「{{0}}に該当する情報がありません。」. {_SRC_EN}.
Fix: check the parent and choose the child again from its drop-down.
"""),
    source=official_tool())

PARENT_MISSING = rule(
    "ZL107", "list-parent-missing", "error",
    on="cell-table", by="schemas.template_schema", params=('child', 'parent'),
    summary=("親項目が未入力です", "A dependent value without its parent"),
    message=("{child}を入力している場合は、{parent}を入力してください。",
             "{child} is filled, so {parent} must be filled too."),
    explain=(f"""
何を調べるか: 連動プルダウンの子項目（例: 市区町村）が入力されているのに、親項目（例: 都道府県）が空でないか。
指摘は親のセルに付けます（公式ツールと同じ）。この指摘がある子項目には、他の検査は行いません。
なぜ問題か: 公式ツールが「{{子}}を入力している場合は、{{親}}を入力してください。」とします。{_SRC_JA}。
直し方: 親項目を入力するか、子項目を消してください。
""", f"""
What it checks: a dependent drop-down (e.g. municipality) is not filled while its parent (e.g.
prefecture) is empty. Reported on the parent's cell, as the official tool does; the child gets no
other finding.
Why: the official tool reports 「{{child}}を入力している場合は、{{parent}}を入力してください。」. {_SRC_EN}.
Fix: fill the parent, or clear the child.
"""),
    source=official_tool())

NOT_APPLICABLE = rule(
    "ZL108", "filled-but-not-applicable", "error",
    on="cell-table", by="schemas.template_schema", params=('label', 'reason'),
    summary=("該当しない項目に入力があります", "A field is filled that does not apply"),
    message=("{label}は入力できません（{reason}）。", "{label} must be blank ({reason})."),
    explain=("""
何を調べるか: 条件付きの項目が、条件を満たさない行で入力されていないか。
対象は「選択によって表示される項目」だけです: チェック親値が選択肢（例: 在留カードの有無＝有 のとき在留カード番号、
委託する のとき登録支援機関の情報、有 のとき「内容」欄）や、同時申請シートで種別が「有」でないブロック。
チェック親値が空の条件（例: 電話番号が空なら携帯電話番号が必須）は「どちらか必須」という意味なので、
両方入力しても指摘しません。
なぜ問題か: メニューの注意書き「選択によって非表示となる入力項目についても、入力された場合は、エラーとなる」
（template-reference §1-3）。オンラインシステムがその申請人を要確認にします。公式ツールはこれを検査しません。
直し方: 条件を確認し、不要な項目を消してください（条件側の選択が誤りなら、そちらを直してください）。
""", """
What it checks: a conditional field is not filled on a row that does not meet its condition.
Only fields shown by a selection count: the check value is a choice (card number when 在留カードの有無 = 有,
registered support organisation data when 委託する, a 内容 field when its flag is 有), and 同時申請 blocks
whose kind is not 有. A condition with an empty check value ("the mobile number is required when the
telephone number is blank") is an either-or, so filling both is fine and not reported.
Why: the menu note says fields hidden by a selection cause an error when filled (template-reference
§1-3); the online system marks the applicant 要確認. The official tool does not check this.
Fix: clear the field, or correct the selection it depends on.
"""),
    source=cited('公式テンプレートのメニューの注意書き「選択によって非表示となる入力項目についても、入力された場合は、エラーとなる」（template-reference §1-3）。',
                 'the official template\'s menu note: fields hidden by a selection cause an error when filled (template-reference §1-3).'))
