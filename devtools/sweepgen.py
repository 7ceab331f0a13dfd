"""Generic clean-row generator for the all-status false-positive sweep (dev tool, not shipped).

Driven only by the snapshot (column table, code lists, status menu): for a procedure and a menu
status it makes a few fictional applicants with realistic values for every field that applies to
that status (the common sheet, the status's 区分 sheet without its hidden columns, and 同時申請 where
the workbook shows it). Code-list fields take a label of the list that applies on that row (dependent
lists resolved by schemas.template_schema.effective_lists, as the engine does); text fields follow the
character class and length of the column table; conditional fields are filled exactly when their
condition holds (schemas.template_schema.condition_met). Deterministic (fixed seed).

    from devtools.sweepgen import sweep_rows
    rows = sweep_rows("henkou", "2026/04/01", "留学 Student")
"""
from __future__ import annotations

import datetime as dt
import random
import re

import numpy as np

from devtools.samplegen import corporate_number, make_people, ymd, zen
from schemas.cells import col_index, expand_cols
from schemas.charclass import class_pattern
from schemas.snapshot import SIMULTANEOUS_SHEET, Field, Snapshot, Status, load_snapshot
from schemas.template_schema import (
    EMPTY_CODE_OK, is_dependent, SheetInput, condition_met, effective_lists,
)

SEED = 20261201
REFERENCE_DATE = dt.date(2026, 12, 1)
YES, NO = "有 Yes", "無 No"
UNDECIDED = "未定 Undecided"
POINTS_SHEET = "申請情報入力(高度専門職ポイント表)"

# flags whose 有 would describe a violation, a crime or a lapse: a clean applicant answers 無
NEGATIVE_FLAG = re.compile(r"犯罪|刑事|刑に|処分|違反|暴力団|不正|行方不明|取り消|取消|破産|復権|不当|怠った|退去|逮捕|"
                           r"送還|出国命令|保証金|違約金|偽|罰|禁錮|懲役|欠格")

JP_NAMES = ["山田　太郎", "佐藤　花子", "鈴木　一郎", "高橋　美咲", "田中　健", "伊藤　由美", "渡辺　誠", "中村　真理"]
KANA_NAMES = ["ヤマダ　タロウ", "サトウ　ハナコ", "スズキ　イチロウ"]
RELATIVE_ROMAN = ["NGUYEN THI HOA", "TRAN VAN LONG", "SANTOS MARIA", "WANG LI"]

# current status for 変更, by the requested one (first Japanese name of the menu label)
CHANGE_FROM = {
    "留学": "家族滞在 Dependent",
    "家族滞在": "留学 Student",
    "技能実習": "技能実習１号ロ Technical intern training (i)(b)",
    "特定技能": "技能実習２号ロ Technical intern training (ii)(b)",
    "特定活動": "留学 Student",
    "日本人の配偶者等": "留学 Student",
    "永住者の配偶者等": "家族滞在 Dependent",
    "定住者": "日本人の配偶者等 Spouse or Child of Japanese National",
    "経営・管理": "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services",
    "教育": "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services",
    "教授": "研究 Researcher",
    "研究": "留学 Student",
    "介護": "留学 Student",
}
DEFAULT_FROM = "留学 Student"
# requested/current status label of the status lists, by menu status (when the name match is ambiguous)
STATUS_PICK = {
    "技能実習": "技能実習２号ロ",
    "報道": "企業内転勤",
    "研究": "研究",
}


def _jp(label: str) -> str:
    return label.split(" ")[0]


def menu_names(status: Status) -> list[str]:
    """Japanese status names in a menu label: '報道，研究（転勤），企業内転勤 Journalist…' -> [報道, 研究, 企業内転勤]."""
    head = re.split(r" [A-Z]", status.label)[0]
    names = []
    for part in re.split(r"[，,]", head):
        part = re.sub(r"（.*?）|\(.*?\)", "", part).strip()
        if part:
            names.append(part)
    return names


