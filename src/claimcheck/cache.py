"""The incremental cache: a claim file's result kept on disk, keyed by everything it depends on.

This module is longer than 500 lines: it holds the exact encoding of results and both
kinds of entry, each with the checks that decide whether it is trusted; they share the
key and the write path, and are read together when deciding what is safe.

A newsroom's CI re-verifies a folder of claim files on every push though almost none
changed. Each file's :class:`~claimcheck.results.FileResult` is kept in one entry whose
key is a SHA-256 over:

* the command (``verify`` or ``validate``) and the entry layout (:data:`LAYOUT`);
* claimcheck's version and a fingerprint of its installed code, and of the libraries
  whose behaviour reaches a result or a report (pydantic's messages, PyYAML's parser,
  rich's layout): any upgrade, reinstall or edit of their files is a new key;
* every option that changes a result: ``--strict``, ``--only``, ``--max-bytes``;
* the path as the report names it, and the SHA-256 of the file's bytes.

The hedge tolerances a file sets (``tolerance:``) are in its bytes; the built-in ones are
in claimcheck's code.

**Result entries.** ``<folder>/v2/<key[:2]>/<key[2:]>.json``: a one-line JSON header
(the key's fields, the payload's SHA-256 and length, the length of its JSON), a newline,
then the payload: the result as JSON (exact numbers as strings, dataclasses by name from a
fixed list, never pickle), compressed with zlib. It is trusted only if the header parses,
every key field equals the lookup's, the payload's length and checksum match, it inflates
to exactly the JSON length the header gives, that decodes into a ``FileResult`` of the
same path, and every extra file it read (``FileResult.inputs``) still has the same
bytes. Reports are rendered from the decoded result, so they are byte-identical to a
cold run's.

**Text entries.** Decoding a result and rendering it again costs more than everything
else a warm run does, so beside a result its file's report text is kept too, for each
format (and its options) it was reported in: ``<key[2:]>.<render[:16]>.text`` in the same
folder, where ``render`` is a SHA-256 over the format's name, every field of the report
:class:`~claimcheck.report.Options` (``--explain``, ``--strict``, width, colour, …) and
whether the file was the report's first (a file's text is made by the format's
``file_at(result, first)``, which depends on nothing else). The text comes from the
report module; this module only keeps it. The entry holds a one-line JSON header (every
field of the result's key, the rendering fields, the length of each section and the
SHA-256 of the body), a newline, then the body: one line of JSON with what the run needs
besides the text (the file's problems, for standard error; each claim's verdict and
whether it passed, for the summary; the extra files it read) and the text as UTF-8. A
warm run in a format it has seen reads these only: no result is decoded, nothing is
rendered. It is trusted on the same terms as a result entry (key fields, lengths,
checksum, the problems and verdicts well formed, every extra file unchanged); the text is
the text a cold run made for exactly this key, since the report code is in the key.

Anything else — truncated, flipped, foreign, swapped between keys, from another version
— is a miss: the file is checked (or its result rendered) again and the entry rewritten.
Entries are written to a temporary file in the same folder and moved into place with
:func:`os.replace`, so two runs at once never leave half an entry. A folder that cannot be
created or written leaves the run uncached; it never fails the run.

The folder gets a ``.gitignore`` (``*``) and a ``CACHEDIR.TAG`` when it is created, so it
is neither committed nor backed up. Nothing here prints, and nothing here renders.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
import zlib
from dataclasses import MISSING, dataclass, field, fields
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from claimcheck.results import VERDICTS, FileResult, Problem

#: The entry layout; a new layout is a new subfolder, so old entries are never read.
LAYOUT = 2
#: The folder a run uses when neither ``--cache-dir`` nor the environment names one.
DEFAULT_DIR = ".claimcheck_cache"
#: The environment variable that names the folder.
ENV_DIR = "CLAIMCHECK_CACHE_DIR"
#: The largest result a result entry may inflate to (its header says how large it is).
MAX_JSON_BYTES = 1 << 30
#: The header's first field: what says "this is a claimcheck cache entry".
MAGIC = "claimcheck-cache"

_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is claimcheck's cache (.claimcheck_cache); it can be deleted.\n"
# The libraries whose behaviour reaches a result or a report's text: their installed
# files are fingerprinted.
_LIBRARIES = ("pydantic", "pydantic_core", "yaml", "_yaml", "rich")


class Uncacheable(ValueError):
    """A value the entry format cannot hold exactly: the result is not cached."""


# --- the fingerprint of the code ----------------------------------------------------------

_fingerprint: str | None = None


def code_fingerprint() -> str:
    """A digest of claimcheck's version, its installed source files (name, size,
    modification time) and the installed files of the libraries that shape a result,
    with Python's version: computed once per process, from ``stat`` alone."""
    global _fingerprint
    if _fingerprint is not None:
        return _fingerprint
    from importlib.util import find_spec

    from claimcheck import __version__

    h = hashlib.sha256()
    h.update(f"{__version__}\0{sys.version_info[:3]}\0{sys.implementation.cache_tag}\0".encode())
    package = os.path.dirname(os.path.abspath(__file__))
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".json")):
                _stamp(h, os.path.join(root, name), package)
    for lib in _LIBRARIES:
        try:
            spec = find_spec(lib)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        h.update(f"\0{lib}\0".encode())
        if origin:
            _stamp(h, origin, "")
            folder = os.path.dirname(origin)
            if spec is not None and spec.submodule_search_locations:
                for name in sorted(os.listdir(folder)):
                    if name.endswith((".py", ".so", ".pyd")):
                        _stamp(h, os.path.join(folder, name), folder)
    _fingerprint = h.hexdigest()
    return _fingerprint


