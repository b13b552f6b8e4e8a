"""`extractor run`: extracting reports into the database (and what `extractor month` shares with it)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from extractor.batch import DocumentOutcome, default_workers, run_batch
from extractor.errors import ExtractorError
from extractor.run_options import RunOptions
from extractor.settings import load_settings
from extractor.store import Store
from extractor.text.documents import input_problems, scan_inputs

from .common import (DB_OPTION, EXIT_INPUT_FAILED, EXIT_INTERRUPTED, checked_month, console, err_console, fail,
                     llm_account_line, open_db)
from .options import LLMOptions, checked_strategy, llm_config, policies

if TYPE_CHECKING:
    from extractor.llm import LLMClient
    from extractor.llm.registry import LLMConfig

# The LLM layer is imported where a client is made: a run with the rules provider whose documents are all current
# imports neither it nor the rules (see extractor.batch).


def build_llm(config: LLMConfig, store: Store | None) -> LLMClient | None:
    """The LLM client for a run (None for rules), with the database as its response cache."""
    if config.provider == "rules":
        return None
    from extractor.llm import LLMClient
    from extractor.llm.registry import make_provider
    from extractor.store.cache import StoreCache

    try:
        provider = make_provider(config, load_settings())
        check = getattr(provider, "check", None)
        if check is not None:
            check()  # an endpoint that is down stops the batch before it starts
    except ExtractorError as e:
        fail(str(e))
        raise
    return LLMClient(provider, StoreCache(store) if store else None, config.concurrency)


def run_with_progress(paths: list[Path], db: Path, config: LLMConfig, force: bool, command: str,
                      chosen: tuple[str, str], report_month: str | None = None, strategy: str = "read",
                      examples: tuple[tuple[str, str], ...] = (), workers: int = 1,
                      ) -> tuple[list[DocumentOutcome], dict[str, Any]]:
    try:
        settings = load_settings()
    except ExtractorError as e:
        fail(str(e))
        raise
    store = open_db(db)
    try:
        llm = build_llm(config, store)
        options = RunOptions(provider=config.provider, model=llm.provider.model if llm else None, force=force, labels=chosen[0], drivers=chosen[1],
                             report_month=report_month, strategy=strategy, examples=examples)
        with Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err_console, transient=True, disable=not err_console.is_terminal,
        ) as progress:
            task = progress.add_task("extracting", total=len(paths))
            if llm is not None:
                answers = progress.add_task("LLM answers", total=None)
                llm.on_answer = lambda: progress.update(answers, advance=1)

            so_far: list[DocumentOutcome] = []

            def advance(outcome: DocumentOutcome) -> None:
                so_far.append(outcome)
                progress.update(task, advance=1, description=outcome.name[:40])
                if outcome.status == "error":
                    err_console.print(f"[red]error:[/red] {escape(outcome.error or '')}")

            reading = progress.add_task("LLM reading", total=len(paths)) if options.reads_with_llm else None

            def asked(path: Path) -> None:
                if reading is not None:
                    progress.update(reading, advance=1, description=f"LLM reading {path.name[:28]}")

            try:
                run_id, outcomes = run_batch(paths, store, settings, options, command, on_document=advance, llm=llm,
                                             on_survey=asked, workers=workers)
            except ExtractorError as e:
                fail(str(e))
                raise
            except KeyboardInterrupt:
                progress.stop()
                err_console.print(interrupted_line(so_far, len(paths)))
                raise typer.Exit(EXIT_INTERRUPTED) from None
        account = {"label": llm.label, **store.run_summary(run_id).get("llm", store.llm_account(run_id))} if llm else {}
    finally:
        store.close()
    return outcomes, account


def interrupted_line(outcomes: list[DocumentOutcome], files: int) -> str:
    """What an interrupted batch says: how many files it finished and stored, and how to resume."""
    stored = {o.path for o in outcomes if o.status != "error"}
    failed = {o.path for o in outcomes if o.status == "error"} - stored
    line = (f"[yellow]interrupted:[/yellow] {len(stored)} of {files} file(s) stored"
            + (f", {len(failed)} failed" if failed else "")
            + f", {files - len(stored) - len(failed)} not read; run the same command again to resume (stored "
            "documents are skipped).")
    return line


SUMMARY_ROWS = 50  # a batch of more documents is summarised: counts, then only the documents with problems


def _has_problem(outcome: DocumentOutcome) -> bool:
    return outcome.status in ("error", "partial", "duplicate") or outcome.month_note is not None


def print_summary(outcomes: list[DocumentOutcome], db: Path, account: dict[str, Any]) -> None:
    """Print a run's table of documents (only those with a problem in a long batch), its LLM account, and a line for
    each thing to know: duplicates, report months unknown or guessed, partial extractions, documents skipped."""
    console.print(_summary_table(outcomes, _listed(outcomes), db))
    if account:
        console.print(llm_account_line(account))
    for outcome in outcomes:
        for applies, note in _OUTCOME_NOTES:
            if applies(outcome):
                console.print(note(outcome))
    for line in _closing_lines(outcomes):
        console.print(line)


def _listed(outcomes: list[DocumentOutcome]) -> list[DocumentOutcome]:
    """The documents the table lists: all of them, or in a batch of more than SUMMARY_ROWS only those with a
    problem, after a line of counts by status."""
    if len(outcomes) <= SUMMARY_ROWS:
        return outcomes
    counts = Counter(o.status for o in outcomes)
    listed = [o for o in outcomes if _has_problem(o)]
    console.print(f"{len(outcomes)} documents: " + ", ".join(f"{n} {status}" for status, n in counts.items())
                  + (f"; the {len(listed)} with a problem (an error, a partial extraction, a duplicate, a report "
                     "month unknown or guessed) are listed" if listed else "; none has a problem"))
    return listed


_ROW_STYLES = {"error": "red", "partial": "yellow", "unchanged": "dim", "duplicate": "dim"}


def _summary_table(outcomes: list[DocumentOutcome], listed: list[DocumentOutcome], db: Path) -> Table:
    """A row for each listed document, then the whole batch's totals."""
    table = Table(title=f"extraction into {db}", title_justify="left")
    table.add_column("document", overflow="fold", min_width=24)
    for column in ("format", "month", "status"):
        table.add_column(column, no_wrap=True)
    for column in ("sections", "accepted", "review", "rejected", "drivers"):
        table.add_column(column, justify="right", no_wrap=True)
    for o in listed:
        table.add_row(escape(o.name), o.report_format or "", o.report_month or "?", o.status, str(o.sections), str(o.accepted),
                      str(o.needs_review), str(o.rejected), str(o.drivers), style=_ROW_STYLES.get(o.status, ""))
    table.add_section()
    partial = sum(o.status == "partial" for o in outcomes)
    counted = f"{sum(o.status == 'error' for o in outcomes)} error(s)" + (f", {partial} partial" if partial else "")
    table.add_row(f"{len(outcomes)} documents", "", "", counted,
                  str(sum(o.sections for o in outcomes)), str(sum(o.accepted for o in outcomes)),
                  str(sum(o.needs_review for o in outcomes)), str(sum(o.rejected for o in outcomes)),
                  str(sum(o.drivers for o in outcomes)), style="bold")
    return table


