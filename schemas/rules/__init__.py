"""Rule registry: every rule is a small named unit with its code, severity, messages and explanation.

A rule declares, in one place (its own module zlNNN_name.py here, or a family module): its documentation
(what it checks / why with its 根拠 source / example / fix), its message parameters, its message and fix
hint in ja and en, its default severity and source, and where its check runs: the kind of data it reads
(`on`) and the module that holds the check (`by`). A rule that is one unit holds its check too (`check`). `zairyu-lint rules`, `zairyu-lint explain CODE`, the SARIF rule list and
docs/rules.md (schemas.rules.docs) are generated from this registry, so they cannot drift from the code.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
# the data a rule's check runs on
DATA_KINDS = {
    "file": ("ファイル（読み込み・テンプレートの判定・シートの構成）", "the file (reading, template identity, sheet layout)"),
    "cell-table": ("セルの表（列項目TBLの1セルごとの検査）", "the cell table (one cell at a time, by the column table)"),
    "applicant-frame": ("申請人の表（申請人1人ごとに項目を組み合わせる検査）", "the applicant frame (fields combined per applicant)"),
    "run": ("実行全体（複数のファイルにまたがる検査）", "the whole run (across files)"),
    "upload-line": ("アップロードファイルの行", "an upload file's line"),
}
LANGS = ("ja", "en")
# where a rule's fact comes from (README "重大度の方針 / Severity policy"):
#   official-tool  the official workbook's VBA rejects the value
#   online-system  the online system or its upload rejects it (ISA's own pages say so)
#   cited          a public rule or ISA page states it (cited by page / document and section)
#   unverified     no source found; such a rule is never an error
#   linter         not a claim about the application: the file could not be (fully) checked (ZL021, ZL025,
#                  ZL032, ZL033); an error so that an unchecked file never counts as passed
SOURCE_KINDS = ("official-tool", "online-system", "cited", "unverified", "linter")
ERROR_KINDS = ("official-tool", "online-system", "cited", "linter")
KIND_LABELS = {"official-tool": ("公式ツール", "official tool"), "online-system": ("申請システム", "online system"),
               "cited": ("公開資料", "cited"), "unverified": ("未確認", "unverified"),
               "linter": ("未検査", "not checked")}


@dataclass(frozen=True)
class Source:
    """The ground of a rule: its kind and a citation (document + section or page address, and the fact)."""
    kind: str
    ja: str
    en: str

    def line(self, lang: str = "ja") -> str:
        label = KIND_LABELS[self.kind][1 if lang == "en" else 0]
        return f"Source: [{label}] {self.en}" if lang == "en" else f"根拠: 〔{label}〕{self.ja}"


def official_tool(ja: str = "", en: str = "") -> Source:
    return Source("official-tool", ja or "公式ツールの列項目TBLとVBA（mdlChk）がこの値を拒否します。",
                  en or "the official tool's column table 列項目TBL and its VBA (module mdlChk) reject the value.")


# the basis the column-table rules (ZL1xx) name in their explanations
COLUMN_TABLE_BASIS = ("根拠: 公式ツールの列項目TBLとVBA（mdlChk）",
                      "Basis: the official tool's column table 列項目TBL and its VBA (module mdlChk)")


def online_system(ja: str, en: str) -> Source:
    return Source("online-system", ja, en)


def cited(ja: str, en: str) -> Source:
    return Source("cited", ja, en)


def unverified(ja: str, en: str) -> Source:
    return Source("unverified", ja, en)


def linter(ja: str, en: str) -> Source:
    return Source("linter", ja, en)


@dataclass(frozen=True)
class Text:
    """A message parameter that is language text itself (a reason, a description of what was found).

    Findings keep their parameters as data and are rendered at the edges in the chosen language, so a
    parameter that is prose carries both languages; `Rule.message` picks the finding's one."""
    ja: str
    en: str

    def get(self, lang: str = "ja") -> str:
        return self.en if lang == "en" else self.ja

    def __add__(self, other: "Text") -> "Text":
        return Text(self.ja + other.ja, self.en + other.en)

    def __str__(self) -> str:
        return self.ja


def raised(exc: BaseException, limit: int = 160) -> str:
    """What a check raised, shortened for its ZL033 finding."""
    return f"{type(exc).__name__}: {str(exc).strip()[:limit]}"


def check_did_not_run(code: str, detail: str) -> dict:
    """ZL033's parameters for one check that raised on a file (the file is not fully checked; the others ran)."""
    return {"reason": Text(f"{code} の検査: {detail}", f"check {code}: {detail}"),
            "hint": Text("この検査は行われていないため、このファイルは検査済みではありません（ほかの検査は行われました）。"
                         "可能であればファイルを添えて報告してください。",
                         "That check did not run, so this file is not fully checked; the other checks ran. "
                         "Please report this with the file if you can.")}


