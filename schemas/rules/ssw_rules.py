"""ZL4xx: 特定技能 programme rules (schemas/business/ssw.py); only when the menu status is 特定技能."""
from . import rule

_TR = "template-reference"
_SR = "system-rules"

rule("ZL401", "no-2gou-in-field", "error",
     summary=("この分野には特定技能２号がありません", "This field has no 特定技能２号"),
     message=("{label}「{value}」には特定技能２号がありません。",
              "{label} 「{value}」 has no 特定技能２号 (Specified Skilled Worker (ii))."),
     explain=(f"""
何を調べるか: ２号の申請で、特定産業分野が２号のない分野（介護、自動車運送業、鉄道、林業、木材産業、および2026年追加の
リネンサプライ、物流倉庫、資源循環）になっていないか。
なぜ問題か: ２号は11分野だけです（{_TR} §10, {_SR} §8.1; 更新テンプレート CC04 に２号コードがあるのは11分野のみ）。
追加3分野に２号がないことは推定です。
例: 希望する在留資格＝特定技能２号、特定産業分野＝介護分野。
直し方: 分野か号を直してください（介護は在留資格「介護」があります）。
""", f"""
What it checks: a 2号 application does not name a field without 2号 (介護, 自動車運送業, 鉄道, 林業, 木材産業 and the
three fields added in 2026: リネンサプライ, 物流倉庫, 資源循環).
Why: 2号 exists in 11 fields only ({_TR} §10, {_SR} §8.1); for the three new fields this is assumed.
Example: desired status 特定技能２号, field 介護分野.
Fix: correct the field or the 号.
"""))

rule("ZL402", "1gou-five-year-cap", "warning",
     summary=("特定技能１号の通算在留期間が5年を超えます", "特定技能１号 total stay would exceed 5 years"),
     message=("通算在留期間（{total}か月）と{label}「{value}」の合計が{months}か月で、5年（60か月）を超えます。",
              "Total stay so far ({total} months) plus {label} 「{value}」 is {months} months, over the 5-year (60-month) cap."),
     explain=(f"""
何を調べるか: １号で、区分Vの「申請時における特定技能1号での通算在留期間」（年・月）と希望する在留期間の合計が60か月を超えるか。
なぜ問題か: １号の通算在留期間は5年が上限です（{_TR} §10, {_SR} §8.2）。産休・育休・病気等の期間の除外や、
２号試験の合格基準点8割以上での6年までの延長があるため警告です。
例: 通算4年6月＋希望1年＝66か月。
直し方: 希望する在留期間を短くするか、除外・延長の事情を確認してください。
""", f"""
What it checks: for 1号, the total 1号 stay so far (years/months on 区分V) plus the desired period exceeds 60 months.
Why: 1号 is capped at 5 years in total ({_TR} §10, {_SR} §8.2); exclusions (childcare, illness) and the 6-year
exception exist, so this is a warning.
Example: 4 years 6 months so far + 1 year = 66 months.
Fix: shorten the desired period, or check that an exception applies.
"""))

rule("ZL403", "period-not-allowed", "error",
     summary=("その号で許可されない在留期間です", "Period not granted for this 号"),
     message=("{label}「{value}」は特定技能{gou}号では許可されない期間です。",
              "{label} 「{value}」 is not a period granted for 特定技能 {gou}号."),
     explain=(f"""
何を調べるか: 希望する在留期間が、申請日に有効な期間の一覧にあるか。2025-09-30 以降: １号は3年以内（4月〜3年、月単位）、
２号は6月・1年・2年・3年。それより前: １号は4月・6月・1年、２号は6月・1年・3年。
なぜ問題か: 在留期間は施行規則で定められています（{_SR} §8.2, {_TR} §10）。
例: ２号で「４月」、2025-09-30 より前の申請で１号「３年」。
直し方: 許可される期間を選んでください。
""", f"""
What it checks: the desired period is one granted for the 号 on the filing date. From 2025-09-30: 1号 up to 3 years
(4 months to 3 years), 2号 6 months, 1, 2 or 3 years; before: 1号 4/6 months or 1 year, 2号 6 months, 1 or 3 years.
Why: the periods are set by the enforcement rules ({_SR} §8.2, {_TR} §10).
Example: 「４月」 for 2号; 「３年」 for 1号 filed before 2025-09-30.
Fix: choose a granted period.
"""))

