"""Text → YAML node tree → plain data, under claimcheck's own rules, with locations.

The text is composed by libyaml (PyYAML's C parser) with no implicit typing, so every
scalar arrives as text, and one :class:`Walker` turns the node tree into plain data (dict,
list, str, bool, None). The rules are YAML 1.2's, not PyYAML's:

* only ``true``/``false`` are booleans, ``null``/``~``/empty is null, and every other
  scalar stays text — numbers are read by the models' own grammar, so ``012``, ``0x1F``,
  ``1:20``, ``.nan`` and ``2024-02-30`` never become surprises;
* aliases, tags other than plain text, duplicate keys, keys that are not text, nesting
  deeper than :data:`MAX_DEPTH` and lone surrogate escapes are refused with their location;
  a flow mapping split at a thousands comma (``{value: 1,224}``) gets the hint to quote
  the number.

The walker has two modes. **Located** records every node's line and column and reports
every problem. **Lean** records only where each claim and check (and its ``id``) starts —
all a report of a valid file needs — and gives up (:class:`GiveUp`) at anything unusual,
after which the caller walks the same tree in located mode. :class:`LazyLocations` answers
any other location a lean walk did not record by walking the already composed tree in
located mode, once, when first asked. The scalar rules are :func:`plain_scalar`, shared by
both modes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from claimcheck.claimfile.errors import one_line
from claimcheck.results import Problem

#: Deepest nesting of mappings and lists accepted; a claim file needs 6. Deeper input is
#: refused before it can exhaust the stack.
MAX_DEPTH = 32

Loc = tuple[int, int]
PathT = tuple[Any, ...]

# --- the scalar rules (YAML 1.2 core schema, booleans and null only) ---------------------

#: What a plain (unquoted, untagged) scalar means when it is not text.
PLAIN_VALUES: dict[str, Any] = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
    **dict.fromkeys(("", "~", "null", "Null", "NULL"), None),
}


def plain_scalar(value: str) -> Any:
    """A plain scalar's value: ``True``, ``False``, ``None`` or the text itself."""
    return PLAIN_VALUES.get(value, value)


