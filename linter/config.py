"""Settings from `[tool.zairyu-lint]` in pyproject.toml or from zairyu-lint.toml, found upward from a folder,
and `resolve_options`, which turns them plus the command line's (or a caller's) values into engine Options:
the CLI, folder runs and the Excel add-in all go through it, so a setting means the same everywhere."""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from .engine import Options

KEYS = {"format", "on", "lang", "select", "ignore", "output", "jobs"}


class ConfigError(ValueError):
    pass


class BadDate(ValueError):
    """The filing date (`on`) is not YYYY-MM-DD."""
    def __init__(self, text):
        super().__init__(f"{text!r} is not a date YYYY-MM-DD")
        self.text = text


def parse_codes(value) -> tuple[str, ...]:
    """Rule codes from a string "ZL1,ZL2", a list of such strings, or nothing; upper-cased."""
    if not value:
        return ()
    if isinstance(value, str):
        value = [value]
    return tuple(c.strip().upper() for v in value for c in str(v).split(",") if c.strip())


def resolve_options(*, start: Path | str | None = None, settings: dict | None = None, on=None, lang: str | None = None,
                    select=None, ignore=None, **extra) -> Options:
    """Options from the settings file found upward from `start` (default: the current folder; or the `settings`
    already read), each overridden by a value given here (None / empty = not given). `on` is a date or
    YYYY-MM-DD text (default: today). `extra` goes to Options as it is (e.g. fixes=False).
    Raises ConfigError for an unreadable settings file and BadDate for a bad `on`."""
    if settings is None:
        settings, _ = find_settings(Path(start) if start is not None else None)
    on = on or settings.get("on")
    if isinstance(on, dt.date):
        on_date = on
    else:
        try:
            on_date = dt.date.fromisoformat(str(on)) if on else dt.date.today()
        except ValueError:
            raise BadDate(on) from None
    return Options(on=on_date, lang=lang or settings.get("lang", "ja"),
                   select=parse_codes(select) or parse_codes(settings.get("select")),
                   ignore=parse_codes(ignore) or parse_codes(settings.get("ignore")), **extra)


def find_settings(start: Path | None = None) -> tuple[dict, Path | None]:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "zairyu-lint.toml"
        if own.is_file():
            return _load(own, None), own
        py = folder / "pyproject.toml"
        if py.is_file():
            section = _load(py, ("tool", "zairyu-lint"))
            if section is not None:
                return section, py
    return {}, None


def _load(path: Path, section: tuple[str, ...] | None) -> dict | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from None
    if section:
        for key in section:
            data = data.get(key) if isinstance(data, dict) else None
            if data is None:
                return None
    unknown = set(data) - KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(sorted(unknown))} (known: {', '.join(sorted(KEYS))})")
    for key in ("select", "ignore"):
        if isinstance(data.get(key), str):
            data[key] = [c for c in data[key].split(",") if c.strip()]
    return data
