"""`extractor facts` and `extractor export`: reading what is stored."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from extractor.export import driver_rows, export_facts_files, export_flat, facts_lines, flat_rows, write_flat
from extractor.record import CONTRACT_FIELDS

from .common import DB_OPTION, console, existing_db, fail, open_db, optional_month
from .output import RowFormat, emit


class ExportFormat(str, Enum):
    facts = "facts"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


FACT_COLUMNS = ["document", "report_month", *CONTRACT_FIELDS, "status", "reason"]


def _statuses(include_review: bool) -> tuple[str, ...]:
    return ("accepted", "needs_review") if include_review else ("accepted",)


def facts(
    db: Path = DB_OPTION,
    commodity: Optional[str] = typer.Option(None, help="Commodity id, e.g. copper_cathode."),
    metric: Optional[str] = typer.Option(None, help="Metric, e.g. production or operating_rate."),
    period: Optional[str] = typer.Option(None, help="Period YYYY-MM.", callback=optional_month),
    measure: Optional[str] = typer.Option(None, help="Measure, e.g. mom_pct."),
    segment: Optional[str] = typer.Option(None, help="Segment label, e.g. 'large smelters'."),
    include_review: bool = typer.Option(False, "--include-review", help="Also show facts flagged for review, "
                                        "with the reason."),
    limit: int = typer.Option(200, min=1, help="Show at most this many rows."),
    format: RowFormat = typer.Option(RowFormat.table, "--format", help="table (for people), csv, json or jsonl."),
) -> None:
    """Show stored facts, newest period first."""
    filters = {"commodity": commodity, "metric": metric, "period": period, "measure": measure, "segment": segment}
    with existing_db(db) as store:
        rows = list(store.query_facts(filters, _statuses(include_review), limit))
        total = store.count_facts(filters, _statuses(include_review))
    if format is not RowFormat.table:
        emit([{**r, "value": json.loads(r["value"])} for r in rows], format, FACT_COLUMNS)
        return
    if not rows:
        console.print("No facts match.")
        return
    columns = ["period", "commodity", "metric", "segment", "basis", "measure", "value", "unit", "quote", "document"]
    emit([{**r, "value": json.loads(r["value"])} for r in rows], format,
         columns + (["status", "reason"] if include_review else []), right=("value",))
    shown = f"{len(rows)} of {total}" if total > len(rows) else f"{len(rows)}"
    console.print(f"{shown} fact(s)." + (" Raise --limit or filter to see more." if total > len(rows) else ""))


def export(
    db: Path = DB_OPTION,
    format: ExportFormat = typer.Option(ExportFormat.facts, "--format", help="facts: one contract file per document; "
                                        "csv, json or jsonl: one flat table of facts with their document's path and id."),
    out: str = typer.Option(..., "--out", help="Output folder (facts) or file/folder (csv, json, jsonl); '-' writes "
                            "to stdout (facts: one document per line)."),
    report_month: Optional[str] = typer.Option(None, "--month", help="Only documents of this report month (YYYY-MM).",
                                               callback=optional_month),
    include_review: bool = typer.Option(False, "--include-review", help="csv/json/jsonl: also rows flagged for "
                                        "review (with their reason)."),
    drivers: bool = typer.Option(False, "--drivers", help="csv/json/jsonl: the drivers table instead of the facts."),
) -> None:
    """Write stored facts (or drivers) out for other tools."""
    if format is ExportFormat.facts and include_review:
        fail("--include-review applies to csv/json/jsonl; facts files hold accepted facts only")
    if format is ExportFormat.facts and drivers:
        fail("--drivers applies to csv/json/jsonl; facts files hold each document's drivers already")
    store = open_db(db, must_exist=True)
    try:
        if out == "-":
            if format is ExportFormat.facts:
                facts_lines(store, sys.stdout, report_month)
            else:
                rows = (driver_rows if drivers else flat_rows)(store, _statuses(include_review), report_month)
                write_flat(rows, format.value, sys.stdout)
        elif format is ExportFormat.facts:
            written = export_facts_files(store, Path(out), report_month)
            console.print(f"Wrote {len(written)} facts file(s) to {out}.")
        else:
            target = export_flat(store, Path(out), format.value, _statuses(include_review), report_month, drivers)
            console.print(f"Wrote {target}.")
    finally:
        store.close()
