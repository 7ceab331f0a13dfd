"""The sweep's cases: one (or more) status per 区分 sheet × procedure, named <proc>_<区分>_<short status>."""
from __future__ import annotations

import re

from schemas.snapshot import load_snapshot, shipped_snapshots

from .sweepgen import POINTS_SHEET

# preferred status per 区分 sheet letter (the commonest first); the others follow in menu order
PREFERRED = {"N": "技術・人文知識", "T": "日本人の配偶者等", "U": "特定活動", "L": "報道", "R": "家族滞在"}
SHORT = {
    "教授": "kyoju", "教育": "kyoiku", "芸術": "geijutsu", "文化活動": "bunka", "宗教": "shukyo", "報道": "hodo",
    "経営・管理": "keiei", "研究": "kenkyu", "技術・人文知識・国際業務": "gijinkoku", "技能": "gino", "介護": "kaigo",
    "興行": "kogyo", "留学": "ryugaku", "研修": "kenshu", "家族滞在": "kazoku", "日本人の配偶者等": "nihonjin",
    "永住者の配偶者等": "eijusha", "定住者": "teiju", "医療": "iryo", "公用": "koyo", "法律・会計業務": "horitsu",
    "特定活動": "tokkatsu", "特定技能": "ssw", "技能実習": "ginojisshu",
}


def sheet_letter(sheet: str) -> str:
    m = re.search(r"区分(\w)\)", sheet)
    return m.group(1) if m else "X"


def short(label: str) -> str:
    head = re.split(r"[，, ]", label)[0]
    return SHORT.get(head, head)


def all_cases(primary_only: bool = False) -> list[dict]:
    """[{name, procedure, version, status, sheet}], primary statuses of every sheet first."""
    first, rest = [], []
    for (proc, ver) in sorted(shipped_snapshots()):
        snap = load_snapshot(proc, ver)
        by_sheet: dict[str, list] = {}
        for st in snap.statuses:
            if st.sheet == POINTS_SHEET:
                continue
            by_sheet.setdefault(st.sheet, []).append(st)
        for sheet, sts in by_sheet.items():
            letter = sheet_letter(sheet)
            pref = PREFERRED.get(letter)
            sts = sorted(sts, key=lambda s: 0 if pref and s.label.startswith(pref) else 1)
            for k, st in enumerate(sts):
                case = dict(name=f"{proc}_{letter}_{short(st.label)}", procedure=proc, version=ver,
                            status=st.label, sheet=sheet)
                (first if k == 0 else rest).append(case)
    if primary_only:
        return first
    # the "_full" variants: the first status of each sheet with two slots of every repeated block
    # (職歴, 在日親族, 他業種 …) filled on the first and third applicants
    full = [dict(c, name=c["name"] + "_full", slots=2) for c in first]
    return first + rest + full
