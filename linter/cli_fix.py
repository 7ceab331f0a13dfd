"""`zairyu-lint fix WORKBOOK -o OUT`: a copy with the mechanical mistakes corrected (linter.fixes).

Registered on the main group by linter/cli.py. Safe fixes only unless --unsafe-fixes; --diff prints the
changes and writes nothing. The input is never modified; the copy is written atomically and never over
an existing file without --force.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

EXIT_OK, EXIT_CHANGES, EXIT_USAGE = 0, 1, 2


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
    from .cli_review import _options
    from .fixes import fix_file
    from .reader import ReadError
    from .xlsx_package import OutputExists, PackageError
    options = _options(on, lang, select, ignore)
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


def register(main: click.Group) -> None:
    main.add_command(fix)
    _extend_check(main)


def fixed_name(src: Path) -> Path:
    return src.with_name(f"{src.stem}_fixed{src.suffix}")


def _extend_check(main: click.Group) -> None:
    """`check --fix` / `--fix-only` (as ruff has them; the input is never modified, so the fixed workbook is a
    copy next to it, NAME_fixed.EXT): --fix writes the copies and reports what is left in them; --fix-only
    writes the copies and lists the changes only."""
    check = main.commands.get("check")
    if check is None or getattr(check, "_fix_extended", False):
        return
    from . import cli as C
    original = check.callback
    check.params.append(click.Option(["--fix"], is_flag=True, default=False,
                                     help="直したコピー（NAME_fixed）を書き、その残りを報告 / write fixed copies (NAME_fixed), "
                                          "report what is left"))
    check.params.append(click.Option(["--fix-only"], is_flag=True, default=False,
                                     help="直したコピーを書き、変更だけを表示 / write fixed copies, list the changes only"))
    check.params.append(click.Option(["--unsafe-fixes"], is_flag=True, default=False,
                                     help="--fix で要確認の修正も適用 / --fix: also apply the unsafe fixes"))
    check.params.append(click.Option(["--no-show-fixes", "no_show_fixes"], is_flag=True, default=False,
                                     help="直せる指摘を探さない（[*] なし、大量のファイルで速い） / do not look for fixes "
                                          "(no [*] marks; faster on big folders)"))
    if not any(p.name == "force" for p in check.params):
        check.params.append(click.Option(["--force"], is_flag=True, default=False,
                                         help="既存のファイルを上書き / overwrite existing outputs"))

    def callback(fix=False, fix_only=False, unsafe_fixes=False, no_show_fixes=False, **kwargs):
        if no_show_fixes and not (fix or fix_only):
            # the options check builds (and sends to its worker processes) then carry fixes=False
            import functools
            saved = C.Options
            C.Options = functools.partial(saved, fixes=False)
            try:
                return original(**kwargs)
            finally:
                C.Options = saved
        if not (fix or fix_only):
            return original(**kwargs)
        from .cli_review import _options
        from .fixes import fix_file
        from .reader import ReadError
        from .run import is_upload_file
        from .xlsx_package import OutputExists, PackageError
        options = _options(kwargs.get("on"), kwargs.get("lang"), kwargs.get("select"), kwargs.get("ignore"))
        en = options.lang == "en"
        files, skipped = C.collect_inputs(list(kwargs["paths"]))
        checked, status = [], EXIT_OK
        for f in files:
            if is_upload_file(f) or f.stem.endswith("_fixed"):
                checked.append(f)      # an upload file has no cells to fix; an earlier copy is not fixed again
                continue
            out = fixed_name(f)
            try:
                run = fix_file(f, out, options, unsafe=unsafe_fixes, force=kwargs.get("force", False))
            except (ReadError, OutputExists, PackageError, OSError) as exc:
                click.echo(f"{f}: {getattr(exc, 'reason_en' if en else 'reason_ja', None) or exc}", err=True)
                status = EXIT_USAGE
                checked.append(f)
                continue
            click.echo(f"{f} → {out}: " + (f"{len(run.applied)} change(s)" if en else f"{len(run.applied)} 件を修正"),
                       err=not fix_only)
            if fix_only:
                for c in run.applied:
                    click.echo(change_line(c, options.lang))
            checked.append(out)
        if fix_only:
            sys.exit(status)
        kwargs["paths"] = tuple(str(p) for p in checked)
        try:
            original(**kwargs)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (EXIT_USAGE if exc.code else EXIT_OK)
            sys.exit(max(code, status))
        sys.exit(status)

    check.callback = callback
    check._fix_extended = True
