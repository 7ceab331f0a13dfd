"""ZL3xx: contradictions across fields, sheets and rows of one file."""
from __future__ import annotations

import pandas as pd

from . import BCheck
from schemas.cells import col_index
from .frame import Frame, norm, to_int, ym, ymd



def _le(F: Frame, a: str, b: str, parse=ymd) -> pd.Series:
    """a <= b where both parse; True otherwise."""
    x, y = [parse(t) for t in F.s(a)], [parse(t) for t in F.s(b)]
    return pd.Series([p is None or q is None or p <= q for p, q in zip(x, y)], index=F.df.index)


def _order(code, F, later, earlier, parse=ymd):
    return BCheck(code, later, lambda F: _le(F, earlier, later, parse),
                  lambda F, i: {"other": f"{F.where(earlier, i)}（{F.label(earlier)}）", "other_value": F.v(earlier, i)})


def _not_future(F: Frame, key: str, parse) -> pd.Series:
    on = F.model.options.on
    limit = (on.year, on.month) if parse is ym else on
    s = F.s(key)    # each value parsed once
    return pd.Series([p is None or p <= limit for p in map(parse, s)], index=s.index, dtype=bool)


def sim_active(F: Frame) -> pd.Series:
    got = F.cache.get("sim_active")     # the same for every 同時申請 pair check of this frame
    if got is None:
        yes = F.snap.yes   # the 有 label: a template fact
        got = F.cache["sim_active"] = (F.s("sim_reentry") == yes) | (F.s("sim_extra") == yes) | (F.s("sim_cert") == yes)
    return got


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


# start/end words of a period in row-5 labels: a start field pairs with the nearest field to its right whose
# label is the start label with the word swapped (職歴 slots, 経歴 slots and 出演日程 repeat in order)
PERIOD_WORDS = (("始期", "終期"), ("入社", "退社"), ("出国予定", "再入国予定"), ("入学", "卒業"), ("開始", "終了"))


def _month(text) -> tuple[int, int] | None:
    t = str(text or "")
    return ym(t[:6]) if len(t) == 8 and ymd(t) else ym(t)


def _when(digits: int):
    """A parser giving comparable values: YYYYMMDD -> date; when one side is YYYYMM, both -> (y, m)."""
    return _month if digits == 6 else ymd


def order_pairs(F: Frame) -> list[tuple[str, str, object]]:
    """(start key, end key, parser) for every date pair on the checked sheets, found from the row-5 labels."""
    from .formats import date_fields
    got = F.cache.get("order_pairs")
    if got is not None:
        return got
    by_sheet: dict[str, list[tuple[str, str, int]]] = {}
    for sheet, col, digits, birth, _ in date_fields(F):
        if not birth:
            by_sheet.setdefault(sheet, []).append((col, norm(F.snap.headers.get(sheet, {}).get(col, "")), digits))
    out = []
    for sheet, fields in by_sheet.items():
        fields.sort(key=lambda x: col_index(x[0]))
        used: set[str] = set()
        for col, label, digits in fields:
            for a, b in PERIOD_WORDS:
                if a not in label:
                    continue
                want = label.replace(a, b, 1)
                end = next((c for c, lab, d in fields if lab == want and c not in used
                            and col_index(c) > col_index(col)), None)
                if end is None:
                    continue
                used.add(end)
                d_end = next(d for c, _, d in fields if c == end)
                ks, ke = f"period:{sheet}:{col}", f"period:{sheet}:{end}"
                F.add_col(ks, sheet, col)
                F.add_col(ke, sheet, end)
                out.append((ks, ke, _when(min(digits, d_end))))
                break
    F.cache["order_pairs"] = out
    return out


def checks(F: Frame) -> list[BCheck]:
    out: list[BCheck] = []
    # date order: every start/end pair the column table names (reported on the end, naming the start)
    for start, end, parse in order_pairs(F):
        out.append(_order("ZL301", F, end, start, parse=parse))
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
                          lambda F, i: {"on": F.model.options.on.isoformat()}))
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
                      lambda F: (F.s("sim_reentry") != F.snap.yes) | ~F.filled("receipt") | F.s("receipt").str.startswith("窓口"),
                      lambda F, i: {"other": f"{F.locs['sim_reentry'].sheet}!{F.where('sim_reentry', i)}"
                                    if F.has("sim_reentry") else ""}))
    # duplicates in the file
    for key in ("card_no", "passport_no"):
        out.append(BCheck("ZL306", key, lambda F, k=key: dup_mask(F, [k]),
                          lambda F, i, k=key: {"first": first_row_of(F, [k], i)}))
    out.append(BCheck("ZL307", "name", lambda F: dup_mask(F, ["name", "birth"]),
                      lambda F, i: {"first": first_row_of(F, ["name", "birth"], i), "birth": F.v("birth", i)}))
    # pay
    out.append(BCheck("ZL309", "pay", _pay_ok, lambda F, i: {"jp": F.v("pay_jp", i), "other": F.where("pay_jp", i)}))
    out.append(BCheck("ZL310", "pay_equal", lambda F: ~F.s("pay_equal").str.startswith("無")))
    return out


def _pay_ok(F: Frame) -> pd.Series:
    a, b = [to_int(t) for t in F.s("pay")], [to_int(t) for t in F.s("pay_jp")]
    return pd.Series([x is None or y is None or x >= y for x, y in zip(a, b)], index=F.df.index)
