"""A small progress bar for `check` on a terminal (stderr); silent when stderr is not a TTY."""
from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


class Progress:
    """Progress(total).update(path) after each file; close() at the end. Does nothing when disabled."""

    def __init__(self, total: int, enabled: bool | None = None, stream: TextIO | None = None,
                 min_interval: float = 0.1):
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = _isatty(self.stream)
        self.enabled = bool(enabled) and total > 1
        self.total, self.done = total, 0
        self.min_interval = min_interval
        self._last = 0.0
        self._start = time.monotonic()
        self._drawn = False

    def update(self, path: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if self.done < self.total and now - self._last < self.min_interval:
            return
        self._last = now
        self._draw(path, now)

    def _draw(self, path: str, now: float) -> None:
        width = shutil.get_terminal_size((80, 20)).columns
        elapsed = now - self._start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        head = f"{self.done}/{self.total} {elapsed:4.0f}s eta {eta:3.0f}s "
        bar_w = max(10, min(40, width - len(head) - 30))
        filled = int(bar_w * self.done / self.total) if self.total else bar_w
        bar = "[" + "#" * filled + "." * (bar_w - filled) + "] "
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        room = max(0, width - len(bar) - len(head) - 1)
        if len(name) > room:
            name = name[:max(0, room - 1)] + ("…" if room else "")
        self.stream.write("\r" + bar + head + name + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
