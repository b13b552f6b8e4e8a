"""The run's summary as printed (extractor.cli.extract.print_summary): pinned as snapshots of the whole text, so a
change to what `extractor run` and `extractor month` print shows here as a diff to review."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from extractor.batch import DocumentOutcome
from extractor.cli import extract

SNAPSHOTS = Path(__file__).parent / "snapshots" / "summary"


def _outcome(name: str, status: str, **fields: object) -> DocumentOutcome:
    return DocumentOutcome(path=f"/reports/{name}", name=name, status=status, **fields)  # type: ignore[arg-type]


BATCHES: dict[str, tuple[list[DocumentOutcome], dict]] = {
    # one of each kind of outcome, in a batch small enough to list every document
    "every_kind": ([
        _outcome("copper_2024_06.txt", "extracted", report_month="2024-06", report_format="smm_review", sections=3,
                 accepted=10, needs_review=2, rejected=1, drivers=4),
        _outcome("zinc_2024_06.txt", "partial", report_month="2024-06", failed_questions=3, sections=2, accepted=5),
        _outcome("clipping.txt", "partial", failed_questions=1,
                 month_note="no report month in the text; its facts wait in review"),
        _outcome("copper_again.txt", "duplicate", error="the same text as copper_2024_06.txt"),
        _outcome("broken.txt", "error", error="broken.txt: not valid UTF-8"),
        _outcome("nickel_2024_05.txt", "unchanged", report_month="2024-05"),
    ], {}),
    "all_unchanged": ([_outcome("copper_2024_06.txt", "unchanged", report_month="2024-06"),
                       _outcome("zinc.txt", "unchanged")], {}),
    "nothing": ([], {}),
    # more documents than SUMMARY_ROWS: counts, then only those with a problem
    "long_with_problems": ([
        _outcome(f"month_{i:02}.txt", "extracted" if i % 7 else "unchanged", report_month="2024-01", sections=1,
                 accepted=i) for i in range(52)
    ] + [_outcome("broken.txt", "error", error="broken"),
         _outcome("guessed.txt", "extracted", month_note="the report month is a guess from the file name")], {}),
    "long_without_problems": ([_outcome(f"month_{i:02}.txt", "extracted", sections=1) for i in range(51)], {}),
    "with_llm_account": ([_outcome("copper_2024_06.txt", "extracted", report_month="2024-06", sections=1)],
                         {"label": "openai gpt-test", "requests": 12, "cached": 2, "failed": 1, "retries": 3,
                          "tokens_in": 12345, "tokens_out": 678, "seconds": 9.4}),
}


@pytest.mark.parametrize("name", BATCHES)
def test_the_summary_prints_as_pinned(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Refresh with UPDATE_SNAPSHOTS=1 after a reviewed change to the summary."""
    monkeypatch.delenv("EXTRACTOR_PRICE_IN", raising=False)
    monkeypatch.delenv("EXTRACTOR_PRICE_OUT", raising=False)
    printed = io.StringIO()
    monkeypatch.setattr(extract, "console", Console(file=printed, width=160, highlight=False, color_system=None))
    outcomes, account = BATCHES[name]
    extract.print_summary(outcomes, Path("reports.db"), account)
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(printed.getvalue())
    assert path.exists(), f"no snapshot for {name}: run with UPDATE_SNAPSHOTS=1"
    assert printed.getvalue() == path.read_text()
