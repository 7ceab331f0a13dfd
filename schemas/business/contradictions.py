"""ZL3xx: contradictions across fields, sheets and rows of one file."""
from __future__ import annotations

import re

import pandas as pd

from . import BCheck
from .frame import Frame, norm, to_int, ym, ymd

YES = "有 Yes"


def _le(F: Frame, a: str, b: str, parse=ymd) -> pd.Series:
    """a <= b where both parse; True otherwise."""
    x, y = [parse(t) for t in F.s(a)], [parse(t) for t in F.s(b)]
    return pd.Series([p is None or q is None or p <= q for p, q in zip(x, y)], index=F.df.index)


def _order(code, F, later, earlier, parse=ymd):
    return BCheck(code, later, lambda F: _le(F, earlier, later, parse),
                  lambda F, i: {"other": f"{F.where(earlier, i)}（{F.label(earlier)}）", "other_value": F.v(earlier, i)})


def _not_future(F: Frame, key: str, parse) -> pd.Series:
    on = F.ctx.options.on
    if parse is ym:
        return F.s(key).map(lambda t: (ym(t) is None) or ym(t) <= (on.year, on.month))
    return F.s(key).map(lambda t: (parse(t) is None) or parse(t) <= on)


def sim_active(F: Frame) -> pd.Series:
    return (F.s("sim_reentry") == YES) | (F.s("sim_extra") == YES) | (F.s("sim_cert") == YES)


SIM_PAIRS = [("sim_nationality", "nationality"), ("sim_birth", "birth"), ("sim_name", "name"), ("sim_sex", "sex"),
             ("sim_zip", "zip"), ("sim_pref", "pref"), ("sim_muni", "muni"), ("sim_street", "street"),
             ("sim_passport_no", "passport_no"), ("sim_passport_exp", "passport_exp"),
             ("sim_cur_status", "cur_status"), ("sim_cur_period", "cur_period"), ("sim_expiry", "expiry"),
             ("sim_card_has", "card_has"), ("sim_card_no", "card_no"),
             ("sim_ed_alpha", "ed_alpha"), ("sim_ed_num", "ed_num")]


def dup_mask(F: Frame, keys: list[str]) -> pd.Series:
    parts = [F.s(k) for k in keys]
    filled = pd.concat([p != "" for p in parts], axis=1).all(axis=1)
    joined = parts[0].str.upper()
    for p in parts[1:]:
        joined = joined + "\x1f" + p
    dup = joined.duplicated(keep="first") & filled
    return ~dup


def first_row_of(F: Frame, keys: list[str], i: int) -> int:
    vals = tuple(F.v(k, i).upper() if n == 0 else F.v(k, i) for n, k in enumerate(keys))
    for j in range(F.n):
        if tuple(F.v(k, j).upper() if n == 0 else F.v(k, j) for n, k in enumerate(keys)) == vals:
            return F.rows[j]
    return F.rows[i]


