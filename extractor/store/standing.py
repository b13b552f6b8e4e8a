"""The standing fact of every fact key, kept current on write: the table `current_facts` reads.

Of the accepted facts of one key (the series key and period) and one publisher, the one that stands is the latest
report's: the last of (report month, first seen, document rowid, fact id), an unknown month before any month.
`standing_facts` holds, per key and publisher, that fact's id, its rank (`latest`) and how many facts state the key
(`reports`), so the analysts' views read a row per figure instead of ranking every accepted fact of the archive on
each query (0.4 s at 2,000 documents, and growing with the archive).

Triggers keep it current in the transaction that writes what it depends on:

- a fact written: its key's row counts it, and names it when it outranks the standing one (no other fact is read);
- a fact deleted: its key's row stops counting it; when it was the standing one, the key is computed again;
- a fact's label, status or document changed (the series checks, a person's decision), or a document's month,
  first sighting or publisher: the keys it touched are computed again from their facts.

`rebuild` computes the whole table from the facts: what the triggers keep it equal to.
"""

from __future__ import annotations

import sqlite_utils

from .views import SERIES_KEY

# A standing fact's key: the series key and period (the columns of `idx_facts_accepted_key`, in its order).
GROUP = (*SERIES_KEY, "period")
_COLUMNS = ", ".join(GROUP)
# A fact's rank: the standing fact is the last (an unknown month sorts before any month).
_RANK = "printf('%-7s%-40s%020d%020d', COALESCE({d}.report_month, ''), COALESCE({d}.first_seen, ''), {d}.rowid, {f})"
TRIGGERS = ("standing_after_fact_insert", "standing_after_fact_delete", "standing_after_fact_update",
            "standing_after_document_update")


def _insert(source: str, where: str) -> str:
    """The statement that inserts the standing fact of each key among the accepted facts `f` (each with its
    document `d`) that the FROM clause `source` gives and the condition `where` keeps."""
    group = ", ".join(f"f.{c}" for c in GROUP)
    return (f"INSERT INTO standing_facts ({_COLUMNS}, publisher, fact_id, latest, reports) "
            f"SELECT {_COLUMNS}, publisher, id, latest, reports FROM ("
            f"SELECT {group}, d.publisher, f.id, MAX({_RANK.format(d='d', f='f.id')}) AS latest, COUNT(*) AS reports "
            f"FROM {source} JOIN documents d INDEXED BY idx_documents_revision ON d.id = f.document_id "
            f"WHERE f.status = 'accepted' AND {where} GROUP BY {group}, d.publisher)")


def _same(left: str, right: str) -> str:
    return " AND ".join(f"{left}.{c} IS {right}.{c}" for c in GROUP)


def _recompute(keys: str, publisher: str) -> list[str]:
    """The statements that compute again the standing facts of the keys the query `keys` gives (columns named as
    GROUP), of the publishers the condition `publisher` (a template of `{}`) accepts."""
    delete = (f"DELETE FROM standing_facts WHERE rowid IN (SELECT s.rowid FROM ({keys}) k "
              f"JOIN standing_facts s INDEXED BY idx_standing_facts_group ON {_same('s', 'k')} "
              f"WHERE {publisher.format('s.publisher')})")
    source = f"({keys}) k JOIN facts f INDEXED BY idx_facts_accepted_key ON {_same('f', 'k')}"
    return [delete, _insert(source, publisher.format("d.publisher"))]


def _keys_of(row: str, where: str = "") -> str:
    return "SELECT " + ", ".join(f"{row}.{c} AS {c}" for c in GROUP) + (f" WHERE {where}" if where else "")


def _of_document(row: str, column: str) -> str:
    return f"(SELECT {column} FROM documents INDEXED BY idx_documents_revision WHERE id = {row}.document_id)"


def _row_of(row: str) -> str:
    """The condition on `standing_facts` that picks the row of the fact `row`'s key and publisher."""
    return (" AND ".join(f"{c} IS {row}.{c}" for c in GROUP) + f" AND publisher IS {_of_document(row, 'publisher')}")


