"""ZL2xx: formats the official tool does not check (implemented in schemas/business/formats.py)."""
from . import cited, rule, unverified

_TR = "template-reference"
_SR = "system-rules"

rule("ZL201", "real-date", "error",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value', 'expected'),
    fix=('「YYYY/MM/DD」「YYYY-MM-DD」「YYYY.MM.DD」を8桁の文字列にします。',
         'writes YYYY/MM/DD, YYYY-MM-DD and YYYY.MM.DD as 8 digits.'),
     summary=("実在しない日付です", "Not a real calendar date"),
     message=("{label}「{value}」は実在する日付ではありません（{expected}）。",
              "{label} 「{value}」 is not a real date ({expected})."),
     explain=(f"""
何を調べるか: 日付の項目（列項目TBLに「日付出力」がある YYYYMMDD / YYYYMM の項目）が実在する日付か。
生年月日は、不明を表す 99999999・YYYY0000・YYYYMM00 を認めます。桁数・文字種は ZL104/ZL102 が調べます。
列項目TBLに文字種・桁数のない日付（在留期間の満了日、旅券の有効期限）は、このルールが形式（8桁の数字）も調べます。
なぜ問題か: 公式ツールは桁数と数字しか調べず、20260231 や 202613 もそのまま出力します。システムで日付として
受け付けられず、申請が差し戻されます（{_TR} §9b「Dates must be real calendar dates」、§12）。
例: 20260230、19990431、202513（職歴の年月）。
直し方: 在留カード・旅券・契約書を確認して正しい日付を入力してください。
""", f"""
What it checks: date fields (those with a 日付出力 pattern in 列項目TBL, YYYYMMDD or YYYYMM) hold a real
calendar date. Birth dates also accept the 'unknown' forms 99999999, YYYY0000 and YYYYMM00. Length and
character class are ZL104/ZL102; for dates the column table leaves unchecked (在留期間の満了日, the passport's
expiry) this rule also checks the form (8 digits): "2027/02/25" passes the official tool.
Why: the official tool checks only digits and length, so 20260231 or 202613 are exported and then fail
as dates ({_TR} §9b, §12).
Example: 20260230, 19990431, 202513 (a job-history month).
Fix: enter the date from the card, passport or contract.
"""),
     source=cited("一括登録用Excelツールの記載例: 日付は西暦の YYYYMMDD（年月は YYYYMM）; 実在しない日付は日付として成り立ちません（template-reference §9b, §12）。",
                   "the bulk tool's instructions: dates are written YYYYMMDD (months YYYYMM); a non-existent day is not a date (template-reference §9b, §12)."))

rule("ZL202", "residence-card-number", "error",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value'),
     summary=("在留カード番号の形式が違います", "Residence card number not in the card format"),
     message=("{label}「{value}」は在留カード番号の形式（英大文字2桁＋数字8桁＋英大文字2桁、例 AB12345678CD）ではありません。",
              "{label} 「{value}」 is not a residence card number (2 capitals + 8 digits + 2 capitals, e.g. AB12345678CD)."),
     explain=(f"""
何を調べるか: 在留カード番号が ^[A-Z]{{2}}[0-9]{{8}}[A-Z]{{2}}$ か。
なぜ問題か: 在留カード番号は英字2桁・数字8桁・英字2桁の12桁です（{_TR} §5, §9b; gh-tec.co.jp/column/residence-card-number,
attorney-office.com/blog/20170213ci）。公式ツールは半角英数12桁以内しか調べません。
例: AB1234567CD（数字7桁）、ab12345678cd（小文字）、AB12345678（末尾なし）。
直し方: 在留カード表面右上の番号をそのまま入力してください。
""", f"""
What it checks: the residence card number matches ^[A-Z]{{2}}[0-9]{{8}}[A-Z]{{2}}$.
Why: a card number is 2 letters, 8 digits, 2 letters ({_TR} §5, §9b; gh-tec.co.jp, attorney-office.com);
the tool only checks 'alphanumeric, at most 12'.
Example: AB1234567CD (7 digits), lower case, missing final letters.
Fix: copy the number printed at the top right of the card.
"""),
     source=cited("在留カード番号は英字2桁・数字8桁・英字2桁の12桁（gh-tec.co.jp/column/residence-card-number, attorney-office.com/blog/20170213ci; template-reference §5）。",
                   "a residence card number is 2 letters, 8 digits, 2 letters (gh-tec.co.jp/column/residence-card-number, attorney-office.com/blog/20170213ci; template-reference §5)."))

