"""Excel on the web / Microsoft 365 (Office.js): an xlwings Server project around the same highlight().

`zairyu-lint addin server DIR` writes the project (custom_scripts with the @script `zairyu_check`, the
manifest with the ribbon tab 「在留申請チェック」 and buttons 「チェック」 and 「アップロードファイル出力」
(@script `zairyu_export`: check first, then the upload file as a browser download), the task pane and the JavaScript
that handles sheet protection). Run it with a bare `xlwings-server` in DIR (extra: zairyu-lint[server]); it has no `run` subcommand.

xlwings Server and the remote engine are xlwings PRO: free for non-commercial use only
(XLWINGS_LICENSE_KEY=noncommercial); commercial use needs a paid licence. The desktop add-in is the default.
"""
from __future__ import annotations

import os
import shutil
import sys
import uuid
from pathlib import Path

TEMPLATE = Path(__file__).parent / "templates" / "server"
SCRIPT_NAME = "zairyu_check"
RIBBON_FUNCTION = "zairyu-check"
EXPORT_SCRIPT_NAME = "zairyu_export"          # 「アップロードファイル出力」
EXPORT_RIBBON_FUNCTION = "zairyu-export"


def make_project(dest: str | Path, overwrite: bool = False) -> Path:
    dest = Path(dest).resolve()
    if dest.exists() and any(dest.iterdir()) and not overwrite:
        raise FileExistsError(dest)
    shutil.copytree(TEMPLATE, dest, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    toml = dest / "pyproject.toml"
    text = toml.read_text(encoding="utf-8")
    for env in ("DEV", "QA", "UAT", "STAGING", "PROD"):
        text = text.replace(f"__ID_{env}__", str(uuid.uuid4()))
    toml.write_text(text, encoding="utf-8")
    env_file = dest / ".env"
    if not env_file.exists():
        shutil.copyfile(dest / "env.example", env_file)
    (dest / "certs").mkdir(exist_ok=True)
    return dest


def create_app(project_dir: str | Path):
    """The FastAPI app of xlwings Server for the project (the settings are read once, at first import)."""
    project = Path(project_dir).resolve()
    loaded = sys.modules.get("xlwings_server.config")
    if loaded is not None and Path(loaded.PROJECT_DIR).resolve() != project:
        raise RuntimeError(f"xlwings_server was already imported for {loaded.PROJECT_DIR}; "
                           "create the app in a fresh process")
    os.environ["XLWINGS_PROJECT_DIR"] = str(project)
    os.environ.setdefault("DOTENV_PATH", str(project / ".env"))
    from xlwings_server.main import main_app   # noqa: PLC0415 (optional extra)
    return main_app
