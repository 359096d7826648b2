"""Claim-file text → :class:`Loaded`: the model, or every problem that kept it from loading.

A broken file is a value (:class:`Loaded` with problems), never an exception, so every
other file is still checked.

Most files in an archive are valid, and for a valid file the work of remembering where
every node is goes unused, except for where each claim starts (the reports print it). So
:func:`load_text` composes the text once and walks the tree in **lean** mode first
(:class:`~claimcheck.claimfile.yaml.Walker`): the same data under the same rules, only the
claims' starts recorded. Whenever the lean walk gives up, or the models or the
cross-reference checks find any problem, the same tree is walked again in **located** mode
and validated again (:func:`load_located`), so every error message and location comes from
the located walk and never differs. Locations asked for later (the column of an
expression that fails to evaluate) come from
:class:`~claimcheck.claimfile.yaml.LazyLocations`. The timings are in
``benchmarks/RESULTS.md``; the YAML parsers weighed for the first pass, and why none
replaced libyaml, are in ``benchmarks/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from claimcheck.claimfile.errors import pydantic_problem
from claimcheck.claimfile.read import DEFAULT_MAX_BYTES, discover, read_text
from claimcheck.claimfile.xref import cross_references
from claimcheck.claimfile.yaml import GiveUp, LazyLocations, Locations, Walker, compose, locate_alias
from claimcheck.results import Problem


@dataclass(frozen=True, slots=True)
class Loaded:
    """One file, loaded: the model, or the problems that kept it from loading."""

    path: str
    model: Any = None  # claimcheck.claimfile.model.ClaimFile
    problems: tuple[Problem, ...] = ()
    locs: Locations | None = None
    #: the numbers of the figures taken from tables, by data path
    #: (:class:`claimcheck.tables.TableValue`); empty when no figure names a table
    tables: Mapping[tuple, Any] = field(default_factory=dict)
    #: every table read, as (absolute path, SHA-256 of its bytes), for the cache
    inputs: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.model is not None and not self.problems


def load_text(path: str, text: str) -> Loaded:
    """Load claim-file text: YAML → data → :class:`~claimcheck.claimfile.model.ClaimFile`,
    by the lean walk when it vouches for the file, else by the located one."""
    node, problem = compose(path, text)
    if problem is not None:
        return Loaded(path, problems=(problem,))
    walker = Walker(path, located=False)
    try:
        data = walker.walk(node)
    except GiveUp:
        return walk_located(path, text, node)
    loaded = validate_data(path, data, LazyLocations(path, node, walker.locs.values), placeholders_walked=True)
    if loaded.problems:
        return walk_located(path, text, node)
    return with_tables(loaded)


def load_located(path: str, text: str) -> Loaded:
    """Load claim-file text by the located walk alone (what :func:`load_text` falls back
    to): every node located, every problem reported."""
    node, problem = compose(path, text)
    if problem is not None:
        return Loaded(path, problems=(problem,))
    return walk_located(path, text, node)


def walk_located(path: str, text: str, node: Any) -> Loaded:
    """The composed root ``node`` of ``text`` → :class:`Loaded`, by the located walk."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if not isinstance(node, MappingNode):
        if isinstance(node, ScalarNode) and not node.style and node.value == "":
            # A lone '---' (or '--- # comment'): an empty document, located past the end.
            return Loaded(path, problems=(Problem(path, 1, 1, "file is empty"),))
        m = node.start_mark
        kind = "a list" if isinstance(node, SequenceNode) else "a single value"
        return Loaded(path, problems=(Problem(path, m.line + 1, m.column + 1, f"the top level must be a mapping (title:, sources:, figures:, claims:), not {kind}"),))
    walker = Walker(path)
    data = walker.walk(node)
    if walker.alias_found:
        walker.problems.insert(0, locate_alias(path, text))
    if walker.problems:
        return Loaded(path, problems=tuple(sorted_problems(walker.problems)), locs=walker.locs)
    return with_tables(validate_data(path, data, walker.locs))


def with_tables(loaded: Loaded) -> Loaded:
    """A valid file with its table figures read (:mod:`claimcheck.tables`, imported only
    when a figure names a table), or the problems reading them met."""
    if not loaded.ok or not _names_a_table(loaded.model):
        return loaded
    from claimcheck.tables import read_tables

    return read_tables(loaded)


def _names_a_table(model: Any) -> bool:
    if any(f.from_ is not None for f in model.figures.values()):
        return True
    return any(f.from_ is not None for item in (*model.claims, *model.checks) for f in item.figures.values())


def load_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Read, decode and load one file."""
    text, problem = read_text(path, max_bytes)
    if problem is not None:
        return Loaded(path, problems=(problem,))
    return load_text(path, text)  # type: ignore[arg-type]


def load_paths(paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterable[Loaded]:
    """Load every file the paths name, in order; problems of discovery come as results."""
    for item in discover(paths):
        if isinstance(item, Problem):
            yield Loaded(item.path, problems=(item,))
        else:
            yield load_file(item, max_bytes)


def validate_data(path: str, data: Any, locs: Locations, *, placeholders_walked: bool = False) -> Loaded:
    """Validate plain data against the models, then check cross-references.

    ``placeholders_walked``: the data comes from a lean walk, which gives up on any value
    holding ``TODO``, so it holds no placeholder and is not walked again for one (one
    walk of the tree, not two)."""
    from pydantic import ValidationError

    from claimcheck.claimfile.model import ClaimFile

    problems = [] if placeholders_walked else placeholders(path, data, locs)
    try:
        model = ClaimFile.model_validate(data)
    except ValidationError as e:
        problems += [pydantic_problem(path, err, locs) for err in e.errors(include_url=False)]
        return Loaded(path, problems=tuple(sorted_problems(problems)), locs=locs)
    problems += cross_references(path, model, locs)
    if problems:
        return Loaded(path, problems=tuple(sorted_problems(problems)), locs=locs)
    return Loaded(path, model=model, locs=locs)


def is_placeholder(text: str) -> bool:
    """Whether a value is what ``claimcheck new`` and ``scan --emit-yaml`` write where
    only the reporter knows the answer: ``TODO``, ``TODO: …`` (the schema's
    ``PLACEHOLDER_PATTERN``)."""
    import re

    from claimcheck.claimfile.model import PLACEHOLDER_PATTERN

    return re.match(PLACEHOLDER_PATTERN, text) is not None


def placeholders(path: str, data: Any, locs: Locations) -> list[Problem]:
    """A located problem for every text value still holding a scaffold's ``TODO``: a file
    that verifies as "accurate" with a made-up speaker would publish the template."""
    out: list[Problem] = []

    def walk(node: Any, at: tuple) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, at + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, at + (i,))
        elif isinstance(node, str) and is_placeholder(node):
            line, col = locs.of(at)
            field = next((p for p in reversed(at) if isinstance(p, str)), "value")
            shown = node.strip() if len(node.strip()) <= 50 else node.strip()[:49] + "…"
            out.append(Problem(path, line, col, f"'{field}' is still a placeholder ('{shown}'); fill it in"))

    walk(data, ())
    return out


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """In file order (line, then column), each distinct problem once."""
    seen: set[tuple] = set()
    out = []
    for p in sorted(problems, key=lambda p: (p.line, p.col)):
        k = (p.line, p.col, p.message)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out