rule("ZL203", "card-or-special-permanent-number", "error",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value'),
     summary=("在留カード番号・特別永住者証明書番号に使えない文字があります",
              "Card / special permanent resident certificate number with invalid characters"),
     message=("{label}「{value}」は半角英大文字と数字の12桁で入力してください。",
              "{label} 「{value}」 must be 12 half-width capital letters and digits."),
     explain=(f"""
何を調べるか: 在留カード番号又は特別永住者証明書番号を入れる欄（在日親族、同時申請）が半角英大文字・数字の12桁か
（12桁でないものは ZL104 が報告します）。
なぜ問題か: どちらの番号も半角英大文字と数字の12桁です（{_TR} §5, §7, §9b）。小文字や記号は番号として一致しません。
例: ab12345678cd、AB-2345678CD。
直し方: カードの番号を大文字で入力してください。
""", f"""
What it checks: fields that may hold a residence card or special permanent resident certificate number
(relatives, 同時申請) are 12 half-width capitals/digits (a wrong length is ZL104).
Why: both numbers are 12 capitals/digits ({_TR} §5, §7, §9b).
Example: ab12345678cd, AB-2345678CD.
Fix: enter the number in capitals.
"""),
     source=cited("在留カード番号・特別永住者証明書番号はいずれも英大文字と数字の12桁（template-reference §5, §7）。",
                   "residence card and special permanent resident certificate numbers are 12 capitals/digits (template-reference §5, §7)."))

rule("ZL204", "card-number-pattern", "warning",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value'),
     summary=("在留カード番号の形式ではありません（特別永住者証明書番号なら問題ありません）",
              "Not the residence card pattern (fine if it is a special permanent resident certificate number)"),
     message=("{label}「{value}」は在留カード番号の形式（AB12345678CD）ではありません。特別永住者証明書番号であれば問題ありません。",
              "{label} 「{value}」 is not in the residence card pattern (AB12345678CD); fine if it is a special permanent resident certificate number."),
     explain=(f"""
何を調べるか: 在留カード番号又は特別永住者証明書番号を入れる欄の値が、在留カード番号の形式（英2＋数8＋英2）か。
なぜ問題か: 在留カード番号なら形式が決まっています（{_TR} §9b）。特別永住者証明書番号の形式は確認できていないため、
警告にとどめます。
例: 1234567890AB。
直し方: 在留カードの番号であれば見直してください。特別永住者証明書番号であればそのままで構いません。
""", f"""
What it checks: a card-or-certificate number field holds the residence card pattern (2 letters + 8 digits + 2 letters).
Why: residence card numbers have that structure ({_TR} §9b); the structure of special permanent resident
certificate numbers could not be verified, so this is only a warning.
Example: 1234567890AB.
Fix: check it if it is a residence card number; leave it if it is a certificate number.
"""),
     source=cited("在留カード番号の形式（英2＋数8＋英2）; 特別永住者証明書番号の形式は未確認（template-reference §9b）。",
                   "the residence card pattern (2 letters + 8 digits + 2 letters); the certificate's pattern is not verified (template-reference §9b)."))

