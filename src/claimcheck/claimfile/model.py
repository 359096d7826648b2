"""Pydantic models of a claim file: the single source of truth for its shape.

A claim file (the README's "For reporters" section) is one story: a title, its ``sources:``,
its raw ``figures:`` and the ``claims:`` (and ``checks:``) to recompute from them.

No I/O here. :mod:`claimcheck.claimfile.load` turns YAML into plain data with locations
and validates it against :class:`ClaimFile`; ``claimcheck schema`` prints the JSON Schema
generated from these models (:mod:`claimcheck.claimfile.schema`), and the repo ships it as
``claims/claimfile.schema.json``.

Numbers are read by :func:`claimcheck.numbers.parse_number` into exact
:class:`~claimcheck.numbers.Written` values that remember their precision; periods are
ISO 8601 text read by :class:`Period`; figures and expressions are parsed here, so an
invalid claim never reaches the engine.

It is longer than 500 lines: every key of the file is declared here with the type that
reads it (numbers, periods, figures, expressions, table paths, queries and cells), and
every value's own check lives beside its model, the tolerance values' included (a width
of 0 or more, a percent where the band is a share), so the schema generated from these
models and the loader cannot disagree and one file says what a claim file may hold.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Annotated, Any, Literal, Optional

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    create_model,
    model_validator,
)

from claimcheck.numbers import SCHEMA_PATTERN, NumberError, Written, parse_number
from claimcheck.verdicts import hedges

# --- scalar types -----------------------------------------------------------------------


def _to_written(v: Any) -> Written:
    if isinstance(v, Written):
        return v
    if isinstance(v, bool) or v is None:
        raise ValueError(f"expected a number, got {describe_value(v)}")
    if isinstance(v, float):
        # Binary floats never touch a figure (0.1 + 0.2 is not 0.3): refuse rather than guess.
        raise ValueError("expected a number written as text; binary floats are not accepted")
    if not isinstance(v, (str, int)):
        raise ValueError(f"expected a number, got {describe_value(v)}")
    try:
        return parse_number(v)
    except NumberError as e:
        raise ValueError(str(e)) from None



Number = Annotated[
    Written,
    PlainValidator(_to_written),
    PlainSerializer(lambda w: w.text, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                # 19.5 unquoted is a float to an editor and exact text to the loader.
                {"type": "number"},
                {"type": "string", "pattern": SCHEMA_PATTERN},
            ],
            "description": 'An exact number: 1224, 1_224, "1,224", "19.1%", "$4.8 million".',
            "examples": [1224, "1,224", "19.1%"],
        }
    ),
]


@dataclass(frozen=True, slots=True)
class Period:
    """An ISO 8601 period: a year ``2025``, a month ``2025-06``, a day ``2025-06-29``, or an
    interval ``start/end`` of those (inclusive: ``2025-07-01/2025-07-27`` is 27 days)."""

    text: str
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return self.text


_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _bounds(part: str) -> tuple[date, date]:
    m = _DATE_RE.fullmatch(part)
    if m is None:
        raise ValueError(
            f"'{part}' is not an ISO 8601 date; write a year 2025, a month 2025-06 or a day 2025-06-29"
        )
    year = int(m[1])
    if m[2] is None:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(m[2])
    if not 1 <= month <= 12:
        raise ValueError(f"'{part}' has month {month}; months run 01 to 12")
    last = calendar.monthrange(year, month)[1]
    if m[3] is None:
        return date(year, month, 1), date(year, month, last)
    day = int(m[3])
    if not 1 <= day <= last:
        raise ValueError(f"'{part}' is not a real date: {calendar.month_name[month]} {year} has {last} days")
    d = date(year, month, day)
    return d, d


def parse_period(v: Any) -> Period:
    if isinstance(v, Period):
        return v
    if not isinstance(v, str):
        raise ValueError(f"expected an ISO 8601 period such as 2025-06, got {describe_value(v)}")
    text = v.strip()
    if "/" not in text and _DATE_RE.fullmatch(text) is None:
        raise ValueError(
            f"'{text}' is not an ISO 8601 period; write a year 2025, a month 2025-06, a day 2025-06-29 "
            "or an interval start/end such as 2015/2016 or 2025-07-01/2025-07-27"
        )
    if "/" in text:
        a, _, b = text.partition("/")
        start, _ = _bounds(a.strip())
        _, end = _bounds(b.strip())
        if end < start:
            raise ValueError(f"period '{text}' ends before it starts")
    else:
        start, end = _bounds(text)
    return Period(text, start, end)


PeriodField = Annotated[
    Period,
    PlainValidator(parse_period),
    PlainSerializer(lambda p: p.text, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?(/\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$"},
            ],
            "description": "ISO 8601: a year 2025, a month 2025-06, a day 2025-06-29, or start/end (2015/2016).",
            "examples": ["2025-06", "2025-07-01/2025-07-27"],
        }
    ),
]


def _parse_claimed(v: Any):
    from claimcheck.figures import FigureError, parse_figure

    if not isinstance(v, str):
        raise ValueError(f"expected the claimed figure in words, such as 'nearly 20% drop', got {describe_value(v)}")
    try:
        return parse_figure(v)
    except FigureError as e:
        raise ValueError(str(e)) from None


FigureText = Annotated[
    Any,
    PlainValidator(_parse_claimed),
    PlainSerializer(lambda f: f.text, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "What the speaker claimed, in words: value, hedge and direction.",
            "examples": ["nearly 20% drop", "down 10%", "more than 18,000", "doubled", "dipped slightly"],
        }
    ),
]


def _parse_expression(v: Any):
    from claimcheck.expr import EvalError, parse_expr

    if not isinstance(v, str):
        raise ValueError(f"expected an expression such as pct_change(june, july), got {describe_value(v)}")
    try:
        return parse_expr(v)
    except EvalError as e:
        from pydantic_core import PydanticCustomError

        # Keep the column inside the expression so the loader can point at it.
        raise PydanticCustomError("expression", "{message}", {"message": e.message, "col": e.col or 0}) from None


Expression = Annotated[
    Any,
    PlainValidator(_parse_expression),
    PlainSerializer(lambda p: p.text, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": (
                "Exact arithmetic over figure names: + - * / ( ), pct_change(old, new), "
                "pp_change(old, new), ratio(a, b), share(part, whole), diff(old, new), "
                "per_day(x), sum(...), mean(...)."
            ),
            "examples": ["pct_change(june_daily_arrests, july_daily_arrests)", "june_daily * 30"],
        }
    ),
]

VerdictName = Literal["accurate", "approximate", "inaccurate", "unverifiable"]
SpeakerType = Literal["person", "organization"]


def _parse_date(v: Any) -> str:
    """An ISO 8601 calendar date, a month or a year, as text: ``2025-07-29``."""
    if isinstance(v, bool) or not isinstance(v, (str, int)):
        raise ValueError(f"expected an ISO 8601 date such as 2025-07-29, got {describe_value(v)}")
    text = str(v).strip()
    if "/" in text:
        raise ValueError(f"'{text}' is an interval; a date is one day, such as 2025-07-29")
    _bounds(text)
    return text


DateField = Annotated[
    str,
    PlainValidator(_parse_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"},
            ],
            "description": "ISO 8601: a day 2025-07-29 (or a month 2025-07, a year 2025).",
            "examples": ["2025-07-29"],
        }
    ),
]

_ID_RE = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
Identifier = Annotated[str, Field(pattern=_ID_RE, max_length=100)]


def describe_value(v: Any) -> str:
    """A user's value in a message: 'text', a mapping, the boolean true, nothing."""
    if v is None:
        return "nothing (an empty value)"
    if isinstance(v, bool):
        return f"the boolean {str(v).lower()}"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, str):
        return f"'{v}'" if len(v) <= 40 else f"'{v[:37]}…'"
    return repr(v)


