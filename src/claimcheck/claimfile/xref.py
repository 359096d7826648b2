"""Cross-references of a validated claim file, checked before anything is computed.

The models check each value on its own; this checks what ties them together, so that
``claimcheck validate`` reports every problem a later step would trip on:

* every ``source:`` names a source under ``sources:``;
* every figure name in a ``compute:``, ``left:`` or ``right:`` is visible where it is used
  (a claim's or check's own ``figures:`` shadow the file's), with "did you mean";
* claim and check ids are unique in the file (they share one namespace);
* no derived figure is defined in terms of itself, directly or through others.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from claimcheck.expr import suggest
from claimcheck.results import Problem


def cross_references(path: str, model: Any, locs: Any) -> list[Problem]:
    """The problems of a :class:`~claimcheck.claimfile.model.ClaimFile`, located by
    ``locs`` (its :class:`~claimcheck.claimfile.yaml.Locations`); empty when it holds."""
    problems: list[Problem] = []
    sources = model.sources

    def at(p: tuple, msg: str, col: int | None = None) -> None:
        line, c = locs.in_text(p, col) if col is not None else locs.of(p)
        problems.append(Problem(path, line, c, msg))

    def check_source(sid: str | None, p: tuple) -> None:
        if sid is not None and sid not in sources:
            hit = suggest(sid, sources)
            at(p, f"unknown source '{sid}'" + (f" — did you mean '{hit}'?" if hit else known("sources", sources)))

    def check_names(parsed: Any, visible: dict[str, Any], p: tuple) -> None:
        for ref in parsed.names:
            name, col = ref.name, ref.col
            if name not in visible:
                hit = suggest(name, visible)
                at(p, f"unknown figure '{name}'" + (f" — did you mean '{hit}'?" if hit else known("figures", visible)), col)

    def check_figures(figs: dict[str, Any], visible: dict[str, Any], base: tuple) -> None:
        for name, fig in figs.items():
            check_source(fig.source, base + (name, "source"))
            if fig.compute is not None:
                check_names(fig.compute, visible, base + (name, "compute"))
        cycles(figs, visible, base, at)

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


def known(what: str, names: Iterable[str]) -> str:
    """The tail of an "unknown" message: the names there are, or that there are none."""
    names = list(names)
    if not names:
        return f"; the file defines no {what}"
    shown = ", ".join(names[:8]) + (", …" if len(names) > 8 else "")
    return f"; known {what}: {shown}"


def cycles(figs: dict[str, Any], visible: dict[str, Any], base: tuple, at: Callable[[tuple, str], None]) -> None:
    """Report each derived figure of ``figs`` that depends on itself, once, at its
    ``compute:``; ``visible`` are the figures its expressions may name."""
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
