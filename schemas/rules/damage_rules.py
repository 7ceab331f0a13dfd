"""ZL6xx: values damaged by spreadsheet software (numbers where the template expects text)."""
from . import official_tool, rule

NUMBER_FOR_TEXT = rule(
    "ZL601", "number-stored-for-text", "warning",
    on="cell-table", by="schemas.template_schema", params=('label', 'value'),
    fix=('数値を同じ数字の文字列にします。',
         'writes the number back as text.'),
    summary=("文字列の欄に数値が入っています", "A number is stored where the template expects text"),
    message=("{label}が数値として保存されています（「{value}」）。文字列として入力してください。",
             "{label} is stored as a number (「{value}」); enter it as text."),
    explain=("""
何を調べるか: 文字列書式（@）の入力セルに、数値型の値が入っていないか。
なぜ問題か: 入力セルは文字列書式です（template-reference §4）。他のソフトから貼り付けたり、CSVを開き直したりすると
数値に変わり、先頭の0が消える・指数表記になるなどの破損が起きます。今は正しく見えても、次の編集で壊れます。
直し方: セルの書式を「文字列」にして入力し直してください（先頭に ' を付けても文字列になります）。
""", """
What it checks: no input cell (Text format, @) holds a numeric value.
Why: the input cells are Text-formatted (template-reference §4). Pasting from other software or
re-opening a CSV turns them into numbers, which lose leading zeros or turn into exponent form; a value
that still looks right breaks at the next edit.
Fix: format the cell as Text and enter the value again (or prefix it with ').
"""),
    source=official_tool('入力セルは文字列書式です。数値のセルはツールが表示形式で文字列にします（template-reference §4）。',
                        'the input cells are Text-formatted; the tool turns a number cell into text through its display format (template-reference §4).'))

LEADING_ZERO_LOST = rule(
    "ZL602", "leading-zero-lost", "error",
    on="cell-table", by="schemas.template_schema", params=('label', 'value', 'length', 'fixed'),
    fix=('固定桁数の列は桁数まで0を補い、電話番号は先頭に0を1つ付けて、文字列にします。',
         "pads with zeros to the fixed length, or puts back a phone number's single leading 0, as text."),
    summary=("先頭の0が消えています", "Leading zero lost"),
    message=("{label}の先頭の0が消えています（「{value}」は数値として保存され{length}桁に足りません。例: 「{fixed}」）。",
             "{label} lost its leading zero (「{value}」 is stored as a number, short of {length} digits; e.g. 「{fixed}」)."),
    explain=("""
何を調べるか: 数字だけの欄（電話番号・郵便番号・番号類）が数値として保存され、先頭の0が消えていないか。
なぜ問題か: 「0312345678」が「312345678」になると、桁数エラーになるか、別の番号として申請されます
（template-reference §4: 再出力されたCSVで実際に見られた破損）。
直し方: セルを文字列書式にして、0から正しく入力し直してください。
""", """
What it checks: digit-only fields (telephone, postal code, numbers) stored as numbers that lost their
leading zero.
Why: 「0312345678」 becoming 「312345678」 fails the length check or files a different number
(template-reference §4: seen in re-exported CSVs).
Fix: format the cell as Text and re-enter the number with its zero.
"""),
    source=official_tool('数値として保存された番号は先頭の0を失い、ツールの桁数チェック（列項目TBL）に落ちるか別の番号として出力されます。',
                        "a number stored as a number loses its leading zero and fails the tool's length check (列項目TBL) or is exported as another number."))

EXPONENT_FORM = rule(
    "ZL603", "exponent-notation", "error",
    on="cell-table", by="schemas.template_schema", params=('label', 'value'),
    summary=("指数表記・小数になっています", "Number in exponent or decimal form"),
    message=("{label}が「{value}」になっています。Excelが数値に変換した形跡です。元の番号を文字列で入力してください。",
             "{label} reads 「{value}」: Excel turned it into a number. Re-enter the original number as text."),
    explain=("""
何を調べるか: 数字の欄が「1.23457E+12」のような指数表記や「1234567890123.0」のような小数表記になっていないか。
なぜ問題か: 13桁の法人番号などは数値にすると指数表記で表示・保存され、元の番号が失われます
（template-reference §4）。
直し方: 元の番号を確認し、文字列書式のセルに入力し直してください。
""", """
What it checks: digit fields do not hold exponent ("1.23457E+12") or decimal ("1234567890123.0") forms.
Why: a 13-digit corporate number saved as a number is shown and stored in exponent form and its
digits are lost (template-reference §4).
Fix: look up the original number and re-enter it in a Text cell.
"""),
    source=official_tool('指数表記の値は数字ではなく、ツールの文字種チェック（半角数字）に落ちます。',
                        "an exponent-form value is not digits and fails the tool's class check (half-width digits)."))

DATE_CELL = rule(
    "ZL604", "date-typed-cell", "warning",
    on="cell-table", by="schemas.template_schema", params=('label', 'value'),
    fix=('日付型のセルを「YYYYMMDD」の8桁の文字列にします（日付の表示形式は文字列に）。',
         'writes the date cell as 8-digit text (its date format becomes text).'),
    summary=("日付型のセルです", "A date-typed cell"),
    message=("{label}が日付型で保存されています。「YYYYMMDD」の8桁の文字列で入力してください（読み取った値: {value}）。",
             "{label} is stored as a date; enter it as 8-digit text YYYYMMDD (read as {value})."),
    explain=("""
何を調べるか: 入力セルが日付型になっていないか。
なぜ問題か: 日付型のセルは、公式ツールが文字列に変換するときにパソコンの地域設定で「2026/04/01」などになり、
8桁の形式チェックに失敗します。
直し方: セルを文字列書式にして、「20260401」のように8桁で入力してください。
""", """
What it checks: no input cell is date-typed.
Why: the official tool converts a date cell to text with the PC's locale ("2026/04/01"), which fails
the 8-digit format.
Fix: format the cell as Text and enter 8 digits such as 20260401.
"""),
    source=official_tool('ツールは日付型のセルをPCの地域設定の表記（2026/04/01）で出力し、8桁の形式に合いません。',
                        "the tool exports a date cell in the PC's locale form (2026/04/01), not the 8-digit form."))
