"""YAML → models, with a 1-based line and column for every node; file discovery.

A broken file is a value (:class:`Loaded` with problems), never an exception, so every
other file is still checked. The YAML is composed by libyaml (PyYAML's C parser) into a
node tree and turned into plain data by :func:`_Walker` under our own rules, not PyYAML's:

* YAML 1.2 scalars: only ``true``/``false`` are booleans, ``null``/``~``/empty is null,
  and every other scalar stays text — numbers are read by the models' own grammar, so
  ``012``, ``0x1F``, ``1:20``, ``.nan`` and ``2024-02-30`` never become surprises
  (BAD_INPUTS 4–6, 8–11);
* aliases, custom tags, duplicate keys, deep nesting and lone surrogates are refused with
  their location (rows 1–3, 13, 18); a flow mapping split at a thousands comma gets the
  hint to quote the number (row 7).

Pydantic's error locations are mapped back to the YAML nodes they came from, and
cross-references (sources, figure names, claim ids, cycles) are checked here, so that
``claimcheck validate`` reports every problem a later step would trip on.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from claimcheck.expr import suggest
from claimcheck.results import Problem

#: Files larger than this are refused unless the caller raises it (BAD_INPUTS 20).
DEFAULT_MAX_BYTES = 1024 * 1024
#: Deepest nesting of mappings and lists accepted (BAD_INPUTS 13); a claim file needs 6.
MAX_DEPTH = 32

YAML_SUFFIXES = (".yaml", ".yml")

_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_COLLECTION_TAGS = frozenset({"?", "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
# YAML 1.2 printable set, inverted: C0 controls but tab/LF/CR, DEL, C1 but NEL, and
# surrogates / non-characters.
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line for libyaml (YAML 1.1) but not for
# editors or YAML 1.2: in a plain scalar one broke the file at a line no editor shows, and
# in a quoted one it was silently folded to a space (found by tests/reliability/test_fuzz.py).
_ODD_BREAK = re.compile("[\x85\u2028\u2029]")
_SPLIT_KEY = re.compile(r"\d{3}")
_SPLIT_HEAD = re.compile(r"[+-]?\d{1,3}")


Loc = tuple[int, int]
PathT = tuple[Any, ...]


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


@dataclass(frozen=True, slots=True)
class Loaded:
    """One file, loaded: the model, or the problems that kept it from loading."""

    path: str
    model: Any = None  # claimcheck.claimfile.model.ClaimFile
    problems: tuple[Problem, ...] = ()
    locs: Locations | None = None

    @property
    def ok(self) -> bool:
        return self.model is not None and not self.problems


class _Stop(Exception):
    """Abandon a file: the problem is already recorded."""


# --- discovery --------------------------------------------------------------------------


def discover(paths: Sequence[str]) -> list[str | Problem]:
    """Expand paths: a directory gives its ``*.yaml``/``*.yml`` files (hidden folders
    skipped) in sorted order; a missing path is a problem, not a silent skip."""
    out: list[str | Problem] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                str(f)
                for f in p.rglob("*")
                if f.suffix in YAML_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                # Anything but a folder: a FIFO or socket named *.yaml is reported by
                # read_text ("not a regular file"), never silently skipped.
                and (f.is_symlink() or not f.is_dir())
            )
            if not found:
                out.append(Problem(raw, 1, 1, "no claim files (*.yaml, *.yml) in this folder"))
            out.extend(found)
        elif p.exists() or p.is_symlink():
            out.append(raw)
        else:
            out.append(Problem(raw, 1, 1, "no such file or directory"))
    return out


# --- reading ----------------------------------------------------------------------------


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str | None, Problem | None]:
    """Read a regular file as UTF-8 text, or say where and why it cannot be read."""
    try:
        st = os.stat(path)
    except OSError as e:
        return None, Problem(path, 1, 1, _os_reason(e))
    if not stat.S_ISREG(st.st_mode):
        return None, Problem(path, 1, 1, "not a regular file")
    if st.st_size > max_bytes:
        return None, Problem(path, 1, 1, f"file is {st.st_size:,} bytes, over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as e:
        return None, Problem(path, 1, 1, _os_reason(e))
    if len(data) > max_bytes:
        return None, Problem(path, 1, 1, f"file is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    return decode(path, data)


def decode(path: str, data: bytes) -> tuple[str | None, Problem | None]:
    """Strict UTF-8 (a BOM is allowed); the first bad byte is located by line and column."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line, col = _byte_position(data, e.start)
        return None, Problem(path, line, col, f"not UTF-8 (byte 0x{data[e.start]:02X}); save the file as UTF-8")
    m = _BAD_CHAR.search(text)
    if m is not None:
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        return None, Problem(path, line, col, f"control character U+{ord(m.group()):04X} is not allowed in a claim file")
    m = _ODD_BREAK.search(text)
    if m is not None:
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        return None, Problem(path, line, col, f"line separator U+{ord(m.group()):04X} is not allowed in a claim file; replace it with a space or a line break")
    return text, None


