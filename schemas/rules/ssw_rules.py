"""ZL4xx: 特定技能 programme rules (schemas/business/ssw.py); only when the menu status is 特定技能."""
from . import cited, rule

_TR = "template-reference"
_SR = "system-rules"

rule("ZL401", "no-2gou-in-field", "error",
    on="applicant-frame", by="schemas.business.ssw", params=('label', 'value'),
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
"""),
     source=cited("2号は介護・自動車運送業・鉄道・林業・木材産業以外の11分野（hrc.or.jp/specific-skills/tokutei-joblist.html が引用する ISA の説明; rts-visa.com/column/5199）。2026年追加の3分野に2号がないことは推定。",
                   "2号 exists in the 11 fields other than 介護, 自動車運送業, 鉄道, 林業, 木材産業 (ISA text quoted by hrc.or.jp/specific-skills/tokutei-joblist.html; rts-visa.com/column/5199); for the three 2026 fields this is assumed."))

rule("ZL402", "1gou-five-year-cap", "warning",
    on="applicant-frame", by="schemas.business.ssw", params=('total', 'until', 'label', 'value', 'months', 'cap'),
     summary=("特定技能１号の通算在留期間が5年を超えます", "特定技能１号 total stay would exceed 5 years"),
     message=("通算在留期間（{total}か月）、満了日までの残り（{until}か月）と{label}「{value}」の合計が{months}か月で、"
              "原則の上限5年（60か月）を超えます（2号評価試験で合格基準点の8割以上の場合は最長{cap}か月、"
              "産前産後・育児・病気等の休業期間は通算しません）。",
              "Total stay so far ({total} months), the time left until expiry ({until} months) and {label} 「{value}」 add up to "
              "{months} months, over the normal 5-year (60-month) cap (up to {cap} months for those who scored at least 80 % "
              "of the 2号 pass mark; documented maternity, childcare and illness leave does not count)."),
     explain=(f"""
何を調べるか: １号で、区分Vの「申請時における特定技能1号での通算在留期間」（年・月）、更新なら申請日から現在の満了日までの
月数、希望する在留期間（認定は滞在予定期間）の合計が60か月を超えるか。
なぜ問題か: １号の通算在留期間は原則5年が上限です。2025-09-30 以降、2号評価試験に不合格でも合格基準点の8割以上の者は
通算6年まで認められ得ます。また、書類で確認できる産前産後・育児・病気・負傷による休業期間は通算しません
（運用要領; yell-office.jp/news/2026/02/2830, bp.proudcorp.com/post/gaigokujin-guide-00002; {_SR} §8.2）。
zairyu-lint は試験の得点や休業期間を知り得ないため、警告にとどめます。
例: 通算4年6月＋希望1年＝66か月。
直し方: 希望する在留期間を短くするか、6年の特例・休業期間の除外に当たるか確認し、その資料を添付してください。
""", f"""
What it checks: for 1号, the total 1号 stay so far (years/months on 区分V), for a renewal also the months from the
filing date to the current expiry, plus the desired period (認定: the intended stay) exceed 60 months.
Why: 1号 is normally capped at 5 years. Since 2025-09-30, a 1号 holder who failed the 2号 test but scored at
least 80 % of its pass mark may stay up to 6 years, and documented leave for pregnancy/childbirth, childcare,
illness or injury does not count (運用要領; yell-office.jp/news/2026/02/2830,
bp.proudcorp.com/post/gaigokujin-guide-00002; {_SR} §8.2). zairyu-lint cannot know scores or leave, so a warning.
Example: 4 years 6 months so far + 1 year = 66 months.
Fix: shorten the desired period, or check the 6-year exception or the leave exclusion and attach the evidence.
"""),
     source=cited("特定技能運用要領（2025-09-30 改正）: １号の通算在留期間は原則5年、2号評価試験で合格基準点の8割以上の者は6年まで、"
                  "産休・育休・病気等の休業期間は除外（yell-office.jp/news/2026/02/2830, bp.proudcorp.com/post/gaigokujin-guide-00002, nagoyavisa.com/2158, legal-information.co.jp/?p=1386）。",
                  "特定技能 operating guidelines (amended 2025-09-30): 1号 total stay normally 5 years, up to 6 for those scoring at least 80 % "
                  "of the 2号 pass mark, leave excluded (yell-office.jp/news/2026/02/2830, bp.proudcorp.com/post/gaigokujin-guide-00002, nagoyavisa.com/2158, legal-information.co.jp/?p=1386)."))

rule("ZL403", "period-not-allowed", "error",
    on="applicant-frame", by="schemas.business.ssw", params=('label', 'value', 'gou'),
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
"""),
     source=cited("出入国管理及び難民認定法施行規則 別表第二（特定技能の在留期間）: 2025-09-30 から１号は「3年を超えない範囲」、２号は3年・2年・1年・6月"
                   "（nagoyavisa.com/2158, visa-nihon.com/17623183839638, noborder.cloud/nortification/release00038.html）。",
                   "the enforcement rules, appended table 2 (特定技能 periods): from 2025-09-30 1号 'not exceeding 3 years', 2号 3 years, 2 years, 1 year or 6 months "
                   "(nagoyavisa.com/2158, visa-nihon.com/17623183839638, noborder.cloud/nortification/release00038.html)."))

