"""What the command modules share: exit codes, the settings-plus-flags Options, the common flags."""
from __future__ import annotations

import click

from .config import BadDate, ConfigError, resolve_options

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def cli_options(settings: dict | None = None, **given):
    """resolve_options for a command: a bad settings file or date becomes a usage error, not a traceback."""
    try:
        return resolve_options(settings=settings, **given)
    except ConfigError as exc:
        raise click.UsageError(str(exc))
    except BadDate as exc:
        raise click.BadParameter(str(exc), param_hint="--on")


def common_options(f):
    """--on/--lang/--select/--ignore as `check` has them."""
    f = click.option("--ignore", multiple=True, help="このコード（前方一致）を報告しない / do not report these codes")(f)
    f = click.option("--select", multiple=True, help="このコード（前方一致）だけを報告 / report only these codes")(f)
    f = click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")(f)
    f = click.option("--on", "on", default=None, help="申請予定日 YYYY-MM-DD（既定: 今日） / filing date")(f)
    return f
