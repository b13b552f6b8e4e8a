"""Questions analysts ask of the stored figures: one commodity's series month by month, how far SMM's
forecasts were from the actuals reported later, and which documents say something (full-text search). Reads the store's views (`extractor.store.views`)."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean
from typing import Any

from extractor.errors import ConfigError
from extractor.store import Store

SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class SeriesQuery:
    """Which figures of a commodity make its series; None leaves a field free."""

    commodity: str
    metric: str = "production"
    measure: str | None = None
    segment: str | None = None
    region: str | None = None


def series_rows(store: Store, query: SeriesQuery) -> list[dict[str, Any]]:
    """The current actual figures of the query's series, oldest period first (one row per series and period)."""
    clauses, args = ["commodity = ?", "metric = ?"], [query.commodity, query.metric]
    for column in ("measure", "segment", "region"):
        value = getattr(query, column)
        if value is not None:
            clauses.append(f"{column} = ?")
            args.append(value)
    sql = (f"SELECT * FROM series WHERE {' AND '.join(clauses)} "
           "ORDER BY period, region, measure, segment, content")
    return _rows(store, sql, args)


def series_name(row: dict[str, Any]) -> str:
    """A series' short name within one commodity and metric: its measure, then what tells it apart (a publisher
    other than SMM: two publishers' figures are two series side by side)."""
    parts = [row["measure"], row["segment"], "metal content" if row["content"] == "metal" else None,
             row["region"] if row["region"] != "china" else None,
             row.get("publisher") if row.get("publisher") not in (None, "SMM") else None]  # another's, beside SMM's
    return " · ".join(p for p in parts if p)


def forecast_rows(store: Store, commodity: str | None = None) -> list[dict[str, Any]]:
    """Every forecast stored for a month whose actual is also stored, with the error; newest month first."""
    where, args = ("WHERE commodity = ?", [commodity]) if commodity else ("", [])
    return _rows(store, f"SELECT * FROM forecast_vs_actual {where} "
                        "ORDER BY period DESC, commodity, measure, segment, forecast_report_month", args)


def forecast_summary(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per commodity, metric and measure: how many numeric forecasts met their actual, their mean absolute error in
    the figure's unit (percentage points for a % change), and for levels also in percent of the actual. Errors of
    different measures are never averaged together: a tonnage, a percent and points are different things."""
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        if row["error"] is not None:
            groups.setdefault((row["commodity"], row["metric"], row["measure"], row["unit"] or ""), []).append(row)
    summary = []
    for (commodity, metric, measure, unit), pairs in sorted(groups.items()):
        percents = [abs(r["error_pct"]) for r in pairs if r["error_pct"] is not None]
        summary.append({"commodity": commodity, "metric": metric, "measure": measure, "unit": unit or None,
                        "forecasts": len(pairs), "mean_abs_error": round(mean(abs(r["error"]) for r in pairs), 4),
                        "mean_abs_error_pct": round(mean(percents), 2) if percents and measure == "level" else None})
    return summary


def conflict_rows(store: Store, report_month: str | None = None) -> list[dict[str, Any]]:
    """Figures stated differently by two reports: the standing value and the superseded one, newest first."""
    where, args = ("WHERE report_month = ? OR superseded_report_month = ?", [report_month, report_month]) \
        if report_month else ("", [])
    return _rows(store, f"SELECT * FROM conflicts {where} ORDER BY period DESC, commodity, metric, measure", args)


# The documents whose text matches a full-text query, best match first, with the passage around it (shared with the
# Datasette canned query `search_documents`).
SEARCH_DOCUMENTS = """
SELECT d.name AS document, d.report_month, d.report_format, d.path,
       snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet, d.id AS document_id
FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
WHERE documents_fts MATCH :q ORDER BY documents_fts.rank LIMIT :limit
"""


def search_documents(store: Store, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """The documents whose text (or name) matches an FTS5 query, with the passage around the match.

    Raises ConfigError when the query is not one FTS5 reads (an unbalanced quote, a bare operator).
    """
    import sqlite3

    try:
        cursor = store.db.execute(SEARCH_DOCUMENTS, {"q": query, "limit": limit})
    except sqlite3.OperationalError as e:
        raise ConfigError(f"{query!r} is not a full-text query ({e}); quote phrases with \"...\"") from e
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def sparkline(values: list[float | None]) -> str:
    """A one-line chart of the values (a gap where a month has none)."""
    numbers = [v for v in values if v is not None]
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    span = (high - low) or 1.0
    return "".join(" " if v is None else SPARKS[round((v - low) / span * (len(SPARKS) - 1))] for v in values)


def _rows(store: Store, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cursor = store.db.execute(sql, args)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
