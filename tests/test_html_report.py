"""`check --format html`: the page of a mixed folder, read by the DOM of a real headless Chromium.

The browser test needs Debian's chromium and chromium-driver (installed by .ci/run) and selenium; it is
skipped when they are absent. One browser start, one page: the counts in the DOM equal the JSON report
of the same run, filtering by verdict and searching narrow the applicant table, and a screenshot is
non-blank with the bar chart drawn.
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.html_report import fix_hint, render
from linter.verdicts import mask
from conftest import require, require_module

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_workbooks"
ON = "2026-12-01"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """clean + mistakes (the bundled samples), an unreadable workbook, an old-format .xls, a text file."""
    root = tmp_path_factory.mktemp("clients")
    shutil.copy(SAMPLES / "koushin_ssw_clean.xlsx", root / "a_clean.xlsx")
    shutil.copy(SAMPLES / "koushin_ssw_mistakes.xlsx", root / "b_mistakes.xlsx")
    (root / "c_broken.xlsx").write_bytes(bytes(range(256)) * 8)
    (root / "d_old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)   # an OLE (.xls) header
    (root / "memo.txt").write_text("memo", encoding="utf-8")
    return root


def run(*args) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["check", *map(str, args)], catch_exceptions=False)
    return res.exit_code, res.stdout


@pytest.fixture(scope="module")
def reports(mixed, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("out")
    code, _ = run(mixed, "--on", ON, "--format", "html", "--output", out / "report.html", "-q", "-j", "1")
    assert code == 2                               # the broken and the .xls files are reported unreadable
    code, text = run(mixed, "--on", ON, "--format", "json", "-q", "-j", "1")
    return out / "report.html", json.loads(text)


def test_json_verdicts_and_not_checked_spreadsheets(reports):
    _, doc = reports
    by_name = {Path(f["path"]).name: f for f in doc["files"]}
    assert sorted(by_name) == ["a_clean.xlsx", "b_mistakes.xlsx", "c_broken.xlsx", "d_old.xls"]
    assert doc["summary"]["skipped"] == 1          # memo.txt: counted, not reported
    (old,) = by_name["d_old.xls"]["findings"]
    assert old["rule"] == "ZL020" and ".xlsm" in old["message"]
    for f in doc["files"]:
        assert len(f["verdicts"]) == f["applicants"]
        for v in f["verdicts"]:
            rows = [x for x in f["findings"] if x["row"] == v["row"]]
            sev = Counter(x["severity"] for x in rows)
            assert (v["errors"], v["warnings"], v["infos"]) == (sev["error"], sev["warning"], sev["info"])
            expected = "要確認見込み" if sev["error"] else "確認推奨" if sev["warning"] else "正常見込み"
            assert v["verdict"] == expected
            assert v["key"] == "" or (v["key"].startswith("*") and len(v["key"].strip("*")) == 4)
    clean = by_name["a_clean.xlsx"]["verdicts"]
    assert clean and all(v["verdict"] == "正常見込み" and v["name"] for v in clean)
    assert any(v["verdict"] == "要確認見込み" for v in by_name["b_mistakes.xlsx"]["verdicts"])


def test_page_is_self_contained_and_escaped(reports):
    page = reports[0].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    full_keys = re.findall(r"\b[A-Z]{2}\d{8}[A-Z]{2}\b", page)
    assert full_keys == []                         # card numbers appear masked only


def test_names_from_the_file_are_escaped():
    from linter.findings import FileResult, Finding, Template
    evil = '<img src=x onerror=alert(1)>"&'
    r = FileResult("x.xlsx", Template("更新", "2026/02/27", "特定技能"), 1,
                   [Finding("ZL101", "error", "S", "A8", 8, "A", evil, f"bad {evil}")],
                   people=[{"row": 8, "name": evil, "key": "AB12345678CD", "key_kind": "card"}])
    page = render([r], "ja")
    assert evil not in page and "&lt;img src=x" in page
    assert "AB12345678CD" not in page and mask("AB12345678CD") in page
    assert fix_hint("ZL101", "ja") and fix_hint("ZL101", "en") != fix_hint("ZL101", "ja")
    assert 'lang="en"' in render([r], "en") and "Needs review" in render([r], "en")


# -- the browser ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = require_module("selenium.webdriver")
    require(os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER),
            "chromium and chromium-driver (Debian packages)")
    from selenium.webdriver.chrome.service import Service
    os.environ.setdefault("SE_OFFLINE", "true")    # never let Selenium Manager go online
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1400", f"--user-data-dir={tmp_path_factory.mktemp('chrome-profile')}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_report_in_a_real_browser(reports, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    page, doc = reports
    d = browser
    d.get(page.as_uri())
    verdicts = [(f, v) for f in doc["files"] for v in f["verdicts"]]
    status = Counter(v["status"] for _, v in verdicts)

    def visible() -> int:
        return d.execute_script("return document.querySelectorAll('tbody.applicant:not([hidden])').length")

    # the counts in the DOM equal the JSON
    total = lambda key: int(d.find_element(By.CSS_SELECTOR, f'[data-total="{key}"] .n').text)   # noqa: E731
    assert total("files") == len(doc["files"])
    assert total("applicants") == len(verdicts) == sum(f["applicants"] for f in doc["files"])
    assert (total("v-error"), total("v-warning"), total("v-ok")) == (status["error"], status["warning"], status["ok"])
    assert total("errors") == doc["summary"]["errors"] and total("warnings") == doc["summary"]["warnings"]
    assert total("unreadable") == sum(1 for f in doc["files"] if f["template"] is None)
    assert len(d.find_elements(By.CSS_SELECTOR, "#files tbody tr")) == len(doc["files"])
    assert len(d.find_elements(By.CSS_SELECTOR, "tbody.applicant")) == len(verdicts) == visible()
    per_rule = Counter(x["rule"] for f in doc["files"] for x in f["findings"])
    bars = {b.get_attribute("data-rule"): int(b.get_attribute("data-count"))
            for b in d.find_elements(By.CSS_SELECTOR, "#rule-chart rect.bar")}
    assert bars == dict(per_rule)
    shown_findings = len(d.find_elements(By.CSS_SELECTOR, "li.finding"))
    assert shown_findings == sum(len(f["findings"]) for f in doc["files"])   # each finding once

    # a screenshot of the first screen: not blank, the chart's bars drawn
    from PIL import Image
    shot = Image.open(io.BytesIO(d.get_screenshot_as_png())).convert("RGB")
    colours = shot.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50
    chart = d.find_element(By.ID, "rule-chart")
    assert chart.is_displayed() and chart.size["width"] > 100 and chart.size["height"] > 20
    d.execute_script("arguments[0].scrollIntoView()", chart)
    shot = Image.open(io.BytesIO(d.get_screenshot_as_png())).convert("RGB")
    ratio = d.execute_script("return window.devicePixelRatio") or 1
    top = d.execute_script("return arguments[0].getBoundingClientRect().top", chart)
    box = (int(chart.location["x"] * ratio), int(top * ratio),
           int((chart.location["x"] + chart.size["width"]) * ratio), int((top + chart.size["height"]) * ratio))
    reds = sum(n for n, px in shot.crop(box).getcolors(maxcolors=1 << 20) if px[0] > 150 and px[1] < 80 and px[2] < 80)
    assert reds > 200                                # the error bars (#c62828) are painted

    # filtering by verdict narrows the table to the JSON's count
    Select(d.find_element(By.ID, "f-verdict")).select_by_value("error")
    assert visible() == status["error"] < len(verdicts)
    assert d.find_element(By.ID, "shown-n").text == str(status["error"])
    Select(d.find_element(By.ID, "f-verdict")).select_by_value("")
    # the search box: one applicant by name
    f, v = next((f, v) for f, v in verdicts if v["status"] == "error")
    query = v["name"].lower()
    expected = sum(1 for g, w in verdicts if query in " ".join(
        [g["path"], w["name"], w["key"][-4:], str(w["row"])]
        + [x["message"] for x in g["findings"] if x["row"] == w["row"]]).lower())
    box = d.find_element(By.ID, "f-search")
    box.send_keys(v["name"])
    assert 1 <= visible() == expected < len(verdicts)
    assert v["name"] in d.find_element(By.CSS_SELECTOR, "tbody.applicant:not([hidden]) td.name").text
    box.clear()
    box.send_keys("zzqx no such applicant")
    assert visible() == 0