def _byte_position(data: bytes, offset: int) -> Loc:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return line, col


def _os_reason(e: OSError) -> str:
    return (e.strerror or str(e)).lower()


# --- composing --------------------------------------------------------------------------


def _loader_class():
    from yaml.resolver import BaseResolver

    try:
        from yaml.cyaml import CParser as Parser
    except ImportError:  # PyYAML built without libyaml: same node tree, slower
        from yaml.composer import Composer
        from yaml.parser import Parser as _P
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        class Parser(Reader, Scanner, _P, Composer):  # type: ignore[no-redef]
            def __init__(self, stream: str) -> None:
                Reader.__init__(self, stream)
                Scanner.__init__(self)
                _P.__init__(self)
                Composer.__init__(self)

    class _Composer(Parser, BaseResolver):  # type: ignore[misc, valid-type]
        """libyaml's parser with no implicit typing: every implicit tag is '?'."""

        def __init__(self, stream: str) -> None:
            Parser.__init__(self, stream)
            BaseResolver.__init__(self)

        def resolve(self, kind, value, implicit):  # noqa: ANN001
            return "?"

    return _Composer


_COMPOSER = None


def compose(path: str, text: str):
    """The single document's root node, or a located problem."""
    global _COMPOSER
    import yaml

    if _COMPOSER is None:
        _COMPOSER = _loader_class()
    loader = _COMPOSER(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as e:
        return None, _yaml_problem(path, e, text)
    except yaml.YAMLError as e:  # unmarked: reader errors and the like
        return None, Problem(path, 1, 1, _one_line(str(e)))
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
    return Problem(path, line, col, _one_line(msg))


def _one_line(s: str) -> str:
    return " ".join(s.split())


# --- walking the node tree into data ----------------------------------------------------


class _Walker:
    """Node tree → plain data (dict, list, str, bool, None) and locations."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.locs = Locations()
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.alias_found = False

    def problem(self, node, message: str) -> None:  # noqa: ANN001
        m = node.start_mark
        self.problems.append(Problem(self.path, m.line + 1, m.column + 1, message))

    def build(self, node, path: PathT = (), depth: int = 0) -> Any:  # noqa: ANN001
        from yaml.nodes import MappingNode, ScalarNode

        if depth > MAX_DEPTH:
            self.problem(node, f"nesting is too deep (at most {MAX_DEPTH} levels)")
            raise _Stop
        nid = id(node)
        if nid in self.seen:
            # The composer hands back the anchored node for `*alias`: a repeat is an alias.
            self.alias_found = True
            raise _Stop
        self.seen.add(nid)
        m = node.start_mark
        self.locs.values[path] = (m.line + 1, m.column + 1)
        tag = node.tag
        if isinstance(node, ScalarNode):
            self.locs.styles[path] = node.style or ""
            if tag not in ("?", "!", _STR_TAG):
                self.problem(node, f"unsupported tag '{_short_tag(tag)}'; claim files use plain values")
                return None
            value = node.value
            if _SURROGATE.search(value):
                self.problem(node, "a lone surrogate escape (such as \\ud800) is not valid text")
                return None
            if tag == "?" and not node.style:
                if value in _TRUE:
                    return True
                if value in _FALSE:
                    return False
                if value in _NULL:
                    return None
            return value
        if tag not in _ALLOWED_COLLECTION_TAGS:
            self.problem(node, f"unsupported tag '{_short_tag(tag)}'; claim files use plain values")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]

    def _mapping(self, node, path: PathT, depth: int) -> dict[str, Any]:  # noqa: ANN001
        from yaml.nodes import ScalarNode

        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        prev_value = None
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, "a key must be plain text, not a list or mapping")
                prev_value = value_node
                continue
            if key_node.tag not in ("?", "!", _STR_TAG):
                self.problem(key_node, f"unsupported tag '{_short_tag(key_node.tag)}'; claim files use plain values")
                continue
            key = key_node.value
            if (
                node.flow_style
                and not key_node.style
                and _SPLIT_KEY.fullmatch(key)
                and isinstance(value_node, ScalarNode)
                and value_node.value == ""
                and prev_value is not None
                and isinstance(prev_value, ScalarNode)
                and not prev_value.style
                and _SPLIT_HEAD.fullmatch(prev_value.value)
            ):
                m = prev_value.start_mark
                written = f"{prev_value.value},{key}"
                self.problems.append(
                    Problem(
                        self.path,
                        m.line + 1,
                        m.column + 1,
                        f"'{written}' was split at the comma (commas separate entries inside {{…}}); "
                        f"quote the number: \"{written}\"",
                    )
                )
                prev_value = value_node
                continue
            km = key_node.start_mark
            if key in first_line:
                self.problem(key_node, f"duplicate key '{key}' (first defined on line {first_line[key]})")
                prev_value = value_node
                continue
            first_line[key] = km.line + 1
            child = path + (key,)
            self.locs.keys[child] = (km.line + 1, km.column + 1)
            out[key] = self.build(value_node, child, depth + 1)
            prev_value = value_node
        return out


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _locate_alias(path: str, text: str) -> Problem:
    """Find the first alias event's position (only run when an alias was seen)."""
    import yaml

    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, yaml.AliasEvent):
                m = event.start_mark
                return Problem(path, m.line + 1, m.column + 1, f"aliases (*{event.anchor}) are not supported; write the value out")
    except yaml.YAMLError:
        pass
    return Problem(path, 1, 1, "aliases are not supported; write the value out")


