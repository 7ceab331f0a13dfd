"""ZL2xx: formats the official tool does not check (see schemas/rules/format_rules.py for the texts)."""
from __future__ import annotations

from functools import lru_cache

import re
from pathlib import Path

import pandas as pd

from schemas.charclass import class_pattern
from schemas.rules import Text
from . import BCheck
from .frame import Frame, ym, ymd

CARD_RE = re.compile(r"^[A-Z]{2}\d{8}[A-Z]{2}$")
CARD_OR_SPR_RE = re.compile(r"^[A-Z0-9]{12}$")
# words of capitals, hyphens/apostrophes inside a word (MARIE-CLAIRE, O'NEIL), separated by spaces or commas
NAME_RE = re.compile(r"^[A-Z]+(?:['-][A-Z]+)*(?:[ ,]+[A-Z]+(?:['-][A-Z]+)*)*$")
EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")   # dots anywhere: old carrier addresses (a..b@docomo.ne.jp)
EMAIL_DOMAIN = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$")
RSO_RE = re.compile(r"^[０-９]{2}登[０-９]{6}$")
DIGITS = re.compile(r"^\d+$")
FREEMAIL_FILE = Path(__file__).with_name("freemail_domains.txt")
REUSE_LIMIT = 3


def freemail_domains() -> set[str]:
    try:
        lines = FREEMAIL_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    return {ln.split("#")[0].strip().lower() for ln in lines if ln.split("#")[0].strip()}


# -- dates -------------------------------------------------------------------------------------
def real_date_ok(text: str, digits: int, birth: bool, format_checked: bool = True) -> bool:
    """`format_checked`: the column table already enforces the digits (半角数字, exact length)."""
    t = str(text or "")
    if t == "":
        return True
    if not (t.isascii() and t.isdigit()) or len(t) != digits:
        # a class/length problem is ZL102/ZL104's where the table checks it; else it is ours
        # (the table leaves 満了日 and 旅券有効期限 unchecked: "2027/02/25" would pass the official tool)
        return format_checked
    if digits == 6:
        return ym(t) is not None
    if birth and (t == "99999999" or t.endswith("0000") or
                  (t.endswith("00") and 1 <= int(t[4:6]) <= 12)):
        return int(t[:4]) >= 1 or t == "99999999"
    return ymd(t) is not None




def date_fields(F: Frame) -> list[tuple[str, str, int, bool]]:
    """(sheet, col, 8 or 6 digits, is a birth date) for every date field of the checked sheets.

    Which fields are dates is a fact of the snapshot (schemas.importer.template_facts: a 日付出力 pattern in
    列項目TBL, or a half-width-digit field whose row-5 label names a date).
    """
    from .frame import norm
    out, seen = [], set()
    for f in F.snap.fields:
        if f.sheet not in F.model.inputs or (f.sheet, f.col) in seen:
            continue
        digits = F.snap.date_digits(f.sheet, f.col)
        if not digits:
            continue
        if not f.date_regex and (f.code_list or list(f.classes) not in ([], ["半角数字"])):
            continue   # another field of the same cell that is no date
        label = norm(F.snap.headers.get(f.sheet, {}).get(f.col, "") or f.label)
        if not f.date_regex and f.length and f.length < digits:
            continue   # the year-only twin of a month field (職歴 入社年月 when the month is unknown: 4 digits)
        seen.add((f.sheet, f.col))
        format_checked = list(f.classes) == ["半角数字"] and f.exact and f.length == digits
        out.append((f.sheet, f.col, digits, "生年月日" in label or "生年月日" in (f.label or ""), format_checked))
    return out


# -- 法人番号 ------------------------------------------------------------------------------------
def corp_check_digit(base12: str) -> int:
    ds = [int(c) for c in reversed(base12)]
    return 9 - sum(d * (1 if i % 2 == 0 else 2) for i, d in enumerate(ds)) % 9


def corp_ok(text: str) -> bool:
    t = str(text or "")
    if len(t) != 13 or not (t.isascii() and t.isdigit()):
        return True     # length / class: ZL104 / ZL102
    return int(t[0]) == corp_check_digit(t[1:])


# -- characters --------------------------------------------------------------------------------
def _sjis_code(ch: str) -> int | None:
    try:
        b = ch.encode("cp932")
    except UnicodeEncodeError:
        return None
    return int.from_bytes(b, "big") if len(b) == 2 else None


