"""Sub-commands for review copies and splitting, and the upload-file / --annotate extensions of `check`.

Registered on the main group by one line at the end of linter/cli.py:
    from .cli_review import register as _register_review; _register_review(main)

- `zairyu-lint annotate PATH... [-o OUT] [--force]` (+ check's --on/--lang/--select/--ignore): a review copy
  of each workbook (linter.annotate). One file: OUT is the copy's file name (default: <name>_checked.<ext>
  next to it); several files or a folder: OUT is a folder.
- `zairyu-lint split FILE [--max 300] -o DIR [--force] [--export]`: workbooks of at most --max applicants
  (linter.split); with --export each part's upload file too (checked first, DIR/<part name>/SA_….csv).
- `check` gains `--annotate DIR` (a review copy of every checked workbook in DIR; `--force` overwrites).
  (check itself reads upload files through linter.run, which calls linter.upload.lint_upload.)
Outputs are written atomically, never over the input, and never over an existing file without --force.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _options(on, lang, select, ignore):
    from .cli import ConfigError, _codes, find_settings
    from .engine import Options
    try:
        settings, _ = find_settings()
    except ConfigError as exc:
        raise click.UsageError(str(exc))
    lang = lang or settings.get("lang", "ja")
    on_text = on or settings.get("on")
    try:
        on_date = dt.date.fromisoformat(str(on_text)) if on_text else dt.date.today()
    except ValueError:
        raise click.BadParameter(f"{on_text!r} is not a date YYYY-MM-DD", param_hint="--on")
    return Options(on=on_date, lang=lang, select=_codes(select) or _codes(settings.get("select")),
                   ignore=_codes(ignore) or _codes(settings.get("ignore")))


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


def register(main: click.Group) -> None:
    _extend_check(main)
    main.add_command(annotate)
    main.add_command(split)


def _extend_check(main: click.Group) -> None:
    check = main.commands.get("check")
    if check is None or getattr(check, "_review_extended", False):
        return
    from . import cli as C
    original = check.callback
    check.params.append(click.Option(["--annotate", "annotate_dir"], type=click.Path(file_okay=False), default=None,
                                     help="指摘したセルに色とメモを付けたコピーをこのフォルダに書く / write review copies to DIR"))
    check.params.append(click.Option(["--force"], is_flag=True, default=False,
                                     help="--annotate の既存ファイルを上書き / overwrite existing review copies"))

    def callback(annotate_dir=None, force=False, **kwargs):
        captured = []
        saved_lint = C.lint_many

        def lint_many(files, options, *args, **kw):
            # only observes: check's own lint_many (linter.run, which also reads upload files) does the work
            results = saved_lint(files, options, *args, **kw)
            captured.append((list(files), options, results))
            return results

        if annotate_dir:
            C.lint_many = lint_many
        code = EXIT_OK
        try:
            original(**kwargs)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (EXIT_USAGE if exc.code else EXIT_OK)
        finally:
            C.lint_many = saved_lint
        if annotate_dir and captured:
            files, options, results = captured[0]
            written = write_review_copies(list(zip(files, results)), Path(annotate_dir), force, options)
            code = max(code, written)
        sys.exit(code)

    check.callback = callback
    check._review_extended = True


def _common_options(f):
    f = click.option("--ignore", multiple=True, help="このコード（前方一致）を報告しない / do not report these codes")(f)
    f = click.option("--select", multiple=True, help="このコード（前方一致）だけを報告 / report only these codes")(f)
    f = click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")(f)
    f = click.option("--on", "on", default=None, help="申請予定日 YYYY-MM-DD（既定: 今日） / filing date")(f)
    return f


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "output", type=click.Path(), default=None,
              help="コピーの名前（複数ならフォルダ） / the copy's file name (a folder for several inputs)")
@click.option("--force", is_flag=True, help="既存のファイルを上書き / overwrite an existing output")
@_common_options
def annotate(paths, output, force, on, lang, select, ignore):
    """指摘に色とメモを付けたブックのコピーと「チェック結果」シートを作ります / write review copies."""
    from .cli import collect_inputs
    options = _options(on, lang, select, ignore)
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
    from .cli_export import export_one
    options = _options(on, lang, (), ())
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