# --- the whole load ---------------------------------------------------------------------


def load_text(path: str, text: str) -> Loaded:
    """Load claim-file text: YAML → data → :class:`~claimcheck.claimfile.model.ClaimFile`."""
    node, problem = compose(path, text)
    if problem is not None:
        return Loaded(path, problems=(problem,))
    from yaml.nodes import MappingNode

    if not isinstance(node, MappingNode):
        if node.__class__.__name__ == "ScalarNode" and not node.style and node.value == "":
            # A lone '---' (or '--- # comment'): an empty document, located past the end.
            return Loaded(path, problems=(Problem(path, 1, 1, "file is empty"),))
        m = node.start_mark
        kind = "a list" if node.__class__.__name__ == "SequenceNode" else "a single value"
        return Loaded(path, problems=(Problem(path, m.line + 1, m.column + 1, f"the top level must be a mapping (title:, sources:, figures:, claims:), not {kind}"),))
    walker = _Walker(path)
    try:
        data = walker.build(node)
    except _Stop:
        data = None
    if walker.alias_found:
        walker.problems.insert(0, _locate_alias(path, text))
    if walker.problems:
        return Loaded(path, problems=tuple(_sorted(walker.problems)), locs=walker.locs)
    return validate_data(path, data, walker.locs)


def load_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
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