@lru_cache(maxsize=65536)   # the same texts (company names, addresses) repeat across applicants
def char_problems(text: str) -> tuple[str, str, str]:
    """(outside JIS X 0208, platform-dependent (NEC/IBM extensions), half-width katakana)."""
    outside, platform, hankana = [], [], []
    for ch in str(text or ""):
        if ch.isascii():
            continue
        if "\uff61" <= ch <= "\uff9f":
            hankana.append(ch)
            continue
        try:
            ch.encode("iso2022_jp")
            continue
        except UnicodeEncodeError:
            pass
        code = _sjis_code(ch)
        if code is None:
            outside.append(ch)
        elif 0x8740 <= code <= 0x879F or code >= 0xED40:
            platform.append(ch)
        # else: a cp932 mapping variant of a JIS X 0208 character (～ ∥ － ￠ ￡ ￢): accepted
    dedup = lambda xs: "".join(dict.fromkeys(xs))  # noqa: E731
    return dedup(outside), dedup(platform), dedup(hankana)


def text_fields(F: Frame) -> list[tuple[str, str, object]]:
    """Free-text columns of the checked sheets holding any non-ASCII character: (sheet, col, class pattern)."""
    out = []
    for sheet, inp in F.model.inputs.items():
        for col, vals in inp.text.items():
            f = F.snap.field_at(sheet, col)
            if f is not None and f.code_list:
                continue   # drop-down: its labels come from the template
            if _all_ascii(vals):
                continue
            out.append((sheet, col, class_pattern(tuple(f.classes)) if f is not None else None))
    return out


def _all_ascii(vals) -> bool:
    """No text cell holds a non-ASCII character (one joined test in C when every cell is text)."""
    try:
        return "".join(vals).isascii()
    except TypeError:
        return not any(isinstance(v, str) and not v.isascii() for v in vals)


def cell_frame(F: Frame) -> pd.DataFrame:
    """Long form for the per-cell format rules: one row per non-empty (applicant, date or text field)."""
    names = ["sheet", "col", "i", "value", "kind", "digits", "birth", "pat", "checked"]
    out: dict[str, list] = {c: [] for c in names}

    def add(sheet, col, idx, values, kind, digits, birth, pat, checked):
        k = len(idx)
        for c, v in (("sheet", sheet), ("col", col), ("kind", kind), ("digits", digits), ("birth", birth),
                     ("pat", pat), ("checked", checked)):
            out[c].extend([v] * k)
        out["i"].extend(idx)
        out["value"].extend(values)

    # columns built a field at a time (the cells of a field share all but their index and value)
    for sheet, col, digits, birth, checked in date_fields(F):
        vals = F.model.inputs[sheet].col(col)
        idx = [i for i, v in enumerate(vals) if v]
        add(sheet, col, idx, [str(vals[i]).strip() for i in idx], "date", digits, birth, None, checked)
    for sheet, col, pat in text_fields(F):
        vals = F.model.inputs[sheet].col(col)
        idx = [i for i, v in enumerate(vals) if isinstance(v, str) and not v.isascii()]
        add(sheet, col, idx, [vals[i] for i in idx], "text", 0, False, pat, True)
    if not out["i"]:
        return pd.DataFrame([], columns=names)
    return pd.DataFrame(out, columns=names)


def _problems(df: pd.DataFrame, n: int) -> pd.Series:
    # columns as lists: iterating a pandas column cell by cell costs more than the check itself
    return pd.Series([_allowed(c, p) if k == "text" and (c := char_problems(v)[n]) else ""
                      for v, k, p in zip(df["value"].tolist(), df["kind"].tolist(), df["pat"].tolist())],
                     index=df.index, dtype=object)


def _hankana(df: pd.DataFrame) -> pd.Series:
    return pd.Series([char_problems(v)[2] if k == "text" and p is None else ""
                      for v, k, p in zip(df["value"].tolist(), df["kind"].tolist(), df["pat"].tolist())],
                     index=df.index, dtype=object)


# code -> (vectorised check over the cell frame, message params of one failing cell)
CELL_CHECKS = {
    "ZL201": (lambda df: pd.Series([k != "date" or real_date_ok(v, d, b, c) for v, k, d, b, c in
                                    zip(df["value"].tolist(), df["kind"].tolist(), df["digits"].tolist(),
                                        df["birth"].tolist(), df["checked"].tolist())],
                                   index=df.index),
              lambda rec, lang: {"expected": _date_hint(rec["digits"], rec["birth"], lang)}),
    "ZL213": (lambda df: _problems(df, 0) == "",
              lambda rec, lang: {"bad": _allowed(char_problems(rec["value"])[0], rec["pat"])}),
    "ZL214": (lambda df: _problems(df, 1) == "",
              lambda rec, lang: {"bad": _allowed(char_problems(rec["value"])[1], rec["pat"])}),
    "ZL215": (lambda df: _hankana(df) == "",
              lambda rec, lang: {"bad": char_problems(rec["value"])[2]}),
}


