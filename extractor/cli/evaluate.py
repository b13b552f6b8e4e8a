"""`extractor eval`: score extraction against gold facts files and fail below thresholds."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from ..documents import iter_input_paths
from ..errors import ExtractorError
from ..export import document_facts
from ..facts import DocumentFacts, load_document_facts
from ..pipeline import RunOptions, run_batch
from ..scoring import Report, failed_thresholds, parse_thresholds, score_documents
from ..settings import load_settings
from ..store import Store, open_store
from .common import console, fail


def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Folder of gold facts files (<document stem>.json)."),
    docs: Optional[Path] = typer.Option(None, "--docs", help="Folder of source documents to extract now and score."),
    from_db: Optional[Path] = typer.Option(None, "--from-db", help="Score what this database already holds instead."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score exported facts files from this folder instead."),
    provider: str = typer.Option("rules", help="Provider used with --docs."),
    report_dir: Optional[Path] = typer.Option(None, "--report", help="Write report.json and report.md here."),
    fail_under: Optional[str] = typer.Option(None, "--fail-under", help="Exit 1 below thresholds, e.g. core_f1=0.9,all_f1=0.8."),
) -> None:
    """Score extraction against gold: precision, recall and F1 for core facts, all facts and drivers."""
    try:
        thresholds = parse_thresholds(fail_under or "")
    except ValueError as e:
        fail(str(e))
        raise
    gold_docs = [load_document_facts(p) for p in sorted(gold.glob("*.json"))] if gold.is_dir() else []
    if not gold_docs:
        fail(f"{gold}: no gold facts files (*.json) found")
    sources = [s for s in (docs, from_db, pred) if s is not None]
    if len(sources) != 1:
        fail("give exactly one of --docs, --from-db or --pred")
    try:
        predicted = _predictions(docs, from_db, pred, provider)
    except ExtractorError as e:
        fail(str(e))
        raise
    report = score_documents(gold_docs, predicted)
    _print(report)
    if report_dir is not None:
        report_dir.mkdir(parents=True, exist_ok=True)
        (report_dir / "report.json").write_text(json.dumps(report.as_dict(), indent=2) + "\n")
        (report_dir / "report.md").write_text(_markdown(report))
        console.print(f"Wrote {report_dir / 'report.json'} and {report_dir / 'report.md'}.")
    failures = failed_thresholds(report, thresholds)
    for failure in failures:
        console.print(f"[red]below threshold:[/red] {failure}")
    if failures:
        raise typer.Exit(1)


def _predictions(docs: Path | None, from_db: Path | None, pred: Path | None, provider: str) -> dict[str, DocumentFacts]:
    if pred is not None:
        return {d.document: d for d in (load_document_facts(p) for p in sorted(pred.glob("*.json")))}
    if from_db is not None:
        if not from_db.exists():
            fail(f"{from_db}: no such database")
        return _from_store(open_store(from_db))
    assert docs is not None
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "eval.db")
        run_batch(iter_input_paths([str(docs)]), store, load_settings(), RunOptions(provider=provider), "eval")
        return _from_store(store)


def _from_store(store: Store) -> dict[str, DocumentFacts]:
    try:
        return {d["name"]: document_facts(store, d) for d in store.documents()}
    finally:
        store.close()


def _print(report: Report) -> None:
    table = Table(title="extraction accuracy", title_justify="left")
    for column in ("scope", "precision", "recall", "F1", "matched", "gold", "extracted"):
        table.add_column(column, justify="left" if column == "scope" else "right")
    for name, score in report.overall.items():
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      str(score.matched), str(score.gold), str(score.predicted))
    console.print(table)
    if report.month_total:
        console.print(f"report month: {report.month_correct}/{report.month_total} correct")


def _markdown(report: Report) -> str:
    lines = ["# Extraction accuracy", "", "| scope | precision | recall | F1 | matched | gold | extracted |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for name, s in report.overall.items():
        lines.append(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.matched} | {s.gold} | {s.predicted} |")
    lines += ["", f"Report month: {report.month_correct}/{report.month_total} correct.", ""]
    for group, scores in report.by.items():
        lines += [f"## By {group}", "", "| {0} | precision | recall | F1 | gold |".format(group), "| --- | --- | --- | --- | --- |"]
        for key, s in sorted(scores.items()):
            lines.append(f"| {key} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.gold} |")
        lines.append("")
    for title, items in (("Missed (in gold, not extracted)", report.missed), ("Extra (extracted, not in gold)", report.extra)):
        lines += [f"## {title}", ""]
        for document, fact in items[:50]:
            lines.append(f"- {document}: {fact.commodity} {fact.metric} {fact.segment or ''} {fact.period} "
                         f"{fact.basis} {fact.measure} = {fact.value} — “{fact.quote}”")
        lines.append("")
    return "\n".join(lines)
