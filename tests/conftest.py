"""Shared test setup: hypothesis profiles and a clean environment for output tests.

Profiles: ``ci`` (the default, quick) and ``deep`` (at least 10,000 examples per property),
chosen with ``HYPOTHESIS_PROFILE=deep``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "deep", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# --- scaffolds -------------------------------------------------------------------------------

import re  # noqa: E402
from typing import Callable  # noqa: E402

import pytest  # noqa: E402

_PLACEHOLDER = re.compile(r'(["\']?)TODO(?::\s*|\s+|(?=\1))')


def _fill(text: str) -> str:
    """What a reporter does to a scaffold before verifying it: every ``TODO`` placeholder
    value replaced with text of their own (the words after ``TODO:`` are kept as the text).
    YAML comments are left alone: they are not values."""
    out = []
    for line in text.split("\n"):
        code, sep, comment = line.partition(" #") if not line.lstrip().startswith("#") else ("", "", line)
        out.append(_PLACEHOLDER.sub(lambda m: m.group(1) + "Filled: ", code) + sep + comment)
    return "\n".join(out)


@pytest.fixture
def fill_placeholders() -> Callable[[str], str]:
    """``fill_placeholders(text)``: the scaffold with every placeholder filled in."""
    return _fill
