"""Business rules beyond the column table: formats (ZL2xx), contradictions (ZL3xx), 特定技能 (ZL4xx),
filing date (ZL5xx), and the fee estimate.

`run(model)` builds one pandas DataFrame with a row per applicant (columns = the fields the rules need,
found by their row-5 label, see frame.py), validates it with one pandera DataFrameSchema whose
dataframe-level checks each return a boolean Series (True = this applicant passes), and turns the
failure cases into violations on the exact cell the user must change. It reads the workbook model
(schemas.model) and returns its violations; it never adds findings to the engine. The fee estimate and
the identity keys are extractors of their own over the same applicant frame (fees.estimate,
keys.collect_keys).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd
import pandera.pandas as pa

from schemas.model import Violation
from .frame import COMMON, SIM, STATUS, Frame

__all__ = ["run", "BCheck", "Outcome", "extract"]

# rules about what a drop-down value means, silent where the value is not in its list at all
LIST_MEANING = {"ZL403", "ZL409"}


@dataclass
class BCheck:
    """One named check: `ok(F)` -> boolean Series per applicant (True = passes)."""
    code: str
    target: str                                   # frame key of the cell reported
    ok: Callable[[Frame], pd.Series]
    params: Callable[[Frame, int], dict] = field(default=lambda F, i: {})
    cell: Callable[[Frame, int], str] | None = None   # the key reported, when it depends on the row


def load_fields(F: Frame) -> None:
    """The fields used by the rules (key -> sheet + row-5 label + occurrence)."""
    C, V, S = COMMON, STATUS, SIM
    for key, label in [
        ("nationality", "国籍・地域"), ("birth", "生年月日"), ("name", "氏名"), ("sex", "性別"),
        ("zip", "日本における連絡先郵便番号"), ("pref", "日本における連絡先住居地(都道府県)"),
        ("muni", "日本における連絡先住居地(市区町村)"), ("street", "日本における連絡先住居地(町名丁目番地号等)"),
        ("email", "メールアドレス"), ("notify_email", "通知送信用メールアドレス"),
        ("passport_no", "旅券(1)番号"), ("passport_exp", "旅券(2)有効期限"),
        ("cur_status", "現に有する在留資格"), ("cur_period", "在留期間"), ("expiry", "在留期間の満了日"),
        ("card_has", "在留カードの有無"), ("card_no", "在留カード番号"),
        ("ed_alpha", "ED番号(英字)"), ("ed_num", "ED番号(数字)"),
        ("want_status", "希望する在留資格"), ("want_period", "希望する在留期間"), ("purpose", "入国目的"),
        ("stay_y", "滞在予定期間(年数)"), ("stay_m", "滞在予定期間(月数)"),
        ("receipt", "在留カードの受領方法"),
    ]:
        F.add(key, C, label)
    F.add_all("rel_card", C, "在日親族及び同居者在留カード番号特別永住者証明書番号")
    F.add_all("rel_birth", C, "在日親族及び同居者生年月日")
    # 区分V (特定技能)
    for key, label, how in [
        ("total_y", "申請時における特定技能1号での通算在留期間(年数)", "exact"),
        ("total_m", "申請時における特定技能1号での通算在留期間(月数)", "exact"),
        ("contract_start", "特定技能雇用契約(1)雇用契約期間(始期)", "exact"),
        ("contract_end", "特定技能雇用契約(1)雇用契約期間(終期)", "exact"),
        ("dispatch_start", "(12)派遣先派遣期間(始期)", "suffix"),
        ("dispatch_end", "(12)派遣先派遣期間(終期)", "suffix"),
        ("pay", "特定技能雇用契約(4)月額報酬", "exact"),
        ("pay_jp", "特定技能雇用契約(4)同等の業務に従事する日本人の月額報酬", "exact"),
        ("pay_equal", "報酬の額が日本人が従事する場合の報酬の額と同等以上であることの有無", "suffix"),
        ("support_choice", "特定技能1号での在留を希望し登録支援機関に", "prefix"),
        ("rso_name", "登録支援機関(1)氏名又は名称", "exact"),
        ("rso_number", "登録支援機関(6)登録番号", "exact"),
        ("rso_date", "登録支援機関(7)登録年月日", "exact"),
        ("agency_date", "(13)職業紹介事業者受理年月日", "suffix"),
    ]:
        F.add(key, V, label, how=how)
    F.add_all("field", V, "特定技能雇用契約(2)従事すべき業務の内容特定産業分野")
    F.add_all("job_in", V, "職歴入社年月")
    F.add_all("job_out", V, "職歴退社年月")
    F.add_all("corp_no", V, "法人番号", how="suffix")
    F.add_all("emp_ins", V, "雇用保険適用事業所番号", how="suffix")
    # 同時申請
    for key, label, how in [
        ("sim_reentry", "再入国許可申請", "prefix"), ("sim_extra", "資格外活動許可申請", "prefix"),
        ("sim_cert", "就労資格証明書交付申請", "prefix"),
        ("sim_nationality", "国籍・地域", "exact"), ("sim_birth", "生年月日", "exact"), ("sim_name", "氏名", "exact"),
        ("sim_sex", "性別", "exact"), ("sim_zip", "住居地郵便番号", "exact"), ("sim_pref", "住居地(都道府県)", "exact"),
        ("sim_muni", "住居地(市区町村)", "exact"), ("sim_street", "住居地(町名丁目番地号等)", "exact"),
        ("sim_passport_no", "旅券(1)番号", "exact"), ("sim_passport_exp", "旅券(2)有効期限", "exact"),
        ("sim_cur_status", "現に有する在留資格", "exact"), ("sim_cur_period", "在留期間", "exact"),
        ("sim_expiry", "在留期間の満了日", "exact"), ("sim_card_has", "在留カードの有無", "exact"),
        ("sim_card_no", "在留カード番号/特別永住者証明書番号", "exact"),
        ("sim_ed_alpha", "ED番号(英字)", "exact"), ("sim_ed_num", "ED番号(数字)", "exact"),
        ("reentry_kind", "希望する再入国許可", "exact"),
        ("work_start", "就労する期間(始期)", "exact"), ("work_end", "就労する期間(終期)", "exact"),
    ]:
        F.add(key, S, label, how=how)
    # the date cells of 出国/再入国予定年月日 follow their 未定/有 flag cell
    F.add("depart", S, "出国予定年月日", occ=1)
    F.add("return", S, "再入国予定年月日", occ=1)


def all_checks(F: Frame) -> list[BCheck]:
    """Every applicant-frame rule is one unit (schemas/rules/zlNNN_*.py): its declaration and its check."""
    from schemas import rules as R
    out = []
    for r in R.checks_on("applicant-frame"):
        out += r.check(F)
    return [c for c in out if F.has(c.target)]


@dataclass
class Outcome:
    """What the applicant-frame rules give back: violations, checks that raised, and the frame itself."""
    violations: list[Violation] = field(default_factory=list)
    broken: dict[str, str] = field(default_factory=dict)   # code -> what the check raised (reported as ZL033)
    frame: Frame | None = None


def _safe(check: BCheck, F: Frame, index, out: Outcome) -> np.ndarray:
    """The check's pass mask over the applicants (NA passes); a check that raises passes all and is noted."""
    try:
        got = check.ok(F)
        if isinstance(got, np.ndarray) and got.dtype == bool and got.shape == (len(index),):
            return got              # a numpy mask over the frame's rows (Frame.a / present / numbers)
        if isinstance(got, pd.Series) and got.dtype == bool and got.index.equals(index):
            return got.to_numpy()   # the usual case: already a boolean mask on the frame's rows (no NA in bool)
        got = pd.Series(got, index=index).fillna(True).astype(bool)
    except Exception as exc:   # a rule must never break the run, nor pass silently: ZL033 for this file
        _broken(out, check.code, exc)
        got = pd.Series(True, index=index)
    return got.to_numpy()