# --- tables: where a figure's number is read from ------------------------------------------

#: The table files a figure may read, by suffix: queried with ``sql:`` or read by ``cell:``.
QUERY_SUFFIXES = (".csv", ".tsv", ".parquet")
CELL_SUFFIXES = (".xlsx",)


def _table_path(v: Any) -> str:
    """A table's path as written, checked for its shape only (no I/O here): relative,
    inside the claim file's folder, a known suffix. :mod:`claimcheck.tables` checks the
    file itself (symbolic links, size)."""
    if not isinstance(v, str) or not v.strip():
        raise ValueError(f"expected the path of a table such as data/table.csv, got {describe_value(v)}")
    if "\x00" in v:
        raise ValueError("a table path cannot contain a NUL byte")
    parts = re.split(r"[/\\]", v)
    if v.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", v) or v.startswith("~"):
        raise ValueError(f"'{v}' is an absolute path; give the table's path relative to the claim file's folder")
    if ".." in parts:
        raise ValueError(f"'{v}' leads out of the claim file's folder ('..'); keep tables inside it")
    if not v.lower().endswith(QUERY_SUFFIXES + CELL_SUFFIXES):
        raise ValueError(f"'{v}' is not a table claimcheck reads; give a .csv, .tsv, .parquet or .xlsx file")
    return v