def _allowed(chars: str, pat) -> str:
    return "".join(ch for ch in chars if pat is None or pat.fullmatch(ch))


def checks(F: Frame) -> list[BCheck]:
    out: list[BCheck] = []
    out.append(BCheck("ZL202", "card_no", lambda F: ~F.filled("card_no") | F.s("card_no").str.match(CARD_RE)))
    for key in [k for k in F.locs if k.startswith("rel_card")] + ["sim_card_no"]:
        out.append(BCheck("ZL203", key, lambda F, k=key: (F.s(k).str.len() != 12) | F.s(k).str.match(CARD_OR_SPR_RE)))
        out.append(BCheck("ZL204", key, lambda F, k=key: ~F.s(k).str.match(CARD_OR_SPR_RE) | F.s(k).str.match(CARD_RE)))
    out.append(BCheck("ZL205", "ed_alpha", lambda F: ~F.filled("ed_alpha") | F.s("ed_alpha").str.fullmatch(r"[A-Z]{4}"),
                      lambda F, i: {"expected": "A–Z ×4"}))
    out.append(BCheck("ZL205", "ed_num", lambda F: ~F.filled("ed_num") | F.s("ed_num").str.fullmatch(r"\d{7}"),
                      lambda F, i: {"expected": "0–9 ×7"}))
    for key in ("name", "sim_name"):
        out.append(BCheck("ZL206", key, lambda F, k=key: ~F.filled(k) | (F.s(k).str.match(NAME_RE) & (F.s(k).str.len() <= 104))))
    for key in ("email", "notify_email"):
        out.append(BCheck("ZL207", key, lambda F, k=key: F.s(k).map(email_ok), lambda F, i, k=key: {"reason": email_reason(F.v(k, i), F.model.lang)}))
    out.append(BCheck("ZL208", "notify_email", _reuse_ok,
                      lambda F, i: {"count": int((F.s("notify_email").str.lower() == F.v("notify_email", i).lower()).sum())}))
    free = freemail_domains()
    out.append(BCheck("ZL209", "notify_email",
                      lambda F: ~F.s("notify_email").str.lower().str.rsplit("@", n=1).str[-1].isin(free) | ~F.s("notify_email").str.contains("@"),
                      lambda F, i: {"domain": F.v("notify_email", i).rsplit("@", 1)[-1]}))
    for key in [k for k in F.locs if k.startswith("corp_no")]:
        out.append(BCheck("ZL210", key, lambda F, k=key: F.s(k).map(corp_ok),
                          lambda F, i, k=key: {"digit": corp_check_digit(F.v(k, i)[1:])}))
    out.append(BCheck("ZL211", "rso_number", lambda F: ~F.filled("rso_number") | F.s("rso_number").str.match(RSO_RE)))
    for key in [k for k in F.locs if k.startswith("emp_ins")]:
        loc = F.locs[key]
        f = F.snap.field_at(loc.sheet, loc.col)
        if f is not None and f.exact and f.length == 11 and list(f.classes) == ["半角数字"]:
            continue   # the column table already enforces 11 half-width digits (ZL102/ZL104)
        out.append(BCheck("ZL212", key, lambda F, k=key: ~F.filled(k) | F.s(k).str.fullmatch(r"\d{11}")))
    return out


def _date_hint(digits: int, birth: bool, lang: str) -> str:
    if digits == 6:
        return "YYYYMM"
    if birth:
        return ("YYYYMMDD（不明は 99999999 / YYYY0000 / YYYYMM00）" if lang != "en"
                else "YYYYMMDD (unknown: 99999999 / YYYY0000 / YYYYMM00)")
    return "YYYYMMDD"


def email_ok(text: str) -> bool:
    return str(text or "") == "" or email_reason(text) == ""


@lru_cache(maxsize=8192)
def email_reason(text: str, lang: str = "ja") -> Text | str:
    """Why an address cannot receive mail, in both languages ('' when it can). Deliberately lenient: no RFC
    dot rules. `lang` is accepted for older callers and ignored: the finding renders the Text in its language."""
    t = str(text or "")
    if not t:
        return ""
    if t.count("@") != 1:
        return Text("@ が1つではありません", "@ must appear exactly once")
    local, domain = t.split("@")
    if not local or not EMAIL_LOCAL.fullmatch(local):
        return Text("@ の前が空か、使えない文字があります", "the part before @ is empty or has other characters")
    if not EMAIL_DOMAIN.fullmatch(domain):
        return Text("@ の後がドメイン名ではありません", "the domain after @ is not a domain name")
    return ""


def _reuse_ok(F: Frame) -> pd.Series:
    s = F.s("notify_email").str.lower()
    counts = s.map(s[s != ""].value_counts())
    return (s == "") | (counts.fillna(0) < REUSE_LIMIT)