def validate_data(path: str, data: Any, locs: Locations) -> Loaded:
    """Validate plain data against the models, then check cross-references."""
    from pydantic import ValidationError

    from claimcheck.claimfile.model import ClaimFile

    try:
        model = ClaimFile.model_validate(data)
    except ValidationError as e:
        problems = [_pydantic_problem(path, err, locs) for err in e.errors(include_url=False)]
        return Loaded(path, problems=tuple(_sorted(problems)), locs=locs)
    problems = _cross_references(path, model, locs)
    if problems:
        return Loaded(path, problems=tuple(_sorted(problems)), locs=locs)
    return Loaded(path, model=model, locs=locs)


def _sorted(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple] = set()
    out = []
    for p in sorted(problems, key=lambda p: (p.line, p.col)):
        k = (p.line, p.col, p.message)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


# --- pydantic errors → located messages -------------------------------------------------


def _model_at(loc: PathT) -> str:
    """Which model a data path points into (for "did you mean" on unknown keys)."""
    names = [p for p in loc if isinstance(p, str)]
    if not loc:
        return "ClaimFile"
    head = loc[0]
    if head == "tolerance" or "tolerance" in names:
        i = list(loc).index("tolerance")
        rest = loc[i + 1 :]
        return "Tolerance" if not rest else f"Tolerance_{rest[0]}"
    if head == "sources":
        return "Source"
    if head == "figures":
        return "Figure"
    if head in ("claims", "checks"):
        if len(loc) >= 4 and loc[2] == "figures":
            return "Figure"
        return "Claim" if head == "claims" else "Check"
    return "ClaimFile"


def _pydantic_problem(path: str, err: dict, locs: Locations) -> Problem:
    from claimcheck.claimfile.model import MODEL_KEYS
    from claimcheck.claimfile.model import describe_value as _describe_input

    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("function-", "[key]"))))
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        key = loc[-1]
        line, col = locs.key_of(loc)
        msg = f"unknown key '{key}'"
        hit = suggest(str(key), MODEL_KEYS.get(_model_at(loc[:-1]), ()))
        if hit:
            msg += f" — did you mean '{hit}'?"
        else:
            allowed = MODEL_KEYS.get(_model_at(loc[:-1]), ())
            if allowed:
                msg += f"; expected one of: {', '.join(allowed)}"
        return Problem(path, line, col, msg)
    if kind == "missing":
        line, col = locs.of(loc[:-1])
        where = _owner(loc[:-1])
        return Problem(path, line, col, f"{where}missing required key '{loc[-1]}'")
    line, col = locs.of(loc)
    field = loc[-1] if loc and isinstance(loc[-1], str) else None
    label = f"'{field}': " if field else ""
    if kind == "expression":
        ctx = err.get("ctx", {})
        line, col = locs.in_text(loc, ctx.get("col") or None)
        return Problem(path, line, col, ctx.get("message", err["msg"]))
    if kind == "value_error":
        msg = err["msg"].removeprefix("Value error, ")
        return Problem(path, line, col, f"{label}{msg}" if field and not msg.startswith("'") else msg)
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
        msg = f"{label}expected one of {', '.join(choices)}; got {_describe_input(value)}"
        if isinstance(value, str):
            hit = suggest(value, choices)
            if hit:
                msg += f" — did you mean '{hit}'?"
        return Problem(path, line, col, msg)
    if kind in ("string_type",):
        return Problem(path, line, col, f"{label}expected text, got {_describe_input(value)}")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return Problem(path, line, col, f"{label}expected a mapping of keys, got {_describe_input(value)}")
    if kind == "list_type":
        return Problem(path, line, col, f"{label}expected a list, got {_describe_input(value)}")
    if kind in ("bool_type", "bool_parsing"):
        return Problem(path, line, col, f"{label}expected true or false, got {_describe_input(value)}")
    if kind == "string_pattern_mismatch":
        return Problem(path, line, col, f"{label}{_describe_input(value)} may contain only letters, digits, '.', '_' and '-', and must start with a letter or digit")
    if kind == "string_too_long":
        return Problem(path, line, col, f"{label}too long ({len(value)} characters; at most {err.get('ctx', {}).get('max_length')})")
    return Problem(path, line, col, f"{label}{_one_line(err['msg'])}")


