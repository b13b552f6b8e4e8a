"""Runs over archives: a summary of many documents, unchanged documents noted together, the views' indexes."""

from __future__ import annotations

import shutil
import sqlite3
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


def test_the_views_read_their_indexes_and_a_store_is_sized_for_archives(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    try:
        names = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert set(INDEXES) <= names
        plan = " ".join(str(row) for row in store.db.execute("EXPLAIN QUERY PLAN SELECT * FROM conflicts"))
        assert "idx_facts_accepted_key" in plan and "COVERING INDEX idx_documents_revision" in plan
        current = " ".join(str(row) for row in store.db.execute("EXPLAIN QUERY PLAN SELECT * FROM current_facts"))
        assert "standing_facts" in current and "TEMP B-TREE" not in current  # one row read per figure, unsorted
        assert store.db.execute("PRAGMA cache_size").fetchone()[0] == -65536
    finally:
        store.close()
