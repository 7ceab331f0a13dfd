"""One flattener: findings as rows of dicts, for csv, junit, json-lines and the result sheets.

A row holds the file's path, then the JSON contract keys of a finding (conventions.md), with the
message rendered in the language asked for (Finding.text).
"""
from __future__ import annotations

from typing import Iterable

from .findings import FileResult, Finding


def finding_row(path: str, f: Finding, lang: str | None = None) -> dict:
    row = {"path": path, **f.to_json()}
    row["message"] = f.text(lang)
    return row


def rows(results: Iterable[FileResult], lang: str | None = None) -> list[dict]:
    """Every finding of every result, in order, as one dict each."""
    return [finding_row(r.path, f, lang) for r in results for f in r.findings]


def excel_place(row: dict) -> str:
    """Where a result sheet links to: the cell, a whole row in Excel's row form ('308:308'), or ''."""
    return row.get("cell") or (f"{row['row']}:{row['row']}" if row.get("row") else "")