rule("ZL205", "ed-number", "error",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value', 'expected'),
     summary=("ED番号の形式が違います", "ED number not in its format"),
     message=("{label}「{value}」の形式が違います（ED番号は英大文字4桁＋数字7桁; この欄は {expected}）。",
              "{label} 「{value}」 is not valid (an ED number is 4 capital letters + 7 digits; this part: {expected})."),
     explain=(f"""
何を調べるか: ED番号（英字）が英大文字4桁、ED番号（数字）が数字7桁か。
なぜ問題か: EDカード裏面右上の番号は英字4桁＋数字7桁です（{_TR} §5 「EDカード裏面右上 (英4+数7)」, §9b）。
例: 英字「ab12」、数字「123456」。
直し方: EDカードの番号を英字と数字に分けて入力してください。
""", f"""
What it checks: ED number (letters) is 4 capitals and ED number (digits) is 7 digits.
Why: the number at the top right of the back of the ED card is 4 letters + 7 digits ({_TR} §5, §9b).
Example: letters 「ab12」, digits 「123456」.
Fix: split the ED card number into its letters and its digits.
"""),
     source=cited("テンプレートの記載要領「EDカード裏面右上（英4＋数7）」（template-reference §5）。",
                   "the template's instructions: the number at the top right of the back of the ED card, 4 letters + 7 digits (template-reference §5)."))

rule("ZL206", "name-format", "error",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value'),
    fix=('半角に変換し、前後と二重の空白を除き、大文字にします。',
         'half-width, spaces trimmed and collapsed, upper case.'),
     summary=("氏名の形式が違います", "Name not in passport form"),
     message=("{label}「{value}」は旅券どおり半角英大文字で入力してください（語の区切りは半角スペース、104文字以内、例 HOUMU TARO）。",
              "{label} 「{value}」 must be written as in the passport in half-width capitals (words separated by spaces, at most 104, e.g. HOUMU TARO)."),
     explain=(f"""
何を調べるか: 申請人の氏名（身分事項・同時申請）が半角英大文字の語でできているか（104文字以内）。
語の区切りは半角スペース（旧画面の記載例のカンマも認めます）、語の中のハイフンとアポストロフィ（旅券に
MARIE-CLAIRE、O'NEIL のように印字されるもの）は認めます。
なぜ問題か: テンプレートの記載要領が「旅券と同じ綴りで半角英字大文字、スペース区切り、104文字以内」と定めています
（{_TR} §5 氏名）。小文字は旧オンライン画面でエラーになったと報告されています（{_SR} §7）。
例: 「Nguyen Van An」（小文字）、全角文字、数字。
直し方: 旅券の氏名欄どおり大文字で入力してください。
""", f"""
What it checks: the applicant's name (main and 同時申請 sheets) consists of words of half-width capitals, at most
104 characters. Words are separated by spaces (a comma, as on the old screens, is accepted); hyphens and
apostrophes inside a word, as passports print them (MARIE-CLAIRE, O'NEIL), are accepted.
Why: the template's instructions require the passport spelling in half-width capitals, space-separated,
at most 104 ({_TR} §5); lower case was reported as an error on the old online screens ({_SR} §7).
Example: lower case, full-width letters, digits.
Fix: type the name as in the passport, in capitals.
"""),
     source=cited("テンプレートの記載要領（氏名: 旅券と同じ綴り、半角英字大文字、スペース区切り、104文字以内; template-reference §5）; "
                  "小文字は旧画面でエラー（dejimalaw.com、gyosei.xyz/sinseionline; system-rules §7）。",
                  "the template's instructions (name: passport spelling, half-width capitals, space-separated, at most 104; "
                  "template-reference §5); lower case rejected on the old screens (dejimalaw.com, gyosei.xyz/sinseionline; system-rules §7)."))

