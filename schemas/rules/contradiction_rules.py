"""ZL3xx: contradictions across fields, sheets and rows (schemas/business/contradictions.py, linter/crossfile.py)."""
from . import cited, rule, unverified

_TR = "template-reference"
_SR = "system-rules"

rule("ZL301", "date-order", "error",
    on="applicant-frame", by="schemas.business.contradictions", params=('label', 'value', 'other', 'other_value'),
     summary=("終わりの日付が始まりより前です", "End date before start date"),
     message=("{label}「{value}」が {other}「{other_value}」より前です。",
              "{label} 「{value}」 is before {other} 「{other_value}」."),
     explain=(f"""
何を調べるか: 列項目TBLの項目名が組にしている日付すべて（どの区分シート・手続でも）: 「…(始期)」と「…(終期)」、
「入社」と「退社」、「出国予定年月日」と「再入国予定年月日」、「入学」と「卒業」、「開始」と「終了」。始まりの項目の右にある
最も近い対の項目と組にします（職歴・経歴の欄は順に組になります）。どちらも実在する日付のときだけ比べ、年月と年月日の組は
年月で比べます。報告は終わりの側のセルに出し、始まりのセルを示します。
なぜ問題か: 期間が逆転した申請は内容不備です（{_TR} §9c）。公式ツールは日付の前後を調べません。
例: 雇用契約 始期 20260501・終期 20250430。
直し方: どちらが誤りか確認して直してください。
""", f"""
What it checks: every pair of dates the column table's labels name, on any 区分 sheet and procedure: 「…(始期)」/
「…(終期)」, 入社/退社, 出国予定年月日/再入国予定年月日, 入学/卒業, 開始/終了. A start field pairs with the nearest
matching end field to its right (job and career slots pair in order). Compared only when both are real
dates; a month against a day compares months. Reported on the end cell, naming the start cell.
Why: a reversed period is a defect of the application ({_TR} §9c); the tool does not compare dates.
Example: contract start 20260501, end 20250430.
Fix: correct whichever date is wrong.
"""),
     source=cited("列項目TBLの項目名が定める期間（(始期)/(終期)、入社/退社、出国/再入国予定年月日）: 期間の終わりが始まりより前の申請は内容が自己矛盾します（template-reference §9c）。",
                   "the periods the column table's labels define ((始期)/(終期), 入社/退社, 出国/再入国予定年月日): an end before its start contradicts itself (template-reference §9c)."))

rule("ZL302", "dispatch-outside-contract", "warning",
    on="applicant-frame", by="schemas.business.contradictions", params=('label', 'value', 'other', 'other_value'),
     summary=("派遣期間が雇用契約期間の外にあります", "Dispatch period outside the employment contract"),
     message=("{label}「{value}」が雇用契約期間の外です（{other}「{other_value}」）。",
              "{label} 「{value}」 is outside the employment contract ({other} 「{other_value}」)."),
     explain=(f"""
何を調べるか: 派遣期間の始期が雇用契約の始期以後、終期が雇用契約の終期以前か。
なぜ問題か: 派遣は特定技能雇用契約に基づくもので、契約期間を超えて派遣することはできません（{_TR} §9c）。
契約の更新予定などもあり得るため、審査で確認される事項として警告にします。
例: 雇用契約 20260501〜20290430 に対し派遣期間 20260401〜。
直し方: 派遣期間か雇用契約期間を直してください。
""", f"""
What it checks: the dispatch period starts on or after the contract start and ends on or before the contract end.
Why: dispatch happens under the employment contract and cannot exceed it ({_TR} §9c); a renewal of the contract
may be planned, so this is a warning.
Example: contract 20260501–20290430, dispatch from 20260401.
Fix: correct the dispatch or the contract period.
"""),
     source=unverified("派遣期間が雇用契約期間の内にあることを定める一次資料は確認できていません（template-reference §9c）。",
                       "no primary source verified for 'the dispatch period lies within the contract' (template-reference §9c)."))