def _stamp(h: Any, path: str, base: str) -> None:
    try:
        st = os.stat(path)
    except OSError:
        h.update(f"{path}\0-\0".encode())
        return
    rel = os.path.relpath(path, base) if base else path
    h.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())


def sha256_file(path: str) -> str | None:
    """The SHA-256 (hex) of a file's bytes; None when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


# --- encoding results as JSON, exactly --------------------------------------------------


def _classes() -> dict[str, type]:
    from claimcheck import results
    from claimcheck.numbers import Interval
    from claimcheck.verdicts.diagnoses import Diagnosis

    found: list[type] = [
        results.Problem, results.SourceRef, results.InputFigure, results.Scale, results.ClaimResult,
        results.ClaimPublishing, results.Publishing, results.FileResult, results.TableRef, Interval, Diagnosis,
    ]
    return {c.__name__: c for c in found}


_CLASSES: dict[str, type] = {}
#: per class, each field's name, its default (MISSING: none) and whether it is typed as
#: exact numbers only (``Fraction | None`` or a tuple of them)
_DEFAULTS: dict[type, tuple[tuple[str, Any, bool], ...]] = {}
#: per class name, the fields typed as exact numbers (decoded from "n/d" strings)
_EXACT: dict[str, tuple[str, ...]] = {}
_EXACT_TYPES = frozenset({"Fraction | None", "Fraction", "tuple[Fraction | None, Fraction | None]",
                          "tuple[Fraction | None, Fraction | None] | None"})


def _known() -> dict[str, type]:
    if not _CLASSES:
        classes = _classes()
        for cls in classes.values():
            defaults = []
            for f in fields(cls):
                exact = f.type in _EXACT_TYPES
                if f.default is not MISSING:
                    defaults.append((f.name, f.default, exact))
                elif f.default_factory is not MISSING:
                    defaults.append((f.name, f.default_factory(), exact))
                else:
                    defaults.append((f.name, MISSING, exact))
            _DEFAULTS[cls] = tuple(defaults)
            _EXACT[cls.__name__] = tuple(name for name, _, exact in defaults if exact)
        _CLASSES.update(classes)
    return _CLASSES


def _exact(v: Any) -> Any:
    """A field typed as exact numbers: a Fraction as "n/d" (no object around it: there
    are thousands per file), None, or a tuple of those; anything else is not cached."""
    t = type(v)
    if t is Fraction:
        return f"{v.numerator}/{v.denominator}"
    if v is None:
        return None
    if t is tuple:
        return [_exact(x) for x in v]
    raise Uncacheable(f"a {t.__name__} where exact numbers are expected")


def _fraction(v: Any) -> Any:
    if v is None:
        return None
    if type(v) is list:
        return tuple(_fraction(x) for x in v)
    num, _, den = v.partition("/")
    return Fraction(int(num), int(den))


def encode(value: Any) -> Any:
    """``value`` as JSON data that :func:`decode` turns back into an equal value of the
    same types. A tuple is a JSON array; a Fraction ``{"F": "n/d"}`` (in a field typed as
    exact numbers, just ``"n/d"``) and a Decimal ``{"D": "1.20"}`` (exact strings); a
    mapping with string keys ``{"M": [[k, v], …]}`` (order kept); a dataclass of the fixed
    list ``{"@": name, field: value, …}`` without the fields at their default. Raises :class:`Uncacheable` for anything else (a float,
    a list, a set), so such a result is simply not cached."""
    t = type(value)
    if value is None or t is str or t is bool or t is int:
        return value
    if t is tuple:
        return [encode(v) for v in value]
    if t is Fraction:
        return {"F": f"{value.numerator}/{value.denominator}"}
    if t is Decimal:
        return {"D": str(value)}
    if t is dict or t is MappingProxyType:
        if not all(type(k) is str for k in value):
            raise Uncacheable("a mapping with keys other than strings")
        return {"M": [[k, encode(v)] for k, v in value.items()]}
    defaults = _DEFAULTS.get(t) if _known().get(t.__name__) is t else None
    if defaults is None:
        raise Uncacheable(f"a {t.__name__} value")
    out: dict[str, Any] = {"@": t.__name__}
    for name, default, exact in defaults:
        v = getattr(value, name)
        if default is not MISSING and type(v) is type(default) and v == default:
            continue
        out[name] = _exact(v) if exact else encode(v)
    return out


def decode(payload: bytes | str) -> Any:
    """The value :func:`encode` made, from its JSON text; ``ValueError``, ``TypeError``,
    ``KeyError`` or ``ArithmeticError`` for anything it could not have made."""
    return json.loads(payload, object_hook=_object, parse_float=_no_float, parse_constant=_no_float)


def _no_float(text: str) -> Any:
    raise ValueError(f"a binary float ({text}) in a cache entry")


def _tuples(v: Any) -> Any:
    """JSON arrays back to tuples, all the way down (objects are already decoded)."""
    return tuple(_tuples(x) if type(x) is list else x for x in v)


def _object(d: dict[str, Any]) -> Any:
    # Called innermost first: every object inside ``d`` is already a value. Fractions are
    # the most frequent object, so they are tried first.
    text = d.get("F")
    if text is not None and len(d) == 1:
        num, _, den = text.partition("/")
        return Fraction(int(num), int(den))  # reduced and signed as Fraction always is
    name = d.pop("@", None)
    if name is not None:
        cls = _known()[name]
        exact = _EXACT[name]
        for k, v in d.items():
            if k in exact:
                d[k] = _fraction(v)
            elif type(v) is list:
                d[k] = _tuples(v)
        return cls(**d)
    if len(d) != 1:
        raise ValueError("not an encoded value")
    if "D" in d:
        if type(d["D"]) is not str:
            raise ValueError("not a decimal")
        return Decimal(d["D"])
    if "M" in d:
        out = {}
        for k, v in d["M"]:
            if type(k) is not str:
                raise ValueError("a mapping key that is not a string")
            out[k] = _tuples(v) if type(v) is list else v
        return out
    raise ValueError("not an encoded value")


# --- the cache --------------------------------------------------------------------------


@dataclass
class Stats:
    """What a cache did in this process: files served from it (``hits``; of them,
    ``texts`` by their report text alone), files checked again (``misses``: no entry,
    or one not trusted), result entries and text entries written."""

    hits: int = 0
    misses: int = 0
    stored: int = 0
    texts: int = 0
    texts_stored: int = 0


@dataclass(frozen=True, slots=True)
class CachedText:
    """A file's report text from a text entry, with what the run counts besides it: the
    file's problems (for standard error) and each claim's ``(verdict, passed)``."""

    text: str
    problems: tuple[Problem, ...]
    verdicts: tuple[tuple[str, bool], ...]


@dataclass
class Cache:
    """One run's view of a cache folder: the command and the options in its keys.

    Made by :func:`open_cache`; picklable, so worker processes use it as the parent
    does."""

    folder: str
    command: str
    options: dict[str, Any]
    fingerprint: str
    writable: bool = True
    stats: Stats = field(default_factory=Stats)

    def key_fields(self, path: str, digest: str) -> dict[str, Any]:
        return {
            "magic": MAGIC, "layout": LAYOUT, "kind": "result", "command": self.command, "code": self.fingerprint,
            "options": self.options, "path": path, "sha256": digest,
        }

    def entry_path(self, fields_: dict[str, Any]) -> str:
        key = _digest(fields_)
        return os.path.join(self.folder, f"v{LAYOUT}", key[:2], key[2:] + ".json")

    def text_fields(self, path: str, digest: str, fmt: str, options: Any, first: bool) -> dict[str, Any]:
        """The key of a text entry: the result's key, then how the text was rendered: the
        format, every field of the report options (a dataclass) and whether the file was
        the report's first. ``TypeError`` when an option is not plain JSON."""
        render = {"format": fmt, "options": _plain(options), "first": first}
        return dict(self.key_fields(path, digest), kind="text", render=render)

    def text_path(self, fields_: dict[str, Any]) -> str:
        """Beside the result entry of the same file: ``<result key>.<render key>.text``."""
        result = _digest({**{k: v for k, v in fields_.items() if k != "render"}, "kind": "result"})
        render = _digest(fields_["render"])
        return os.path.join(self.folder, f"v{LAYOUT}", result[:2], f"{result[2:]}.{render[:16]}.text")

    def missing(self, paths: list[str]) -> list[str]:
        """The paths with no entry for their current bytes (an unreadable file counts as
        missing): what a run has to check, for choosing how many processes to start. An
        entry found here is not yet trusted; :meth:`lookup` decides that."""
        out = []
        for path in paths:
            try:
                if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or a device is never opened here
                    out.append(path)
                    continue
                with open(path, "rb") as fh:
                    digest = hashlib.file_digest(fh, "sha256").hexdigest()
            except OSError:
                out.append(path)
                continue
            if not os.path.exists(self.entry_path(self.key_fields(path, digest))):
                out.append(path)
        return out

    def lookup(self, path: str, data: bytes) -> FileResult | None:
        """The cached result of the file ``path`` whose bytes are ``data``, or None."""
        want = self.key_fields(path, hashlib.sha256(data).hexdigest())
        fr = self.read(self.entry_path(want), want)
        if fr is None:
            self.stats.misses += 1
        else:
            self.stats.hits += 1
        return fr

    def read(self, entry: str, want: dict[str, Any]) -> FileResult | None:
        try:
            with open(entry, "rb") as fh:
                blob = fh.read()
        except OSError:
            return None
        try:
            return _trusted(blob, want)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError, ArithmeticError, zlib.error):
            return None

    def store(self, path: str, data: bytes, fr: FileResult) -> None:
        """Keep ``fr`` as the result of ``path`` with bytes ``data``; silently nothing
        when the result cannot be held exactly or the folder cannot be written."""
        if not self.writable:
            return
        try:
            plain = json.dumps(encode(fr), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (ValueError, TypeError, RecursionError):  # Uncacheable, a lone surrogate, an int too long for str()
            return
        # Compressed: a warm run reads the text entries, so a result is read only for a
        # format not seen yet, and JSON of results shrinks about six times.
        payload = zlib.compress(plain, 1)
        key = self.key_fields(path, hashlib.sha256(data).hexdigest())
        header = dict(key, payload_sha256=hashlib.sha256(payload).hexdigest(), payload_bytes=len(payload),
                      json_bytes=len(plain))
        blob = _canonical(header).encode() + b"\n" + payload
        entry = self.entry_path(key)
        try:
            _write_atomic(entry, blob)
        except OSError:
            self.writable = False
            return
        self.stats.stored += 1

    def lookup_text(self, path: str, data: bytes, fmt: str, options: Any, first: bool) -> CachedText | None:
        """The report text format ``fmt`` with ``options`` made for the file ``path`` whose
        bytes are ``data`` (as the report's first file or not), or None. A hit counts as a
        hit; a miss counts nothing (the caller goes on to :meth:`lookup`)."""
        return self.lookup_texts(path, data, [(fmt, options, first)])[0]

    def lookup_texts(self, path: str, data: bytes, renderings: list[tuple[str, Any, bool]],
                     valid: Any = None) -> list[CachedText | None]:
        """The text of each rendering ``(fmt, options, first)`` of the file ``path`` whose
        bytes are ``data``, None where there is none to trust (or, with ``valid``, where
        ``valid(fmt, text)`` is false: the report module's own check of its text). The file
        counts as a hit (served by its texts) only when every one is there; otherwise
        nothing is counted (the caller goes on to :meth:`lookup` for the missing ones)."""
        digest = hashlib.sha256(data).hexdigest()
        out = [self._read_text(path, digest, *r) for r in renderings]
        if valid is not None:
            out = [hit if hit is None or valid(r[0], hit.text) else None for hit, r in zip(out, renderings)]
        if all(hit is not None for hit in out):
            self.stats.hits += 1
            self.stats.texts += 1
        return out

    def _read_text(self, path: str, digest: str, fmt: str, options: Any, first: bool) -> CachedText | None:
        try:
            want = self.text_fields(path, digest, fmt, options, first)
            entry = self.text_path(want)
        except (TypeError, ValueError):
            return None
        try:
            with open(entry, "rb") as fh:
                blob = fh.read()
        except OSError:
            return None
        try:
            return _trusted_text(blob, want)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError, ArithmeticError, zlib.error):
            return None

    def store_text(self, path: str, data: bytes, fmt: str, options: Any, first: bool, text: str, fr: FileResult) -> None:
        """Keep ``text``, the report text format ``fmt`` with ``options`` made for ``fr`` (the
        result of ``path`` with bytes ``data``), with the counts a run takes from ``fr``;
        silently nothing when something cannot be held exactly or the folder cannot be
        written."""
        if not self.writable:
            return
        try:
            want = self.text_fields(path, hashlib.sha256(data).hexdigest(), fmt, options, first)
            meta = [encode(fr.problems), [[c.verdict, c.passed] for c in fr.claims], [list(i) for i in fr.inputs]]
            meta_bytes = json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            # surrogatepass: a lone surrogate (a file name's undecodable byte) comes back as it was.
            text_bytes = text.encode("utf-8", "surrogatepass")
        except (ValueError, TypeError, RecursionError):
            return
        body = meta_bytes + text_bytes
        header = dict(want, meta_bytes=len(meta_bytes), text_bytes=len(text_bytes),
                      body_sha256=hashlib.sha256(body).hexdigest())
        try:
            _write_atomic(self.text_path(want), _canonical(header).encode() + b"\n" + body)
        except OSError:
            self.writable = False
            return
        self.stats.texts_stored += 1