rule("ZL207", "email-syntax", "warning",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value', 'reason'),
    fix=('全角の記号（＠など）を半角にします。',
         'full-width symbols (＠) to half-width.'),
     summary=("メールアドレスの形式が違います", "Invalid e-mail address"),
     message=("{label}「{value}」はメールアドレスとして正しくありません（{reason}）。",
              "{label} 「{value}」 is not a valid e-mail address ({reason})."),
     explain=(f"""
何を調べるか: メールアドレスと通知送信用メールアドレスが、メールを受け取れる形か（@ が1つ、@ の前後が空でない、
空白がない、ドメインが「.」で区切られた英数字・ハイフンのラベル）。到達確認はしません。
旧携帯キャリアのアドレス（a..b@docomo.ne.jp、abc.@ezweb.ne.jp）は実際に使われているため認めます。
なぜ問題か: 受付完了メール（申請受付番号）や結果の通知はこのアドレスに送られ、特例期間中の証明になります
（ISA /isa/applications/online/11_00035.html を引用する horeigis.com/info/20240430110438.html; {_SR} §3）。
申請システムが形式を拒否するかは確認できていないため警告です（公式ツールは半角英数記号60桁以内だけを調べます）。
例: 「name@@example.com」「name@example」「name@example,com」。
直し方: 正しいアドレスを入力してください。
""", f"""
What it checks: the e-mail and notification e-mail addresses can receive mail: one @, something on both sides,
no blanks, a domain of dot-separated letter/digit/hyphen labels. No DNS lookup. Old carrier addresses
(a..b@docomo.ne.jp, abc.@ezweb.ne.jp) are in real use and accepted.
Why: the filing receipt (with the application number) and results are sent there, and that mail is the
person's proof of a pending application (ISA 11_00035.html as quoted by horeigis.com; {_SR} §3). Whether the
online system rejects the form is not verified, so this is a warning (the tool checks only class and length).
Example: 「name@@example.com」, 「name@example」, 「name@example,com」.
Fix: enter a valid address.
"""),
     source=cited("ISA「オンライン申請中であることの確認方法」（/isa/applications/online/11_00035.html、horeigis.com/info/20240430110438.html が引用）: "
                  "申請受付番号を記載した受付完了メールがこのアドレスに送られ、申請中の証明になる。",
                  "ISA's note on proving a pending online application (/isa/applications/online/11_00035.html, quoted by "
                  "horeigis.com/info/20240430110438.html): the receipt with the application number is mailed to this address and is the proof."))

rule("ZL208", "notification-email-reused", "info",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value', 'count'),
     summary=("同じ通知送信用メールアドレスが多数の申請人に使われています", "Notification address shared by many applicants"),
     message=("{label}「{value}」が{count}人の申請人に使われています。本人のアドレスがあればそれを入力し、ない場合は受付完了メールを本人に渡してください。",
              "{label} 「{value}」 is used for {count} applicants; enter the applicant's own address if they have one, otherwise pass the receipt mail on to them."),
     explain=(f"""
何を調べるか: 通知送信用メールアドレスが1ファイル内で3人以上に同じか（大文字小文字を区別しません）。
なぜ問題か: 問題ではありません。ISA は本人がメールアドレスを持たない場合に本人以外のアドレスを入力することを認め、
その場合は本人が受付完了メール（申請中の証明）を携帯できるよう留意するよう求めています
（horeigis.com/info/20240430110438.html が引用する ISA /isa/applications/online/11_00035.html; {_SR} §3）。そのため情報です。
例: 取次者の会社アドレスを全員の通知先にしている。
直し方: 本人のアドレスがあれば入力してください。ない場合はそのままで構いません。
""", f"""
What it checks: one notification address used for 3 or more applicants of a file (case-insensitive).
Why: not a defect. ISA allows someone else's address when the person has none, and asks that the person can
then still carry the receipt mail, their proof of a pending application (ISA 11_00035.html as quoted by
horeigis.com/info/20240430110438.html; {_SR} §3). Hence advice only.
Example: the agent's company address entered for every applicant.
Fix: use the applicant's own address if they have one; otherwise nothing to do.
"""),
     source=cited("ISA /isa/applications/online/11_00035.html（horeigis.com/info/20240430110438.html が引用）: 本人がメールアドレスを持たず本人以外のアドレスを入力した場合は、受付完了メールの携帯に留意。",
                  "ISA 11_00035.html (quoted by horeigis.com/info/20240430110438.html): when the person has no address and another one is entered, make sure the person can carry the receipt mail."))

