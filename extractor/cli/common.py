"""Pieces every command shares: the console, opening the database, the error exit."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from ..errors import ExtractorError
from ..store import Store, open_store

# Off a terminal (pipes, CI logs) rich would wrap at 80 columns; tables read better wider.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 160)

DB_OPTION = typer.Option(Path("smm.db"), "--db", help="SQLite database file (created if missing).")


def fail(message: str, code: int = 2) -> None:
    """Print one red line naming the problem and exit with code."""
    err_console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def open_db(path: Path, must_exist: bool = False) -> Store:
    if must_exist and not path.exists():
        fail(f"{path}: no such database; create one with `extractor run REPORTS --db {path}`")
    try:
        return open_store(path)
    except ExtractorError as e:
        fail(str(e))
        raise
