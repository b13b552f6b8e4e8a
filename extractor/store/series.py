"""The series checks' side of the store: the facts they judge, and the statuses they set (`recheck_series`, run
once a batch is written; the checks themselves are `extractor.reconcile.series`)."""

from __future__ import annotations

from extractor.errors import StoreError
from extractor.reconcile.series import PREFIX, StoredFact, check_series
from extractor.record import Fact, Status

from .database import Store
from .rows import fact_from_row


def recheck_series(store: Store, commodities: list[str]) -> int:
    """Run the series checks (`reconcile.series`) over every stored document of these commodities and store what
    changed: a fact out of line goes to review with the reason, one no longer out of line is accepted again.
    Returns how many facts changed status."""
    stored = [StoredFact(*row) for row in series_facts(store, commodities)]
    reasons = check_series(stored)
    changes: dict[int, tuple[str, str | None]] = {}
    for item in stored:
        reason = reasons[item.fact_id]
        if reason is not None and (item.fact.status != Status.NEEDS_REVIEW or item.fact.reason != reason):
            changes[item.fact_id] = (str(Status.NEEDS_REVIEW), reason)
        elif reason is None and item.fact.status != Status.ACCEPTED:
            changes[item.fact_id] = (str(Status.ACCEPTED), None)
    set_statuses(store, changes)
    return len(changes)


def series_facts(store: Store, commodities: list[str]) -> list[tuple[int, str, str | None, Fact]]:
    """The facts the series checks judge, of these commodities: actual levels and MoM changes that are accepted
    or were sent to review by those checks; each as (fact id, document id, report month, fact)."""
    if not commodities:
        return []
    marks = ",".join("?" for _ in commodities)
    cursor = store.db.execute(
        f"SELECT f.*, d.report_month AS report_month_ FROM facts f JOIN documents d ON d.id = f.document_id "
        f"WHERE f.commodity IN ({marks}) AND f.basis = 'actual' AND f.measure IN ('level', 'mom_abs', 'mom_pct', "
        "'mom_pp') AND (f.status = 'accepted' OR (f.status = 'needs_review' AND substr(f.reason, 1, ?) = ?)) "
        "ORDER BY f.id", [*commodities, len(PREFIX), PREFIX])
    names = [c[0] for c in cursor.description]
    rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    return [(row["id"], row["document_id"], row["report_month_"], fact_from_row(row)) for row in rows]


def set_statuses(store: Store, changes: dict[int, tuple[str, str | None]]) -> None:
    """Set facts' status and reason (fact id -> (status, reason)) and their documents' counts, in one
    transaction."""
    if not changes:
        return
    store.db.execute("BEGIN IMMEDIATE")
    try:
        for fact_id, (status, reason) in changes.items():
            store.db.execute("UPDATE facts SET status = ?, reason = ? WHERE id = ?", [status, reason, fact_id])
        marks = ",".join("?" for _ in changes)
        documents = [r[0] for r in store.db.execute(
            f"SELECT DISTINCT document_id FROM facts WHERE id IN ({marks})", list(changes)).fetchall()]
        for document_id in documents:
            store.db.execute(
                "UPDATE extractions SET accepted = (SELECT COUNT(*) FROM facts WHERE document_id = ?1 AND status = "
                "'accepted'), needs_review = (SELECT COUNT(*) FROM facts WHERE document_id = ?1 AND status = "
                "'needs_review') WHERE document_id = ?1", [document_id])
        store.db.execute("COMMIT")
    except Exception as e:
        store.db.execute("ROLLBACK")
        raise StoreError(f"could not update the series checks' statuses: {e}") from e


def commodities_of(store: Store, document_id: str) -> list[str]:
    """The commodities a document states facts of."""
    return [r[0] for r in store.db.execute("SELECT DISTINCT commodity FROM facts WHERE document_id = ?",
                                          [document_id]).fetchall()]