def rendered(params: dict, lang: str) -> dict:
    """The parameters as the message template takes them: each Text in `lang`."""
    return {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in params.items()}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary_ja: str
    summary_en: str
    message_ja: str          # str.format template; keys documented by each rule
    message_en: str
    explain_ja: str          # what it checks / why (with its source) / example / fix
    explain_en: str
    source: Source | None = None
    on: str = ""                 # the data its check runs on (DATA_KINDS)
    by: str = ""                 # the module holding its check (the producer of its findings)
    params: tuple[str, ...] = ()  # the message parameters every finding of this rule carries
    fix_ja: str = ""             # what `zairyu-lint fix` does for it ("" = no mechanical fix)
    fix_en: str = ""
    # a rule that is one unit (its own module zlNNN_*.py) registers its check here: for the applicant
    # frame, check(F) -> [schemas.business.BCheck]; for the cell table, check(t: schemas.cell_table.CellTable)
    # -> bool array (True passes) and report(t, positions) -> [CellReport] (where each finding goes and its
    # message parameters); for the file's layout, check(layout: schemas.sheet_layout.SheetLayout) -> [Violation];
    # for an upload file, check(f: schemas.upload_file.UploadFile) -> [UploadViolation]; for the run,
    # check(seen, path, keys) -> [Violation]; the engine, the sheet schema, linter.upload and linter.crossfile
    # find them through the registry
    check: object = field(default=None, compare=False, repr=False)
    report: object = field(default=None, compare=False, repr=False)

    def fix(self, lang: str = "ja") -> str:
        return self.fix_en if lang == "en" else self.fix_ja

    def summary(self, lang: str = "ja") -> str:
        return self.summary_en if lang == "en" else self.summary_ja

    def message(self, lang: str = "ja", **params) -> str:
        tmpl = self.message_en if lang == "en" else self.message_ja
        return tmpl.format(**rendered(params, lang))

    def explain(self, lang: str = "ja") -> str:
        text = self.explain_en if lang == "en" else self.explain_ja
        return f"{text}\n{self.source.line(lang)}" if self.source is not None else text

    @property
    def source_kind(self) -> str:
        return self.source.kind if self.source is not None else ""


RULES: dict[str, Rule] = {}


def template_fields(template: str) -> list[str]:
    """The parameter names a str.format template uses."""
    return [f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(template) if f]


def rule(code: str, name: str, severity: str, *, summary: tuple[str, str], message: tuple[str, str],
         explain: tuple[str, str], source: Source | None = None, on: str = "", by: str = "",
         params: tuple[str, ...] | None = None, fix: tuple[str, str] | None = None, check=None,
         report=None) -> Rule:
    assert severity in SEVERITIES, severity
    assert code not in RULES, f"duplicate rule code {code}"
    if source is not None:
        assert source.kind in SOURCE_KINDS, source.kind
        # the severity policy: an error must be earned by the tool, the system or a cited rule
        assert severity != "error" or source.kind in ERROR_KINDS, f"{code}: an error needs a source that earns it"
    # where its check runs, and the parameters its message needs: declared, never guessed
    assert on in DATA_KINDS, f"{code}: unknown data kind {on!r}"
    assert by, f"{code}: no check declared"
    assert params is not None, f"{code}: message parameters not declared"
    assert on != "cell-table" or (check is None) == (report is None), f"{code}: a cell-table check needs its report"
    used = set(template_fields(message[0])) | set(template_fields(message[1]))
    assert used == set(params), f"{code}: declared parameters {sorted(params)} but the messages use {sorted(used)}"
    r = Rule(code, name, severity, summary[0], summary[1], message[0], message[1],
             explain[0].strip(), explain[1].strip(), source, on, by, tuple(params),
             *((fix[0], fix[1]) if fix else ("", "")), check, report)
    RULES[code] = r
    return r


def get(code: str) -> Rule:
    _load()
    return RULES[code]


def all_rules() -> list[Rule]:
    _load()
    return [RULES[c] for c in sorted(RULES)]


FAMILIES = ("file_rules", "robust_rules")


def rule_modules() -> list[str]:
    """The family modules, then every one-rule module (zlNNN_name.py) of this package."""
    from pathlib import Path
    units = sorted(p.stem for p in Path(__file__).parent.glob("zl[0-9][0-9][0-9]_*.py"))
    return list(FAMILIES) + units


_LOADED: list[tuple[str, ...]] = []   # the module list last loaded completely


def _load() -> None:
    # importing the rule modules registers their rules; a missing module is an ImportError, never a quiet skip.
    # Called on every look-up: once all modules are in, only FAMILIES is compared (no file-system scan).
    import importlib
    if _LOADED and _LOADED[0][: len(FAMILIES)] == FAMILIES:
        return
    names = rule_modules()
    for name in names:
        importlib.import_module(f"{__name__}.{name}")
    _LOADED[:] = [tuple(names)]


def checks_on(kind: str) -> list[Rule]:
    """The rules whose own module registered a check on this kind of data (DATA_KINDS)."""
    return [r for r in all_rules() if r.on == kind and r.check is not None]


def matches(code: str, patterns: list[str] | tuple[str, ...]) -> bool:
    """Prefix matching for --select/--ignore: 'ZL1' matches ZL101..ZL199, 'ZL' everything."""
    return any(code.startswith(p.strip().upper()) for p in patterns if p.strip())
