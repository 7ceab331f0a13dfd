"""The run rules: checks over all files of one run (the same applicant in two files, ZL312 / ZL313).

Each FileResult carries identity keys per row (schemas.business.keys, an extractor over the applicant frame).
The rules are units found through the registry (data kind "run"): each is given the files in order, with its
own memory of the run, and returns the violations of one file. A rule that raises on a file gives that file a
ZL033 (it was not fully checked), never a silent pass; the other files and rules go on.
"""
from __future__ import annotations

from schemas import rules as R
from .findings import Finding, FileResult


def cross_file_findings(results: list[FileResult], options) -> list[FileResult]:
    rules = [r for r in R.checks_on("run") if options.wants(r.code)]
    memory: dict[str, dict] = {r.code: {} for r in rules}
    for res in results:
        keys = getattr(res, "keys", None) or {}
        for r in rules:
            try:
                found = r.check(memory[r.code], res.path, keys)
            except Exception as exc:   # noqa: BLE001 - reported as ZL033 on this file
                _broken(res, r.code, exc, options)
                continue
            for v in found:
                res.findings.append(Finding(v.code, r.severity, v.sheet, f"{v.col}{v.row}", v.row, v.col, v.label,
                                            r.message(options.lang, **v.params), params=v.params))
    return results


def _broken(res: FileResult, code: str, exc: BaseException, options) -> None:
    params = R.check_did_not_run(code, R.raised(exc))
    if options.wants("ZL033"):
        rule = R.get("ZL033")
        res.findings.append(Finding(rule.code, rule.severity, None, None, None, None, None,
                                    rule.message(options.lang, **params), params=params))