def _counted_in() -> list[str]:
    """The statements that count a written fact (NEW) in its key's row, naming it if it outranks the standing one.
    They do nothing when another trigger has changed the row since (then that change computed its keys again)."""
    rank = _of_document("NEW", _RANK.format(d="documents", f="NEW.id"))
    unchanged = (f"EXISTS (SELECT 1 FROM facts WHERE id = NEW.id AND status = 'accepted' AND "
                 + " AND ".join(f"{c} IS NEW.{c}" for c in (*GROUP, "document_id")) + ")")
    return [
        f"UPDATE standing_facts SET reports = reports + 1, fact_id = CASE WHEN {rank} > latest THEN NEW.id ELSE "
        f"fact_id END, latest = MAX(latest, {rank}) WHERE {_row_of('NEW')} AND {unchanged}",
        f"INSERT INTO standing_facts ({_COLUMNS}, publisher, fact_id, latest, reports) "
        f"SELECT {', '.join(f'NEW.{c}' for c in GROUP)}, {_of_document('NEW', 'publisher')}, NEW.id, {rank}, 1 "
        f"WHERE {unchanged} AND NOT EXISTS (SELECT 1 FROM standing_facts WHERE {_row_of('NEW')})",
    ]


def _uncounted() -> list[str]:
    """The statements that stop counting a deleted fact (OLD), and compute its key again if it was standing."""
    missing = f"NOT EXISTS (SELECT 1 FROM standing_facts WHERE {_row_of('OLD')})"
    source = f"({_keys_of('OLD', missing)}) k JOIN facts f INDEXED BY idx_facts_accepted_key ON {_same('f', 'k')}"
    return [
        f"UPDATE standing_facts SET reports = reports - 1 WHERE {_row_of('OLD')} AND fact_id IS NOT OLD.id",
        f"DELETE FROM standing_facts WHERE {_row_of('OLD')} AND fact_id IS OLD.id",
        _insert(source, f"d.publisher IS {_of_document('OLD', 'publisher')}"),
    ]


def create(db: sqlite_utils.Database) -> None:
    """Create the standing facts table, its index and its triggers (again, if they exist), and fill it."""
    db.execute(f"CREATE TABLE IF NOT EXISTS standing_facts ({', '.join(f'{c} TEXT' for c in GROUP)}, "
               "publisher TEXT, fact_id INTEGER, latest TEXT, reports INTEGER)")
    db.execute(f"CREATE INDEX IF NOT EXISTS idx_standing_facts_group ON standing_facts ({_COLUMNS}, publisher)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_standing_facts_fact ON standing_facts (fact_id)")
    for name in TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in (*GROUP, "status", "document_id"))
    document_keys = f"SELECT DISTINCT {_COLUMNS} FROM facts WHERE document_id = NEW.id AND status = 'accepted'"
    bodies = {
        "standing_after_fact_insert": ("AFTER INSERT ON facts WHEN NEW.status = 'accepted'", _counted_in()),
        "standing_after_fact_delete": ("AFTER DELETE ON facts WHEN OLD.status = 'accepted'", _uncounted()),
        "standing_after_fact_update": (
            f"AFTER UPDATE OF {_COLUMNS}, status, document_id ON facts "
            f"WHEN (OLD.status = 'accepted' OR NEW.status = 'accepted') AND ({changed})",
            [*_recompute(_keys_of("OLD"), f"{{}} IS {_of_document('OLD', 'publisher')}"),
             *_recompute(_keys_of("NEW"), f"{{}} IS {_of_document('NEW', 'publisher')}")]),
        "standing_after_document_update": (
            "AFTER UPDATE OF report_month, first_seen, publisher ON documents WHEN OLD.report_month IS NOT "
            "NEW.report_month OR OLD.first_seen IS NOT NEW.first_seen OR OLD.publisher IS NOT NEW.publisher",
            _recompute(document_keys, "({0} IS OLD.publisher OR {0} IS NEW.publisher)")),
    }
    for name, (when, statements) in bodies.items():
        db.execute(f"CREATE TRIGGER {name} {when} BEGIN\n  " + ";\n  ".join(statements) + ";\nEND")
    rebuild(db)


def rebuild(db: sqlite_utils.Database) -> None:
    """Compute every standing fact again from all the facts (what the triggers keep the table equal to)."""
    db.execute("DELETE FROM standing_facts")
    db.execute(_insert("facts f INDEXED BY idx_facts_accepted_key", "1"))
