"""Fictional sample workbooks for 特定技能 (更新 / 変更), made from the shipped snapshots.

Everything here is invented (names, numbers, companies); values are drawn from the snapshot's code
lists so that a clean sample passes the column table. Nothing is copied from an official workbook:
the files are written by devtools.bare.write_bare_workbook. Output is deterministic (fixed seed, fixed
workbook properties and zip timestamps), so regenerating gives byte-identical files.

    from devtools.samplegen import build_all
    build_all("sample_workbooks")
"""
from __future__ import annotations

import datetime as dt
import random
import re
import zipfile
from pathlib import Path

from schemas.snapshot import SIMULTANEOUS_SHEET, load_snapshot

from .bare import write_bare_workbook

SSW = "特定技能 Specified Skilled Worker"
REFERENCE_DATE = dt.date(2026, 12, 1)          # the filing date the samples are made for
FIXED_STAMP = "2026-01-01T00:00:00Z"           # workbook properties created/modified
SEED = 20261201
VERSIONS = {"koushin": "2026/02/27", "henkou": "2026/04/01"}
V_SHEET = "申請情報入力(区分V)"

YES, NO = "有 Yes", "無 No"
INTENT = ("申請人(代理人による申請の場合は当該代理人)に申請の意思を確認しました。 "
          "Confirmed intent of application with applicant (or agent).")
MAIL = "郵送 Mailing"
STATUS_1 = "特定技能１号 Specified Skilled Worker ( i )"
STATUS_2 = "特定技能２号 Specified Skilled Worker ( ii )"


