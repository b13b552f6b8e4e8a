"""The database's numbered migrations, applied once each in order, and what applies them."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

import sqlite_utils

from . import decisions, standing, views


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def m001_initial(db: sqlite_utils.Database) -> None:
    db.table("documents").create(
        {
            "id": str, "name": str, "path": str, "size": int, "encoding": str, "format": str,
            "report_month": str, "report_month_confidence": str, "report_month_evidence": str,
            "text": str, "first_seen": str,
        },
        pk="id",
    )
    db.table("document_paths").create({"document_id": str, "path": str, "seen": str}, pk=("document_id", "path"))
    db.table("runs").create(
        {
            "id": int, "started_at": str, "finished_at": str, "status": str, "user": str, "host": str,
            "provider": str, "model": str, "pipeline_version": str, "config": str, "command": str,
            "documents": int, "errors": int, "summary": str,
        },
        pk="id",
    )
    db.table("extractions").create(
        {"document_id": str, "config_hash": str, "run_id": int, "extracted_at": str, "sections": int,
         "accepted": int, "needs_review": int, "rejected": int},
        pk="document_id",
        foreign_keys=[("document_id", "documents", "id"), ("run_id", "runs", "id")],
    )
    db.table("sections").create(
        {"id": str, "document_id": str, "idx": int, "commodity": str, "region": str, "heading": str,
         "start": int, "end": int, "known": int},
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db.table("facts").create(
        {
            "id": int, "document_id": str, "section_id": str, "run_id": int,
            "commodity": str, "region": str, "metric": str, "segment": str, "content": str,
            "period": str, "basis": str, "measure": str, "value": str, "unit": str, "qualifier": str,
            "quote": str, "quote_start": int, "quote_end": int, "number_start": int, "number_end": int,
            "status": str, "reason": str, "source": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("section_id", "sections", "id"), ("run_id", "runs", "id")],
    )
    db.table("drivers").create(
        {
            "id": int, "document_id": str, "section_id": str, "run_id": int, "commodity": str, "period": str,
            "basis": str, "effect": str, "category": str, "summary": str, "quote": str,
            "quote_start": int, "quote_end": int, "status": str, "reason": str, "source": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("section_id", "sections", "id"), ("run_id", "runs", "id")],
    )
    db.table("facts").create_index(["document_id"])
    db.table("facts").create_index(["commodity", "metric", "period"])
    db.table("drivers").create_index(["document_id"])
    db.table("sections").create_index(["document_id"])
    db.table("documents").create_index(["report_month"])


def m002_llm(db: sqlite_utils.Database) -> None:
    """The LLM path: a response cache, a per-call account, and each fact's second opinion."""
    db.table("llm_cache").create(
        {"key": str, "provider": str, "model": str, "purpose": str, "prompt_version": str, "response": str,
         "tokens_in": int, "tokens_out": int, "created_at": str},
        pk="key",
    )
    db.table("llm_calls").create(
        {"id": int, "run_id": int, "document_id": str, "purpose": str, "prompt_version": str, "key": str,
         "tokens_in": int, "tokens_out": int, "attempts": int, "seconds": float, "cached": int, "error": str},
        pk="id",
        foreign_keys=[("run_id", "runs", "id")],
    )
    db.table("llm_calls").create_index(["run_id"])
    db.table("facts").add_column("opinions", str)


def m003_report_format(db: sqlite_utils.Database) -> None:
    """Which report format read each document."""
    db.table("documents").add_column("report_format", str)


def m004_value_columns(db: sqlite_utils.Database) -> None:
    """A fact's value as numbers SQL and Datasette compare (value_num, value_low, value_high, direction)."""
    views.add_value_columns(db)


def m005_views(db: sqlite_utils.Database) -> None:
    """The analysts' views: current facts, series, forecasts against actuals, drivers by month."""
    views.create_views(db)


def m006_search(db: sqlite_utils.Database) -> None:
    """Full-text search over document texts and fact quotes."""
    views.enable_search(db)


def m007_partial(db: sqlite_utils.Database) -> None:
    """Which LLM calls failed for a reason worth asking again, and how many a document's extraction lacks."""
    db.table("llm_calls").add_column("transient", int)
    db.table("extractions").add_column("failed_questions", int)


def m008_conflicts(db: sqlite_utils.Database) -> None:
    """The conflicts view: figures two reports state differently."""
    views.create_views(db)


def m009_conflicts_within_a_report(db: sqlite_utils.Database) -> None:
    """A value the newer report states too is no conflict."""
    views.create_views(db)


def m010_table_scale(db: sqlite_utils.Database) -> None:
    """Where a table cell's mass is scaled from: the span of its "Unit: 1,000 tonne" line."""
    db.table("facts").add_column("scale_start", int)
    db.table("facts").add_column("scale_end", int)


def m011_publisher(db: sqlite_utils.Database) -> None:
    """Whose figures a document gives (its publisher): a later report revises only the same publisher's figures."""
    views.add_publisher(db)
    views.create_views(db)


def m030_archive_indexes(db: sqlite_utils.Database) -> None:
    """Indexes the views read whole, and current_facts ranking revisions on those narrow rows: the views of an
    archive of thousands of reports answer in a fraction of a second."""
    views.create_indexes(db)
    views.create_views(db)


def m031_standing_facts(db: sqlite_utils.Database) -> None:
    """The standing fact of every key kept current on write (`standing_facts`, by triggers), which current_facts and
    the views over it read: a query no longer ranks every accepted fact of the archive."""
    standing.create(db)
    views.create_views(db)


def m032_facts_searched_per_document(db: sqlite_utils.Database) -> None:
    """A document's quotes enter the search index in one statement as it is saved (`Store.save_document`), not by a
    trigger per row: each row's statement made the index write a segment of its own. The index follows an update
    of a quote only (a decision applied as the row is written changes its labels, before its quote is indexed)."""
    db.execute("DROP TRIGGER IF EXISTS facts_ai")
    db.execute("DROP TRIGGER IF EXISTS facts_au")
    db.execute("""CREATE TRIGGER facts_au AFTER UPDATE OF quote ON facts BEGIN
  INSERT INTO facts_fts (facts_fts, rowid, quote) VALUES ('delete', old.rowid, old.quote);
  INSERT INTO facts_fts (rowid, quote) VALUES (new.rowid, new.quote);
END""")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    m001_initial, m002_llm, m003_report_format, m004_value_columns, m005_views, m006_search, m007_partial,
    m008_conflicts, m009_conflicts_within_a_report, m010_table_scale, m011_publisher, m030_archive_indexes,
    m031_standing_facts, m032_facts_searched_per_document,
]
# People's decisions on figures (extractor/store/decisions.py): kept after every other migration.
MIGRATIONS += [decisions.m020_decisions, decisions.m021_review_views, decisions.m022_apply_only_where_decided]


def migrate(db: sqlite_utils.Database) -> None:
    """Apply the migrations not applied yet, each in its own write transaction.

    Which are applied is read again after taking the write lock: two processes opening a new database together
    both see a migration missing, and the second must not apply it once the first has.
    """
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    applied = {row[0] for row in db.execute("SELECT name FROM _migrations").fetchall()}
    for migration in MIGRATIONS:
        if migration.__name__ in applied:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("SELECT 1 FROM _migrations WHERE name = ?", [migration.__name__]).fetchone():
                db.execute("COMMIT")  # another process applied it while this one waited for the lock
                continue
            migration(db)
            db.execute("INSERT INTO _migrations VALUES (?, ?)", [migration.__name__, now()])
            db.execute("COMMIT")
        except Exception:
            db.execute("ROLLBACK")
            raise
