"""People's decisions on figures: the `decisions` log, and how it is applied to the facts every view reads.

A decision (accept, reject, correct some fields, or undo) is appended to `decisions` and never edited, so two
reviewers deciding at once lose nothing: both rows stand, in the order they were written. It is keyed by what
the extractor read, not by a row id: the document's text hash (`documents.id`), the span of the number and the
label the extractor gave it. Its stable short id (`key`, 10 hex digits) names the figure in the terminal.

The decisions of one key fold into one standing state (`decision_state`: the latest accept or reject wins,
corrections merge field by field, an undo clears what came before). That state is applied to the `facts` rows it
matches, so `current_facts`, `series`, the exports and the eval read reviewed figures without knowing of review:

- when a decision is recorded, the matching facts rows are rewritten in the same transaction;
- when a run (`run --force`, `month`, a new pipeline version) writes a document's facts again, a trigger on
  `facts` applies the standing state to each new row whose document, span and label match, either the label the
  decision was made on or the corrected label (the extractor has learned the correction meanwhile).

A rewritten row keeps what the extractor read in `facts.extracted` (JSON) and names the decision in
`facts.decision_id`. A decision no fact matches any more is listed by the `orphaned_decisions` view, never dropped.

A migration that rebuilds `facts` (sqlite-utils' `transform`) drops the trigger: call `create_trigger` after it.
`ensure_applied`, run by every review command and the page, recreates it and re-applies the log if it is missing.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from extractor.errors import StoreError
from extractor.record import LABEL_FIELDS

from . import views

ACTIONS = ("accept", "reject", "correct", "undo")
# The contract fields a correction may set (the quote is the source's, never corrected).
CORRECTABLE = (*LABEL_FIELDS, "value", "unit", "qualifier")
_MATCH = " AND ".join(["s.document_id = facts.document_id", "s.number_start = facts.number_start",
                       "s.number_end = facts.number_end", *(f"s.{c} IS facts.{c}" for c in LABEL_FIELDS)])
# Restorable columns: what the extractor wrote that a decision may change.
_KEPT = (*LABEL_FIELDS, "value", "value_num", "value_low", "value_high", "direction", "unit", "qualifier", "status",
         "reason")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def reviewer() -> str:
    """Who is deciding, by default: the operating-system user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass(frozen=True)
class DecisionKey:
    """What a decision is about: a document (its text hash), the span of a number and the label read for it."""

    document_id: str
    number_start: int
    number_end: int
    label: tuple[Any, ...]  # the values of LABEL_FIELDS, in order

    @property
    def id(self) -> str:
        """The stable short id of the figure (the same after a re-run that reads it the same way)."""
        raw = json.dumps([self.document_id, self.number_start, self.number_end, *self.label])
        return hashlib.sha256(raw.encode()).hexdigest()[:10]

    def label_dict(self) -> dict[str, Any]:
        return dict(zip(LABEL_FIELDS, self.label))


def key_of(row: dict[str, Any]) -> DecisionKey:
    """The key of a facts row: the label the extractor read (from `extracted` when a decision rewrote the row)."""
    read = {**row, **json.loads(row["extracted"])} if row.get("extracted") else row
    return DecisionKey(row["document_id"], int(row["number_start"]), int(row["number_end"]),
                       tuple(read[c] for c in LABEL_FIELDS))


@dataclass
class Standing:
    """The fold of one key's decisions: the status they leave, the fields corrected, the latest decision."""

    status: str
    changes: dict[str, Any]
    decision: dict[str, Any]
    corrected_by: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        d = self.decision
        what = "rejected" if self.status == "rejected" else "corrected" if self.changes else "accepted"
        fixed = f" ({', '.join(sorted(self.changes))})" if self.changes else ""
        return f"review: {what}{fixed} by {d['who']} on {d['at'][:10]}" + (f": {d['why']}" if d.get("why") else "")