# --- small helpers -------------------------------------------------------------------------
def zen(text: str) -> str:
    """Half-width digits, letters and '-' to full-width (addresses are 全角 only)."""
    out = []
    for ch in str(text):
        if ch == "-":
            out.append("－")
        elif ch == " ":
            out.append("　")
        elif "!" <= ch <= "~":
            out.append(chr(ord(ch) + 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def ymd(d: dt.date) -> str:
    return d.strftime("%Y%m%d")


def corporate_number(base12: str) -> str:
    """13-digit 法人番号: check digit 9 − (Σ Pn×Qn mod 9), Qn 1/2 alternating from the right, in front."""
    assert len(base12) == 12 and base12.isdigit()
    s = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(reversed(base12)))
    return str(9 - s % 9) + base12


def corporate_number_ok(number: str) -> bool:
    return len(number) == 13 and number.isdigit() and corporate_number(number[1:]) == number


# --- fictional people ----------------------------------------------------------------------
# nationality label -> (surnames, male given names, female given names, home towns, languages, passport style)
NATIONS = {
    "ベトナム Viet Nam": (
        ["NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "VU", "DANG", "BUI", "DO", "NGO"],
        ["VAN AN", "VAN BINH", "VAN HUNG", "DUC NAM", "MINH TUAN", "QUANG HUY", "VAN DUC"],
        ["THI LAN", "THI MAI", "THI THAO", "THI LINH", "THI HOA", "NGOC ANH", "THI HUONG"],
        ["ベトナム国ハノイ市", "ベトナム国ホーチミン市", "ベトナム国ダナン市", "ベトナム国ハイフォン市"],
        "ベトナム語、英語", "C{7}"),
    "フィリピン Philippines": (
        ["SANTOS", "REYES", "CRUZ", "BAUTISTA", "GARCIA", "MENDOZA", "TORRES", "RAMOS"],
        ["JOSE MIGUEL", "MARK ANTHONY", "JOHN PAUL", "RAFAEL", "CARLO"],
        ["MARIA CLARA", "ANGELICA", "KRISTINE JOY", "MARIA LOURDES", "JOANNA"],
        ["フィリピン国マニラ市", "フィリピン国セブ市", "フィリピン国ダバオ市"],
        "タガログ語、英語", "P{7}A"),
    "インドネシア Indonesia": (
        ["SETIAWAN", "SANTOSO", "WIJAYA", "HIDAYAT", "PRATAMA", "SAPUTRA", "LESTARI"],
        ["AGUS", "BUDI", "RIZKY", "DENI", "FAJAR"],
        ["SITI", "DEWI", "RINA", "PUTRI", "AYU"],
        ["インドネシア国ジャカルタ市", "インドネシア国スラバヤ市", "インドネシア国バンドン市"],
        "インドネシア語、英語", "X{7}"),
    "ネパール Nepal": (
        ["GURUNG", "TAMANG", "SHRESTHA", "RAI", "MAGAR", "THAPA"],
        ["RAM BAHADUR", "BIKASH", "SURESH", "PRAKASH"],
        ["SITA", "SUNITA", "ANJALI", "PUJA"],
        ["ネパール国カトマンズ市", "ネパール国ポカラ市"],
        "ネパール語、英語", "PA{7}"),
    "ミャンマー Myanmar": (
        ["AUNG", "KYAW", "ZAW", "HTUN", "MIN"],
        ["KYAW MOE", "ZIN HTET", "MIN THU", "NAING OO"],
        ["THIDA WIN", "HNIN WAI", "SU MYAT", "EI PHYU"],
        ["ミャンマー国ヤンゴン市", "ミャンマー国マンダレー市"],
        "ミャンマー語、英語", "MF{6}"),
}

# applicants' addresses: (prefecture, municipality, postal prefix, town names); checked against the lists
ADDRESSES = [
    ("東京都", "新宿区", "160", ["西新宿", "百人町", "大久保"]),
    ("東京都", "江戸川区", "134", ["西葛西", "船堀"]),
    ("東京都", "立川市", "190", ["曙町", "錦町"]),
    ("神奈川県", "横浜市中区", "231", ["山下町", "本町"]),
    ("埼玉県", "さいたま市大宮区", "330", ["桜木町", "大門町"]),
    ("千葉県", "千葉市中央区", "260", ["中央", "富士見"]),
    ("愛知県", "名古屋市中区", "460", ["栄", "錦"]),
    ("大阪府", "大阪市北区", "530", ["梅田", "天神橋"]),
    ("兵庫県", "神戸市中央区", "650", ["元町通", "三宮町"]),
    ("福岡県", "福岡市博多区", "812", ["博多駅前", "祇園町"]),
    ("広島県", "広島市中区", "730", ["大手町", "紙屋町"]),
    ("群馬県", "太田市", "373", ["本町", "東本町"]),
    ("茨城県", "水戸市", "310", ["南町", "泉町"]),
    ("北海道", "札幌市中央区", "060", ["北一条西", "南一条西"]),
]

# employers (特定技能所属機関) and the one registered support organisation per employer
EMPLOYERS = [
    dict(name="株式会社サンプルダイニング", field="外食", base="301234567890", pref="神奈川県", muni="横浜市中区",
         postal="2310023", street="山下町２－２－２", phone="0451234567", rep="小林　誠", contact="山田　太郎",
         site="サンプルダイニング山下町店", site_street="山下町３－３－３", capital="30000000", sales="800000000",
         staff="85", labour="14101234567000"),
    dict(name="株式会社みなと食堂サンプル", field="外食", base="401234567891", pref="大阪府", muni="大阪市北区",
         postal="5300001", street="梅田２－４－６", phone="0661234567", rep="伊藤　健", contact="中村　真理",
         site="みなと食堂梅田店", site_street="梅田３－１－２", capital="20000000", sales="450000000",
         staff="60", labour="27101234567000"),
    dict(name="株式会社サンプル食品工業", field="飲食料品製造", base="501234567892", pref="東京都", muni="立川市",
         postal="1900012", street="曙町２－２－２", phone="0421112222", rep="加藤　修", contact="佐々木　恵",
         site="サンプル食品工業立川工場", site_street="曙町３－３－３", capital="50000000", sales="1200000000",
         staff="140", labour="13101234567000"),
    dict(name="有限会社ひまわり製菓サンプル", field="飲食料品製造", base="601234567893", pref="愛知県",
         muni="名古屋市中区", postal="4600008", street="栄１－５－８", phone="0521234567", rep="松本　浩二",
         contact="森　由美", site="ひまわり製菓栄工場", site_street="栄２－７－１", capital="10000000",
         sales="300000000", staff="45", labour="23101234567000"),
]
SUPPORT_ORGS = [
    dict(name="一般社団法人サンプル支援協会", base="701234567894", postal="1000005", pref="東京都", muni="千代田区",
         street="丸の内１－１－１", phone="0398765432", rep="鈴木　花子", reg="１９登１２３４５６",
         reg_date="20190901", office="サンプル支援協会東京事務所", manager="高橋　次郎", staff="田中　三郎"),
    dict(name="株式会社サンプル人材サポート", base="801234567895", postal="5300001", pref="大阪府", muni="大阪市北区",
         street="梅田１－３－５", phone="0667654321", rep="井上　和子", reg="２０登２３４５６７",
         reg_date="20200415", office="サンプル人材サポート大阪支店", manager="木村　大輔", staff="林　直子"),
]

FIELDS = {
    # field: (koushin 1号 CF, koushin 1号 CG, koushin 2号 CF, koushin 2号 CG, henkou CF, henkou CG, test1, test2, 業種)
    "外食": ("外食業分野（特定技能１号） Food service industry(Specified Skilled Worker(i))",
           "外食業全般（外食業分野・特定技能１号） General restaurant industry(Specified Skilled Worker(i))",
           "外食業分野（特定技能２号） Food service industry(Specified Skilled Worker(ii))",
           "外食業全般（外食業分野・特定技能２号） General restaurant industry(Specified Skilled Worker(ii))",
           "外食業分野 Food service industry",
           "外食業（外食業分野） General restaurant industry（Food service industry）",
           "外食業特定技能１号技能測定試験 Restaurant industry specified skills (i) proficiency test",
           "外食業特定技能２号技能測定試験 Restaurant industry specified skills (ii) proficiency test",
           "飲食サービス業 Food and beverage service industry", "調理スタッフ", "外食業"),
    "飲食料品製造": (
        "飲食料品製造業分野（特定技能１号） Manufacture of food and beverages(Specified Skilled Worker(i))",
        "飲食料品製造業全般（飲食料品製造業分野・特定技能１号） General food and beverage manufacturing(Specified Skilled Worker(i))",
        "飲食料品製造業分野（特定技能２号） Manufacture of food and beverages(Specified Skilled Worker(ii))",
        "飲食料品製造業全般（飲食料品製造業分野・特定技能２号） General food and beverage manufacturing(Specified Skilled Worker(ii))",
        "飲食料品製造業分野 Manufacture of food and beverages",
        "飲食料品製造業全般（飲食料品製造業分野） General food and beverage manufacturing（Manufacture of food and beverages）",
        "飲食料品製造業特定技能１号技能測定試験 Food and beverage manufacturing industry specified skills (i) proficiency test",
        "飲食料品製造業特定技能２号技能測定試験 Food and beverage manufacturing industry specified skills (ii) proficiency test",
        "食料品製造業 Manufacturing (Food products)", "食品製造工", "飲食料品製造業"),
}

EVAL_KOUSHIN = ("分野別運用方針に定める評価方法による証明 Proof by Evaluation method specified in the "
                "field-specific operational policy")
EVAL_HENKOU = "特定技能評価試験 Specified Skilled Worker evaluation test"
JFT = "国際交流基金日本語基礎テスト The japan foundation japanese basic test"


class _Gen:
    """Deterministic source of distinct fictional values."""

    def __init__(self, seed: int = SEED):
        self.rnd = random.Random(seed)
        self.used: set[str] = set()

    def unique(self, make):
        while True:
            v = make()
            if v not in self.used:
                self.used.add(v)
                return v

    def digits(self, n: int) -> str:
        return "".join(self.rnd.choice("0123456789") for _ in range(n))

    def letters(self, n: int) -> str:
        return "".join(self.rnd.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))

    def pattern(self, pat: str) -> str:
        return re.sub(r"\{(\d+)\}", lambda m: self.digits(int(m.group(1))), pat)

    def date_between(self, a: dt.date, b: dt.date) -> dt.date:
        return a + dt.timedelta(days=self.rnd.randint(0, (b - a).days))


def make_people(n: int, seed: int = SEED, ref: dt.date = REFERENCE_DATE) -> list[dict]:
    """n fictional 特定技能 applicants (about one in six is 2号)."""
    g = _Gen(seed)
    people = []
    nations = list(NATIONS)
    for i in range(n):
        nat = nations[i % len(nations)] if i < len(nations) else g.rnd.choice(nations)
        surnames, males, females, towns, langs, pp = NATIONS[nat]
        female = g.rnd.random() < 0.45
        name, dob = g.unique(lambda: (f"{g.rnd.choice(surnames)} {g.rnd.choice(females if female else males)}",
                                      g.date_between(dt.date(1984, 4, 1), dt.date(2004, 11, 30))))  # all ≥ 18
        pref, muni, zip3, towns_jp = g.rnd.choice(ADDRESSES)
        street = zen(f"{g.rnd.choice(towns_jp)}{g.rnd.randint(1, 5)}-{g.rnd.randint(1, 20)}-{g.rnd.randint(1, 30)}")
        if g.rnd.random() < 0.4:
            street += "　サンプルハイツ" + zen(str(g.rnd.randint(1, 5) * 100 + g.rnd.randint(1, 12)))
        emp = EMPLOYERS[i % len(EMPLOYERS)]
        second = (i % 6 == 5)
        local = name.lower().replace(" ", ".")
        contract_start = g.date_between(dt.date(2024, 1, 1), dt.date(2026, 4, 1)).replace(day=1)
        people.append(dict(
            nationality=nat, name=name, female=female, dob=dob, hometown=g.rnd.choice(towns),
            languages=langs, pref=pref, muni=muni, postal=zip3 + g.digits(4), street=street,
            mobile=g.unique(lambda: g.rnd.choice(["090", "080", "070"]) + g.digits(8)),
            email=g.unique(lambda: f"{local}{g.rnd.randint(1, 99)}@{g.rnd.choice(['example.com', 'example.jp'])}"),
            passport=g.unique(lambda: g.pattern(pp)),
            passport_expiry=g.date_between(dt.date(2031, 1, 1), dt.date(2036, 12, 31)),
            card=g.unique(lambda: g.letters(2) + g.digits(8) + g.letters(2)),
            expiry=ref + dt.timedelta(days=g.rnd.randint(31, 90)),
            second=second, employer=emp, support=SUPPORT_ORGS[(i // len(EMPLOYERS)) % len(SUPPORT_ORGS)],
            years=g.rnd.randint(0, 3), months=g.rnd.randint(0, 11),
            contract_start=contract_start, contract_end=contract_start.replace(year=contract_start.year + 3)
            - dt.timedelta(days=1),
            wage=str(g.rnd.choice(range(220000, 290001, 5000))),
            married=g.rnd.random() < 0.25,
        ))
    return people


# --- rows per procedure ----------------------------------------------------------------------
def _v_common(p: dict, proc: str) -> dict:
    """The 区分V columns shared by 更新 and 変更 (same lettering up to HU)."""
    emp = p["employer"]
    f = FIELDS[emp["field"]]
    hours_m = "173"
    wage = int(p["wage"])
    row = {
        "Z": NO, "AJ": NO,
        "BW": emp["contact"], "BX": emp["postal"], "BY": emp["pref"], "BZ": emp["muni"], "CA": emp["street"],
        "CB": emp["name"], "CC": emp["phone"],
        "CD": ymd(p["contract_start"]), "CE": ymd(p["contract_end"]),
        "CL": "調理 Cooking", "CP": "40", "CQ": hours_m, "CR": YES, "CS": p["wage"],
        "CT": str(round(wage / int(hours_m))), "CV": YES, "CW": "口座振込み Paid into a bank account",
        "CX": NO, "CZ": YES, "DB": YES, "DC": YES,
        "EI": emp["name"], "EJ": YES, "EK": corporate_number(emp["base"]), "EM": f[8],
        "ES": emp["postal"], "ET": emp["pref"], "EU": emp["muni"], "EV": emp["street"], "EW": emp["phone"],
        "EX": emp["capital"], "EY": emp["sales"], "EZ": emp["staff"], "FA": emp["rep"],
        "FB": emp["site"], "FC": emp["postal"], "FD": emp["pref"], "FE": emp["muni"], "FF": emp["site_street"],
        "FG": YES, "FH": YES, "FI": emp["labour"], "GH": YES, "GX": YES, "GY": "労災保険及び雇用保険に加入済み",
        "GZ": YES, "HA": YES,
    }
    for c in ("FJ", "FL", "FN", "FP", "FR", "FT", "FV", "FX", "FZ", "GB", "GF", "GI", "GK"):
        row[c] = NO
    return row


def _support(p: dict, first_col: str, plan_cols: list[str]) -> dict:
    """登録支援機関 block (starting at its 名称 column) and the support-plan flags; 1号 only."""
    from schemas.cells import col_index, col_letter
    s = p["support"]
    vals = [s["name"], YES, corporate_number(s["base"]), None, s["postal"], s["pref"], s["muni"], s["street"],
            s["phone"], s["rep"], s["reg"], s["reg_date"], s["office"], s["postal"], s["pref"], s["muni"],
            s["street"], s["manager"], s["staff"], p["languages"], "20000"]
    start = col_index(first_col)
    row = {col_letter(start + i): v for i, v in enumerate(vals) if v is not None}
    row.update({c: YES for c in plan_cols})
    row["HC"] = "委託する Entrust"
    return row


def koushin_rows(people: list[dict]) -> dict[str, list[dict]]:
    snap = load_snapshot("koushin", VERSIONS["koushin"])
    common, v, sim = [], [], []
    for p in people:
        f = FIELDS[p["employer"]["field"]]
        c = {
            "B": p["nationality"], "C": ymd(p["dob"]), "D": p["name"], "E": "女 female" if p["female"] else "男 male",
            "F": YES if p["married"] else NO, "G": f[9], "H": p["hometown"], "I": p["postal"], "J": p["pref"],
            "K": p["muni"], "L": p["street"], "N": p["mobile"], "O": p["email"], "P": p["passport"],
            "Q": ymd(p["passport_expiry"]), "R": STATUS_2 if p["second"] else STATUS_1,
            "S": "３年" if p["second"] else "１年", "T": ymd(p["expiry"]), "U": YES, "V": p["card"],
            "Y": "特定技能２号（３年） 3years" if p["second"] else "特定技能１号（１年） One year",
            "Z": f"引き続き同じ所属機関で{f[10]}の業務に従事するため。", "AA": NO, "AC": NO, "BT": MAIL,
            "BW": p["email"], "BX": INTENT,
        }
        row = _v_common(p, "koushin")
        if p["second"]:
            row.update({"B": EVAL_KOUSHIN, "C": f[7], "D": "日本 Japan", "CF": f[2], "CG": f[3]})
        else:
            row.update({"B": EVAL_KOUSHIN, "C": f[6], "D": "日本 Japan", "J": EVAL_KOUSHIN, "K": JFT,
                        "L": p["nationality"], "X": str(p["years"]), "Y": str(p["months"]), "CF": f[0], "CG": f[1]})
            plan = ["HV", "HW", "HX", "HY", "HZ", "IA", "IB", "IC", "ID", "IE", "IF", "IH"]
            row.update(_support(p, "IJ", plan))
        common.append(c)
        v.append(row)
        sim.append({"B": NO, "C": NO, "D": NO})
    rows = {snap.common_sheet: common, V_SHEET: v, SIMULTANEOUS_SHEET: sim}
    _check_lists(snap, rows)
    return rows


def henkou_rows(people: list[dict]) -> dict[str, list[dict]]:
    """変更: from 留学 to 特定技能１号 (evaluation tests passed in Japan)."""
    snap = load_snapshot("henkou", VERSIONS["henkou"])
    common, v, sim = [], [], []
    for p in people:
        f = FIELDS[p["employer"]["field"]]
        c = {
            "B": p["nationality"], "C": ymd(p["dob"]), "D": p["name"], "E": "女 female" if p["female"] else "男 male",
            "F": p["hometown"].split("国")[1], "G": YES if p["married"] else NO, "H": "留学生",
            "I": p["hometown"], "J": p["postal"], "K": p["pref"], "L": p["muni"], "M": p["street"],
            "O": p["mobile"], "P": p["email"], "Q": p["passport"], "R": ymd(p["passport_expiry"]),
            "S": "留学 Student", "T": "１年３月", "U": ymd(p["expiry"]), "V": YES, "W": p["card"],
            "Z": STATUS_1, "AA": "１年",
            "AB": f"日本語学校を卒業し、{f[10]}分野の特定技能評価試験に合格したため。", "AC": NO, "AE": NO,
            "BV": MAIL, "BY": p["email"], "BZ": INTENT,
        }
        row = _v_common(p, "henkou")
        row.update({"B": EVAL_HENKOU, "C": f[6], "D": "日本 Japan", "J": EVAL_HENKOU, "K": JFT, "L": "日本 Japan",
                    "X": "0", "Y": "0", "CF": f[4], "CG": f[5]})
        plan = ["HV", "HW", "HX", "HY", "HZ", "IA", "IB", "IC", "ID", "IE", "IF", "IG", "IH", "IJ"]
        row.update(_support(p, "IL", plan))
        common.append(c)
        v.append(row)
        sim.append({"B": NO, "C": NO, "D": NO})
    rows = {snap.common_sheet: common, V_SHEET: v, SIMULTANEOUS_SHEET: sim}
    _check_lists(snap, rows)
    return rows


def _check_lists(snap, rows) -> None:
    """Fail early if a list-valued cell is not a label of the snapshot's list (clean rows only)."""
    for sheet, rs in rows.items():
        for f in snap.fields_of(sheet):
            if not f.code_list or f.list_parent_col:
                continue
            labels = snap.lookup(f.code_list)
            if not labels:
                continue
            for r in rs:
                v = r.get(f.col)
                if isinstance(v, str) and v and v not in labels:
                    raise ValueError(f"{sheet}!{f.col}: {v!r} not in {f.code_list}")
    for sheet, (pc, cc) in {snap.common_sheet: ("J", "K") if snap.procedure == "koushin" else ("K", "L")}.items():
        for r in rows[sheet]:
            code = snap.lookup("CA69_1")[r[pc]]
            if r[cc] not in snap.lookup(f"CA69_1_{code}"):
                raise ValueError(f"{r[cc]} is not in {r[pc]}")


# --- the typical mistakes -----------------------------------------------------------------
# (0-based applicant index, sheet key 'common'|'v', column, new value, description)
MISTAKES = [
    (1, "common", "N", "INT", "携帯電話番号を数値で入力（先頭の0が消える）"),
    (2, "common", "I", "HYPHEN", "郵便番号にハイフン"),
    (3, "common", "B", "ベトナム", "国籍を日本語だけで入力（英語表記なし）"),
    (4, "common", "L", "HALFWIDTH", "住所（町名番地）に半角数字"),
    (5, "common", "V", None, "在留カードの有無=有 なのに在留カード番号が空"),
    (6, "common", "K", "横浜市中区", "都道府県に属さない市区町村"),
    (7, "common", "T", "DATE", "満了日を日付型のセルで入力"),
    (8, "common", "W", "AB", "在留カードがあるのにED番号を入力（英字）"),
    (8, "common", "X", "1234567", "在留カードがあるのにED番号を入力（数字）"),
    (9, "common", "E", "男", "性別を選択肢以外の値で入力"),
    (10, "common", "Y", "特定技能２号（３年） 3years", "現に有する在留資格（１号）と合わない希望期間"),
    (11, "common", "BW", "FULLWIDTH_AT", "メールアドレスに全角の＠"),
    (12, "common", "Z", None, "更新の理由が空"),
    (13, "v", "EK", "FLOAT", "法人番号を数値で入力（指数表記）"),
    (14, "common", "T", "SLASH", "満了日をスラッシュ区切りで入力"),
    (15, "v", "IT", "HALF_REG", "登録支援機関の登録番号を半角数字で入力"),
    (16, "common", "I", "LOST_ZERO", "北海道の郵便番号を数値で入力（先頭の0が消える）"),
    (17, "v", "CS", "COMMA", "月額報酬にカンマ"),
]
GAP_BEFORE = 28   # a blank row is left before the 29th applicant (its rows and later are not exported)


def _apply_mistake(row: dict, col: str, how):
    old = row.get(col)
    if how is None:
        row.pop(col, None)
    elif how == "INT":
        row[col] = int(old)
    elif how == "HYPHEN":
        row[col] = old[:3] + "-" + old[3:]
    elif how == "HALFWIDTH":
        row[col] = old.translate(str.maketrans("０１２３４５６７８９－", "0123456789-"))
    elif how == "DATE":
        row[col] = dt.date(int(old[:4]), int(old[4:6]), int(old[6:]))
    elif how == "FULLWIDTH_AT":
        row[col] = old.replace("@", "＠")
    elif how == "FLOAT":
        row[col] = float(old)
    elif how == "SLASH":
        row[col] = f"{old[:4]}/{old[4:6]}/{old[6:]}"
    elif how == "HALF_REG":
        row[col] = "".join(chr(ord(ch) - 0xFEE0) if "０" <= ch <= "９" else ch for ch in old)
    elif how == "LOST_ZERO":
        row[col] = int("0600001")
    elif how == "COMMA":
        row[col] = f"{int(old):,}"
    else:
        row[col] = how


def koushin_mistake_rows(people: list[dict]) -> dict[str, list[dict]]:
    rows = koushin_rows(people)
    snap = load_snapshot("koushin", VERSIONS["koushin"])
    key = {"common": snap.common_sheet, "v": V_SHEET}
    for idx, sheet, col, how, _ in MISTAKES:
        r = rows[key[sheet]][idx]
        if how == "LOST_ZERO":
            r["J"], r["K"] = "北海道", "札幌市中央区"
        if col == "K" and r["J"] == "神奈川県":
            how = "新宿区"   # must stay a municipality of another prefecture
        _apply_mistake(r, col, how)
    for sheet in rows:   # the blank row: an empty dict is written as an empty row
        rows[sheet].insert(GAP_BEFORE, {})
    return rows


# --- writing ----------------------------------------------------------------------------
def normalize_xlsx(path: Path, stamp: str = FIXED_STAMP) -> None:
    """Fix docProps/core.xml dates and the zip entry timestamps so the file is reproducible."""
    path = Path(path)
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = []
    for name, data in items:
        if name == "docProps/core.xml":
            text = data.decode("utf-8")
            text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", rf"\g<1>{stamp}\g<2>", text)
            text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{stamp}\g<2>", text)
            data = text.encode("utf-8")
        out.append((name, data))
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in out:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    tmp.replace(path)


def write(procedure: str, rows: dict, path: Path) -> Path:
    snap = load_snapshot(procedure, VERSIONS[procedure])
    write_bare_workbook(snap, path, rows, SSW)
    normalize_xlsx(path)
    return path


SAMPLES = {
    # file name: (procedure, rows builder, number of applicants, seed, description)
    # each file has its own seed: checking the folder at once must not find the same person twice
    "koushin_ssw_clean.xlsx": ("koushin", koushin_rows, 30, SEED, "更新・特定技能 30人（誤りなし）"),
    "koushin_ssw_mistakes.xlsx": ("koushin", koushin_mistake_rows, 30, SEED + 1, "更新・特定技能 30人（典型的な誤りあり）"),
    "koushin_ssw_320.xlsx": ("koushin", koushin_rows, 320, SEED + 2, "更新・特定技能 320人（上限300人超え）"),
    "henkou_ssw_clean.xlsx": ("henkou", henkou_rows, 30, SEED + 3, "変更（留学→特定技能１号） 30人（誤りなし）"),
}


def build_all(out_dir: str | Path) -> list[Path]:
    out_dir = Path(out_dir)
    paths = []
    for name, (proc, builder, n, seed, _) in SAMPLES.items():
        paths.append(write(proc, builder(make_people(n, seed)), out_dir / name))
    return paths
