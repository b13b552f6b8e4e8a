"""`extractor eval`: score extraction against gold, and `extractor eval check-gold`: validate the gold itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from .. import evaluation as ev
from ..errors import ExtractorError
from ..facts import DocumentFacts, load_document_facts
from ..gold import ERROR, check_gold_dir
from ..pipeline import RunOptions
from ..scoring import Report, failed_thresholds, parse_thresholds, score_documents, score_numbers
from ..settings import load_settings
from .common import console, fail

app = typer.Typer(
    help=(
        "Score extraction against gold annotations (precision, recall, F1 for core facts, all facts and drivers).\n\n"
        "Example: `extractor eval --gold eval/gold --docs ../shared/seeds --report out/ --html`.\n"
        "Check the gold files themselves with `extractor eval check-gold`."
    ),
    invoke_without_command=True,
    no_args_is_help=False,
)


@app.callback()
def evaluate(
    ctx: typer.Context,
    gold: Optional[Path] = typer.Option(None, "--gold", help="Folder of gold facts files (<document stem>.json)."),
    docs: Optional[Path] = typer.Option(None, "--docs", help="Folder of source documents: extract them now and score."),
    from_db: Optional[Path] = typer.Option(None, "--from-db", help="Score what this database already holds instead."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score exported facts files from this folder instead."),
    sources: Optional[Path] = typer.Option(
        None, "--sources", help="Folder of source texts for --pred (for the numbers-only view and --html)."),
    provider: str = typer.Option("rules", help="Provider used with --docs."),
    report_dir: Optional[Path] = typer.Option(None, "--report", help="Write report.json and report.md here."),
    html_page: bool = typer.Option(False, "--html", help="Also write report.html (needs --report): each document "
                                   "with matched, missed and extra facts highlighted on its text."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="An earlier report.json: print what got better or worse."),
    fail_under: Optional[str] = typer.Option(
        None, "--fail-under", help="Exit 1 below thresholds, e.g. core_f1=0.9,all_f1=0.8 (scopes core, all, drivers; "
        "measures precision, recall, f1)."),
) -> None:
    """Score extraction against gold facts files."""
    if ctx.invoked_subcommand is not None:
        return
    if gold is None:
        console.print(ctx.get_help())
        fail("--gold is required: the folder of gold facts files")
        return
    try:
        thresholds = parse_thresholds(fail_under or "")
        gold_docs = _load_gold(gold)
        predictions = _predictions(docs, from_db, pred, provider)
    except (ExtractorError, ValueError) as e:
        fail(str(e))
        return
    if html_page and report_dir is None:
        fail("--html writes report.html into the --report folder; give --report DIR too")
    settings = load_settings()
    text_folder = docs or sources
    if text_folder is not None:
        names = [g.document for g in gold_docs if g.document not in predictions.texts]
        predictions.texts.update(ev.read_texts(text_folder, names, settings.max_document_bytes))
    report = score_documents(gold_docs, predictions.documents)
    if predictions.texts:
        report.numbers = score_numbers(gold_docs, predictions.documents, predictions.texts)
    _print(report)
    if baseline is not None:
        try:
            _print_baseline(ev.compare_to_baseline(report, baseline))
        except ExtractorError as e:
            fail(str(e))
    if report_dir is not None:
        _write_reports(report_dir, report, gold_docs, predictions, html_page)
    failures = failed_thresholds(report, thresholds)
    for failure in failures:
        console.print(f"[red]below threshold:[/red] {failure}")
    if failures:
        raise typer.Exit(1)


@app.command("check-gold")
def check_gold(
    gold: Path = typer.Argument(Path("eval/gold"), help="Folder of gold facts files."),
    docs: Path = typer.Option(..., "--docs", help="Folder holding the documents the gold files name."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
) -> None:
    """Validate gold files: contract values, quotes found in the document, values readable from quotes, no duplicates."""
    if not gold.is_dir():
        fail(f"{gold}: not a folder of gold files")
    files, problems = check_gold_dir(gold, docs, load_settings().max_document_bytes)
    if files == 0:
        fail(f"{gold}: no gold facts files (*.json) found")
    for problem in problems:
        colour = "red" if problem.severity == ERROR else "yellow"
        console.print(f"[{colour}]{problem}[/{colour}]", soft_wrap=True)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    facts = sum(len(json.loads(p.read_text(encoding="utf-8")).get("facts", [])) for p in gold.glob("*.json"))
    console.print(f"{files} gold file(s), {facts} facts: {errors} error(s), {warnings} warning(s).")
    if errors or (strict and warnings):
        raise typer.Exit(1)


def _load_gold(gold: Path) -> list[DocumentFacts]:
    docs = [load_document_facts(p) for p in sorted(gold.glob("*.json"))] if gold.is_dir() else []
    if not docs:
        raise ExtractorError(f"{gold}: no gold facts files (*.json) found")
    return docs


def _predictions(docs: Path | None, from_db: Path | None, pred: Path | None, provider: str) -> ev.Predictions:
    if sum(s is not None for s in (docs, from_db, pred)) != 1:
        raise ExtractorError("give exactly one of --docs, --from-db or --pred")
    if pred is not None:
        return ev.from_fact_files(pred)
    if from_db is not None:
        return ev.from_database(from_db)
    assert docs is not None
    if not docs.is_dir():
        raise ExtractorError(f"{docs}: not a folder of documents")
    return ev.from_fresh_run(docs, load_settings(), RunOptions(provider=provider))


def _write_reports(folder: Path, report: Report, gold: list[DocumentFacts], predictions: ev.Predictions, html_page: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(json.dumps(report.as_dict(), indent=2) + "\n")
    (folder / "report.md").write_text(ev.render_markdown(report))
    written = ["report.json", "report.md"]
    if html_page:
        (folder / "report.html").write_text(ev.render_html(report, gold, predictions.documents, predictions.texts))
        written.append("report.html")
    console.print(f"Wrote {', '.join(str(folder / name) for name in written)}.")


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
    if report.numbers:
        n = report.numbers
        console.print(f"numbers only: {n.right}/{n.numbers} gold numbers grounded to the right fact ({n.accuracy:.3f}); "
                      f"{n.wrong} extracted with a wrong label, {n.missed} not extracted")


def _print_baseline(diff: ev.BaselineDiff) -> None:
    table = Table(title="against the baseline", title_justify="left")
    for column in ("scope", "measure", "before", "after", "change"):
        table.add_column(column, justify="left" if column in ("scope", "measure") else "right")
    for scope, measure, before, after in diff.scores:
        change = after - before
        colour = "green" if change > 1e-9 else "red" if change < -1e-9 else "dim"
        table.add_row(scope, measure, f"{before:.3f}", f"{after:.3f}", f"[{colour}]{change:+.3f}[/{colour}]")
    console.print(table)
    console.print(f"{len(diff.newly_missed)} newly missed, {len(diff.newly_extra)} newly wrong, {diff.fixed} fixed.")
    for title, facts in (("newly missed", diff.newly_missed), ("newly wrong", diff.newly_extra)):
        for fact in facts[:ev.MAX_LISTED]:
            console.print(f"  {title}: {fact['document']}: {ev.describe(fact)} — “{fact['quote']}”")
