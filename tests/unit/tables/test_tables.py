"""Figures from the data itself (issue 20): ``from:`` a table with ``sql:`` or ``cell:``.

Every expected value is worked out by hand from the small tables written here (CSV by
hand, Parquet by DuckDB itself, .xlsx by openpyxl), in tmp folders; nothing is copied
from the program's output.
"""

from __future__ import annotations

import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from claimcheck.claimfile import load_file
from claimcheck.engine import check_loaded
from claimcheck.exitcodes import Exit
from claimcheck.run import verify

duckdb = pytest.importorskip("duckdb")
openpyxl = pytest.importorskip("openpyxl")

CSV = (
    "region,held,conviction,rate,fips\n"
    'North,"1,224",none,0.1,01001\n'
    "South,990,none,0.2,02002\n"
    "East,31000,violent,0.30000000000000004,03003\n"
    "West,,none,12.3456789012345678901234,04004\n"
)


def claim_file(folder: Path, figures: dict[str, tuple[str, str, str]], compute: str = "", figure: str = "1") -> Path:
    """A claim file whose figures are ``name: (from, key, what)``, each in block style:
    figure N's ``from:`` key is on line 3 + 3·N, column 5, and its ``sql:``/``cell:`` key
    on the line after."""
    lines = ["title: Tables", "figures:"]
    for name, (table, key, what) in figures.items():
        lines += [f"  {name}:", f"    from: {table}", f"    {key}: {what!r}" if "'" not in what else f'    {key}: "{what}"']
    first = next(iter(figures))
    lines += ["claims:", "  - id: c1", "    speaker: S", "    statement: s", f"    figure: {figure!r}",
              f"    compute: {compute or first}", ""]
    path = folder / "story.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "t.csv").write_text(CSV, encoding="utf-8")
    return tmp_path


def value_of(folder: Path, table: str, key: str, what: str) -> Fraction:
    loaded = load_file(str(claim_file(folder, {"x": (table, key, what)})))
    assert loaded.ok, [p.render() for p in loaded.problems]
    return loaded.tables[("figures", "x")].written.value


def problem_of(folder: Path, table: str, key: str, what: str) -> str:
    path = claim_file(folder, {"x": (table, key, what)})
    loaded = load_file(str(path))
    assert not loaded.ok
    assert len(loaded.problems) == 1, [p.render() for p in loaded.problems]
    return loaded.problems[0].render().replace(str(path), "story.yaml")


# --- CSV: each aggregate, exact ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        # 1,224 (written with a comma) + 990; West's empty cell is NULL and left out.
        ("select sum(held) from t where conviction = 'none'", Fraction(2214)),
        ("select count(*) from t", Fraction(4)),
        ("select count(held) from t", Fraction(3)),
        # (1224 + 990 + 31000) / 3 = 33214/3: an exact fraction, no float in between.
        ("select avg(held) from t", Fraction(33214, 3)),
        ("select mean(held) from t where region <> 'East'", Fraction(2214, 2)),
        ("select min(held) from t", Fraction(990)),
        ("select max(held) from t", Fraction(31000)),
        # 0.1 + 0.2 is 0.3 exactly (a binary float gives 0.30000000000000004).
        ("select sum(rate) from t where region in ('North', 'South')", Fraction(3, 10)),
        # Long decimals kept to the last digit: 0.1 + 0.2 + 0.30000000000000004
        # + 12.3456789012345678901234 = 12.9456789012345679301234.
        ("select sum(rate) from t", Fraction(Decimal("12.9456789012345679301234"))),
        ("select held from t where region = 'South'", Fraction(990)),
        ("select rate from t where region = 'East'", Fraction(Decimal("0.30000000000000004"))),
        # A column with leading zeros is a code, kept as text: compare it as text.
        ("select held from t where fips = '01001'", Fraction(1224)),
    ],
)
def test_csv_figures_are_exact(folder: Path, sql: str, expected: Fraction) -> None:
    assert value_of(folder, "data/t.csv", "sql", sql) == expected


