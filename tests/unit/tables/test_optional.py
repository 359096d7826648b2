"""The ``data`` extra stays optional: without DuckDB and openpyxl a table figure is a
located error that says how to install them, and nothing else imports them.

Each test runs claimcheck in a fresh interpreter in which the two modules are blocked
(``sys.modules[name] = None`` makes ``import name`` fail), as on a machine without the extra.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

BLOCKED = (
    "import sys\n"
    "sys.modules['duckdb'] = None\n"
    "sys.modules['openpyxl'] = None\n"
    "from claimcheck.cli import main\n"
    "sys.argv = ['claimcheck', *sys.argv[1:]]\n"
    "main()\n"
)


def run_blocked(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", BLOCKED, *args], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "COLUMNS": "100"})


def test_a_table_figure_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "t.csv").write_text("a\n1\n", encoding="utf-8")
    (tmp_path / "data" / "w.xlsx").write_bytes(b"")
    (tmp_path / "s.yaml").write_text(
        "title: T\n"
        "figures:\n"
        "  x:\n"
        "    from: data/t.csv\n"
        "    sql: select sum(a) from t\n"
        "  y: {from: data/w.xlsx, cell: B2}\n"
        "claims:\n  - {id: c, speaker: S, statement: s, figure: '1', compute: x}\n",
        encoding="utf-8",
    )
    proc = run_blocked("verify", "s.yaml", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == [
        's.yaml:4:5: error: reading a .csv table needs the optional extra: pip install "claimcheck[data]" (it brings duckdb)',
        's.yaml:6:7: error: reading a .xlsx table needs the optional extra: pip install "claimcheck[data]" (it brings openpyxl)',
    ]
    assert "Traceback" not in proc.stdout + proc.stderr


def test_nothing_else_imports_the_extra(tmp_path: Path) -> None:
    # The sample claim file and the CO2 draft's typed figures need neither library: the
    # whole verify, validate, schema and new paths run with both blocked.
    proc = run_blocked("verify", str(ROOT / "claims" / "ice_july.yaml"), "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    proc = run_blocked("validate", str(ROOT / "claims" / "ice_july.yaml"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    proc = run_blocked("schema", cwd=tmp_path)
    assert proc.returncode == 0 and '"from"' in proc.stdout, proc.stderr
    proc = run_blocked("new", "story.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
