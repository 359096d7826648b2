"""The fast parse path: a first pass for files that turn out valid; everything else goes to
the located loader, :func:`claimcheck.loading.load_text`.

Most claim files in an archive are valid, and for a valid file the located loader's work of
remembering where every node is goes unused, except for where each claim starts (the
reports print it). So :func:`load_text` first composes the file with the same libyaml
parser and walks it with a lean walker that

* builds the same plain data under the same rules (YAML 1.2 scalars: only ``true``/
  ``false`` are booleans, ``null``/``~``/empty is null, every other scalar is text),
* records only where each claim and check starts, and
* gives up at anything unusual — an alias or anchor reuse, any explicit tag, a duplicate
  key, a key that is not plain text, an empty value in a flow mapping (the "1,224" split),
  a lone surrogate, nesting past :data:`~claimcheck.loading.MAX_DEPTH` — and then the file
  is loaded by :func:`claimcheck.loading.load_text` from the start.

The data is validated by :func:`claimcheck.loading.validate_data`, the same models and
cross-reference checks; if that finds any problem, the file is again loaded by the located
loader, so **every error message and location comes from the located loader** and never
differs. Locations the engine asks for beyond a claim's start (the column of an expression
that fails to evaluate) are computed on demand by re-walking the file with the located
walker. ``tests/test_fastpath.py`` holds the two paths to identical results.

Measured in ``benchmarks/RESULTS.md``; the YAML parsers weighed for a faster first pass,
and why none replaced libyaml, are in ``benchmarks/README.md``.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck import loading
from claimcheck.loading import MAX_DEPTH, Loaded, Locations, PathT

_TRUE = loading._TRUE
_FALSE = loading._FALSE
_NULL = loading._NULL
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Bail(Exception):
    """Something the lean walker does not vouch for: use the located loader."""


class LazyLocations(Locations):
    """Where each claim and check starts, known at once; anything else is found on demand
    by the located walker, the first time it is asked for."""

    __slots__ = ("_path", "_text", "_full")

    def __init__(self, path: str, text: str, starts: dict[PathT, tuple[int, int]]) -> None:
        super().__init__(values=starts)
        self._path = path
        self._text = text
        self._full: Locations | None = None

    def full(self) -> Locations:
        if self._full is None:
            node, problem = loading.compose(self._path, self._text)
            walker = loading._Walker(self._path)
            if problem is None:
                try:
                    walker.build(node)
                except loading._Stop:  # pragma: no cover - the fast walk accepted this file
                    pass
            self._full = walker.locs
        return self._full

    def of(self, path: PathT) -> tuple[int, int]:
        hit = self.values.get(tuple(path))
        if hit is not None:
            return hit
        return self.full().of(path)

    def key_of(self, path: PathT) -> tuple[int, int]:
        return self.full().key_of(path)

    def in_text(self, path: PathT, col: int | None) -> tuple[int, int]:
        return self.full().in_text(path, col)


def _walk(root) -> tuple[Any, dict[PathT, tuple[int, int]]]:  # noqa: ANN001
    """Node tree → data, the same as the located walker makes, or :class:`_Bail`."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    seen: set[int] = set()
    starts: dict[PathT, tuple[int, int]] = {}

    def scalar(node) -> Any:  # noqa: ANN001
        if node.tag != "?":
            raise _Bail
        value = node.value
        if _SURROGATE.search(value):
            raise _Bail
        if not node.style:
            if value in _TRUE:
                return True
            if value in _FALSE:
                return False
            if value in _NULL:
                return None
        return value

    def build(node, depth: int, top: str | None) -> Any:  # noqa: ANN001
        # ``top`` is "claims"/"checks" for the list items whose start the reports print.
        if depth > MAX_DEPTH:
            raise _Bail
        nid = id(node)
        if nid in seen:
            raise _Bail  # an alias: the composer hands back the anchored node again
        seen.add(nid)
        kind = type(node)
        if kind is ScalarNode:
            return scalar(node)
        if node.tag != "?":
            raise _Bail
        if kind is MappingNode:
            out: dict[str, Any] = {}
            flow = node.flow_style
            for key_node, value_node in node.value:
                if type(key_node) is not ScalarNode or key_node.tag != "?":
                    raise _Bail
                key = key_node.value
                if key in out or _SURROGATE.search(key):
                    raise _Bail
                if flow and type(value_node) is ScalarNode and value_node.value == "" and not value_node.style:
                    raise _Bail  # maybe `{value: 1,224}` split at the comma
                if depth == 0 and key in ("claims", "checks"):
                    out[key] = build(value_node, 1, key)
                else:
                    out[key] = build(value_node, depth + 1, None)
            return out
        if kind is SequenceNode:
            items = []
            for i, item in enumerate(node.value):
                if top is not None:
                    m = item.start_mark
                    starts[(top, i)] = (m.line + 1, m.column + 1)
                    if type(item) is MappingNode:
                        # The cross-reference check reads every id's line (duplicate ids).
                        for key_node, value_node in item.value:
                            if key_node.value == "id":
                                m = value_node.start_mark
                                starts[(top, i, "id")] = (m.line + 1, m.column + 1)
                                break
                items.append(build(item, depth + 1, None))
            return items
        raise _Bail  # pragma: no cover - the composer makes no other node

    if type(root) is not MappingNode:
        raise _Bail
    m = root.start_mark
    starts[()] = (m.line + 1, m.column + 1)
    return build(root, 0, None), starts


def load_text(path: str, text: str) -> Loaded:
    """Load claim-file text: the lean first pass when it vouches for the file, else (and
    whenever the file has any problem) :func:`claimcheck.loading.load_text`."""
    node, problem = loading.compose(path, text)
    if problem is not None:
        return loading.load_text(path, text)
    try:
        data, starts = _walk(node)
    except _Bail:
        return loading.load_text(path, text)
    locs = LazyLocations(path, text, starts)
    loaded = loading.validate_data(path, data, locs)
    if loaded.problems:
        return loading.load_text(path, text)
    return loaded


def load_file(path: str, max_bytes: int = loading.DEFAULT_MAX_BYTES) -> Loaded:
    """:func:`claimcheck.loading.load_file` with the fast first pass."""
    text, problem = loading.read_text(path, max_bytes)
    if problem is not None:
        return Loaded(path, problems=(problem,))
    return load_text(path, text)  # type: ignore[arg-type]