def fold(decisions: list[dict[str, Any]]) -> Standing | None:
    """The standing state of one key's decisions, oldest first; None when none stands (none made, or undone)."""
    status: str | None = None
    changes: dict[str, Any] = {}
    latest: dict[str, Any] | None = None
    for d in decisions:
        if d["action"] == "undo":
            status, changes, latest = None, {}, None
            continue
        if d["action"] == "correct":
            changes.update(json.loads(d["changes"] or "{}"))
        status = "rejected" if d["action"] == "reject" else "accepted"
        latest = d
    return None if status is None or latest is None else Standing(status, changes, latest)


# ------------------------------------------------------------------ schema


def m020_decisions(db: sqlite_utils.Database) -> None:
    """People's decisions on figures (the `decisions` log), their standing state, and the facts columns and
    trigger that apply it to every extraction of the same figure."""
    label = {c: str for c in LABEL_FIELDS}
    db.table("decisions").create(
        {"id": int, "key": str, "document_id": str, "document": str, "number_start": int, "number_end": int, **label,
         "value": str, "quote": str, "action": str, "changes": str, "who": str, "at": str, "why": str},
        pk="id",
    )
    db.table("decisions").create_index(["key"])
    db.table("decisions").create_index(["document_id"])
    db.table("decision_state").create(
        {"key": str, "matched_on": str, "document_id": str, "number_start": int, "number_end": int, **label,
         "decision_id": int, "status": str, "reason": str, "changes": str, "value": str, "value_num": float,
         "value_low": float, "value_high": float, "direction": str},
        pk=("key", "matched_on"),
    )
    db.table("decision_state").create_index(["document_id", "number_start", "number_end"])
    db.table("decision_state").create_index(["decision_id"])
    facts = db.table("facts")
    facts.add_column("decision_id", int)
    facts.add_column("extracted", str)
    facts.create_index(["decision_id"])
    create_trigger(db)


def m021_review_views(db: sqlite_utils.Database) -> None:
    """The review views: the queue, the reviewed figures with their decision, and orphaned decisions."""
    create_review_views(db)


def _apply_sql(where: str) -> list[str]:
    """The statements that apply the standing decision to the facts rows `where` selects (rows the extractor just
    wrote, or rows restored to what it read): name the decision and keep the reading, then rewrite the fields."""
    pick = f"SELECT s.decision_id FROM decision_state s WHERE {_MATCH} ORDER BY s.matched_on = 'extracted' DESC LIMIT 1"
    keep = ", ".join(f"'{c}', {c}" for c in _KEPT)
    mark = (f"UPDATE facts SET decision_id = ({pick}), extracted = json_object({keep}) "
            f"WHERE {where} AND decision_id IS NULL AND EXISTS ({pick})")

    def state(column: str) -> str:
        return f"(SELECT s.{column} FROM decision_state s WHERE s.decision_id = facts.decision_id LIMIT 1)"

    sets = [f"{c} = CASE WHEN json_type({state('changes')}, '$.{c}') IS NULL THEN {c} "
            f"ELSE json_extract({state('changes')}, '$.{c}') END" for c in (*LABEL_FIELDS, "unit", "qualifier")]
    sets += [f"{c} = CASE WHEN {state('value')} IS NULL THEN {c} ELSE {state(c)} END"
             for c in ("value", "value_num", "value_low", "value_high", "direction")]
    sets += [f"status = {state('status')}", f"reason = {state('reason')}"]
    rewrite = f"UPDATE facts SET {', '.join(sets)} WHERE {where} AND decision_id IS NOT NULL AND extracted IS NOT NULL"
    return [mark, rewrite]


def create_trigger(db: sqlite_utils.Database) -> None:
    """(Re)create the trigger that applies standing decisions to facts as runs write them."""
    body = ";\n  ".join(_apply_sql("facts.id = NEW.id"))
    db.execute("DROP TRIGGER IF EXISTS facts_apply_decisions")
    db.execute(f"CREATE TRIGGER facts_apply_decisions AFTER INSERT ON facts WHEN {_DECIDED_SPAN} BEGIN\n  {body};\nEND")


# Whether a decision names the new figure's span: the trigger's statements match on it first, and a figure no
# decision names (nearly all of an archive's) is written without them.
_DECIDED_SPAN = ("EXISTS (SELECT 1 FROM decision_state s WHERE s.document_id = NEW.document_id "
                 "AND s.number_start = NEW.number_start AND s.number_end = NEW.number_end)")


