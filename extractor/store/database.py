"""SQLite storage through sqlite-utils: numbered migrations, WAL, each document written whole or not at all (in a
transaction of its own, or a savepoint of a batch's group; the rows it writes are made in `rows`)."""

from __future__ import annotations

import getpass
import json
import socket
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import sqlite_utils

from extractor.errors import StoreError
from extractor.record import Fact, Label, Status

from .migrations import now as _now
from .migrations import migrate
from .rows import DocumentRecord, driver_row, fact_from_row, fact_row


# Sized for archives: a page cache of 64 MiB (SQLite's default is 2 MiB) and reads through a memory map of up to
# 1 GiB; sorts and temporary indexes in memory. In WAL mode, synchronous=NORMAL syncs the log at checkpoints, not at
# every commit: a crash of the program loses nothing committed, and a crash of the machine or a power cut may undo
# the last transactions but never leaves the database damaged (their documents the next run extracts again).
PRAGMAS = ("PRAGMA cache_size=-65536", "PRAGMA mmap_size=1073741824", "PRAGMA temp_store=MEMORY",
           "PRAGMA synchronous=NORMAL")


def open_store(path: Path | str) -> "Store":
    """Open (creating if needed) the database at path and bring its schema up to date.

    Raises StoreError when the file is not a SQLite database or cannot be written.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        db = sqlite_utils.Database(conn)
        _into_wal(db)
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=30000")
        for pragma in PRAGMAS:
            db.execute(pragma)
        migrate(db)
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path}: cannot use this file as the extractor database ({e})") from e
    return Store(db, Path(path))


WAL_WAIT = 30.0  # seconds, as the busy timeout


def _into_wal(db: sqlite_utils.Database) -> None:
    """Put the database in WAL mode, waiting for another process that is doing the same.

    Changing the journal mode needs the file to itself, and SQLite answers "database is locked" at once rather than
    call the busy handler when another connection holds it (two runs started together on a new database).
    """
    deadline = time.monotonic() + WAL_WAIT
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Store:
    """The extractor database: documents, sections, runs, extractions, facts and drivers."""

    def __init__(self, db: sqlite_utils.Database, path: Path) -> None:
        self.db = db
        self.path = path
        self._seen: list[tuple[str, str, str]] = []  # (document, path, when) of unchanged documents, not yet written

    NOTE_BATCH = 1000  # unchanged documents noted per transaction

    def close(self) -> None:
        self.db.conn.close()

    def previous_run_finished(self, run_id: int) -> bool:
        """Whether the run before this one finished (an interrupted one may have stored documents it never
        checked against their series)."""
        row = self.db.execute("SELECT status FROM runs WHERE id < ? ORDER BY id DESC LIMIT 1", [run_id]).fetchone()
        return row is None or row[0] == "finished"

    def start_run(self, provider: str, model: str | None, pipeline_version: str, config: dict[str, Any], command: str) -> int:
        """Record a run as started; earlier runs still marked running were interrupted.

        Raises StoreError when the database cannot be written (a read-only file or folder).
        """
        try:
            self.db.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        except sqlite3.OperationalError as e:
            raise StoreError(f"{self.path}: cannot write to this database ({e}); check the permissions of the file "
                             "and its folder, or give another --db") from e
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = "unknown"
        table = self.db.table("runs")
        table.insert(
            {
                "started_at": _now(), "status": "running", "user": user, "host": socket.gethostname(),
                "provider": provider, "model": model, "pipeline_version": pipeline_version,
                "config": json.dumps(config, sort_keys=True), "command": command,
                "documents": 0, "errors": 0,
            }
        )
        assert table.last_pk is not None
        return int(table.last_pk)

    def finish_run(self, run_id: int, status: str, documents: int, errors: int, summary: dict[str, Any]) -> None:
        self.flush_seen()
        self.db.table("runs").update(
            run_id,
            {"finished_at": _now(), "status": status, "documents": documents, "errors": errors,
             "summary": json.dumps(summary, sort_keys=True)},
        )

    def is_current(self, document_id: str, config_hash: str) -> bool:
        """Whether this document was already extracted with this configuration."""
        row = self.db.execute(
            "SELECT 1 FROM extractions WHERE document_id = ? AND config_hash = ?", [document_id, config_hash]
        ).fetchone()
        return row is not None

    def is_stored(self, document_id: str) -> bool:
        """Whether this document has an extraction stored (with any configuration)."""
        return bool(self.db.table("extractions").count_where("document_id = ?", [document_id]))

    def extraction(self, document_id: str) -> dict[str, Any]:
        """The stored extraction record of a document (counts, config hash, run)."""
        return dict(self.db.table("extractions").get(document_id))

    def document(self, document_id: str) -> dict[str, Any]:
        """The stored document row (name, path, report month and format, text...)."""
        return dict(self.db.table("documents").get(document_id))

    def current_documents(self, config_hash: str) -> set[str]:
        """The documents extracted with this configuration (a batch asks once, before it reads any file)."""
        return {row[0] for row in self.db.execute(
            "SELECT document_id FROM extractions WHERE config_hash = ?", [config_hash]).fetchall()}

    def current_summary(self, document_id: str, config_hash: str) -> dict[str, Any] | None:
        """What a run says of a document already extracted with this configuration: its report month and format
        (never its text) and its extraction's counts, in one query; None when it is not current."""
        cursor = self.db.execute(
            "SELECT d.report_month, d.report_format, e.sections, e.accepted, e.needs_review, e.rejected "
            "FROM extractions e JOIN documents d ON d.id = e.document_id WHERE e.document_id = ? "
            "AND e.config_hash = ?", [document_id, config_hash])
        row = cursor.fetchone()
        return None if row is None else dict(zip([c[0] for c in cursor.description], row))

    def note_seen(self, document_id: str, path: str) -> None:
        """Note that an unchanged document was seen at path: written with the others in one transaction (at
        `flush_seen`, when the run finishes, or every NOTE_BATCH documents)."""
        self._seen.append((document_id, path, _now()))
        if len(self._seen) >= self.NOTE_BATCH:
            self.flush_seen()

    def flush_seen(self) -> None:
        """Write the paths noted by note_seen, in one transaction (or a savepoint of the group's)."""
        if not self._seen:
            return
        seen, self._seen = self._seen, []
        with self._atomic("seen"):
            self.db.conn.executemany(
                "INSERT INTO document_paths (document_id, path, seen) VALUES (?, ?, ?) "
                "ON CONFLICT (document_id, path) DO UPDATE SET seen = excluded.seen", seen)

    def begin_group(self) -> None:
        """Open a transaction that the documents saved next join, each in a savepoint of its own, until
        `commit_group`: a commit writes every page a document touched to the log, which cost an archive's run more
        than its rows."""
        self.db.execute("BEGIN IMMEDIATE")

    def commit_group(self) -> None:
        """Commit the group's transaction (nothing when none is open). Raises StoreError, the group undone, when
        it cannot be committed."""
        if not self.db.conn.in_transaction:
            return
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            if self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: could not commit the documents stored together ({e})") from e

    @contextmanager
    def _atomic(self, name: str) -> Iterator[None]:
        """What the block writes, all or nothing: in a transaction of its own, or in a savepoint of the group's."""
        own = not self.db.conn.in_transaction
        self.db.execute("BEGIN IMMEDIATE" if own else f"SAVEPOINT {name}")
        try:
            yield
            self.db.execute("COMMIT" if own else f"RELEASE {name}")
        except BaseException:
            if not own:
                self.db.execute(f"ROLLBACK TO {name}")
                self.db.execute(f"RELEASE {name}")
            elif self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def save_document(self, record: DocumentRecord, run_id: int) -> None:
        """Replace one document's sections, facts and drivers atomically.

        Either everything for the document is written or nothing is: a crash
        leaves the previous extraction in place.
        """
        try:
            with self._atomic("document"):
                self._write_document(record, run_id)
        except Exception as e:
            raise StoreError(f"could not save {record.document.get('name')}: {e}") from e

    def _write_document(self, record: DocumentRecord, run_id: int) -> None:
        doc_id = record.document["id"]
        existing = self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
        if not existing:
            self._insert("documents", [{**record.document, "first_seen": _now()}])
        else:
            fields = {k: v for k, v in record.document.items() if k != "id"}
            self.db.table("documents").update(doc_id, fields)
        self._upsert("document_paths", [{"document_id": doc_id, "path": record.path, "seen": _now()}],
                     ("document_id", "path"))
        for earlier in record.replaces:
            self._drop_version(earlier, record.path)
        for table in ("facts", "drivers", "sections"):
            self.db.execute(f"DELETE FROM {table} WHERE document_id = ?", [doc_id])
        self._insert("sections", record.sections)
        self._insert("facts", [{**fact_row(doc_id, f), "run_id": run_id} for f in record.facts])
        self.db.execute("INSERT INTO facts_fts (rowid, quote) SELECT id, quote FROM facts WHERE document_id = ?",
                        [doc_id])  # the search index, in one statement (m032)
        self._insert("drivers", [{**driver_row(doc_id, d), "run_id": run_id} for d in record.drivers])
        if record.llm_calls:
            self.db.table("llm_calls").insert_all(
                [{**c, "run_id": run_id, "document_id": doc_id} for c in record.llm_calls])
        counts = {str(s): sum(1 for f in record.facts if f.status == s) for s in Status}
        self._upsert("extractions", [
            {"document_id": doc_id, "config_hash": record.config_hash, "run_id": run_id,
             "extracted_at": _now(), "sections": len(record.sections), **counts,
             "failed_questions": record.failed_questions}], ("document_id",))

    def _insert(self, table: str, rows: list[dict[str, Any]], conflict: str = "") -> None:
        """Insert rows of one shape (the same keys, values SQLite stores as they are: text, numbers, None) in their
        order: what sqlite-utils' insert_all writes, without its checks of the table and of every value, which
        cost a document's save more than SQLite's own work."""
        if not rows:
            return
        columns = list(rows[0])
        self.db.conn.executemany(
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' for _ in columns)})"
            f"{conflict}", [[row[c] for c in columns] for row in rows])

    def _upsert(self, table: str, rows: list[dict[str, Any]], key: tuple[str, ...]) -> None:
        """Insert rows, or set the given columns of the row already stored under the same key (its rowid kept)."""
        sets = ", ".join(f"[{c}] = excluded.[{c}]" for c in rows[0] if c not in key)
        self._insert(table, rows, f" ON CONFLICT ({', '.join(f'[{c}]' for c in key)}) DO UPDATE SET {sets}")

    def earlier_versions(self, path: str, document_id: str, report_month: str | None) -> list[str]:
        """Documents read before from this path whose text differs (an edited report, re-extracted): those of the
        same report month, or of none, which this reading replaces. A path that now holds another month's report
        (a file name reused every month) replaces nothing."""
        rows = self.db.execute(
            "SELECT d.id FROM document_paths p JOIN documents d ON d.id = p.document_id WHERE p.path = ? AND d.id != ? "
            "AND (d.report_month IS ? OR d.report_month IS NULL)", [path, document_id, report_month]).fetchall()
        return [row[0] for row in rows]

    def _drop_version(self, document_id: str, path: str) -> None:
        """Forget that a document was read from `path`; a document no path holds any more is removed with its
        readings (inside the caller's transaction)."""
        self.db.execute("DELETE FROM document_paths WHERE document_id = ? AND path = ?", [document_id, path])
        if self.db.execute("SELECT 1 FROM document_paths WHERE document_id = ?", [document_id]).fetchone():
            return
        for table in ("facts", "drivers", "sections", "extractions"):
            self.db.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
        self.db.execute("DELETE FROM documents WHERE id = ?", [document_id])

    # ------------------------------------------------------------ the LLM response cache

    def cache_get(self, key: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT response, tokens_in, tokens_out FROM llm_cache WHERE key = ?", [key]).fetchone()
        if row is None:
            return None
        return {"response": json.loads(row[0]), "tokens_in": row[1], "tokens_out": row[2]}

    def cache_put(self, key: str, provider: str, model: str, purpose: str, prompt_version: str,
                  response: dict[str, Any], tokens_in: int, tokens_out: int) -> None:
        self.db.table("llm_cache").upsert(
            {"key": key, "provider": provider, "model": model, "purpose": purpose, "prompt_version": prompt_version,
             "response": json.dumps(response, sort_keys=True), "tokens_in": tokens_in, "tokens_out": tokens_out,
             "created_at": _now()},
            pk="key",
        )

    def run_summary(self, run_id: int) -> dict[str, Any]:
        row = self.db.execute("SELECT summary FROM runs WHERE id = ?", [run_id]).fetchone()
        return json.loads(row[0]) if row and row[0] else {}

    def llm_account(self, run_id: int) -> dict[str, Any]:
        """A run's LLM totals: calls made, answered from cache, failed, extra attempts, tokens, seconds."""
        row = self.db.execute(
            "SELECT COUNT(*), SUM(cached), SUM(error IS NOT NULL), SUM(MAX(attempts - 1, 0)), SUM(tokens_in), "
            "SUM(tokens_out), SUM(seconds) FROM llm_calls WHERE run_id = ?", [run_id]).fetchone()
        names = ("requests", "cached", "failed", "retries", "tokens_in", "tokens_out", "seconds")
        account: dict[str, Any] = {name: (value or 0) for name, value in zip(names, row)}
        account["documents"] = self.db.execute(
            "SELECT COUNT(DISTINCT document_id) FROM llm_calls WHERE run_id = ?", [run_id]).fetchone()[0] or 0
        account["by_purpose"] = {
            purpose: {"requests": n, "tokens_in": t_in or 0, "tokens_out": t_out or 0, "seconds": sec or 0.0}
            for purpose, n, t_in, t_out, sec in self.db.execute(
                "SELECT purpose, COUNT(*), SUM(tokens_in), SUM(tokens_out), SUM(seconds) FROM llm_calls "
                "WHERE run_id = ? GROUP BY purpose ORDER BY purpose", [run_id])}
        return account

    def previous_level(self, label: Label, period: str, other_than: str | None = None) -> float | None:
        """The accepted actual level of the same series for another period, from any stored document but
        `other_than` (a document is not checked against its own earlier extraction: --force stays a fresh run)."""
        row = self.db.execute(
            "SELECT value FROM facts WHERE status = 'accepted' AND basis = 'actual' AND measure = 'level' "
            "AND commodity = ? AND region = ? AND metric = ? AND segment IS ? AND content IS ? AND period = ? "
            "AND document_id IS NOT ? ORDER BY id DESC LIMIT 1",
            [label.commodity, label.region, label.metric, label.segment, label.content, period, other_than],
        ).fetchone()
        if row is None:
            return None
        value = json.loads(row[0])
        return float(value) if isinstance(value, (int, float)) else None

    def documents(self, report_month: str | None = None) -> list[dict[str, Any]]:
        where = "report_month = ?" if report_month else None
        args = [report_month] if report_month else []
        return list(self.db.table("documents").rows_where(where, args, order_by="name"))

    def document_paths(self, document_id: str) -> list[str]:
        return [r["path"] for r in self.db.table("document_paths").rows_where("document_id = ?", [document_id])]

    def facts_for(self, document_id: str, statuses: tuple[str, ...] = ("accepted",)) -> list[dict[str, Any]]:
        marks = ",".join("?" for _ in statuses)
        return list(self.db.table("facts").rows_where(f"document_id = ? AND status IN ({marks})", [document_id, *statuses], order_by="id"))

    def stored_facts(self, document_id: str, statuses: tuple[str, ...] = ("accepted",)) -> list[Fact]:
        """A document's stored facts as records."""
        return [fact_from_row(row) for row in self.facts_for(document_id, statuses)]

    def month_facts(self, report_month: str, other_than: str) -> list[Fact]:
        """The accepted facts other documents of a report month by the same publisher as `other_than` state,
        earliest extraction first (so a later report's fact comes after an earlier one's of the same label)."""
        rows = self.db.execute(
            "SELECT f.* FROM facts f JOIN documents d ON d.id = f.document_id JOIN extractions e ON e.document_id = "
            "d.id WHERE d.report_month = ? AND d.id != ? AND f.status = 'accepted' AND d.publisher IS (SELECT "
            "publisher FROM documents WHERE id = ?) ORDER BY e.extracted_at, f.id",
            [report_month, other_than, other_than])
        columns = [c[0] for c in rows.description]
        return [fact_from_row(dict(zip(columns, row))) for row in rows.fetchall()]

    def drivers_for(self, document_id: str, statuses: tuple[str, ...] = ("accepted",)) -> list[dict[str, Any]]:
        marks = ",".join("?" for _ in statuses)
        return list(self.db.table("drivers").rows_where(f"document_id = ? AND status IN ({marks})", [document_id, *statuses], order_by="id"))

    def query_facts(self, filters: dict[str, str | None], statuses: tuple[str, ...], limit: int) -> Iterator[dict[str, Any]]:
        """Facts joined with their document, newest period first."""
        where, args = _fact_filter(filters, statuses)
        sql = (
            "SELECT f.*, d.name AS document, d.report_month FROM facts f JOIN documents d ON d.id = f.document_id "
            f"WHERE {where} ORDER BY f.period DESC, f.commodity, f.metric, f.segment, f.measure LIMIT ?"
        )
        cursor = self.db.execute(sql, [*args, limit])
        names = [c[0] for c in cursor.description]
        for row in cursor.fetchall():
            yield dict(zip(names, row))

    def count_facts(self, filters: dict[str, str | None], statuses: tuple[str, ...]) -> int:
        """How many facts query_facts would give without a limit."""
        where, args = _fact_filter(filters, statuses)
        return int(self.db.execute(f"SELECT COUNT(*) FROM facts f WHERE {where}", args).fetchone()[0])


def _fact_filter(filters: dict[str, str | None], statuses: tuple[str, ...]) -> tuple[str, list[Any]]:
    clauses = [f"f.status IN ({','.join('?' for _ in statuses)})"]
    args: list[Any] = list(statuses)
    for column, value in filters.items():
        if value is not None:
            clauses.append(f"f.{column} = ?")
            args.append(value)
    return " AND ".join(clauses), args
