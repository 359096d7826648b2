"""Pydantic's validation errors → located one-line :class:`~claimcheck.results.Problem`\\ s.

Each error's data path is mapped back to the YAML node it came from (the key, for an
unknown key; the owning mapping, for a missing one; a column inside the text, for an
expression) and its message rewritten for a reporter: "did you mean" on unknown keys and
misspelled choices, what was expected and what was written instead.
"""

from __future__ import annotations

from typing import Any

from claimcheck.expr import suggest
from claimcheck.results import Problem


def one_line(s: str) -> str:
    """Any run of whitespace (line breaks included) as one space."""
    return " ".join(s.split())


def model_at(loc: tuple[Any, ...]) -> str:
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
    if head == "publisher":
        return "Publisher"
    if head == "figures":
        return "Figure"
    if head in ("claims", "checks"):
        if len(loc) >= 4 and loc[2] == "figures":
            return "Figure"
        return "Claim" if head == "claims" else "Check"
    return "ClaimFile"


def pydantic_problem(path: str, err: dict, locs: Any) -> Problem:
    """One error of ``ValidationError.errors()`` as a located problem; ``locs`` is the
    file's :class:`~claimcheck.claimfile.yaml.Locations`."""
    from claimcheck.claimfile.model import MODEL_KEYS, describe_value

    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("function-", "[key]"))))
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        key = loc[-1]
        line, col = locs.key_of(loc)
        msg = f"unknown key '{key}'"
        hit = suggest(str(key), MODEL_KEYS.get(model_at(loc[:-1]), ()))
        if hit:
            msg += f" — did you mean '{hit}'?"
        else:
            allowed = MODEL_KEYS.get(model_at(loc[:-1]), ())
            if allowed:
                msg += f"; expected one of: {', '.join(allowed)}"
        return Problem(path, line, col, msg)
    if kind == "missing":
        line, col = locs.of(loc[:-1])
        where = owner(loc[:-1])
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
        msg = f"{label}expected one of {', '.join(choices)}; got {describe_value(value)}"
        if isinstance(value, str):
            hit = suggest(value, choices)
            if hit:
                msg += f" — did you mean '{hit}'?"
        return Problem(path, line, col, msg)
    if kind in ("string_type",):
        return Problem(path, line, col, f"{label}expected text, got {describe_value(value)}")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return Problem(path, line, col, f"{label}expected a mapping of keys, got {describe_value(value)}")
    if kind == "list_type":
        return Problem(path, line, col, f"{label}expected a list, got {describe_value(value)}")
    if kind in ("bool_type", "bool_parsing"):
        return Problem(path, line, col, f"{label}expected true or false, got {describe_value(value)}")
    if kind == "string_pattern_mismatch":
        return Problem(path, line, col, f"{label}{describe_value(value)} may contain only letters, digits, '.', '_' and '-', and must start with a letter or digit")
    if kind == "string_too_long":
        return Problem(path, line, col, f"{label}too long ({len(value)} characters; at most {err.get('ctx', {}).get('max_length')})")
    return Problem(path, line, col, f"{label}{one_line(err['msg'])}")


def owner(loc: tuple[Any, ...]) -> str:
    """The prefix naming what lacks a key: ``claim 2: ``, ``figure 'june': ``, or none."""
    if len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int):
        return f"claim {loc[1] + 1}: " if len(loc) == 2 else ""
    if len(loc) >= 2 and loc[0] == "checks" and isinstance(loc[1], int):
        return f"check {loc[1] + 1}: " if len(loc) == 2 else ""
    if len(loc) == 2 and loc[0] in ("figures", "sources"):
        return f"{loc[0][:-1]} '{loc[1]}': "
    return ""
