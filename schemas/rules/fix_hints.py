"""What `zairyu-lint fix` does for a rule's findings (linter.fixes), next to the rules it fixes.

Shown by `zairyu-lint explain CODE` and in SARIF fix descriptions. A rule without an entry has no
mechanical fix. (ja, en) per rule code; {replacement} is the fixed value.
"""
from __future__ import annotations

FIX_HINTS: dict[str, tuple[str, str]] = {
    "ZL102": ("その列で使える文字の全角・半角に変換します（数字・英字・空白・記号。カナは推測しません）。郵便番号・法人番号はハイフンを削除、"
              "日付の「/」「-」「.」区切りは8桁にします。",
              "converts to the width the column allows (digits, Latin letters, spaces, symbols; never kana); removes "
              "hyphens from postal codes and 法人番号; writes YYYY/MM/DD-style dates as 8 digits."),
    "ZL103": ("前後の空白を削除します。", "trims surrounding spaces."),
    "ZL104": ("ハイフンの削除、数値で消えた先頭の0の復元（固定桁数の列）で桁数が合う場合に直します。",
              "fixed when removing hyphens or restoring leading zeros lost to a number (fixed-length columns) gives the length."),
    "ZL105": ("大文字小文字・全角半角・空白だけが違う項目が1つだけなら、その項目の表記にします。日本語部分だけの値（「男」）の補完は "
              "--unsafe-fixes のときだけです。",
              "when exactly one list label differs only in case, width or spacing, that label; completing a value that is "
              "only a label's Japanese part (「男」) is an unsafe fix (--unsafe-fixes)."),
    "ZL106": ("ZL105 と同じ（連動リストの項目に合わせます）。", "as ZL105, against the dependent list."),
    "ZL201": ("「YYYY/MM/DD」「YYYY-MM-DD」「YYYY.MM.DD」を8桁の文字列にします。", "writes YYYY/MM/DD, YYYY-MM-DD and YYYY.MM.DD as 8 digits."),
    "ZL206": ("半角に変換し、前後と二重の空白を除き、大文字にします。", "half-width, spaces trimmed and collapsed, upper case."),
    "ZL207": ("全角の記号（＠など）を半角にします。", "full-width symbols (＠) to half-width."),
    "ZL211": ("半角数字を全角にします。", "half-width digits to full-width."),
    "ZL601": ("数値を同じ数字の文字列にします。", "writes the number back as text."),
    "ZL602": ("固定桁数の列は桁数まで0を補い、電話番号は先頭に0を1つ付けて、文字列にします。",
              "pads with zeros to the fixed length, or puts back a phone number's single leading 0, as text."),
    "ZL604": ("日付型のセルを「YYYYMMDD」の8桁の文字列にします（日付の表示形式は文字列に）。",
              "writes the date cell as 8-digit text (its date format becomes text)."),
}


def fix_hint(code: str, lang: str = "ja") -> str:
    hint = FIX_HINTS.get(code)
    if hint is None:
        return ""
    return hint[1] if lang == "en" else hint[0]
