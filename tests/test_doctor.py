"""`extractor doctor` checks what a run would use (issue 11): provider, endpoint, local model, extras, database."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.llm.models import DEFAULT_MODEL, chunk_paths, spec

from .fake_openai import FakeOpenAI

runner = CliRunner()


def _doctor(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, ["doctor", *args], env=env)


def test_a_reachable_endpoint_and_a_stored_database_pass(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "smm.db"
    assert runner.invoke(app, ["run", str(fixtures / "headline_2017_10.txt"), "--db", str(db)]).exit_code == 0
    with FakeOpenAI() as server:
        result = _doctor("--db", str(db), "--base-url", server.base_url, "--model", "test-model")
    assert result.exit_code == 0, result.output
    assert "openai (from --base-url)" in result.output
    assert "answers" in result.output and "1 document(s)" in result.output and "up to date" in result.output
    assert "Everything a run needs is in place." in result.output


def test_an_endpoint_that_is_down_and_a_file_that_is_no_database_fail(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are notes, not a database\n" * 100)
    result = _doctor("--db", str(not_a_db), "--base-url", "http://127.0.0.1:9/v1", "--model", "m")
    assert result.exit_code == 1
    assert "cannot reach the LLM endpoint http://127.0.0.1:9/v1" in result.output
    assert "not an SQLite database" in result.output
    assert "2 check(s) failed: endpoint, database" in result.output


def test_a_local_model_not_assembled_here_says_what_happens_next(tmp_path: Path) -> None:
    """With no model in EXTRACTOR_HOME: a failure naming the install command, or a warning when the chunk
    packages are installed and the first use assembles them; without llama.cpp, a failure naming the extra."""
    result = _doctor("--provider", "local", "--db", str(tmp_path / "new.db"), env={"EXTRACTOR_HOME": str(tmp_path)})
    if importlib.util.find_spec("llama_cpp") is None:
        assert result.exit_code == 1 and "llama-cpp-python is not installed" in result.output
    elif chunk_paths(spec(DEFAULT_MODEL)) is not None:
        assert result.exit_code == 0 and "chunks installed, not assembled yet" in result.output
    else:
        assert result.exit_code == 1
        assert f"not installed; run `extractor models install {DEFAULT_MODEL}`" in result.output
    assert "not created yet; the first run creates it" in result.output


def test_a_read_only_database_fails_the_writable_check(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "smm.db"
    assert runner.invoke(app, ["run", str(fixtures / "headline_2017_10.txt"), "--db", str(db)]).exit_code == 0
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here; as root, file permissions cannot make the file read-only")
    try:
        result = _doctor("--db", str(db))
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)
    assert result.exit_code == 1 and "is read-only: runs would fail" in result.output


def test_the_database_checks_name_each_state_of_a_database(tmp_path: Path, fixtures: Path) -> None:
    """Each state of --db as the doctor reports it, row by row: missing (its folder there or not), not SQLite, SQLite
    but not ours, ours with a migration to apply and a partial extraction."""
    import sqlite3

    from extractor.cli.doctor import FAIL, OK, WARN, Check, _database_checks

    assert _database_checks(tmp_path / "new.db") == [
        Check("database", OK, f"{tmp_path / 'new.db'}: not created yet; the first run creates it")]
    assert _database_checks(tmp_path / "nowhere" / "new.db") == [
        Check("database", FAIL, f"{tmp_path / 'nowhere' / 'new.db'}: the folder {tmp_path / 'nowhere'} does not exist")]
    text = tmp_path / "notes.db"
    text.write_text("not a database, though named like one\n" * 20)
    [check] = _database_checks(text)
    assert (check.name, check.status) == ("database", FAIL) and check.detail.startswith(f"{text}: not an SQLite database (")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE prices (day TEXT, usd REAL)")
    assert _database_checks(other) == [Check("database", FAIL, f"{other}: an SQLite file, but not an extractor database "
                                                              "(no documents table); give another --db")]
    db = tmp_path / "smm.db"
    assert runner.invoke(app, ["run", str(fixtures / "headline_2017_10.txt"), "--db", str(db)]).exit_code == 0
    with sqlite3.connect(db) as conn:
        first = conn.execute("SELECT name FROM _migrations ORDER BY name LIMIT 1").fetchone()[0]
        conn.execute("DELETE FROM _migrations WHERE name = ?", (first,))
        conn.execute("UPDATE extractions SET config_hash = 'partial:' || config_hash")
    conn.close()
    assert _database_checks(db) == [
        Check("database", OK, f"{db}: 1 document(s), 1 partial"),
        Check("schema", WARN, f"1 migration(s) to apply ({first}); the next run applies them"),
        Check("writable", OK, "yes"),
    ]
