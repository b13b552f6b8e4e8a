"""Pieces every command shares: the console, opening the database, the error exit."""

from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

import typer
from rich.console import Console
from rich.markup import escape

from extractor.errors import ExtractorError
from extractor.store import Store, open_store

# Off a terminal (pipes, CI logs) rich would wrap at 80 columns; tables read better wider.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 160)

DB_OPTION = typer.Option(Path("smm.db"), "--db", help="SQLite database file (created if missing).")


# The exit codes, the same for every command (the README's table): done; some input failed; a usage error; a batch
# interrupted by Ctrl-C (the shell's convention, 128 + SIGINT).
EXIT_DONE, EXIT_INPUT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def fail(message: str, code: int = EXIT_USAGE) -> None:
    """Print one red line naming the problem and exit with code."""
    err_console.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


def llm_account_line(account: dict[str, Any]) -> str:
    """One readable line of a run's LLM account: requests, cache hits, failures, retries, tokens, time, cost."""
    line = (f"LLM {account['label']}: {account['requests']} requests ({account['cached']} from cache, "
            f"{account['failed']} failed, {account['retries']} retries), {account['tokens_in']:,} tokens in, "
            f"{account['tokens_out']:,} out, {account['seconds']:.0f} s of calls")
    price_in, price_out = os.environ.get("EXTRACTOR_PRICE_IN"), os.environ.get("EXTRACTOR_PRICE_OUT")
    documents = account.get("documents") or 0
    if price_in and price_out:
        cost = (account["tokens_in"] * float(price_in) + account["tokens_out"] * float(price_out)) / 1e6
        line += f", about ${cost:.4f} at the EXTRACTOR_PRICE_IN/OUT rates"
        if documents:
            line += f" (${cost / documents * 1000:,.2f} per 1,000 reports)"
    trust = account.get("trust")
    if trust:
        verdict = ("trusted: its reading is primary" if trust["trusted"]
                   else "not trusted: the rules' reading stands, the LLM's goes to review")
        line += (f"\n  trust: the text verified {trust['verified']:,} of the {trust['figures']:,} figures the LLM read "
                 f"({trust['share']:.0%}; trusted from {trust['threshold']:.0%}), {verdict}")
    for purpose, kind in (account.get("by_purpose") or {}).items():
        per = f", per document {kind['tokens_in'] / documents:,.0f} in / {kind['tokens_out'] / documents:,.0f} out" \
            if documents else ""
        line += (f"\n  {purpose}: {kind['requests']} requests, {kind['tokens_in']:,} tokens in, "
                 f"{kind['tokens_out']:,} out, {kind['seconds']:.0f} s{per}")
    return line


def open_db(path: Path, must_exist: bool = False) -> Store:
    if must_exist and not path.exists():
        fail(f"{path}: no such database; create one with `extractor run REPORTS --db {path}`")
    try:
        return open_store(path)
    except ExtractorError as e:
        fail(str(e))
        raise


@contextmanager
def existing_db(path: Path) -> Iterator[Store]:
    """An existing database, open for the block and closed after it (a one-line error when it does not exist)."""
    store = open_db(path, must_exist=True)
    try:
        yield store
    finally:
        store.close()


def checked_month(value: str) -> str:
    """A YYYY-MM month as given on the command line, or a one-line usage error."""
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        fail(f"{value!r} is not a month: give it as YYYY-MM, e.g. 2025-11")
    return value


def optional_month(value: Optional[str]) -> Optional[str]:
    """A typer callback: an optional YYYY-MM option, validated when given."""
    return checked_month(value) if value is not None else None
