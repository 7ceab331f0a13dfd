"""Rule registry: every rule is a small named unit with its code, severity, messages and explanation.

Messages live next to the rule (Japanese first, English second). `zairyu-lint rules` and
`zairyu-lint explain CODE` are generated from this registry, so they cannot drift from the code.
"""
from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")
LANGS = ("ja", "en")


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

    def summary(self, lang: str = "ja") -> str:
        return self.summary_en if lang == "en" else self.summary_ja

    def message(self, lang: str = "ja", **params) -> str:
        tmpl = self.message_en if lang == "en" else self.message_ja
        return tmpl.format(**params)

    def explain(self, lang: str = "ja") -> str:
        return self.explain_en if lang == "en" else self.explain_ja


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: str, *, summary: tuple[str, str], message: tuple[str, str],
         explain: tuple[str, str]) -> Rule:
    assert severity in SEVERITIES, severity
    assert code not in RULES, f"duplicate rule code {code}"
    r = Rule(code, name, severity, summary[0], summary[1], message[0], message[1],
             explain[0].strip(), explain[1].strip())
    RULES[code] = r
    return r


def get(code: str) -> Rule:
    _load()
    return RULES[code]


def all_rules() -> list[Rule]:
    _load()
    return [RULES[c] for c in sorted(RULES)]


def _load() -> None:
    # importing the family modules registers their rules
    from . import file_rules, column_rules, damage_rules, upload_rules, robust_rules  # noqa: F401
    try:
        from . import format_rules, contradiction_rules, ssw_rules, filing_rules  # noqa: F401
    except ImportError:
        pass


def matches(code: str, patterns: list[str] | tuple[str, ...]) -> bool:
    """Prefix matching for --select/--ignore: 'ZL1' matches ZL101..ZL199, 'ZL' everything."""
    return any(code.startswith(p.strip().upper()) for p in patterns if p.strip())
