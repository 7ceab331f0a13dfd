"""Build and install the desktop add-in (.xlam) for Excel on Windows and macOS.

build_addin(DIR) runs `xlwings quickstart NAME --addin --ribbon`, replaces NAME.py with a main() that calls
xl_addin.highlight(xw.Book.caller()) and rewrites only customUI/customUI.xml of the .xlam (our tab and
button); companions NAME_export / NAME_fix / NAME_undo (.xlam + .py, see COMPANIONS) add the buttons
「アップロードファイル出力」, 「修正」 and 「元に戻す」 to the same tab. The ribbon macro of the quickstart add-in (module RibbonMyAddin, Sub RunMain) imports the module
named like the .xlam file, so NAME.xlam runs NAME.main().

install_addin(xlam) copies it into Excel's start-up folder and writes the xlwings config (interpreter,
PYTHONPATH) so that RunPython finds this Python and NAME.py.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from linter.atomic import atomic_output

ADDIN_NAME = "zairyu_check"
CUSTOM_UI_PATH = "customUI/customUI.xml"
RIBBON_MACRO = "RibbonMyAddin.RunMain"   # the quickstart add-in's VBA module and Sub

# The quickstart add-in's only ribbon macro (RibbonMyAddin.RunMain) runs the Python module named like its
# .xlam and cannot tell buttons apart, so each further button is a companion add-in of its own (the same VBA
# byte for byte) whose group joins the shared tab (idQ in a common namespace).
TAB_NS = "zairyu-lint"
UI = """<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" xmlns:z="{ns}">
    <ribbon>
        <tabs>
            <tab idQ="z:zairyuTab" label="在留申請チェック">
                <group idQ="z:{group}" label="{group_label}">
                    <button id="{button}" label="{label}" size="large" onAction="{macro}" imageMso="{image}"
                        screentip="{screentip}"
                        supertip="{tip}" />
                </group>
            </tab>
        </tabs>
    </ribbon>
</customUI>
"""


@dataclass(frozen=True)
class Button:
    suffix: str          # the add-in is NAME + suffix (.xlam and .py)
    button: str
    label: str
    group: str
    group_label: str
    image: str
    module: str          # main() calls module.func(xw.Book.caller())
    func: str
    tip: str
    screentip: str = ""

    def custom_ui(self) -> str:
        return UI.format(ns=TAB_NS, group=self.group, group_label=self.group_label, button=self.button,
                         label=self.label, macro=RIBBON_MACRO, image=self.image, screentip=self.screentip or self.label,
                         tip=self.tip)

    def python(self, name: str) -> str:
        return MODULE.format(name=name, label=self.label, module=self.module, func=self.func)


CHECK = Button("", "zairyuCheck", "チェック", "zairyuGroup", "検査", "ReviewAcceptChange", "xl_addin", "highlight",
               "開いているブックの入力シートを検査し、エラーのセルを赤、警告のセルを黄色にしてメモを付けます。結果はシート「チェック結果」に一覧で出ます。"
               "もう一度押すと前回の色とメモを消してから検査し直します。", screentip="在留申請チェック")
COMPANIONS = (
    Button("_export", "zairyuExport", "アップロードファイル出力", "zairyuExportGroup", "出力", "ExportTextFile",
           "xl_addin.exporting", "export_upload",
           "まずチェックし（「チェック」と同じ色とメモ）、エラーがなければ申請情報一括登録ファイル（公式ツールの「申請情報一括登録ファイル出力」と同じ内容）"
           "をブックと同じフォルダに保存します。エラーがあれば出力しません。"),
    Button("_fix", "zairyuFix", "修正", "zairyuFixGroup", "修正", "AutoCorrect", "xl_addin.fixing", "fix_in_place",
           "全角・半角、日付の書き方、消えた先頭の0など機械的な誤りを、件数を確認してから直し、もう一度チェックします。"
           "変更と修正前の値はシート「修正履歴」に記録されます。"),
    Button("_undo", "zairyuUndo", "元に戻す", "zairyuFixGroup", "修正", "Undo", "xl_addin.fixing", "undo_fixes",
           "「修正」で変えたセルを、シート「修正履歴」に記録した修正前の値に戻し、もう一度チェックします"
           "（マクロの変更は Ctrl+Z では戻せません）。"),
)
CUSTOM_UI = CHECK.custom_ui()

MODULE = '''"""Called by the ribbon button 「{label}」 of {name}.xlam (VBA: RunPython "import {name};{name}.main()")."""
import xlwings as xw

from {module} import {func}


def main():
    {func}(xw.Book.caller())


if __name__ == "__main__":
    xw.Book("{name}.xlam").set_mock_caller()
    main()
'''


def _xlwings_cmd() -> list[str]:
    exe = Path(sys.executable).parent / ("xlwings.exe" if os.name == "nt" else "xlwings")
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "import sys; from xlwings.cli import main; sys.argv[0] = 'xlwings'; main()"]


def rewrite_custom_ui(xlam: Path, xml: str = CUSTOM_UI) -> None:
    """Replace customUI/customUI.xml inside the .xlam, keeping every other part byte for byte."""
    with atomic_output(xlam) as tmp, zipfile.ZipFile(xlam) as src, \
            zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        if CUSTOM_UI_PATH not in src.namelist():
            raise RuntimeError(f"{xlam} has no {CUSTOM_UI_PATH}: not a ribbon add-in")
        for info in src.infolist():
            data = xml.encode("utf-8") if info.filename == CUSTOM_UI_PATH else src.read(info.filename)
            dst.writestr(info, data)


def build_addin(out_dir: str | Path, name: str = ADDIN_NAME) -> Path:
    """Make OUT_DIR/NAME.xlam and OUT_DIR/NAME.py, and the companions NAME_export, NAME_fix, NAME_undo."""
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    _quickstart(out, name, [CHECK, *COMPANIONS])
    return out / f"{name}.xlam"


def _quickstart(out: Path, name: str, buttons) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([*_xlwings_cmd(), "quickstart", name, "--addin", "--ribbon"], cwd=tmp,
                              capture_output=True, text=True)
        made = Path(tmp) / name
        if proc.returncode != 0 or not (made / f"{name}.xlam").exists():
            raise RuntimeError(f"xlwings quickstart failed: {proc.stderr or proc.stdout}")
        for b in buttons:    # one quickstart, copied per button: the VBA stays byte for byte the same
            target = name + b.suffix
            if b.suffix:
                shutil.copyfile(made / f"{name}.xlam", made / f"{target}.xlam")
            (made / f"{target}.py").write_text(b.python(target), encoding="utf-8")
        for b in buttons:
            target = name + b.suffix
            rewrite_custom_ui(made / f"{target}.xlam", b.custom_ui())
            for f in (f"{target}.xlam", f"{target}.py"):
                shutil.copyfile(made / f, out / f)


# -- install -------------------------------------------------------------------------------------------------
class UnsupportedPlatform(Exception):
    pass


@dataclass
class Installed:
    addin: Path
    config: Path
    settings: dict


def startup_folder(platform: str = sys.platform, home: Path | None = None, env=os.environ) -> Path:
    home = home or Path.home()
    if platform.startswith("win"):
        appdata = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
        return appdata / "Microsoft" / "Excel" / "XLSTART"
    if platform == "darwin":
        return home / "Library" / "Group Containers" / "UBF8T346G9.Office" / "User Content" / "Startup" / "Excel"
    raise UnsupportedPlatform(platform)


def _running_excel_startup() -> Path | None:
    """Excel's own start-up folder when an Excel is running (xlwings' App.startup_path)."""
    try:
        import xlwings as xw
        if xw.apps.count and xw.apps.active.engine.name == "excel":
            return Path(xw.apps.active.startup_path)
    except Exception:
        return None
    return None


def config_file(platform: str = sys.platform, home: Path | None = None) -> Path:
    """Where xlwings' VBA reads its user config (xlwings.bas GetConfigFilePath)."""
    home = home or Path.home()
    if platform.startswith("win"):
        return home / ".xlwings" / "xlwings.conf"
    if platform == "darwin":
        return home / "Library" / "Containers" / "com.microsoft.Excel" / "Data" / "xlwings.conf"
    raise UnsupportedPlatform(platform)


