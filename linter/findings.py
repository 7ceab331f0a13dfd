"""Findings and per-file results (the JSON contract of conventions.md, version 1)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


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

    def to_json(self) -> dict:
        out = asdict(self)
        out.pop("fix")
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

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def to_json(self) -> dict:
        out = {"path": self.path, "template": self.template.to_json() if self.template else None,
               "applicants": self.applicants, "findings": [f.to_json() for f in self.findings]}
        if self.fees is not None:
            out["fees"] = self.fees
        return out