def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" for c in word)


TablePath = Annotated[str, PlainValidator(_table_path), WithJsonSchema({
    "type": "string",
    "pattern": r"\.(" + "|".join(_any_case(s[1:]) for s in QUERY_SUFFIXES + CELL_SUFFIXES) + ")$",
})]


def _query(v: Any) -> str:
    if not isinstance(v, str) or not v.strip():
        raise ValueError(f"expected one SELECT over the table t, such as select sum(held) from t, got {describe_value(v)}")
    return v


Query = Annotated[str, PlainValidator(_query), WithJsonSchema({"type": "string"})]

#: ``Sheet1!B12``, ``'Sheet one'!B12`` or ``B12``: a sheet (optional) and one cell.
CELL_PATTERN = r"^(('([^']|'')+'|[^'!:\[\]*?/\\]+)!)?[A-Za-z]{1,3}[1-9][0-9]{0,6}$"


def _cell_ref(v: Any) -> str:
    if not isinstance(v, str) or re.fullmatch(CELL_PATTERN, v.strip()) is None:
        raise ValueError(f"expected a cell such as Sheet1!B12 or B12, got {describe_value(v)}")
    return v.strip()


CellRef = Annotated[str, PlainValidator(_cell_ref), WithJsonSchema({"type": "string", "pattern": CELL_PATTERN})]


# --- tolerance: generated from the one hedge table --------------------------------------

# defer_build: these models are only ever validated inside ClaimFile, whose validator holds
# them all; building a standalone validator for each of the 17 at import cost every run
# (start-up, benchmarks/README.md) and was never used. Validation is the same either way.
_STRICT = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True)


def _plain(x: Fraction) -> str:
    """An exact decimal as text: 8, 7.5, 0.125 (a tolerance's value, in a hint)."""
    from decimal import Decimal, localcontext

    with localcontext() as ctx:
        ctx.prec = 50
        return format((Decimal(x.numerator) / Decimal(x.denominator)).normalize(), "f")


def _to_share(v: Any) -> Written:
    """A tolerance that is a share of X: a percent of 0 or more ("8%"). A plain 0.08 was
    read as 8% and "$5 million" as 500,000,000%; a negative one turned the band inside out."""
    w = _to_written(v)
    if w.value < 0:
        raise ValueError(f"'{w.text}' is negative; a tolerance is a width: write {_plain(-w.value * 100)}%")
    if not w.percent or w.currency or w.scaled:
        if w.currency or w.scaled or w.percent:
            example = "5%"
        else:
            example = f"{_plain(w.value * 100)}%" if 0 < w.value < 1 else f"{w.text}%"
        raise ValueError(f"'{w.text}' is not a percent; write the tolerance as a percent of the claimed number, such as {example}")
    return w


