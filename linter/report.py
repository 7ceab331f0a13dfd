"""Reporters: text, JSON (conventions.md, version 1), json-lines, SARIF 2.1.0, GitHub workflow
commands, JUnit XML, CSV and a self-contained HTML page (linter.html_report).

Every reporter is `fn(results, lang="ja", **opts) -> str`; `opts` may hold `statistics=True`
(counts per rule) and `github_limit` (annotations per file). Results come sorted by path.
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import Counter
from itertools import groupby
from pathlib import PurePath
from urllib.parse import quote
from xml.etree import ElementTree as ET

from schemas.cells import col_index
from .findings import FileResult, Finding
from .verdicts import summary_line, verdicts

JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
GITHUB_LIMIT = 50
CSV_COLUMNS = ("path", "rule", "severity", "sheet", "cell", "row", "column", "field", "message")


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


def rule_statistics(results: list[FileResult]) -> dict[str, int]:
    """Number of findings per rule code, sorted by code."""
    counts = Counter(f.rule for r in results for f in r.findings)
    return {code: counts[code] for code in sorted(counts)}


def where(f: Finding) -> str:
    """'Sheet!CD8', 'Sheet!308:308' (a whole row, Excel's row form), 'Sheet' or '-' (the file)."""
    return f.ref() or "-"


# --- JSON ---------------------------------------------------------------------------------------

def to_json(results: list[FileResult], statistics: bool = False, skipped: int | None = None) -> str:
    doc = {"version": JSON_VERSION, "files": [r.to_json() for r in results], "summary": summary(results)}
    if skipped is not None:
        doc["summary"]["skipped"] = skipped   # files in the folders that are not spreadsheets (not checked)
    if statistics:
        doc["summary"]["statistics"] = rule_statistics(results)
    return json.dumps(doc, ensure_ascii=False, indent=1)


def to_json_lines(results: list[FileResult], lang: str = "ja", **_) -> str:
    """One JSON object per finding, with the file's path first; nothing else."""
    from .flatten import rows
    lines = [json.dumps(row, ensure_ascii=False) for row in rows(results, lang)]
    return "".join(line + "\n" for line in lines)


# --- text ---------------------------------------------------------------------------------------

def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(s))
    return gap + s if right else s + gap


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(_width(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    out = []
    for n, row in enumerate([header] + rows):
        out.append("  ".join(_pad(str(c), widths[i], i in right) for i, c in enumerate(row)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def _yen(n) -> str:
    return f"¥{n:,}" if isinstance(n, int) else "-"


def summary_table(results: list[FileResult], lang: str = "ja") -> list[str]:
    """file, procedure/version, applicants, errors, warnings, estimated fees (online/counter)."""
    en = lang == "en"
    header = (["file", "procedure/version", "applicants", "errors", "warnings", "fees (online/counter)"] if en
              else ["ファイル", "手続/版", "申請人", "エラー", "警告", "手数料見込（オンライン/窓口）"])
    rows = []
    for r in results:
        t = r.template
        proc = f"{t.procedure} {t.version}" if t else ("(unreadable)" if en else "（読込不可）") if r.unreadable else "-"
        if not t and any(f.rule == "ZL020" for f in r.findings):   # .xls/.xlsb/.ods/.numbers
            proc = "not checked: save as .xlsm" if en else "未チェック: .xlsmで保存してください"
        fees = f"{_yen(r.fees.get('online'))} / {_yen(r.fees.get('counter'))}" if r.fees else "-"
        rows.append([r.path, proc, str(r.applicants), str(r.count("error")), str(r.count("warning")), fees])
    s = summary(results)
    fees = s.get("fees")
    rows.append(["total" if en else "合計", "", str(sum(r.applicants for r in results)), str(s["errors"]),
                 str(s["warnings"]), f"{_yen(fees['online'])} / {_yen(fees['counter'])}" if fees else "-"])
    return _table(header, rows, right={2, 3, 4})


def statistics_table(results: list[FileResult], lang: str = "ja") -> list[str]:
    from schemas import rules as R
    en = lang == "en"
    stats = rule_statistics(results)
    if not stats:
        return ["no findings" if en else "指摘はありません"]
    rows = []
    for code, n in stats.items():
        try:
            r = R.get(code)
            sev, name = r.severity, r.summary(lang)
        except KeyError:
            sev, name = "", ""
        rows.append([code, str(n), sev, name])
    header = ["rule", "count", "severity", "summary"] if en else ["コード", "件数", "重大度", "概要"]
    return _table(header, rows, right={1})


def skipped_line(skipped: int | None, lang: str = "ja") -> str | None:
    if not skipped:
        return None
    return (f"skipped: {skipped} file(s) that are not spreadsheets (or Excel lock files ~$…)" if lang == "en"
            else f"スキップ: 表計算ファイルでないファイル（またはExcelのロックファイル ~$…） {skipped} 件")


def to_text(results: list[FileResult], lang: str = "ja", statistics: bool = False, skipped: int | None = None,
            **_) -> str:
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
        verdict_line = summary_line(verdicts(r), lang)
        if verdict_line and r.findings:
            lines.append(f"  {verdict_line}")
        for sheet, group in groupby(r.findings, key=lambda f: f.sheet):
            if sheet is not None:
                lines.append(f"  {sheet}")
            for f in group:
                mark = " [*]" if f.fix is not None and f.fix.safe else ""   # fixable by `fix` (ruff's marker)
                lines.append(f"    {where(f)}  {f.rule}{mark}  {f.severity}  {f.text(lang)}")
        if not r.findings:
            lines.append("  OK" if en else "  問題は見つかりませんでした")
    if len(results) > 1:
        lines.append("")
        lines += summary_table(results, lang)
    if statistics:
        lines.append("")
        lines += statistics_table(results, lang)
    s = summary(results)
    if len(results) > 1 or statistics:
        lines.append("")
    if skipped_line(skipped, lang):
        lines.append(skipped_line(skipped, lang))
    if en:
        lines.append(f"{s['files']} file(s): {s['errors']} error(s), {s['warnings']} warning(s), {s['infos']} info")
    else:
        lines.append(f"{s['files']} ファイル: エラー {s['errors']} 件、警告 {s['warnings']} 件、情報 {s['infos']} 件")
    lines += fixable_lines(results, lang)
    return "\n".join(lines) + "\n"


def fixable_counts(results: list[FileResult]) -> tuple[int, int]:
    """(findings a safe fix resolves, findings only an unsafe fix resolves)."""
    fixes = [f.fix for r in results for f in r.findings if f.fix is not None]
    return sum(1 for x in fixes if x.safe), sum(1 for x in fixes if not x.safe)


def fixable_lines(results: list[FileResult], lang: str = "ja") -> list[str]:
    safe, unsafe = fixable_counts(results)
    if not safe and not unsafe:
        return []
    if lang == "en":
        if not safe:
            return [f"{unsafe} fixable with --unsafe-fixes only (check each)"]
        line = f"[*] {safe} fixable with --fix (zairyu-lint fix FILE -o OUT)"
        return [line + (f"; {unsafe} more with --unsafe-fixes" if unsafe else "")]
    if not safe:
        return [f"{unsafe} 件は --unsafe-fixes でだけ直せます（内容を確認してください）"]
    line = f"[*] {safe} 件は --fix で直せます（zairyu-lint fix ファイル -o 出力先）"
    return [line + (f"。ほかに {unsafe} 件は --unsafe-fixes で直せます（内容を確認してください）" if unsafe else "")]


# --- SARIF 2.1.0 --------------------------------------------------------------------------------

def _tool_version() -> str:
    try:
        from importlib.metadata import version
        return version("zairyu-lint")
    except Exception:  # noqa: BLE001 - not installed as a distribution
        return "0"


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (forward slashes, percent-encoded)."""
    p = PurePath(path)
    if p.is_absolute():
        try:
            return p.as_uri()
        except ValueError:
            pass
    return quote(p.as_posix(), safe="/")


def _logical_locations(f: Finding) -> list[dict]:
    if f.sheet is None:
        return []
    if f.cell:
        return [{"name": f.cell, "fullyQualifiedName": f"{f.sheet}!{f.cell}", "kind": "element"}]
    if f.row:
        return [{"name": str(f.row), "fullyQualifiedName": f"{f.sheet}!{f.row}:{f.row}", "kind": "element"}]
    return [{"name": f.sheet, "fullyQualifiedName": f.sheet, "kind": "module"}]


def to_sarif_doc(results: list[FileResult], lang: str = "ja") -> dict:
    from schemas import rules as R
    rules = R.all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    driver_rules = [{
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary(lang)},
        "fullDescription": {"text": r.explain(lang)},
        "help": {"text": r.explain(lang)},
        "defaultConfiguration": {"level": SARIF_LEVEL.get(r.severity, "warning")},
        "properties": {"sourceKind": r.source_kind},
    } for r in rules]
    sarif_results = []
    for res in results:
        uri = artifact_uri(res.path)
        for f in res.findings:
            loc = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
            logical = _logical_locations(f)
            if logical:
                loc["logicalLocations"] = logical
            item = {"ruleId": f.rule, "level": SARIF_LEVEL.get(f.severity, "warning"),
                    "message": {"text": f.text(lang)}, "locations": [loc]}
            if f.rule in index:
                item["ruleIndex"] = index[f.rule]
            props = {k: v for k, v in (("sheet", f.sheet), ("cell", f.cell), ("row", f.row),
                                        ("column", f.column), ("field", f.field)) if v is not None}
            if props:
                item["properties"] = props
            if f.fix is not None:
                item["fixes"] = [sarif_fix(f, uri, lang)]
            sarif_results.append(item)
    run = {
        "tool": {"driver": {"name": "zairyu-lint", "version": _tool_version(), "rules": driver_rules}},
        "artifacts": [{"location": {"uri": artifact_uri(r.path)}} for r in results],
        "results": sarif_results,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def sarif_fix(f: Finding, uri: str, lang: str) -> dict:
    """A SARIF fix: the cell's new text. A spreadsheet has no lines: the region is the cell's row and
    column number (1-based), named exactly by the sheet and cell in its properties."""
    kind = ("safe fix" if f.fix.safe else "unsafe fix (check it)") if lang == "en" else \
        ("安全な修正" if f.fix.safe else "要確認の修正")
    from schemas.rules.fix_hints import fix_hint
    hint = fix_hint(f.rule, lang)
    return {"description": {"text": f"{kind}: {f.sheet}!{f.cell} → 「{f.fix.replacement}」" + (f" ({hint})" if hint else "")},
            "artifactChanges": [{"artifactLocation": {"uri": uri},
                                 "replacements": [{"deletedRegion": {
                                     "startLine": f.row, "startColumn": col_index(f.column) + 1,
                                     "properties": {"sheet": f.sheet, "cell": f.cell}},
                                                   "insertedContent": {"text": f.fix.replacement}}]}],
            "properties": {"safe": f.fix.safe}}


def to_sarif(results: list[FileResult], lang: str = "ja", **_) -> str:
    return json.dumps(to_sarif_doc(results, lang), ensure_ascii=False, indent=1) + "\n"


# --- GitHub workflow commands -------------------------------------------------------------------

def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def to_github(results: list[FileResult], lang: str = "ja", github_limit: int = GITHUB_LIMIT, **_) -> str:
    """'::error file=PATH,title=ZL101::sheet!cell message', at most `github_limit` per file."""
    en = lang == "en"
    lines = []
    for r in results:
        for f in r.findings[:github_limit]:
            loc = where(f)
            text = f"{loc} {f.text(lang)}" if loc != "-" else f.text(lang)
            lines.append(f"::{GITHUB_LEVEL.get(f.severity, 'warning')} file={_gh_prop(r.path)},"
                         f"title={_gh_prop(f.rule)}::{_gh_data(text)}")
        left = len(r.findings) - github_limit
        if left > 0:
            msg = (f"{r.path}: {left} more finding(s) not shown (limit {github_limit} per file)" if en
                   else f"{r.path}: ほか {left} 件の指摘は省略しました（1ファイル {github_limit} 件まで）")
            lines.append(f"::notice::{_gh_data(msg)}")
    s = summary(results)
    msg = (f"zairyu-lint: {s['files']} file(s), {s['errors']} error(s), {s['warnings']} warning(s)" if en
           else f"zairyu-lint: {s['files']} ファイル、エラー {s['errors']} 件、警告 {s['warnings']} 件")
    lines.append(f"::notice::{_gh_data(msg)}")
    return "".join(line + "\n" for line in lines)


# --- JUnit XML ----------------------------------------------------------------------------------

def to_junit(results: list[FileResult], lang: str = "ja", **_) -> str:
    """One testsuite per file; one testcase per finding (error -> <failure>, an unreadable file ->
    <error>, warning/info -> a passing testcase with the message in <system-out>), or one passing
    testcase for a clean file."""
    from .flatten import rows
    root = ET.Element("testsuites", name="zairyu-lint")
    total = fails = errs = 0
    for r in results:
        suite = ET.SubElement(root, "testsuite", name=r.path)
        cases = failures = errors = 0
        for f, row in zip(r.findings, rows([r], lang)):
            cases += 1
            case = ET.SubElement(suite, "testcase", classname=r.path, name=f"{row['rule']} {where(f)}")
            detail = (f"{row['rule']} {row['severity']} {where(f)}" + (f" [{row['field']}]" if row["field"] else "")
                      + f"\n{row['message']}")
            if row["severity"] == "error" and r.unreadable:
                errors += 1
                ET.SubElement(case, "error", message=row["message"], type=row["rule"]).text = detail
            elif row["severity"] == "error":
                failures += 1
                ET.SubElement(case, "failure", message=row["message"], type=row["rule"]).text = detail
            else:
                ET.SubElement(case, "system-out").text = detail
        if not r.findings:
            cases += 1
            ET.SubElement(suite, "testcase", classname=r.path, name="zairyu-lint")
        suite.set("tests", str(cases))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        suite.set("skipped", "0")
        total, fails, errs = total + cases, fails + failures, errs + errors
    root.set("tests", str(total))
    root.set("failures", str(fails))
    root.set("errors", str(errs))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- CSV ----------------------------------------------------------------------------------------

def to_csv(results: list[FileResult], lang: str = "ja", **_) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    from .flatten import rows
    for row in rows(results, lang):
        w.writerow(["" if row.get(k) is None else row[k] for k in CSV_COLUMNS])
    return buf.getvalue()


def to_html(results: list[FileResult], lang: str = "ja", **opts) -> str:
    """One self-contained HTML page (linter.html_report)."""
    from .html_report import render
    return render(results, lang, **opts)


FORMATS = {
    "text": to_text,
    "json": lambda results, lang="ja", statistics=False, skipped=None, **_: to_json(results, statistics, skipped) + "\n",
    "json-lines": to_json_lines,
    "sarif": to_sarif,
    "github": to_github,
    "junit": to_junit,
    "csv": to_csv,
    "html": to_html,
}
