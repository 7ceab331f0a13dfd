"""`--format html`: one self-contained page per run (inline CSS, JS and SVG; no network, no CDN), so it
works opened from disk or sent by mail, and prints for the client.

It shows the totals, a table of files (verdict counts, fee estimate, unreadable ones), the findings per
rule as an SVG bar chart, and one table row per applicant with their findings (sheet!cell, field,
message, fix hint), filtered by file, verdict and rule and searched by a text box. Everything taken from
the workbooks (names, values in messages, paths) is escaped; identity keys are masked.
"""
from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from pathlib import PurePath

from .findings import FileResult, Finding
from .verdicts import ERROR, OK, WARNING, Verdict, verdict_counts, verdicts

T = {
    "ja": {
        "title": "zairyu-lint チェック結果", "generated": "作成", "files": "ファイル", "applicants": "申請人",
        "errors": "エラー", "warnings": "警告", "infos": "情報", "unreadable": "読込不可", "skipped": "対象外（スキップ）",
        "fees": "手数料見込（オンライン/窓口）", "procedure": "手続/版", "file": "ファイル", "row": "行",
        "name": "氏名", "key": "在留カード/旅券番号", "verdict": "判定", "findings": "指摘", "rules": "ルール",
        "by_rule": "ルール別の指摘件数", "people": "申請人ごとの判定", "all": "すべて", "search": "検索（氏名・番号・メッセージ）",
        "shown": "表示中", "where": "場所", "field": "項目", "message": "メッセージ", "fix": "直し方",
        "other": "申請人の行以外の指摘（ファイル・シート単位）", "not_checked": "未チェック: .xlsmで保存してください",
        "no_findings": "指摘はありません", "no_name": "（氏名なし）", "total": "合計", "count": "件数",
        "note": "判定はこのツールの見込みです。実際の結果はオンラインシステムの受付・審査で決まります。",
        "cards": {ERROR: "要確認見込み", WARNING: "確認推奨", OK: "正常見込み"},
        "sev": {"error": "エラー", "warning": "警告", "info": "情報"},
    },
    "en": {
        "title": "zairyu-lint report", "generated": "Generated", "files": "Files", "applicants": "Applicants",
        "errors": "Errors", "warnings": "Warnings", "infos": "Info", "unreadable": "Unreadable",
        "skipped": "Not spreadsheets (skipped)", "fees": "Fee estimate (online/counter)", "procedure": "Procedure/version",
        "file": "File", "row": "Row", "name": "Name", "key": "Card/passport no.", "verdict": "Verdict",
        "findings": "Findings", "rules": "Rules", "by_rule": "Findings per rule", "people": "Verdict per applicant",
        "all": "All", "search": "Search (name, number, message)", "shown": "shown", "where": "Where", "field": "Field",
        "message": "Message", "fix": "Fix", "other": "Findings outside the applicant rows (file or sheet)",
        "not_checked": "not checked: save as .xlsm", "no_findings": "No findings", "no_name": "(no name)",
        "total": "Total", "count": "Count",
        "note": "Verdicts are this tool's estimate; the online system's reception and examination decide.",
        "cards": {ERROR: "Needs review", WARNING: "Check recommended", OK: "Expected OK"},
        "sev": {"error": "error", "warning": "warning", "info": "info"},
    },
}
SEV_COLOR = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0"}

# A per-rule fix hint, when one is written ({code: (ja, en)}); else the 「直し方:」/"Fix:" line of the
# rule's explanation, else its summary.
FIX_HINTS: dict[str, tuple[str, str]] = {}


def e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def fix_hint(code: str, lang: str = "ja") -> str:
    en = lang == "en"
    if code in FIX_HINTS:
        return FIX_HINTS[code][1 if en else 0]
    try:
        from schemas import rules as R
        rule = R.get(code)
    except KeyError:
        return ""
    for line in rule.explain(lang).splitlines():
        line = line.strip()
        for head in (("Fix:",) if en else ("直し方:", "直し方：")):
            if line.startswith(head):
                return line[len(head):].strip()
    return rule.summary(lang)


