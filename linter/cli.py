"""The `zairyu-lint` command line."""
from __future__ import annotations

import datetime as dt
import glob
import os
import sys
from pathlib import Path

import click

from schemas import rules as R
from .atomic import atomic_output
from .config import ConfigError, find_settings
from .engine import Options
from .progress import Progress
from .run import default_jobs, is_upload_file, lint_many, upload_support
from .report import FORMATS

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
GLOB_CHARS = set("*?[")


def _codes(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        value = [value]
    return tuple(c.strip().upper() for v in value for c in str(v).split(",") if c.strip())


# Spreadsheets in another format are taken too, never skipped silently (a list saved in the old format must
# not be believed checked): the reader checks the OOXML templates (.xltx/.xltm) and reports the others as not
# checked, ZL020 "save as .xlsm". Other files in a folder are skipped quietly and only counted.
OTHER_SPREADSHEET_SUFFIXES = {".xls", ".xlsb", ".ods", ".numbers", ".xlt", ".xltx", ".xltm", ".fods"}


class Skipped(str):
    """'path: why' for a file not checked; `quiet` ones are only counted (a folder's other files)."""
    quiet: bool = False

    def __new__(cls, text: str, quiet: bool = False):
        obj = super().__new__(cls, text)
        obj.quiet = quiet
        return obj


def _classify(f: Path, upload_ok: bool) -> str | None:
    """None when the file is to be checked, else why it is skipped."""
    if f.name.startswith("~$"):
        return "Excel lock file, skipped"
    if f.suffix.lower() in WORKBOOK_SUFFIXES | OTHER_SPREADSHEET_SUFFIXES:
        return None
    if is_upload_file(f):
        return None if upload_ok else "upload file, but upload-file checking is not available here; skipped"
    return "not a workbook, skipped"


QUIET_REASONS = {"Excel lock file, skipped", "not a workbook, skipped"}


def _walk(folder: Path):
    """Files under `folder`, sorted; a macOS Numbers document (a folder named *.numbers) is one file."""
    for f in sorted(folder.rglob("*")):
        if any(p.suffix.lower() == ".numbers" for p in f.relative_to(folder).parents if str(p) != "."):
            continue   # inside a Numbers package
        if not f.is_dir() or f.suffix.lower() == ".numbers":
            yield f


def collect_inputs(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files to check (folders walked recursively, globs expanded) and lines about what was skipped.

    Templates (.xlsx/.xlsm), spreadsheets in another format (reported with ZL020) and, when linter.upload
    is there, upload files (SA_03_00?_*_ver*.csv) are checked; Excel lock files (~$...) and other files
    found in folders or by a glob are skipped quietly (their lines are `Skipped` with `quiet` set: counted,
    not printed). A file given by name is always reported on, even if unreadable.
    """
    upload_ok = upload_support() is not None
    files, skipped = [], []

    def found(f: Path):
        why = _classify(f, upload_ok)
        if why:
            skipped.append(Skipped(f"{f}: {why}", quiet=why in QUIET_REASONS))
        else:
            files.append(f)

    for p in paths:
        path = Path(p)
        if path.is_dir() and path.suffix.lower() != ".numbers":
            for f in _walk(path):
                found(f)
        elif not path.exists() and GLOB_CHARS & set(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                skipped.append(Skipped(f"{p}: no file matches this pattern"))
            for m in matches:
                mp = Path(m)
                if mp.is_dir() and mp.suffix.lower() != ".numbers":
                    for f in _walk(mp):
                        found(f)
                else:
                    found(mp)
        elif path.name.startswith("~$"):
            skipped.append(Skipped(f"{path}: Excel lock file, skipped"))
        elif is_upload_file(path) and not upload_ok:
            skipped.append(Skipped(f"{path}: {_classify(path, upload_ok)}"))
        else:
            files.append(path)   # a file given by name is always reported on, even if unreadable
    return files, skipped


def write_atomically(path: Path, text: str) -> None:
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="")


def output_problem(path: Path) -> str | None:
    """Why the report cannot be written to `path`, checked before linting; None when it looks fine."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return "is a folder"
    if not folder.exists():
        return f"the folder {folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is not writable"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zairyu-lint")
def main():
    """zairyu-lint: 在留申請オンラインシステム 一括申請用テンプレートの事前チェック。"""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default=None, help="出力形式 / output format")
@click.option("--on", "on", default=None, help="申請予定日 YYYY-MM-DD（既定: 今日） / filing date")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
@click.option("--select", multiple=True, help="このコード（前方一致）だけを報告 / report only these codes (prefix)")
@click.option("--ignore", multiple=True, help="このコード（前方一致）を報告しない / do not report these codes (prefix)")
@click.option("--output", "output", type=click.Path(dir_okay=False), default=None, help="結果をファイルに書く / write to file")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="並列に調べるファイル数（既定: CPU数） / files checked in parallel (default: CPU count)")
@click.option("-q", "--quiet", is_flag=True, help="進捗と情報行を出さない / no progress bar or info lines")
@click.option("--statistics", is_flag=True, help="ルールごとの件数を表示 / count findings per rule")
@click.option("--exit-zero", is_flag=True,
              help="エラーがあっても終了コード0（読めない入力は2のまま） / exit 0 even with error findings")
