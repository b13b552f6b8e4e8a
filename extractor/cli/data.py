"""`extractor facts` and `extractor export`: reading what is stored."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from extractor.export import export_facts_files, export_flat

from .common import DB_OPTION, console, fail, open_db


class ExportFormat(str, Enum):
    facts = "facts"
    csv = "csv"
    json = "json"


def _statuses(include_review: bool) -> tuple[str, ...]:
    return ("accepted", "needs_review") if include_review else ("accepted",)


def facts(
    db: Path = DB_OPTION,
    commodity: Optional[str] = typer.Option(None, help="Commodity id, e.g. copper_cathode."),
    metric: Optional[str] = typer.Option(None, help="Metric, e.g. production or operating_rate."),
    period: Optional[str] = typer.Option(None, help="Period YYYY-MM."),
    measure: Optional[str] = typer.Option(None, help="Measure, e.g. mom_pct."),
    segment: Optional[str] = typer.Option(None, help="Segment label, e.g. 'large smelters'."),
    include_review: bool = typer.Option(False, "--include-review", help="Also show facts flagged for review."),
    limit: int = typer.Option(200, help="Show at most this many rows."),
) -> None:
    """Show stored facts as a table, newest period first."""
    store = open_db(db, must_exist=True)
    try:
        rows = list(store.query_facts(
            {"commodity": commodity, "metric": metric, "period": period, "measure": measure, "segment": segment},
            _statuses(include_review), limit,
        ))
    finally:
        store.close()
    if not rows:
        console.print("No facts match.")
        return
    table = Table(show_lines=False)
    for column in ("period", "commodity", "metric", "segment", "basis", "measure", "value", "unit", "quote", "document"):
        table.add_column(column, overflow="fold", justify="right" if column == "value" else "left")
    if include_review:
        table.add_column("status")
    for row in rows:
        value = json.loads(row["value"])
        cells = [row["period"], row["commodity"], row["metric"], row["segment"] or "", row["basis"], row["measure"],
                 _format_value(value), row["unit"] or "", row["quote"], row["document"]]
        if include_review:
            cells.append(row["status"])
        table.add_row(*(escape(cell) for cell in cells))  # report text may hold "[SMM data]"
    console.print(table)
    console.print(f"{len(rows)} fact(s).")


def _format_value(value: object) -> str:
    if isinstance(value, list):
        return f"{value[0]:,g}–{value[1]:,g}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def export(
    db: Path = DB_OPTION,
    format: ExportFormat = typer.Option(ExportFormat.facts, "--format", help="facts: one contract file per document; csv/json: one flat table."),
    out: Path = typer.Option(..., "--out", help="Output folder (facts) or file/folder (csv, json)."),
    report_month: Optional[str] = typer.Option(None, "--month", help="Only documents of this report month (YYYY-MM)."),
    include_review: bool = typer.Option(False, "--include-review", help="csv/json: also rows flagged for review (with their reason)."),
) -> None:
    """Write stored facts out for other tools."""
    store = open_db(db, must_exist=True)
    try:
        if format is ExportFormat.facts:
            if include_review:
                fail("--include-review applies to csv/json; facts files hold accepted facts only")
            written = export_facts_files(store, out, report_month)
            console.print(f"Wrote {len(written)} facts file(s) to {out}.")
        else:
            target = export_flat(store, out, format.value, _statuses(include_review), report_month)
            console.print(f"Wrote {target}.")
    finally:
        store.close()
