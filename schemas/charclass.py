"""Character classes of 列項目TBL チェック種別, with the exact ranges of the official VBA (removeChr)."""
from __future__ import annotations

import re
from functools import lru_cache

_ZENKAKU_KIGOU = (
    "\u3000\u309b\u309c\u309d\u309e\u30fb\u30fc\u30fd\u30fe\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01"
    "\u00b4\uff40\u00a8\uff3e\uffe3\uff3f\u3003\u4edd\u3005\u3006\u3007\u2015\u2010\uff0f\uff3c\uff5e\u2225\uff5c"
    "\u2026\u2025\u2018\u2019\u201c\u201d\uff08\uff09\u3014\u3015\uff3b\uff3d\uff5b\uff5d\u3008\u3009\u300a\u300b"
    "\u300c\u300d\u300e\u300f\u3010\u3011\uff0b\uff0d\u00b1\u00d7\u00f7\uff1d\u2260\uff1c\uff1e\u2266\u2267\u221e\u2234"
    "\u2642\u2640\u00b0\u2032\u2033\u2103\uffe5\uff04\uffe0\uffe1\uff05\uff03\uff06\uff20\u00a7"
    "\u2606\u2605\u25cb\u25cf\u25ce\u25c7\u25c6\u25a1\u25b3\u25b2\u25bd\u25bc"
    "\u203b\u3012\u2192\u2190\u2191\u2193\u3013\u25a0\uff1f\uff0a"
)

# class name -> regex character-class body (inside [...])
CLASS_CHARS: dict[str, str] = {
    "半角カナ": "\uff61-\uff9f",
    "半角数字": "0-9",
    "半角英字": "A-Za-z",
    "半角英大文字": "A-Z",
    "半角記号": "\x20\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\uff61-\uff65\uff70\uff9e-\uff9f",
    "半角ピリオド": ".",
    "半角カンマ": ",",
    "半角ハイフン": "-",
    "ひらがな": "\u3000\u3041-\u3094\u309b-\u309e\u30fb-\u30fc",
    "全角カナ": "\u3000\u30a1-\u30f6\u30fc",
    "全角数字": "０-９",
    "全角英字": "Ａ-Ｚａ-ｚ",
    "半角スペース": " ",
    "全角スペース": "\u3000",
    "全角記号": _ZENKAKU_KIGOU,
    "漢字": "\u4e00-\ua000",
}
ANYTHING = "すべて"


def _body(spec: str) -> str:
    """Escape a class spec where "x-y" (x, y not "-") is a range and anything else a literal."""
    out, i = [], 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-" and spec[i] != "-":
            out.append(f"{re.escape(spec[i])}-{re.escape(spec[i + 2])}")
            i += 3
        else:
            out.append(re.escape(spec[i]))
            i += 1
    return "".join(out)


@lru_cache(maxsize=None)
def class_pattern(classes: tuple[str, ...]) -> re.Pattern | None:
    """A pattern matching a value made only of the allowed classes; None when anything goes."""
    if not classes or ANYTHING in classes:
        return None
    body = "".join(_body(CLASS_CHARS[c]) for c in classes if c in CLASS_CHARS)
    if not body:
        return None
    return re.compile(f"[{body}]*", re.DOTALL)


def describe(classes: tuple[str, ...] | list[str]) -> str:
    return "・".join(classes)
