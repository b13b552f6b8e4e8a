from pathlib import Path

import pytest

from extractor.errors import StoreError
from extractor.record import Fact, Label, Span
from extractor.store import MIGRATIONS, DocumentRecord, open_store


def _record(doc_id: str, facts: list[Fact]) -> DocumentRecord:
    return DocumentRecord(
        document={"id": doc_id, "name": "a.txt", "path": "/x/a.txt", "size": 1, "encoding": "utf-8", "format": "text",
                  "report_month": "2025-01", "report_month_confidence": "high", "report_month_evidence": "", "text": "t"},
        path="/x/a.txt", config_hash="c1",
        sections=[{"id": f"{doc_id}:0", "document_id": doc_id, "idx": 0, "commodity": "silver", "region": "china",
                   "heading": "Silver", "start": 0, "end": 1, "known": 1}],
        facts=facts, drivers=[],
    )


def _fact(**over) -> Fact:
    fact = Fact(Label("silver", "china", "production", None, None, "2025-01", "actual", "mom_pct"), 1.0, "%", None,
                "t", Span(0, 1), Span(0, 1))
    return fact.relabel(**over)


def test_migrations_run_once_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    open_store(path).close()
    store = open_store(path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in store.db.execute("SELECT name FROM _migrations ORDER BY rowid")] == [m.__name__ for m in MIGRATIONS]
    assert {"documents", "sections", "runs", "facts", "drivers", "extractions", "llm_cache", "llm_calls"} <= set(
        store.db.table_names())


def test_a_database_from_before_the_llm_path_is_upgraded(tmp_path: Path) -> None:
    """m002 adds the LLM tables and the opinions column to a database that only had m001."""
    import sqlite3

    import sqlite_utils

    from extractor.store import m001_initial

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(sqlite3.connect(str(path)))
    old.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    m001_initial(old)
    old.execute("INSERT INTO _migrations VALUES ('m001_initial', 'then')")
    old.conn.commit()
    old.conn.close()
    store = open_store(path)
    assert "opinions" in store.db.table("facts").columns_dict
    assert store.cache_get("nothing") is None


def test_failed_document_write_leaves_previous_extraction(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    run = store.start_run("rules", None, "v", {}, "test")
    store.save_document(_record("d1", [_fact()]), run)
    broken = _fact(value={"a value no row can hold"})  # fails to encode halfway through the document's write
    with pytest.raises(StoreError):
        store.save_document(_record("d1", [_fact(value=2.0), broken]), run)
    rows = store.facts_for("d1")
    assert [r["value"] for r in rows] == ["1.0"]
    assert store.is_current("d1", "c1")


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot use"):
        open_store(path)


def test_interrupted_runs_are_marked(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    first = store.start_run("rules", None, "v", {}, "a")
    store.start_run("rules", None, "v", {}, "b")
    assert store.db["runs"].get(first)["status"] == "interrupted"


def test_documents_saved_in_a_group_are_each_whole_and_committed_together(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    run = store.start_run("rules", None, "v", {}, "test")
    store.begin_group()
    store.save_document(_record("d1", [_fact()]), run)
    broken = _fact(value={"a value no row can hold"})
    with pytest.raises(StoreError):  # undone alone: its savepoint, not the group
        store.save_document(_record("d2", [_fact(value=2.0), broken]), run)
    store.save_document(_record("d3", [_fact(value=3.0)]), run)
    other = open_store(tmp_path / "x.db")  # another reader sees nothing before the commit
    assert other.facts_for("d1") == [] and not other.is_current("d3", "c1")
    store.commit_group()
    assert [r["value"] for r in other.facts_for("d1")] == ["1.0"]
    assert [r["value"] for r in other.facts_for("d3")] == ["3.0"]
    assert other.facts_for("d2") == [] and not other.is_current("d2", "c1")
    store.commit_group()  # nothing open: nothing to do


def test_a_group_whose_commit_fails_is_undone(tmp_path: Path) -> None:
    """A failure shape (the COMMIT made to fail by a wrapper, as a full disk would): the group is rolled back and
    said as a StoreError; the store goes on with the next."""
    import sqlite3

    store = open_store(tmp_path / "x.db")
    run = store.start_run("rules", None, "v", {}, "test")
    real = store.db.execute

    def full_disk(sql: str, *args):
        if sql == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        return real(sql, *args)

    store.begin_group()
    store.save_document(_record("d1", [_fact()]), run)
    store.db.execute = full_disk
    with pytest.raises(StoreError, match="could not commit the documents stored together"):
        store.commit_group()
    store.db.execute = real
    assert not store.db.conn.in_transaction and store.facts_for("d1") == []
    store.save_document(_record("d1", [_fact()]), run)  # alone, in a transaction of its own
    assert [r["value"] for r in store.facts_for("d1")] == ["1.0"]
