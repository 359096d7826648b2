"""``claimcheck new``'s scaffold: bugs the reliability suite found, pinned by the smallest input."""

from __future__ import annotations

import pytest

from claimcheck.claimfile import decode, load_text
from claimcheck.claimfile.scaffold import ScaffoldError, write_scaffold


def test_scaffold_title_with_controls_round_trips(tmp_path) -> None:  # noqa: ANN001
    # DEL and U+2028 were written raw, so claimcheck refused the file it had just created.
    # A claim file cannot hold U+2028 in any form (issue 19: escaped, it reached the
    # reports), so the title keeps DEL (escaped) and has a space for the separator.
    title = "x\x7fy\u2028z"
    write_scaffold("s.yaml", title=title, force=False, root=tmp_path)
    raw = (tmp_path / "s.yaml").read_bytes()
    text, problem = decode("s.yaml", raw)
    assert problem is None, problem.render()
    loaded = load_text("s.yaml", text.replace('"TODO: ', '"filled: '))
    assert loaded.ok and loaded.model.title == "x\x7fy z"


def test_scaffold_title_that_is_not_utf8_is_an_input_error(tmp_path) -> None:  # noqa: ANN001
    # A Latin-1 byte in argv arrives as a lone surrogate; writing it raised
    # UnicodeEncodeError (exit 3). Now a refusal, and nothing is written.
    with pytest.raises(ScaffoldError, match="not valid UTF-8"):
        write_scaffold("s.yaml", title="\udce9t\udce9", force=False, root=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_fresh_scaffold_is_refused_at_each_placeholder_and_verifies_once_filled(tmp_path) -> None:  # noqa: ANN001
    # A file fresh from `claimcheck new` verified as "✔ accurate" with a TODO speaker.
    write_scaffold("claims/budget.yaml", title="City budget, 2026", force=False, root=tmp_path)
    text = (tmp_path / "claims" / "budget.yaml").read_text(encoding="utf-8")
    loaded = load_text("claims/budget.yaml", text)
    assert [(p.line, p.col, p.message) for p in loaded.problems] == [
        (12, 16, "'publisher' is still a placeholder ('TODO: who published the numbers'); fill it in"),
        (25, 14, "'speaker' is still a placeholder ('TODO: who made the claim'); fill it in"),
        (26, 16, "'statement' is still a placeholder ('TODO: the claim, quoted briefly'); fill it in"),
    ]
    filled = text.replace('"TODO: who published the numbers"', "City budget office").replace(
        '"TODO: who made the claim"', "Mayor").replace('"TODO: the claim, quoted briefly"', "down 10%")
    assert load_text("claims/budget.yaml", filled).ok


def test_header_commands_work_as_pasted_and_schema_resolves(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    # The header said `claimcheck validate budget.yaml` for claims/budget.yaml, and
    # `$schema=claimfile.schema.json` where no schema was: "Unable to load schema".
    # Run from the root, as `claimcheck new` is by default (the header names the file as
    # the command run there would).
    monkeypatch.chdir(tmp_path)
    write_scaffold("claims/budget.yaml", title="City budget", force=False, root=tmp_path)
    text = (tmp_path / "claims" / "budget.yaml").read_text(encoding="utf-8")
    assert "#   claimcheck validate claims/budget.yaml\n" in text
    assert "#   claimcheck verify claims/budget.yaml\n" in text
    ref = text.split("$schema=", 1)[1].split("\n", 1)[0]
    schema = (tmp_path / "claims" / ref)
    assert schema.is_file()
    from claimcheck.claimfile.schema import schema_text

    assert schema.read_text(encoding="utf-8") == schema_text()


def test_schema_reference_points_at_the_shipped_schema_when_there_is_one(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "claimfile.schema.json").write_text("{}", encoding="utf-8")
    write_scaffold("claims/drafts/budget.yaml", title="City budget", force=False, root=tmp_path)
    text = (tmp_path / "claims" / "drafts" / "budget.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../claimfile.schema.json\n")
    assert not (tmp_path / "claims" / "drafts" / "claimfile.schema.json").exists()
