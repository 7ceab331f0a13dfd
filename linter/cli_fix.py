"""`zairyu-lint fix WORKBOOK -o OUT`: a copy with the mechanical mistakes corrected (linter.fixes).

Registered in linter/cli.py, with `write_fixed_copies` for `check --fix` / `--fix-only`. Safe fixes only unless --unsafe-fixes; --diff prints the
changes and writes nothing. The input is never modified; the copy is written atomically and never over
an existing file without --force.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .cli_common import EXIT_OK, EXIT_USAGE, cli_options

EXIT_CHANGES = 1


def change_line(c, lang: str) -> str:
    from .fixes import old_text
    rules = ",".join(c.rules)
    return (f"  {c.sheet}!{c.cell}  {c.field or ''}  「{old_text(c.old)}」 → 「{c.new}」  "
            f"{c.reason_text(lang)}  [{rules}]")


def diff_text(path: str, changes, lang: str) -> str:
    from .fixes import old_text
    lines = [f"--- {path}", f"+++ {path} (fixed)"]
    for c in changes:
        lines.append(f"@@ {c.sheet}!{c.cell} {c.field or ''} [{','.join(c.rules)}] {c.reason_text(lang)}"
                     + ("" if c.safe else (" (unsafe)" if lang == "en" else "（要確認）")))
        lines.append(f"-{old_text(c.old)}")
        lines.append(f"+{c.new}")
    return "\n".join(lines) + "\n"


@click.command("fix")
@click.argument("workbook", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), default=None,
              help="修正したコピーの保存先 / where to write the fixed copy")
@click.option("--diff", is_flag=True, help="変更を表示するだけで書き込まない / print the changes, write nothing")
@click.option("--unsafe-fixes", is_flag=True,
              help="確認が必要な修正も適用する / also apply fixes that need a human look")
@click.option("--force", is_flag=True, help="既存の出力を上書き / overwrite an existing output")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="出力形式 / output format")
@click.option("--on", "on", default=None, help="申請予定日 YYYY-MM-DD（既定: 今日） / filing date")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
@click.option("--select", multiple=True, help="このコード（前方一致）の指摘だけを直す / fix only findings of these codes")
@click.option("--ignore", multiple=True, help="このコード（前方一致）の指摘は直さない / do not fix these codes")
def fix(workbook, out, diff, unsafe_fixes, force, fmt, on, lang, select, ignore):
    """機械的な誤りを直したコピーを書きます / write a copy with the mechanical mistakes fixed."""
    from .fixes import fix_file
    from .reader import ReadError
    from .xlsx_package import OutputExists, PackageError
    options = cli_options(on=on, lang=lang, select=select, ignore=ignore)
    en = options.lang == "en"
    if not diff and not out:
        raise click.UsageError("give -o OUT (the fixed copy) or --diff (print the changes only)")
    src = Path(workbook)
    if not src.is_file():
        click.echo(f"{src}: no such file", err=True)
        sys.exit(EXIT_USAGE)
    if out and Path(out).suffix.lower() != src.suffix.lower():
        raise click.UsageError(f"the fixed copy must keep the extension {src.suffix} (an .xlsm saved as .xlsx "
                               "would not open in Excel)")
    try:
        run = fix_file(src, None if diff else out, options, unsafe=unsafe_fixes, force=force)
    except ReadError as err:
        click.echo(f"{src}: {err.reason_en if en else err.reason_ja} {err.hint_en if en else err.hint_ja}".strip(), err=True)
        sys.exit(EXIT_USAGE)
    except (OutputExists, PackageError, OSError) as exc:
        click.echo(f"{out}: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if fmt == "json":
        click.echo(json.dumps({"path": str(src), "output": str(run.out) if run.out else None,
                               "applied": [c.to_json() for c in run.applied],
                               "unsafe_not_applied": [c.to_json() for c in run.held_back],
                               "skipped": [c.to_json() for c in run.skipped]}, ensure_ascii=False, indent=1))
    elif diff:
        click.echo(diff_text(str(src), run.applied, options.lang), nl=False)
    else:
        click.echo(f"{src} → {run.out}: " + (f"{len(run.applied)} change(s)" if en else f"{len(run.applied)} 件を修正しました"))
        for c in run.applied:
            click.echo(change_line(c, options.lang))
    if run.skipped and fmt != "json":
        click.echo(("not changed (formula cells):" if en else "数式のセルのため変更しませんでした:"), err=True)
        for c in run.skipped:
            click.echo(change_line(c, options.lang), err=True)
    if run.held_back and fmt != "json":
        click.echo(f"{len(run.held_back)} more with --unsafe-fixes (check each):" if en
                   else f"--unsafe-fixes で直せるもの {len(run.held_back)} 件（内容を確認してください）:")
        for c in run.held_back:
            click.echo(change_line(c, options.lang))
    sys.exit(EXIT_CHANGES if diff and run.applied else EXIT_OK)


def fixed_name(src: Path) -> Path:
    return src.with_name(f"{src.stem}_fixed{src.suffix}")


def write_fixed_copies(files, options, *, unsafe: bool, force: bool, list_changes: bool) -> tuple[list[Path], int]:
    """`check --fix` / `--fix-only` (as ruff has them; the input is never modified, so the fixed workbook is a
    copy next to it, NAME_fixed.EXT): write the copies; returns the files to check (each copy, or the file
    itself when it cannot be fixed) and the exit status of the writing. list_changes: print every change."""
    from .fixes import fix_file
    from .reader import ReadError
    from .run import is_upload_file
    from .xlsx_package import OutputExists, PackageError
    en = options.lang == "en"
    checked, status = [], EXIT_OK
    for f in files:
        if is_upload_file(f) or f.stem.endswith("_fixed"):
            checked.append(f)      # an upload file has no cells to fix; an earlier copy is not fixed again
            continue
        out = fixed_name(f)
        try:
            run = fix_file(f, out, options, unsafe=unsafe, force=force)
        except (ReadError, OutputExists, PackageError, OSError) as exc:
            click.echo(f"{f}: {getattr(exc, 'reason_en' if en else 'reason_ja', None) or exc}", err=True)
            status = EXIT_USAGE
            checked.append(f)
            continue
        click.echo(f"{f} → {out}: " + (f"{len(run.applied)} change(s)" if en else f"{len(run.applied)} 件を修正"),
                   err=not list_changes)
        if list_changes:
            for c in run.applied:
                click.echo(change_line(c, options.lang))
        checked.append(out)
    return checked, status
