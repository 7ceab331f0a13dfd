"""Rules over all files of one run: the same applicant in two files (ZL312 / ZL313).

Each FileResult carries identity keys per row (schemas.business.keys). A duplicate is reported in
the later file, on the cell of that file, naming the earlier file and cell.
"""
from __future__ import annotations

from pathlib import Path

from schemas import rules as R
from .findings import Finding, FileResult

CODES = {"card": "ZL312", "passport": "ZL312", "name_birth": "ZL313"}


def cross_file_findings(results: list[FileResult], options) -> list[FileResult]:
    seen: dict[tuple[str, str], tuple[str, str, str]] = {}
    for res in results:
        try:
            _one_file(res, seen, options)
        except Exception:   # a run rule must never break the run
            continue
    return results


def _one_file(res: FileResult, seen: dict, options) -> None:
    if True:
        keys = getattr(res, "keys", None) or {}
        new: list[Finding] = []
        for kind, values in keys.items():
            code = CODES.get(kind)
            if code is None or not isinstance(values, dict):
                continue
            for value, places in values.items():
                if not places:
                    continue
                first = seen.get((kind, value))
                if first is None:
                    sheet, cell = places[0][0], places[0][1]
                    seen[(kind, value)] = (res.path, sheet, cell)
                    continue
                if first[0] == res.path:
                    continue
                if not options.wants(code):
                    continue
                rule = R.get(code)
                for place in places:
                    sheet, cell, row = place[0], place[1], place[2]
                    label = place[3] if len(place) > 3 else None
                    col = cell[: len(cell) - len(str(row))]
                    shown = value.replace("|", " / ")
                    params = {"value": shown, "other_file": Path(first[0]).name, "other": f"{first[1]}!{first[2]}"}
                    new.append(Finding(rule.code, rule.severity, sheet, cell, row, col, label,
                                       rule.message(options.lang, **params), params=params))
        if new:
            res.findings.extend(new)