def test_a_tsv_is_read_the_same_way(folder: Path) -> None:
    (folder / "data" / "t.tsv").write_text("a\tb\n1.5\tx\n2.25\ty\n", encoding="utf-8")
    assert value_of(folder, "data/t.tsv", "sql", "select sum(a) from t") == Fraction(15, 4)


def test_the_verdict_uses_the_table_value_and_cites_it(folder: Path) -> None:
    import hashlib

    # June 1,224 a day (North), July 990 (South): (990 − 1224) / 1224 = −19.12%, "nearly 20%".
    path = claim_file(folder, {
        "june": ("data/t.csv", "sql", "select held from t where region = 'North'"),
        "july": ("data/t.csv", "sql", "select held from t where region = 'South'"),
    }, compute="pct_change(june, july)", figure="nearly 20% drop")
    fr = check_loaded(load_file(str(path)))
    assert not fr.problems
    (c,) = fr.claims
    assert c.verdict == "accurate"
    assert c.point == Fraction(990 - 1224, 1224)
    digest = hashlib.sha256(CSV.encode()).hexdigest()
    assert [(i.name, i.written, i.table.path, i.table.sha256, i.table.query, i.table.value) for i in c.inputs] == [
        ("june", "1224", "data/t.csv", digest, "select held from t where region = 'North'", "1224"),
        ("july", "990", "data/t.csv", digest, "select held from t where region = 'South'", "990"),
    ]
    # The cache's interface: every table read, once, by absolute path and hash.
    assert fr.inputs == ((str((folder / "data" / "t.csv").resolve()), digest),)


# --- Parquet (written by DuckDB) and .xlsx (written by openpyxl) ----------------------


@pytest.fixture()
def parquet(folder: Path) -> str:
    out = folder / "data" / "p.parquet"
    con = duckdb.connect()
    con.execute(
        "COPY (SELECT * FROM (VALUES (1, 0.1::DOUBLE, 2.50::DECIMAL(10,2)), (2, 0.2::DOUBLE, 3.25::DECIMAL(10,2)), "
        "(3, 1e-7::DOUBLE, 0::DECIMAL(10,2))) "
        f"v(id, x, d)) TO '{out}' (FORMAT parquet)"
    )
    con.close()
    return "data/p.parquet"


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        # Doubles read as their shortest text: 0.1 + 0.2 + 1e-07 = 0.3000001.
        ("select sum(x) from t", Fraction(3000001, 10**7)),
        ("select sum(x) from t where id < 3", Fraction(3, 10)),
        ("select sum(d) from t", Fraction(575, 100)),
        ("select avg(id) from t", Fraction(2)),
        ("select avg(d) from t", Fraction(575, 300)),  # 5.75 / 3 = 23/12
        ("select count(*) from t", Fraction(3)),
        ("select min(x) from t", Fraction(1, 10**7)),
        ("select max(d) from t", Fraction(325, 100)),
    ],
)
def test_parquet_figures_are_exact(folder: Path, parquet: str, sql: str, expected: Fraction) -> None:
    assert value_of(folder, parquet, "sql", sql) == expected


@pytest.fixture()
def workbook(folder: Path) -> str:
    import datetime

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["B2"] = 0.1
    ws["B3"] = 1224
    ws["B4"] = 0.191
    ws["B4"].number_format = "0.0%"
    ws["B5"] = "1,224"
    ws["B7"] = datetime.date(2025, 7, 27)
    ws["C2"] = -3.5
    wb.create_sheet("Second sheet")["A1"] = 42
    wb.save(folder / "data" / "w.xlsx")
    return "data/w.xlsx"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Data!B2", Fraction(1, 10)),
        ("B3", Fraction(1224)),  # no sheet: the first
        ("Data!B4", Fraction(191, 1000)),  # shown as 19.1%: read as the percent 19.1%
        ("Data!C2", Fraction(-7, 2)),
        ("'Second sheet'!A1", Fraction(42)),
    ],
)
def test_xlsx_cells_are_exact(folder: Path, workbook: str, cell: str, expected: Fraction) -> None:
    assert value_of(folder, workbook, "cell", cell) == expected


