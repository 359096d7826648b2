"""The one JSON writer: every JSON report (verify, scan, calc, rules, ClaimReview) is
encoded here.

:func:`encode` gives exactly the text of ``json.dumps(obj, indent=2, ensure_ascii=False)``,
faster: ``json.dumps`` with ``indent`` falls back to the pure-Python encoder (a few dozen
generator frames per object, the whole cost of a large report), while here each
dictionary is one list comprehension over its values, its keys' text is built once per
shape of dictionary, and every string goes through the C escaper ``json.dumps`` itself
uses. Reports build dictionaries, lists, strings, integers, booleans and None; anything
else (a float, a non-text key, a subclass) is left to ``json`` itself.

:func:`encode_safe` gives the same text with the characters ``json.dumps`` passes
through raw but a terminal or an editor may act on (DEL, C1 controls such as U+009B, a
CSI to some terminals, bidi overrides, line and paragraph separators, noncharacters)
written as ``\\uXXXX`` escapes, which mean the same characters to a JSON reader: ``cat
report.json`` is then as safe as the terminal report. Only strings whose escaped text is
not all printable (a fast check in C) are searched for them.

A document streamed piece by piece encodes each piece at its depth in the document:
``encode(obj, depth, lead)`` indents continuation lines by ``depth`` more levels and
puts ``lead`` (a comma, the first line's indentation) before the text.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable

INDENT = 2

_escape: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]  # C; ensure_ascii=False
_PADS = ["\n" + " " * (INDENT * n) for n in range(32)]
_MAX_DEPTH = len(_PADS) - 2  # deeper than this (never, in a report) goes to json itself

_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]")


def _unsafe_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def _escape_safe(s: str) -> str:
    e = _escape(s)
    # Every unsafe character is unprintable; most strings are printable throughout.
    return e if e.isprintable() else _UNSAFE.sub(_unsafe_escape, e)


_MAX_SHAPES = 1024


def _prefixes(shape: tuple, esc: Callable[[str], str]) -> list[str] | None:
    """The text before each value of a dictionary: "{\n    \"id\": ", ",\n    \"kind\": ", …"""
    depth, keys = shape[0], shape[1:]
    if any(type(k) is not str for k in keys):
        return None
    pad = _PADS[depth + 1]
    return ["{" + pad + esc(keys[0]) + ": "] + ["," + pad + esc(k) + ": " for k in keys[1:]]


def _slow(obj: Any, depth: int, esc: Callable[[str], str]) -> str:
    # Anything unusual is left to json itself (the same text, with the same escaping).
    text = json.dumps(obj, indent=INDENT, ensure_ascii=False).replace("\n", "\n" + " " * (INDENT * depth))
    return text if esc is _escape or not _UNSAFE.search(text) else _UNSAFE.sub(_unsafe_escape, text)


def _writer(esc: Callable[[str], str]) -> Callable[..., str]:
    """An encoder whose strings (values and keys) are escaped by ``esc``."""
    # (depth, key, key, …) → the text before each value: a report has a handful of
    # dictionary shapes, each met thousands of times.
    shapes: dict[tuple, list[str]] = {}

    # ``lead`` is text to put before the value. A container's text can be a file's worth
    # of claims: it is glued to the container's first small piece, and each level joins
    # its pieces once, so no large text is copied for a concatenation.

    def encode(obj: Any, depth: int = 0, lead: str = "") -> str:
        t = type(obj)
        if t is str:
            return lead + esc(obj)
        if obj is None:
            return lead + "null"
        if t is dict:
            return dict_(obj, depth, lead) if obj else lead + "{}"
        if t is list or t is tuple:
            return list_(obj, depth, lead) if obj else lead + "[]"
        if obj is True:
            return lead + "true"
        if obj is False:
            return lead + "false"
        if t is int:
            return lead + int.__repr__(obj)
        return lead + _slow(obj, depth, esc)

    def dict_(obj: dict, depth: int, lead: str) -> str:
        if depth > _MAX_DEPTH:
            return lead + _slow(obj, depth, esc)
        shape = (depth, *obj)
        pre = shapes.get(shape)
        if pre is None:
            pre = _prefixes(shape, esc)
            if pre is None:
                return lead + _slow(obj, depth, esc)
            if len(shapes) < _MAX_SHAPES:
                shapes[shape] = pre
        d1 = depth + 1
        parts = [
            p + esc(v) if type(v) is str else p + "null" if v is None else encode(v, d1, p)
            for p, v in zip(pre, obj.values())
        ]
        if lead:
            parts[0] = lead + parts[0]
        parts.append(_PADS[depth] + "}")
        return "".join(parts)

    def list_(obj: list | tuple, depth: int, lead: str) -> str:
        if depth > _MAX_DEPTH:
            return lead + _slow(obj, depth, esc)
        d1 = depth + 1
        pad = _PADS[d1]
        items = [esc(v) if type(v) is str else encode(v, d1) for v in obj]
        items[0] = lead + "[" + pad + items[0]
        items[-1] += _PADS[depth] + "]"
        return ("," + pad).join(items)

    return encode


#: ``lead + json.dumps(obj, indent=2, ensure_ascii=False)``, continuation lines ``depth`` levels in.
encode: Callable[..., str] = _writer(_escape)

#: :func:`encode` with the characters a terminal may act on escaped (see the module docstring).
encode_safe: Callable[..., str] = _writer(_escape_safe)
