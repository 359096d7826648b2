"""No module of claimcheck uses another module's private names.

A leading underscore means "this module's own business": what another module needs is
made public (no underscore) in the module that owns it. Checked on the syntax tree of every
module under ``src/claimcheck``:

* ``from claimcheck.x import _y`` (or the relative ``from .x import _y``), and
* ``m._y`` or ``getattr(m, "_y")`` where ``m`` is a claimcheck module imported as
  ``import claimcheck.x as m``, ``from claimcheck import x`` or ``import claimcheck.x``.

Dunder names (``__version__``) are not private, and a module may of course use its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
PACKAGE = SRC / "claimcheck"


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _name_of(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(dotted: str) -> bool:
    base = SRC.joinpath(*dotted.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _ours(dotted: str | None) -> bool:
    return dotted is not None and (dotted == "claimcheck" or dotted.startswith("claimcheck."))


def violations(source: str, module: str, is_package: bool) -> list[str]:
    """Every use in ``source`` (the text of ``module``) of another module's private name."""
    tree = ast.parse(source)
    package = module if is_package else module.rpartition(".")[0]
    found: list[str] = []
    modules: dict[str, str] = {}  # a local name → the claimcheck module it is bound to

    def resolve(name: str | None, level: int) -> str | None:
        if level == 0:
            return name
        base = package.split(".")
        if level > 1:
            base = base[: len(base) - (level - 1)]
        return ".".join(base + ([name] if name else []))

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            origin = resolve(node.module, node.level)
            if not _ours(origin):
                continue
            for alias in node.names:
                full = f"{origin}.{alias.name}"
                if _is_module(full):
                    modules[alias.asname or alias.name] = full
                if _private(alias.name) and origin != module:
                    found.append(f"line {node.lineno}: from {origin} import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _ours(alias.name):
                    if alias.asname:
                        modules[alias.asname] = alias.name
                    else:
                        modules[alias.name.partition(".")[0]] = alias.name.partition(".")[0]

    def module_of(expr: ast.expr) -> str | None:
        """The claimcheck module an expression such as ``m`` or ``claimcheck.x`` names."""
        if isinstance(expr, ast.Name):
            return modules.get(expr.id)
        if isinstance(expr, ast.Attribute):
            owner = module_of(expr.value)
            if owner is not None and _is_module(f"{owner}.{expr.attr}"):
                return f"{owner}.{expr.attr}"
        return None

    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            owner = module_of(node.value)
            if owner is not None and owner != module:
                found.append(f"line {node.lineno}: {owner}.{node.attr}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and _private(node.args[1].value)
        ):
            owner = module_of(node.args[0])
            if owner is not None and owner != module:
                found.append(f"line {node.lineno}: getattr({owner}, {node.args[1].value!r})")
    return found


def test_there_are_modules_to_check() -> None:
    names = {_name_of(p) for p in _modules()}
    assert {"claimcheck.cli", "claimcheck.claimfile.yaml", "claimcheck.report.verify.json", "claimcheck.scan.items"} <= names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_uses_another_modules_private_names(path: Path) -> None:
    found = violations(path.read_text(encoding="utf-8"), _name_of(path), path.name == "__init__.py")
    assert not found, f"{path.relative_to(ROOT)} uses private names of other modules: " + "; ".join(found)


# --- the checker itself ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "from claimcheck.numbers import _NUMBER_RE",
        "from claimcheck.numbers import MINUS, _grammar as grammar",
        "from .read import _BAD_CHAR",  # relative, inside claimcheck.claimfile
        "from ..numbers import _NUMBER_RE",
        "from claimcheck import numbers\nnumbers._NUMBER_RE",
        "from claimcheck import numbers as n\nx = n._grammar(True)",
        "import claimcheck.numbers as n\nn._NUMBER_RE",
        "import claimcheck.numbers\nclaimcheck.numbers._NUMBER_RE",
        "from claimcheck import claimfile\nclaimfile.yaml._node_classes()",
        "from claimcheck.claimfile import yaml\ngetattr(yaml, '_COMPOSER')",
        "def f():\n    from claimcheck.claimfile import read\n    return read._ODD_BREAK",
    ],
)
def test_the_checker_finds_private_use(source: str) -> None:
    assert violations(source, "claimcheck.claimfile.load", False)


@pytest.mark.parametrize(
    "source",
    [
        "from claimcheck.numbers import MINUS, parse_number",
        "from claimcheck import __version__",
        "from yaml.parser import Parser as _P",  # not ours: a public name under a private alias
        "import re\nre._pattern_type = None",
        "from claimcheck import numbers\nnumbers.MINUS",
        "from claimcheck.claimfile.load import _located\n_located()",  # its own name
        "class A:\n    def f(self):\n        return self._x",
        "from claimcheck.claimfile.model import ClaimFile\nClaimFile._shorthand",  # a class, not a module
    ],
)
def test_the_checker_allows_public_and_own_names(source: str) -> None:
    assert violations(source, "claimcheck.claimfile.load", False) == []


# --- module size -------------------------------------------------------------------------------

#: Past this many lines a module says, at its top, why it is one module.
LONG = 500


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_a_long_module_says_why_at_its_top(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if text.count("\n") <= LONG:
        return
    doc = ast.get_docstring(ast.parse(text)) or ""
    assert "longer than" in doc.lower(), (
        f"{path.relative_to(SRC)} has {text.count(chr(10))} lines: split it by stage, or say in its docstring "
        "why it is longer than the other modules"
    )