rule("ZL404", "under-18", "error",
     summary=("申請日に18歳未満です", "Under 18 on the filing date"),
     message=("{label}「{value}」では申請日（{on}）に{age}歳で、特定技能の18歳以上の基準を満たしません。",
              "With {label} 「{value}」 the applicant is {age} on the filing date ({on}); 特定技能 requires 18 or older."),
     explain=(f"""
何を調べるか: 生年月日から計算した申請日の年齢が18歳以上か。
なぜ問題か: 特定技能は18歳以上が基準です（上陸基準省令; {_SR} §8.2, {_TR} §10）。
例: 生年月日 20090101 で 2026-05-01 に申請（17歳）。
直し方: 生年月日を確認してください。
""", f"""
What it checks: the age on the filing date, from the birth date, is 18 or more.
Why: 特定技能 requires 18 or older ({_SR} §8.2, {_TR} §10).
Example: born 20090101, filed 2026-05-01 (17).
Fix: check the birth date.
"""))

rule("ZL405", "1gou-without-support", "error",
     summary=("１号なのに支援の方法が選ばれていません", "1号 without a support arrangement"),
     message=("特定技能１号の申請です。{label}（委託する／委託しない）を選んでください。",
              "This is a 1号 application; answer {label} (entrust / not entrust)."),
     explain=(f"""
何を調べるか: １号の申請で、登録支援機関への全部委託の有無（区分V「特定技能1号での在留を希望し登録支援機関に…」）が空でないか。
なぜ問題か: １号には1号特定技能外国人支援計画があり、全部を登録支援機関に委託するか自社で支援体制（33）〜（41）を
持つ必要があります（{_TR} §9a-7, §10, {_SR} §8.2）。列項目TBLはこの欄を必須にしていないため、公式ツールは見逃します。
例: １号で支援の委託の有無が空欄。
直し方: 「委託する」なら登録支援機関欄、「委託しない」なら自社支援欄を入力してください。
""", f"""
What it checks: a 1号 application answers whether support is entirely entrusted to a registered support organisation.
Why: 1号 needs a support plan run by an organisation or in-house ({_TR} §9a-7, §10, {_SR} §8.2); 列項目TBL does not mark
this field required, so the official tool misses it.
Example: 1号 with the entrust question blank.
Fix: choose entrust (fill the organisation) or not entrust (fill the in-house support items).
"""))

rule("ZL406", "2gou-with-support-plan", "warning",
     summary=("２号なのに支援計画の欄が入力されています", "2号 with support-plan data"),
     message=("特定技能２号の申請ですが、{label}が入力されています（「{value}」）。２号は支援計画の入力は不要です。",
              "This is a 2号 application but {label} is filled (「{value}」); 2号 needs no support plan."),
     explain=(f"""
何を調べるか: ２号の申請で、支援の委託の有無から登録支援機関までの欄が入力されていないか（最初の入力セルに報告）。
なぜ問題か: テンプレートは「特定技能２号の場合は入力不要」としています（{_TR} §6 HC, §10, {_SR} §8.2）。
１号の内容が残っている可能性があります。
例: ２号で「委託する Entrust」。
直し方: 号を確認し、２号なら支援の欄を空にしてください。
""", f"""
What it checks: a 2号 application with any of the support columns (from the entrust question to the registered
support organisation) filled; reported on the first filled cell.
Why: the template says these are not needed for 2号 ({_TR} §6, §10, {_SR} §8.2).
Example: 2号 with 「委託する Entrust」.
Fix: check the 号; for 2号 clear the support columns.
"""))

