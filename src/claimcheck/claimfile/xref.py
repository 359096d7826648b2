"""Cross-references of a validated claim file, checked before anything is computed.

The models check each value on its own; this checks what ties them together, so that
``claimcheck validate`` reports every problem a later step would trip on:

* every ``source:`` names a source under ``sources:``;
* every figure name in a ``compute:``, ``left:`` or ``right:`` is visible where it is used
  (a claim's or check's own ``figures:`` shadow the file's), with "did you mean" (in
  bounded work: :mod:`claimcheck.expr.suggest`);
* claim and check ids are unique in the file (they share one namespace);
* no derived figure is defined in terms of itself, directly or through others, and no
  chain of derived figures is deeper than :data:`MAX_CHAIN` (:func:`chains`).

The chain limit is the one limit on derived figures: ``validate`` and ``verify`` load a
file the same way, so a file one of them accepts the other computes. Both walks here and
the engine's evaluation of derived figures are iterative, so no depth reaches Python's
recursion limit.
"""

from __future__ import annotations

from itertools import chain, islice
from typing import Any, Callable, Iterable, Mapping

from claimcheck.expr import Suggestions
from claimcheck.results import Problem

#: Deepest chain of derived figures (a figure computed from a figure computed from …;
#: a figure computed from raw figures only is 1 deep). Ten years of monthly running totals
#: is 120; a chain of 1,000 is generated, not written, and its arithmetic would be
#: unreadable in a report. Past it, a located error at the first figure too deep.
MAX_CHAIN = 1_000
#: Most names a cycle's message spells out.
SHOWN_CYCLE = 8


def cross_references(path: str, model: Any, locs: Any) -> list[Problem]:
    """The problems of a :class:`~claimcheck.claimfile.model.ClaimFile`, located by
    ``locs`` (its :class:`~claimcheck.claimfile.yaml.Locations`); empty when it holds."""
    problems: list[Problem] = []
    sources = model.sources
    hints = Suggestions()  # one budget for every "did you mean" of the file

    def at(p: tuple, msg: str, col: int | None = None) -> None:
        line, c = locs.in_text(p, col) if col is not None else locs.of(p)
        problems.append(Problem(path, line, c, msg))

    def check_source(sid: str | None, p: tuple) -> None:
        if sid is not None and sid not in sources:
            hit = hints.closest(sid, sources)
            at(p, f"unknown source '{sid}'" + (f" — did you mean '{hit}'?" if hit else known("sources", sources)))

    file_figs = model.figures

    def check_names(parsed: Any, local: Mapping[str, Any], p: tuple) -> None:
        for ref in parsed.names:
            name, col = ref.name, ref.col
            if name not in local and name not in file_figs:
                groups = (local, file_figs) if local else (file_figs,)
                hit = hints.closest(name, *groups)
                names = chain(file_figs, (n for n in local if n not in file_figs)) if local else file_figs
                at(p, f"unknown figure '{name}'" + (f" — did you mean '{hit}'?" if hit else known("figures", names)), col)

    def check_figures(figs: Mapping[str, Any], local: Mapping[str, Any], base: tuple) -> None:
        for name, fig in figs.items():
            check_source(fig.source, base + (name, "source"))
            if fig.compute is not None:
                check_names(fig.compute, local, base + (name, "compute"))

    check_figures(file_figs, {}, ("figures",))
    file_depths = chains(file_figs, None, ("figures",), at)
    first_id: dict[str, int] = {}
    for kind, items in (("claims", model.claims), ("checks", model.checks)):
        for i, item in enumerate(items):
            base = (kind, i)
            line = locs.of(base + ("id",))[0]
            if item.id in first_id:
                at(base + ("id",), f"duplicate claim id '{item.id}' (first used on line {first_id[item.id]})")
            else:
                first_id[item.id] = line
            # A claim's own figures shadow the file's; most claims have none.
            local = item.figures
            if local:
                check_figures(local, local, base + ("figures",))
                chains(local, (file_figs, file_depths), base + ("figures",), at)
            if kind == "claims":
                check_source(item.source, base + ("source",))
                if item.compute is not None:
                    check_names(item.compute, local, base + ("compute",))
            else:
                check_names(item.left, local, base + ("left",))
                check_names(item.right, local, base + ("right",))
    return problems