def _rule_summary(code: str, lang: str) -> tuple[str, str]:
    try:
        from schemas import rules as R
        r = R.get(code)
        return r.severity, r.summary(lang)
    except KeyError:
        return "warning", ""


def _yen(n) -> str:
    return f"¥{n:,}" if isinstance(n, int) else "-"


def _file_name(path: str) -> str:
    return PurePath(path).name or path


# -- parts of the page -------------------------------------------------------------------------------
def _totals(results, all_verdicts, t, skipped) -> str:
    vc = verdict_counts(all_verdicts)
    errors = sum(r.count("error") for r in results)
    warnings = sum(r.count("warning") for r in results)
    infos = sum(r.count("info") for r in results)
    unreadable = sum(1 for r in results if r.unreadable)
    cards = [("files", t["files"], len(results)), ("applicants", t["applicants"], len(all_verdicts)),
             ("v-error", t["cards"][ERROR], vc[ERROR]), ("v-warning", t["cards"][WARNING], vc[WARNING]),
             ("v-ok", t["cards"][OK], vc[OK]), ("errors", t["errors"], errors), ("warnings", t["warnings"], warnings),
             ("infos", t["infos"], infos), ("unreadable", t["unreadable"], unreadable)]
    if skipped:
        cards.append(("skipped", t["skipped"], skipped))
    out = "".join(f'<div class="card {k}" data-total="{k}"><span class="n">{n}</span><span class="l">{e(label)}</span></div>'
                  for k, label, n in cards)
    return f'<section class="totals" id="totals">{out}</section>'


def _files_table(results, per_file, t, lang: str = "ja") -> str:
    head = [t["file"], t["procedure"], t["applicants"], t["cards"][ERROR], t["cards"][WARNING], t["cards"][OK],
            t["errors"], t["warnings"], t["fees"]]
    rows = []
    tot = Counter()
    for r, vs in zip(results, per_file):
        vc = verdict_counts(vs)
        if r.template:
            proc = f"{r.template.procedure} {r.template.version}" + (f" {r.template.status}" if r.template.status else "")
        elif any(f.rule == "ZL020" for f in r.findings):
            proc = t["not_checked"]
        else:
            proc = t["unreadable"]
        fees = f"{_yen(r.fees.get('online'))} / {_yen(r.fees.get('counter'))}" if r.fees else "-"
        cls = "unreadable" if r.unreadable else ("has-error" if r.count("error") else "")
        why = f'<div class="why">{e(r.findings[0].text(lang))}</div>' if r.unreadable and r.findings else ""
        rows.append(f'<tr class="{cls}" data-file="{e(r.path)}"><td class="path" title="{e(r.path)}">{e(r.path)}{why}</td>'
                    f'<td>{e(proc)}</td><td class="num">{r.applicants}</td><td class="num">{vc[ERROR]}</td>'
                    f'<td class="num">{vc[WARNING]}</td><td class="num">{vc[OK]}</td>'
                    f'<td class="num">{r.count("error")}</td><td class="num">{r.count("warning")}</td><td class="num">{e(fees)}</td></tr>')
        tot.update({"applicants": r.applicants, ERROR: vc[ERROR], WARNING: vc[WARNING], OK: vc[OK],
                    "errors": r.count("error"), "warnings": r.count("warning")})
        if r.fees:
            tot.update({"online": r.fees.get("online", 0) or 0, "counter": r.fees.get("counter", 0) or 0})
    fees = f"{_yen(tot['online'])} / {_yen(tot['counter'])}" if any(r.fees for r in results) else "-"
    foot = (f'<tr class="total"><td>{e(t["total"])}</td><td></td><td class="num">{tot["applicants"]}</td>'
            f'<td class="num">{tot[ERROR]}</td><td class="num">{tot[WARNING]}</td><td class="num">{tot[OK]}</td>'
            f'<td class="num">{tot["errors"]}</td><td class="num">{tot["warnings"]}</td><td class="num">{e(fees)}</td></tr>')
    ths = "".join(f"<th>{e(h)}</th>" for h in head)
    return (f'<section><h2>{e(t["files"])}</h2><table id="files"><thead><tr>{ths}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody><tfoot>{foot}</tfoot></table></section>')


