"""Results for the report tests: what the engine gives for the claim files in
``tests/fixtures/reports/``.

Each :class:`FileResult` is exactly what ``claimcheck verify tests/fixtures/reports/FILE``
hands its report, so the reports are tested on the engine's real records, never on
records built by hand:

* ``ice_july.yaml`` — accurate (inputs with sources), approximate on the inputs' rounding
  (what would settle it, a framing word, unequal periods), a cross-source check the file
  records as inaccurate;
* ``council_budget.yaml`` — inaccurate and failing (the wrong base), unverifiable (no
  computation), approximate but recorded as accurate (fails on the recorded verdict);
* ``diagnoses.yaml`` — one claim or check for each other diagnosis;
* ``broken.yaml`` — an invalid file with two located problems;
* ``hostile, v2.yaml`` — markup, terminal escapes, controls, bidi overrides, XML-illegal
  characters, HTML and Markdown specials, and a comma in the file name.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.engine import check_loaded
from claimcheck.claimfile import DEFAULT_MAX_BYTES, load_text, read_text
from claimcheck.results import FileResult

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = "tests/fixtures/reports"


def check(name: str) -> FileResult:
    """``load_file`` and ``check_loaded`` on a fixture, its path as given from the
    repository's root whatever the working directory (the goldens show it)."""
    path = f"{FIXTURES}/{name}"
    text, problem = read_text(str(ROOT / path), DEFAULT_MAX_BYTES)
    assert problem is None and text is not None, problem
    return check_loaded(load_text(path, text))


ICE_JULY = check("ice_july.yaml")
COUNCIL = check("council_budget.yaml")
DIAGNOSES = check("diagnoses.yaml")
BROKEN = check("broken.yaml")
HOSTILE = check("hostile, v2.yaml")

ALL: tuple[FileResult, ...] = (ICE_JULY, COUNCIL, DIAGNOSES, BROKEN, HOSTILE)
