"""What a reviewer looks at: the queue of flagged figures (by document, commodity or reason), one figure with its
sentence, readings, neighbouring months and decisions, a document's accepted figures, and orphaned decisions.

Figures are named by their stable key (`extractor.store.decisions.DecisionKey.id`), which survives re-runs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from extractor.errors import ReviewError
from extractor.record import LABEL_FIELDS
from extractor.store import Store
from extractor.store.decisions import DecisionKey, history, key_of

GROUPS = ("document", "commodity", "reason")
NEIGHBOUR_MONTHS = 6
_FACT_SQL = ("SELECT f.*, d.name AS document, d.report_month FROM facts f JOIN documents d ON d.id = f.document_id "
             "WHERE {where} ORDER BY d.name, f.number_start, f.id")


def rows(store: Store, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cursor = store.db.execute(sql, args)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _with_keys(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in found:
        row["key"] = key_of(row).id
        row["value"] = json.loads(row["value"])
    return found


def queue(store: Store, by: str = "document") -> list[tuple[str, list[dict[str, Any]]]]:
    """The figures waiting for review, grouped by document, commodity or reason, groups in name order."""
    if by not in GROUPS:
        raise ReviewError(f"cannot group the queue by {by!r}; use one of {', '.join(GROUPS)}")
    waiting = _with_keys(rows(store, _FACT_SQL.format(where="f.status = 'needs_review' AND f.decision_id IS NULL"), []))
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in waiting:
        groups.setdefault(str(row[by] or "(none)"), []).append(row)
    return sorted(groups.items())


def decided(store: Store) -> list[dict[str, Any]]:
    """Figures a decision stands on, latest decision first."""
    found = _with_keys(rows(store, _FACT_SQL.format(where="f.decision_id IS NOT NULL"), []))
    return sorted(found, key=lambda r: -int(r["decision_id"]))


def document_figures(store: Store, document_id: str) -> list[dict[str, Any]]:
    """A document's accepted figures (decided or not), in the order of the text."""
    return _with_keys(rows(store, _FACT_SQL.format(where="f.document_id = ? AND f.status = 'accepted'"),
                           [document_id]))


def documents(store: Store) -> list[dict[str, Any]]:
    """Every document with its counts of figures waiting, accepted and decided."""
    return rows(store, "SELECT d.id, d.name, d.report_month, "
                "SUM(f.status = 'needs_review' AND f.decision_id IS NULL) AS waiting, "
                "SUM(f.status = 'accepted') AS accepted, SUM(f.decision_id IS NOT NULL) AS decided "
                "FROM documents d LEFT JOIN facts f ON f.document_id = d.id GROUP BY d.id ORDER BY d.name", [])


def find(store: Store, key: str) -> dict[str, Any]:
    """The facts row of the figure with this stable key (a unique prefix will do). Raises ReviewError."""
    key = key.strip().lower()
    if len(key) < 4:
        raise ReviewError(f"{key!r}: give at least 4 characters of a figure's id (see `extractor review --list`)")
    matches = [r for r in _with_keys(rows(store, _FACT_SQL.format(where="1"), [])) if r["key"].startswith(key)]
    if not matches:
        raise ReviewError(f"no figure has the id {key!r} (ids are listed by `extractor review --list`; a re-run "
                          "that reads a figure differently gives it a new id)")
    if len({r["key"] for r in matches}) > 1:
        raise ReviewError(f"{key!r} names {len(matches)} figures; give more of the id")
    return matches[0]


@dataclass
class Figure:
    """One figure as the review page shows it."""

    row: dict[str, Any]
    key: DecisionKey
    extracted: dict[str, Any]  # what the extractor read (the row itself when no decision rewrote it)
    sentence: str
    sentence_start: int
    context: str
    context_start: int
    opinions: dict[str, Any]
    neighbours: list[dict[str, Any]]
    decisions: list[dict[str, Any]]

    @property
    def latest_decision(self) -> int:
        return int(self.decisions[-1]["id"]) if self.decisions else 0


def figure(store: Store, key: str) -> Figure:
    """Everything the page shows of one figure. Raises ReviewError for an unknown key."""
    row = find(store, key)
    text = store.document(row["document_id"])["text"]
    start, end = int(row["quote_start"]), int(row["quote_end"])
    s_start, s_end = sentence_bounds(text, start, end)
    c_start = text.rfind("\n", 0, max(s_start - 300, 0)) + 1 if s_start > 300 else 0
    c_end = text.find("\n", min(s_end + 300, len(text)))
    c_end = len(text) if c_end < 0 else c_end
    extracted = json.loads(row["extracted"]) if row.get("extracted") else dict(row)
    if isinstance(extracted.get("value"), str) and row.get("extracted"):
        extracted["value"] = json.loads(extracted["value"])
    return Figure(row, key_of(row), extracted, text[s_start:s_end], s_start, text[c_start:c_end], c_start,
                  json.loads(row["opinions"]) if row.get("opinions") else {}, neighbours(store, row),
                  history(store.db, row["key"]))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or table line) around [start, end): from after the last '. ' or line break before it to the
    next one after it."""
    left = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return left, right


def neighbours(store: Store, row: dict[str, Any]) -> list[dict[str, Any]]:
    """The standing figures of the same series (the figure's label, any period) within six months of its period,
    oldest first; the figure itself is marked `this`."""
    if not row.get("period"):
        return []
    year, month = (int(p) for p in row["period"].split("-"))
    index = year * 12 + month - 1
    periods = [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - NEIGHBOUR_MONTHS, index + NEIGHBOUR_MONTHS + 1)]
    series = [c for c in LABEL_FIELDS if c != "period"]
    where = " AND ".join(f"{c} IS ?" for c in series)
    found = rows(store, f"SELECT id, period, value, unit, document, report_month FROM current_facts WHERE {where} "
                 f"AND period IN ({','.join('?' for _ in periods)}) ORDER BY period", [*(row[c] for c in series), *periods])
    for item in found:
        item["value"] = json.loads(item["value"])
        item["this"] = item["id"] == row["id"]
    if row["status"] != "accepted" or not any(item["this"] for item in found):
        found.append({"id": row["id"], "period": row["period"], "value": row["value"], "unit": row["unit"],
                      "document": row["document"], "report_month": row["report_month"], "this": True})
        found.sort(key=lambda item: (item["period"], not item["this"]))
    return found


def orphans(store: Store) -> list[dict[str, Any]]:
    """Decisions that stand but match no stored figure any more, with why (document, span or label gone)."""
    return rows(store, "SELECT * FROM orphaned_decisions ORDER BY document, number_start", [])
