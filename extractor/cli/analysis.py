"""`extractor series`, `extractor forecasts` and `extractor metadata`: the analysts' questions of a database."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table

from extractor.dataset import (SeriesQuery, conflict_rows, forecast_rows, forecast_summary, search_documents, series_name,
                               series_rows, sparkline)
from extractor.errors import ExtractorError

from .common import DB_OPTION, console, existing_db, fail, optional_month
from .output import RowFormat, cell_text, emit

FORMAT_OPTION = typer.Option(RowFormat.table, "--format", help="table (for people), csv, json or jsonl.")
SERIES_COLUMNS = ["period", "commodity", "region", "metric", "segment", "content", "measure", "value_num",
                  "value_low", "value_high", "direction", "unit", "quote", "document", "report_month", "publisher"]
FORECAST_COLUMNS = ["period", "commodity", "metric", "segment", "content", "measure", "forecast_report_month",
                    "forecast", "actual", "unit", "error", "error_pct", "forecast_document", "actual_document"]


def series(
    commodity: str = typer.Argument(..., help="Commodity id, e.g. copper_cathode (see `extractor facts`)."),
    db: Path = DB_OPTION,
    metric: str = typer.Option("production", help="Metric, e.g. production, operating_rate, capacity."),
    measure: Optional[str] = typer.Option(None, help="Only this measure, e.g. level or mom_pct (default: all)."),
    segment: Optional[str] = typer.Option(None, help="Only this segment, e.g. 'large smelters'."),
    region: Optional[str] = typer.Option(None, help="Only this region (default: all; most figures are china)."),
    format: RowFormat = FORMAT_OPTION,
) -> None:
    """One commodity's actual figures month by month (the latest report's figure where several state one).

    The table has a column per series (measure, segment, content) and a sparkline under each; csv, json and jsonl
    give one row per series and month with the numeric columns.
    """
    with existing_db(db) as store:
        rows = series_rows(store, SeriesQuery(commodity, metric, measure, segment, region))
    if not rows and format is RowFormat.table:
        console.print(f"No actual {metric} figures of {commodity} match (try `extractor facts --commodity {commodity}`).")
        return
    if format is not RowFormat.table:
        emit(rows, format, SERIES_COLUMNS)
        return
    _series_table(rows, f"{commodity} {metric}, month by month")


def _series_table(rows: list[dict[str, Any]], title: str) -> None:
    names = list(dict.fromkeys(series_name(r) for r in rows))
    periods = sorted({r["period"] for r in rows})
    cells: dict[tuple[str, str], dict[str, Any]] = {(r["period"], series_name(r)): r for r in rows}
    table = Table(title=title)
    table.add_column("period")
    for name in names:
        unit = next((r["unit"] for r in rows if series_name(r) == name and r["unit"]), None)
        table.add_column(f"{name} ({unit})" if unit else name, justify="right")
    for period in periods:
        table.add_row(period, *(_value(cells.get((period, n))) for n in names))
    table.add_section()
    table.add_row("trend", *(sparkline([(cells.get((p, n)) or {}).get("value_num") for p in periods]) for n in names))
    console.print(table)
    console.print(f"{len(periods)} month(s), {len(names)} series, {len(rows)} figure(s).")


def _value(row: dict[str, Any] | None) -> str:
    if row is None:
        return ""
    if row["value_num"] is not None:
        return cell_text(row["value_num"])
    if row["value_low"] is not None:
        return cell_text([row["value_low"], row["value_high"]])
    return str(row["direction"])


def forecasts(
    commodity: Optional[str] = typer.Argument(None, help="Only this commodity (default: all)."),
    db: Path = DB_OPTION,
    format: RowFormat = FORMAT_OPTION,
) -> None:
    """SMM's forecasts against the actuals reported later, with the error, and per commodity how far off they were.

    A forecast for month M from the report of an earlier month is set against the actual of M (from the latest
    report stating it); the error is forecast minus actual, in the figure's unit and in percent of the actual.
    """
    with existing_db(db) as store:
        rows = forecast_rows(store, commodity)
    if not rows and format is RowFormat.table:
        console.print("No forecast has its actual stored yet: extract the report of the month after it.")
        return
    for row in rows:
        row["forecast"], row["actual"] = json.loads(row["forecast"]), json.loads(row["actual"])
    if format is not RowFormat.table:
        emit(rows, format, FORECAST_COLUMNS)
        return
    shown = [{**r, "error_pct": None if r["error_pct"] is None else round(r["error_pct"], 1)} for r in rows]
    emit(shown, format, [c for c in FORECAST_COLUMNS if not c.endswith("_document")], "forecasts against actuals",
         right=("forecast", "actual", "error", "error_pct"))
    emit(forecast_summary(rows), format, ["commodity", "metric", "measure", "unit", "forecasts", "mean_abs_error",
                                          "mean_abs_error_pct"], "how far off, per commodity and measure",
         right=("forecasts", "mean_abs_error", "mean_abs_error_pct"))


CONFLICT_COLUMNS = ["period", "commodity", "metric", "segment", "basis", "measure", "value", "document",
                    "superseded_value", "superseded_document"]


def conflicts(
    db: Path = DB_OPTION,
    report_month: Optional[str] = typer.Option(None, "--month", help="Only conflicts with a report of this month.",
                                               callback=optional_month),
    format: RowFormat = FORMAT_OPTION,
) -> None:
    """Figures two reports state differently (a corrected re-issue, a later revision): the value that stands (the
    later report's) and the one it supersedes. Both stay stored; views and series use the standing one."""
    with existing_db(db) as store:
        rows = conflict_rows(store, report_month)
    if not rows and format is RowFormat.table:
        console.print("No conflicts: no two reports of one publisher state one figure differently.")
        return
    for row in rows:
        row["value"], row["superseded_value"] = json.loads(row["value"]), json.loads(row["superseded_value"])
    emit(rows, format, CONFLICT_COLUMNS, "figures stated differently", right=("value", "superseded_value"))


SEARCH_COLUMNS = ["document", "report_month", "snippet", "path"]


def search(
    query: str = typer.Argument(..., help="Words to find in the documents' text, e.g. maintenance, or \"power "
                                "rationing\" for a phrase (SQLite FTS5 syntax: OR, NOT, prefix*)."),
    db: Path = DB_OPTION,
    limit: int = typer.Option(50, min=1, help="Show at most this many documents."),
    format: RowFormat = FORMAT_OPTION,
) -> None:
    """Find the stored documents whose text says something, with the passage around each match (best first)."""
    with existing_db(db) as store:
        try:
            rows = search_documents(store, query, limit)
        except ExtractorError as e:
            fail(str(e))
            raise
    if not rows and format is RowFormat.table:
        console.print(f"No document's text matches {query!r}.")
        return
    emit(rows, format, SEARCH_COLUMNS if format is not RowFormat.table else SEARCH_COLUMNS[:3],
         f"documents matching {query!r}")


def metadata(db: Path = typer.Option(Path("smm.db"), "--db", help="The database the metadata is for (its name "
                                     "in Datasette is the file's stem).")) -> None:
    """Print Datasette metadata for an extractor database: titles, descriptions, units, facets, canned queries.

    Use: `extractor metadata --db smm.db > metadata.json && datasette smm.db -m metadata.json`.
    """
    typer.echo(json.dumps(datasette_metadata(db.stem), indent=2, ensure_ascii=False))


def datasette_metadata(database: str) -> dict[str, Any]:
    """The metadata shipped with the package, for the database Datasette calls `database`."""
    block = json.loads(resources.files("extractor.store").joinpath("datasette.json").read_text(encoding="utf-8"))
    return {"title": "SMM metal production: figures and drivers",
            "description": "Extracted by extractor from monthly production reports; every figure carries its quote.",
            "databases": {database: block}}
