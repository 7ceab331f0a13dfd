"""Findings and per-file results (the JSON contract of conventions.md, version 1)."""
from __future__ import annotations

from dataclasses import dataclass, field


JSON_KEYS = ("rule", "severity", "sheet", "cell", "row", "column", "field", "message")


@dataclass
class Finding:
    rule: str
    severity: str
    sheet: str | None
    cell: str | None
    row: int | None
    column: str | None
    field: str | None
    message: str
    fix: object = field(default=None, compare=False)   # linter.fixes.Fix when a fix resolves this finding
    # the rule's message parameters: `text(lang)` renders the message from rule + params where it is shown
    # (reporters, painter, review copy); None when the message was composed outside the rule's template
    params: dict | None = field(default=None, compare=False, repr=False)

    @property
    def location(self) -> str:
        """The kind of place: 'cell', 'row', 'sheet', 'line' (an upload file's line) or 'file'."""
        if self.sheet is None:
            return "line" if getattr(self, "line", None) else "file"
        if self.cell:
            return "cell"
        return "row" if self.row else "sheet"

    def text(self, lang: str | None = None) -> str:
        """The message in `lang`, rendered from the rule and its parameters (the stored message otherwise)."""
        if lang is None or self.params is None:
            return self.message
        from schemas import rules as R
        try:
            return R.get(self.rule).message(lang, **self.params)
        except (KeyError, IndexError, ValueError):
            return self.message

    def ref(self) -> str | None:
        """Excel's reference: 'Sheet!CD8', 'Sheet!308:308' for a whole row, 'Sheet', or None (the file)."""
        if self.sheet is None:
            return None
        if self.cell:
            return f"{self.sheet}!{self.cell}"
        if self.row:
            return f"{self.sheet}!{self.row}:{self.row}"
        return self.sheet

    def to_json(self) -> dict:
        out = {k: getattr(self, k) for k in JSON_KEYS}
        out["ref"] = self.ref()
        if self.fix is not None:
            out["fix"] = self.fix.to_json()
        return out


@dataclass
class Template:
    procedure: str            # 変更 / 更新 / 認定
    version: str
    status: str | None        # e.g. 特定技能 (Japanese part of the menu label)
    status_label: str | None = None
    source: str = "snapshot"  # snapshot | workbook | nearest

    def to_json(self) -> dict:
        return {"procedure": self.procedure, "version": self.version, "status": self.status}


@dataclass
class FileResult:
    path: str
    template: Template | None
    applicants: int
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False
    fees: dict | None = None
    timings: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)   # e.g. {"card": {"AB12345678CD": [(sheet, cell)]}} for cross-file rules
    people: list = field(default_factory=list)  # [{"row", "name", "key", "key_kind"}] per applicant (linter.verdicts)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def to_json(self) -> dict:
        out = {"path": self.path, "template": self.template.to_json() if self.template else None,
               "applicants": self.applicants, "findings": [f.to_json() for f in self.findings]}
        if self.fees is not None:
            out["fees"] = self.fees
        from .verdicts import verdicts
        out["verdicts"] = [v.to_json() for v in verdicts(self)]
        return out