STR_TAG = "tag:yaml.org,2002:str"
#: Tags a located walk accepts on a scalar (``!`` and ``!!str`` both mean text).
TEXT_TAGS = frozenset({"?", "!", STR_TAG})
#: Tags a located walk accepts on a mapping or a list.
COLLECTION_TAGS = frozenset({"?", "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
SURROGATE = re.compile("[\ud800-\udfff]")
#: What a scalar may not hold however it is written: a lone surrogate, or a line separator
#: other than LF. claimfile.read.decode refuses U+0085, U+2028 and U+2029 raw; written as
#: the escapes \N, \L, \P (or \x85, \u2028, \u2029) they reached every report, where a
#: terminal, an editor or a JSON-in-HTML reader breaks the line.
UNSTORABLE = re.compile("[\ud800-\udfff\x85\u2028\u2029]")


def unstorable(value: str) -> str:
    """Why a scalar's value cannot be held: the message for its first refused character."""
    m = UNSTORABLE.search(value)
    assert m is not None
    ch = m.group()
    if SURROGATE.match(ch):
        return "a lone surrogate escape (such as \\ud800) is not valid text"
    escape = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}[ch]
    return f"escaped line separator U+{ord(ch):04X} ({escape}) is not allowed in a claim file; write a space or \\n instead"
_SPLIT_KEY = re.compile(r"\d{3}")
_SPLIT_HEAD = re.compile(r"[+-]?\d{1,3}")
#: The lists whose items' starts a lean walk records (the reports print them).
_LISTED = frozenset({("claims",), ("checks",)})


def short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:int`` as ``!!int``; a custom tag as written."""
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


# --- locations ----------------------------------------------------------------------------


@dataclass(slots=True)
class Locations:
    """Where each node of a file is: value and key positions by data path."""

    values: dict[PathT, Loc] = field(default_factory=dict)
    keys: dict[PathT, Loc] = field(default_factory=dict)
    styles: dict[PathT, str] = field(default_factory=dict)  # scalar style: '' plain, "'", '"', '|', '>'

    def of(self, path: PathT) -> Loc:
        """The value at ``path``, or its nearest located ancestor."""
        p = tuple(path)
        while p:
            hit = self.values.get(p)
            if hit is not None:
                return hit
            p = p[:-1]
        return self.values.get((), (1, 1))

    def key_of(self, path: PathT) -> Loc:
        return self.keys.get(tuple(path)) or self.of(path)

    def in_text(self, path: PathT, col: int | None) -> Loc:
        """A column inside a one-line scalar (``col`` 1-based in its text)."""
        line, c = self.of(path)
        style = self.styles.get(tuple(path))
        if col is None or style not in ("", "'", '"'):
            return line, c
        return line, c + (col - 1) + (1 if style else 0)


class LazyLocations(Locations):
    """The locations a lean walk recorded, known at once; anything else is found by
    walking the kept node tree in located mode, the first time it is asked for."""

    __slots__ = ("_path", "_root", "_full")

    def __init__(self, path: str, root: Any, starts: dict[PathT, Loc]) -> None:
        super().__init__(values=starts)
        self._path = path
        self._root = root
        self._full: Locations | None = None

    @property
    def expanded(self) -> bool:
        """Whether anything has needed the full locations yet."""
        return self._full is not None

    def full(self) -> Locations:
        if self._full is None:
            walker = Walker(self._path)
            walker.walk(self._root)
            self._full = walker.locs
            self._root = None  # the tree is no longer needed
        return self._full

    def of(self, path: PathT) -> Loc:
        hit = self.values.get(tuple(path))
        if hit is not None:
            return hit
        return self.full().of(path)

    def key_of(self, path: PathT) -> Loc:
        return self.full().key_of(path)

    def in_text(self, path: PathT, col: int | None) -> Loc:
        return self.full().in_text(path, col)


# --- composing ----------------------------------------------------------------------------


def _composer_class():  # noqa: ANN202
    from yaml.resolver import BaseResolver

    try:
        from yaml.cyaml import CParser as Parser
    except ImportError:  # PyYAML built without libyaml: same node tree, slower
        from yaml.composer import Composer
        from yaml.parser import Parser as PyParser
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        class Parser(Reader, Scanner, PyParser, Composer):  # type: ignore[no-redef]
            def __init__(self, stream: str) -> None:
                Reader.__init__(self, stream)
                Scanner.__init__(self)
                PyParser.__init__(self)
                Composer.__init__(self)

    class NoTypingComposer(Parser, BaseResolver):  # type: ignore[misc, valid-type]
        """libyaml's parser with no implicit typing: every implicit tag is '?'."""

        def __init__(self, stream: str) -> None:
            Parser.__init__(self, stream)
            BaseResolver.__init__(self)

        def resolve(self, kind, value, implicit):  # noqa: ANN001
            return "?"

    return NoTypingComposer


_COMPOSER = None


def compose(path: str, text: str):  # noqa: ANN201
    """The single document's root node, or a located problem: ``(node, None)`` or
    ``(None, problem)``."""
    global _COMPOSER
    import yaml

    if _COMPOSER is None:
        _COMPOSER = _composer_class()
    loader = _COMPOSER(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as e:
        return None, _yaml_problem(path, e, text)
    except yaml.YAMLError as e:  # unmarked: reader errors and the like
        return None, Problem(path, 1, 1, one_line(str(e)))
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()
    if node is None:
        return None, Problem(path, 1, 1, "file is empty")
    return node, None


def _yaml_problem(path: str, e, text: str) -> Problem:  # noqa: ANN001
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if mark is not None and mark.index >= len(text) and not text.endswith(("\n", "\r")):
        # libyaml ends a file that lacks a final newline on a line of its own, which no
        # editor shows: point at the end of the last line instead.
        start = max(text.rfind("\n"), text.rfind("\r")) + 1
        line, col = len(re.findall(r"\r\n|\r|\n", text)) + 1, len(text) - start + 1
    at_tab = mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t"
    problem = (e.problem or "").strip()
    context = (e.context or "").strip()
    if "expected a single document" in context or "but found another document" in problem:
        msg = "one document per file: found a second document (remove the '---' or split the file)"
    elif at_tab or "'\\t'" in problem:
        msg = "tab character here; indent with spaces"
    elif "end of stream" in problem and "quoted scalar" in context:
        # Point at the opening quote: the end of the file is no help to the reader.
        if e.context_mark is not None:
            line, col = e.context_mark.line + 1, e.context_mark.column + 1
        msg = "unclosed quote: the text that starts here never ends"
    elif "invalid Unicode character escape" in problem:
        msg = "invalid Unicode escape (a lone surrogate such as \\ud800 is not valid text)"
    elif "maximum nesting depth" in problem:
        msg = f"nesting is too deep (at most {MAX_DEPTH} levels)"
    else:
        msg = "invalid YAML: " + "; ".join(p for p in (context, problem) if p)
    return Problem(path, line, col, one_line(msg))


def locate_alias(path: str, text: str) -> Problem:
    """Where the first alias is. The composed tree cannot say (an alias node *is* the
    anchored node), so the text's events are read again; only done for a file with one."""
    import yaml

    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, yaml.AliasEvent):
                m = event.start_mark
                return Problem(path, m.line + 1, m.column + 1, f"aliases (*{event.anchor}) are not supported; write the value out")
    except yaml.YAMLError:
        pass
    return Problem(path, 1, 1, "aliases are not supported; write the value out")


# --- walking the node tree into data -------------------------------------------------------


class GiveUp(Exception):
    """A lean walk met something it does not vouch for: walk the tree in located mode."""


class _Stop(Exception):
    """Abandon a located walk: the problem is already recorded."""


# PyYAML's node classes, set when the first tree is walked: importing this module does not
# import PyYAML.
_ScalarNode: Any = None
_MappingNode: Any = None


def _node_classes() -> None:
    global _ScalarNode, _MappingNode
    from yaml.nodes import MappingNode, ScalarNode

    _ScalarNode, _MappingNode = ScalarNode, MappingNode


class Walker:
    """Node tree → plain data, in located mode (the default) or lean mode.

    Located: :attr:`locs` gets every node's position, :attr:`problems` every problem, and
    :meth:`walk` never raises (it returns ``None`` for data when a problem ends the walk:
    an alias, or nesting too deep). Lean: :attr:`locs` gets only where the root, each claim
    and check, and each one's ``id`` value start, and :meth:`walk` raises :class:`GiveUp`
    at any node the located mode would report or that a lean walk does not read (any
    explicit tag, an empty value in a flow mapping, a key with a lone surrogate, a value
    with ``TODO`` in it, which may be a scaffold's placeholder).

    Both modes build the same data by the same rules; a lean walk skips only the
    bookkeeping (positions, and the data paths it would file them under).
    """

    def __init__(self, path: str, *, located: bool = True) -> None:
        self.path = path
        self.located = located
        self.locs = Locations()
        self.problems: list[Problem] = []
        self.alias_found = False
        self._seen: set[int] = set()

    def walk(self, root: Any) -> Any:
        if _ScalarNode is None:
            _node_classes()
        if not self.located:
            if type(root) is not _MappingNode:
                raise GiveUp
            m = root.start_mark
            self.locs.values[()] = (m.line + 1, m.column + 1)
        try:
            return self._build(root, (), 0)
        except _Stop:
            return None

    # -- problems: recorded in located mode, a reason to give up in lean mode --

    def _problem(self, node: Any, message: str) -> None:
        if not self.located:
            raise GiveUp
        m = node.start_mark
        self.problems.append(Problem(self.path, m.line + 1, m.column + 1, message))

    def _fatal(self, node: Any, message: str | None) -> None:
        if not self.located:
            raise GiveUp
        if message is not None:
            self._problem(node, message)
        raise _Stop

    # -- the walk: ``path`` is the node's data path (in lean mode, only below the root) --

    def _build(self, node: Any, path: PathT, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self._fatal(node, f"nesting is too deep (at most {MAX_DEPTH} levels)")
        nid = id(node)
        seen = self._seen
        if nid in seen:
            # The composer hands back the anchored node for `*alias`: a repeat is an alias.
            self.alias_found = True
            self._fatal(node, None)
        seen.add(nid)
        located = self.located
        kind = type(node)
        tag = node.tag
        if located:
            m = node.start_mark
            self.locs.values[path] = (m.line + 1, m.column + 1)
        if kind is _ScalarNode:
            if located:
                self.locs.styles[path] = node.style or ""
            if tag != "?" and (not located or tag not in TEXT_TAGS):
                self._problem(node, f"unsupported tag '{short_tag(tag)}'; claim files use plain values")
                return None
            value = node.value
            if not value.isascii() and UNSTORABLE.search(value):
                self._problem(node, unstorable(value))
                return None
            if not located and "TODO" in value:
                # maybe a scaffold's placeholder: the located walk reports it, so a lean
                # walk's data never holds one and is not searched again for it
                raise GiveUp
            if tag == "?" and not node.style:
                return PLAIN_VALUES.get(value, value)  # plain_scalar(value), inlined
            return value
        if tag != "?" and (not located or tag not in COLLECTION_TAGS):
            self._problem(node, f"unsupported tag '{short_tag(tag)}'; claim files use plain values")
            return None
        if kind is _MappingNode:
            return self._mapping(node, path, depth)
        build = self._build
        if located:
            return [build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if path in _LISTED:
            self._record_starts(node, path)
        return [build(item, (), depth + 1) for item in node.value]

    def _mapping(self, node: Any, path: PathT, depth: int) -> dict[str, Any]:
        located = self.located
        keep_path = located or depth == 0
        build = self._build
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        flow = node.flow_style
        prev_value = None
        for key_node, value_node in node.value:
            if type(key_node) is not _ScalarNode:
                self._problem(key_node, "a key must be plain text, not a list or mapping")
                prev_value = value_node
                continue
            if key_node.tag != "?" and (not located or key_node.tag not in TEXT_TAGS):
                self._problem(key_node, f"unsupported tag '{short_tag(key_node.tag)}'; claim files use plain values")
                continue
            key = key_node.value
            if located and not key.isascii() and UNSTORABLE.search(key):
                self._problem(key_node, unstorable(key))
                prev_value = value_node
                continue
            if flow and type(value_node) is _ScalarNode and value_node.value == "":
                if not located:
                    if not value_node.style:
                        raise GiveUp  # maybe `{value: 1,224}` split at the comma
                elif self._split_number(key_node, prev_value):
                    prev_value = value_node
                    continue
            if key in out:
                if not located:
                    raise GiveUp
                self._problem(key_node, f"duplicate key '{key}' (first defined on line {first_line[key]})")
                prev_value = value_node
                continue
            child = path + (key,) if keep_path else ()
            if located:
                km = key_node.start_mark
                first_line[key] = km.line + 1
                self.locs.keys[child] = (km.line + 1, km.column + 1)
            elif not key.isascii() and UNSTORABLE.search(key):
                raise GiveUp
            out[key] = build(value_node, child, depth + 1)
            prev_value = value_node
        return out

    def _split_number(self, key_node: Any, prev_value: Any) -> bool:
        """``{value: 1,224}`` read as ``{value: 1, 224: }``: report it with the hint."""
        key = key_node.value
        if not (
            not key_node.style
            and _SPLIT_KEY.fullmatch(key)
            and type(prev_value) is _ScalarNode
            and not prev_value.style
            and _SPLIT_HEAD.fullmatch(prev_value.value)
        ):
            return False
        written = f"{prev_value.value},{key}"
        self._problem(
            prev_value,
            f"'{written}' was split at the comma (commas separate entries inside {{…}}); "
            f"quote the number: \"{written}\"",
        )
        return True

    def _record_starts(self, node: Any, path: PathT) -> None:
        """Lean mode: where each claim or check, and its ``id`` value, starts."""
        values = self.locs.values
        for i, item in enumerate(node.value):
            m = item.start_mark
            values[path + (i,)] = (m.line + 1, m.column + 1)
            if type(item) is _MappingNode:
                # The cross-reference check reads every id's line (duplicate ids).
                for key_node, value_node in item.value:
                    if key_node.value == "id":
                        m = value_node.start_mark
                        values[path + (i, "id")] = (m.line + 1, m.column + 1)
                        break
