"""Lint many files and apply the rules that look across files of one run."""
from __future__ import annotations

from pathlib import Path

from .engine import Options, lint_path
from .findings import FileResult


def lint_many(files: list[Path], options: Options) -> list[FileResult]:
    results = [lint_path(f, options) for f in files]
    return apply_run_rules(results, options)


def apply_run_rules(results: list[FileResult], options: Options) -> list[FileResult]:
    """Rules over the whole run (e.g. the same person in two files): linter.crossfile, when present."""
    try:
        from .crossfile import cross_file_findings
    except ImportError:
        return results
    return cross_file_findings(results, options)
