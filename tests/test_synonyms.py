"""A synonym reaches every rule (issue 21): the corpus read with one cue word swapped for its synonym across every
text scores as the corpus does.

The corpus (../shared/corpus, never copied into the repo) is read at test time; each swap is made in memory and the
swapped texts are written to a temporary folder only for the run's reading.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.eval.harness import from_fresh_run
from extractor.eval.scoring import score_documents
from extractor.facts import DocumentFacts, load_document_facts
from extractor.run_options import RunOptions
from extractor.settings import load_settings
# ../shared/corpus beside the checkout (a worktree stands a level further down)
CORPUS = next((p / "shared" / "corpus" for p in Path(__file__).resolve().parents if (p / "shared" / "corpus").is_dir()),
              Path("shared") / "corpus")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")]

# A word and its synonym, each with its inflections in the same order: every form as written (lower or capitalised)
# becomes the synonym's. A word written in capitals ("MoM") is swapped as written only.
SWAPS = {
    "increase->hike": (("increase", "increases", "increased", "increasing"), ("hike", "hikes", "hiked", "hiking")),
    "rose->climbed": (("rose",), ("climbed",)),
    "MoM->m/m": (("MoM",), ("m/m",)),
}


def _swapped(text: str, words: tuple[str, ...], synonyms: tuple[str, ...]) -> tuple[str, int]:
    """The text with each word swapped for its synonym, and how many were swapped."""
    by_word = dict(zip(words, synonyms))

    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        synonym = by_word[found if found in by_word else found.lower()]
        return synonym[0].upper() + synonym[1:] if found[0].isupper() and not found.isupper() else synonym
    pattern = r"\b(?:" + "|".join(map(re.escape, words)) + r")\b"
    return re.subn(pattern, swap, text, flags=0 if words[0] != words[0].lower() else re.I)


def _scores(docs: Path, gold: list[DocumentFacts]) -> dict[str, float]:
    """F1 over the whole (core, all facts, drivers) and of each measure (mom_pct, yoy_direction, level, ...)."""
    predictions, _ = from_fresh_run(docs, load_settings(), RunOptions())
    report = score_documents(gold, predictions.documents)
    return {**{scope: report.overall[scope].f1 for scope in ("core", "all", "drivers")},
            **{measure: score.f1 for measure, score in report.by["measure"].items()}}


@pytest.fixture(scope="module")
def gold() -> list[DocumentFacts]:
    return [load_document_facts(p) for p in sorted((CORPUS / "gold").glob("*.json"))]


@pytest.fixture(scope="module")
def unswapped(gold: list[DocumentFacts]) -> dict[str, float]:
    return _scores(CORPUS / "docs", gold)


@pytest.mark.parametrize("swap", list(SWAPS))
def test_a_synonym_scores_as_its_word(swap: str, gold: list[DocumentFacts], unswapped: dict[str, float],
                                      tmp_path: Path) -> None:
    """Every score (overall and of each measure) within 0.01 of the corpus as written."""
    swaps = 0
    for path in sorted((CORPUS / "docs").iterdir()):
        text, count = _swapped(path.read_text(encoding="utf-8"), *SWAPS[swap])
        swaps += count
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    assert swaps > 0, f"the corpus never writes {swap}"
    swapped = _scores(tmp_path, gold)
    moved = {s: (round(unswapped.get(s, 0.0), 3), round(swapped.get(s, 0.0), 3)) for s in {*unswapped, *swapped}
             if abs(swapped.get(s, 0.0) - unswapped.get(s, 0.0)) > 0.01}
    assert not moved, f"{swap}: scores moved (before, after): {moved}"
