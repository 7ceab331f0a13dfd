"""The commands for review copies and splitting: `annotate` and `split` (registered in linter/cli.py), and
`write_review_copies`, which `check --annotate DIR` uses too.

- `zairyu-lint annotate PATH... [-o OUT] [--force]` (+ check's --on/--lang/--select/--ignore): a review copy
  of each workbook (linter.annotate). One file: OUT is the copy's file name (default: <name>_checked.<ext>
  next to it); several files or a folder: OUT is a folder.
- `zairyu-lint split FILE [--max 300] -o DIR [--force] [--export]`: workbooks of at most --max applicants
  (linter.split); with --export each part's upload file too (checked first, DIR/<part name>/SA_….csv).
Outputs are written atomically, never over the input, and never over an existing file without --force.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, cli_options, common_options
from .cli_export import export_one
from .inputs import collect_inputs


def lint_files(files: list[Path], options):
    """Workbooks and upload files, then the rules across files (in this process: annotate needs the results)."""
    from .engine import lint_path
    from .run import apply_run_rules, is_upload_file
    from .upload import lint_upload
    results = [lint_upload(f, options) if is_upload_file(f) else lint_path(f, options) for f in files]
    return apply_run_rules(results, options)


def _copy_name(src: Path, out_dir: Path, used: set[Path]) -> Path:
    out = out_dir / src.name
    n = 2
    while out in used:
        out = out_dir / f"{src.stem}_{n}{src.suffix}"
        n += 1
    used.add(out)
    return out


def write_review_copies(pairs, out_dir: Path | None, force: bool, options, single_out: Path | None = None) -> int:
    """pairs: [(source path, FileResult)]. Returns the worst exit status of the writing."""
    from .annotate import annotate_file
    from .run import is_upload_file
    from .xlsx_package import OutputExists, PackageError
    status = EXIT_OK
    used: set[Path] = set()
    for src, result in pairs:
        src = Path(src)
        if is_upload_file(src):
            click.echo(f"{src}: an upload file has no cells to mark; no review copy", err=True)
            continue
        if result.unreadable:
            click.echo(f"{src}: not readable; no review copy", err=True)
            status = EXIT_USAGE
            continue
        out = single_out if single_out is not None else _copy_name(src, out_dir, used)
        try:
            if out.resolve() == src.resolve():
                raise PackageError("the review copy would overwrite the input")
            annotate_file(src, out, options, force=force, result=result)
        except (OutputExists, PackageError, OSError) as exc:
            click.echo(f"{out}: {exc}", err=True)
            status = EXIT_USAGE
            continue
        click.echo(f"{out}: {result.count('error')} error(s), {result.count('warning')} warning(s) marked", err=True)
    return status


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "output", type=click.Path(), default=None,
              help="コピーの名前（複数ならフォルダ） / the copy's file name (a folder for several inputs)")
@click.option("--force", is_flag=True, help="既存のファイルを上書き / overwrite an existing output")
@common_options
def annotate(paths, output, force, on, lang, select, ignore):
    """指摘に色とメモを付けたブックのコピーと「チェック結果」シートを作ります / write review copies."""
    options = cli_options(on=on, lang=lang, select=select, ignore=ignore)
    files, skipped = collect_inputs(list(paths))
    for line in skipped:
        click.echo(line, err=True)
    if not files:
        click.echo("no workbook found in the given paths", err=True)
        sys.exit(EXIT_USAGE)
    single = len(files) == 1 and not Path(paths[0]).is_dir()
    out_dir, single_out = None, None
    if single:
        src = files[0]
        if output is None:
            single_out = src.with_name(f"{src.stem}_checked{src.suffix}")
        elif Path(output).is_dir() or output.endswith(("/", "\\")):
            out_dir = Path(output)
        else:
            single_out = Path(output)
            if single_out.suffix.lower() != src.suffix.lower():
                raise click.UsageError(f"the copy must keep the extension {src.suffix} (an .xlsm saved as .xlsx "
                                       "would not open in Excel)")
    else:
        if output is None:
            raise click.UsageError("several inputs: give an output folder with -o DIR")
        out_dir = Path(output)
    results = lint_files(files, options)
    status = write_review_copies(list(zip(files, results)), out_dir, force, options, single_out)
    if status == EXIT_OK and any(r.unreadable for r in results):
        status = EXIT_USAGE
    if status == EXIT_OK and any(r.count("error") for r in results):
        status = EXIT_ERRORS
    sys.exit(status)


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--max", "max_rows", type=click.IntRange(1, 300), default=300, show_default=True,
              help="1ファイルの申請人の上限 / applicants per workbook")
@click.option("-o", "--out-dir", "out_dir", type=click.Path(file_okay=False), required=True,
              help="出力先フォルダ / output folder")
@click.option("--force", is_flag=True, help="既存のファイルを上書き / overwrite existing outputs")
@click.option("--export", "export_parts", is_flag=True,
              help="各ブックのアップロードファイルも出力（チェックしてから、<出力先>/<ブック名>/ に） / "
                   "also write each part's upload file (checked first) into OUT_DIR/<part name>/")
@click.option("--on", "on", default=None, help="申請予定日 YYYY-MM-DD（--export のチェック用） / filing date")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
def split(file, max_rows, out_dir, force, export_parts, on, lang):
    """300人を超えるブックを、同じ行を保ったまま複数のブックに分けます / split a workbook by applicants."""
    from .reader import ReadError
    from .split import split_workbook
    from .xlsx_package import OutputExists, PackageError
    try:
        parts = split_workbook(file, out_dir, max_rows=max_rows, force=force)
    except (OutputExists, PackageError, ReadError, OSError) as exc:
        click.echo(f"{file}: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if not parts:
        click.echo(f"{file}: {max_rows} applicants or fewer; nothing to split", err=True)
        sys.exit(EXIT_OK)
    for p in parts:
        click.echo(str(p))
    if not export_parts:
        sys.exit(EXIT_OK)
    options = cli_options(on=on, lang=lang)
    status = EXIT_OK
    for p in parts:
        target = Path(out_dir) / p.stem
        target.mkdir(parents=True, exist_ok=True)
        res, unreadable = export_one(p, target, options, force=force, ignore=(), procedure=None, version=None,
                                     status=None)
        if res is None:
            click.echo(f"{p}: {unreadable}", err=True)
            status = max(status, EXIT_USAGE)
        elif res.written:
            click.echo(f"{res.written}")
        else:
            from .report import FORMATS
            if res.refused_for == "errors":
                click.echo(FORMATS["text"]([res.check], options.lang), nl=False)
            click.echo(f"{p}: {res.refused}", err=True)
            status = max(status, EXIT_ERRORS if res.refused_for == "errors" else EXIT_USAGE)
    sys.exit(status)
