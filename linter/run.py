"""Lint many files (in parallel worker processes) and apply the rules that look across files of one run.

Workers are started once per run and import the engine once (forkserver preload on POSIX, an
initializer everywhere), so the per-file cost is the linting itself, not pandas/pandera start-up.
A file whose checking raised, or whose worker process died, gets a ZL033 finding; the other files
are still checked. Results are returned sorted by path whatever the number of jobs.
"""
from __future__ import annotations

import multiprocessing
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

from schemas.rules import Text

from .engine import Options, internal_error, lint_path
from .findings import FileResult

# Upload files made by the official Excel tool, e.g. SA_03_001_20260401_ver1.csv (linter.upload reads them).
UPLOAD_NAME = re.compile(r"^SA_03_00._.*_ver.*\.csv$", re.IGNORECASE)

ProgressFn = Callable[[str], None]


def is_upload_file(path: str | Path) -> bool:
    """An upload file by its name (SA_03_00N_…_ver….csv), or a renamed .csv that reads like one
    (UTF-16 BOM or tab-separated first line), so that a renamed export gets the upload rules (ZL011)."""
    p = Path(path)
    if UPLOAD_NAME.match(p.name):
        return True
    if p.suffix.lower() != ".csv":
        return False
    try:
        with open(p, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return head.startswith(b"\xff\xfe") or b"\t" in head.split(b"\n", 1)[0]


def upload_support():
    """linter.upload.lint_upload when that module exists, else None (imported lazily)."""
    try:
        from .upload import lint_upload
    except ImportError:
        return None
    return lint_upload


def lint_one(path: str, options: Options) -> FileResult:
    """Lint one workbook or upload file; never raises."""
    try:
        if Path(path).suffix.lower() == ".numbers":   # Apple Numbers (often a folder): nothing we can read
            return not_checked_numbers(path, options)
        if is_upload_file(path):
            lint_upload = upload_support()
            if lint_upload is not None:
                return lint_upload(Path(path), options)
        return lint_path(Path(path), options)
    except Exception as exc:  # noqa: BLE001 - one broken file must never stop the others
        return internal_error(path, f"{type(exc).__name__}: {exc}", options)


def not_checked_numbers(path: str, options: Options) -> FileResult:
    """ZL020 for an Apple Numbers document: not checked, save it as .xlsm."""
    from .engine import unreadable
    from .reader import ReadError
    from .safety import EXPECTED
    return unreadable(str(path), ReadError("Apple Numbersのファイルです", "it is an Apple Numbers document",
                                           *EXPECTED, code="ZL020"), options)


def _worker_init() -> None:
    """Runs once in each worker: import and warm up what every file needs."""
    from schemas import rules as R
    R.all_rules()
    try:
        from . import crossfile  # noqa: F401
    except ImportError:
        pass


def _pool_context():
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["linter.engine", "linter.run", "schemas.rules"])
        return ctx
    return multiprocessing.get_context()


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _sort_key(r: FileResult):
    return r.path


def lint_many(files: list[Path | str], options: Options, jobs: int | None = None,
              progress: ProgressFn | None = None) -> list[FileResult]:
    """Lint every file (sorted by path, duplicates once) and apply the run-wide rules once."""
    paths = sorted({str(f): None for f in files})
    jobs = default_jobs() if jobs is None else max(1, jobs)
    jobs = min(jobs, len(paths)) if paths else 1
    if jobs <= 1:
        results = []
        for p in paths:
            results.append(lint_one(p, options))
            if progress:
                progress(p)
    else:
        results = _lint_parallel(paths, options, jobs, progress)
    results.sort(key=_sort_key)
    return apply_run_rules(results, options)


def _lint_parallel(paths: list[str], options: Options, jobs: int, progress: ProgressFn | None) -> list[FileResult]:
    done: dict[str, FileResult] = {}
    broken: list[str] = []
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context(), initializer=_worker_init)
    try:
        futures = {pool.submit(lint_one, p, options): p for p in paths}
        for fut in as_completed(futures):
            p = futures[fut]
            try:
                done[p] = fut.result()
            except BrokenProcessPool:
                broken.append(p)       # the pool died, maybe because of another file: try again alone
                continue
            except Exception as exc:   # noqa: BLE001 - e.g. a result that could not be pickled
                done[p] = internal_error(p, f"{type(exc).__name__}: {exc}", options)
            if progress:
                progress(p)
    except BaseException:              # Ctrl-C: do not wait for the files not started yet
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    # A dead worker breaks the whole pool; check those files again, each in a process of its own,
    # so that only the file that kills its process is reported as crashed.
    for p in sorted(broken):
        try:
            with ProcessPoolExecutor(max_workers=1, mp_context=_pool_context(), initializer=_worker_init) as pool:
                done[p] = pool.submit(lint_one, p, options).result()
        except BrokenProcessPool:
            done[p] = internal_error(p, Text("チェック用のプロセスが異常終了しました", "the worker process died"),
                                     options)
        except Exception as exc:  # noqa: BLE001
            done[p] = internal_error(p, f"{type(exc).__name__}: {exc}", options)
        if progress:
            progress(p)
    return [done[p] for p in paths]


def apply_run_rules(results: list[FileResult], options: Options) -> list[FileResult]:
    """Rules over the whole run (e.g. the same person in two files): linter.crossfile, when present."""
    try:
        from .crossfile import cross_file_findings
    except ImportError:
        return results
    return cross_file_findings(results, options)
