"""A currency carried across a change: the end of a "from … to …" written without the
currency the other end states ("rose 10 percent to $1.1 billion from 1 billion", "Net income
hit 1.3 billion dollars, or 68 cents per share, from 844 million").

Copy names the currency once and lets the other end of the change share it; read so, the
bare end is money in that currency. It is a reading of the words (the bare number might
count something else), so evidence read with it bears a claim out and never proves it
wrong (the search reads the item's ``currency_carried`` memo).
"""

from __future__ import annotations

from claimcheck.scan.items import Item, currency_of

#: The memo an item read in the currency of its change's other end carries.
CARRIED = "currency_carried"


def carry_currency(items: list[Item]) -> None:
    """Read the bare end of each change whose other end, in its clause, is money: a
    count with no noun, no rate and no currency, "from" one money level "to" which it
    goes (or "to" it from one), and no other money level of that clause on the other end."""
    for it in items:
        q = it.q
        if (q.kind != "count" or q.noun or q.per or q.words or q.written is None or q.written.percent
                or currency_of(q) is not None or it.role not in ("old", "new")):
            continue
        other = "new" if it.role == "old" else "old"
        ends = [o for o in items if o is not it and o.sent == it.sent and o.clause == it.clause and o.role == other
                and o.q.kind == "money" and o.q.per is None and currency_of(o.q) is not None]
        if len(ends) != 1 or not (it.role_word == "from" or ends[0].role_word == "from"):
            continue
        q.kind, q.currency = "money", currency_of(ends[0].q)
        it.memo[CARRIED] = True
        extra = dict(q.roles[4]) if q.roles is not None and len(q.roles) > 4 else {}
        extra[CARRIED] = True
        q.roles = (it.role, it.role_word, it.time, it.memo.get("time_before", False), extra)
