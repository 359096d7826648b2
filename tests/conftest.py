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


# --- the cache stays out of the repository ---------------------------------------------------
#
# ``claimcheck verify`` keeps a cache in the working folder unless told otherwise, and many
# tests run it with the repository as the working folder. Every run a test makes gets a
# cache folder outside the repository instead: the session's (for the tests that build a
# fixed environment at import; they copy this variable), replaced by a fresh one per test
# for runs that inherit the environment, so no test sees another's entries (a test that
# breaks the engine on purpose must not be served a result from the cache).

import atexit  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

_SESSION_CACHE = tempfile.mkdtemp(prefix="claimcheck-test-cache-")
os.environ["CLAIMCHECK_CACHE_DIR"] = _SESSION_CACHE
atexit.register(shutil.rmtree, _SESSION_CACHE, True)


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


@pytest.fixture(autouse=True)
def _own_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