def test_a_percent_cell_is_written_as_a_percent(folder: Path, workbook: str) -> None:
    loaded = load_file(str(claim_file(folder, {"x": (workbook, "cell", "Data!B4")})))
    assert loaded.tables[("figures", "x")].written.text == "19.1%"


# --- a result that is not one number: located at the sql:/cell: key --------------------


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("select held from t where region = 'Nowhere'", "the query gave no row; a figure needs exactly one number"),
        ("select held from t", "the query gave several rows; a figure needs exactly one number"),
        ("select held, rate from t where region = 'North'", "the query gave 2 columns; a figure needs exactly one number"),
        ("select region from t where region = 'North'", "the query gave the text 'North', not a number"),
        ("select held from t where region = 'West'", "the query gave no value (NULL or an empty cell)"),
        ("select sum(held) / 2 from t", "the query gave a binary floating-point number"),
        ("select avg(held) * 2 from t", "avg() gives an exact fraction only as a query's whole result"),
        ("select sum(hold) from t", 'Binder Error: Referenced column "hold" not found'),
        ("select sum(held) from", "Parser Error: syntax error"),
        ("select avg(held) from t where region = 'Nowhere'", "the query took the average of no values (NULL)"),
    ],
)
def test_a_result_that_is_not_one_number_is_a_located_error(folder: Path, sql: str, message: str) -> None:
    rendered = problem_of(folder, "data/t.csv", "sql", sql)
    assert rendered.startswith("story.yaml:5:5: error: "), rendered
    assert message in rendered


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("Data!B5", "the cell gave the text '1,224', not a number"),
        ("Data!B6", "the cell gave no value (NULL or an empty cell)"),
        ("Data!B7", "the cell gave a datetime"),
        ("Nope!B2", "the workbook has no sheet 'Nope'; its sheets: Data, Second sheet"),
    ],
)
def test_a_cell_that_is_not_one_number_is_a_located_error(folder: Path, workbook: str, cell: str, message: str) -> None:
    rendered = problem_of(folder, workbook, "cell", cell)
    assert rendered.startswith("story.yaml:5:5: error: "), rendered
    assert message in rendered


def test_the_wrong_key_for_the_kind_of_table(folder: Path, workbook: str) -> None:
    assert problem_of(folder, "data/t.csv", "cell", "B2") == (
        "story.yaml:5:5: error: a .csv table is read by sql: (select … from t), not by cell:")
    assert problem_of(folder, workbook, "sql", "select 1") == (
        "story.yaml:5:5: error: an .xlsx workbook is read by cell (cell: Sheet1!B12), not by sql:")


def test_a_missing_table_is_located_at_from(folder: Path) -> None:
    rendered = problem_of(folder, "data/nope.csv", "sql", "select 1")
    assert rendered.startswith("story.yaml:4:5: error: table 'data/nope.csv' not found")