rule("ZL303", "date-in-future", "error",
    on="applicant-frame", by="schemas.business.contradictions", params=('label', 'value', 'on'),
     summary=("過去の日付のはずが申請日より後です", "A past date lies after the filing date"),
     message=("{label}「{value}」が申請日（{on}）より後です。",
              "{label} 「{value}」 is after the filing date ({on})."),
     explain=(f"""
何を調べるか: 生年月日（申請人・在日親族・同時申請）、登録支援機関の登録年月日、職業紹介事業者の受理年月日、
職歴の入社・退社年月が申請日（--on、既定は今日）以前か。
なぜ問題か: これらは過去の事実であり、未来の日付は入力誤りです（{_TR} §9c）。
例: 生年月日 20300101、登録年月日が申請日の翌月。
直し方: 正しい日付を入力してください（申請日が違う場合は --on を指定）。
""", f"""
What it checks: birth dates (applicant, relatives, 同時申請), the support organisation's registration date, the
employment agency's acceptance date and job-history months are on or before the filing date (--on, default today).
Why: these are past facts; a future date is a typing error ({_TR} §9c).
Example: birth date 20300101; registration date a month after the filing date.
Fix: enter the right date (or pass the right --on).
"""),
     source=cited("生年月日・登録年月日・受理年月日・職歴の年月は申請日以前の事実です（項目の定義; template-reference §9c）。",
                   "birth, registration and acceptance dates and job-history months are past facts by their definition (template-reference §9c)."))

rule("ZL304", "simultaneous-differs-from-main", "error",
    on="applicant-frame", by="schemas.business.contradictions", params=('label', 'value', 'other', 'other_value'),
     summary=("同時申請の共通項目が申請情報と違います", "同時申請 common item differs from the main sheet"),
     message=("{label}「{value}」が {other}「{other_value}」と違います。同時申請の共通項目は本申請と同じにしてください。",
              "{label} 「{value}」 differs from {other} 「{other_value}」; the 同時申請 common items must equal the main application."),
     explain=(f"""
何を調べるか: 同時申請シートで再入国・資格外活動・就労資格証明書のいずれかが「有」の行について、共通項目
（国籍・地域、生年月日、氏名、性別、住居地、旅券番号・有効期限、現に有する在留資格、在留期間、満了日、在留カードの有無・番号、ED番号）
が本申請シートの同じ行と一致するか。
なぜ問題か: 同時申請は同一人の申請で、テンプレートの確認項目が「共通項目については同時申請で入力した内容と同じである」と
しています（{_TR} §7, §9a-10）。
例: 本申請の氏名「NGUYEN VAN AN」、同時申請の氏名「NGUYEN VAN AM」。
直し方: 本申請シートの値に合わせてください。
""", f"""
What it checks: on 同時申請 rows with any of 再入国 / 資格外活動 / 就労資格証明書 = 有, the common items equal the
main sheet's on the same row.
Why: it is the same person; the template's confirmation item states the common items are the same ({_TR} §7, §9a-10).
Example: main name 「NGUYEN VAN AN」, 同時申請 name 「NGUYEN VAN AM」.
Fix: copy the main sheet's value.
"""),
     source=cited("テンプレートの確認項目「氏名や性別等の共通項目については同時申請で入力した内容と同じである」（template-reference §7, §9a-10）。",
                   "the template's confirmation item: the common items (name, sex, ...) are the same as entered for 同時申請 (template-reference §7, §9a-10)."))

rule("ZL305", "reentry-needs-counter-receipt", "error",
    on="applicant-frame", by="schemas.business.contradictions", params=('other', 'label', 'value'),
     summary=("再入国許可を同時申請する場合、受領方法は窓口です", "Re-entry permit filed: card must be received at the counter"),
     message=("再入国許可を同時に申請しています（{other}）。{label}は「窓口」にしてください（現在「{value}」）。",
              "A re-entry permit is filed with this application ({other}); {label} must be the counter (now 「{value}」)."),
     explain=(f"""
何を調べるか: 同時申請で再入国許可が「有」の行の在留カードの受領方法が「窓口」か。
なぜ問題か: テンプレートの記載要領に「再入国許可申請を同時に申請する方は『窓口』」とあります（{_TR} §5, §9a-5）。
郵送中はカードが手元になく、みなし再入国もできません（{_SR} §3）。
例: 同時申請 B列＝有、受領方法＝郵送。
直し方: 受領方法を「窓口 Regional office counter」にし、住居地と受領官署を入力してください。
""", f"""
What it checks: rows filing a re-entry permit in 同時申請 receive the card at the counter.
Why: the template says applicants filing a re-entry permit at the same time choose 「窓口」 ({_TR} §5, §9a-5).
Example: 同時申請 column B = 有, receipt = 郵送 Mailing.
Fix: choose 「窓口 Regional office counter」 and fill the residence area and receiving office.
"""),
     source=cited("テンプレートの記載要領「再入国許可申請を同時に申請する方は『窓口』」（template-reference §5, §9a-5）。",
                   "the template's instructions: applicants filing a re-entry permit at the same time choose 「窓口」 (template-reference §5, §9a-5)."))