def _broken(out: Outcome, code: str, exc: BaseException) -> None:
    """Remember a check that raised; the engine reports each once as ZL033 (the file is then not fully checked)."""
    from schemas.rules import raised
    out.broken.setdefault(code, raised(exc))


def run_cell_checks(model, F: Frame, out: Outcome) -> None:
    """Per-cell formats (real dates, characters) over a long frame: one row per non-empty cell."""
    from .formats import CELL_CHECKS, cell_frame
    try:
        cells = cell_frame(F)
    except Exception as exc:
        _broken(out, "ZL2xx", exc)
        return
    if cells.empty:
        return

    def safe(code, fn):
        def check(d):
            try:
                return pd.Series(fn(d), index=d.index).fillna(True).astype(bool)
            except Exception as exc:
                _broken(out, code, exc)
                return pd.Series(True, index=d.index)
        return check

    schema = pa.DataFrameSchema(checks=[pa.Check(safe(code, fn), name=code, error=code, ignore_na=False)
                                        for code, (fn, _) in CELL_CHECKS.items()])
    # the declared checks run directly (each is already safe): pandera's lazy failure-case table cost more
    # than the checks themselves, and gave the same (index, check) pairs
    failing = set()
    try:
        for chk in schema.checks:
            ok = np.asarray(chk._check_fn(cells).to_numpy(), dtype=bool)
            failing.update((int(i), str(chk.name)) for i in cells.index[~ok])
    except Exception as exc:
        _broken(out, "ZL2xx", exc)
        return
    for idx, code in sorted(failing):
        rec = cells.loc[idx]
        label = model.label(rec["sheet"], rec["col"])
        try:
            params = CELL_CHECKS[code][1](rec)
            out.violations.append(Violation(code, rec["sheet"], F.rows[int(rec["i"])], rec["col"], label,
                                            dict(label=label, value=rec["value"], **params)))
        except Exception:
            pass


