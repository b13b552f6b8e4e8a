"""`extractor run` and `extractor month`: extracting reports into the database."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from extractor.errors import ExtractorError
from extractor.llm import LLMClient
from extractor.llm.registry import LLMConfig, make_provider
from extractor.batch import DocumentOutcome, default_workers, run_batch
from extractor.pipeline import RunOptions
from extractor.reconcile.gate import diff_facts
from extractor.store.cache import StoreCache
from extractor.record import Fact
from extractor.rules.report_month import find_report_month
from extractor.settings import load_settings
from extractor.store import Store
from extractor.dataset import conflict_rows
from extractor.text.documents import input_problems, iter_input_paths, read_document, scan_inputs

from .common import (DB_OPTION, EXIT_INPUT_FAILED, EXIT_INTERRUPTED, checked_month, console, err_console, existing_db, fail,
                     llm_account_line, open_db)
from .options import LLMOptions, checked_strategy, llm_config, policies


def build_llm(config: LLMConfig, store: Store | None) -> LLMClient | None:
    """The LLM client for a run (None for rules), with the database as its response cache."""
    if config.provider == "rules":
        return None
    try:
        provider = make_provider(config, load_settings())
        check = getattr(provider, "check", None)
        if check is not None:
            check()  # an endpoint that is down stops the batch before it starts
    except ExtractorError as e:
        fail(str(e))
        raise
    return LLMClient(provider, StoreCache(store) if store else None, config.concurrency)


def _run_with_progress(paths: list[Path], db: Path, config: LLMConfig, force: bool, command: str,
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


def _summary(outcomes: list[DocumentOutcome], db: Path, account: dict[str, Any]) -> None:
    listed = outcomes
    if len(outcomes) > SUMMARY_ROWS:
        counts: dict[str, int] = {}
        for o in outcomes:
            counts[o.status] = counts.get(o.status, 0) + 1
        listed = [o for o in outcomes if _has_problem(o)]
        console.print(f"{len(outcomes)} documents: " + ", ".join(f"{n} {status}" for status, n in counts.items())
                      + (f"; the {len(listed)} with a problem (an error, a partial extraction, a duplicate, a report "
                         "month unknown or guessed) are listed" if listed else "; none has a problem"))
    table = Table(title=f"extraction into {db}", title_justify="left")
    table.add_column("document", overflow="fold", min_width=24)
    for column in ("format", "month", "status"):
        table.add_column(column, no_wrap=True)
    for column in ("sections", "accepted", "review", "rejected", "drivers"):
        table.add_column(column, justify="right", no_wrap=True)
    for o in listed:
        style = {"error": "red", "partial": "yellow", "unchanged": "dim", "duplicate": "dim"}.get(o.status, "")
        table.add_row(escape(o.name), o.report_format or "", o.report_month or "?", o.status, str(o.sections), str(o.accepted),
                      str(o.needs_review), str(o.rejected), str(o.drivers), style=style)
    table.add_section()
    partial = [o for o in outcomes if o.status == "partial"]
    counted = f"{sum(o.status == 'error' for o in outcomes)} error(s)" + (f", {len(partial)} partial" if partial else "")
    table.add_row(f"{len(outcomes)} documents", "", "", counted,
                  str(sum(o.sections for o in outcomes)), str(sum(o.accepted for o in outcomes)),
                  str(sum(o.needs_review for o in outcomes)), str(sum(o.rejected for o in outcomes)),
                  str(sum(o.drivers for o in outcomes)), style="bold")
    console.print(table)
    if account:
        console.print(llm_account_line(account))
    for o in outcomes:
        if o.status == "duplicate":
            console.print(f"{escape(o.name)}: {escape(o.error or '')}, stored once and counted once.")
        if o.month_note:
            console.print(f"[yellow]{escape(o.name)}:[/yellow] {escape(o.month_note)}")
    if partial:
        names = ", ".join(o.name for o in partial)
        console.print(f"[yellow]partial:[/yellow] {sum(o.failed_questions for o in partial)} LLM question(s) failed in "
                      f"{escape(names)}: the rules' results are stored, flagged partial, and the next run asks again.")
    unchanged = sum(o.status == "unchanged" for o in outcomes)
    if unchanged == len(outcomes) and outcomes:
        console.print("Nothing to do: every document was already extracted with this configuration (use --force to redo).")
    elif unchanged:
        console.print(f"{unchanged} document(s) unchanged since their last extraction were skipped (use --force to redo).")


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
    paths, skipped = scan_inputs(inputs)
    if skipped:
        kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(skipped.items(), key=lambda kv: -kv[1]))
        err_console.print(f"skipped {sum(skipped.values())} file(s) that are not reports: {escape(kinds)}")
    problems = input_problems(inputs)
    for problem in problems[:-1] if not paths else problems:
        err_console.print(f"[red]error:[/red] {escape(problem)}")
    if not paths:
        fail(problems[-1] if problems else f"no report files found in {', '.join(inputs)}", EXIT_INPUT_FAILED)
    config = llm_config(provider, model, model_path, base_url, mode, concurrency, record, replay)
    outcomes, account = _run_with_progress(paths, db, config, force, " ".join(sys.argv), policies(llm_labels, llm_drivers),
                                           report_month, checked_strategy(strategy), _example_sets(examples or []),
                                           workers if workers is not None else default_workers())
    _summary(outcomes, db, account)
    errors = sum(o.status == "error" for o in outcomes)
    partial = sum(o.status == "partial" for o in outcomes)
    if problems or errors or (strict and partial):
        raise typer.Exit(EXIT_INPUT_FAILED)


def _example_sets(given: list[str]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in given:
        gold, _, docs = item.partition("=")
        if not docs or not Path(gold).is_dir() or not Path(docs).is_dir():
            fail(f"--examples {item}: give GOLD=DOCS, two folders (gold facts files, and the reports they annotate)")
        pairs.append((str(Path(gold).resolve()), str(Path(docs).resolve())))
    return tuple(pairs)


def month(
    report_month: str = typer.Argument(..., metavar="YYYY-MM", help="The report month to re-extract, e.g. 2025-11."),
    db: Path = DB_OPTION,
    from_dir: Optional[Path] = typer.Option(None, "--from", help="Look for that month's reports in this folder instead of the stored paths."),
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
) -> None:
    """Re-extract the documents of one report month and show what changed.

    With --from, the folder's documents of that month are extracted, and so are those whose text names no month
    (they are given this one).
    """
    report_month = checked_month(report_month)
    if from_dir is not None:
        if not from_dir.is_dir():
            fail(f"{from_dir}: no such folder", EXIT_INPUT_FAILED)
        max_bytes = load_settings().max_document_bytes
        candidates = [p for p in iter_input_paths([str(from_dir)]) if _month_of(p, max_bytes) in (report_month, None)]
    else:
        store = open_db(db, must_exist=True)
        try:
            candidates = []
            for document in store.documents(report_month):
                existing = [Path(p) for p in store.document_paths(document["id"]) if Path(p).exists()]
                if existing:
                    candidates.append(existing[0])
                else:
                    err_console.print(f"[yellow]warning:[/yellow] {document['name']}: no stored path exists any more; use --from DIR")
        finally:
            store.close()
    if not candidates:
        fail(f"no documents for report month {report_month} (in the database, or in --from)")
    config = llm_config(provider, model, model_path, base_url, mode, concurrency, record, replay)
    outcomes, account = _run_with_progress(candidates, db, config, True, " ".join(sys.argv), policies(llm_labels, llm_drivers),
                                           report_month, checked_strategy(strategy))
    _summary(outcomes, db, account)
    with existing_db(db) as store:
        for outcome in outcomes:  # a report new to the database: against what the month's other reports state
            if not outcome.changes and outcome.document_id and outcome.status in ("extracted", "partial"):
                stated = store.month_facts(report_month, other_than=outcome.document_id)
                if stated:
                    outcome.changes = diff_facts(stated, store.stored_facts(outcome.document_id), same_document=False)
                    outcome.compared_with = f"what the other stored reports of {report_month} state"
        conflicting = conflict_rows(store, report_month)
    for outcome in outcomes:
        changes = outcome.changes
        if not changes:
            if outcome.status in ("extracted", "partial"):
                console.print(f"{outcome.name}: first extraction, and no other report of its month is stored: "
                              "nothing to compare with.")
            continue
        console.print(f"[bold]{outcome.name}[/bold] against {outcome.compared_with}: {len(changes['added'])} added, "
                      f"{len(changes['removed'])} removed, {len(changes['changed'])} changed value")
        for fact in changes["added"][:20]:
            console.print(f"  [green]+[/green] {escape(_describe(fact))}")
        for fact in changes["removed"][:20]:
            console.print(f"  [red]-[/red] {escape(_describe(fact))}")
        for old, new in changes["changed"][:20]:
            console.print(f"  [yellow]~[/yellow] {escape(_describe(new))} (was {old.value})")
    if conflicting:
        console.print(f"[yellow]{len(conflicting)} figure(s)[/yellow] of {report_month} are stated differently by two "
                      f"reports; the later stands. See `extractor conflicts --month {report_month} --db {db}`.")
    if any(o.status == "error" for o in outcomes):
        raise typer.Exit(EXIT_INPUT_FAILED)


def _month_of(path: Path, max_bytes: int) -> str | None:
    try:
        return find_report_month(read_document(path, max_bytes).text).value
    except ExtractorError:
        return None


def _describe(fact: Fact) -> str:
    label = fact.label
    segment = f" [{label.segment}]" if label.segment else ""
    return (f"{label.commodity}{segment} {label.metric} {label.period} {label.basis} {label.measure} = "
            f"{fact.value} {fact.unit or ''}")
