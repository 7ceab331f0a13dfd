"""Reporters: text (grouped by file and sheet) and JSON (conventions.md, version 1)."""
from __future__ import annotations

import json
from itertools import groupby

from .findings import FileResult

JSON_VERSION = 1


def summary(results: list[FileResult]) -> dict:
    out = {"files": len(results)}
    for sev in ("error", "warning", "info"):
        out[sev + "s"] = sum(r.count(sev) for r in results)
    fees = [r.fees for r in results if r.fees]
    if fees:
        out["fees"] = {
            "online": sum(f.get("online", 0) for f in fees),
            "counter": sum(f.get("counter", 0) for f in fees),
        }
    return out


def to_json(results: list[FileResult]) -> str:
    doc = {"version": JSON_VERSION, "files": [r.to_json() for r in results], "summary": summary(results)}
    return json.dumps(doc, ensure_ascii=False, indent=1)


def to_text(results: list[FileResult], lang: str = "ja") -> str:
    en = lang == "en"
    lines = []
    for r in results:
        if r.template:
            t = r.template
            desc = f"{t.procedure} {t.version}" + (f" {t.status}" if t.status else "")
            people = f"{r.applicants} applicants" if en else f"申請人 {r.applicants} 人"
            lines.append(f"{r.path}  [{desc}, {people}]")
        else:
            lines.append(r.path)
        for sheet, group in groupby(r.findings, key=lambda f: f.sheet):
            if sheet is not None:
                lines.append(f"  {sheet}")
            for f in group:
                where = f"{f.sheet}!{f.cell}" if f.cell else (f"{f.sheet}!{f.row}" if f.row else (f.sheet or "-"))
                lines.append(f"    {where}  {f.rule}  {f.severity}  {f.message}")
        if not r.findings:
            lines.append("  OK" if en else "  問題は見つかりませんでした")
    s = summary(results)
    if en:
        lines.append(f"{s['files']} file(s): {s['errors']} error(s), {s['warnings']} warning(s), {s['infos']} info")
    else:
        lines.append(f"{s['files']} ファイル: エラー {s['errors']} 件、警告 {s['warnings']} 件、情報 {s['infos']} 件")
    return "\n".join(lines) + "\n"


FORMATS = {"text": to_text, "json": lambda results, lang="ja": to_json(results) + "\n"}
