"""Settings from `[tool.zairyu-lint]` in pyproject.toml or from zairyu-lint.toml, found upward from a folder."""
from __future__ import annotations

import tomllib
from pathlib import Path

KEYS = {"format", "on", "lang", "select", "ignore", "output", "jobs"}


class ConfigError(ValueError):
    pass


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