def _chart(results, lang, t) -> str:
    counts = Counter(f.rule for r in results for f in r.findings)
    if not counts:
        return f'<section><h2>{e(t["by_rule"])}</h2><p>{e(t["no_findings"])}</p></section>'
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = items[0][1]
    bar_h, gap, label_w, bar_w = 18, 6, 70, 360
    height = len(items) * (bar_h + gap) + gap
    width = label_w + bar_w + 60
    parts = []
    for i, (code, n) in enumerate(items):
        sev, summ = _rule_summary(code, lang)
        y = gap + i * (bar_h + gap)
        w = max(2, round(bar_w * n / top))
        parts.append(
            f'<g class="bar-row" data-rule="{e(code)}"><title>{e(code)} {e(summ)}: {n}</title>'
            f'<text x="{label_w - 6}" y="{y + bar_h - 4}" text-anchor="end" class="code">{e(code)}</text>'
            f'<rect class="bar sev-{e(sev)}" data-rule="{e(code)}" data-count="{n}" x="{label_w}" y="{y}" '
            f'width="{w}" height="{bar_h}" fill="{SEV_COLOR.get(sev, "#555")}"/>'
            f'<text x="{label_w + w + 6}" y="{y + bar_h - 4}" class="count">{n}</text></g>')
    legend = "".join(f'<li data-rule="{e(code)}"><b>{e(code)}</b> {e(_rule_summary(code, lang)[1])}</li>'
                     for code, _ in items)
    svg = (f'<svg id="rule-chart" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" aria-label="{e(t["by_rule"])}">{"".join(parts)}</svg>')
    return (f'<section><h2>{e(t["by_rule"])}</h2><div class="chart">{svg}<ul class="legend">{legend}</ul></div>'
            f'</section>')


def _finding_li(f: Finding, lang: str, t: dict) -> str:
    where = f.ref() or "-"
    field = f'<span class="field">{e(f.field)}</span>' if f.field else ""
    hint = fix_hint(f.rule, lang)
    hint = f'<div class="fix"><span>{e(t["fix"])}:</span> {e(hint)}</div>' if hint else ""
    return (f'<li class="finding sev-{e(f.severity)}" data-rule="{e(f.rule)}">'
            f'<span class="sev">{e(t["sev"].get(f.severity, f.severity))}</span> '
            f'<span class="where">{e(where)}</span> <span class="rule">{e(f.rule)}</span> {field}'
            f'<div class="msg">{e(f.text(lang))}</div>{hint}</li>')