rule("ZL209", "free-mail-domain", "info",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value', 'domain'),
     summary=("フリーメールのアドレスです（通知が届かないことがあります）", "Free-mail address (notices may not arrive)"),
     message=("{label}「{value}」はフリーメール（{domain}）です。通知が届かないことがあるため、受信設定を確認してください。",
              "{label} 「{value}」 is a free-mail address ({domain}); notices may not arrive, so check the mail settings."),
     explain=(f"""
何を調べるか: 通知送信用メールアドレスのドメインが、フリーメールの一覧（schemas/business/freemail_domains.txt:
gmail.com, yahoo.co.jp, yahoo.com, hotmail.com, outlook.com, icloud.com など）にあるか。
なぜ問題か: 問題ではありません。ISA は利用者（オンラインシステムの登録者）のアドレスについて、海外サーバーを経由する
フリーメールでは通知が届かないことがあるとして国内プロバイダのアドレスを推奨しています
（www.moj.go.jp/isa/applications/guide/online-riyoumoushide.html 注3）。申請人の通知送信用アドレスについての定めではなく、
多くの申請人はフリーメールを使うため、情報にとどめます。
例: 「nguyen@gmail.com」。
直し方: 受信拒否設定がある場合は送信元ドメインからの受信を許可してください。
""", f"""
What it checks: the notification address's domain is in the free-mail list
(schemas/business/freemail_domains.txt: gmail.com, yahoo.co.jp, yahoo.com, hotmail.com, outlook.com, icloud.com, ...).
Why: not a defect. ISA notes, for the registered user's own address, that free-mail services routed via
overseas servers may not receive notices and recommends a Japanese provider
(www.moj.go.jp/isa/applications/guide/online-riyoumoushide.html note 3). That is not a rule about the
applicant's notification address, and most applicants use free mail, so this is advice only.
Example: 「nguyen@gmail.com」.
Fix: allow mail from the sender's domain if the mailbox filters mail.
"""),
     source=cited("www.moj.go.jp/isa/applications/guide/online-riyoumoushide.html 注3: 海外のIPアドレスを制限しているため、海外サーバを経由するフリーメールでは通知メールが届かないことがある（利用者のアドレスについての記述）。",
                  "www.moj.go.jp/isa/applications/guide/online-riyoumoushide.html note 3: overseas IPs are blocked, so free mail routed via overseas servers may miss notices (said of the user's address)."))

rule("ZL210", "corporate-number-check-digit", "error",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value', 'digit'),
     summary=("法人番号のチェックデジットが合いません", "Corporate number check digit wrong"),
     message=("{label}「{value}」は法人番号として正しくありません（先頭のチェックデジットは {digit} のはずです）。",
              "{label} 「{value}」 is not a valid corporate number (its check digit should be {digit})."),
     explain=(f"""
何を調べるか: 13桁の法人番号の先頭1桁（チェックデジット）が 9 −（Σ Pn×Qn を 9 で割った余り）か。
Pn は右から n 桁目の数字（基礎番号12桁）、Qn は n が奇数なら1、偶数なら2。
なぜ問題か: 国税庁の法人番号の定めです（{_TR} §9a-8; qiita.com/mziyut/items/bab37dbce1c23771c817）。
公式ツールは13桁かどうかしか調べません。入力ミスの大半はこれで見つかります。
例: 1234567890123（正しくは 9234567890123）。
直し方: 国税庁法人番号公表サイトで番号を確認してください。
""", f"""
What it checks: the first digit of a 13-digit corporate number equals 9 − (Σ Pn×Qn mod 9), Pn the n-th digit
from the right of the 12-digit base, Qn = 1 for odd n, 2 for even n.
Why: the National Tax Agency's definition ({_TR} §9a-8); the tool checks only the length.
Example: 1234567890123 (valid would be 9234567890123).
Fix: look the number up on the NTA corporate-number site.
"""),
     source=cited("法人番号の指定等に関する省令 第2条（チェックデジットの計算式; 国税庁 法人番号公表サイト）。",
                   "the ordinance on corporate numbers, art. 2 (the check-digit formula; NTA corporate number site)."))