def _to_units(v: Any) -> Written:
    """A tolerance counted in units of the claimed number's last digit: a plain number of
    0 or more ("0.5", "1")."""
    w = _to_written(v)
    if w.percent or w.currency or w.scaled:
        raise ValueError(f"'{w.text}' is not a number of units; write how many units of the last digit, such as 0.5 or 1")
    if w.value < 0:
        raise ValueError(f"'{w.text}' is negative; a tolerance is a width: write {_plain(-w.value)}")
    return w


def _tolerance_number(check: Any) -> Any:
    # The schema stays the one number pattern (tests/unit/claimfile/test_schema.py); the
    # sign and the percent are the loader's to refuse, with the fix in the message.
    return Annotated[
        Written,
        PlainValidator(check),
        PlainSerializer(lambda w: w.text, return_type=str),
        WithJsonSchema(Number.__metadata__[2].json_schema),  # type: ignore[attr-defined]
    ]


ShareTolerance = _tolerance_number(_to_share)
UnitsTolerance = _tolerance_number(_to_units)


def _rule_model(rule: hedges.HedgeRule) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for key, p in rule.params.items():
        shown = f"{p.default * 100}%" if p.percent else str(p.default)
        kind = ShareTolerance if p.percent else UnitsTolerance
        fields[key] = (Optional[kind], Field(None, description=f"{p.meaning} (default {shown})"))
    return create_model(  # type: ignore[call-overload]
        f"Tolerance_{rule.name}",
        __config__=_STRICT,
        __doc__=f"Bands of the '{rule.name}' rule. Accurate: {rule.accurate}. Approximate: {rule.approximate}.",
        **fields,
    )


Tolerance: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "Tolerance",
    __config__=_STRICT,
    __doc__="Overrides of the hedge table's bands (see `claimcheck rules`), by rule and parameter.",
    **{r.name: (Optional[_rule_model(r)], Field(None, description=f"{r.accurate}; approximate: {r.approximate}")) for r in hedges.RULES},
)


def tolerance_overrides(*levels: BaseModel | None) -> dict[str, Fraction]:
    """Flatten tolerance models (file level first, claim level last) to ``rule.param`` keys."""
    out: dict[str, Fraction] = {}
    for tol in levels:
        if tol is None:
            continue
        for rule_name in type(tol).model_fields:
            bands = getattr(tol, rule_name)
            if bands is None:
                continue
            for key in type(bands).model_fields:
                w = getattr(bands, key)
                if w is not None:
                    out[f"{rule_name}.{key}"] = w.value
    return out


# --- the claim file ---------------------------------------------------------------------


class Source(BaseModel):
    """A cited source, referenced by its id from figures and claims."""

    model_config = _STRICT

    publisher: str = Field(description="Who published the data or made the statement.", examples=["TRAC, Syracuse University"])
    url: Optional[str] = Field(None, description="Where to read it.", examples=["https://tracreports.org/"])
    title: Optional[str] = Field(None, description="Title of the report or article.")
    date: Optional[DateField] = Field(None, description="Publication date, ISO 8601.", examples=["2025-07-29"])
    note: Optional[str] = Field(None, description="Anything a fact-checker should know about this source.")


class Publisher(BaseModel):
    """The fact-checking organisation that publishes the verdicts: the ``author`` of each
    ClaimReview."""

    model_config = _STRICT

    name: str = Field(description="The organisation's name.", examples=["Example Fact Check"])
    url: Optional[str] = Field(None, description="The organisation's home page.", examples=["https://factcheck.example.org/"])


