"""The examples a newsroom copies: the failing draft, the CI configs and the pre-commit hooks."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from claimcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

# pre-commit's manifest format (https://pre-commit.com/#new-hooks): required and known keys.
HOOK_REQUIRED = {"id", "name", "entry", "language"}
HOOK_KNOWN = HOOK_REQUIRED | {
    "alias", "files", "exclude", "types", "types_or", "exclude_types", "always_run", "fail_fast",
    "verbose", "pass_filenames", "require_serial", "description", "language_version",
    "minimum_pre_commit_version", "args", "stages", "additional_dependencies", "log_file",
}
LANGUAGES = {"python", "system", "script", "docker", "docker_image", "node", "ruby", "rust", "golang", "conda", "fail", "pygrep"}


def _commands() -> set[str]:
    return {c.name or c.callback.__name__ for c in app.registered_commands}


def _claimcheck_calls(text: str) -> list[list[str]]:
    calls = []
    for line in text.splitlines():
        for m in re.finditer(r"\bclaimcheck ([a-z]+)([^\n#]*)", line):
            if "==" in m.group(0) or "github.com" in line:
                continue  # a version pin or a repository URL, not a command
            calls.append([m.group(1), *shlex.split(m.group(2))])
    return calls


def test_verify_examples_fails_on_the_draft_naming_file_line_and_arithmetic() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck", "verify", "examples/", "--format", "rich"],
        cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "COLUMNS": "100"},
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout
    # $4.8 million → $5.6 million is +16.67% (0.8 ÷ 4.8), not the draft's 25%.
    assert "examples/draft_parks_budget.yaml:21:5" in out
    assert "($5,600,000 − $4,800,000) ÷ $4,800,000 = +16.67%" in out
    assert "✘ inaccurate" in out
    assert proc.stderr == ""


def test_the_ci_configs_are_not_read_as_claim_files() -> None:
    from claimcheck.claimfile import discover

    found = discover(["examples"])
    assert found == ["examples/draft_parks_budget.yaml"]


@pytest.mark.parametrize(
    "path", [".github/workflows/claimcheck.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"]
)
def test_example_configs_are_valid_yaml_calling_real_commands(path: str) -> None:
    text = (EXAMPLES / path).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    for call in _claimcheck_calls(text):
        assert call[0] in _commands(), f"{path}: 'claimcheck {call[0]}' is not a command"
        fmt = call[call.index("--format") + 1] if "--format" in call else None
        if fmt is not None:
            from claimcheck.report import FORMATS

            assert fmt in FORMATS


def test_github_workflow_shape() -> None:
    wf = yaml.safe_load((EXAMPLES / ".github/workflows/claimcheck.yml").read_text(encoding="utf-8"))
    steps = wf["jobs"]["claims"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert any(r.startswith("claimcheck verify claims/") for r in runs)
    assert True in wf or "on" in wf  # PyYAML reads `on:` as the boolean True (YAML 1.1)


def test_gitlab_job_publishes_junit() -> None:
    job = yaml.safe_load((EXAMPLES / ".gitlab-ci.yml").read_text(encoding="utf-8"))["claimcheck"]
    assert job["artifacts"]["reports"]["junit"] == "claimcheck-junit.xml"
    assert any("--format junit -o claimcheck-junit.xml" in line for line in job["script"])


def test_pre_commit_hooks_manifest() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and hooks
    ids = set()
    for hook in hooks:
        assert HOOK_REQUIRED <= hook.keys(), hook
        assert hook.keys() <= HOOK_KNOWN, hook.keys() - HOOK_KNOWN
        assert hook["language"] in LANGUAGES
        re.compile(hook.get("files", ""))
        entry = shlex.split(hook["entry"])
        assert entry[0] == "claimcheck" and entry[1] in _commands()
        ids.add(hook["id"])
    config = yaml.safe_load((EXAMPLES / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    for repo in config["repos"]:
        assert {"repo", "rev", "hooks"} <= repo.keys()
        for hook in repo["hooks"]:
            assert hook["id"] in ids, f"{hook['id']} is not offered by .pre-commit-hooks.yaml"
