"""ZL2xx: the format library of the rules in schemas/rules/zl2NN_*.py (each rule is one unit there).

Shared by several rules: the card-number patterns, the mail-address reading, the date fields and the date
reading, the character classes, and the long cell frame the per-cell rules (ZL201, ZL213–ZL215) run over.
"""
from __future__ import annotations

from functools import lru_cache

import re
import pandas as pd

from schemas.charclass import class_pattern
from schemas.rules import Text
from .frame import Frame, ym, ymd

CARD_RE = re.compile(r"^[A-Z]{2}\d{8}[A-Z]{2}$")
CARD_OR_SPR_RE = re.compile(r"^[A-Z0-9]{12}$")
EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")   # dots anywhere: old carrier addresses (a..b@docomo.ne.jp)
EMAIL_DOMAIN = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$")
DIGITS = re.compile(r"^\d+$")


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
    """(sheet, col, 8 or 6 digits, is a birth date) for every date field of the checked sheets (once per frame)."""
    got = F.cache.get("date_fields")
    if got is None:
        got = F.cache["date_fields"] = _date_fields(F)
    return got


def _date_fields(F: Frame) -> list[tuple[str, str, int, bool]]:
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


def __getattr__(name: str):
    # CELL_CHECKS, code -> (vectorised check over the cell frame, message params of one failing cell): from the
    # rules' own units that define cell_ok / cell_params (ZL201, ZL213–ZL215), assembled once on first use
    if name != "CELL_CHECKS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    from schemas import rules as R
    got = {}
    for r in R.checks_on("applicant-frame"):
        unit = importlib.import_module(r.by)
        if hasattr(unit, "cell_ok"):
            got[r.code] = (unit.cell_ok, unit.cell_params)
    globals()["CELL_CHECKS"] = got
    return got


def _allowed(chars: str, pat) -> str:
    return "".join(ch for ch in chars if pat is None or pat.fullmatch(ch))


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