class Figure(BaseModel):
    """A raw number with its unit, period and source; or a figure derived by ``compute``.

    In a claim's local ``figures:`` a bare number is allowed: ``june: 31000``.
    """

    model_config = _STRICT

    value: Optional[Number] = Field(None, description="The number as published.", examples=[1224, "1,224", "71%"])
    compute: Optional[Expression] = Field(None, description="Derive this figure from others instead of giving a value.")
    from_: Optional[TablePath] = Field(None, alias="from", description="Take the number from a table instead: a .csv, .tsv or .parquet file (with `sql:`) or an .xlsx workbook (with `cell:`), relative to the claim file's folder. Needs `pip install \"claimcheck[data]\"`.", examples=["data/detention_2025-07-27.csv"])
    sql: Optional[Query] = Field(None, description="With `from:` a .csv, .tsv or .parquet file: one SELECT over the table `t` giving exactly one number.", examples=["select sum(held) from t where conviction = 'none'"])
    cell: Optional[CellRef] = Field(None, description="With `from:` an .xlsx workbook: the cell holding the number, `Sheet!B12` (or `B12` on the first sheet).", examples=["Sheet1!B12"])
    unit: Optional[str] = Field(None, description="What is counted; a rate names its period.", examples=["arrests/day", "people", "%"])
    period: Optional[PeriodField] = Field(None, description="The period the figure covers, ISO 8601.")
    source: Optional[str] = Field(None, description="Id of a source under `sources:`.", examples=["trac"])
    exact: bool = Field(False, strict=True, description="The number is exact even if it looks rounded (31,000 otherwise stands for 30,500–31,500).")
    note: Optional[str] = Field(None, description="Where in the source the number is, or caveats.")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, (str, int)) and not isinstance(data, bool):
            return {"value": data}
        return data

    @model_validator(mode="after")
    def _value_or_compute(self) -> "Figure":
        if self.from_ is None and (self.sql is not None or self.cell is not None):
            raise ValueError(f"'{'sql' if self.sql is not None else 'cell'}' reads a table: give the table with 'from:'")
        given = [k for k, v in (("value", self.value), ("compute", self.compute), ("from", self.from_)) if v is not None]
        if len(given) != 1:
            raise ValueError("a figure needs exactly one of 'value' or 'compute', or 'from' naming a table"
                             + (f"; it has {' and '.join(given)}" if given else ""))
        if self.from_ is not None and (self.sql is None) == (self.cell is None):
            raise ValueError("a figure from a table needs exactly one of 'sql' (a .csv, .tsv or .parquet table) or 'cell' (an .xlsx workbook)")
        return self


class Claim(BaseModel):
    """One published statement with a number in it, and how to recompute that number."""

    model_config = _STRICT

    id: Identifier = Field(description="Unique within the file; letters, digits, '.', '_', '-'.", examples=["axios-nearly-20"])
    speaker: str = Field(description="Who made the claim.", examples=["Axios"])
    statement: str = Field(description="The claim as the speaker made it, quoted briefly.")
    figure: FigureText = Field(description="The claimed figure in words.")
    compute: Optional[Expression] = Field(None, description="How to recompute the figure from raw numbers; without it the claim is unverifiable.")
    source: Optional[str] = Field(None, description="Id of the source where the claim was made or published.")
    figures: dict[str, Figure] = Field(default_factory=dict, description="Claim-local figures; they shadow file-level ones.")
    verdict: Optional[VerdictName] = Field(None, description="The published rating; CI fails when the arithmetic disagrees.")
    tolerance: Optional[Tolerance] = Field(None, description="Band overrides for this claim.")  # type: ignore[valid-type]
    speaker_type: Optional[SpeakerType] = Field(None, description="Whether the speaker is a person or an organization (the author's type in ClaimReview); overrides `speakers:`.")
    date: Optional[DateField] = Field(None, description="When the claim was made, ISO 8601 (the claim's datePublished in ClaimReview).")
    article: Optional[str] = Field(None, description="URL of the article or transcript where the claim appeared; overrides the file's `article:`.")
    url: Optional[str] = Field(None, description="Where the claim was made (older spelling of `article:`).")
    note: Optional[str] = Field(None, description="For an unverifiable claim: what data would settle it.")