rule("ZL404", "under-18-at-entry", "error",
    on="applicant-frame", by="schemas.business.ssw", params=('label', 'value', 'adult', 'by'),
     summary=("認定証明書の有効期間内に18歳になりません", "Not 18 before the certificate would lapse"),
     message=("{label}「{value}」では18歳になるのが {adult} で、申請日から審査（最長3か月程度）と認定証明書の有効期間（3か月）を"
              "経た {by} より後です。特定技能は上陸時に18歳以上であることが必要です。",
              "With {label} 「{value}」 the applicant turns 18 on {adult}, after {by} (filing date + up to about 3 months of "
              "processing + the certificate's 3-month validity); 特定技能 requires 18 or older at entry."),
     explain=(f"""
何を調べるか: 認定（在留資格認定証明書交付申請）で、18歳の誕生日が「申請日＋3か月（審査）＋3か月（認定証明書の有効期間）」より後か。
なぜ問題か: 特定技能は18歳以上が基準ですが、認定証明書は18歳未満でも申請でき、日本に上陸する時点で18歳以上であればよいとされます。
認定証明書の標準処理期間は1〜3か月、有効期間は交付から3か月です（gyosei-katuedo.com/custom3.html が引用する運用要領;
tokutei-ginou.co.jp/?p=557; yamada-naomi.com/nintei.php）。
この期間内に18歳にならない場合、上陸できる時期がありません。
例: 生年月日 20090101 で 2026-05-01 に申請（18歳は 2027-01-01、期限は 2026-11-01）。
直し方: 生年月日を確認し、申請の時期を見直してください。
""", f"""
What it checks: in a 認定 (certificate of eligibility) application, whether the 18th birthday falls after
filing date + 3 months (processing) + 3 months (the certificate's validity).
Why: 特定技能 requires 18 or older, but the certificate may be applied for under 18 as long as the person is 18
when landing; the standard processing time is 1-3 months and the certificate is valid 3 months from issue (operating
guidelines as quoted by gyosei-katuedo.com/custom3.html; tokutei-ginou.co.jp/?p=557; yamada-naomi.com/nintei.php). If 18 comes later than that, there is no time to land.
Example: born 20090101, filed 2026-05-01 (18 on 2027-01-01, after 2026-11-01).
Fix: check the birth date, and the timing of the application.
"""),
     source=cited("特定技能運用要領: 18歳以上は上陸時点で満たせばよく、認定証明書は18歳未満でも申請可能; 認定証明書の標準処理期間は1〜3か月、"
                  "有効期間は3か月（gyosei-katuedo.com/custom3.html, tokutei-ginou.co.jp/?p=557, yamada-naomi.com/nintei.php）。",
                  "特定技能 operating guidelines: 18 or older at landing, the certificate may be applied for under 18; its standard processing "
                  "time is 1-3 months and it is valid 3 months (gyosei-katuedo.com/custom3.html, tokutei-ginou.co.jp/?p=557, yamada-naomi.com/nintei.php)."))