def run(model, listed: set | frozenset = frozenset()) -> Outcome:
    """The applicant-frame rules over the workbook model. `listed`: (sheet, cell) the code lists already
    reject (ZL105/ZL106), where a rule about the value's meaning says nothing more."""
    out = Outcome()
    if not model.applicant_rows:
        return out
    F = out.frame = Frame(model)
    load_fields(F)
    checks = all_checks(F)          # may register more columns (dates, free text)
    df = F.build()
    by_name = {f"{c.code}:{c.target}:{i}": c for i, c in enumerate(checks)}
    # the executor: each declared check gives a boolean Series per applicant (True = passes); a failure is one
    # failing applicant of one check. (Run directly: a pandera schema over the row numbers gave the same
    # failure cases at several times the cost.)
    failing = set()
    for name, c in by_name.items():    # the frame's index is 0..n-1: a failing position is its label
        failing.update((int(i), name) for i in np.flatnonzero(~_safe(c, F, df.index, out)))
    failures = sorted(failing)
    seen = set()
    for i, name in failures:
        c = by_name[name]
        target = c.target
        if c.cell is not None:
            try:
                target = c.cell(F, i) or target
            except Exception:
                pass
        loc = F.locs.get(target, F.locs[c.target])
        key = (c.code, loc.sheet, loc.col, i)
        if key in seen or (c.code in LIST_MEANING and (loc.sheet, f"{loc.col}{F.rows[i]}") in listed):
            continue
        seen.add(key)
        try:
            params = dict(c.params(F, i))
        except Exception:
            params = {}
        params.setdefault("label", loc.label)
        params.setdefault("value", F.v(loc.key, i))
        out.violations.append(Violation(c.code, loc.sheet, F.rows[i], loc.col, loc.label, params))
    run_cell_checks(model, F, out)
    return out


def extract(F: Frame | None) -> tuple[dict, dict | None]:
    """The extractors over the applicant frame: identity keys (cross-file rules) and the fee estimate."""
    keys, fees = {}, None
    if F is None:
        return keys, fees
    try:
        from .keys import collect_keys
        keys = collect_keys(F)
    except Exception:
        pass
    try:
        from .fees import estimate
        fees = estimate(F)
    except Exception:
        fees = None
    return keys, fees
