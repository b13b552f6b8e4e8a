"""Rows out to the terminal or a pipe: a table for people, CSV, JSON or JSON Lines for other tools."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Any, Iterable

from rich.markup import escape
from rich.table import Table

from .common import console


class RowFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


def emit(rows: list[dict[str, Any]], fmt: RowFormat, columns: list[str], title: str | None = None,
         right: Iterable[str] = ()) -> None:
    """Write rows (only `columns`, in order) to stdout in the format asked."""
    picked = [{c: row.get(c) for c in columns} for row in rows]
    if fmt is RowFormat.json:
        sys.stdout.write(json.dumps(picked, indent=2, ensure_ascii=False) + "\n")
    elif fmt is RowFormat.jsonl:
        sys.stdout.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in picked)
    elif fmt is RowFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(picked)
    else:
        table = Table(title=title)
        aligned = set(right)
        for column in columns:
            table.add_column(column, overflow="fold", justify="right" if column in aligned else "left")
        for row in picked:
            table.add_row(*(escape(cell_text(row[c])) for c in columns))  # report text may hold "[SMM data]"
        console.print(table)


def cell_text(value: Any) -> str:
    """A value as people read it: thousands separated, no trailing zeros, ranges with a dash."""
    if value is None:
        return ""
    if isinstance(value, list):
        return f"{cell_text(value[0])}–{cell_text(value[1])}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)
