"""Runs over archives: a summary of many documents, unchanged documents noted together (and read without the rules),
the views' indexes."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app, extract
from extractor.store import open_store
from extractor.store.views import INDEXES

runner = CliRunner()
NAMES = ("review_2024_06.txt", "headline_2017_10.txt", "article_2023_03.md", "table_2018_04.txt")


def _archive(folder: Path, fixtures: Path) -> Path:
    folder.mkdir()
    for name in NAMES:
        shutil.copy(fixtures / name, folder / name)
    return folder


def test_a_batch_of_many_documents_is_summarised(tmp_path: Path, fixtures: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _archive(tmp_path / "in", fixtures)
    shutil.copy(fixtures / "review_2024_06.txt", folder / "zz_copy.txt")
    (folder / "empty.txt").write_text("")
    monkeypatch.setattr(extract, "SUMMARY_ROWS", 3)
    result = runner.invoke(app, ["run", str(folder), "--db", str(tmp_path / "x.db")], catch_exceptions=False)
    assert result.exit_code == 1, result.output  # an input failed (the empty file): the exit codes' table
    assert "6 documents: " in result.output and "1 duplicate" in result.output and "1 error" in result.output
    listed = [line for line in result.output.splitlines() if "│" in line and ".txt" in line]
    assert any("zz_copy.txt" in line for line in listed) and any("empty.txt" in line for line in listed)
    assert not any("headline_2017_10.txt" in line for line in listed)  # no problem: counted, not listed


def test_unchanged_documents_are_noted_at_their_new_paths(tmp_path: Path, fixtures: Path) -> None:
    first = _archive(tmp_path / "first", fixtures)
    db = tmp_path / "x.db"
    assert runner.invoke(app, ["run", str(first), "--db", str(db)], catch_exceptions=False).exit_code == 0
    moved = shutil.copytree(first, tmp_path / "moved")
    again = runner.invoke(app, ["run", str(moved), "--db", str(db)], catch_exceptions=False)
    assert "Nothing to do" in again.output
    assert f"{len(NAMES)} documents" in again.output and "unchanged" in again.output
    with sqlite3.connect(db) as conn:
        paths = {row[0] for row in conn.execute("SELECT path FROM document_paths")}
    assert paths == {str(first / n) for n in NAMES} | {str(moved / n) for n in NAMES}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_documents_are_said_stored_once_their_group_is_committed(tmp_path: Path, fixtures: Path,
                                                                 monkeypatch: pytest.MonkeyPatch, workers: str) -> None:
    """A failure shape (the first group's COMMIT made to fail, as a full disk would): its documents are said to have
    failed, none is kept, and the next run stores them all."""
    from extractor.batch import run as batch_run
    from extractor.store import Store

    folder = _archive(tmp_path / "in", fixtures)
    monkeypatch.setattr(batch_run, "SAVE_GROUP", 2)
    real, failed = Store.commit_group, []

    def full_disk_once(self: Store) -> None:
        if failed or not self.db.conn.in_transaction:
            return real(self)
        failed.append(True)
        execute = self.db.execute

        def commit_fails(sql: str, *args: object) -> object:
            if sql == "COMMIT":
                raise sqlite3.OperationalError("database or disk is full")
            return execute(sql, *args)

        self.db.execute = commit_fails
        try:
            return real(self)
        finally:
            self.db.execute = execute

    monkeypatch.setattr(Store, "commit_group", full_disk_once)
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["run", str(folder), "--db", str(db), "--workers", workers], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert result.output.count("could not commit the documents stored together") == 2, result.output
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("SELECT name FROM documents")}
    assert stored == set(sorted(NAMES)[2:])  # the second group, committed
    monkeypatch.setattr(Store, "commit_group", real)
    again = runner.invoke(app, ["run", str(folder), "--db", str(db), "--workers", workers], catch_exceptions=False)
    assert again.exit_code == 0 and "2 document(s) unchanged" in again.output, again.output
    with sqlite3.connect(db) as conn:
        assert {row[0] for row in conn.execute("SELECT name FROM documents")} == set(NAMES)


# A run in a process of its own, then the extractor's modules it imported (one a line, in a file: stdout is the run's).
_RUN_AND_LIST = """import sys
from extractor.cli import main
listing, sys.argv = sys.argv[1], ["extractor", "run", *sys.argv[2:]]
try:
    main()
except SystemExit as e:
    assert not e.code, e.code
open(listing, "w").write("\\n".join(sorted(m for m in sys.modules if m.startswith("extractor"))))
"""


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_run_of_current_documents_imports_no_rules(tmp_path: Path, fixtures: Path, workers: str) -> None:
    folder = _archive(tmp_path / "in", fixtures)
    db = tmp_path / "x.db"
    assert runner.invoke(app, ["run", str(folder), "--db", str(db)], catch_exceptions=False).exit_code == 0
    listing = tmp_path / "modules.txt"
    done = subprocess.run([sys.executable, "-c", _RUN_AND_LIST, str(listing), str(folder), "--db", str(db),
                           "--workers", workers], capture_output=True, text=True, check=True)
    assert "Nothing to do" in done.stdout
    loaded = listing.read_text().split()
    assert "extractor.batch" in loaded
    heavy = ("extractor.pipeline", "extractor.rules", "extractor.formats", "extractor.strategies", "extractor.reconcile")
    assert not [m for m in loaded if m.startswith(heavy)]


def test_a_batch_whose_workers_extract_compiles_no_rules_in_its_own_process(tmp_path: Path, fixtures: Path) -> None:
    folder = _archive(tmp_path / "in", fixtures)
    db, listing = tmp_path / "x.db", tmp_path / "modules.txt"
    done = subprocess.run([sys.executable, "-c", _RUN_AND_LIST, str(listing), str(folder), "--db", str(db),
                           "--workers", "2"], capture_output=True, text=True, check=True)
    assert "extracted" in done.stdout
    with sqlite3.connect(db) as conn:  # the documents were read, in the workers
        assert conn.execute("SELECT count(*) FROM facts WHERE status = 'accepted'").fetchone()[0] > 0
    loaded = listing.read_text().split()
    assert "extractor.batch.pool" in loaded
    assert not [m for m in loaded if m.startswith(("extractor.pipeline", "extractor.rules", "extractor.text.clauses",
                                                    "extractor.text.vocabulary", "extractor.reconcile.gate"))]


def test_the_views_read_their_indexes_and_a_store_is_sized_for_archives(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    try:
        names = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert set(INDEXES) <= names
        plan = " ".join(str(row) for row in store.db.execute("EXPLAIN QUERY PLAN SELECT * FROM conflicts"))
        assert "idx_facts_accepted_key" in plan and "COVERING INDEX idx_documents_revision" in plan
        current = " ".join(str(row) for row in store.db.execute("EXPLAIN QUERY PLAN SELECT * FROM current_facts"))
        assert "standing_facts" in current and "TEMP B-TREE" not in current  # one row read per figure, unsorted
        one = " ".join(str(row) for row in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM series WHERE commodity = 'copper_cathode'"))
        assert "SEARCH standing USING INDEX idx_standing_facts_group (commodity=?)" in one  # one commodity's rows
        assert store.db.execute("PRAGMA cache_size").fetchone()[0] == -65536
    finally:
        store.close()
