"""What analysts query: a fact's value as numbers SQL can compare, the views over the facts (the current figures
with revisions resolved, series, SMM's forecasts against the actuals reported later, drivers by month) and the
full-text indexes over document texts and quotes.

The `value` column keeps the contract's JSON (a number, a [low, high] range or a direction); `value_num` holds a
single number, `value_low`/`value_high` a range's bounds (a single number is both) and `direction` the direction
words, so `value_num > 100` is true exactly where the figure is a number above 100.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

# A fact's series key: the contract's label without the period.
SERIES_KEY = ("commodity", "region", "metric", "segment", "content", "basis", "measure")


def value_columns(value: Any) -> dict[str, Any]:
    """The numeric columns of one contract value (see the module doc)."""
    if isinstance(value, str):
        return {"value_num": None, "value_low": None, "value_high": None, "direction": value}
    if isinstance(value, (list, tuple)):
        low, high = (float(v) for v in value)
        return {"value_num": None, "value_low": low, "value_high": high, "direction": None}
    number = float(value)
    return {"value_num": number, "value_low": number, "value_high": number, "direction": None}


def _same(left: str, right: str, columns: tuple[str, ...]) -> str:
    return " AND ".join(f"{left}.{c} IS {right}.{c}" for c in columns)


# Each fact key's figure from the latest report of each publisher that states it: a later month's report supersedes
# an earlier one of the same publisher, and of two reports of one month (a corrected re-issue) the one stored later.
# Two publishers' figures stand side by side (a row each, with its publisher): neither supersedes the other.
# Forecasts and actuals are different keys (basis). Which fact stands, per key and publisher, is kept current on
# write in `standing_facts` (extractor/store/standing.py: the last of report month, first seen, document rowid and
# fact id, an unknown month before any month, is what ranked first when revisions were ranked; `revision_rank` is
# kept, always 1), so a query reads a row per figure however many reports the archive holds, in the order of the
# key, period and publisher. The views below read it first (CROSS JOIN keeps SQLite to that order: without
# statistics it would rather scan every accepted fact), and say their order (what it was before standing_facts).
def _order(alias: str) -> str:
    return ", ".join(f"{alias}.{c}" for c in (*SERIES_KEY, "period", "publisher"))


CURRENT_FACTS = f"""
SELECT standing.fact_id AS id, standing.commodity, standing.region, standing.metric, standing.segment,
       standing.content, standing.period, standing.basis, standing.measure, f.value, f.value_num, f.value_low,
       f.value_high, f.direction, f.unit, f.qualifier, f.quote, f.source, d.name AS document, d.report_month,
       f.document_id, d.publisher, 1 AS revision_rank, standing.reports
FROM standing_facts standing
CROSS JOIN facts f ON f.id = standing.fact_id
CROSS JOIN documents d INDEXED BY idx_documents_revision ON d.id = f.document_id
ORDER BY {_order("standing")}
"""

# The actual figures month by month, one row per series and period.
SERIES = """
SELECT commodity, region, metric, segment, content, measure, period, value_num, value_low, value_high, direction,
       unit, quote, document, report_month, publisher
FROM current_facts WHERE basis = 'actual'
"""

# A forecast for month M, given in the report of an earlier month, against the actual of M reported later; the
# error is forecast minus actual (a range forecast counts by its midpoint), in the figure's unit and in percent.
FORECAST_VS_ACTUAL = f"""
SELECT fc.commodity, fc.region, fc.metric, fc.segment, fc.content, fc.measure, fc.period,
       fd.report_month AS forecast_report_month, fd.name AS forecast_document, fc.value AS forecast,
       COALESCE(fc.value_num, (fc.value_low + fc.value_high) / 2.0) AS forecast_num,
       a.value AS actual, a.value_num AS actual_num, a.unit, a.document AS actual_document,
       a.report_month AS actual_report_month,
       COALESCE(fc.value_num, (fc.value_low + fc.value_high) / 2.0) - a.value_num AS error,
       CASE WHEN a.value_num != 0 THEN
         100.0 * (COALESCE(fc.value_num, (fc.value_low + fc.value_high) / 2.0) - a.value_num) / ABS(a.value_num)
       END AS error_pct,
       a.value_num BETWEEN fc.value_low AND fc.value_high AS within_range,
       fc.direction AS forecast_direction, a.direction AS actual_direction
FROM current_facts a
CROSS JOIN facts fc ON fc.status = 'accepted' AND fc.basis = 'forecast' AND fc.period = a.period
     AND {_same("fc", "a", tuple(c for c in SERIES_KEY if c != "basis"))}
CROSS JOIN documents fd INDEXED BY idx_documents_revision ON fd.id = fc.document_id AND fd.publisher IS a.publisher
     AND fd.report_month < fc.period
WHERE a.basis = 'actual'
ORDER BY {_order("a")}, fc.value, fc.document_id, fc.id
"""

# What the reports give as the causes, per commodity and month.
DRIVERS_BY_MONTH = """
SELECT dr.commodity, dr.period, dr.basis, dr.effect, dr.category, COUNT(*) AS mentions,
       GROUP_CONCAT(DISTINCT d.name) AS documents, MIN(dr.quote) AS example_quote
