"""``claimcheck new``: a commented claim file to fill in, written safely.

The scaffold holds one worked example claim whose who and what are ``TODO`` placeholders:
``claimcheck validate`` and ``verify`` refuse it, each placeholder located, until the
reporter fills them in (a template must never verify as "accurate"). Its header names the
file as the reporter gave it, so the commands it prints work when pasted in the same
folder, and its ``$schema`` reference resolves: the nearest shipped
``claimfile.schema.json``, or a copy written beside the file when there is none. The
target must stay inside the folder given (no ``..``, absolute path or symbolic link leads
out of it) and an existing file is never replaced without ``force``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path


_SURROGATE = re.compile("[\ud800-\udfff]")
_RAW_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")

# --- text as YAML claimcheck loads back ---------------------------------------------------
#
# Both scaffolds (`claimcheck new` and `scan --emit-yaml`) write user text — a title, an
# article's sentences, its file name — into YAML that claimcheck must load as it stands.
# json.dumps is not that: it writes an emoji as a surrogate pair ("\ud83d\ude00"), which
# YAML reads as two lone surrogates, and leaves DEL, C1 controls and line separators raw.

#: What a claim file cannot hold in any form (claimfile.read.decode refuses them raw, the
#: walker escaped): line separators other than LF, which become a space, and lone
#: surrogates (a file name's undecodable bytes) and non-characters, which become U+FFFD.
_NOT_STORABLE = re.compile("[\x85\u2028\u2029]|[\ud800-\udfff\ufffe\uffff]")
#: What a double-quoted scalar writes as an escape: the quote and backslash, every C0
#: control, DEL and C1, and the byte-order mark; everything else (emoji included) raw.
_ESCAPED = re.compile(r'["\\\x00-\x1f\x7f-\x9f\ufeff]')
_SHORT = {'"': '\\"', "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
#: What a comment shows escaped: anything that would end the line or be refused raw.
_COMMENT_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def storable(text: str) -> str:
    """``text`` as a claim file can hold it: line separators (U+0085, U+2028, U+2029) as a
    space, lone surrogates and non-characters as U+FFFD; anything else unchanged."""
    return _NOT_STORABLE.sub(lambda m: " " if m.group() in "\x85\u2028\u2029" else "\ufffd", text)


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar that claimcheck loads back as :func:`storable` of
    ``text``: any character, one line."""
    return '"' + _ESCAPED.sub(_escape, storable(text)) + '"'


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    return _SHORT.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def yaml_comment(text: str) -> str:
    """``text`` safe inside a one-line YAML comment: every character that would end the
    line or that a claim file refuses raw is shown as an escape (``\\u2028``)."""
    return _COMMENT_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class ScaffoldError(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A claimcheck claim file: one story, its sources, its raw figures and its claims.
# Fill in every TODO, then, from the folder you ran `claimcheck new` in:
#   claimcheck validate {name}
#   claimcheck verify {name}
title: {title}
# url: https://example.org/your-fact-check   # the published fact-check (ClaimReview output)

sources:
  # Cited by id from figures and claims.
  example_source:
    publisher: "TODO: who published the numbers"
    # url: https://example.org/the-data

figures:
  # Raw numbers as published: value, unit, period (ISO 8601: 2025-06, 2025-06-29,
  # 2025-07-01/2025-07-27) and source. Write numbers as 1224, 1_224 or "1,224" (quoted).
  # A whole number ending in 000 stands for its rounding (31,000 is 30,500 to 31,500)
  # unless you add `exact: true`.
  before: {{value: 100, unit: people, period: 2025-06, source: example_source}}
  after: {{value: 90, unit: people, period: 2025-07, source: example_source}}

claims:
  - id: example-claim
    speaker: "TODO: who made the claim"
    statement: "TODO: the claim, quoted briefly"
    # What was claimed, in words: "nearly 20% drop", "more than 18,000", "doubled".
    figure: down 10%
    # How to recompute it: pct_change, pp_change, ratio, share, diff, per_day, sum,
    # mean, + - * / and parentheses over the figure names above.
    compute: pct_change(before, after)
    # verdict: accurate   # the published rating; CI fails when the arithmetic disagrees
    # note: for a claim with no raw numbers, what data would settle it
"""


@dataclass(frozen=True, slots=True)
class Scaffold:
    path: Path
    text: str


SCHEMA_NAME = "claimfile.schema.json"


def nearest_schema(target: Path, root: Path) -> Path | None:
    """The shipped schema an editor should read for ``target``, if there is one."""
    for candidate in (target.parent / SCHEMA_NAME, root / "claims" / SCHEMA_NAME):
        if candidate.exists():
            return candidate
    return None


def scaffold_text(target: Path, title: str, root: Path, shown: str | None = None) -> str:
    """The scaffold for ``target`` (``shown``: its path as the reporter gave it), pointing
    editors at the nearest shipped schema, or at a copy beside it."""
    found = nearest_schema(target, root)
    schema = os.path.relpath(found, target.parent) if found is not None else SCHEMA_NAME
    quoted = yaml_string(title)
    name = shown if shown is not None else target.name
    if any(ch.isspace() or ch in "'\"$`\\;&|<>*?()[]{}#!~" for ch in name):
        name = "'" + name.replace("'", "'\\''") + "'"
    return TEMPLATE.format(schema=schema, name=_RAW_UNSAFE.sub("?", name.replace("\n", "?")), title=quoted)


def safe_target(path: str, root: Path) -> Path:
    """Resolve ``path`` inside ``root`` or raise: no NUL, no escaping by ``..``, absolute
    paths or symbolic links, and a claim-file suffix."""
    if "\x00" in path:
        raise ScaffoldError(path.replace("\x00", "\\0"), "a file name cannot contain a NUL byte")
    if not path.strip():
        raise ScaffoldError(path, "the file name is empty")
    base = root.resolve()
    target = (base / path).resolve()
    if not target.is_relative_to(base):
        raise ScaffoldError(path, f"refusing to write outside {base}; give a path inside it (or --root)")
    if target.suffix not in (".yaml", ".yml"):
        raise ScaffoldError(path, "a claim file name ends in .yaml or .yml")
    return target


def write_scaffold(path: str, *, title: str, force: bool, root: Path) -> Path:
    """Create the claim file (and a copy of the schema beside it when no shipped one is
    near); raise :class:`ScaffoldError` and write nothing on refusal."""
    from claimcheck.writing import atomic_write

    target = safe_target(path, root)
    if _SURROGATE.search(title):
        # A title byte that is not UTF-8 reaches argv as a lone surrogate; writing it
        # raised UnicodeEncodeError, an internal error (tests/reliability).
        raise ScaffoldError(path, "the title is not valid UTF-8 text")
    if target.is_dir():
        raise ScaffoldError(path, "is a folder; give a file name such as claims/story.yaml")
    if (target.exists() or target.is_symlink()) and not force:
        raise ScaffoldError(path, "already exists; use --force to overwrite it")
    target.parent.mkdir(parents=True, exist_ok=True)
    if nearest_schema(target, root.resolve()) is None:
        from claimcheck.claimfile.schema import schema_text

        atomic_write(target.parent / SCHEMA_NAME, schema_text())
    atomic_write(target, scaffold_text(target, title, root.resolve(), shown=path))
    return Path(path)
