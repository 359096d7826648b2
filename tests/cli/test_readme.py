"""The README shows real output: the pasted blocks are what the commands print today.

Refresh them with ``UPDATE_README=1 pytest tests/cli/test_readme.py`` (then read the diff).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
       "CLAIMCHECK_CACHE_DIR": os.environ.get("CLAIMCHECK_CACHE_DIR", "")}  # tests/conftest.py

#: Each pasted block: the command, and the exit code it gives.
BLOCKS = {
    "verify-output": (["verify", "claims/ice_july.yaml"], 0),
    "calc-output": (["calc", "pct_change(31000, 27000)", "--claim", "down 10%"], 0),
    "scan-output": (["scan", "examples/draft_parks_budget.md"], 1),  # "rose 23 percent" is +30.00%
}


def _output(args: list[str], code: int) -> str:
    p = subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=ROOT, capture_output=True, text=True, env=ENV)
    assert p.returncode == code and p.stderr == "", p.stderr
    return p.stdout


def _block(name: str, text: str) -> re.Match[str]:
    m = re.search(rf"<!-- {name}:start -->\n```\n(.*?)```\n<!-- {name}:end -->", text, re.S)
    assert m, f"README has no {name} block"
    return m


@pytest.mark.parametrize("name", list(BLOCKS))
def test_pasted_output_is_current(name: str) -> None:
    text = README.read_text(encoding="utf-8")
    got = _output(*BLOCKS[name])
    if os.environ.get("UPDATE_README") == "1":
        m = _block(name, text)
        text = text[: m.start(1)] + got + text[m.end(1) :]
        README.write_text(text, encoding="utf-8")
    assert _block(name, README.read_text(encoding="utf-8")).group(1) == got


def test_readme_opens_with_the_two_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README.read_text(encoding="utf-8"), re.S)
    assert blocks[0] == "pip install . && claimcheck verify claims/ice_july.yaml"
    assert blocks[1] == 'python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[test]" && pytest'
    assert 'pip install -e ".[test]" && pytest' in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
