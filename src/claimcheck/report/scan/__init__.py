"""The reports of ``claimcheck scan``: one module per format, and the claim-file scaffold.

:data:`FORMATS` names what ``--format`` takes; :data:`SCAFFOLDS` what ``--emit-yaml``
writes. Each value is a function of the scan results returning text, imported on first
use (only the terminal format imports rich)::

    FORMATS[name](results, color=False, width=100) -> str
    SCAFFOLDS["yaml"](results, title=None, url=None) -> str
"""

from __future__ import annotations

from claimcheck.report.common import Entry, Registry

_SCAN = "claimcheck.report.scan."

#: ``claimcheck scan --format``: name → ``render(results, *, color, width)``.
FORMATS: Registry = Registry("SCAN_FORMATS", {
    "rich": Entry(_SCAN + "terminal", "render", "one block per finding, for a person at a terminal"),
    "json": Entry(_SCAN + "json", "render", "versioned JSON, exact values as strings"),
    "github": Entry(_SCAN + "github", "render", "GitHub Actions annotations on the article's file and line"),
})

#: ``claimcheck scan --emit-yaml``: name → ``scaffold(results, *, title, url)``, a claim file to complete.
SCAFFOLDS: Registry = Registry("SCAN_SCAFFOLDS", {
    "yaml": Entry(_SCAN + "yaml", "scaffold_yaml", "a claim file with every finding, for a fact-checker to complete"),
})
