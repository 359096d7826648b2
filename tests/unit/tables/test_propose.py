"""``claimcheck new --from TABLE`` proposes figures from a table's columns."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("duckdb")
openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parents[3]
CO2 = ROOT / "examples" / "data" / "co2_annmean_mlo.csv"


def claimcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "100"})


def test_new_from_a_csv_proposes_exact_figures_that_verify(tmp_path: Path) -> None:
    (tmp_path / "claims" / "data").mkdir(parents=True)
    shutil.copy(CO2, tmp_path / "claims" / "data" / "co2.csv")
    proc = claimcheck("new", "claims/co2.yaml", "--from", "claims/data/co2.csv", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "claims" / "co2.yaml").read_text(encoding="utf-8")
    # 56 years, 1959 to 2014: their sum is 56 × (1959 + 2014) / 2 = 111,244; the
    # uncertainty is 0.12 every year, 56 × 0.12 = 6.72.
    for line in [
        '  rows: {from: "data/co2.csv", sql: "select count(*) from t", unit: "rows", source: "example_source"}  # now 56',
        '  year_total: {from: "data/co2.csv", sql: "select sum(\\"Year\\") from t", source: "example_source"}  # now 111244',
        '  mean_min: {from: "data/co2.csv", sql: "select min(\\"Mean\\") from t", source: "example_source"}  # now 315.97',
        '  mean_max: {from: "data/co2.csv", sql: "select max(\\"Mean\\") from t", source: "example_source"}  # now 398.61',
        '  uncertainty_total: {from: "data/co2.csv", sql: "select sum(\\"Uncertainty\\") from t", source: "example_source"}  # now 6.72',
    ]:
        assert line in text.splitlines()
    # Until its TODOs are filled in, the scaffold is refused; then it verifies.
    assert claimcheck("validate", "claims/co2.yaml", cwd=tmp_path).returncode == 2
    filled = text.replace('"TODO: the story\'s headline"', "CO2").replace('"TODO: who published the numbers"', "NOAA")
    filled = filled.replace('"TODO: who made the claim"', "Someone").replace('"TODO: the claim, quoted briefly"', "56 years")
    (tmp_path / "claims" / "co2.yaml").write_text(filled, encoding="utf-8")
    proc = claimcheck("verify", "claims/co2.yaml", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert '"verdict": "accurate"' in proc.stdout


def test_new_from_a_workbook_proposes_its_numeric_cells(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["year", "held"])
    ws.append([2024, 1224])
    ws.append([2025, 990.5])
    wb.save(tmp_path / "w.xlsx")
    proc = claimcheck("new", "s.yaml", "--from", "w.xlsx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = (tmp_path / "s.yaml").read_text(encoding="utf-8").splitlines()
    assert '  data_a2: {from: "w.xlsx", cell: "Data!A2", source: "example_source"}  # now 2024' in lines
    assert '  data_b3: {from: "w.xlsx", cell: "Data!B3", source: "example_source"}  # now 990.5' in lines


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("../outside.csv", "error: the table must be inside the claim file's folder"),
        ("missing.csv", "error: table 'missing.csv' not found"),
        ("notes.txt", "error: claimcheck reads .csv, .tsv, .parquet and .xlsx tables"),
    ],
)
def test_new_from_refuses_what_it_cannot_read(tmp_path: Path, table: str, message: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "outside.csv").write_text("a\n1\n", encoding="utf-8")
    (work / "notes.txt").write_text("a\n1\n", encoding="utf-8")
    proc = claimcheck("new", "s.yaml", "--from", table, cwd=work)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"{table}:1:1: {message}"), proc.stderr
    assert not (work / "s.yaml").exists()
