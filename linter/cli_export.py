"""`zairyu-lint export` (registered in linter/cli.py): the upload file, written as the official 「申請情報一括登録ファイル出力」 does.

- `export WORKBOOK [-o OUT.csv | -o DIR]`: check first; on errors print them (check's text format) and
  exit 1 without writing; else write the upload file (default: next to the workbook, under the name the
  official tool proposes). `--ignore CODE` leaves rules out of the refusal, `--force` writes anyway and
  overwrites an existing file (never done otherwise). Rows the official routine would leave out
  silently (after a blank row, beyond 300, with no common-sheet row) are warned about.
- `export DIR -o OUTDIR`: every workbook of the folder; each upload file goes to OUTDIR/<workbook path>/,
  and a table says what was written, refused (with counts) or unreadable.
- `--procedure/--version/--status` name the template of a bare workbook (input sheets only).
Exit: 0 all written, 1 something refused for errors (or a tab / line break in a cell), 2 usage /
unreadable / the output exists.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, cli_options
from .config import parse_codes
from .inputs import collect_inputs
PROCEDURE_NAMES = {"henkou": "henkou", "変更": "henkou", "koushin": "koushin", "更新": "koushin",
                   "nintei": "nintei", "認定": "nintei"}


def _warn_lines(res, lang: str) -> list[str]:
    en = lang == "en"
    head = "warning: " if en else "警告: "
    tail = (" (the official export leaves these rows out too)" if en
            else "（公式ツールの出力でもこれらの行は出力されません）")
    return [f"{res.path}: {head}{f.message}{tail}" for f in res.warnings]


def export_one(path: Path, out, options, *, force: bool, ignore: tuple, procedure, version, status):
    """Export one workbook; returns (ExportResult or None, unreadable reason or None)."""
    from .engine import internal_error
    from .export import ExportError, export_workbook, with_template
    from .reader import ReadError, read_workbook
    en = options.lang == "en"
    try:
        wb = with_template(read_workbook(path), procedure, version, status)
        return export_workbook(wb, out, options, force=force, ignore=ignore, overwrite=force), None
    except ReadError as err:
        return None, err.reason_en if en else err.reason_ja
    except ExportError as err:
        return None, err.text(options.lang)
    except OSError as exc:
        return None, f"{exc.strerror or exc}"
    except Exception as exc:   # never a traceback: the other workbooks of a folder still go
        r = internal_error(str(path), f"{type(exc).__name__}: {exc}", options)
        return None, r.findings[0].message


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "output", type=click.Path(), default=None,
              help="出力ファイル名、またはフォルダ（既定: ブックと同じフォルダに公式ツールと同じ名前） / "
                   "output file or folder (default: next to the workbook, under the official name)")
@click.option("--force", is_flag=True,
              help="エラーがあっても出力し、既存のファイルを上書き / write despite errors and overwrite")
@click.option("--ignore", multiple=True, help="このコード（前方一致）のエラーでは止めない / do not refuse for these codes")
@click.option("--procedure", default=None, help="手続（変更/更新/認定） / procedure (henkou/koushin/nintei)")
@click.option("--version", "tversion", default=None, help="テンプレートの版 YYYY/MM/DD / template version")
@click.option("--status", default=None, help="在留資格（メニューの表示名または画面コード） / status (menu label or screen code)")
@click.option("--on", "on", default=None, help="申請予定日 YYYY-MM-DD（既定: 今日） / filing date")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
def export(paths, output, force, ignore, procedure, tversion, status, on, lang):
    """チェックしてからアップロードファイル（申請情報一括登録ファイル）を出力します / check, then write the upload file."""
    from .report import FORMATS, _table
    options = cli_options(on=on, lang=lang)
    lang = options.lang
    en = lang == "en"
    if procedure is not None:
        key = PROCEDURE_NAMES.get(procedure.strip())
        if key is None:
            raise click.BadParameter(f"{procedure!r}: henkou/koushin/nintei (変更/更新/認定)", param_hint="--procedure")
        procedure = key
    ignore = parse_codes(ignore) or options.ignore      # else the `ignore` of the settings file
    folder_mode = len(paths) > 1 or Path(paths[0]).is_dir()
    files, skipped = collect_inputs(list(paths))
    files = [f for f in files if f.suffix.lower() in (".xlsx", ".xlsm")]
    for line in skipped:
        click.echo(line, err=True)
    if not files:
        click.echo("no workbook found in the given paths" if en else "ブックが見つかりません", err=True)
        sys.exit(EXIT_USAGE)
    if folder_mode and not output:
        raise click.UsageError("a folder or several workbooks: give the output folder with -o OUTDIR")
    if folder_mode and Path(output).exists() and not Path(output).is_dir():
        raise click.UsageError(f"{output} is not a folder")

    rows, worst = [], EXIT_OK
    for f in files:
        if folder_mode:
            # OUTDIR/<the workbook's path under the given folder, without extension>/: names never collide
            base = next((Path(p) for p in paths if Path(p).is_dir() and f.is_relative_to(Path(p))), None)
            out = Path(output) / (f.relative_to(base).with_suffix("") if base else Path(f.stem))
            out.mkdir(parents=True, exist_ok=True)
        else:
            out = Path(output) if output else None
            if out is not None and (output.endswith(("/", "\\")) or out.is_dir()):
                out.mkdir(parents=True, exist_ok=True)
        res, unreadable = export_one(f, out, options, force=force, ignore=ignore, procedure=procedure,
                                     version=tversion, status=status)
        if res is None:
            click.echo(f"{f}: {unreadable}", err=True)
            rows.append([str(f), "unreadable" if en else "読込不可", "-", "-", unreadable])
            worst = max(worst, EXIT_USAGE)
            continue
        for line in _warn_lines(res, lang):
            click.echo(line, err=True)
        errors = res.check.count("error")
        warnings = res.check.count("warning")
        if res.written:
            click.echo(f"{res.written}" + (f"  ({res.applicants} applicants)" if en else f"  （申請人 {res.applicants} 人）"))
            rows.append([str(f), "written" if en else "出力", str(errors), str(warnings), str(res.written)])
        else:
            if res.refused_for == "errors":
                click.echo(FORMATS["text"]([res.check], lang), nl=False)
            click.echo(f"{f}: {res.refused}", err=True)
            if any(x.rule == "ZL005" for x in res.check.findings):
                click.echo(("  more than 300 applicants: `zairyu-lint split WORKBOOK -o DIR --export` writes one "
                            "upload file per 300") if en else
                           "  300人を超えるときは `zairyu-lint split ブック -o フォルダ --export` で300人ずつ出力できます",
                           err=True)
            rows.append([str(f), "refused" if en else "出力せず", str(errors), str(warnings), res.refused])
            # data that the official export would write wrongly counts like an error finding
            worst = max(worst, EXIT_ERRORS if res.refused_for in ("errors", "breaks") else EXIT_USAGE)
    if folder_mode:
        header = (["workbook", "result", "errors", "warnings", "upload file / reason"] if en
                  else ["ブック", "結果", "エラー", "警告", "アップロードファイル / 理由"])
        click.echo("")
        for line in _table(header, rows, right={2, 3}):
            click.echo(line)
        n_w = sum(1 for r in rows if r[1] in ("written", "出力"))
        n_r = sum(1 for r in rows if r[1] in ("refused", "出力せず"))
        n_u = len(rows) - n_w - n_r
        click.echo(f"{n_w} written, {n_r} refused, {n_u} unreadable" if en
                   else f"出力 {n_w} 件、出力せず {n_r} 件、読込不可 {n_u} 件")
    sys.exit(worst)
