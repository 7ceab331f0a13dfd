"""The `zairyu-lint` command line: every command is registered here, in one place.

Commands of other installed packages come in through the entry-point group `zairyu_lint.commands` (the
Excel add-in's `addin`, declared in pyproject.toml): xl_addin uses linter, linter never imports xl_addin.
"""
from __future__ import annotations

import sys
from importlib.metadata import entry_points
from pathlib import Path

import click

from schemas import rules as R
from .cli_export import export
from .cli_fix import fix, write_fixed_copies
from .cli_review import annotate, split, write_review_copies
from .cli_common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, cli_options
from .config import ConfigError, find_settings
from .inputs import collect_inputs, output_problem, write_atomically
from .progress import Progress
from .run import default_jobs, lint_many
from .report import FORMATS

PLUGIN_GROUP = "zairyu_lint.commands"


class CommandGroup(click.Group):
    """The commands registered below plus those installed packages declare under the entry-point group
    PLUGIN_GROUP, loaded only when asked for (a missing or broken one is a message, not a traceback)."""

    @staticmethod
    def _plugins() -> dict:
        return {ep.name: ep for ep in entry_points(group=PLUGIN_GROUP)}

    def list_commands(self, ctx):
        return sorted({*super().list_commands(ctx), *self._plugins()})

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is not None:
            return command
        ep = self._plugins().get(name)
        if ep is None:
            return None
        try:
            command = ep.load()
        except Exception as exc:   # e.g. a package installed without its dependencies: --help still works
            return _unloadable(name, ep.value, f"{type(exc).__name__}: {exc}")
        if not isinstance(command, click.Command):
            return _unloadable(name, ep.value, "not a click command")
        return command


def _unloadable(name: str, target: str, why: str) -> click.Command:
    text = f"このコマンドを読み込めません / the command {name!r} ({target}) cannot be loaded: {why}"

    def fail(**_):
        raise click.ClickException(text)
    return click.Command(name, callback=fail, help=text, context_settings={"ignore_unknown_options": True},
                         params=[click.Argument(["args"], nargs=-1, type=click.UNPROCESSED)])


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--annotate", "annotate_dir", type=click.Path(file_okay=False), default=None,
              help="指摘したセルに色とメモを付けたコピーをこのフォルダに書く / write review copies to DIR")
@click.option("--force", is_flag=True, default=False, help="--annotate / --fix の既存ファイルを上書き / "
                                                           "overwrite existing review copies or fixed copies")
@click.option("--fix", is_flag=True, default=False,
              help="直したコピー（NAME_fixed）を書き、その残りを報告 / write fixed copies (NAME_fixed), report what is left")
@click.option("--fix-only", is_flag=True, default=False,
              help="直したコピーを書き、変更だけを表示 / write fixed copies, list the changes only")
@click.option("--unsafe-fixes", is_flag=True, default=False,
              help="--fix で要確認の修正も適用 / --fix: also apply the unsafe fixes")
@click.option("--no-show-fixes", "no_show_fixes", is_flag=True, default=False,
              help="直せる指摘を探さない（[*] なし、大量のファイルで速い） / do not look for fixes "
                   "(no [*] marks; faster on big folders)")
def check(paths, fmt, on, lang, select, ignore, output, jobs, quiet, statistics, exit_zero, annotate_dir, force,
          fix, fix_only, unsafe_fixes, no_show_fixes):
    """ワークブック（フォルダは再帰的に）をチェックします / check workbooks (folders recursively)."""
    try:
        settings, _ = find_settings()
    except ConfigError as exc:
        raise click.UsageError(str(exc))
    fmt = fmt or settings.get("format", "text")
    if fmt not in FORMATS:
        raise click.UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    fixing = fix or fix_only
    # --no-show-fixes: the options (sent to the worker processes too) carry fixes=False; --fix plans in full
    options = cli_options(settings, on=on, lang=lang, select=select, ignore=ignore,
                          **({"fixes": False} if no_show_fixes and not fixing else {}))
    status = EXIT_OK
    if fixing:
        # as ruff's --fix: the input is never modified, the fixed copy NAME_fixed.EXT is checked instead
        files, _ = collect_inputs(list(paths))
        checked, status = write_fixed_copies(files, options, unsafe=unsafe_fixes, force=force, list_changes=fix_only)
        if fix_only:
            sys.exit(status)
        paths = tuple(str(p) for p in checked)
    output = output or settings.get("output")
    if output:
        problem = output_problem(Path(output))
        if problem:
            click.echo(f"{output}: cannot write the report: {problem}", err=True)
            sys.exit(max(EXIT_USAGE, status))
    files, skipped = collect_inputs(list(paths))
    if not quiet:
        for line in skipped:
            if not getattr(line, "quiet", False):
                click.echo(line, err=True)
    with Progress(len(files), enabled=False if quiet else None) as bar:
        results = lint_many(files, options, jobs=jobs or settings.get("jobs") or default_jobs(), progress=bar.update)
    text = FORMATS[fmt](results, options.lang, statistics=statistics,
                        skipped=sum(1 for line in skipped if getattr(line, "quiet", False)))
    if output:
        try:
            write_atomically(Path(output), text)
        except OSError as exc:
            click.echo(f"{output}: cannot write the report: {exc.strerror or exc}", err=True)
            sys.exit(max(EXIT_USAGE, status))
    else:
        click.echo(text, nl=False)
    if any(r.unreadable for r in results) or not files:
        if not files:
            click.echo("no workbook found in the given paths", err=True)
        code = EXIT_USAGE
    elif exit_zero:
        code = EXIT_OK
    else:
        code = EXIT_ERRORS if any(r.count("error") for r in results) else EXIT_OK
    if annotate_dir:
        code = max(code, write_review_copies(list(zip(files, results)), Path(annotate_dir), force, options))
    sys.exit(max(code, status))


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


# the other built-in commands; `addin` comes from the entry-point group (pyproject.toml)
for _command in (annotate, split, export, fix):
    main.add_command(_command)

if __name__ == "__main__":
    main()