def _people_table(results, per_file, lang, t) -> str:
    bodies = []
    for r, vs in zip(results, per_file):
        by_row: dict[int, list[Finding]] = {}
        for f in r.findings:
            if f.row is not None:
                by_row.setdefault(f.row, []).append(f)
        for v in vs:
            fs = by_row.get(v.row, [])
            search = " ".join([r.path, v.name, v.key and v.key[-4:], str(v.row)] + [f.text(lang) for f in fs]).lower()
            items = "".join(_finding_li(f, lang, t) for f in fs)
            bodies.append(
                f'<tbody class="applicant v-{v.status}" data-file="{e(r.path)}" data-verdict="{v.status}" '
                f'data-rules="{e(" ".join(v.rules))}" data-search="{e(search)}">'
                f'<tr><td class="file" title="{e(r.path)}">{e(_file_name(r.path))}</td><td class="num">{v.row}</td>'
                f'<td class="name">{e(v.name or t["no_name"])}</td><td class="key">{e(_masked(v))}</td>'
                f'<td><span class="verdict v-{v.status}">{e(t["cards"][v.status])}</span></td>'
                f'<td class="num">{v.errors}</td><td class="num">{v.warnings}</td></tr>'
                + (f'<tr class="findings"><td colspan="7"><ul>{items}</ul></td></tr>' if items else "")
                + "</tbody>")
    head = [t["file"], t["row"], t["name"], t["key"], t["verdict"], t["errors"], t["warnings"]]
    ths = "".join(f"<th>{e(h)}</th>" for h in head)
    files_opt = "".join(f'<option value="{e(r.path)}">{e(r.path)}</option>' for r, vs in zip(results, per_file) if vs)
    verdict_opt = "".join(f'<option value="{k}">{e(t["cards"][k])}</option>' for k in (ERROR, WARNING, OK))
    codes = sorted({c for vs in per_file for v in vs for c in v.rules})
    rule_opt = "".join(f'<option value="{e(c)}">{e(c)} {e(_rule_summary(c, lang)[1])}</option>' for c in codes)
    total = sum(len(vs) for vs in per_file)
    filters = (f'<div class="filters no-print">'
               f'<label>{e(t["file"])} <select id="f-file"><option value="">{e(t["all"])}</option>{files_opt}</select></label>'
               f'<label>{e(t["verdict"])} <select id="f-verdict"><option value="">{e(t["all"])}</option>{verdict_opt}</select></label>'
               f'<label>{e(t["rules"])} <select id="f-rule"><option value="">{e(t["all"])}</option>{rule_opt}</select></label>'
               f'<label><input type="search" id="f-search" placeholder="{e(t["search"])}" aria-label="{e(t["search"])}"></label>'
               f'<span id="shown"><b id="shown-n">{total}</b> / {total} {e(t["shown"])}</span></div>')
    return (f'<section><h2>{e(t["people"])}</h2>{filters}<table id="people"><thead><tr>{ths}</tr></thead>'
            f'{"".join(bodies)}</table></section>')


def _masked(v: Verdict) -> str:
    from .verdicts import mask
    return mask(v.key)


def _other_findings(results, per_file, lang, t) -> str:
    items = []
    for r, vs in zip(results, per_file):
        rows = {v.row for v in vs}
        fs = [f for f in r.findings if f.row is None or f.row not in rows]
        if fs:
            items.append(f'<li class="file-block" data-file="{e(r.path)}"><div class="path">{e(r.path)}</div><ul>'
                         + "".join(_finding_li(f, lang, t) for f in fs) + "</ul></li>")
    if not items:
        return ""
    return f'<section id="other"><h2>{e(t["other"])}</h2><ul class="other">{"".join(items)}</ul></section>'


