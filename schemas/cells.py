"""Cell addressing and the text form of a cell value (as VBA's CStr would give it)."""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache


@lru_cache(maxsize=4096)
def col_index(letters: str) -> int:
    """'A' -> 0, 'AA' -> 26."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


@lru_cache(maxsize=4096)
def col_letter(index: int) -> str:
    """0 -> 'A'."""
    s, n = "", index + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def expand_cols(spec: str) -> list[str]:
    """'BN:BP,GG' -> ['BN', 'BO', 'BP', 'GG']."""
    out = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        a, _, b = part.partition(":")
        for i in range(col_index(a), col_index(b or a) + 1):
            out.append(col_letter(i))
    return out


def number_text(v: float) -> str:
    """A number as the text Excel/VBA shows for it in a General cell."""
    if v != v or v in (float("inf"), float("-inf")):
        return str(v)          # NaN / infinity: no integer form
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def cell_text(v) -> str:
    """Text of a cell value read by python-calamine (str, float, int, bool, date, datetime)."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        return number_text(float(v))
    if isinstance(v, _dt.datetime):
        return v.strftime("%Y%m%d") if v.time() == _dt.time() else v.isoformat(sep=" ")
    if isinstance(v, _dt.date):
        return v.strftime("%Y%m%d")
    if isinstance(v, _dt.timedelta):
        return str(v)
    return str(v)