def m022_apply_only_where_decided(db: sqlite_utils.Database) -> None:
    """The trigger that applies decisions runs only for figures a decision names by their span."""
    create_trigger(db)


def _restore_sql(where: str) -> str:
    sets = ", ".join(f"{c} = json_extract(extracted, '$.{c}')" for c in _KEPT)
    return f"UPDATE facts SET {sets}, decision_id = NULL, extracted = NULL WHERE {where} AND extracted IS NOT NULL"


REVIEW_VIEWS = {
    # Figures still waiting for a person: flagged by the extractor and not decided since.
    "waiting_for_review": """
SELECT f.id, d.name AS document, f.commodity, f.region, f.metric, f.segment, f.content, f.period, f.basis,
       f.measure, f.value, f.unit, f.quote, f.reason, f.document_id, f.number_start, f.number_end
FROM facts f JOIN documents d ON d.id = f.document_id
WHERE f.status = 'needs_review' AND f.decision_id IS NULL""",
    # Every figure a decision stands on, with who decided what, when and why, and what the extractor read.
    "reviewed_facts": """
SELECT f.id, d.name AS document, f.commodity, f.region, f.metric, f.segment, f.content, f.period, f.basis,
       f.measure, f.value, f.unit, f.quote, f.status, dec.action, dec.changes, dec.who, dec.at, dec.why,
       json_extract(f.extracted, '$.status') AS extracted_status, f.extracted, dec.key
FROM facts f JOIN documents d ON d.id = f.document_id JOIN decisions dec ON dec.id = f.decision_id""",
    # Decisions that stand but that no stored fact matches any more (the document or the number's span is gone,
    # or the extractor now reads another label there): kept, and listed here to be decided again.
    "orphaned_decisions": """
SELECT dec.key, dec.document, dec.document_id, dec.number_start, dec.number_end, dec.quote, dec.commodity,
       dec.region, dec.metric, dec.segment, dec.content, dec.period, dec.basis, dec.measure, dec.value,
       s.status AS decided, dec.changes, dec.who, dec.at, dec.why,
       CASE WHEN NOT EXISTS (SELECT 1 FROM documents WHERE id = dec.document_id) THEN 'document gone'
            WHEN NOT EXISTS (SELECT 1 FROM facts f WHERE f.document_id = dec.document_id
                             AND f.number_start = dec.number_start AND f.number_end = dec.number_end)
            THEN 'span gone' ELSE 'label changed' END AS orphaned_because
FROM decision_state s JOIN decisions dec ON dec.id = s.decision_id
WHERE s.matched_on = 'extracted' AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.decision_id = s.decision_id)""",
}


def create_review_views(db: sqlite_utils.Database) -> None:
    for name, sql in REVIEW_VIEWS.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.execute(f"CREATE VIEW {name} AS {sql.strip()}")


# ------------------------------------------------------------------ recording


@dataclass(frozen=True)
class Recorded:
    """A decision written: its id, the state it leaves, and decisions others made on the figure meanwhile (since
    the one the reviewer saw)."""

    id: int
    key: str
    standing: Standing | None
    meanwhile: list[dict[str, Any]]
    facts: int  # facts rows it now stands on