def test_tables_over_the_size_cap_are_refused(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_TABLE_MAX_MB", "0.0001")  # 104 bytes; the CSV has 175
    rendered = problem_of(folder, "data/t.csv", "sql", "select count(*) from t")
    assert rendered == (f"story.yaml:4:5: error: table 'data/t.csv' is {len(CSV):,} bytes, over the limit of 104 "
                        "(CLAIMCHECK_TABLE_MAX_MB raises it)")


def test_a_query_past_the_time_cap_is_interrupted(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_QUERY_SECONDS", "0.5")
    sql = "select sum(a.range * b.range) from range(100000000) a, range(100000000) b"
    rendered = problem_of(folder, "data/t.csv", "sql", sql)
    assert rendered == ("story.yaml:5:5: error: the query ran longer than 0.5 s and was stopped "
                        "(CLAIMCHECK_QUERY_SECONDS raises the limit)")


# --- escape attempts: every one refused, exit 2 ------------------------------------------


def run_code(path: Path) -> tuple[int, list[str]]:
    problems: list[str] = []
    outcome = verify([str(path)], fmt="json", on_problem=lambda p: problems.append(p.render()))
    return outcome.code, problems


@pytest.mark.parametrize(
    ("sql", "line_col", "message"),
    [
        ("select * from read_csv('/etc/passwd')", "5:5", "Permission Error: Cannot access file"),
        ("select count(*) from read_text('/etc/hostname')", "5:5", "Permission Error"),
        ("copy t to '/tmp/claimcheck-escape.csv'", "5:5", "only a SELECT may run here, not a COPY statement"),
        ("install httpfs", "5:5", "only a SELECT may run here"),
        ("load httpfs", "5:5", "only a SELECT may run here"),
        ("attach '/tmp/claimcheck-escape.db' as x", "5:5", "only a SELECT may run here"),
        ("set enable_external_access = true", "5:5", "only a SELECT may run here"),
        ("select 1; copy t to '/tmp/claimcheck-escape.csv'", "5:5", "give exactly one SELECT statement; this has 2"),
        ("select count(*) from glob('/etc/*')", "5:5", "Permission Error"),
    ],
)
def test_queries_cannot_escape_the_table(folder: Path, sql: str, line_col: str, message: str) -> None:
    path = claim_file(folder, {"x": ("data/t.csv", "sql", sql)})
    code, problems = run_code(path)
    assert code == Exit.INPUT == 2
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:{line_col}: error: ") and message in problems[0], problems
    assert not Path("/tmp/claimcheck-escape.csv").exists() and not Path("/tmp/claimcheck-escape.db").exists()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("../outside.csv", "'../outside.csv' leads out of the claim file's folder ('..'); keep tables inside it"),
        ("data/../../outside.csv", "leads out of the claim file's folder ('..')"),
        ("/etc/passwd.csv", "'/etc/passwd.csv' is an absolute path"),
        ("data/t.txt", "'data/t.txt' is not a table claimcheck reads"),
    ],
)
def test_paths_cannot_leave_the_folder(folder: Path, table: str, message: str) -> None:
    (folder.parent / "outside.csv").write_text("a\n1\n", encoding="utf-8")
    path = claim_file(folder, {"x": (table, "sql", "select sum(a) from t")})
    code, problems = run_code(path)
    assert code == 2
    assert len(problems) == 1 and problems[0].startswith(f"{path}:4:11: error: ") and message in problems[0], problems


