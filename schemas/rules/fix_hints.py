"""What `zairyu-lint fix` does for a rule's findings (linter.fixes): read from each rule's own `fix=`.

Shown by `zairyu-lint explain CODE` and in SARIF fix descriptions. A rule without one has no
mechanical fix.
"""
from __future__ import annotations

from . import all_rules, get

# {code: (ja, en)}, a view of the registry for callers that want the whole table
FIX_HINTS: dict[str, tuple[str, str]] = {r.code: (r.fix_ja, r.fix_en) for r in all_rules() if r.fix_ja}


def fix_hint(code: str, lang: str = "ja") -> str:
    try:
        return get(code).fix(lang)
    except KeyError:
        return ""
