"""`extractor review`: the review page, and the same decisions from the terminal (list, accept, reject, set, undo),
orphaned decisions and `review export-gold`."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

import typer
from rich.markup import escape

from extractor.errors import ExtractorError
from extractor.review import queue as review_queue
from extractor.review.actions import decide, parse_changes
from extractor.review.gold import export_gold
from extractor.store import Store
from extractor.store.decisions import ensure_applied

from .common import DB_OPTION, console, err_console, fail
from .common import existing_db as _existing_db
from .output import RowFormat, emit

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
LIST_COLUMNS = ["id", "document", "commodity", "metric", "segment", "period", "basis", "measure", "value", "unit",
                "quote", "reason"]

app = typer.Typer(
    help=(
        "Resolve the figures a run sent to review, on a local web page or from the terminal. Decisions are kept in "
        "the database across --force, `month` and new pipeline versions, and applied to current_facts, series and "
        "the exports.\n\n"
        "`extractor review --db smm.db` serves the page on http://127.0.0.1:8765; `extractor review --list` prints "
        "the queue; `extractor review accept|reject|set|undo ID` decides; `extractor review export-gold DIR` writes "
        "the reviewed documents as gold files."
    ),
    invoke_without_command=True,
    no_args_is_help=False,
)

@contextmanager
def existing_db(path: Path) -> Iterator[Store]:
    """The database, with every standing decision applied (re-applied if a schema change dropped the trigger)."""
    with _existing_db(path) as store:
        if ensure_applied(store.db):
            err_console.print("[yellow]decisions were not being applied (their trigger was gone): re-applied all[/yellow]")
        yield store


WHO_OPTION = typer.Option(None, "--who", help="Your name in the decision log (default: your login name).")
WHY_OPTION = typer.Option(None, "--why", help="Why, in a few words (kept with the decision).")


@app.callback()
def review(
    ctx: typer.Context,
    db: Path = DB_OPTION,
    list_queue: bool = typer.Option(False, "--list", help="Print the queue (and orphaned decisions) instead of serving "
                                    "the page."),
    by: str = typer.Option("document", "--by", help="Group the queue by document, commodity or reason."),
    decided: bool = typer.Option(False, "--decided", help="With --list: the decided figures instead of the queue."),
    format: RowFormat = typer.Option(RowFormat.table, "--format", help="With --list: table, csv, json or jsonl."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to serve on. Anything but localhost needs "
                             "--allow-remote: the page has no login."),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Let --host bind to a non-local address."),
    port: int = typer.Option(8765, "--port", help="Port to serve on."),
) -> None:
    """Serve the review page for a database, or with --list print its queue."""
    if ctx.invoked_subcommand is not None:
        return
    if list_queue:
        with existing_db(db) as store:
            _print_list(store, by, decided, format)
        return
    if host not in LOCAL_HOSTS and not allow_remote:
        fail(f"--host {host} would let anyone who reaches this machine decide figures (the page has no login); "
             "add --allow-remote if that is what you want")
    with existing_db(db):
        pass  # a missing or unusable database fails here, before the server starts
    from extractor.review.web import serve

    console.print(f"Reviewing {db} on http://{host if ':' not in host else f'[{host}]'}:{port}/ (Ctrl+C stops).")
    serve(db, host, port)


def _print_list(store: Store, by: str, decided: bool, format: RowFormat) -> None:
    try:
        groups = [("decided", review_queue.decided(store))] if decided else review_queue.queue(store, by)
    except ExtractorError as e:
        fail(str(e))
        return
    items = [{**row, "id": row["key"], "reason": row["reason"]} for _, group in groups for row in group]
    if format is not RowFormat.table:
        emit(items, format, LIST_COLUMNS)
        return
    for name, group in groups:
        columns = [c for c in LIST_COLUMNS if decided or c != by] + (["status", "who"] if decided else [])
        emit([{**row, "id": row["key"], "who": _who(row)} for row in group], format, columns,
             f"{by if not decided else ''} {name}".strip() + f" ({len(group)})", right=("value",))
    orphaned = review_queue.orphans(store)
    console.print(f"{len(items)} figure(s) {'decided' if decided else 'waiting'}. Decide with `extractor review accept"
                  "|reject ID` or `extractor review set ID field=value`.")
    if orphaned:
        console.print(f"[yellow]{len(orphaned)} decision(s) match no stored figure any more[/yellow] "
                      "(`extractor review orphans`).")


def _who(row: dict[str, Any]) -> str:
    return str(row.get("reason") or "").split(" by ", 1)[-1].split(" on ", 1)[0] if row.get("decision_id") else ""


def _decide(db: Path, figure: str, action: str, changes: dict[str, Any], who: Optional[str], why: Optional[str]) -> None:
    with existing_db(db) as store:
        try:
            done = decide(store, figure, action, changes, who=who, why=why)
        except ExtractorError as e:
            fail(str(e))
            return
    what = {"accept": "accepted", "reject": "rejected", "correct": "corrected", "undo": "undone"}[action]
    standing = f"; it now stands {done.standing.status}" if done.standing else "; the extractor's reading stands"
    console.print(f"{done.key}: {what} (decision {done.id}){standing}.")


@app.command("accept")
def accept(figure: str = typer.Argument(..., help="The figure's id from `extractor review --list`."),
           db: Path = DB_OPTION, who: Optional[str] = WHO_OPTION, why: Optional[str] = WHY_OPTION) -> None:
    """Accept a figure as read (it must fit the contract: a flagged figure without a period needs `set` first)."""
    _decide(db, figure, "accept", {}, who, why)


@app.command("reject")
def reject(figure: str = typer.Argument(..., help="The figure's id from `extractor review --list`."),
           db: Path = DB_OPTION, who: Optional[str] = WHO_OPTION, why: Optional[str] = WHY_OPTION) -> None:
    """Reject a figure (flagged or accepted): it leaves current_facts, series and the exports."""
    _decide(db, figure, "reject", {}, who, why)


@app.command("set")
def set_fields(figure: str = typer.Argument(..., help="The figure's id from `extractor review --list`."),
               assignments: list[str] = typer.Argument(..., help="field=value corrections: period=2025-10, "
                                                       "metric=production, segment=null, value=1..2 ..."),
               db: Path = DB_OPTION, who: Optional[str] = WHO_OPTION, why: Optional[str] = WHY_OPTION) -> None:
    """Correct fields of a figure with the contract's values; the corrected figure is accepted."""
    try:
        changes = parse_changes(assignments)
    except ExtractorError as e:
        fail(str(e))
        return
    _decide(db, figure, "correct", changes, who, why)