rule("ZL306", "duplicate-in-file", "warning",
    on="applicant-frame", by="schemas.business.contradictions", params=('label', 'value', 'first'),
     summary=("同じ在留カード番号・旅券番号が複数の行にあります", "Same card or passport number on two rows"),
     message=("{label}「{value}」は {first} 行目と同じです。同じ人を二重に申請していないか確認してください。",
              "{label} 「{value}」 is the same as on row {first}; check the person is not filed twice."),
     explain=(f"""
何を調べるか: 1ファイル内で在留カード番号または旅券番号が重複していないか（2つ目以降の行に報告）。
なぜ問題か: 同一人の重複申請や、行をコピーして直し忘れた入力誤りです（{_TR} §9c）。申請システムが重複を拒否するかは
確認できていないため警告です。
例: 8行目と9行目の在留カード番号がともに AB12345678CD。
直し方: 重複した行を削除するか、番号を直してください。
""", f"""
What it checks: a residence card or passport number repeated within a file (reported on the later rows).
Why: the same person filed twice, or a copied row not corrected ({_TR} §9c); whether the system rejects
duplicates is not verified, so this is a warning.
Example: rows 8 and 9 both with card AB12345678CD.
Fix: remove the duplicate row or correct the number.
"""),
     source=unverified("申請システムが同一ファイル内の重複を拒否するという資料は見つかっていません。", "no source says the system rejects duplicates within a file."))

rule("ZL307", "duplicate-name-birth", "warning",
    on="applicant-frame", by="schemas.business.contradictions", params=('label', 'value', 'birth', 'first'),
     summary=("同じ氏名・生年月日の行があります", "Same name and birth date on two rows"),
     message=("{label}「{value}」（生年月日 {birth}）は {first} 行目と同じです。",
              "{label} 「{value}」 (born {birth}) is the same as on row {first}."),
     explain=(f"""
何を調べるか: 1ファイル内で氏名と生年月日の組が重複していないか。
なぜ問題か: 重複申請のおそれがあります（{_TR} §9c）。同姓同名・同日生まれもあり得るため警告です。
例: 8行目と9行目がともに NGUYEN VAN AN・19980512。
直し方: 別人であればそのままで構いません。
""", f"""
What it checks: the same name and birth date on two rows of a file.
Why: probably the same person twice ({_TR} §9c); a warning, as namesakes exist.
Example: rows 8 and 9 both NGUYEN VAN AN, 19980512.
Fix: none if they are different people.
"""),
     source=unverified("重複申請のおそれ（同姓同名・同日生まれもあり得ます）。", "a possible double filing (namesakes born the same day exist)."))

rule("ZL309", "pay-below-japanese", "warning",
    on="applicant-frame", by="schemas.business.contradictions", params=('label', 'value', 'other', 'jp'),
     summary=("月額報酬が日本人の月額報酬より低い", "Monthly pay below the Japanese comparator"),
     message=("{label}「{value}」円が日本人の月額報酬（{other}「{jp}」円）より低くなっています。",
              "{label} 「{value}」 yen is below the Japanese worker's pay ({other}: {jp} yen)."),
     explain=(f"""
何を調べるか: 月額報酬と「同等の業務に従事する日本人の月額報酬」の両方があるとき、前者が後者以上か。
なぜ問題か: 特定技能雇用契約は日本人と同等以上の報酬が基準です（所属機関基準; {_TR} §9c）。
理由がある場合もあるため警告です。
例: 月額報酬 230000、日本人の月額報酬 250000。
直し方: 金額を確認してください。
""", f"""
What it checks: when both are given, the monthly pay is at least the Japanese comparator's.
Why: pay at least equal to a Japanese worker's is a contract standard ({_TR} §9c); a warning.
Example: pay 230000, Japanese comparator 250000.
Fix: check the amounts.
"""),
     source=cited("特定技能基準省令 第1条（報酬の額が日本人が従事する場合の報酬の額と同等以上）（visa-support-yamanashi.com/tokuteiginou-category/post-1946, tanaka-masato.com/archives/66）。",
                   "the 特定技能 standards ordinance, art. 1 (pay at least equal to a Japanese worker's) (visa-support-yamanashi.com/tokuteiginou-category/post-1946, tanaka-masato.com/archives/66)."))