class Check(BaseModel):
    """A consistency check between two expressions, e.g. two sources measuring one thing."""

    model_config = _STRICT

    id: Identifier = Field(description="Unique within the file, shared with claim ids.")
    statement: str = Field(description="What is being compared, in words.")
    left: Expression = Field(description="The first expression.", examples=["june_daily_arrests * 30"])
    right: Expression = Field(description="The expression it should agree with.", examples=["dhs_june_arrests"])
    within: Number = Field(description="How far apart they may be, relative to the right side.", examples=["5%"])
    figures: dict[str, Figure] = Field(default_factory=dict, description="Check-local figures.")
    verdict: Optional[VerdictName] = Field(None, description="The expected outcome; CI fails when it differs.")
    note: Optional[str] = Field(None, description="What the comparison means.")


class ClaimFile(BaseModel):
    """A claim file: one story, its sources, its raw figures and its claims."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="claimcheck claim file")

    title: str = Field(description="The story or fact-check this file covers.", examples=["ICE arrests, June–July 2025"])
    url: Optional[str] = Field(None, description="URL of the published fact-check itself, the page these verdicts appear on (ClaimReview's url); not the article checked.", examples=["https://factcheck.example.org/2025/ice-arrests"])
    date: Optional[DateField] = Field(None, description="Date the fact-check was published, ISO 8601 (ClaimReview's datePublished).")
    publisher: Optional[Publisher] = Field(None, description="The fact-checking organisation publishing the verdicts (ClaimReview's author).")
    article: Optional[str] = Field(None, description="URL of the article whose claims this file checks (each claim's appearance in ClaimReview).", examples=["https://news.example.com/2025/07/ice-arrests"])
    speakers: dict[str, SpeakerType] = Field(default_factory=dict, description="Who each speaker is, by the name used in `speaker:`: person or organization.", examples=[{"Axios": "organization", "Tricia McLaughlin, DHS": "person"}])
    tolerance: Optional[Tolerance] = Field(None, description="Band overrides for every claim in this file.")  # type: ignore[valid-type]
    sources: dict[str, Source] = Field(default_factory=dict, description="Citations, by id.")
    figures: dict[str, Figure] = Field(default_factory=dict, description="Raw numbers, by name.")
    claims: list[Claim] = Field(default_factory=list, description="The claims to check.")
    checks: list[Check] = Field(default_factory=list, description="Consistency checks across sources.")


#: Keys each model accepts, for "did you mean" on an unknown key.
MODEL_KEYS: dict[str, tuple[str, ...]] = {
    m.__name__: tuple(f.alias or k for k, f in m.model_fields.items()) for m in (ClaimFile, Source, Publisher, Figure, Claim, Check, Tolerance)
}
for _r in hedges.RULES:
    MODEL_KEYS[f"Tolerance_{_r.name}"] = tuple(_r.params)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a claim file (Draft 7 compatible, what yaml-language-server reads)."""
    schema = ClaimFile.model_json_schema(ref_template="#/definitions/{model}")
    defs = schema.pop("$defs", {})
    # A local figure may be a bare number; the model accepts it through `_shorthand`.
    fig = defs.get("Figure")
    if fig is not None:
        defs["Figure"] = {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": SCHEMA_PATTERN},
                {k: v for k, v in fig.items()},
            ],
            "description": fig.get("description", ""),
        }
    out: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://claimcheck.dev/claimfile.schema.json",
    }
    out.update(schema)
    out["definitions"] = defs
    _refuse_placeholders(out)
    return out


#: The schema's side of the loader's placeholder check: free text may not start with TODO.
PLACEHOLDER_PATTERN = r"^\s*TODO([:\s]|$)"


def _refuse_placeholders(node: Any) -> None:
    """Every text of the schema (but fixed choices) refuses a scaffold's ``TODO``, as the
    loader does (:data:`PLACEHOLDER_PATTERN`); free text may also be a plain number
    (``title: 2026``), which the loader reads as the text it is and an editor as a number."""
    if isinstance(node, dict):
        if node.get("type") == "string" and "enum" not in node and "const" not in node:
            node["not"] = {"type": "string", "pattern": PLACEHOLDER_PATTERN}
            if "pattern" not in node:
                node["type"] = ["string", "number"]
            return
        for v in node.values():
            _refuse_placeholders(v)
    elif isinstance(node, list):
        for v in node:
            _refuse_placeholders(v)
