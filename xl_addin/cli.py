"""`zairyu-lint addin ...`: build and install the Excel add-in. Declared in pyproject.toml under the entry-point
group `zairyu_lint.commands`, which linter.cli reads (linter itself never imports xl_addin)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import click

from .build import ADDIN_NAME, ELSEWHERE, UnsupportedPlatform, build_addin, install_addin


@click.group()
def addin():
    """Excelアドイン: リボンの「チェック」で開いているブックの誤りに色を付けます / the Excel add-in: a ribbon
    button 「チェック」 that highlights bad cells in the open workbook."""


@addin.command()
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="NAME.xlam と NAME.py を書き出すフォルダ / folder to write NAME.xlam and NAME.py into")
@click.option("--name", default=ADDIN_NAME, show_default=True, help="アドインとPythonモジュールの名前 / add-in and Python module name")
def build(out_dir, name):
    """デスクトップ版アドイン(.xlam)を作ります / build the desktop add-in (.xlam) with
    `xlwings quickstart NAME --addin --ribbon`."""
    if not name.isidentifier():
        raise click.BadParameter("must be a Python module name (letters, digits, _)", param_hint="--name")
    if importlib.util.find_spec("xlwings") is None:     # xlwings is the extra [addin], not needed to lint
        raise click.ClickException("xlwings がありません / xlwings is not installed: "
                                   "pip install \"zairyu-lint[addin]\"")
    try:
        xlam = build_addin(out_dir, name)
    except RuntimeError as err:
        raise click.ClickException(str(err))
    click.echo(f"built {xlam}")
    click.echo(f"      {xlam.with_suffix('.py')}")
    click.echo(f"next: zairyu-lint addin install {xlam}   (on the Windows or Mac computer with Excel)")


@addin.command()
@click.argument("xlam", required=False, type=click.Path(dir_okay=False))
@click.option("--interpreter", default=None, help="Excelが使うPython（既定: このPython） / Python for Excel to run (default: this one)")
def install(xlam, interpreter):
    """アドインをExcelの起動フォルダにコピーし、xlwingsの設定を書きます / copy the add-in into Excel's start-up
    folder and write the xlwings config (interpreter, PYTHONPATH)."""
    if not (sys.platform.startswith("win") or sys.platform == "darwin"):
        click.echo(ELSEWHERE.format(platform=sys.platform, name=ADDIN_NAME), err=True)
        sys.exit(1)
    if xlam is None:
        raise click.UsageError("give the .xlam made by `zairyu-lint addin build -o DIR`")
    if not Path(xlam).with_suffix(".py").is_file():
        raise click.ClickException(f"{Path(xlam).with_suffix('.py')} is missing: keep the .py next to the .xlam")
    try:
        done = install_addin(xlam, interpreter=interpreter)
    except (FileNotFoundError, UnsupportedPlatform) as err:
        raise click.ClickException(str(err))
    click.echo(f"copied  {done.addin}")
    click.echo(f"config  {done.config}")
    for k, v in done.settings.items():
        click.echo(f"        {k} = {v}")
    click.echo("Restart Excel: the tab 「在留申請チェック」 appears on the ribbon. See docs/addin.md if it does not.")


@addin.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="空でないフォルダにも書く / write into a folder that is not empty")
def server(directory, force):
    """Excel on the web 用の xlwings Server プロジェクトを書き出します（xlwings PROライセンス） / write an xlwings
    Server project for Excel on the web (xlwings PRO licence; extra zairyu-lint[server])."""
    from .server import make_project
    try:
        path = make_project(directory, overwrite=force)
    except FileExistsError:
        raise click.ClickException(f"{directory} is not empty (use --force)")
    click.echo(f"wrote {path}")
    click.echo("xlwings Server is under the xlwings PRO licence: free for non-commercial use only "
               "(XLWINGS_LICENSE_KEY=noncommercial in .env), otherwise buy a licence.")
    click.echo(f"起動 / run:  cd {path} && xlwings-server")
    click.echo("  開発用: http://127.0.0.1:8000 （https には certs/localhost+2.pem と localhost+2-key.pem が必要）; "
               "マニフェスト / manifest: https://HOST/manifest")