# What the summary says of one document after the table: (whether it applies, the line), in this order.
_OUTCOME_NOTES: tuple[tuple[Callable[[DocumentOutcome], bool], Callable[[DocumentOutcome], str]], ...] = (
    (lambda o: o.status == "duplicate",
     lambda o: f"{escape(o.name)}: {escape(o.error or '')}, stored once and counted once."),
    (lambda o: bool(o.month_note),
     lambda o: f"[yellow]{escape(o.name)}:[/yellow] {escape(o.month_note or '')}"),
)


def _closing_lines(outcomes: list[DocumentOutcome]) -> list[str]:
    """What the summary says of the whole batch last: the partial extractions, and the documents skipped."""
    partial = [o for o in outcomes if o.status == "partial"]
    unchanged = sum(o.status == "unchanged" for o in outcomes)
    rows = (
        (bool(partial),
         f"[yellow]partial:[/yellow] {sum(o.failed_questions for o in partial)} LLM question(s) failed in "
         f"{escape(', '.join(o.name for o in partial))}: the rules' results are stored, flagged partial, and the "
         "next run asks again."),
        (bool(outcomes) and unchanged == len(outcomes),
         "Nothing to do: every document was already extracted with this configuration (use --force to redo)."),
        (0 < unchanged < len(outcomes),
         f"{unchanged} document(s) unchanged since their last extraction were skipped (use --force to redo)."),
    )
    return [line for applies, line in rows if applies]