def _digest(fields_: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical(fields_).encode()).hexdigest()


def _plain(options: Any) -> dict[str, Any]:
    """A report's options (a dataclass) as JSON data: every field, by name."""
    out = {f.name: getattr(options, f.name) for f in fields(options)}
    for name, v in out.items():
        if v is not None and type(v) not in (str, int, bool):
            raise TypeError(f"a report option {name} that is not plain JSON")
    return out


def _header(head: bytes, want: dict[str, Any]) -> dict[str, Any] | None:
    header = json.loads(head)
    if type(header) is not dict:
        return None
    # Compared as canonical JSON text, so that 1 never passes for true.
    if _canonical({k: header.get(k) for k in want}) != _canonical(want):
        return None
    return header


def _trusted_text(blob: bytes, want: dict[str, Any]) -> CachedText | None:
    head, sep, body = blob.partition(b"\n")
    if not sep:
        return None
    header = _header(head, want)
    if header is None:
        return None
    meta_bytes, text_bytes = header.get("meta_bytes"), header.get("text_bytes")
    if type(meta_bytes) is not int or type(text_bytes) is not int or meta_bytes < 0 or text_bytes < 0 \
            or meta_bytes + text_bytes != len(body):
        return None
    if header.get("body_sha256") != hashlib.sha256(body).hexdigest():
        return None
    meta = decode(body[:meta_bytes])
    if type(meta) is not list or len(meta) != 3 or not all(type(part) is list for part in meta):
        return None
    problems, pairs, inputs = meta
    if not all(type(p) is Problem and type(p.path) is str and type(p.line) is int and type(p.col) is int
               and type(p.message) is str for p in problems):
        return None
    verdicts = tuple((v[0], v[1]) for v in pairs if type(v) is list and len(v) == 2 and v[0] in VERDICTS and type(v[1]) is bool)
    if len(verdicts) != len(pairs):
        return None
    for dep in inputs:
        if type(dep) is not list or len(dep) != 2 or type(dep[0]) is not str or sha256_file(dep[0]) != dep[1]:
            return None
    return CachedText(body[meta_bytes:].decode("utf-8", "surrogatepass"), tuple(problems), verdicts)