rule("ZL407", "dispatch-outside-agriculture-fishery", "warning",
     summary=("農業・漁業以外で派遣先が入力されています", "Dispatch data for a field other than agriculture/fishery"),
     message=("{label}が入力されていますが（「{value}」）、派遣は農業分野・漁業分野だけです。",
              "{label} is filled (「{value}」) but dispatch is allowed only in agriculture and fishery."),
     explain=(f"""
何を調べるか: 特定産業分野に農業分野・漁業分野がないのに (12)派遣先 の欄が入力されていないか（最初の入力セルに報告）。
なぜ問題か: 特定技能は直接雇用が原則で、派遣は農業・漁業に限られます（{_TR} §10; 広く知られた規則ですが本プロジェクトの
資料では一次資料を確認できていないため警告）。
例: 外食業分野で派遣先の名称を入力。
直し方: 分野か派遣先の欄を直してください。
""", f"""
What it checks: (12) dispatch columns filled while no field is agriculture or fishery (first filled cell).
Why: 特定技能 is direct employment; dispatch only in agriculture and fishery ({_TR} §10; widely known but not
verified from a primary source here, hence a warning).
Example: food service field with a dispatch destination.
Fix: correct the field or clear the dispatch columns.
"""))

rule("ZL408", "field-code-gou-mismatch", "error",
     summary=("分野の号が申請の号と違います", "Field code of another 号"),
     message=("{label}「{value}」は申請の号（特定技能{gou}号）と違う号の分野コードです。",
              "{label} 「{value}」 is a field code of another 号 than the application's (特定技能 {gou}号)."),
     explain=(f"""
何を調べるか: 号ごとに分かれた旧分野コード（更新 2026/02/27 版: 「建設分野（特定技能１号）」等）の号が、申請の号
（更新: 現に有する在留資格）と同じか。
なぜ問題か: 旧コードは号ごとに別コードです（{_TR} §8 CC04, §12）。号の違うコードは別の分野として扱われます。
例: １号の更新で「外食業分野（特定技能２号）」。
直し方: 申請の号に合った分野を選び直してください。
""", f"""
What it checks: old field codes split by 号 (renewal template 2026/02/27: 「建設分野（特定技能１号）」 ...) carry the 号
applied for.
Why: the old codes are distinct per 号 ({_TR} §8, §12).
Example: 1号 renewal with 「外食業分野（特定技能２号）」.
Fix: choose the field of the right 号.
"""))

rule("ZL409", "technical-intern-status-for-ssw", "error",
     summary=("特定技能の申請で技能実習の在留資格が選ばれています", "A 技能実習 status chosen in a 特定技能 application"),
     message=("{label}「{value}」は技能実習の在留資格です。特定技能１号／２号を入力してください。",
              "{label} 「{value}」 is a 技能実習 status; enter 特定技能１号 or ２号."),
     explain=(f"""
何を調べるか: メニューで「特定技能」を選んだ変更の申請で、希望する在留資格が技能実習になっていないか。
なぜ問題か: 変更テンプレート 2026/04/01 版は名前定義の入れ違いにより、特定技能のメニューで希望する在留資格の
プルダウンに技能実習１号イ〜３号ロを出します（{_TR} §12 Q1）。公式ツールはこれを通し、区分Vの１号条件も働きません。
例: 「技能実習１号イ Technical intern training (i)(a)」。
直し方: 「特定技能１号 Specified Skilled Worker ( i )」（または２号）を貼り付けて入力してください。
""", f"""
What it checks: a change application under menu 特定技能 whose desired status is a 技能実習 status.
Why: the 2026/04/01 change template swaps two named ranges, so the drop-down offers 技能実習 statuses under
特定技能 ({_TR} §12 Q1); the tool accepts them and the 区分V 1号 conditions never fire.
Example: 「技能実習１号イ Technical intern training (i)(a)」.
Fix: paste 「特定技能１号 Specified Skilled Worker ( i )」 (or ２号).
"""))
