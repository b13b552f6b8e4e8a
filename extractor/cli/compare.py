"""`extractor eval --compare`: several providers (and strategies) run and scored on the same documents and
sections, side by side in one table (and compare.json and compare.md in the --report folder)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from extractor.eval import harness as ev
from extractor.eval.oracle import OracleProvider
from extractor.eval.scoring import Report, score_documents
from extractor.facts import DocumentFacts
from extractor.llm.registry import LLMConfig
from extractor.run_options import RunOptions
from extractor.settings import load_settings

from .common import console, err_console
from .options import known_strategy


def compare_providers(specs: str, gold: list[DocumentFacts], docs: Path, base: LLMConfig, sections: frozenset[str] | None,
                      work_db: Path | None, report_dir: Path | None, chosen: tuple[str, str],
                      oracle: OracleProvider | None = None) -> None:
    """Run and score each provider[:strategy] on the same documents and sections; one table side by side."""
    rows = []
    for spec in filter(None, (s.strip() for s in specs.split(","))):
        provider, _, strategy = spec.partition(":")
        config = replace(base, provider=provider)
        options = RunOptions(provider=provider, strategy=known_strategy(strategy or "read"), sections=sections, labels=chosen[0], drivers=chosen[1])
        console.print(f"extracting with {spec} ...")
        predictions, cost = ev.from_fresh_run(docs, load_settings(), options, config, work_db,
                                              oracle if provider == "oracle" else None)
        report = score_documents(gold, predictions.documents)
        rows.append((spec, report, cost))
    table = Table(title="providers side by side" + (f" on a sample of {len(sections)} sections" if sections else ""),
                  title_justify="left")
    for column in _COMPARE_COLUMNS:
        table.add_column(column, justify="left" if column == "provider" else "right")
    for spec, report, cost in rows:
        table.add_row(*_compare_cells(spec, report, cost))
    console.print(table)
    for spec, _, cost in rows:  # a score is only as good as what was asked: say what failed
        _print_compare_failures(spec, cost)
    if report_dir is not None:
        _write_compare(report_dir, sections, [_compare_summary(*row) for row in rows], table)
    if any(cost.failed for _, _, cost in rows):
        raise typer.Exit(1)  # some input failed: the scores above are not the providers' own


_COMPARE_COLUMNS = ("provider", "core P", "core R", "core F1", "all F1", "drivers F1", "failed docs", "missing",
                    "failed questions", "s/section", "requests/section", "tokens in/section", "tokens out/section")


def _compare_cells(spec: str, report: Report, cost: ev.RunCost) -> list[str]:
    """One provider's row of the side-by-side table, in the order of _COMPARE_COLUMNS."""
    n = max(cost.sections, 1)
    core, everything, drivers = (report.overall[k] for k in ("core", "all", "drivers"))
    llm = cost.llm or {}
    return [spec, f"{core.precision:.3f}", f"{core.recall:.3f}", f"{core.f1:.3f}", f"{everything.f1:.3f}",
            f"{drivers.f1:.3f}", str(len(cost.failed)), str(cost.missing_recordings), str(cost.failed_questions),
            f"{cost.seconds / n:.2f}", f"{llm.get('requests', 0) / n:.1f}",
            f"{llm.get('tokens_in', 0) / n:.0f}", f"{llm.get('tokens_out', 0) / n:.0f}"]


def _compare_summary(spec: str, report: Report, cost: ev.RunCost) -> dict[str, Any]:
    """One provider's entry in compare.json."""
    return {"provider": spec, "sections": cost.sections, "seconds": round(cost.seconds, 2), "llm": cost.llm or {},
            "failed_documents": cost.failed, "missing_recordings": cost.missing_recordings,
            "failed_questions": cost.failed_questions, **{k: v.as_dict() for k, v in report.overall.items()}}


def _print_compare_failures(spec: str, cost: ev.RunCost) -> None:
    for name, why in cost.failed.items():
        err_console.print(f"[red]{escape(spec)}:[/red] {escape(name)} failed: {escape(why)} (scored as zero)")
    if cost.failed_questions:
        err_console.print(f"[yellow]{escape(spec)}:[/yellow] {cost.failed_questions} LLM question(s) failed; the "
                          "rules' reading stands in for them")


def _write_compare(report_dir: Path, sections: frozenset[str] | None, summary: list[dict[str, Any]],
                   table: Table) -> None:
    """compare.json (every provider's scores and costs) and compare.md (the table) in the --report folder."""
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "compare.json").write_text(json.dumps(
        {"sections": sorted(sections) if sections else None, "providers": summary}, indent=2) + "\n")
    lines = ["| " + " | ".join(_COMPARE_COLUMNS) + " |", "|" + " --- |" * len(_COMPARE_COLUMNS)]
    lines += ["| " + " | ".join(str(c) for c in row_values) + " |" for row_values in _rows_of(table)]
    (report_dir / "compare.md").write_text("\n".join(lines) + "\n")
    console.print(f"Wrote {report_dir / 'compare.json'} and {report_dir / 'compare.md'}.")


def _rows_of(table: Table) -> list[list[str]]:
    cells = [list(column.cells) for column in table.columns]
    return [[str(cells[c][r]) for c in range(len(cells))] for r in range(len(cells[0]) if cells else 0)]