rule("ZL410", "under-18-close", "warning",
    on="applicant-frame", by="schemas.business.ssw", params=('label', 'value', 'adult', 'on'),
     summary=("18歳になる前の申請です", "Filed before the applicant is 18"),
     message=("{label}「{value}」では18歳になるのが {adult} で、申請日（{on}）より後です。特定技能は18歳以上が基準です（認定は上陸時）。",
              "With {label} 「{value}」 the applicant turns 18 on {adult}, after the filing date ({on}); 特定技能 requires 18 or older (認定: at entry)."),
     explain=(f"""
何を調べるか: 変更・更新で申請日に18歳未満か。認定では、18歳の誕生日が「申請日＋3か月」より後で「申請日＋6か月」以前か
（審査が早いと認定証明書の有効期間内に18歳にならないおそれ）。
なぜ問題か: 特定技能は18歳以上が基準です（{_SR} §8.2）。認定は上陸時点で満たせばよいとされます（ZL404）。変更・更新で
どの時点の年齢で判断されるかの資料は見つかっていないため、警告にとどめます。
例: 変更で生年月日 20090101、申請日 2026-05-01。
直し方: 生年月日を確認してください。18歳になってから申請するか、審査で確認されることを見込んでください。
""", f"""
What it checks: for 変更/更新, under 18 on the filing date; for 認定, an 18th birthday after filing + 3 months but
no later than filing + 6 months (a fast decision could leave no time to land at 18).
Why: 特定技能 requires 18 or older ({_SR} §8.2); for 認定 at landing (ZL404). No source says at which moment a
変更/更新 applicant's age is judged, so this is a warning.
Example: a change filed 2026-05-01 for someone born 20090101.
Fix: check the birth date; file after the 18th birthday or expect the examiner to ask.
"""),
     source=cited("特定技能外国人は18歳以上（tokutei-ginou.co.jp/?p=557, gyosei-katuedo.com/custom3.html）; 変更・更新で判断される時点は未確認。",
                  "特定技能 workers must be 18 or older (tokutei-ginou.co.jp/?p=557, gyosei-katuedo.com/custom3.html); the moment it is judged for 変更/更新 is not verified."))

rule("ZL405", "1gou-without-support", "warning",
    on="applicant-frame", by="schemas.business.ssw", params=('label',),
     summary=("１号なのに支援の方法が選ばれていません", "1号 without a support arrangement"),
     message=("特定技能１号の申請です。{label}（委託する／委託しない）を選んでください。",
              "This is a 1号 application; answer {label} (entrust / not entrust)."),
     explain=(f"""
何を調べるか: １号の申請で、登録支援機関への全部委託の有無（区分V「特定技能1号での在留を希望し登録支援機関に…」）が空でないか。
なぜ問題か: １号には1号特定技能外国人支援計画があり、全部を登録支援機関に委託するか自社で支援体制（33）〜（41）を
持つ必要があります（{_TR} §9a-7, §10, {_SR} §8.2）。列項目TBLはこの欄を必須にしていないため、公式ツールは見逃します。
支援計画は添付資料で示すため、審査で確認される事項として警告にします。
例: １号で支援の委託の有無が空欄。
直し方: 「委託する」なら登録支援機関欄、「委託しない」なら自社支援欄を入力してください。
""", f"""
What it checks: a 1号 application answers whether support is entirely entrusted to a registered support organisation.
Why: 1号 needs a support plan run by an organisation or in-house ({_TR} §9a-7, §10, {_SR} §8.2); 列項目TBL does not mark
this field required, so the official tool misses it. The plan itself is an attachment, so this is a warning.
Example: 1号 with the entrust question blank.
Fix: choose entrust (fill the organisation) or not entrust (fill the in-house support items).
"""),
     source=cited("入管法第2条の5・特定技能基準省令第3条、第4条: １号には1号特定技能外国人支援計画が必要（yamato-gyosei02.com; system-rules §8.2）。",
                   "Immigration Control Act art. 2-5 and the standards ordinance arts. 3-4: 1号 needs a support plan (yamato-gyosei02.com; system-rules §8.2)."))

