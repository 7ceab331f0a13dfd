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


def repeats(code: str, kinds: tuple[str, ...], seen: dict, path: str, keys: dict) -> list:
    """Violations of `code` in the file at `path`: its identity keys of `kinds` that an earlier file of the run
    holds. `seen` ((kind, value) -> (path, sheet, cell) of the first holder) is the rule's memory of the run."""
    from pathlib import Path

    from schemas.model import Violation
    out = []
    for kind, values in keys.items():
        if kind not in kinds or not isinstance(values, dict):
            continue
        for value, places in values.items():
            if not places:
                continue
            first = seen.get((kind, value))
            if first is None:
                seen[(kind, value)] = (path, places[0][0], places[0][1])
                continue
            if first[0] == path:
                continue     # the same file's own repeats are ZL306 / ZL307
            for place in places:
                sheet, cell, row = place[0], place[1], place[2]
                label = place[3] if len(place) > 3 else None
                out.append(Violation(code, sheet, row, cell[: len(cell) - len(str(row))], label,
                                     {"value": value.replace("|", " / "), "other_file": Path(first[0]).name,
                                      "other": f"{first[1]}!{first[2]}"}))
    return out
