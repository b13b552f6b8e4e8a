"""`extractor month`: re-extracting one report month and saying what changed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape

from extractor.batch import DocumentOutcome
from extractor.dataset import conflict_rows
from extractor.errors import ExtractorError
from extractor.formats import RulesFormat, choose_format
from extractor.reconcile.gate import diff_facts
from extractor.record import Fact
from extractor.settings import load_settings
from extractor.text.documents import iter_input_paths, read_document

from .common import DB_OPTION, EXIT_INPUT_FAILED, checked_month, console, err_console, existing_db, fail, open_db
from .extract import print_summary, run_with_progress
from .options import LLMOptions, checked_strategy, llm_config, policies


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
    candidates = _in_folder(from_dir, report_month) if from_dir is not None else _stored_paths(db, report_month)
    if not candidates:
        fail(f"no documents for report month {report_month} (in the database, or in --from)")
    config = llm_config(provider, model, model_path, base_url, mode, concurrency, record, replay)
    outcomes, account = run_with_progress(candidates, db, config, True, " ".join(sys.argv), policies(llm_labels, llm_drivers),
                                          report_month, checked_strategy(strategy))
    print_summary(outcomes, db, account)
    conflicting = _compare_new_reports(db, report_month, outcomes)
    for outcome in outcomes:
        _print_changes(outcome)
    if conflicting:
        console.print(f"[yellow]{len(conflicting)} figure(s)[/yellow] of {report_month} are stated differently by two "
                      f"reports; the later stands. See `extractor conflicts --month {report_month} --db {db}`.")
    if any(o.status == "error" for o in outcomes):
        raise typer.Exit(EXIT_INPUT_FAILED)


def _in_folder(folder: Path, report_month: str) -> list[Path]:
    """The folder's reports of that month, and those whose text names no month."""
    if not folder.is_dir():
        fail(f"{folder}: no such folder", EXIT_INPUT_FAILED)
    max_bytes = load_settings().max_document_bytes
    return [p for p in iter_input_paths([str(folder)]) if _month_of(p, max_bytes) in (report_month, None)]


def _stored_paths(db: Path, report_month: str) -> list[Path]:
    """A path that still exists for each stored report of that month (a warning for each with none)."""
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
    return candidates


def _compare_new_reports(db: Path, report_month: str, outcomes: list[DocumentOutcome]) -> list[dict[str, Any]]:
    """Give a report new to the database the changes against what the month's other stored reports state; return
    the month's figures that two reports state differently."""
    with existing_db(db) as store:
        for outcome in outcomes:
            if not outcome.changes and outcome.document_id and outcome.status in ("extracted", "partial"):
                stated = store.month_facts(report_month, other_than=outcome.document_id)
                if stated:
                    outcome.changes = diff_facts(stated, store.stored_facts(outcome.document_id), same_document=False)
                    outcome.compared_with = f"what the other stored reports of {report_month} state"
        return conflict_rows(store, report_month)


def _print_changes(outcome: DocumentOutcome) -> None:
    """What changed in one re-extracted report (at most 20 of each kind), or that it had nothing to compare with."""
    changes = outcome.changes
    if not changes:
        if outcome.status in ("extracted", "partial"):
            console.print(f"{outcome.name}: first extraction, and no other report of its month is stored: "
                          "nothing to compare with.")
        return
    console.print(f"[bold]{outcome.name}[/bold] against {outcome.compared_with}: {len(changes['added'])} added, "
                  f"{len(changes['removed'])} removed, {len(changes['changed'])} changed value")
    for fact in changes["added"][:20]:
        console.print(f"  [green]+[/green] {escape(_describe(fact))}")
    for fact in changes["removed"][:20]:
        console.print(f"  [red]-[/red] {escape(_describe(fact))}")
    for old, new in changes["changed"][:20]:
        console.print(f"  [yellow]~[/yellow] {escape(_describe(new))} (was {old.value})")


def _month_of(path: Path, max_bytes: int) -> str | None:
    """The month a report reviews, as the format chosen for its text reads it (the shared rules' where none is)."""
    try:
        text = read_document(path, max_bytes).text
        return (choose_format(text) or RulesFormat()).report_month(text).value
    except ExtractorError:
        return None


def _describe(fact: Fact) -> str:
    label = fact.label
    segment = f" [{label.segment}]" if label.segment else ""
    return (f"{label.commodity}{segment} {label.metric} {label.period} {label.basis} {label.measure} = "
            f"{fact.value} {fact.unit or ''}")