rule("ZL211", "rso-registration-number", "warning",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value'),
    fix=('半角数字を全角にします。',
         'half-width digits to full-width.'),
     summary=("登録支援機関の登録番号がテンプレートの記載例の形式ではありません", "Registered support organisation number not in the template's example form"),
     message=("{label}「{value}」はテンプレートの記載例の形式「全角数字2桁＋登＋全角数字6桁」（例 １９登１２３４５６）ではありません。",
              "{label} 「{value}」 is not in the template's example form: 2 full-width digits + 登 + 6 full-width digits (e.g. １９登１２３４５６)."),
     explain=(f"""
何を調べるか: 登録支援機関の登録番号が ^[０-９]{{2}}登[０-９]{{6}}$ か。
なぜ問題か: テンプレートの記載例が「９９登９９９９９９」（漢字＋全角数字9文字）です（{_TR} §6 IL–JF）。
記載例は規則ではないため、警告にとどめます。
例: 「19登123456」（半角）。
直し方: 登録通知書の番号を記載例の形式で入力してください。
""", f"""
What it checks: the registered support organisation number matches ^[０-９]{{2}}登[０-９]{{6}}$.
Why: the template's example is 「９９登９９９９９９」 ({_TR} §6). An example is not a rule, so this is a warning.
Example: 「19登123456」 (half-width).
Fix: enter the number from the registration notice in the example's form.
"""),
     source=cited("テンプレートの記載例「９９登９９９９９９」（template-reference §6）。", "the template's example 「９９登９９９９９９」 (template-reference §6)."))

rule("ZL212", "employment-insurance-number", "warning",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'value'),
     summary=("雇用保険適用事業所番号は数字11桁です", "Employment insurance office number has 11 digits"),
     message=("{label}「{value}」は数字11桁（ハイフンなし）で入力してください。",
              "{label} 「{value}」 should be 11 digits without hyphens."),
     explain=(f"""
何を調べるか: 雇用保険適用事業所番号が数字11桁か（列項目TBLが既に11桁一致の半角数字としている欄は ZL102/ZL104 に任せます）。
なぜ問題か: 番号は 4桁-6桁-1桁 の11桁です（{_TR} §6）。ハイフン付きでも同じ番号を表すため、警告にとどめます。
例: 「1301-12345」（桁不足）。
直し方: ハイフンを除いた11桁を入力してください。
""", f"""
What it checks: employment insurance office numbers are 11 digits (fields the column table already fixes to
11 half-width digits are left to ZL102/ZL104).
Why: the number has 4-6-1 = 11 digits ({_TR} §6); written with hyphens it is still the same number, so a warning.
Example: 「1301-12345」 (too short).
Fix: enter the 11 digits without hyphens.
"""),
     source=cited("雇用保険適用事業所番号は 4-6-1 の11桁（template-reference §6）。", "the office number has 4-6-1 = 11 digits (template-reference §6)."))

rule("ZL213", "outside-jis-x-0208", "info",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'bad'),
     summary=("JIS第1・第2水準にない文字があります", "Characters outside JIS X 0208 (levels 1–2)"),
     message=("{label}にJIS第1・第2水準にない文字「{bad}」があります。公式ツールは受け付けますが、常用の字体にすると確実です。",
              "{label} contains characters outside JIS X 0208 levels 1–2: 「{bad}」; the official tool accepts them, a standard form is safer."),
     explain=(f"""
何を調べるか: 文字種を満たす自由記述の文字のうち、JIS X 0208（第1・第2水準と記号）で表せないもの（iso2022_jp で符号化できないもの）。
なぜ問題か: 問題とは限りません。公式ツールの漢字の文字種は U+4E00〜U+A000 を受け付け（列項目TBL・VBA removeChr）、
アップロードファイルは UTF-16 です。JIS 第1・第2水準に限るという定めは e-Gov 等の別のシステムのもので、
このシステムについての根拠は見つかっていません（未確認）。そのため情報にとどめます。
例: 鷗、剝、噓、𠮷、貼り付けたダッシュや記号。
直し方: 必要なら常用の字体（鴎、剥、嘘、吉）に置き換えてください。
""", f"""
What it checks: class-valid free-text characters that JIS X 0208 (levels 1–2 and symbols) cannot represent
(not encodable as iso2022_jp).
Why: not necessarily a problem. The official tool's kanji class accepts U+4E00–U+A000 (列項目TBL, VBA removeChr)
and the upload file is UTF-16. The 'JIS levels 1–2 only' rule belongs to other systems (e-Gov); no source
says it for this one (unverified), so this is advice only.
Example: 鷗, 剝, 噓, 𠮷, pasted dashes or symbols.
Fix: if you like, use the standard form (鴎, 剥, 嘘, 吉).
"""),
     source=unverified("このシステムが JIS 第1・第2水準外の文字を拒否するという資料は見つかっていません（template-reference §9b は実務上の扱い）。公式ツールは U+4E00〜U+A000 を受け付けます。",
                       "no source says this system rejects characters outside JIS levels 1–2 (template-reference §9b is practice); the official tool accepts U+4E00–U+A000."))

