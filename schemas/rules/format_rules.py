"""ZL2xx: formats the official tool does not check (implemented in schemas/business/formats.py)."""
from . import rule

_TR = "template-reference"
_SR = "system-rules"

rule("ZL201", "real-date", "error",
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
"""))

rule("ZL202", "residence-card-number", "error",
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
"""))

rule("ZL203", "card-or-special-permanent-number", "error",
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
"""))

rule("ZL204", "card-number-pattern", "warning",
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
"""))

rule("ZL205", "ed-number", "error",
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
"""))

rule("ZL206", "name-format", "error",
     summary=("氏名の形式が違います", "Name not in passport form"),
     message=("{label}「{value}」は半角英大文字を半角スペース1つで区切って入力してください（104文字以内、例 HOUMU TARO）。",
              "{label} 「{value}」 must be half-width capitals separated by single spaces, at most 104 (e.g. HOUMU TARO)."),
     explain=(f"""
何を調べるか: 申請人の氏名（身分事項・同時申請）が ^[A-Z]+( [A-Z]+)*$ で104文字以内か。
なぜ問題か: テンプレートの記載要領が「旅券と同じ綴りで半角英字大文字、スペース区切り、104文字以内」と定めています
（{_TR} §5 氏名, §9b）。公式ツールの列項目TBLには文字種も桁数もありません。
例: 「Nguyen Van An」（小文字）、「NGUYEN  VAN」（スペース2つ）、「NGUYEN,VAN」、全角文字。
直し方: 旅券の氏名欄どおり大文字で、語の間は半角スペース1つにしてください。
""", f"""
What it checks: the applicant's name (main and 同時申請 sheets) matches ^[A-Z]+( [A-Z]+)*$ and is at most 104.
Why: the template's instructions require the passport spelling in half-width capitals, space-separated,
at most 104 ({_TR} §5, §9b); 列項目TBL has no class or length for it.
Example: lower case, double spaces, commas, full-width letters.
Fix: type the name as in the passport, in capitals, single spaces between words.
"""))

rule("ZL207", "email-syntax", "error",
     summary=("メールアドレスの形式が違います", "Invalid e-mail address"),
     message=("{label}「{value}」はメールアドレスとして正しくありません（{reason}）。",
              "{label} 「{value}」 is not a valid e-mail address ({reason})."),
     explain=(f"""
何を調べるか: メールアドレスと通知送信用メールアドレスの構文（email-validator ライブラリ、到達確認なし）。
なぜ問題か: 受付完了メール（申請受付番号）や結果の通知はこのアドレスに送られ、特例期間中の証明にもなります
（{_SR} §3）。公式ツールは半角英数記号60桁以内しか調べません。
例: 「name@@example.com」「name@example」「name@example,com」。
直し方: 正しいアドレスを入力してください。
""", f"""
What it checks: the syntax of the e-mail and notification e-mail addresses (email-validator, no DNS lookup).
Why: the filing receipt (with the application number) and results are sent there, and that mail is the
person's proof of a pending application ({_SR} §3); the tool checks only characters and length.
Example: 「name@@example.com」, 「name@example」, 「name@example,com」.
Fix: enter a valid address.
"""))

rule("ZL208", "notification-email-reused", "warning",
     summary=("同じ通知送信用メールアドレスが多数の申請人に使われています", "Notification address shared by many applicants"),
     message=("{label}「{value}」が{count}人の申請人に使われています。受付完了メールは申請人本人の証明になるため、本人のアドレスを確認してください。",
              "{label} 「{value}」 is used for {count} applicants; the receipt mail is the applicant's proof of filing, so check it is the applicant's own address."),
     explain=(f"""
何を調べるか: 通知送信用メールアドレスが1ファイル内で3人以上に同じか（大文字小文字を区別しません）。
なぜ問題か: オンライン申請では在留カードに「申請中」の押印がなく、本人に届く受付完了メールが特例期間中の
証明になります。ISA は他人のアドレスを入れる場合に注意を促しています（{_SR} §3, /isa/applications/online/11_00035.html）。
例: 取次者の会社アドレスを全員の通知先にしている。
直し方: できる限り申請人本人のアドレスを入力してください。意図どおりであれば警告は無視して構いません。
""", f"""
What it checks: one notification address used for 3 or more applicants of a file (case-insensitive).
Why: online filing leaves no stamp on the card; the receipt mail sent to the person is their proof during
the special period, and ISA warns about entering someone else's address ({_SR} §3).
Example: the agent's company address entered for every applicant.
Fix: use each applicant's own address where possible; ignore if intended.
"""))

rule("ZL209", "free-mail-domain", "warning",
     summary=("フリーメールのアドレスです（通知が届かないおそれ）", "Free-mail address (notices may not arrive)"),
     message=("{label}「{value}」はフリーメール（{domain}）です。通知メールが届かないおそれがあります。",
              "{label} 「{value}」 is a free-mail address ({domain}); notices may not arrive."),
     explain=(f"""
何を調べるか: 通知送信用メールアドレスのドメインが、フリーメールの一覧（schemas/business/freemail_domains.txt:
gmail.com, yahoo.co.jp, yahoo.com, hotmail.com, outlook.com, icloud.com など）にあるか。
なぜ問題か: ISA は海外サーバーを経由するフリーメールでは通知を受信できないことがあるとして、国内プロバイダの
アドレスと送信元ドメインの受信許可を勧めています（{_SR} §3; online-riyoumoushide.html 注3）。
例: 「nguyen@gmail.com」「siti@yahoo.co.jp」。
直し方: 可能なら国内プロバイダのアドレスにし、rasens-immi.moj.go.jp からの受信を許可してください。
""", f"""
What it checks: the notification address's domain is in the free-mail list
(schemas/business/freemail_domains.txt: gmail.com, yahoo.co.jp, yahoo.com, hotmail.com, outlook.com, icloud.com, ...).
Why: ISA notes that free-mail services routed via overseas servers may not receive notices and recommends a
Japanese provider ({_SR} §3; online-riyoumoushide.html note 3).
Example: 「nguyen@gmail.com」, 「siti@yahoo.co.jp」.
Fix: prefer a Japanese-provider address and allow mail from rasens-immi.moj.go.jp.
"""))

rule("ZL210", "corporate-number-check-digit", "error",
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
"""))