CSS = """
:root{--err:#c62828;--warn:#b26a00;--ok:#2e7d32;--info:#1565c0;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{font-family:"Hiragino Sans","Yu Gothic","Meiryo","Noto Sans CJK JP",system-ui,sans-serif;margin:24px;color:#1f2328;font-size:14px;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
.meta{color:#57606a;font-size:12px}.note{color:#57606a;font-size:12px;margin-top:4px}
.totals{display:flex;flex-wrap:wrap;gap:8px;margin-top:16px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:96px;background:var(--bg)}
.card .n{display:block;font-size:22px;font-weight:700}.card .l{font-size:12px;color:#57606a}
.card.v-error .n,.card.errors .n,.card.unreadable .n{color:var(--err)}.card.v-warning .n,.card.warnings .n{color:var(--warn)}.card.v-ok .n{color:var(--ok)}
table{border-collapse:collapse;width:100%;margin-top:6px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
#files td.path{word-break:break-all}#files tr.unreadable td{background:#fff4f4}#files .why{color:var(--err);font-size:12px}
#files tfoot td{font-weight:700;background:var(--bg)}
.chart{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
#rule-chart text{font-size:12px;font-family:inherit}#rule-chart .bar-row{cursor:pointer}
.legend{list-style:none;padding:0;margin:0;font-size:12px;columns:2;max-width:640px}.legend li{break-inside:avoid}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:8px 0}
.filters select,.filters input{font:inherit;padding:3px 6px}.filters input{min-width:260px}
#shown{color:#57606a}
tbody.applicant{border-top:2px solid var(--line)}tbody.applicant[hidden]{display:none}
.verdict{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.verdict.v-error{background:#ffebe9;color:var(--err)}.verdict.v-warning{background:#fff8c5;color:var(--warn)}.verdict.v-ok{background:#dafbe1;color:var(--ok)}
tr.findings td{background:#fcfcfd;padding:2px 8px 6px 24px}
ul{margin:4px 0;padding-left:18px}li.finding{margin:3px 0}
.sev{font-size:11px;font-weight:700;padding:0 5px;border-radius:3px;color:#fff}
.sev-error .sev{background:var(--err)}.sev-warning .sev{background:var(--warn)}.sev-info .sev{background:var(--info)}
.where{font-family:ui-monospace,Consolas,monospace;font-size:12px}.rule{color:#57606a;font-size:12px}
.field{font-weight:600}.msg{margin-left:2px}.fix{color:#0b4f2a;font-size:12px}.fix span{font-weight:700}
td.key{font-family:ui-monospace,Consolas,monospace}
ul.other{list-style:none;padding:0}.file-block .path{font-weight:600;margin-top:8px}
@media print{
 body{margin:10mm;font-size:11px}.no-print{display:none!important}
 tbody.applicant,li.finding,.card,tr,.chart{break-inside:avoid}h2{break-after:avoid-page}
 #files td.path{font-size:10px}
 th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .verdict,.sev,rect{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 a{color:inherit;text-decoration:none}
}
"""

JS = """
(function(){
 var f=document.getElementById('f-file'),v=document.getElementById('f-verdict'),r=document.getElementById('f-rule'),
     s=document.getElementById('f-search'),n=document.getElementById('shown-n');
 if(!f)return;
 var rows=Array.prototype.slice.call(document.querySelectorAll('tbody.applicant'));
 function apply(){
  var q=s.value.trim().toLowerCase(),shown=0;
  rows.forEach(function(b){
   var ok=(!f.value||b.getAttribute('data-file')===f.value)&&(!v.value||b.getAttribute('data-verdict')===v.value)
     &&(!r.value||(' '+b.getAttribute('data-rules')+' ').indexOf(' '+r.value+' ')>=0)
     &&(!q||b.getAttribute('data-search').indexOf(q)>=0);
   b.hidden=!ok;if(ok)shown++;
  });
  n.textContent=shown;
 }
 [f,v,r].forEach(function(x){x.addEventListener('change',apply)});
 s.addEventListener('input',apply);
 Array.prototype.forEach.call(document.querySelectorAll('#rule-chart .bar-row'),function(g){
  g.addEventListener('click',function(){var c=g.getAttribute('data-rule');
   if(Array.prototype.some.call(r.options,function(o){return o.value===c})){r.value=c;apply();
    document.getElementById('people').scrollIntoView();}});
 });
 apply();
})();
"""


def render(results: list[FileResult], lang: str = "ja", skipped: int | None = None, **_) -> str:
    t = T["en" if lang == "en" else "ja"]
    per_file = [verdicts(r) for r in results]
    all_verdicts = [v for vs in per_file for v in vs]
    now = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    body = (f'<header><h1>{e(t["title"])}</h1><div class="meta">{e(t["generated"])}: {e(now)}</div>'
            f'<div class="note">{e(t["note"])}</div></header>'
            + _totals(results, all_verdicts, t, skipped)
            + _files_table(results, per_file, t, lang)
            + _chart(results, lang, t)
            + _people_table(results, per_file, lang, t)
            + _other_findings(results, per_file, lang, t))
    # no external reference of any kind: the page must work from disk, by mail, offline
    return (f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "ja"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            f"script-src 'unsafe-inline'; img-src data:\">"
            f'<title>{e(t["title"])}</title><style>{CSS}</style></head><body>{body}<script>{JS}</script></body></html>\n')