def checks(F: Frame) -> list[BCheck]:
    out: list[BCheck] = []
    # date order (reported on the later date, naming the earlier)
    out.append(_order("ZL301", F, "contract_end", "contract_start"))
    out.append(_order("ZL301", F, "dispatch_end", "dispatch_start"))
    out.append(_order("ZL301", F, "return", "depart"))
    out.append(_order("ZL301", F, "work_end", "work_start"))
    for k in [k for k in F.locs if k.startswith("job_out")]:
        n = k[len("job_out"):]
        if F.has(f"job_in{n}"):
            out.append(_order("ZL301", F, k, f"job_in{n}", parse=ym))
    # dispatch within the contract
    out.append(BCheck("ZL302", "dispatch_start", lambda F: _le(F, "contract_start", "dispatch_start"),
                      lambda F, i: {"other": f"{F.where('contract_start', i)}（{F.label('contract_start')}）",
                                    "other_value": F.v("contract_start", i)}))
    out.append(BCheck("ZL302", "dispatch_end", lambda F: _le(F, "dispatch_end", "contract_end"),
                      lambda F, i: {"other": f"{F.where('contract_end', i)}（{F.label('contract_end')}）",
                                    "other_value": F.v("contract_end", i)}))
    # past dates not after the filing date
    past = [("birth", ymd), ("sim_birth", ymd), ("rso_date", ymd), ("agency_date", ymd)]
    past += [(k, ymd) for k in F.locs if k.startswith("rel_birth")]
    past += [(k, ym) for k in F.locs if k.startswith("job_in") or k.startswith("job_out")]
    for key, parse in past:
        out.append(BCheck("ZL303", key, lambda F, k=key, p=parse: _not_future(F, k, p),
                          lambda F, i: {"on": F.ctx.options.on.isoformat()}))
    # 同時申請 common items = main sheet
    for sim_key, main_key in SIM_PAIRS:
        if not F.has(main_key):
            continue
        out.append(BCheck("ZL304", sim_key,
                          lambda F, a=sim_key, b=main_key: ~sim_active(F) | ~F.filled(a) | (F.s(a) == F.s(b)),
                          lambda F, i, b=main_key: {"other": f"{F.locs[b].sheet}!{F.where(b, i)}（{F.label(b)}）",
                                                    "other_value": F.v(b, i)}))
    # 再入国 = 有 -> 受領方法 = 窓口
    out.append(BCheck("ZL305", "receipt",
                      lambda F: (F.s("sim_reentry") != YES) | ~F.filled("receipt") | F.s("receipt").str.startswith("窓口"),
                      lambda F, i: {"other": f"{F.locs['sim_reentry'].sheet}!{F.where('sim_reentry', i)}"
                                    if F.has("sim_reentry") else ""}))
    # duplicates in the file
    for key in ("card_no", "passport_no"):
        out.append(BCheck("ZL306", key, lambda F, k=key: dup_mask(F, [k]),
                          lambda F, i, k=key: {"first": first_row_of(F, [k], i)}))
    out.append(BCheck("ZL307", "name", lambda F: dup_mask(F, ["name", "birth"]),
                      lambda F, i: {"first": first_row_of(F, ["name", "birth"], i), "birth": F.v("birth", i)}))
    # 更新: current status and desired period must be of the same status
    if F.snap.procedure == "koushin":
        out.append(BCheck("ZL308", "want_period", _same_status,
                          lambda F, i: {"other": f"{F.where('cur_status', i)}（{F.label('cur_status')}）",
                                        "other_value": F.v("cur_status", i)}))
    # pay
    out.append(BCheck("ZL309", "pay", _pay_ok, lambda F, i: {"jp": F.v("pay_jp", i), "other": F.where("pay_jp", i)}))
    out.append(BCheck("ZL310", "pay_equal", lambda F: ~F.s("pay_equal").str.startswith("無")))
    out.append(BCheck("ZL311", "hours_equal", lambda F: ~F.s("hours_equal").str.startswith("無")))
    return out


def status_name(label: str) -> str:
    """The Japanese status name at the start of a label: 「特定技能１号（１年） One year」 -> 特定技能1号."""
    m = re.match(r"[^A-Za-z(]+", norm(label))
    return m.group(0) if m else ""


def _same_status(F: Frame) -> pd.Series:
    cur, want = F.s("cur_status").map(status_name), F.s("want_period").map(status_name)
    keyed = F.s("want_period").map(lambda t: "(" in norm(t))   # 更新 labels name their status: 特定技能１号（１年）
    return pd.Series([not a or not b or not k or a == b for a, b, k in zip(cur, want, keyed)], index=F.df.index)


def _pay_ok(F: Frame) -> pd.Series:
    a, b = [to_int(t) for t in F.s("pay")], [to_int(t) for t in F.s("pay_jp")]
    return pd.Series([x is None or y is None or x >= y for x, y in zip(a, b)], index=F.df.index)