def _trusted(blob: bytes, want: dict[str, Any]) -> FileResult | None:
    head, sep, payload = blob.partition(b"\n")
    if not sep:
        return None
    header = _header(head, want)
    if header is None:
        return None
    if header.get("payload_bytes") != len(payload) or header.get("payload_sha256") != hashlib.sha256(payload).hexdigest():
        return None
    size = header.get("json_bytes")
    if type(size) is not int or not 0 < size <= MAX_JSON_BYTES:
        return None
    inflate = zlib.decompressobj()
    plain = inflate.decompress(payload, size)
    if len(plain) != size or not inflate.eof or inflate.unconsumed_tail or inflate.unused_data:
        return None
    fr = decode(plain)
    if type(fr) is not FileResult or fr.path != want["path"]:
        return None
    for dep, digest in fr.inputs:
        if type(dep) is not str or sha256_file(dep) != digest:
            return None
    return fr


def _canonical(fields_: dict[str, Any]) -> str:
    return json.dumps(fields_, sort_keys=True, ensure_ascii=True, separators=(",", ":"))


def _write_atomic(entry: str, blob: bytes) -> None:
    folder = os.path.dirname(entry)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, entry)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def open_cache(folder: str, command: str, options: dict[str, Any]) -> tuple[Cache | None, str | None]:
    """The cache in ``folder`` for ``command`` with ``options`` (JSON values), creating
    the folder with its ``.gitignore`` and ``CACHEDIR.TAG``; or ``(None, reason)`` when
    it cannot be created or written (the run then goes uncached)."""
    try:
        os.makedirs(folder, exist_ok=True)
        _mark(folder, ".gitignore", "# Created by claimcheck: its cache is not for version control.\n*\n")
        _mark(folder, "CACHEDIR.TAG", _TAG)
        if not os.access(folder, os.W_OK | os.X_OK):
            raise PermissionError(13, "permission denied")
    except OSError as e:
        return None, f"cache not used: cannot write {folder}: {(e.strerror or str(e)).lower()}"
    return Cache(folder, command, options, code_fingerprint()), None


def _mark(folder: str, name: str, text: str) -> None:
    path = os.path.join(folder, name)
    if os.path.exists(path):
        return
    _write_atomic(path, text.encode())


def cache_folder(flag: str | None, env: dict[str, str] | None = None) -> tuple[str, bool]:
    """The folder to use and whether the user named it: ``--cache-dir``, else
    ``$CLAIMCHECK_CACHE_DIR``, else ``.claimcheck_cache`` in the working folder."""
    if flag:
        return flag, True
    value = (env if env is not None else os.environ).get(ENV_DIR, "")
    if value:
        return value, True
    return DEFAULT_DIR, False
