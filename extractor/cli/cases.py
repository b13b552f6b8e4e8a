"""`extractor eval --cases FILE`: read the phrasing cases with a provider, score them like gold, list the failures."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from extractor.errors import ExtractorError
from extractor.eval.case_runs import CaseReading, run_cases, score_cases
from extractor.eval.cases import load_cases
from extractor.eval.scoring import Report, failed_thresholds, parse_thresholds
from extractor.llm.registry import LLMConfig
from extractor.run_options import STRATEGIES, RunOptions
from extractor.settings import load_settings

from .common import console, fail


def evaluate_cases(path: Path, config: LLMConfig, strategy: str, chosen: tuple[str, str], fail_under: str | None,
                   oracle_p: float | None) -> None:
    """Read and score the case file, list the cases that fail; exit 1 below a --fail-under threshold."""
    if oracle_p is not None:
        fail("--oracle-p answers from gold files; a case file has none (drop --oracle-p)")
    if strategy not in STRATEGIES:
        fail(f"--strategy must be one of {', '.join(STRATEGIES)}")
    try:
        thresholds = parse_thresholds(fail_under or "")
        cases = load_cases(path)
        options = RunOptions(provider=config.provider, strategy=strategy, labels=chosen[0], drivers=chosen[1])
        readings = run_cases(cases, load_settings(), options, config)
    except (ExtractorError, ValueError) as e:
        fail(str(e))
        return
    report = score_cases(readings)
    _print_scores(report, config.provider)
    failing = [r for r in readings if r.problems]
    _print_failures(failing)
    console.print(f"{len(readings) - len(failing)} of {len(readings)} cases pass ({config.provider}).")
    failures = failed_thresholds(report, thresholds)
    for failure in failures:
        console.print(f"[red]below threshold:[/red] {failure}")
    if failures:  # as `extractor eval`: the exit code is the thresholds', failing cases are listed above
        raise typer.Exit(1)


def _print_scores(report: Report, provider: str) -> None:
    table = Table(title=f"phrasing cases, {provider}", title_justify="left")
    for column in ("scope", "precision", "recall", "F1", "matched", "expected", "extracted"):
        table.add_column(column, justify="left" if column == "scope" else "right")
    for name, score in report.overall.items():
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}", str(score.matched),
                      str(score.gold), str(score.predicted))
    console.print(table)


def _print_failures(failing: list[CaseReading]) -> None:
    for reading in failing:
        known = f" [yellow]known: {escape(reading.case.known_failure)}[/yellow]" if reading.case.known_failure else ""
        console.print(f"[red]FAIL[/red] {escape(reading.case.id)} ({escape(reading.case.kind)}){known}")
        for problem in reading.problems:
            console.print(f"    {escape(problem)}", soft_wrap=True)