rule("ZL310", "pay-not-equal", "warning",
    on="applicant-frame", by="schemas.business.contradictions", params=('label', 'value'),
     summary=("報酬が日本人と同等以上ではないとしています", "Pay declared not equal to Japanese workers'"),
     message=("{label}が「{value}」です。報酬が日本人と同等以上でない契約は基準に適合しません。",
              "{label} is 「{value}」; a contract paying less than Japanese workers does not meet the standard."),
     explain=(f"""
何を調べるか: 「報酬の額が日本人が従事する場合の報酬の額と同等以上であることの有無」が「無」か。
なぜ問題か: 同等以上の報酬は特定技能雇用契約の基準です（{_TR} §9c）。選択ミスの可能性が高いため警告します。
例: 「無 No」。
直し方: 契約内容を確認し、正しい方を選んでください。
""", f"""
What it checks: the 'pay at least equal to Japanese workers' answer is 無.
Why: equal pay is a contract standard ({_TR} §9c); likely a wrong choice.
Example: 「無 No」.
Fix: check the contract and choose the right answer.
"""),
     source=cited("特定技能基準省令 第1条（報酬の額が日本人が従事する場合の報酬の額と同等以上）（visa-support-yamanashi.com/tokuteiginou-category/post-1946, tanaka-masato.com/archives/66）。",
                   "the 特定技能 standards ordinance, art. 1 (pay at least equal to a Japanese worker's) (visa-support-yamanashi.com/tokuteiginou-category/post-1946, tanaka-masato.com/archives/66)."))

rule("ZL312", "duplicate-across-files", "warning",
    on="run", by="linter.crossfile", params=('value', 'other_file', 'other'),
     summary=("同じ在留カード番号・旅券番号が別のファイルにもあります", "Same card or passport number in another file"),
     message=("「{value}」は {other_file} の {other} にもあります。同じ人を二重に申請していないか確認してください。",
              "「{value}」 is also in {other_file} at {other}; check the person is not filed twice."),
     explain=(f"""
何を調べるか: 1回の実行で調べた複数のファイルの間で、在留カード番号または旅券番号が重複していないか（後のファイルに報告）。
なぜ問題か: 別の担当者が同じ人を別ファイルで申請している可能性があります（{_TR} §9c）。重複が拒否されるかは確認できていないため警告です。
例: a.xlsx と b.xlsx の両方に在留カード番号 AB12345678CD。
直し方: どちらかのファイルから行を削除してください。
""", f"""
What it checks: a card or passport number found in two files of one run (reported in the later file).
Why: the same person filed twice from different files ({_TR} §9c); whether it is rejected is not verified, so a warning.
Example: card AB12345678CD in both a.xlsx and b.xlsx.
Fix: remove the row from one of the files.
"""),
     source=unverified("申請システムが別ファイルとの重複を拒否するという資料は見つかっていません。", "no source says the system rejects duplicates across files."))

rule("ZL313", "duplicate-name-birth-across-files", "warning",
    on="run", by="linter.crossfile", params=('value', 'other_file', 'other'),
     summary=("同じ氏名・生年月日が別のファイルにもあります", "Same name and birth date in another file"),
     message=("「{value}」（氏名 / 生年月日）は {other_file} の {other} にもあります。",
              "「{value}」 (name / birth date) is also in {other_file} at {other}."),
     explain=(f"""
何を調べるか: 複数ファイルの間での氏名と生年月日の組の重複。
なぜ問題か: 重複申請のおそれ（{_TR} §9c）。同姓同名もあり得るため警告です。
例: a.xlsx と b.xlsx の両方に NGUYEN VAN AN・19980512。
直し方: 別人であればそのままで構いません。
""", f"""
What it checks: the same name and birth date in two files of one run.
Why: possibly the same person twice ({_TR} §9c); a warning, as namesakes exist.
Example: NGUYEN VAN AN, 19980512 in both a.xlsx and b.xlsx.
Fix: none if they are different people.
"""),
     source=unverified("重複申請のおそれ（同姓同名もあり得ます）。", "a possible double filing (namesakes exist)."))
