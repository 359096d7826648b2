"""Loaded claim files → computations → verdicts → :class:`~claimcheck.results.FileResult`.

The engine never prints and never exits. It binds the figures a claim can see (claim-local
ones shadow file-level ones; derived figures are computed on first use), evaluates the
claim's expression exactly, asks :mod:`claimcheck.verdicts` for the verdict, and records
everything a report shows: the arithmetic, the rule, the diagnoses and the source of each
raw number.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, Iterable, Mapping

from claimcheck import lexicon
from claimcheck.expr import EvalError, Evaluation, Operand, ZeroBaseline, evaluate, parse_expr
from claimcheck.figures import ClaimedFigure, parse_figure
from claimcheck.claimfile import Loaded, Locations
from claimcheck.numbers import CURRENCIES, fmt_count, fmt_interval, fmt_percent, parse_number
from claimcheck.results import ClaimPublishing, ClaimResult, FileResult, InputFigure, Problem, Publishing, SourceRef, TableRef
from claimcheck.verdicts import Diagnosis, Judgement, compare_recorded, diagnoses, judge


@dataclass(frozen=True, slots=True)
class Policy:
    """What counts as failing, and which claims to run."""

    strict: bool = False  # approximate and unverifiable fail too
    only: frozenset[str] | None = None  # claim ids to run; None runs all


_CURRENCY_SYMBOLS = {code: sym for sym, code in CURRENCIES.items()}
_PERCENT_UNITS = lexicon.PERCENT_UNITS


class FigureError(EvalError):
    """An expression error inside a derived figure's ``compute:``, with the data path of
    that ``compute:`` (``where``) so it is located there, not at the claim using it."""

    def __init__(self, message: str, col: int | None, where: tuple) -> None:
        super().__init__(message, col)
        self.where = where


class _Scope:
    """The figures visible to one claim, resolved to operands on demand.

    A derived figure is computed once, after the figures it names: :meth:`operand` walks
    the figures a chain needs with an explicit stack, inputs first, so the evaluator only
    ever looks up figures already computed and a chain as deep as the loader allows
    (:data:`claimcheck.claimfile.xref.MAX_CHAIN`) costs no recursion.
    """

    def __init__(self, path: str, figures: Mapping[str, Any], parent: "_Scope | None", base: tuple, locs: Locations | None,
                 tables: Mapping[tuple, Any] | None = None) -> None:
        self.path = path
        self.figures = figures
        self.parent = parent
        self.base = base
        self.locs = locs
        self.cache: dict[str, Operand] = {}
        #: figures read from tables (claimcheck.tables.TableValue), by data path
        self.tables: Mapping[tuple, Any] = tables if tables is not None else (parent.tables if parent else {})

    def table_of(self, name: str) -> TableRef | None:
        """The table the figure ``name`` (as this scope sees it) was read from, if any."""
        if name not in self.figures:
            return self.parent.table_of(name) if self.parent is not None else None
        hit = self.tables.get(self.base + (name,))
        return hit.ref if hit is not None else None

    def names(self) -> set[str]:
        out = set(self.figures)
        if self.parent is not None:
            out |= self.parent.names()
        return out

    def owner(self, name: str) -> "_Scope | None":
        """The scope that defines ``name`` (this one, or the file's), if any."""
        scope: _Scope | None = self
        while scope is not None and name not in scope.figures:
            scope = scope.parent
        return scope

    def operand(self, name: str) -> Operand:
        scope = self.owner(name)
        if scope is None:
            raise KeyError(name)
        hit = scope.cache.get(name)
        if hit is not None:
            return hit
        # Depth first, inputs before the figure: each entry is a figure on the current
        # path and the names its expression has yet to resolve.
        stack = [(scope, name, iter(scope.inputs(name)))]
        path = {(id(scope), name)}
        while stack:
            sc, n, pending = stack[-1]
            for ref in pending:
                o = sc.owner(ref.name)
                if o is None or ref.name in o.cache:
                    continue  # unknown names are the evaluator's to report
                if (id(o), ref.name) in path:  # the loader refuses cycles; never loop on one
                    raise FigureError(f"figure '{n}' is defined in terms of itself", ref.col, sc.base + (n, "compute"))
                stack.append((o, ref.name, iter(o.inputs(ref.name))))
                path.add((id(o), ref.name))
                break
            else:
                stack.pop()
                path.discard((id(sc), n))
                sc.cache[n] = sc.compute(n, sc.figures[n])
        return scope.cache[name]

    def inputs(self, name: str) -> tuple:
        """The names (with columns) a figure of this scope is computed from."""
        fig = self.figures[name]
        return fig.compute.names if fig.compute is not None else ()

    def compute(self, name: str, fig: Any) -> Operand:
        """The operand of one figure of this scope, its inputs already computed."""
        period = fig.period
        if fig.compute is not None:
            try:
                ev = evaluate(fig.compute, _Env(self))
            except ZeroBaseline:
                raise
            except FigureError:
                raise
            except EvalError as e:
                raise FigureError(e.message, e.col, self.base + (name, "compute")) from None
            return Operand(name, ev.value, None, fig.unit, period.text if period else None, period.days if period else None, fig.source)
        written = fig.value if fig.from_ is None else self.tables[self.base + (name,)].written
        if not written.percent and (fig.unit or "").strip().lower() in _PERCENT_UNITS:
            # `{value: 25, unit: "%"}` means 25%, a fraction 1/4, as "25%" would.
            written = parse_number(written.text + "%")
        return Operand(
            name,
            written.as_value(exact=fig.exact),
            written,
            fig.unit,
            period.text if period else None,
            period.days if period else None,
            fig.source,
        )


class _Env(Mapping[str, Operand]):
    """A read-only mapping view of a scope, as the evaluator expects."""

    def __init__(self, scope: _Scope) -> None:
        self.scope = scope

    def __getitem__(self, name: str) -> Operand:
        return self.scope.operand(name)

    def __iter__(self):
        return iter(self.scope.names())

    def __len__(self) -> int:
        return len(self.scope.names())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.scope.names()


def check_loaded(loaded: Loaded, policy: Policy = Policy()) -> FileResult:
    """Judge every claim and check of a loaded file."""
    if not loaded.ok:
        return FileResult(loaded.path, problems=loaded.problems, inputs=loaded.inputs)
    from claimcheck.claimfile.model import tolerance_overrides

    model = loaded.model
    locs = loaded.locs or Locations()
    path = loaded.path
    file_scope = _Scope(path, model.figures, None, ("figures",), locs, loaded.tables)
    sources = {
        sid: SourceRef(sid, s.publisher, s.url, s.title) for sid, s in model.sources.items()
    }
    claims: list[ClaimResult] = []
    problems: list[Problem] = []
    for i, claim in enumerate(model.claims):
        if policy.only is not None and claim.id not in policy.only:
            continue
        line, col = locs.of(("claims", i))
        scope = _Scope(path, claim.figures, file_scope, ("claims", i, "figures"), locs)
        tolerance = tolerance_overrides(model.tolerance, claim.tolerance)
        try:
            result = _judge_claim(claim, scope, tolerance, sources, line, col, policy)
        except EvalError as e:
            where = e.where if isinstance(e, FigureError) else ("claims", i, "compute")
            l, c = locs.in_text(where, e.col)
            problems.append(Problem(path, l, c, e.message))
            continue
        claims.append(result)
    for i, check in enumerate(model.checks):
        if policy.only is not None and check.id not in policy.only:
            continue
        line, col = locs.of(("checks", i))
        scope = _Scope(path, check.figures, file_scope, ("checks", i, "figures"), locs)
        try:
            claims.append(_judge_check(check, scope, sources, line, col, policy))
        except EvalError as e:
            l, c = locs.in_text(e.where, e.col) if isinstance(e, FigureError) else locs.of(("checks", i))
            problems.append(Problem(path, l, c, e.message))
    if problems:
        return FileResult(path, model.title, model.url, problems=tuple(problems), inputs=loaded.inputs)
    return FileResult(path, model.title, model.url, claims=tuple(claims), publishing=publishing(model), inputs=loaded.inputs)


def publishing(model: Any) -> Publishing:
    """What the file says for publishing (ClaimReview, the HTML page)."""
    pub = model.publisher
    return Publishing(
        publisher=pub.name if pub else None,
        publisher_url=pub.url if pub else None,
        date=model.date,
        article=model.article,
        claims={
            c.id: ClaimPublishing(
                speaker_type=c.speaker_type or model.speakers.get(c.speaker),
                date=c.date,
                article=c.article or c.url or model.article,
            )
            for c in model.claims
        },
    )


@dataclass(frozen=True, slots=True)
class Judged:
    """A claimed figure judged against one computation: its evaluation and judgement, or
    why the computation has no value (``cannot``: a zero baseline)."""

    evaluation: Evaluation | None
    judgement: Judgement | None
    cannot: str | None = None


def judge_expression(claimed: ClaimedFigure, expression: Any, env: Mapping[str, Operand] | None = None, *,
                     tolerance: Mapping[str, Fraction] | None = None, explain: bool = True) -> Judged:
    """Evaluate ``expression`` (a parsed expression or a scan's
    :class:`~claimcheck.expr.Computation`) and judge ``claimed`` against it: the one place
    ``calc``, every claim of a claim file and ``scan`` are judged. ``explain`` back-solves
    an inaccurate claim's inputs (scan, which judges many readings, leaves it off)."""
    try:
        ev = evaluate(expression, env if env is not None else {})
    except ZeroBaseline as e:
        return Judged(None, None, e.message)
    return Judged(ev, judge(claimed, ev, tolerance=tolerance or None, explain=explain))


def check_expression(expression: str, figure: str, tolerance: Mapping[str, Fraction] | None = None) -> ClaimResult:
    """``claimcheck calc``: one expression against one claimed figure, no file needed.

    Raises :class:`EvalError` or :class:`~claimcheck.figures.FigureError` on bad input.
    """
    claimed = parse_figure(figure)
    parsed = parse_expr(expression)
    if parsed.names:
        ref = parsed.names[0]
        raise EvalError(
            f"unknown figure '{ref.name}': calc takes numbers only, such as pct_change(31000, 27000)",
            ref.col,
        )
    done = judge_expression(claimed, parsed, tolerance=tolerance)
    if done.evaluation is None or done.judgement is None:
        return _cannot_compute("calc", 1, 1, figure, figure, expression, None, done.cannot or "", Policy(), claimed)
    return _result(
        "calc", 1, 1, figure, claimed, done.evaluation, done.judgement, speaker=None, compute=expression,
        recorded=None, inputs=(), note=None, source=None, policy=Policy(),
    )


# --- building results -------------------------------------------------------------------


def _judge_claim(claim: Any, scope: _Scope, tolerance: dict, sources: dict, line: int, col: int, policy: Policy) -> ClaimResult:
    claimed: ClaimedFigure = claim.figure
    source = sources.get(claim.source) if claim.source else None
    if claim.compute is None:
        return _unverifiable(claim, claimed, line, col, policy, source)
    done = judge_expression(claimed, claim.compute, _Env(scope), tolerance=tolerance)
    if done.evaluation is None or done.judgement is None:
        return _cannot_compute(claim.id, line, col, claim.statement, claimed.text, claim.compute.text, claim.speaker,
                               done.cannot or "", policy, claimed, claim.verdict, source)
    ev, j = done.evaluation, done.judgement
    return _result(
        claim.id, line, col, claim.statement, claimed, ev, j,
        speaker=claim.speaker, compute=claim.compute.text, recorded=claim.verdict,
        inputs=_inputs(ev, sources, scope), note=claim.note, source=source, policy=policy,
    )


#: The diagnoses of a cross-source check's judgement that its report keeps.
_CHECK_KEEPS = frozenset({"rounding_edge"})


def _judge_check(check: Any, scope: _Scope, sources: dict, line: int, col: int, policy: Policy) -> ClaimResult:
    """A check is judged like a claim: the left side, claimed to be "about" the right."""
    env = _Env(scope)
    left = evaluate(check.left, env)
    right = evaluate(check.right, env)
    within = check.within.value
    lo, hi = right.value.interval.lo, right.value.interval.hi
    u = (hi - lo) if lo is not None and hi is not None and hi != lo else None
    percent = right.kind == "percent"
    shown = fmt_percent(right.value.point) if percent else fmt_count(right.value.point)
    figure = ClaimedFigure(
        text=f"{shown} ± {check.within.text}",
        value=right.value.point,
        u=u,
        unit="percent" if percent else "count",  # two rates compare as rates, 91% against 90.9%
        direction="none",
        qualifier="about",
    )
    tolerance = {"about.accurate": within, "about.approximate": 2 * within}
    ev = Evaluation(
        value=left.value,
        kind=left.kind,
        arithmetic=f"{left.arithmetic}; against {right.arithmetic}" if right.func or right.operands and len(right.operands) > 1 else left.arithmetic,
        func=left.func,
        args=left.args,
        arg_operands=left.arg_operands,
        operands=left.operands + tuple(o for o in right.operands if o not in left.operands),
    )
    j = judge(figure, ev, tolerance=tolerance)
    # A check's own sentence replaces the claim diagnoses ("understates" means nothing
    # here); only a verdict resting on the inputs' rounding keeps its explanation.
    compared = diagnoses.sources_compared(left.value.point, right.value.point, within, check.within.text,
                                          percent=percent and left.kind == "percent")
    extra: tuple[Diagnosis, ...] = () if compared is None else (compared,)
    j = replace(j, diagnoses=tuple(d for d in j.diagnoses if d.kind in _CHECK_KEEPS))
    return _result(
        check.id, line, col, check.statement, figure, ev, j,
        speaker=None, compute=f"{check.left.text} vs {check.right.text}", recorded=check.verdict,
        inputs=_inputs(ev, sources, scope), note=check.note, source=None, policy=policy, kind="check", extra=extra,
    )


def _inputs(ev: Evaluation, sources: dict, scope: _Scope) -> tuple[InputFigure, ...]:
    out = []
    for op in ev.operands:
        written = op.written.text if op.written is not None else fmt_count(op.value.point)
        interval = None
        if not op.value.is_exact:
            fmt = fmt_count
            if op.written is not None and op.written.percent:
                fmt = fmt_percent
            elif op.written is not None and op.written.currency:
                symbol = _CURRENCY_SYMBOLS.get(op.written.currency, "")
                fmt = lambda x, s=symbol: s + fmt_count(x)  # noqa: E731
            interval = fmt_interval(op.value.interval, fmt)
        out.append(
            InputFigure(
                name=op.name,
                written=written,
                unit=op.unit,
                period=op.period,
                period_days=op.period_days,
                interval=interval,
                source=sources.get(op.source) if op.source else None,
                table=scope.table_of(op.name) if scope.tables else None,
            )
        )
    return tuple(out)


def _pass_fail(verdict: str, recorded: str | None, policy: Policy) -> tuple[bool, str | None]:
    mismatch = compare_recorded(recorded, verdict)
    if mismatch:
        return False, mismatch
    if recorded is not None:
        # A recorded verdict that the arithmetic reproduces is the file's expectation met:
        # a fact-check of someone else's wrong claim stays green.
        if policy.strict and verdict in ("approximate", "unverifiable") and recorded != verdict:
            return False, f"{verdict} fails under --strict"
        return True, None
    if verdict == "inaccurate":
        return False, "the arithmetic does not support the claim"
    if policy.strict and verdict in ("approximate", "unverifiable"):
        return False, f"{verdict} fails under --strict"
    return True, None


def _result(
    cid: str, line: int, col: int, statement: str, claimed: ClaimedFigure, ev: Evaluation, j: Any, *,
    speaker: str | None, compute: str | None, recorded: str | None, inputs: tuple, note: str | None,
    source: SourceRef | None, policy: Policy, kind: str = "claim", extra: tuple[Diagnosis, ...] = (),
) -> ClaimResult:
    passed, failure = _pass_fail(j.verdict, recorded, policy)
    also: tuple[ClaimResult, ...] = ()
    if claimed.also is not None and j.also:
        also = (_result(
            f"{cid}.2", line, col, statement, claimed.also, ev, j.also[0], speaker=speaker, compute=compute,
            recorded=None, inputs=(), note=None, source=source, policy=policy, kind=kind,
        ),)
        if passed and not also[0].passed:
            passed, failure = False, f'the second figure, "{claimed.also.text}": {also[0].failure}'
    return ClaimResult(
        also=also,
        id=cid,
        line=line,
        col=col,
        statement=statement,
        figure=claimed.text,
        verdict=j.verdict,
        passed=passed,
        kind=kind,  # type: ignore[arg-type]
        speaker=speaker,
        compute=compute,
        recorded=recorded,  # type: ignore[arg-type]
        failure=failure,
        value=j.value_text,
        point=ev.value.point,
        interval=None if ev.value.is_exact else ev.value.interval,
        interval_text=j.interval_text,
        unit=ev.kind,
        rule=j.rule,
        rule_name=j.rule_name,
        decided_by=j.decided_by,
        arithmetic=ev.arithmetic,
        diagnoses=j.diagnoses + extra + tuple(diagnoses.computation_note(n) for n in ev.notes),
        settle=j.settle,
        framing=claimed.framing,
        inputs=inputs,
        note=note,
        source=source,
        scale=getattr(j, "scale", None),
    )


#: What would settle a claim the file gives no computation for, when its note does not say.
DEFAULT_SETTLE = "the raw figures behind it, and a compute: expression, would settle it"


def _unverifiable(claim: Any, claimed: ClaimedFigure, line: int, col: int, policy: Policy, source: SourceRef | None) -> ClaimResult:
    passed, failure = _pass_fail("unverifiable", claim.verdict, policy)
    # The note of an unverifiable claim says what would settle it; show it once.
    settle = claim.note or DEFAULT_SETTLE
    return ClaimResult(
        id=claim.id, line=line, col=col, statement=claim.statement, figure=claimed.text,
        verdict="unverifiable", passed=passed, speaker=claim.speaker, recorded=claim.verdict,
        failure=failure, rule="no computation: the file gives no raw numbers for this claim",
        settle=settle, framing=claimed.framing, note=None, source=source,
    )


def _cannot_compute(
    cid: str, line: int, col: int, statement: str, figure: str, compute: str, speaker: str | None,
    reason: str, policy: Policy, claimed: ClaimedFigure, recorded: str | None = None, source: SourceRef | None = None,
) -> ClaimResult:
    # A zero baseline is not an input error but a verdict that says so, and it fails (exit 1).
    return ClaimResult(
        id=cid, line=line, col=col, statement=statement, figure=figure, verdict="unverifiable",
        passed=False, speaker=speaker, compute=compute, recorded=recorded,  # type: ignore[arg-type]
        failure=reason, rule=reason, settle="a non-zero baseline is needed for a percent change",
        framing=claimed.framing, source=source,
    )
