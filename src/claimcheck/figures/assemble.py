"""What the reader found, put together into one :class:`ClaimedFigure`: one direction,
one hedge, the unit the number and its direction make, or a refusal saying why not."""

from __future__ import annotations

from claimcheck.figures.model import ClaimedFigure
from claimcheck.figures.quantity import Item
from claimcheck.figures.tokens import Refused


def assemble(
    raw: str,
    item: Item | None,
    directions: list[str],
    hedges: list[str],
    intensities: list[str],
    framing: list[str],
    per: str | None,
    noun: str | None,
) -> ClaimedFigure:
    said = set(directions)
    if len(said) > 1:
        raise Refused("it has two directions (up and down)")
    hedge_set = set(hedges)
    if len(hedge_set) > 1:
        raise Refused(f"it has two hedges ({' and '.join(sorted(hedge_set))})")
    intensity_set = set(intensities)
    if len(intensity_set) > 1:
        raise Refused("it says both slightly and sharply")
    direction = said.pop() if said else None
    framing_t = tuple(dict.fromkeys(framing))

    if item is None:
        if hedge_set:
            raise Refused(f"the hedge ({hedges[0]}) has no number to qualify")
        if per:
            raise Refused("a rate needs a number")
        if not intensity_set:
            if direction:  # "fell": a fall of any size
                return ClaimedFigure(raw, None, None, "percent", direction, "exact", framing_t)  # type: ignore[arg-type]
            record = [f for f in framing_t if "record" in f]
            if record:  # "a record": a ranking, with no number to check
                raise Refused(f"'{record[0]}' carries no number; write the number it frames ('a record 745,000')")
            raise Refused()
        if direction is None:
            raise Refused(f"'{intensities[0]}' needs a direction (up or down)")
        return ClaimedFigure(raw, None, None, "percent", direction, intensities[0], framing_t)

    if item.direction and direction and item.direction != direction:
        if item.signed:
            raise Refused("a sign and a direction word together are ambiguous; write 'down 10%' or '−10%'")
        raise Refused(
            "the multiple and the direction disagree ('fell threefold' may mean to a third "
            "or down 67%); write the change as a percent"
        )
    if item.signed and direction:
        raise Refused("a sign and a direction word together are ambiguous; write 'down 10%' or '−10%'")
    direction = direction or item.direction or "none"

    kind = item.kind
    unit: str
    if kind == "word_share":
        unit = "percent" if direction != "none" else "share"
    elif kind == "majority":
        if direction != "none":
            raise Refused("'a majority' is a share, not a change")
        unit = "share"
    elif kind == "count":
        unit = "money" if item.currency else "count"
    else:
        unit = kind
    if per:
        if unit not in ("count", "money"):
            raise Refused(f"a rate ('per {per}') applies to a count or a sum of money, not a {unit}")
        unit = "rate"
    qualifier = hedges[0] if hedges else item.qualifier or "exact"
    return ClaimedFigure(
        raw, item.value, item.u, unit, direction, qualifier, framing_t, per, item.currency, noun,  # type: ignore[arg-type]
        intensities[0] if intensities else None, item.times_more,
    )