rule("ZL214", "platform-dependent-character", "info",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'bad'),
     summary=("機種依存文字があります", "Platform-dependent characters"),
     message=("{label}に機種依存文字「{bad}」があります（①→(1)、Ⅰ→I、㈱→(株) などに置き換えると確実です）。",
              "{label} contains platform-dependent characters 「{bad}」 (replacing ① by (1), Ⅰ by I, ㈱ by (株) ... is safer)."),
     explain=(f"""
何を調べるか: NEC特殊文字（①、Ⅰ、㈱、㎡ など）や IBM 拡張文字（髙、﨑 など）— Windows の cp932 にはあるが JIS X 0208 にない文字。
なぜ問題か: 問題とは限りません。欄の文字種が許す文字は公式ツールが受け付け、アップロードファイルは UTF-16 です。
受け側で化けるという資料は見つかっていないため（未確認）、情報にとどめます。
例: 「①日本語学習」「髙田１－２－３」。
直し方: 必要なら (1)、I、(株)、高、崎 などに置き換えてください。
""", f"""
What it checks: NEC special characters (①, Ⅰ, ㈱, ㎡ ...) and IBM extensions (髙, 﨑 ...): present in Windows cp932
but not in JIS X 0208.
Why: not necessarily a problem: characters the field's class allows pass the official tool, and the upload is
UTF-16. No source says they are garbled or refused (unverified), so this is advice only.
Example: 「①日本語学習」, 「髙田１－２－３」.
Fix: if you like, replace by (1), I, (株), 高, 崎 ...
"""),
     source=unverified("機種依存文字をこのシステムが拒否するという資料は見つかっていません。",
                       "no source says this system refuses platform-dependent characters."))

rule("ZL215", "half-width-katakana", "info",
    on="applicant-frame", by="schemas.business.formats", params=('label', 'bad'),
     summary=("半角カタカナがあります", "Half-width katakana"),
     message=("{label}に半角カタカナ「{bad}」があります。全角カタカナにすると確実です。",
              "{label} contains half-width katakana 「{bad}」; full-width katakana are safer."),
     explain=(f"""
何を調べるか: 文字種の制限がない（すべて）欄にある半角カタカナ。文字種の決まった欄では ZL102 が報告します。
なぜ問題か: 文字種の制限がない欄では公式ツールが受け付けます。システムが拒否するという資料は見つかっていないため
（未確認）、情報にとどめます。
例: 変更の理由に「ｶﾞｲｼｮｸ」。
直し方: 必要なら全角カタカナに変換してください。
""", f"""
What it checks: half-width katakana in fields of unrestricted class (other fields: ZL102).
Why: the official tool accepts them in unrestricted fields; no source says the system refuses them
(unverified), so this is advice only.
Example: 「ｶﾞｲｼｮｸ」 in the reason field.
Fix: if you like, convert to full-width katakana.
"""),
     source=unverified("半角カタカナをこのシステムが拒否するという資料は見つかっていません。",
                       "no source says this system refuses half-width katakana."))
