"""The product's imports, read from the source (ast), not by importing it.

- No import cycle between modules of the product packages (linter, schemas, xl_addin). Counted: imports
  that run when the module is imported (module level, also inside if/try and class bodies; not under
  `if TYPE_CHECKING:`). Not counted: imports inside a function body, which run only when called and so
  cannot form an import-time cycle; they still count for every rule below.
- Dependencies run one way: xl_addin uses linter and schemas; linter never imports xl_addin; schemas
  imports neither linter nor xl_addin (at any level, including by a name given to importlib).
- The product contains no test engine or sample generator: no product module imports devtools, tests or
  conftest, and none of the dev modules lives in a product package.
- A third-party import of the product is a declared need: linter and schemas only use [project]
  dependencies; xl_addin also its extras `addin` and `server` (xlwings is not needed to lint).
"""
from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]
PRODUCT = ("linter", "schemas", "xl_addin")
DEV = ("devtools", "tests", "conftest", "benchmarks", "fuzz")
# files under a product package that are not its modules: the xlwings Server project `addin server` copies out
TEMPLATES = REPO / "xl_addin" / "templates"


def module_name(path: Path, root: Path = REPO) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


class Imports(ast.NodeVisitor):
    """(imported module, line, at import time?) for one module; relative imports made absolute."""

    def __init__(self, name: str, is_package: bool):
        self.package = name if is_package else name.rpartition(".")[0]
        self.found: list[tuple[str, int, bool]] = []
        self.depth = 0          # inside a function body

    def _add(self, target: str, node):
        self.found.append((target, node.lineno, self.depth == 0))

    def visit_FunctionDef(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_Lambda = visit_FunctionDef

    def visit_If(self, node):
        test = node.test
        if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
                (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"):
            self.depth += 1     # for type checkers only: never run
            for child in node.body:
                self.visit(child)
            self.depth -= 1
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_Import(self, node):
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node):
        if node.level:
            base = self.package.split(".")
            base = base[:len(base) - (node.level - 1)]
            module = ".".join(base + ([node.module] if node.module else []))
        else:
            module = node.module
        self._add(module, node)
        for alias in node.names:      # `from pkg import mod` imports the module pkg.mod
            self._add(f"{module}.{alias.name}", node)

    def visit_Call(self, node):
        # importlib.import_module("x") / __import__("x") with a literal name
        fn = node.func
        name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", None)
        if name in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            self._add(node.args[0].value, node)
        self.generic_visit(node)


def source_files(packages=PRODUCT, root: Path = REPO) -> list[Path]:
    return sorted(p for pkg in packages for p in (root / pkg).rglob("*.py") if "__pycache__" not in p.parts)


def read_imports(packages=PRODUCT, root: Path = REPO) -> dict[str, list[tuple[str, int, bool]]]:
    out = {}
    for path in source_files(packages, root):
        name = module_name(path, root)
        visitor = Imports(name, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        out[name] = visitor.found
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module, or a module importing itself (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = iter(range(1 << 30))

    def visit(v):
        index[v] = low[v] = next(counter)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in graph.get(v, ()):
                found.append(sorted(comp))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def import_time_graph(imports) -> dict[str, set[str]]:
    modules = set(imports)
    return {m: {t for t, _, now in found if now and t in modules and t != m} | {t for t, _, now in found if now and t == m}
            for m, found in imports.items()}


def top(name: str) -> str:
    return name.split(".")[0]


def is_template(module: str) -> bool:
    return module.startswith("xl_addin.templates")


@pytest.fixture(scope="module")
def imports():
    return read_imports()


# -- the rules -------------------------------------------------------------------------------------------------
def test_no_import_cycle(imports):
    assert cycles(import_time_graph(imports)) == []


def forbidden(imports, rules: dict[str, tuple[str, ...]]) -> list[str]:
    """'module:line imports target' for every import from a package in `rules` into one it must not use."""
    bad = []
    for module, found in imports.items():
        banned = rules.get(top(module), ())
        for target, line, _ in found:
            if target and top(target) in banned:
                bad.append(f"{module}:{line} imports {target}")
    return sorted(set(bad))


def test_dependencies_run_one_way(imports):
    rules = {"linter": ("xl_addin",), "schemas": ("linter", "xl_addin")}
    assert forbidden(imports, rules) == []


def test_no_dev_tool_in_the_product(imports):
    assert forbidden(imports, {pkg: DEV for pkg in PRODUCT}) == []
    dev_modules = {p.stem for p in (REPO / "devtools").glob("*.py")} - {"__init__"}
    assert dev_modules >= {"samplegen", "bare", "openpyxl_engine", "preview"}
    product_modules = {p.stem for p in source_files()}
    assert not dev_modules & product_modules


def test_devtools_is_not_installed():
    find = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]["find"]
    import fnmatch
    assert not any(fnmatch.fnmatch(pkg, pattern) for pkg in ("devtools", "devtools.x", "tests")
                   for pattern in find["include"])


def declared(project: dict, extras: tuple[str, ...] = ()) -> set[str]:
    reqs = list(project["dependencies"]) + [r for e in extras for r in project["optional-dependencies"][e]]
    return {Requirement(r).name.lower().replace("_", "-") for r in reqs}


def test_third_party_imports_are_declared(imports):
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    allowed = {"linter": declared(project), "schemas": declared(project),
               "xl_addin": declared(project, ("addin", "server"))}
    dists = {k: {d.lower().replace("_", "-") for d in v} for k, v in packages_distributions().items()}
    bad = []
    for module, found in imports.items():
        if is_template(module):
            continue           # the server project's own code, with its own requirements
        for target, line, _ in found:
            name = top(target or "")
            if not name or name in sys.stdlib_module_names or name in PRODUCT or name == "__future__":
                continue
            if not dists.get(name, set()) & allowed[top(module)]:
                bad.append(f"{module}:{line} imports {target} ({', '.join(sorted(dists.get(name, {'?'})))}), "
                           f"not a declared need of {top(module)}")
    assert sorted(set(bad)) == []


# -- the reader itself, on a scratch tree: each rule fails when broken ----------------------------------------
def test_the_reader_finds_what_the_rules_forbid(tmp_path):
    def write(rel: str, text: str):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    for pkg in PRODUCT:
        write(f"{pkg}/__init__.py", "")
    write("linter/a.py", "from . import b\n")
    write("linter/b.py", "from .a import x\n")                               # a cycle at import time
    write("linter/c.py", "def f():\n    from xl_addin import painting\n")  # deferred, but the wrong way
    write("linter/d.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .e import y\n")
    write("linter/e.py", "from .d import z\n")                               # only a type-checking edge back
    write("schemas/s.py", "import importlib\nimportlib.import_module('linter.a')\n")
    write("xl_addin/x.py", "from devtools.openpyxl_engine import open_book\n")
    got = read_imports(root=tmp_path)
    assert cycles(import_time_graph(got)) == [["linter.a", "linter.b"]]
    assert forbidden(got, {"linter": ("xl_addin",), "schemas": ("linter", "xl_addin")}) == \
        ["linter.c:2 imports xl_addin", "linter.c:2 imports xl_addin.painting", "schemas.s:2 imports linter.a"]
    assert forbidden(got, {pkg: DEV for pkg in PRODUCT}) == \
        ["xl_addin.x:1 imports devtools.openpyxl_engine", "xl_addin.x:1 imports devtools.openpyxl_engine.open_book"]