rule("ZL211", "rso-registration-number", "error",
     summary=("登録支援機関の登録番号の形式が違います", "Registered support organisation number not in its format"),
     message=("{label}「{value}」は「全角数字2桁＋登＋全角数字6桁」（例 １９登１２３４５６）で入力してください。",
              "{label} 「{value}」 must be 2 full-width digits + 登 + 6 full-width digits (e.g. １９登１２３４５６)."),
     explain=(f"""
何を調べるか: 登録支援機関の登録番号が ^[０-９]{{2}}登[０-９]{{6}}$ か。
なぜ問題か: テンプレートの記載例が「９９登９９９９９９」（漢字＋全角数字9文字）です（{_TR} §6 IL–JF, §9b）。
例: 「19登123456」（半角）、「１９－登－１２３４５６」。
直し方: 登録通知書の番号を全角で入力してください。
""", f"""
What it checks: the registered support organisation number matches ^[０-９]{{2}}登[０-９]{{6}}$.
Why: the template's example is 「９９登９９９９９９」 ({_TR} §6, §9b).
Example: 「19登123456」 (half-width), 「１９－登－１２３４５６」.
Fix: enter the number from the registration notice in full-width digits.
"""))

rule("ZL212", "employment-insurance-number", "error",
     summary=("雇用保険適用事業所番号は数字11桁です", "Employment insurance office number must be 11 digits"),
     message=("{label}「{value}」は数字11桁（ハイフンなし）で入力してください。",
              "{label} 「{value}」 must be 11 digits without hyphens."),
     explain=(f"""
何を調べるか: 雇用保険適用事業所番号が数字11桁か（列項目TBLが既に11桁一致の半角数字としている欄は ZL102/ZL104 に任せます）。
なぜ問題か: 番号は11桁です（{_TR} §6, §9b）。
例: 「1301-123456-7」。
直し方: ハイフンを除いた11桁を入力してください。
""", f"""
What it checks: employment insurance office numbers are 11 digits (fields the column table already fixes to
11 half-width digits are left to ZL102/ZL104).
Why: the number has 11 digits ({_TR} §6, §9b).
Example: 「1301-123456-7」.
Fix: enter the 11 digits without hyphens.
"""))

