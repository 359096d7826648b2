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

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from claimcheck.claimfile.read import os_reason


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
    paths or symbolic links, and a claim-file suffix. ``root`` must be an existing folder
    (a missing one was created, and the command printed then failed), and no symbolic
    link loop may stand in the way."""
    from claimcheck.writing import real_path

    if "\x00" in path:
        raise ScaffoldError(path.replace("\x00", "\\0"), "a file name cannot contain a NUL byte")
    if not path.strip():
        raise ScaffoldError(path, "the file name is empty")
    try:
        base = real_path(root)
    except OSError as e:
        raise ScaffoldError(str(root), f"--root: {os_reason(e)}") from None
    if not base.is_dir():
        raise ScaffoldError(str(root), "--root: " + ("not a folder" if base.exists() else "no such folder; create it first"))
    try:
        target = real_path(base / path)
    except OSError as e:
        raise ScaffoldError(path, os_reason(e)) from None
    if not target.is_relative_to(base):
        raise ScaffoldError(path, f"refusing to write outside {base}; give a path inside it (or --root)")
    if target.suffix not in (".yaml", ".yml"):
        raise ScaffoldError(path, "a claim file name ends in .yaml or .yml")
    return target


def shown_path(path: str, target: Path, root: Path) -> str:
    """The created file's name as the commands printed for it must give it: as typed when
    ``root`` is the current folder, else relative to the current folder (absolute when it
    is outside it), so that ``claimcheck validate …`` works pasted where ``new`` ran."""
    cwd = Path(os.path.realpath(os.getcwd()))
    if Path(os.path.realpath(root)) == cwd:
        return path
    return os.path.relpath(target, cwd) if target.is_relative_to(cwd) else str(target)


TABLE_FIGURES = """\
figures:
  # Proposed from the columns of {table}: each number is read from the table itself
  # when the file is checked (pip install "claimcheck[data]"), never retyped. Keep the
  # figures the story uses, give each its unit and period, and delete the rest.
{figures}
claims:
  - id: example-claim
    speaker: "TODO: who made the claim"
    statement: "TODO: the claim, quoted briefly"
    # What was claimed, in words: "nearly 20% drop", "more than 18,000", "doubled".
    figure: "{value}"
    # How to recompute it from the figures above: pct_change, ratio, share, sum, …
    compute: {first}
"""


def table_section(proposed: list, table: str) -> str:
    """The ``figures:`` and ``claims:`` part of a scaffold made ``--from`` a table."""
    lines = []
    for p in proposed:
        item = {"from": table, p.key: p.what}
        if p.unit:
            item["unit"] = p.unit
        item["source"] = "example_source"
        body = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items())
        lines.append(f"  {p.name}: {{{body}}}  # now {p.value}")
    return TABLE_FIGURES.format(table=table, figures="\n".join(lines), value=proposed[0].value, first=proposed[0].name)


def proposed_figures(target: Path, table: str, root: Path) -> tuple[str, list]:
    """The table's path as the claim file will give it, and the figures proposed from it;
    the table must be inside the new file's folder."""
    base = root.resolve()
    real = (base / table).resolve()
    folder = target.parent
    if not real.is_relative_to(folder):
        raise ScaffoldError(table, f"the table must be inside the claim file's folder ({folder}), where its figures can read it")
    written = real.relative_to(folder).as_posix()
    from claimcheck.tables import missing_reader
    from claimcheck.tables.files import TableError
    from claimcheck.tables.propose import propose

    if not written.lower().endswith((".csv", ".tsv", ".parquet", ".xlsx")):
        raise ScaffoldError(table, "claimcheck reads .csv, .tsv, .parquet and .xlsx tables")
    missing = missing_reader(Path(written).suffix.lower())
    if missing:
        raise ScaffoldError(table, missing)
    try:
        found = propose(folder, written)
    except TableError as e:
        raise ScaffoldError(table, str(e)) from None
    if not found:
        raise ScaffoldError(table, "the table has no numeric column (or cell) to propose a figure from")
    return written, found


def write_scaffold(path: str, *, title: str, force: bool, root: Path, table: str | None = None) -> Path:
    """Create the claim file (and a copy of the schema beside it when no shipped one is
    near); raise :class:`ScaffoldError` and write nothing on refusal. With ``table``, the
    figures are proposed from that table's columns. Returns the file's name as the
    commands printed for it must give it (:func:`shown_path`)."""
    from claimcheck.writing import atomic_write

    target = safe_target(path, root)
    base = Path(os.path.realpath(root))
    if _SURROGATE.search(title):
        # A title byte that is not UTF-8 reaches argv as a lone surrogate; writing it
        # raised UnicodeEncodeError, an internal error (tests/reliability).
        raise ScaffoldError(path, "the title is not valid UTF-8 text")
    if target.is_dir():
        raise ScaffoldError(path, "is a folder; give a file name such as claims/story.yaml")
    if (target.exists() or target.is_symlink()) and not force:
        raise ScaffoldError(path, "already exists; use --force to overwrite it")
    proposed = proposed_figures(target, table, root) if table is not None else None
    shown = shown_path(path, target, root)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if nearest_schema(target, base) is None:
            from claimcheck.claimfile.schema import schema_text

            atomic_write(target.parent / SCHEMA_NAME, schema_text())
        text = scaffold_text(target, title, base, shown=shown)
        if proposed is not None:
            text = text[: text.index("figures:\n")] + table_section(proposed[1], proposed[0])
        atomic_write(target, text)
    except OSError as e:
        # A folder that cannot be written, a full disk: the user's to fix (exit 2).
        raise ScaffoldError(path, f"cannot write it: {os_reason(e)}") from None
    return Path(shown)