def test_a_symlink_out_of_the_folder_is_refused(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.csv"
    outside.write_text("a\n7\n", encoding="utf-8")
    (folder / "data" / "link.csv").symlink_to(outside)
    path = claim_file(folder, {"x": ("data/link.csv", "sql", "select sum(a) from t")})
    code, problems = run_code(path)
    assert code == 2
    assert problems == [f"{path}:4:5: error: table 'data/link.csv' leads out of the claim file's folder "
                        f"(to {outside.resolve()}); keep tables inside it"]


def test_a_symlink_inside_the_folder_is_followed(folder: Path) -> None:
    (folder / "data" / "same.csv").symlink_to(folder / "data" / "t.csv")
    assert value_of(folder, "data/same.csv", "sql", "select count(*) from t") == 4


def test_the_other_files_are_still_checked(folder: Path) -> None:
    bad = claim_file(folder, {"x": ("data/t.csv", "sql", "copy t to 'x.csv'")})
    good = folder / "good.yaml"
    good.write_text("title: G\nclaims:\n  - id: g\n    speaker: S\n    statement: s\n    figure: down 10%\n"
                    "    figures: {a: 100, b: 90}\n    compute: pct_change(a, b)\n", encoding="utf-8")
    problems: list[str] = []
    outcome = verify([str(bad), str(good)], fmt="json", on_problem=lambda p: problems.append(p.render()), keep_results=True)
    assert outcome.code == 2
    assert [len(fr.claims) for fr in outcome.results] == [0, 1]
    assert not (folder / "x.csv").exists()


def test_sql_without_from_and_two_sources_are_model_errors(folder: Path) -> None:
    path = folder / "story.yaml"
    path.write_text("title: T\nfigures:\n  x: {sql: select 1}\n  y: {value: 3, from: data/t.csv, sql: select 1}\n", encoding="utf-8")
    loaded = load_file(str(path))
    assert [p.render().replace(str(path), "story.yaml") for p in loaded.problems] == [
        "story.yaml:3:6: error: 'sql' reads a table: give the table with 'from:'",
        "story.yaml:4:6: error: 'y': a figure needs exactly one of 'value' or 'compute', or 'from' naming a table; it has value and from",
    ]


def test_a_table_is_opened_once_per_claim_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.tables import query

    opened: list[Path] = []
    real_open = query.open_table

    def counting(real: Path, suffix: str, limits: object):  # noqa: ANN202
        opened.append(real)
        return real_open(real, suffix, limits)  # type: ignore[arg-type]

    monkeypatch.setattr(query, "open_table", counting)
    path = claim_file(folder, {f"f{i}": ("data/t.csv", "sql", f"select count(*) + {i} from t") for i in range(5)})
    loaded = load_file(str(path))
    assert loaded.ok
    assert [loaded.tables[("figures", f"f{i}")].written.value for i in range(5)] == [4, 5, 6, 7, 8]
    assert len(opened) == 1


def test_a_claims_own_figures_may_read_a_table(folder: Path) -> None:
    path = folder / "story.yaml"
    path.write_text(
        "title: T\n"
        "claims:\n"
        "  - id: c1\n"
        "    speaker: S\n"
        "    statement: s\n"
        "    figure: down 19.1%\n"
        "    figures:\n"
        "      june: {from: data/t.csv, sql: \"select held from t where region = 'North'\"}\n"
        "      july: {from: data/t.csv, sql: \"select held from t where region = 'South'\"}\n"
        "    compute: pct_change(june, july)\n",
        encoding="utf-8",
    )
    fr = check_loaded(load_file(str(path)))
    assert not fr.problems
    # (990 − 1224) ÷ 1224 = −19.12%, which "down 19.1%" states to its precision.
    assert fr.claims[0].point == Fraction(-234, 1224)
    assert fr.claims[0].verdict == "accurate"
    assert [i.table.value for i in fr.claims[0].inputs] == ["1224", "990"]


def test_an_escape_through_the_command_line_exits_2_with_one_located_line(folder: Path) -> None:
    import subprocess
    import sys

    claim_file(folder, {"x": ("data/t.csv", "sql", "select * from read_csv('/etc/passwd')")})
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "verify", "story.yaml"], cwd=folder,
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": "100"})
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith("story.yaml:5:5: error: Permission Error: Cannot access file")
    assert "root:" not in proc.stdout + proc.stderr  # nothing of the file leaks


def test_standard_input_reads_tables_from_the_current_folder(folder: Path) -> None:
    import subprocess
    import sys

    text = claim_file(folder, {"x": ("data/t.csv", "sql", "select count(*) from t")}, figure="4").read_text(encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "verify", "-", "--format", "json"], cwd=folder, input=text,
                          capture_output=True, text=True, env={**os.environ})
    assert proc.returncode == 0, proc.stderr
    assert '"verdict": "accurate"' in proc.stdout


# --- the incremental cache: a table is an input of its claim file ----------------------


def test_a_table_figure_is_cached_and_a_changed_table_is_checked_again(folder: Path, tmp_path: Path) -> None:
    # North "1,224" + South 990 + East 31000 (West is empty) = 33,214, worked by hand.
    path = claim_file(folder, {"held": ("data/t.csv", "sql", "select sum(held) from t")}, figure="33,214")
    cache = str(tmp_path / "cache")

    def run() -> tuple[str, object]:
        out: list[str] = []
        outcome = verify([str(path)], fmt="json", jobs=1, emit=out.append, cache_dir=cache)
        return "".join(out), outcome

    cold, first = run()
    assert first.cache.stats.misses == 1 and first.cache.stats.stored == 1
    warm, second = run()
    assert second.cache.stats.hits == 1 and second.cache.stats.misses == 0
    assert warm == cold  # the table's provenance and the verdict, from the entry
    assert '"33214"' in cold or "33,214" in cold

    table = folder / "data" / "t.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("South,990,", "South,991,"), encoding="utf-8")
    changed, third = run()
    assert third.cache.stats.misses == 1 and third.cache.stats.hits == 0
    assert changed != cold and ("33215" in changed or "33,215" in changed)