def check(paths, fmt, on, lang, select, ignore, output, jobs, quiet, statistics, exit_zero):
    """ワークブック（フォルダは再帰的に）をチェックします / check workbooks (folders recursively)."""
    try:
        settings, _ = find_settings()
    except ConfigError as exc:
        raise click.UsageError(str(exc))
    fmt = fmt or settings.get("format", "text")
    lang = lang or settings.get("lang", "ja")
    if fmt not in FORMATS:
        raise click.UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    on_text = on or settings.get("on")
    try:
        on_date = dt.date.fromisoformat(str(on_text)) if on_text else dt.date.today()
    except ValueError:
        raise click.BadParameter(f"{on_text!r} is not a date YYYY-MM-DD", param_hint="--on")
    options = Options(on=on_date, lang=lang, select=_codes(select) or _codes(settings.get("select")),
                      ignore=_codes(ignore) or _codes(settings.get("ignore")))
    output = output or settings.get("output")
    if output:
        problem = output_problem(Path(output))
        if problem:
            click.echo(f"{output}: cannot write the report: {problem}", err=True)
            sys.exit(EXIT_USAGE)
    files, skipped = collect_inputs(list(paths))
    if not quiet:
        for line in skipped:
            if not getattr(line, "quiet", False):
                click.echo(line, err=True)
    with Progress(len(files), enabled=False if quiet else None) as bar:
        results = lint_many(files, options, jobs=jobs or settings.get("jobs") or default_jobs(), progress=bar.update)
    text = FORMATS[fmt](results, lang, statistics=statistics,
                        skipped=sum(1 for line in skipped if getattr(line, "quiet", False)))
    if output:
        try:
            write_atomically(Path(output), text)
        except OSError as exc:
            click.echo(f"{output}: cannot write the report: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_USAGE)
    else:
        click.echo(text, nl=False)
    if any(r.unreadable for r in results) or not files:
        if not files:
            click.echo("no workbook found in the given paths", err=True)
        sys.exit(EXIT_USAGE)
    if exit_zero:
        sys.exit(EXIT_OK)
    sys.exit(EXIT_ERRORS if any(r.count("error") for r in results) else EXIT_OK)


@main.command("rules")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja")
@click.option("--markdown", is_flag=True, help="docs/rules.md の内容を出力 / print the docs/rules.md page")
def list_rules(lang, markdown):
    """すべてのルールを一覧します / list every rule."""
    if markdown:
        from schemas.rules.docs import markdown as rules_markdown
        click.echo(rules_markdown(), nl=False)
        return
    for r in R.all_rules():
        click.echo(f"{r.code}  {r.severity:<7}  {r.source_kind:<13}  {r.name:<36}  {r.summary(lang)}")


@main.command()
@click.argument("code")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja")
def explain(code, lang):
    """ルールの説明を表示します / explain a rule."""
    try:
        r = R.get(code.strip().upper())
    except KeyError:
        raise click.UsageError(f"unknown rule code {code!r}; `zairyu-lint rules` lists them")
    click.echo(f"{r.code} {r.name} ({r.severity}, {r.source_kind})\n{r.summary(lang)}\n\n{r.explain(lang)}")
    from schemas.rules.fix_hints import fix_hint
    if fix_hint(r.code, lang):   # what `zairyu-lint fix` does for it
        click.echo(("\nFix (zairyu-lint fix): " if lang == "en" else "\n修正（zairyu-lint fix）: ") + fix_hint(r.code, lang))


@main.group()
def schema():
    """テンプレート定義（スナップショット）の管理 / template snapshots."""


@schema.command("import")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--out-dir", type=click.Path(file_okay=False), default=None,
              help="出力先（既定: パッケージの schemas/data） / output folder")
def schema_import(workbook, out_dir):
    """公式ブックの列項目TBL・マスタからスナップショットを作ります / compile an official workbook."""
    from schemas.importer import NotAnOfficialWorkbook, import_workbook
    from schemas.snapshot import DATA_DIR
    try:
        snap = import_workbook(workbook)
    except NotAnOfficialWorkbook as exc:
        raise click.UsageError(str(exc))
    path = snap.save(Path(out_dir) if out_dir else DATA_DIR)
    click.echo(f"{path}: {snap.procedure_ja} {snap.version}, {len(snap.fields)} fields, {len(snap.lists)} code lists")


def _register_subcommands() -> None:
    # review copies (annotate/split, check --annotate) and the Excel add-in's build/install/server
    from xl_addin.cli import addin
    from .cli_export import register as register_export
    from .cli_review import register as register_review
    from .cli_fix import register as register_fix
    register_review(main)
    register_export(main)
    register_fix(main)
    main.add_command(addin)


_register_subcommands()

if __name__ == "__main__":
    main()