# --- which fields apply -------------------------------------------------------------------------
def _block_key(f: Field, snap: Snapshot) -> int:
    """1 = the 同時申請 common items, 2.. = the blocks of its flags B, C, D (snapshot facts); 0 elsewhere."""
    if f.sheet != SIMULTANEOUS_SHEET:
        return 0
    n = col_index(f.col) + 1
    for i, b in enumerate(snap.simultaneous_blocks()):
        if b["first"] <= n and (b["last"] is None or n <= b["last"]):
            return i + 1
    return 0


def _repeat_key(label: str) -> str:
    toks = [t for t in re.split(r"[ \u3000]+", label) if t]
    if len(toks) > 1 and re.search(r"[0-9０-９]+$", toks[0]):
        toks = toks[1:]
    return " ".join(re.sub(r"[0-9０-９]+$", "", t) for t in toks)


def applicable_fields(snap: Snapshot, status: Status, sheet: str) -> list[Field]:
    """Fields of a sheet that the status uses: not hidden, exported for it, first of repeated blocks."""
    return [f for f, slot in field_slots(snap, status, sheet) if slot == 1]


def field_slots(snap: Snapshot, status: Status, sheet: str) -> list[tuple[Field, int]]:
    """(field, slot) of every field the status uses; slot 2, 3 … = the repeats of 職歴, 在日親族, 他業種 …."""
    hidden = set()
    if status.sheet == sheet:
        for spec in status.hidden_cols:
            hidden.update(expand_cols(spec))
    seen_cols, seen_keys, slot_of, out = set(), {}, {}, []
    for f in snap.fields_of(sheet):
        if f.col in seen_cols:        # a column split into several CSV fields (dates)
            continue
        seen_cols.add(f.col)
        if any(c in hidden for c in f.cols):
            continue
        exported = bool(f.csv.get(status.csv_letter)) if status.csv_letter else bool(f.csv_all)
        if not exported:
            continue
        key = (_block_key(f, snap), _repeat_key(f.label), f.code_list, tuple(f.classes))
        if f.required:
            # a required field is a repeat only through its condition: a later slot's 入社年月 is required
            # under that slot's 月不詳 flag; (27)該当する事項 … or 同時申請 B/C/D are not repeats
            parents = [] if "在" in f.cond_cols else [c.strip() for c in f.cond_cols.split(",") if c.strip()]
            slot = max([slot_of.get(c, 1) for c in parents] or [1])
        else:
            slot = seen_keys.get(key, 0) + 1
        seen_keys[key] = max(seen_keys.get(key, 0), slot)
        slot_of[f.col] = slot
        out.append((f, slot))
    return out


# --- the generator --------------------------------------------------------------------------------
class _Applicant:
    def __init__(self, gen: "SweepGen", index: int, person: dict):
        self.g, self.i, self.p = gen, index, person
        self.rows: dict[str, dict[str, str]] = {}

    def inputs(self) -> dict[str, SheetInput]:
        return {s: SheetInput(s, np.array([8]), {c: np.array([v], dtype=object) for c, v in r.items()}, {})
                for s, r in self.rows.items()}