rule("ZL406", "2gou-with-support-plan", "warning",
    on="applicant-frame", by="schemas.business.ssw", params=('label', 'value'),
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
"""),
     source=cited("テンプレートの記載要領「特定技能２号の場合は入力不要」（template-reference §6 HC）。",
                   "the template's instructions: not needed for 特定技能２号 (template-reference §6 HC)."))

rule("ZL407", "dispatch-outside-agriculture-fishery", "warning",
    on="applicant-frame", by="schemas.business.ssw", params=('label', 'value'),
     summary=("農業・漁業以外で派遣先が入力されています", "Dispatch data for a field other than agriculture/fishery"),
     message=("{label}が入力されていますが（「{value}」）、派遣は農業分野・漁業分野だけです。",
              "{label} is filled (「{value}」) but dispatch is allowed only in agriculture and fishery."),
     explain=(f"""
何を調べるか: 特定産業分野に農業分野・漁業分野がないのに (12)派遣先 の欄が入力されていないか（最初の入力セルに報告）。
なぜ問題か: 特定技能は直接雇用が原則で、派遣は農業・漁業に限られます（{_TR} §10; ISA の特定技能ガイドブックで分野ごとの雇用形態が
「直接」「直接、派遣」とされています）。申請を止める規則ではなく審査で確認される事項のため警告です。
例: 外食業分野で派遣先の名称を入力。
直し方: 分野か派遣先の欄を直してください。
""", f"""
What it checks: (12) dispatch columns filled while no field is agriculture or fishery (first filled cell).
Why: 特定技能 is direct employment; dispatch only in agriculture and fishery ({_TR} §10; ISA's 特定技能 guidebook lists
the employment form of each field as direct or direct/dispatch); the examiner will ask, hence a warning.
Example: food service field with a dispatch destination.
Fix: correct the field or clear the dispatch columns.
"""),
     source=cited("特定技能の雇用形態は直接雇用、派遣は農業・漁業分野のみ（特定技能ガイドブック www.moj.go.jp/isa/content/930006033.pdf を出典とする gagr.co.jp/specific/農業; global-saiyo-lab.jp、cipenglishschool.com）。",
                   "特定技能 is direct employment; dispatch only in agriculture and fishery (ISA guidebook 930006033.pdf as cited by gagr.co.jp; global-saiyo-lab.jp, cipenglishschool.com)."))

rule("ZL408", "field-code-gou-mismatch", "error",
    on="applicant-frame", by="schemas.business.ssw", params=('label', 'value', 'gou'),
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
"""),
     source=cited("更新テンプレート 2026/02/27 版の分野コード表 CC04 は旧コードを号ごとに分けています（template-reference §8, §12）。",
                   "the 2026/02/27 renewal template's code list CC04 splits old field codes by 号 (template-reference §8, §12)."))

rule("ZL409", "technical-intern-status-for-ssw", "error",
    on="applicant-frame", by="schemas.business.ssw", params=('label', 'value'),
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
"""),
     source=cited("変更テンプレート 2026/04/01 版の名前定義の入れ違い（template-reference §12 Q1）; 特定技能のメニューで技能実習は申請できません。",
                   "the 2026/04/01 change template's swapped named ranges (template-reference §12 Q1); a 技能実習 status cannot be filed under 特定技能."))