def known(what: str, names: Iterable[str]) -> str:
    """The tail of an "unknown" message: the names there are, or that there are none."""
    names = list(islice(names, 9))  # never the whole list: this runs once per unknown name
    if not names:
        return f"; the file defines no {what}"
    shown = ", ".join(names[:8]) + (", …" if len(names) > 8 else "")
    return f"; known {what}: {shown}"


def chains(
    figs: Mapping[str, Any],
    outer: tuple[Mapping[str, Any], Mapping[str, int]] | None,
    base: tuple,
    at: Callable[[tuple, str], None],
) -> dict[str, int]:
    """Check the derived figures of one scope and return each figure's chain depth (0 for
    a raw figure, 1 for one computed from raw figures only, and so on).

    ``figs`` are the scope's figures; ``outer`` the file's figures and their depths when
    ``figs`` are a claim's own (a name not among ``figs`` is the file's; the file's figures
    never see a claim's). Reported once each, at the figure's ``compute:``: a figure that
    depends on itself (the cycle's first figure, with the cycle), and a figure one link
    past :data:`MAX_CHAIN` (whose own inputs are within it). The walk is an explicit stack:
    a chain of any length, in any order, costs no recursion.
    """
    depth: dict[str, int] = {}
    on_trail: dict[str, int] = {}  # name → its index in trail
    trail: list[str] = []
    reported: set[str] = set()
    cyclic: set[str] = set()

    def inputs(name: str) -> list[str]:
        fig = figs[name]
        if fig.compute is None:
            return []
        return [ref.name for ref in fig.compute.names]

    def depth_of(name: str) -> int:
        if name in figs:
            return depth.get(name, 0)  # 0: in a cycle, reported already
        if outer is not None and name in outer[0]:
            return outer[1].get(name, 0)
        return 0  # unknown: reported by the name check

    def finish(name: str) -> None:
        fig = figs[name]
        if fig.compute is None or name in cyclic:
            depth[name] = 0  # a figure of a cycle has no depth; the cycle is reported
            return
        deepest = max((depth_of(d) for d in inputs(name)), default=0)
        depth[name] = deepest + 1
        if deepest + 1 > MAX_CHAIN >= deepest:
            at(base + (name, "compute"),
               f"figure '{name}' is {deepest + 1:,} derived figures deep (at most {MAX_CHAIN:,}); "
               "compute it in fewer steps, such as a sum(…) of the raw figures")

    for root in figs:
        if root in depth:
            continue
        stack = [(root, iter(inputs(root)))]
        on_trail[root] = 0
        trail.append(root)
        while stack:
            name, pending = stack[-1]
            for d in pending:
                if d not in figs or d in depth:
                    continue
                if d in on_trail:
                    cycle = trail[on_trail[d] :] + [d]
                    cyclic.update(cycle)
                    head = cycle[0]
                    if head not in reported:
                        reported.add(head)
                        at(base + (head, "compute"), f"figure '{head}' is defined in terms of itself: " + _shown(cycle))
                    continue
                stack.append((d, iter(inputs(d))))
                on_trail[d] = len(trail)
                trail.append(d)
                break
            else:
                stack.pop()
                trail.pop()
                del on_trail[name]
                finish(name)
    return depth


def _shown(cycle: list[str]) -> str:
    """``a → b → a``; a long cycle with its middle left out."""
    if len(cycle) <= SHOWN_CYCLE:
        return " → ".join(cycle)
    half = SHOWN_CYCLE // 2
    return " → ".join(cycle[:half]) + f" → … ({len(cycle) - SHOWN_CYCLE:,} more) → " + " → ".join(cycle[-half:])
