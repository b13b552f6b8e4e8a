"""`extractor eval`: score extraction against gold, and `extractor eval check-gold`: validate the gold itself."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from extractor.errors import ExtractorError
from extractor.eval import harness as ev
from extractor.eval.gold import ERROR, check_gold_dir
from extractor.eval.oracle import OracleProvider, oracle_documents
from extractor.eval.scoring import Report, failed_thresholds, parse_thresholds, score_documents, score_numbers
from extractor.facts import DocumentFacts, load_document_facts
from extractor.llm.registry import LLMConfig
from extractor.run_options import RunOptions
from extractor.settings import load_settings

from .cases import evaluate_cases
from .common import console, fail, llm_account_line
from .compare import compare_providers
from .options import LLMOptions, known_strategy, llm_config, policies

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
    gold_dirs: Optional[list[Path]] = typer.Option(
        None, "--gold", help="Folder of gold facts files (<document stem>.json). Repeat it, paired in order with "
        "--docs, to score several document sets at once (one --gold serves every --docs)."),
    docs_dirs: Optional[list[Path]] = typer.Option(
        None, "--docs", help="Folder of source documents: extract them now and score. Repeatable: each folder is a "
        "document set, scored on its own and together (report.md has per-set, per-format and per-year tables)."),
    from_db: Optional[Path] = typer.Option(None, "--from-db", help="Score what this database already holds instead."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score exported facts files from this folder instead."),
    sources: Optional[Path] = typer.Option(
        None, "--sources", help="Folder of source texts for --pred (for the numbers-only view and --html)."),
    provider: Optional[str] = LLMOptions.provider,
    strategy: str = LLMOptions.strategy,
    oracle_p: Optional[float] = typer.Option(
        None, "--oracle-p", min=0.0, max=1.0, help="Answer every LLM question from the gold itself, right with this "
        "probability and otherwise plausibly wrong: shows what each strategy and policy would do with an LLM that "
        "good (docs/benchmarks.md has the table)."),
    oracle_seed: int = typer.Option(
        0, "--oracle-seed", help="Which of the oracle's reproducible draws of mistakes to take (with --oracle-p "
        "under 1): scores over several seeds show how much one draw moves them."),
    compare: Optional[str] = typer.Option(
        None, "--compare", help="Score several providers side by side on the same --docs, e.g. "
        "'rules,local,local:naive' (provider[:strategy]); prints accuracy, time and tokens per section."),
    sample: Optional[int] = typer.Option(None, "--sample", min=1, help="Extract only this many sections, a fixed "
                                         "sample (the same for every provider); gold is cut to match."),
    work_db: Optional[Path] = typer.Option(None, "--work-db", help="Database to extract into (default: a temporary "
                                           "one). Keep it to answer repeated LLM requests from its cache."),
    model: Optional[str] = LLMOptions.model,
    model_path: Optional[Path] = LLMOptions.model_path,
    base_url: Optional[str] = LLMOptions.base_url,
    mode: str = LLMOptions.mode,
    concurrency: int = LLMOptions.concurrency,
    replay: Optional[Path] = LLMOptions.replay,
    record: Optional[Path] = LLMOptions.record,
    llm_labels: str = LLMOptions.labels,
    llm_drivers: str = LLMOptions.drivers,
    report_dir: Optional[Path] = typer.Option(None, "--report", help="Write report.json and report.md here."),
    html_page: bool = typer.Option(False, "--html", help="Also write report.html (needs --report): each document "
                                   "with matched, missed and extra facts highlighted on its text."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="An earlier report.json: print what got better or worse."),
    fail_under: Optional[str] = typer.Option(
        None, "--fail-under", help="Exit 1 below thresholds, e.g. core_f1=0.9,all_f1=0.8 (scopes core, all, drivers; "
        "measures precision, recall, f1)."),
    cases: Optional[Path] = typer.Option(
        None, "--cases", help="Score a phrasing case file (tests/cases/phrasings.toml) with --provider instead of "
        "gold: each case read alone, the failing ones listed."),
) -> None:
    """Score extraction against gold facts files."""
    if ctx.invoked_subcommand is not None:
        return
    if cases is not None:
        config = llm_config(provider, model, model_path, base_url, mode, concurrency, record, replay)
        return evaluate_cases(cases, config, strategy, policies(llm_labels, llm_drivers), fail_under, oracle_p)
    if not gold_dirs:
        console.print(ctx.get_help())
        fail("--gold is required: the folder of gold facts files")
        return
    settings = load_settings()
    base = llm_config("oracle" if oracle_p is not None else provider, model, model_path, base_url, mode, concurrency,
                      record, replay)
    docs_list = docs_dirs or []
    try:
        thresholds = parse_thresholds(fail_under or "")
        sets = _document_sets(gold_dirs, docs_list)
        gold_docs, set_of = _gold_of_sets(sets)
        selection = _Selection(docs_list, sample, compare, oracle_p, settings.max_document_bytes, oracle_seed)
        gold_docs, sections, oracle = selection.prepare(gold_docs)
        if compare is not None:
            docs = selection.one_docs("--compare extracts the documents with each provider: give --docs")
            compare_providers(compare, gold_docs, docs, base, sections, work_db, report_dir,
                              policies(llm_labels, llm_drivers), oracle)
            return
        chosen = policies(llm_labels, llm_drivers)
        predictions = ev.Predictions({})
        for _, _, docs_dir in sets if docs_list else [("", None, None)]:
            predictions.merge(_predictions(docs_dir, from_db, pred, base, strategy, sections, work_db, chosen, oracle,
                                           _examples(sets)))
    except (ExtractorError, ValueError) as e:
        fail(str(e))
        return
    if html_page and report_dir is None:
        fail("--html writes report.html into the --report folder; give --report DIR too")
    report = _score(gold_docs, predictions, set_of, [*docs_list, *([sources] if sources else [])],
                    settings.max_document_bytes)
    _show(report, len(sets) > 1, baseline)
    if report_dir is not None:
        _write_reports(report_dir, report, gold_docs, predictions, html_page)
    _check_thresholds(report, thresholds)


@dataclass(frozen=True)
class _Selection:
    """What --docs, --sample, --compare and --oracle-p ask of a scoring, checked together."""

    docs_dirs: list[Path]
    sample: int | None
    compare: str | None
    oracle_p: float | None
    max_bytes: int
    oracle_seed: int = 0

    def one_docs(self, why: str) -> Path:
        """The one --docs folder, or an error saying why one is needed."""
        if len(self.docs_dirs) != 1:
            raise ExtractorError(why)
        return self.docs_dirs[0]

    def prepare(self, gold: list[DocumentFacts]) -> tuple[list[DocumentFacts], frozenset[str] | None,
                                                         OracleProvider | None]:
        """The gold to score (cut to the --sample's sections), those sections, and the --oracle-p oracle."""
        if (self.sample is not None or self.compare is not None) and len(self.docs_dirs) > 1:
            raise ExtractorError("--sample and --compare take one --docs folder")
        oracle = _oracle(gold, self.docs_dirs, self.oracle_p, self.max_bytes, self.oracle_seed)
        if self.sample is None:
            return gold, None, oracle
        docs = self.one_docs("--sample extracts a sample of sections: give --docs")
        sections = ev.sample_sections(docs, self.sample, self.max_bytes)
        return ev.restrict_gold(gold, sections, docs, self.max_bytes), sections, oracle


def _score(gold_docs: list[DocumentFacts], predictions: ev.Predictions, set_of: dict[str, str],
           text_folders: list[Path], max_bytes: int) -> Report:
    """The report of the predictions against the gold (the numbers-only view where the texts can be read); a
    document that failed is named and scores zero."""
    for text_folder in text_folders:
        names = [g.document for g in gold_docs if g.document not in predictions.texts]
        predictions.texts.update(ev.read_texts(text_folder, names, max_bytes))
    for _, why in sorted(predictions.failed.items()):
        console.print(f"[red]failed, scores zero:[/red] {escape(why)}")
    report = score_documents(gold_docs, predictions.documents, ev.document_tags(gold_docs, predictions, set_of))
    report.failed = dict(predictions.failed)
    if predictions.texts:
        report.numbers = score_numbers(gold_docs, predictions.documents, predictions.texts)
    return report


def _show(report: Report, several_sets: bool, baseline: Path | None) -> None:
    """Print the scores, per set when there are several, and what changed since the --baseline."""
    _print(report)
    if several_sets:
        _print_slices(report, "set")
    if baseline is not None:
        try:
            _print_baseline(ev.compare_to_baseline(report, baseline))
        except ExtractorError as e:
            fail(str(e))


def _check_thresholds(report: Report, thresholds: dict[str, float]) -> None:
    """Name every --fail-under threshold the report is below, and exit 1 if any is."""
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
        console.print(f"[{colour}]{escape(str(problem))}[/{colour}]", soft_wrap=True)
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


def _predictions(docs: Path | None, from_db: Path | None, pred: Path | None, config: LLMConfig, strategy: str,
                 sections: frozenset[str] | None, work_db: Path | None, chosen: tuple[str, str],
                 oracle: OracleProvider | None = None,
                 examples: tuple[tuple[str, str], ...] = ()) -> ev.Predictions:
    if sum(s is not None for s in (docs, from_db, pred)) != 1:
        raise ExtractorError("give exactly one of --docs, --from-db or --pred")
    if pred is not None:
        return ev.from_fact_files(pred)
    if from_db is not None:
        return ev.from_database(from_db)
    assert docs is not None
    if not docs.is_dir():
        raise ExtractorError(f"{docs}: not a folder of documents")
    options = RunOptions(provider=config.provider, strategy=known_strategy(strategy), sections=sections, labels=chosen[0],
                         drivers=chosen[1], examples=examples)
    predictions, cost = ev.from_fresh_run(docs, load_settings(), options, config, work_db, oracle)
    if cost.llm:
        console.print(llm_account_line({"label": config.provider, **cost.llm}))
    return predictions


def _oracle(gold: list[DocumentFacts], docs_dirs: list[Path], p: float | None, max_bytes: int,
            seed: int = 0) -> OracleProvider | None:
    """The gold oracle of --oracle-p (or for 'oracle' in --compare), reading the gold documents' texts."""
    if p is None:
        return None
    if not docs_dirs:
        raise ExtractorError("--oracle-p extracts the documents with an oracle LLM: give --docs")
    texts: dict[str, str] = {}
    for folder in docs_dirs:
        texts.update(ev.read_texts(folder, [g.document for g in gold if g.document not in texts], max_bytes))
    return OracleProvider(oracle_documents(gold, texts), p, seed)


def _examples(sets: list[tuple[str, Path, Path | None]]) -> tuple[tuple[str, str], ...]:
    """The gold sets scored serve the reading question's worked examples, each document's never its own."""
    return tuple((str(gold), str(docs)) for _, gold, docs in sets if docs is not None)


def _write_reports(folder: Path, report: Report, gold: list[DocumentFacts], predictions: ev.Predictions, html_page: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(json.dumps(report.as_dict(), indent=2) + "\n")
    (folder / "report.md").write_text(ev.render_markdown(report))
    written = ["report.json", "report.md"]
    if html_page:
        (folder / "report.html").write_text(ev.render_html(report, gold, predictions.documents, predictions.texts))
        written.append("report.html")
    console.print(f"Wrote {', '.join(str(folder / name) for name in written)}.")


def _document_sets(gold_dirs: list[Path], docs_dirs: list[Path]) -> list[tuple[str, Path, Path | None]]:
    """(set name, gold folder, documents folder) for each set: --gold and --docs paired in order, or one --gold
    for every --docs. A set is named for its documents folder ("corpus" for corpus/docs)."""
    if docs_dirs and len(gold_dirs) not in (1, len(docs_dirs)):
        raise ExtractorError(f"{len(gold_dirs)} --gold folders for {len(docs_dirs)} --docs folders: give one --gold, "
                             "or one for each --docs, in the same order")
    if not docs_dirs:
        return [(gold_dirs[0].name, gold_dirs[0], None)]
    golds = gold_dirs if len(gold_dirs) == len(docs_dirs) else gold_dirs * len(docs_dirs)
    return [((d.resolve().parent.name if d.name == "docs" else d.name), g, d) for g, d in zip(golds, docs_dirs)]


def _gold_of_sets(sets: list[tuple[str, Path, Path | None]]) -> tuple[list[DocumentFacts], dict[str, str]]:
    """Every set's gold files (each folder read once), and the set each gold document belongs to."""
    gold_docs: list[DocumentFacts] = []
    set_of: dict[str, str] = {}
    for gold_dir in dict.fromkeys(g for _, g, _ in sets):
        for doc in _load_gold(gold_dir):
            gold_docs.append(doc)
            homes = [name for name, g, d in sets if g == gold_dir and (d is None or (d / doc.document).exists())]
            set_of[doc.document] = homes[0] if homes else "-"
    return gold_docs, set_of


def _print_slices(report: Report, group: str) -> None:
    table = Table(title=f"by {group}", title_justify="left")
    for column in (group, "documents", "month right", "core F1", "all F1", "drivers F1"):
        table.add_column(column, justify="left" if column == group else "right")
    for key, piece in sorted(report.slices.get(group, {}).items()):
        table.add_row(escape(key), str(piece.documents), f"{piece.months_right}/{piece.documents}",
                      *(f"{piece.scores[k].f1:.3f}" for k in ("core", "all", "drivers")))
    console.print(table)


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
            console.print(escape(f"  {title}: {fact['document']}: {ev.describe(fact)} — “{fact['quote']}”"))