rule("ZL213", "outside-jis-x-0208", "error",
     summary=("システムで扱えない文字（JIS第1・第2水準外）があります", "Characters outside JIS X 0208 (levels 1–2)"),
     message=("{label}にJIS第1・第2水準にない文字「{bad}」があります。常用の字体に置き換えてください。",
              "{label} contains characters outside JIS X 0208 levels 1–2: 「{bad}」; use a standard form."),
     explain=(f"""
何を調べるか: 自由記述欄の文字が JIS X 0208（第1・第2水準と記号）で表せるか（Python の iso2022_jp で符号化できるか）。
欄の文字種が許さない文字は ZL102 が報告するので、ここでは文字種は満たすが JIS 外の文字だけを報告します。
なぜ問題か: 申請システムでは第1・第2水準外の文字や外字が使えないのが実務上の扱いです（{_TR} §9b
「JIS level 1/2 kanji only / no 外字」; 正確なシステム仕様は未確認のため、実務の扱いに合わせて error）。
例: 𠮷（つちよし）、異体字。
直し方: 常用の字体（吉 など）に置き換えてください。
""", f"""
What it checks: free-text characters are representable in JIS X 0208 (encodable with Python's iso2022_jp);
characters the field's class forbids are ZL102's, so only class-valid but non-JIS characters are reported.
Why: practitioners report that the system cannot take characters outside JIS levels 1–2 or user-defined
characters ({_TR} §9b; the exact system rule is not verified, severity follows that practice).
Example: 𠮷. Fix: use the standard form (吉).
"""))

rule("ZL214", "platform-dependent-character", "warning",
     summary=("機種依存文字があります", "Platform-dependent characters"),
     message=("{label}に機種依存文字「{bad}」があります（①→(1)、Ⅰ→I、㈱→(株) などに置き換えてください）。",
              "{label} contains platform-dependent characters 「{bad}」 (replace ① by (1), Ⅰ by I, ㈱ by (株), ...)."),
     explain=(f"""
何を調べるか: NEC特殊文字（①、Ⅰ、㈱、㎡ など）や IBM 拡張文字（髙、﨑 など）— Windows の cp932 にはあるが JIS X 0208 にない文字。
なぜ問題か: JIS 第1・第2水準外であり、受け側で文字化け・拒否のおそれがあります（{_TR} §9b）。
一部はシステムが通す可能性もあるため警告にしています。
例: 「①日本語学習」「髙田１－２－３」。
直し方: (1)、I、(株)、高、崎 などに置き換えてください。
""", f"""
What it checks: NEC special characters (①, Ⅰ, ㈱, ㎡ ...) and IBM extensions (髙, 﨑 ...): present in Windows cp932
but not in JIS X 0208.
Why: outside JIS levels 1–2, so they may be garbled or refused ({_TR} §9b); a warning, since some may pass.
Example: 「①日本語学習」, 「髙田１－２－３」.
Fix: replace by (1), I, (株), 高, 崎 ...
"""))

rule("ZL215", "half-width-katakana", "warning",
     summary=("半角カタカナがあります", "Half-width katakana"),
     message=("{label}に半角カタカナ「{bad}」があります。全角カタカナにしてください。",
              "{label} contains half-width katakana 「{bad}」; use full-width katakana."),
     explain=(f"""
何を調べるか: 文字種の制限がない（すべて）欄にある半角カタカナ。文字種の決まった欄では ZL102 が報告します。
なぜ問題か: 半角カタカナは JIS X 0208 の文字ではなく、申請書の全角表記と合わなくなります（{_TR} §9b; 実務上の扱い）。
例: 変更の理由に「ｶﾞｲｼｮｸ」。
直し方: 全角カタカナに変換してください。
""", f"""
What it checks: half-width katakana in fields of unrestricted class (other fields: ZL102).
Why: half-width katakana are not JIS X 0208 characters and do not match the full-width forms ({_TR} §9b; practice).
Example: 「ｶﾞｲｼｮｸ」 in the reason field.
Fix: convert to full-width katakana.
"""))
