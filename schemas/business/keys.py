"""Identity keys per applicant row, kept on the FileResult for the cross-file duplicate rules."""
from __future__ import annotations

from .frame import Frame

KINDS = {"card": ["card_no"], "passport": ["passport_no"], "name_birth": ["name", "birth"]}


def collect_keys(F: Frame) -> dict:
    """{"card": {value: [(sheet, cell, row, field label)]}, "passport": {...}, "name_birth": {"NAME|19990101": [...]}}."""
    out: dict[str, dict[str, list]] = {}
    for kind, fields in KINDS.items():
        if not all(F.has(k) for k in fields):
            continue
        loc = F.locs[fields[0]]
        got: dict[str, list] = {}
        for i, row in enumerate(F.rows):
            vals = [F.v(k, i) for k in fields]
            if not all(vals):
                continue
            value = "|".join([vals[0].upper()] + vals[1:])
            got.setdefault(value, []).append((loc.sheet, f"{loc.col}{row}", row, loc.label))
        out[kind] = got
    return out
