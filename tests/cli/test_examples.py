"""The examples a newsroom copies: the failing draft, the CI configs and the pre-commit hooks."""

from __future__ import annotations

import os
import re
import shlex
import shutil
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
        cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "COLUMNS": "100", "CLAIMCHECK_CACHE_DIR": os.environ["CLAIMCHECK_CACHE_DIR"]},
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
    assert found == ["examples/co2_mauna_loa.yaml", "examples/draft_co2_retyped.yaml", "examples/draft_parks_budget.yaml"]


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


# --- installing claimcheck as the examples do ------------------------------------------------

RELEASE = "https://github.com/claimcheck/claimcheck/archive/refs/tags/v0.1.0.tar.gz"
INSTALL = f'pip install "claimcheck @ {RELEASE}"'


def _install_steps() -> dict[str, str]:
    """The install command of each CI example, as written."""
    wf = yaml.safe_load((EXAMPLES / ".github/workflows/claimcheck.yml").read_text(encoding="utf-8"))
    (github,) = [s["run"] for s in wf["jobs"]["claims"]["steps"] if s.get("name") == "Install claimcheck"]
    job = yaml.safe_load((EXAMPLES / ".gitlab-ci.yml").read_text(encoding="utf-8"))["claimcheck"]
    (gitlab,) = [line for line in job["script"] if line.startswith("pip install")]
    jenkins_sh = re.findall(r"sh '([^']*pip install[^']*)'", (EXAMPLES / "Jenkinsfile").read_text(encoding="utf-8"))
    (jenkins,) = jenkins_sh
    return {"github": github, "gitlab": gitlab, "jenkins": jenkins.split("&& ")[-1].replace(".venv/bin/", "")}


def test_every_ci_example_installs_claimcheck_from_its_repository() -> None:
    steps = _install_steps()
    assert set(steps.values()) == {INSTALL}, steps
    for path in (".github/workflows/claimcheck.yml", ".gitlab-ci.yml", "Jenkinsfile"):
        text = (EXAMPLES / path).read_text(encoding="utf-8")
        # The name on the public registry is another project, with no console script:
        # every install (comments aside) is of the release archive.
        for line in text.splitlines():
            if "pip install" in line and not line.strip().startswith(("#", "//")):
                assert INSTALL in line, (path, line)


def test_jenkinsfile_publishes_the_junit_report_always() -> None:
    text = (EXAMPLES / "Jenkinsfile").read_text(encoding="utf-8")
    assert "claimcheck verify claims/ --format junit -o claimcheck-junit.xml" in text
    assert re.search(r"post\s*\{\s*always\s*\{\s*junit 'claimcheck-junit.xml'", text)


def _checkout_copy(dest: Path) -> Path:
    """The local checkout's files (the working tree, as a release archive would hold them)."""
    ignore = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".venv", ".pytest_cache",
                                    ".hypothesis", "corpus*", "out")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


def test_the_examples_install_step_against_the_local_checkout(tmp_path: Path) -> None:
    """A scratch newsroom repository: a fresh virtual environment, the examples' install
    command with the release archive's address replaced by the local checkout, then the
    examples' verify command. No network: the build uses this environment's setuptools
    (--no-build-isolation) and the dependencies come from this environment (a .pth file
    in the new one), so only claimcheck itself is installed, from the checkout."""
    import sysconfig
    import venv

    source = _checkout_copy(tmp_path / "claimcheck-src")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    target = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                 capture_output=True, text=True, check=True).stdout.strip())
    (target / "_outer.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    step = _install_steps()["github"].replace(RELEASE, source.as_uri())
    argv = shlex.split(step)
    assert argv[:2] == ["pip", "install"]
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), *argv[1:], "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "--disable-pip-version-check"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

    repo = tmp_path / "newsroom"
    (repo / "claims").mkdir(parents=True)
    shutil.copy(ROOT / "tests/fixtures/newsroom/a_transit.yaml", repo / "claims/transit.yaml")
    script = bindir / ("claimcheck.exe" if os.name == "nt" else "claimcheck")
    env = {"PATH": f"{bindir}{os.pathsep}/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
    where = subprocess.run([str(python), "-c", "import claimcheck; print(claimcheck.__file__)"],
                           capture_output=True, text=True, env=env, cwd=repo)
    assert where.stdout.startswith(str(target)), where.stdout + where.stderr  # the installed copy, not this one
    ok = subprocess.run([str(script), "verify", "claims/", "--format", "junit", "-o", "claimcheck-junit.xml"],
                        capture_output=True, text=True, env=env, cwd=repo)
    assert ok.returncode == 0, ok.stderr
    assert '<testsuite name="claims/transit.yaml" tests="2" failures="0"' in (repo / "claimcheck-junit.xml").read_text()
    shutil.copy(ROOT / "examples/draft_parks_budget.yaml", repo / "claims/draft.yaml")
    failing = subprocess.run([str(script), "verify", "claims/"], capture_output=True, text=True,
                             env={**env, "GITHUB_ACTIONS": "true"}, cwd=repo)
    assert failing.returncode == 1
    assert failing.stdout.startswith("::error file=claims/draft.yaml,line=21,col=5,")


@pytest.mark.parametrize("path", [".github/workflows/claimcheck.yml", ".gitlab-ci.yml", "Jenkinsfile", ".pre-commit-config.yaml"])
def test_the_readme_shows_each_ci_example_as_it_is(path: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = f"<!-- example:{path} -->\n"
    assert marker in readme, f"the README's CI section does not show examples/{path}"
    block = readme.split(marker, 1)[1]
    body = block.split("\n", 1)[1].split("```\n", 1)[0]  # after the fence's opening line
    assert body == (EXAMPLES / path).read_text(encoding="utf-8")