FROM drivers dr JOIN documents d ON d.id = dr.document_id
WHERE dr.status = 'accepted'
GROUP BY dr.commodity, dr.period, dr.basis, dr.effect, dr.category
"""

# Figures two reports of one publisher state differently: the same fact key, accepted in both, with different values
# (a corrected re-issue, or a later report's revision). The newer stands in current_facts; the older is listed as
# superseded. Two publishers stating one figure differently is no revision: both stand, side by side.
# A value the newer report states too is no conflict (one report giving two figures one key: existing and
# operating capacity, say).
CONFLICTS = f"""
SELECT newer.commodity, newer.region, newer.metric, newer.segment, newer.content, newer.period, newer.basis,
       newer.measure, newer.value AS value, newer.document AS document, newer.report_month AS report_month,
       old.value AS superseded_value, od.name AS superseded_document, od.report_month AS superseded_report_month
FROM current_facts newer
CROSS JOIN facts old ON old.status = 'accepted' AND old.id != newer.id AND old.period = newer.period
     AND {_same("old", "newer", SERIES_KEY)} AND old.value != newer.value
CROSS JOIN documents od INDEXED BY idx_documents_revision ON od.id = old.document_id AND od.id != newer.document_id
     AND od.publisher IS newer.publisher
WHERE NOT EXISTS (
  SELECT 1 FROM facts also WHERE also.document_id = newer.document_id AND also.status = 'accepted'
     AND also.period = newer.period AND {_same("also", "newer", SERIES_KEY)} AND also.value = old.value)
ORDER BY {_order("newer")}, old.value, old.document_id, old.id
"""

VIEWS = {
    "current_facts": CURRENT_FACTS,
    "series": SERIES,
    "forecast_vs_actual": FORECAST_VS_ACTUAL,
    "drivers_by_month": DRIVERS_BY_MONTH,
    "conflicts": CONFLICTS,
}


def add_value_columns(db: sqlite_utils.Database) -> None:
    """Add the numeric value columns and fill them from the stored JSON values."""
    facts = db.table("facts")
    for column, kind in (("value_num", float), ("value_low", float), ("value_high", float), ("direction", str)):
        if column not in facts.columns_dict:
            facts.add_column(column, kind)
    for fact_id, value in db.execute("SELECT id, value FROM facts").fetchall():
        columns = value_columns(json.loads(value))
        db.execute("UPDATE facts SET value_num = ?, value_low = ?, value_high = ?, direction = ? WHERE id = ?",
                   [columns["value_num"], columns["value_low"], columns["value_high"], columns["direction"], fact_id])
    facts.create_index(["commodity", "metric", "measure", "period", "value_num"], if_not_exists=True)


def add_publisher(db: sqlite_utils.Database) -> None:
    """The documents' publisher column (the views read it), filled from each stored text."""
    from extractor.text.publishers import publisher_of

    if "publisher" not in db.table("documents").columns_dict:
        db.table("documents").add_column("publisher", str)
    for document_id, text in db.execute("SELECT id, text FROM documents WHERE publisher IS NULL").fetchall():
        db.execute("UPDATE documents SET publisher = ? WHERE id = ?", [publisher_of(text or ""), document_id])


# What the views look up, held whole in indexes: an accepted fact's key, value and document (partial: accepted facts
# only), and a document's report month, first sighting, publisher and name (never its text).
INDEXES = {
    "idx_facts_accepted_key": f"facts({', '.join(SERIES_KEY)}, period, value, document_id) WHERE status = 'accepted'",
    "idx_documents_revision": "documents(id, report_month, first_seen, publisher, name)",
}


def create_indexes(db: sqlite_utils.Database) -> None:
    """Create the indexes the analysts' views read (see INDEXES)."""
    if "publisher" not in db.table("documents").columns_dict:  # an older migration runs first
        db.table("documents").add_column("publisher", str)
    for name, target in INDEXES.items():
        db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def create_views(db: sqlite_utils.Database) -> None:
    """(Re)create the analysts' views, and the indexes they read. current_facts reads `standing_facts`, which
    migration m031 creates: SQLite lets an earlier migration create the view before it (nothing reads it there)."""
    create_indexes(db)
    for name in reversed(list(VIEWS)):
        db.execute(f"DROP VIEW IF EXISTS {name}")
    for name, sql in VIEWS.items():
        db.execute(f"CREATE VIEW {name} AS {sql.strip()}")


def enable_search(db: sqlite_utils.Database) -> None:
    """Full-text search (FTS5) over document names and texts and over fact quotes, kept in step by triggers."""
    db.table("documents").enable_fts(["name", "text"], fts_version="FTS5", create_triggers=True, replace=True)
    db.table("facts").enable_fts(["quote"], fts_version="FTS5", create_triggers=True, replace=True)