@app.command("undo")
def undo(figure: str = typer.Argument(..., help="The figure's id."), db: Path = DB_OPTION,
         who: Optional[str] = WHO_OPTION, why: Optional[str] = WHY_OPTION) -> None:
    """Withdraw the decisions on a figure: the extractor's reading stands again (the log keeps them all)."""
    _decide(db, figure, "undo", {}, who, why)


@app.command("orphans")
def orphans(db: Path = DB_OPTION, format: RowFormat = typer.Option(RowFormat.table, "--format",
                                                                  help="table, csv, json or jsonl.")) -> None:
    """Decisions no stored figure matches any more (the document, the number's span or its label changed in a
    re-run): kept, listed here to be made again."""
    with existing_db(db) as store:
        rows = review_queue.orphans(store)
    if not rows:
        console.print("No orphaned decisions: every standing decision matches a stored figure.")
        return
    emit(rows, format, ["key", "document", "commodity", "metric", "period", "measure", "value", "quote", "decided",
                        "who", "at", "orphaned_because"])


@app.command("export-gold")
def gold(out: Path = typer.Argument(..., help="Folder to write gold files into."), db: Path = DB_OPTION,
         decided_only: bool = typer.Option(False, "--decided-only", help="Only the figures a person decided, not the "
                                           "reviewed documents' other accepted figures.")) -> None:
    """Write each reviewed document's standing figures (accepted and corrected) and drivers as gold files in the
    contract format; check them with `extractor eval check-gold DIR --docs ...`, score with `extractor eval --gold
    DIR --docs ...`."""
    with existing_db(db) as store:
        result = export_gold(store, out, decided_only)
    for line in result.left_out:
        console.print(f"[yellow]left out:[/yellow] {escape(line)}", soft_wrap=True)
    if not result.files:
        console.print("No reviewed documents yet: decide some figures first (`extractor review`).")
        raise typer.Exit(1)
    copies = f"; {result.copies} second copies of a figure kept once" if result.copies else ""
    console.print(f"Wrote {len(result.files)} gold file(s) to {out}: {result.facts} figures, {result.decided} of "
                  f"them decided by people{copies}.")