def run(
    inputs: list[str] = typer.Argument(..., help="Report files, folders or globs (.txt, .md, .html)."),
    db: Path = DB_OPTION,
    force: bool = typer.Option(False, "--force", help="Re-extract documents already extracted with this configuration."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when a document is partial (LLM questions failed) too, "
                                "not only when an input fails."),
    report_month: Optional[str] = typer.Option(
        None, "--report-month", metavar="YYYY-MM", help="The month of documents whose text names none (undated "
        "clippings): their facts get periods instead of waiting in review. A month the text states always wins."),
    provider: Optional[str] = LLMOptions.provider,
    model: Optional[str] = LLMOptions.model,
    model_path: Optional[Path] = LLMOptions.model_path,
    base_url: Optional[str] = LLMOptions.base_url,
    mode: str = LLMOptions.mode,
    concurrency: int = LLMOptions.concurrency,
    record: Optional[Path] = LLMOptions.record,
    replay: Optional[Path] = LLMOptions.replay,
    llm_labels: str = LLMOptions.labels,
    llm_drivers: str = LLMOptions.drivers,
    strategy: str = LLMOptions.strategy,
    examples: Optional[list[str]] = typer.Option(
        None, "--examples", metavar="GOLD=DOCS", help="Gold facts files and the reports they annotate (e.g. "
        "eval/gold=../shared/seeds): the read strategy shows the LLM the 3 gold figures most like each chunk, never "
        "a document's own. Repeatable."),
    workers: Optional[int] = typer.Option(
        None, "--workers", min=1, metavar="N", help="Processes that extract documents (default: EXTRACTOR_WORKERS, else the cores). The "
        "results are stored in input order, the same as one process's; runs with an LLM provider use one."),
) -> None:
    """Extract every report given into the database.

    Each document is stored once (keyed by the SHA-256 of its text) and written in
    one transaction, so an interrupted batch resumes where it stopped. Re-running
    the same input with the same configuration does nothing unless --force.
    """
    if report_month is not None:
        report_month = checked_month(report_month)
    paths, problems = _report_files(inputs)
    config = llm_config(provider, model, model_path, base_url, mode, concurrency, record, replay)
    outcomes, account = run_with_progress(paths, db, config, force, " ".join(sys.argv), policies(llm_labels, llm_drivers),
                                          report_month, checked_strategy(strategy), _example_sets(examples or []),
                                          workers if workers is not None else default_workers())
    print_summary(outcomes, db, account)
    errors = sum(o.status == "error" for o in outcomes)
    partial = sum(o.status == "partial" for o in outcomes)
    if problems or errors or (strict and partial):
        raise typer.Exit(EXIT_INPUT_FAILED)


def _report_files(inputs: list[str]) -> tuple[list[Path], list[str]]:
    """The report files the inputs name, and the inputs that could not be read (each printed as an error); what was
    skipped as not a report is said in one line. Exits when no report file is left."""
    paths, skipped = scan_inputs(inputs)
    if skipped:
        kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(skipped.items(), key=lambda kv: -kv[1]))
        err_console.print(f"skipped {sum(skipped.values())} file(s) that are not reports: {escape(kinds)}")
    problems = input_problems(inputs)
    for problem in problems[:-1] if not paths else problems:
        err_console.print(f"[red]error:[/red] {escape(problem)}")
    if not paths:
        fail(problems[-1] if problems else f"no report files found in {', '.join(inputs)}", EXIT_INPUT_FAILED)
    return paths, problems


def _example_sets(given: list[str]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in given:
        gold, _, docs = item.partition("=")
        if not docs or not Path(gold).is_dir() or not Path(docs).is_dir():
            fail(f"--examples {item}: give GOLD=DOCS, two folders (gold facts files, and the reports they annotate)")
        pairs.append((str(Path(gold).resolve()), str(Path(docs).resolve())))
    return tuple(pairs)
