"""``claimcheck new``'s scaffold: bugs the reliability suite found, pinned by the smallest input."""

from __future__ import annotations

import pytest

from claimcheck.claimfile import decode, load_text
from claimcheck.claimfile.scaffold import ScaffoldError, write_scaffold


def test_scaffold_title_with_controls_round_trips(tmp_path) -> None:  # noqa: ANN001
    # DEL and U+2028 were written raw, so claimcheck refused the file it had just created.
    title = "x\x7fy\u2028z"
    write_scaffold("s.yaml", title=title, force=False, root=tmp_path)
    raw = (tmp_path / "s.yaml").read_bytes()
    text, problem = decode("s.yaml", raw)
    assert problem is None, problem.render()
    loaded = load_text("s.yaml", text)
    assert loaded.ok and loaded.model.title == title


def test_scaffold_title_that_is_not_utf8_is_an_input_error(tmp_path) -> None:  # noqa: ANN001
    # A Latin-1 byte in argv arrives as a lone surrogate; writing it raised
    # UnicodeEncodeError (exit 3). Now a refusal, and nothing is written.
    with pytest.raises(ScaffoldError, match="not valid UTF-8"):
        write_scaffold("s.yaml", title="\udce9t\udce9", force=False, root=tmp_path)
    assert list(tmp_path.iterdir()) == []