def _owner(loc: PathT) -> str:
    if len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int):
        return f"claim {loc[1] + 1}: " if len(loc) == 2 else ""
    if len(loc) >= 2 and loc[0] == "checks" and isinstance(loc[1], int):
        return f"check {loc[1] + 1}: " if len(loc) == 2 else ""
    if len(loc) == 2 and loc[0] in ("figures", "sources"):
        return f"{loc[0][:-1]} '{loc[1]}': "
    return ""


# --- cross-references -------------------------------------------------------------------


def _cross_references(path: str, model: Any, locs: Locations) -> list[Problem]:
    problems: list[Problem] = []
    sources = model.sources

    def at(p: PathT, msg: str, col: int | None = None) -> None:
        line, c = locs.in_text(p, col) if col is not None else locs.of(p)
        problems.append(Problem(path, line, c, msg))

    def check_source(sid: str | None, p: PathT) -> None:
        if sid is not None and sid not in sources:
            hit = suggest(sid, sources)
            at(p, f"unknown source '{sid}'" + (f" — did you mean '{hit}'?" if hit else _known("sources", sources)))

    def check_names(parsed: Any, visible: dict[str, Any], p: PathT) -> None:
        for ref in parsed.names:
            name, col = ref.name, ref.col
            if name not in visible:
                hit = suggest(name, visible)
                at(p, f"unknown figure '{name}'" + (f" — did you mean '{hit}'?" if hit else _known("figures", visible)), col)

    def check_figures(figs: dict[str, Any], visible: dict[str, Any], base: PathT) -> None:
        for name, fig in figs.items():
            check_source(fig.source, base + (name, "source"))
            if fig.compute is not None:
                check_names(fig.compute, visible, base + (name, "compute"))
        _cycles(figs, visible, base, at)

    file_figs = dict(model.figures)
    check_figures(model.figures, file_figs, ("figures",))
    first_id: dict[str, int] = {}
    for kind, items in (("claims", model.claims), ("checks", model.checks)):
        for i, item in enumerate(items):
            base = (kind, i)
            line = locs.of(base + ("id",))[0]
            if item.id in first_id:
                at(base + ("id",), f"duplicate claim id '{item.id}' (first used on line {first_id[item.id]})")
            else:
                first_id[item.id] = line
            # Most claims have no local figures: then they see the file's, unchanged.
            visible = {**file_figs, **item.figures} if item.figures else file_figs
            check_figures(item.figures, visible, base + ("figures",))
            if kind == "claims":
                check_source(item.source, base + ("source",))
                if item.compute is not None:
                    check_names(item.compute, visible, base + ("compute",))
            else:
                check_names(item.left, visible, base + ("left",))
                check_names(item.right, visible, base + ("right",))
    return problems


def _known(what: str, names: Iterable[str]) -> str:
    names = list(names)
    if not names:
        return f"; the file defines no {what}"
    shown = ", ".join(names[:8]) + (", …" if len(names) > 8 else "")
    return f"; known {what}: {shown}"


def _cycles(figs: dict[str, Any], visible: dict[str, Any], base: PathT, at) -> None:  # noqa: ANN001
    """Derived figures must not depend on themselves."""
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def deps(name: str) -> list[str]:
        fig = visible.get(name)
        if fig is None or fig.compute is None:
            return []
        return [ref.name for ref in fig.compute.names if ref.name in visible]

    reported: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for d in deps(name):
            if state.get(d) == 1:
                cycle = trail[trail.index(d) :] + [d] if d in trail else [name, d]
                head = cycle[0]
                if head in figs and head not in reported:
                    reported.add(head)
                    at(base + (head, "compute"), f"figure '{head}' is defined in terms of itself: " + " → ".join(cycle))
            elif state.get(d) is None:
                visit(d, trail + [d])
        state[name] = 2

    for name in figs:
        if state.get(name) is None:
            visit(name, [name])
