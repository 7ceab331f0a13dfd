"""Per-applicant verdicts: one applicant is one row across the input sheets.

The verdict mirrors the online system's own words: 正常見込み (no error finding), 要確認見込み (at
least one error), 確認推奨 (warnings only). The engine records who is on each row (`FileResult.people`:
row, name, identity key); the verdict itself is computed from the findings at report time, so that
the run-wide rules (linter.crossfile) count as well. Identity keys are masked in shared outputs.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

OK, WARNING, ERROR = "ok", "warning", "error"
LABELS = {OK: ("正常見込み", "Expected OK"), WARNING: ("確認推奨", "Check recommended"),
          ERROR: ("要確認見込み", "Needs review")}
# where to read who the applicant is: row-5 labels of the common sheet (as schemas.business.frame)
NAME_LABEL = "氏名"
KEY_LABELS = (("card", "在留カード番号"), ("passport", "旅券(1)番号"))


@dataclass
class Verdict:
    row: int
    name: str
    key: str            # unmasked; use masked() in anything shared
    key_kind: str       # card | passport | ""
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    rules: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return ERROR if self.errors else WARNING if self.warnings else OK

    def label(self, lang: str = "ja") -> str:
        return LABELS[self.status][1 if lang == "en" else 0]

    def to_json(self) -> dict:
        return {"verdict": LABELS[self.status][0], "status": self.status, "row": self.row, "name": self.name,
                "key": mask(self.key), "key_kind": self.key_kind, "errors": self.errors,
                "warnings": self.warnings, "infos": self.infos, "rules": self.rules}


def mask(key: str, keep: int = 4) -> str:
    """'AB12345678CD' -> '********78CD': enough to tell applicants apart, not enough to misuse."""
    key = key or ""
    if len(key) <= keep:
        return "*" * len(key)
    return "*" * (len(key) - keep) + key[-keep:]


def people_of(ctx) -> list[dict]:
    """Who is on each applicant row of a lint run (engine _Context): row, name, identity key."""
    from schemas.business.frame import find_cols
    sheet = ctx.snap.common_sheet
    inp = ctx.inputs.get(sheet)
    if inp is None or not ctx.applicant_rows:
        return []
    headers = ctx.snap.headers.get(sheet, {})

    def column(label: str):
        cols = find_cols(headers, label)
        return inp.col(cols[0]) if cols else None

    names = column(NAME_LABEL)
    keys = [(kind, column(label)) for kind, label in KEY_LABELS]
    out = []
    for i, row in enumerate(ctx.applicant_rows):
        kind, key = "", ""
        for k, vals in keys:
            if vals is not None and str(vals[i]).strip():
                kind, key = k, str(vals[i]).strip()
                break
        out.append({"row": int(row), "name": str(names[i]).strip() if names is not None else "",
                    "key": key, "key_kind": kind})
    return out


def verdicts(result) -> list[Verdict]:
    """One Verdict per applicant of a FileResult (empty when the file was not read)."""
    people = getattr(result, "people", None) or []
    if not people:
        return []
    by_row: dict[int, Counter] = {}
    rules: dict[int, dict] = {}
    for f in result.findings:
        if f.row is None:
            continue
        by_row.setdefault(f.row, Counter())[f.severity] += 1
        rules.setdefault(f.row, {})[f.rule] = None
    out = []
    for p in people:
        c = by_row.get(p["row"], Counter())
        out.append(Verdict(p["row"], p.get("name", ""), p.get("key", ""), p.get("key_kind", ""),
                           c["error"], c["warning"], c["info"], sorted(rules.get(p["row"], {}))))
    return out


def verdict_counts(vs: list[Verdict]) -> dict[str, int]:
    c = Counter(v.status for v in vs)
    return {ERROR: c[ERROR], WARNING: c[WARNING], OK: c[OK]}


def summary_line(vs: list[Verdict], lang: str = "ja", limit: int = 5) -> str | None:
    """「30人中 4人が要確認見込み: 8行 NGUYEN VAN AN (エラー2) …」 (None when nobody was read)."""
    if not vs:
        return None
    en = lang == "en"
    bad = [v for v in vs if v.status == ERROR]
    warn = [v for v in vs if v.status == WARNING]
    if en:
        head = f"{len(bad)} of {len(vs)} applicant(s) need review"
        items = [f"row {v.row} {v.name or '(no name)'} ({v.errors} error(s))" for v in bad[:limit]]
    else:
        head = f"{len(vs)}人中 {len(bad)}人が要確認見込み"
        items = [f"{v.row}行 {v.name or '（氏名なし）'} (エラー{v.errors})" for v in bad[:limit]]
    line = head + (": " + ", ".join(items) if items else "") + (" …" if len(bad) > limit else "")
    if warn:
        line += (f"; {len(warn)} check recommended" if en else f"、{len(warn)}人が確認推奨")
    return line