class SweepGen:
    def __init__(self, snap: Snapshot, status_label: str, n: int = 3, seed: int = SEED,
                 ref: dt.date = REFERENCE_DATE, slots: int = 1):
        self.snap, self.status = snap, snap.status_by_label(status_label)
        if self.status is None:
            raise ValueError(f"{status_label!r} is not a status of {snap.procedure} {snap.version}")
        self.n, self.ref = n, ref
        self.rnd = random.Random(f"{seed}|{snap.procedure}|{status_label}")
        self.people = make_people(n, seed)
        for p in self.people:        # birth 1985–2000
            p["dob"] = dt.date(self.rnd.randint(1985, 2000), self.rnd.randint(1, 12), self.rnd.randint(1, 28))
        self.names = menu_names(self.status)
        self._cache: dict = {}
        self.slots = slots            # how many slots of repeated blocks the 1st and 3rd applicants fill
        self.slot = 1                 # slot of the field being filled

    # -- sheets ----------------------------------------------------------------------------
    def sheets(self) -> list[str]:
        out = [self.snap.common_sheet]
        if self.status.sheet != POINTS_SHEET:
            out.append(self.status.sheet)
        if self.snap.simultaneous_checked and self.snap.procedure != "nintei":
            out.append(SIMULTANEOUS_SHEET)
        return out

    def rows(self) -> dict[str, list[dict[str, str]]]:
        result = {s: [] for s in self.sheets()}
        for i, p in enumerate(self.people):
            a = _Applicant(self, i, p)
            for s in self.sheets():
                a.rows[s] = {}
                self.fill_sheet(a, s)
            for _ in range(3):        # conditions may depend on columns filled later: settle them
                changed = False
                for s in self.sheets():
                    changed |= self.settle(a, s)
                if not changed:
                    break
            for s in self.sheets():
                result[s].append(a.rows[s])
        return result

    def fields(self, a: _Applicant, sheet: str):
        limit = 1 if a.i == 1 else self.slots
        for f, slot in field_slots(self.snap, self.status, sheet):
            if slot <= limit:
                self.slot = slot
                yield f

    def fill_sheet(self, a: _Applicant, sheet: str):
        for f in self.fields(a, sheet):
            if not self.wanted(a, f):
                continue
            v = self.value(a, f)
            if v:
                a.rows[sheet][f.col] = v

    def cond(self, a: _Applicant, f: Field) -> bool | None:
        met = condition_met(f, self.snap, a.inputs() | {s: SheetInput(s, np.array([8]), {}, {})
                                                         for s in self.sheets() if s not in a.rows})
        return None if met is None else bool(met[0])

    def wanted(self, a: _Applicant, f: Field) -> bool:
        if f.sheet == SIMULTANEOUS_SHEET:
            blk = _block_key(f, self.snap)
            row = a.rows[SIMULTANEOUS_SHEET]
            flags = [row.get(c) == YES for c in "BCD"]
            if blk == 1 and col_index(f.col) >= 4 and not any(flags):
                return False
            if blk >= 2 and not flags[blk - 2]:
                return False
        if "派遣" in f.label and "特定技能" in self.names and not f.required:
            return False              # 特定技能: dispatch only in agriculture and fishery
        if re.search(r"法定代理人|できない場合", f.label):
            return False              # adults with a passport: no legal representative, no reason
        if is_dependent(f) and not a.rows.get(f.list_parent_sheet, {}).get(f.list_parent_col):
            return False              # a dependent list without its parent cannot be chosen
        met = self.cond(a, f)
        if met is False and f.cond_values != "":
            return False              # a selection hides the field
        return True

    def settle(self, a: _Applicant, sheet: str) -> bool:
        changed = False
        for f in self.fields(a, sheet):
            has = f.col in a.rows[sheet]
            want = self.wanted(a, f)
            if has and not want:
                del a.rows[sheet][f.col]
                changed = True
            elif want and not has and f.required and (self.cond(a, f) is not False):
                v = self.value(a, f)
                if v:
                    a.rows[sheet][f.col] = v
                    changed = True
        return changed

    # -- values --------------------------------------------------------------------------------
    def value(self, a: _Applicant, f: Field) -> str | None:
        if f.sheet == SIMULTANEOUS_SHEET and _block_key(f, self.snap) == 1 and col_index(f.col) >= 4:
            same = self.main_value(a, f)     # the 同時申請 common block repeats the main application
            if same is not None:
                return same
        if f.code_list:
            return self.choose(a, f)
        v = self.text(a, f)
        if v is None:
            return None
        return self.fit(f, v)

    def main_value(self, a: _Applicant, f: Field) -> str | None:
        main = a.rows.get(self.snap.common_sheet, {})
        key = _repeat_key(f.label)
        for g in self.snap.fields_of(self.snap.common_sheet):
            if g.col in main and _repeat_key(g.label) == key and g.code_list == f.code_list \
                    and tuple(g.classes) == tuple(f.classes):
                if f.code_list and main[g.col] not in self.labels(self.list_id(a, f)):
                    return None
                return main[g.col]
        return None

    def list_id(self, a: _Applicant, f: Field) -> str:
        inputs = a.inputs()
        for s in self.sheets():
            inputs.setdefault(s, SheetInput(s, np.array([8]), {}, {}))
        if f.list_parent_sheet and f.list_parent_sheet not in inputs:
            inputs[f.list_parent_sheet] = SheetInput(f.list_parent_sheet, np.array([8]), {}, {})
        lid = effective_lists(f, self.snap, self.status, inputs, 1)[0]
        if is_dependent(f):
            # the official check keys some dependent lists by the child's own list id (業種 CC13_5_T03 under
            # 現に有する在留資格 T03, not CB19_T03): when such a list exists, its labels are the valid ones
            parent = self.snap.field_at(f.list_parent_sheet, f.list_parent_col)
            pval = a.rows.get(f.list_parent_sheet, {}).get(f.list_parent_col, "")
            pc = self.snap.lookup(parent.code_list).get(pval, "") if parent is not None else ""
            own = f"{f.code_list}_{pc}"
            if pc and own != lid and own in self.snap.lists and not lid.startswith(f.code_list + "_"):
                lid = own
        return lid

    def labels(self, list_id: str) -> list[str]:
        cl = self.snap.lists.get(list_id)
        if cl is None:
            return []
        ok_empty = list_id in EMPTY_CODE_OK
        return [lab for lab, code in cl.items if lab and (code != "" or ok_empty)]

    def status_label_in(self, labels: list[str], names: list[str]) -> str | None:
        for n in names:
            pick = STATUS_PICK.get(n)
            for lab in labels:
                if pick and _jp(lab) == pick:
                    return lab
            for lab in labels:
                if _jp(lab) == n:
                    return lab
            for lab in labels:
                if _jp(lab).startswith(n):
                    return lab
        return None

    def choose(self, a: _Applicant, f: Field) -> str | None:
        lid = self.list_id(a, f)
        labels = self.labels(lid)
        if not labels:
            return None
        lab, p = f.label, a.p
        row = a.rows[f.sheet]
        if f.sheet == SIMULTANEOUS_SHEET and f.col in ("B", "C", "D"):
            return YES if "BCD".index(f.col) == a.i % 3 else NO
        if set(labels) >= {YES, NO} and len(labels) == 2:
            if NEGATIVE_FLAG.search(lab) or ("派遣先" in lab and "特定技能" in self.names and not f.required):
                return NO
            if "在留カード" in lab or "法人番号" in lab:
                return YES
            # 有無 of an optional block (在日親族, 職歴, 役職 …): 無 on the second applicant; criteria
            # flags (同等であること, 措置 …) and flags without a block stay 有
            if a.i == 1 and self.has_children(f) and not re.search(r"同等|適合|基準|措置|確保|締結|保存|説明", lab):
                return NO
            return YES
        if UNDECIDED in labels and YES in labels:
            return YES
        if "性別" in lab:
            want = "女" if p["female"] else "男"
            return next((x for x in labels if x.startswith(want)), labels[0])
        if "国籍" in lab or "国・地域" in lab:
            return p["nationality"] if p["nationality"] in labels else labels[0]
        if f.code_list.startswith("CA69_1") or f.code_list == "C619":
            pref = self.address_of(a, f)[0]
            return pref if pref in labels else labels[0]
        if f.code_list.startswith("CA69"):
            muni = self.address_of(a, f)[1]
            return muni if muni in labels else labels[0]
        if "受領方法" in lab:
            want = "窓口" if a.i == 0 else "郵送"
            return next((x for x in labels if x.startswith(want)), labels[0])
        if "意思を確認" in lab or f.code_list == "A019":
            return labels[0]
        if "月不詳" in "".join(labels):
            return next((x for x in labels if "不明な点は無い" in x), labels[0])
        if (re.fullmatch(r"CB19(_\d)?", f.code_list) and re.fullmatch(r"CB19(_\d)?", lid)) or f.code_list == "CC11":
            return self.status_choice(a, f, labels)
        if re.fullmatch(r"CB19(_\d)?_T\w+|CB20.*", lid) or "在留期間" in lab:
            return next((x for x in labels if "１年" in x), labels[min(1, len(labels) - 1)])
        plain = [x for x in labels if not x.startswith("その他") and "未定" not in x]
        pool = plain or labels
        other = [x for x in labels if x.startswith("その他") and x in self.cond_labels(f.sheet)]
        if other and a.i == 2 and f.required:
            return other[0]           # the third applicant answers 「その他」 and fills its text field
        grade = re.search(r"[１２３]号", " ".join(a.rows.get(self.snap.common_sheet, {}).values()))
        if grade:    # 特定技能１号 / 技能実習２号 …: keep the fields of the same grade
            other = [x for x in pool if not re.search(r"[１２３]号", x) or grade.group(0) in x]
            pool = other or pool
        if set(pool) & self.cond_labels(f.sheet):
            for g in self.snap.fields_of(f.sheet):    # one route through the sheet (B = J = 技能実習 …)
                v = row.get(g.col)
                if g.col != f.col and g.code_list == f.code_list and v in pool:
                    return v
        if all(re.fullmatch(r"\d+", x) for x in pool):
            return pool[min(len(pool) - 1, 1 + a.i)]
        return pool[self.rnd.randrange(len(pool))]

    def has_children(self, f: Field) -> bool:
        return any(g.cond_cols.replace("在", "") == f.col and YES in g.cond_values.split("｜")
                   for g in self.snap.fields_of(f.sheet))

    def cond_labels(self, sheet: str) -> set[str]:
        key = ("cond", sheet)
        if key not in self._cache:
            self._cache[key] = {v for g in self.snap.fields_of(sheet) for v in g.cond_values.split("｜") if v}
        return self._cache[key]

    def status_choice(self, a: _Applicant, f: Field, labels: list[str]) -> str:
        proc = self.snap.procedure
        requested = "希望" in f.label or proc in ("koushin", "nintei") or f.sheet == self.status.sheet
        if f.sheet == SIMULTANEOUS_SHEET or not requested:
            if proc == "koushin":
                want = self.status_label_in(labels, self.names)
            else:
                cur = CHANGE_FROM.get(self.names[0], DEFAULT_FROM)
                want = cur if cur in labels else None
            if f.sheet == SIMULTANEOUS_SHEET and proc == "henkou":
                cur = CHANGE_FROM.get(self.names[0], DEFAULT_FROM)
                want = cur if cur in labels else None
            return want or labels[0]
        return self.status_label_in(labels, self.names) or labels[0]

    # -- entities ------------------------------------------------------------------------------
    def entity(self, f: Field) -> str:
        lab = f.label
        if re.search(r"取次者", lab):
            return "agent"
        if re.search(r"代理人", lab):
            return "proxy"
        if re.search(r"在日親族|扶養者|配偶者|親族|家族|父|母|身元保証人|子", lab) and "配偶者の有無" not in lab:
            return "relative"
        if re.search(r"登録支援機関|監理団体|送出し機関|あっせん機関|支援責任者|支援担当者", lab):
            return "org"
        if re.search(r"所属機関|勤務先|契約先|派遣先|機関|会社|事業所|学校|通学先|施設|受入れ|雇用|研修|招へい|実習実施者|主催|営業所", lab):
            return "employer"
        return "applicant"

    def address_of(self, a: _Applicant, f: Field) -> tuple[str, str, str, str]:
        """(prefecture, municipality, street, postal) of the entity the field is about."""
        p = a.p
        ent = self.entity(f)
        if f.code_list == "C619" or (ent == "applicant") or "住居地" in f.label:
            return p["pref"], p["muni"], p["street"], p["postal"]
        if ent == "org":
            s = p["support"]
            return s["pref"], s["muni"], s["street"], s["postal"]
        e = p["employer"]
        return e["pref"], e["muni"], e["street"], e["postal"]

    def company(self, a: _Applicant, f: Field) -> dict:
        ent = self.entity(f)
        if ent == "org":
            s = a.p["support"]
            return dict(name=s["name"], phone=s["phone"], rep=s["rep"], base=s["base"])
        e = a.p["employer"]
        return dict(name=e["name"], phone=e["phone"], rep=e["rep"], base=e["base"])

    # -- dates ---------------------------------------------------------------------------------
    def date_kind(self, f: Field) -> int | None:
        """8 (YYYYMMDD), 6 (YYYYMM) or None (not a date)."""
        regs = [x.date_regex for x in self.snap.fields_of(f.sheet) if x.col == f.col and x.date_regex]
        if regs:
            return 8 if any(r.count("\\d{2}") >= 2 for r in regs) else 6
        lab = f.label
        if "年月日" in lab or re.search(r"期限|満了日|始期|終期|届出年月日|時期", lab):
            if re.search(r"年月$|年月（予定）|年月\(予定\)|年月（", lab) and "年月日" not in lab:
                return 6
            return 8
        if re.search(r"年月$|年月（予定）", lab):
            return 6
        return None

    def date_value(self, a: _Applicant, f: Field) -> dt.date:
        lab, p, proc = f.label, a.p, self.snap.procedure
        ent = self.entity(f)
        future = proc != "koushin"
        if "生年月日" in lab:
            if ent == "applicant":
                return p["dob"]
            return dt.date(1962 + a.i * 3, 5, 12) if "扶養者" in lab or "父" in lab or "母" in lab \
                else dt.date(1990 + a.i + 2 * (self.slot - 1), 8, 20)
        if "旅券" in lab or "有効期限" in lab and ent == "applicant":
            return p["passport_expiry"]
        if "満了日" in lab:
            return p["expiry"] if ent == "applicant" else dt.date(2028, 6, 30)
        if "卒業" in lab:
            return dt.date(p["dob"].year + 22, 3, 20)
        if "入学" in lab:
            return dt.date(p["dob"].year + 18, 4, 1)
        if "出国予定" in lab:
            return dt.date(2027, 2, 10)
        if "再入国予定" in lab:
            return dt.date(2027, 2, 25)
        end = re.search(r"終期|退社|終了|期限", lab)
        if re.search(r"職歴|経歴|前通学先|出入国歴|事前研修|日本語教育", lab):
            first = min(p["dob"].year + 22, 2018)
            if self.slot > 1:         # an earlier period, before the first slot's
                last = first - 1 - 2 * (self.slot - 2)
                return dt.date(last, 3, 31) if end else dt.date(last - 2, 4, 1)
            return dt.date(2023, 3, 31) if end else dt.date(first, 4, 1)
        if re.search(r"出演|雇用契約期間|派遣期間|就労予定|雇用開始|入社|研修期間|実習期間|活動期間|受入", lab):
            if end:
                return dt.date(2029, 3, 31)
            return dt.date(2027, 1, 10) if future else dt.date(2024, 4, 1)
        if end:
            return dt.date(2029, 3, 31)
        if re.search(r"始期|開始", lab):
            return dt.date(2024, 4, 1)
        return dt.date(2020, 4, 1)

    # -- text ----------------------------------------------------------------------------------
    def text(self, a: _Applicant, f: Field) -> str | None:
        lab, p = f.label, a.p
        ent = self.entity(f)
        classes = set(f.classes)
        kind = self.date_kind(f) if not (classes - {"半角数字"}) else None
        if kind is None and classes == {"半角数字"} and f.exact and f.length == 8 and "年月日" in lab:
            kind = 8
        if kind is None and classes == {"半角数字"} and f.exact and f.length == 6 and "年月" in lab:
            kind = 6
        if kind:
            d = self.date_value(a, f)
            return ymd(d) if kind == 8 else d.strftime("%Y%m")
        if classes == {"半角数字"} and f.exact and f.length == 4 and "年" in lab:
            return str(self.date_value(a, f).year)
        if "郵便番号" in lab:
            return self.address_of(a, f)[3]
        if "法人番号" in lab:
            return corporate_number(self.company(a, f)["base"])
        if "雇用保険適用事業所番号" in lab:
            return "1310" + f"{123456 + a.i:06d}" + "1"
        if "携帯" in lab:
            return p["mobile"] if ent == "applicant" else "0901111" + f"{2222 + a.i:04d}"
        if "電話" in lab or "FAX" in lab or "ファックス" in lab:
            if ent == "applicant":
                return "03" + f"{51234567 + a.i:08d}"
            if ent == "agent":
                return "0355556666"
            return self.company(a, f)["phone"]
        if "メール" in lab:
            return p["email"] if ent == "applicant" else f"info{a.i}@example.co.jp"
        if "旅券" in lab and "番号" in lab:
            return p["passport"]
        if "在留カード番号" in lab or "特別永住者証明書番号" in lab:
            return p["card"] if ent == "applicant" else f"AB{12345670 + a.i:08d}CD"
        if "ED番号" in lab:
            return None
        if "登録番号" in lab and "登録支援" in lab:
            return p["support"]["reg"]
        if "本国における居住地" in lab:
            return p["hometown"]
        if "届出先" in lab:
            return "新宿区役所" if "日本" in lab else _jp(p["nationality"]) + "大使館"
        if "申請予定地" in lab:
            return p["hometown"].split("国")[-1]
        if "予定年月" in lab and "半角数字" not in classes:
            return zen("2027年4月")
        if re.search(r"住所|所在地|住居地|居住地|居所", lab) and "国" not in lab.replace("国籍", ""):
            pref, muni, street, _ = self.address_of(a, f)
            return street
        if "国名" in lab:
            return _jp(p["nationality"])
        if re.search(r"空港|\(空\)港|（空）港", lab):
            return "成田国際空港"
        if "役職" in lab:
            return "主任"
        if re.search(r"資格名|試験名", lab):
            return "基本情報技術者試験"
        if "本国における居住地" in lab or ("所在地" in lab and "国" in lab):
            return p["hometown"]
        if "出生地" in lab:
            return p["hometown"].split("国")[-1]
        if "氏名" in lab or "代表者" in lab or "経営者名" in lab or "管理者名" in lab or "責任者" in lab \
                or "担当者" in lab or "指導員" in lab:
            if not classes:
                return RELATIVE_ROMAN[a.i % len(RELATIVE_ROMAN)] if ent != "applicant" else p["name"]
            if ent == "relative" and "全角英字" in classes:
                return zen(p["name"].split(" ")[0] + " "
                           + RELATIVE_ROMAN[(a.i + self.slot - 1) % len(RELATIVE_ROMAN)].split(" ")[-1])
            if "漢字" in classes:
                return JP_NAMES[(a.i * 3 + len(lab) + self.slot - 1) % len(JP_NAMES)]
            if "全角カナ" in classes:
                return KANA_NAMES[a.i % len(KANA_NAMES)]
            return p["name"] if ent == "applicant" else RELATIVE_ROMAN[(a.i + self.slot - 1) % len(RELATIVE_ROMAN)]
        if "携行者" in lab:
            return p["name"]
        if "試験名" in lab and "日本語" in lab:
            return "日本語能力試験"
        if "級" in lab or "点数" in lab:
            return "Ｎ２"
        if "修学年数" in lab:
            return "16"
        if "出席率" in lab:
            return "95"
        if "単位数" in lab:
            return "20"
        if re.search(r"英字表記|ローマ字|英語", lab):
            return "SAMPLE TRADING CO., LTD."
        if re.search(r"資本金|出資額", lab):
            return "30000000"
        if re.search(r"(年収|支弁額|金額|売上高?|手当|旅費|費用|収入|経費)(（.*）|\(.*\))?$", lab):
            return "800000000" if "売上" in lab else "3600000" if "年収" in lab else "150000"
        if re.search(r"うち外国人|外国人職員|技能実習生|外国人", lab) and "数" in lab:
            return "3"
        if re.search(r"従業員|職員数|人数|常勤|社員数|学生数|生徒数", lab):
            return "85"
        if re.search(r"月額|給与|報酬|賃金|月給|支給額", lab):
            return "250000"
        if re.search(r"時間", lab):
            return "28" if "週" in lab else "8"
        if re.search(r"月数|期間|年数|経験", lab) and classes == {"半角数字"}:
            return "36" if "経験" in lab else "12"
        if "比率" in lab or "割合" in lab:
            return "50"
        if "職業" in lab:
            return "会社員" if "漢字" in classes else "Company employee"
        if re.search(r"名称|所属機関等|機関名|学校名|施設名|勤務先|通学先|事業所名|店名", lab):
            if "学校" in lab or "通学" in lab or "教育機関" in lab:
                return "サンプル大学"
            if "支店" in lab or "事業所" in lab:
                return "本社"
            return self.company(a, f)["name"]
        if re.search(r"理由|内容|詳細|目的|活動|経歴|予定|事項|状況|説明|概要|方法|計画", lab) or "すべて" in classes:
            return self.sentence(a, f)
        if "関係" in lab:
            return "雇用主"
        if "その他" in lab:
            return "その他の事項"
        if classes == {"半角数字"}:
            return "1"
        return "記載事項"

    def sentence(self, a: _Applicant, f: Field) -> str:
        lab = f.label
        status = self.names[0]
        if "変更" in lab and "理由" in lab:
            return f"{status}の在留資格で活動するため。"
        if "更新" in lab and "理由" in lab:
            return "引き続き同じ活動を行うため。"
        if "使用目的" in lab:
            return "転職先への提出のため。"
        return f"{status}としての活動に関する記載事項です。"

    def fit(self, f: Field, v: str) -> str:
        """Make a value fit the field's character class and length (the column table's rules)."""
        pat = class_pattern(tuple(f.classes))
        if pat is not None and not pat.fullmatch(v):
            for cand in (zen(v), _han(v), v.replace(" ", "　"), zen(v).replace("．", "").replace("，", "")):
                if pat.fullmatch(cand):
                    v = cand
                    break
            else:
                v = _fallback(f)
        if f.length:
            if f.exact:
                v = (v + "0" * f.length)[: f.length] if v.isdigit() else v[: f.length]
            else:
                v = v[: f.length].rstrip("　 ")
        return v


def _han(text: str) -> str:
    out = []
    for ch in text:
        if ch == "\u3000":
            out.append(" ")
        elif "！" <= ch <= "～":
            out.append(chr(ord(ch) - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def _fallback(f: Field) -> str:
    cls = set(f.classes)
    if "漢字" in cls:
        return "記載事項"
    if "全角カナ" in cls:
        return "サンプル"
    if "ひらがな" in cls:
        return "さんぷる"
    if "全角英字" in cls:
        return "ＳＡＭＰＬＥ"
    if "半角英字" in cls or "半角英大文字" in cls:
        return "SAMPLE"
    if "半角数字" in cls:
        return "1"
    if "全角数字" in cls:
        return "１"
    return "記載事項"


def sweep_rows(procedure: str, version: str, status_label: str, n: int = 3, seed: int = SEED,
               slots: int = 1) -> dict:
    snap = load_snapshot(procedure, version)
    return SweepGen(snap, status_label, n, seed, slots=slots).rows()