def write_config(path: Path, settings: dict[str, str]) -> None:
    """Set keys in an xlwings.conf ("KEY","value" lines), keeping the other lines."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    keep = [ln for ln in lines if ln.strip() and ln.split(",")[0].strip('"') not in settings]
    keep += [f'"{k}","{v}"' for k, v in settings.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(keep) + "\n", encoding="utf-8")


def install_addin(xlam: str | Path, platform: str = sys.platform, home: Path | None = None,
                  interpreter: str | None = None, env=os.environ) -> Installed:
    xlam = Path(xlam).resolve()
    if not xlam.is_file():
        raise FileNotFoundError(xlam)
    module = xlam.with_suffix(".py")
    folder = _running_excel_startup() if platform == sys.platform and home is None else None
    folder = folder or startup_folder(platform, home, env)
    conf = config_file(platform, home)
    key = "INTERPRETER_WIN" if platform.startswith("win") else "INTERPRETER_MAC"
    settings = {key: interpreter or sys.executable, "PYTHONPATH": str(module.parent)}
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(xlam, folder / xlam.name)
    for b in COMPANIONS:          # the companions with the other buttons, built next to it
        sibling = xlam.with_name(xlam.stem + b.suffix + xlam.suffix)
        if sibling.is_file():
            shutil.copyfile(sibling, folder / sibling.name)
    write_config(conf, settings)
    if platform == "darwin" and platform == sys.platform:
        # RunPython on macOS needs xlwings' AppleScript in Excel's script folder
        subprocess.run([*_xlwings_cmd(), "runpython", "install"], check=False)
    return Installed(folder / xlam.name, conf, settings)


ELSEWHERE = """The desktop add-in needs Microsoft Excel on Windows or macOS; this is {platform}.
Build it here with `zairyu-lint addin build -o DIR`, copy DIR to the Windows or Mac computer that has
Excel and this Python package installed, and run `zairyu-lint addin install DIR/{name}.xlam` there
(see docs/addin.md). For Excel on the web, use the xlwings Server route (`zairyu-lint addin server DIR`)."""
