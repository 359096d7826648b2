"""Merge incoming batches of the real-prose corpus and split them by page into two halves.

Run once per new batch: ``python tests/corpus/tools/split.py tests/corpus/prose/incoming_*.yaml``.
A page goes to ``tuning.yaml`` or ``frozen.yaml`` by a hash of its URL; pages that print
the same passage (a wire story syndicated to several papers) are kept in the same half,
so a passage tuned on never reappears in the frozen half under another URL. Rows already
in a half keep their place. The rows themselves are written back unchanged.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent / "prose"


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def main(paths: list[str]) -> None:
    halves = {name: yaml.safe_load((HERE / f"{name}.yaml").read_text("utf-8")) or [] for name in ("tuning", "frozen")}
    placed = {row["url"]: name for name, rows in halves.items() for row in rows}
    known_ids = {row["id"] for rows in halves.values() for row in rows}
    incoming = [row for p in paths for row in yaml.safe_load(Path(p).read_text("utf-8"))]
    # union-find over URLs, joined by identical passages
    parent: dict[str, str] = {}

    def find(u: str) -> str:
        while parent.setdefault(u, u) != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    by_text: dict[str, str] = {}
    for row in halves["tuning"] + halves["frozen"] + incoming:
        key = _norm(row["text"])
        find(row["url"])
        if key in by_text:
            parent[find(row["url"])] = find(by_text[key])
        else:
            by_text[key] = row["url"]
    group_half: dict[str, str] = {}
    for url, name in placed.items():
        group_half.setdefault(find(url), name)
    seen_ids = set(known_ids)
    for row in incoming:
        if row["id"] in seen_ids:
            raise SystemExit(f"duplicate id {row['id']}")
        seen_ids.add(row["id"])
        root = find(row["url"])
        if root not in group_half:
            digest = hashlib.sha256(root.encode()).digest()[0]
            group_half[root] = "frozen" if digest % 2 else "tuning"
        halves[group_half[root]].append(row)
    for name, rows in halves.items():
        head = (HERE / f"{name}.yaml")
        text = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=100000)
        head.write_text(f"# The real-prose corpus, {name} half: see tests/corpus/README.md.\n" + text, "utf-8")
        pages = len({r["url"] for r in rows})
        claims = sum(len(r.get("claims") or []) for r in rows)
        print(f"{name}: {len(rows)} passages, {pages} pages, {claims} claims")


if __name__ == "__main__":
    main(sys.argv[1:])