def record(db: sqlite_utils.Database, key: DecisionKey, action: str, *, changes: dict[str, Any] | None = None,
           who: str | None = None, why: str | None = None, seen: int | None = None,
           document: str | None = None, value: Any = None, quote: str | None = None) -> Recorded:
    """Append one decision on the figure `key` and apply what then stands to the facts it matches, in one
    transaction (writers queue on SQLite's lock, so concurrent reviewers each get their row).

    `seen` is the latest decision id the reviewer was shown (0 for none): decisions written after it are returned
    as `meanwhile`. Raises StoreError for an unknown action, a correction without changes or a field the contract
    does not let a correction set.
    """
    if action not in ACTIONS:
        raise StoreError(f"unknown decision {action!r}; use one of {', '.join(ACTIONS)}")
    changes = dict(changes or {})
    if action == "correct" and not changes:
        raise StoreError("a correction needs at least one field=value")
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise StoreError(f"cannot correct {', '.join(unknown)}; fields: {', '.join(CORRECTABLE)}")
    db.execute("BEGIN IMMEDIATE")
    try:
        meanwhile = _rows(db, "SELECT * FROM decisions WHERE key = ? AND id > ? ORDER BY id", [key.id, seen or 0]) \
            if seen is not None else []
        table = db.table("decisions")
        table.insert({"key": key.id, "document_id": key.document_id, "document": document,
                      "number_start": key.number_start, "number_end": key.number_end, **key.label_dict(),
                      "value": json.dumps(value) if value is not None else None, "quote": quote, "action": action,
                      "changes": json.dumps(changes, ensure_ascii=False) if changes else None,
                      "who": who or reviewer(), "at": _now(), "why": why or None})
        decision_id = int(table.last_pk or 0)
        standing = _restate(db, key)
        facts = db.execute("SELECT COUNT(*) FROM facts WHERE decision_id IN (SELECT id FROM decisions WHERE key = ?)",
                           [key.id]).fetchone()[0]
        db.execute("COMMIT")
    except Exception:
        db.execute("ROLLBACK")
        raise
    return Recorded(decision_id, key.id, standing, meanwhile, int(facts))


def _restate(db: sqlite_utils.Database, key: DecisionKey) -> Standing | None:
    """Fold the key's decisions again, store the state and re-apply it to the facts at the key's span."""
    standing = fold(_rows(db, "SELECT * FROM decisions WHERE key = ? ORDER BY id", [key.id]))
    db.execute("DELETE FROM decision_state WHERE key = ?", [key.id])
    if standing is not None:
        value = standing.changes.get("value")
        numbers = views.value_columns(value) if "value" in standing.changes else {}
        base = {"key": key.id, "document_id": key.document_id, "number_start": key.number_start,
                "number_end": key.number_end, "decision_id": standing.decision["id"], "status": standing.status,
                "reason": standing.reason, "changes": json.dumps(standing.changes, ensure_ascii=False),
                "value": json.dumps(value) if "value" in standing.changes else None, **numbers}
        rows = [{**base, "matched_on": "extracted", **key.label_dict()}]
        corrected = {**key.label_dict(), **{c: v for c, v in standing.changes.items() if c in LABEL_FIELDS}}
        if corrected != key.label_dict():
            rows.append({**base, "matched_on": "corrected", **corrected})
        db.table("decision_state").insert_all(rows)
    span = "facts.document_id = ? AND facts.number_start = ? AND facts.number_end = ?"
    args = [key.document_id, key.number_start, key.number_end]
    db.execute(_restore_sql(f"{span} AND facts.decision_id IN (SELECT id FROM decisions WHERE key = ?)"),
               [*args, key.id])
    for statement in _apply_sql(span):
        db.execute(statement, args)
    return standing


def ensure_applied(db: sqlite_utils.Database) -> bool:
    """Make sure standing decisions are applied: when the trigger is missing (a migration that rebuilds `facts`, as
    sqlite-utils' transform does, drops it), recreate it and re-apply every decision. Returns whether it had to."""
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'facts_apply_decisions'")
    if found.fetchone() is not None or "decisions" not in db.table_names():
        return False
    reapply_all(db)
    return True


def reapply_all(db: sqlite_utils.Database) -> None:
    """Recreate the trigger, rebuild every standing state from the log and re-apply it to the facts."""
    create_trigger(db)
    keys = db.execute("SELECT DISTINCT key, document_id, number_start, number_end, "
                      f"{', '.join(LABEL_FIELDS)} FROM decisions").fetchall()
    db.execute("BEGIN IMMEDIATE")
    try:
        for row in keys:
            _restate(db, DecisionKey(row[1], row[2], row[3], tuple(row[4:])))
        db.execute("COMMIT")
    except Exception:
        db.execute("ROLLBACK")
        raise


def history(db: sqlite_utils.Database, key: str) -> list[dict[str, Any]]:
    """Every decision made on the figure with this key, oldest first."""
    return _rows(db, "SELECT * FROM decisions WHERE key = ? ORDER BY id", [key])


def _rows(db: sqlite_utils.Database, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, args)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
